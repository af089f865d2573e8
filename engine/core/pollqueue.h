#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace rpcscope::core {

// What a sans-IO core has ready for its driver (datagrams to send, finished
// calls, handlers to run), handed out one at a time by poll(), as
// quinn-proto's poll_transmit does.
//
// A vector read from a cursor rather than a deque: a core pushes a few items
// and its driver takes them all before the next round, so the queue is empty
// at the end of nearly every round and is then rewound, keeping its
// capacity. A deque would allocate and free a block every few items.
template <typename T>
class PollQueue
{
public:
    void push(T item) { m_items.push_back(std::move(item)); }
    bool poll(T &out)
    {
        if (m_head == m_items.size())
            return false;
        out = std::move(m_items[m_head]);
        if (++m_head == m_items.size()) {
            m_items.clear();
            m_head = 0;
        } else if (m_head >= 64 && 2 * m_head >= m_items.size()) {
            // A driver that never quite empties it: what it took goes now,
            // so the queue stays the size of what waits.
            m_items.erase(m_items.begin(), m_items.begin() + std::ptrdiff_t(m_head));
            m_head = 0;
        }
        return true;
    }
    bool isEmpty() const { return m_head == m_items.size(); }

private:
    std::vector<T> m_items;
    std::size_t m_head = 0; // items before it were handed out
};

} // namespace rpcscope::core
