#pragma once

#include "base/event.h"

#include <cstddef>
#include <cstdint>

namespace rpcscope::trace {

// One datagram's identity: its Send, its Deliver(s) and its Lost share it.
struct DatagramKey
{
    std::uint32_t callId;
    std::uint16_t attempt, fragment;
    core::HostId from, to, client;
    std::uint8_t datagram;
    bool operator==(const DatagramKey &) const = default;
    static DatagramKey of(const Event &e)
    {
        return {e.callId, e.attempt, e.fragment, e.from, e.to, e.client, e.datagram};
    }
};

struct DatagramKeyHash
{
    std::size_t operator()(const DatagramKey &k) const
    {
        std::uint64_t h = k.callId;
        h = h * 0x9e3779b97f4a7c15ULL + (std::uint64_t(k.attempt) << 16 | k.fragment);
        h = h * 0x9e3779b97f4a7c15ULL + (std::uint64_t(k.from) << 32 | std::uint64_t(k.to) << 16 | k.client);
        h = h * 0x9e3779b97f4a7c15ULL + k.datagram;
        return std::size_t(h ^ (h >> 29));
    }
};

} // namespace rpcscope::trace
