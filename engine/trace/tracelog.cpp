#include "tracelog.h"

#include <algorithm>
#include <new>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

namespace rpcscope::trace {

namespace {

// A million simulated calls write some 300 MB of events. Allocated chunk by
// chunk in 4 KiB pages, that is 70,000 page faults, and on a virtual machine
// those cost more than the simulation that fills them. So chunks come eight
// at a time from a 2 MiB slab aligned to 2 MiB, which Linux may back with a
// single huge page: one fault per slab.
constexpr std::size_t kSlabBytes = 2 * 1024 * 1024;
constexpr std::size_t kChunksPerSlab = kSlabBytes / sizeof(TraceLog::Chunk);
static_assert(kChunksPerSlab >= 1 && kSlabBytes % sizeof(TraceLog::Chunk) == 0);

std::shared_ptr<void> newSlab()
{
    void *memory = ::operator new(kSlabBytes, std::align_val_t(kSlabBytes));
#if defined(Q_OS_LINUX) && defined(MADV_HUGEPAGE)
    madvise(memory, kSlabBytes, MADV_HUGEPAGE); // advice only: without huge pages it still works
#endif
    return std::shared_ptr<void>(memory, [](void *p) { ::operator delete(p, std::align_val_t(kSlabBytes)); });
}

} // namespace

qsizetype TraceLog::View::lowerBound(core::TimePoint time) const
{
    qsizetype lo = 0, hi = m_size;
    while (lo < hi) {
        const qsizetype mid = lo + (hi - lo) / 2;
        if (at(mid).timeUs < time.count())
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

TraceLog::TraceLog()
    : m_table(std::make_shared<const std::vector<std::shared_ptr<const Chunk>>>())
{
}

TraceLog::~TraceLog() = default;

// A chunk shares ownership of its slab. Its events are not initialised:
// Event is an aggregate (an implicit-lifetime type), so the slab's storage
// already holds the array, and every slot is written before the count that
// lets a view read it.
std::shared_ptr<TraceLog::Chunk> TraceLog::newChunk()
{
    if (!m_slab || m_slabChunks == kChunksPerSlab) {
        m_slab = newSlab();
        m_slabChunks = 0;
    }
    Chunk *chunk = static_cast<Chunk *>(m_slab.get()) + m_slabChunks++;
    return std::shared_ptr<Chunk>(m_slab, chunk);
}

void TraceLog::startChunk()
{
    m_current = newChunk();
    std::shared_ptr<const std::vector<std::shared_ptr<const Chunk>>> old;
    {
        std::lock_guard lock(m_tableMutex);
        old = m_table;
    }
    auto table = std::make_shared<std::vector<std::shared_ptr<const Chunk>>>();
    table->reserve(old->size() + 1);
    *table = *old;
    table->push_back(m_current);
    std::lock_guard lock(m_tableMutex);
    m_table = std::move(table);
}

void TraceLog::record(const Event &event)
{
    const qsizetype slot = m_written % kChunkEvents;
    if (slot == 0)
        startChunk(); // published before the count that covers it
    (*m_current)[std::size_t(slot)] = event;
    ++m_written;
    m_size.store(m_written, std::memory_order_release);
}

void TraceLog::clear()
{
    std::lock_guard lock(m_tableMutex);
    m_table = std::make_shared<const std::vector<std::shared_ptr<const Chunk>>>();
    m_current.reset();
    m_slab.reset();
    m_slabChunks = 0;
    m_written = 0;
    m_size.store(0, std::memory_order_release);
}

TraceLog::View TraceLog::view() const
{
    View view;
    // Count and table are read together under the lock: clear() and a new
    // chunk are published under it, so the count can never be paired with a
    // table it does not belong to. The table covers at least the count.
    std::lock_guard lock(m_tableMutex);
    view.m_size = m_size.load(std::memory_order_acquire);
    view.m_chunks = m_table;
    view.m_size = std::min<qsizetype>(view.m_size, qsizetype(m_table->size()) * kChunkEvents);
    return view;
}

qsizetype TraceLog::memoryBytes() const
{
    std::lock_guard lock(m_tableMutex);
    return qsizetype(m_table->size() * sizeof(Chunk));
}

} // namespace rpcscope::trace
