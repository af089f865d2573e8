#pragma once

#include "base/event.h"

#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

namespace rpcscope::trace {

// The session's append-only event log. One thread appends (the engine's);
// any number of threads read through views while it does, without copying
// the log and without blocking the writer beyond a pointer swap once per
// chunk.
//
// Events live in fixed-size chunks that never move once written, so a view
// is a list of chunk pointers plus a count: events below the count are
// immutable and safe to read. Chunks are carved out of larger slabs (see
// tracelog.cpp for why); a slab is freed with the last chunk anyone holds.
class TraceLog final : public EventSink
{
public:
    static constexpr qsizetype kChunkEvents = 8192;
    using Chunk = std::array<Event, kChunkEvents>;

    class View
    {
    public:
        View() = default;
        qsizetype size() const { return m_size; }
        bool isEmpty() const { return m_size == 0; }
        const Event &at(qsizetype i) const
        {
            return (*(*m_chunks)[std::size_t(i / kChunkEvents)])[std::size_t(i % kChunkEvents)];
        }
        const Event &operator[](qsizetype i) const { return at(i); }
        // Index of the first event at or after `time` (events are in time order).
        qsizetype lowerBound(core::TimePoint time) const;

    private:
        friend class TraceLog;
        std::shared_ptr<const std::vector<std::shared_ptr<const Chunk>>> m_chunks;
        qsizetype m_size = 0;
    };

    TraceLog();
    ~TraceLog() override;
    TraceLog(const TraceLog &) = delete;
    TraceLog &operator=(const TraceLog &) = delete;

    // Writer side (one thread).
    void record(const Event &event) override;
    // Drops every event. Views taken before stay valid and keep what they saw.
    void clear();

    // Reader side (any thread).
    qsizetype size() const { return m_size.load(std::memory_order_acquire); }
    View view() const;

    // Bytes held for events, including the unused tail of the last chunk
    // (not the chunks of the last slab that are still to be handed out).
    qsizetype memoryBytes() const;

private:
    void startChunk();
    std::shared_ptr<Chunk> newChunk();

    std::shared_ptr<void> m_slab;           // where new chunks come from (writer only)
    std::size_t m_slabChunks = 0;           // chunks of m_slab handed out (writer only)
    std::shared_ptr<Chunk> m_current;       // the chunk being filled (writer only)
    qsizetype m_written = 0;                // events written (writer only)
    std::atomic<qsizetype> m_size{0};       // events published to readers
    mutable std::mutex m_tableMutex;        // guards m_table's pointer, not the events
    std::shared_ptr<const std::vector<std::shared_ptr<const Chunk>>> m_table;
};

} // namespace rpcscope::trace
