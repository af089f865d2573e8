#pragma once

#include <deque>
#include <utility>

namespace rpcscope::core {

// What a sans-IO core has ready for its driver (datagrams to send, finished
// calls, handlers to run), handed out one at a time by poll(), as
// quinn-proto's poll_transmit does.
template <typename T>
class PollQueue
{
public:
    void push(T item) { m_items.push_back(std::move(item)); }
    bool poll(T &out)
    {
        if (m_items.empty())
            return false;
        out = std::move(m_items.front());
        m_items.pop_front();
        return true;
    }
    bool isEmpty() const { return m_items.empty(); }

private:
    std::deque<T> m_items;
};

} // namespace rpcscope::core
