#include "tracelog.h"

#include <algorithm>

namespace rpcscope::trace {

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

void TraceLog::startChunk()
{
    m_current = std::make_shared<Chunk>();
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
