// The server core fed arbitrary datagrams from a few clients, with virtual
// time passing between them and handlers finishing in any order. Checked
// after every step: it stays within its caps, everything it sends answers
// something a client sent, and no call runs twice while its reply could
// still be asked for.
//
// Input: a 17-byte configuration (see readConfig), then operations, each
// an opcode byte and its operands:
//   op % 4 == 0  a datagram (16-bit length, bytes) from host 1 + (op >> 2) % 4,
//                its length field and checksum made right first
//   op % 4 == 1  the same, delivered exactly as given
//   op % 4 == 2  time passes by a 16-bit count of 100 µs; due timers fire
//   op % 4 == 3  a handler finishes (which one, its status and result size)
// make_corpus.cpp writes recorded traffic in this form.
#include "fuzzinput.h"

#include "core/servercore.h"

#include <map>
#include <set>
#include <vector>

using namespace rpcscope;
using core::Duration;
using core::TimePoint;

namespace {

using Key = std::pair<std::uint32_t, std::uint32_t>; // client id, call id

core::ServerConfig readConfig(fuzz::FuzzInput &in)
{
    core::ServerConfig c;
    const std::uint8_t modes = in.u8();
    c.ackMode = modes & 1 ? core::AckMode::Explicit : core::AckMode::Implicit;
    c.checksum = wire::ChecksumKind((modes >> 1) % wire::kChecksumKindCount);
    c.epoch = std::max<std::uint32_t>(1, in.u32());
    c.maxDatagram = in.u16();
    core::ServerLimits &l = c.limits;
    l.maxInProgressPerClient = 1 + in.u8() % 8;
    l.maxInProgressTotal = 1 + in.u8() % 16;
    l.maxClients = 1 + in.u8() % 8;
    l.maxCacheBytes = std::int64_t(in.u8()) * 256;
    l.maxMessageBytes = 1024 + qsizetype(in.u8()) * 256;
    l.maxPartialsPerClient = in.u8() % 5;
    l.maxPartialsTotal = in.u8() % 9;
    l.maxPartialBytes = qsizetype(in.u8()) * 512;
    const std::uint8_t ages = in.u8();
    l.maxEntryAge = Duration((1 + (ages & 15)) * 100'000);
    l.maxPartialAge = Duration((1 + (ages >> 4)) * 100'000);
    c.ackDelay = Duration(std::int64_t(in.u8()) * 1'000);
    return c;
}

struct Harness
{
    core::ServerConfig config;
    core::ServerCore server;
    TimePoint now{0};
    std::map<Key, std::set<core::HostId>> seen; // (client, call) of every datagram accepted, and its senders
    std::vector<core::Execution> running;
    std::map<Key, TimePoint> finished;          // handler done, and when
    std::set<Key> executed;

    explicit Harness(const core::ServerConfig &c)
        : config(c)
        , server(c, nullptr)
    {
    }

    void deliver(QByteArrayView bytes, core::HostId from)
    {
        wire::Decoded d;
        if (wire::decodeDatagram(bytes, config.checksum, d) == wire::DecodeError::None)
            seen[{d.header.clientId, d.header.callId}].insert(from);
        server.receive(bytes, from, now);
    }

    void drain()
    {
        core::Execution exec;
        while (server.pollExecution(exec)) {
            const Key key{exec.clientId, exec.callId};
            RPCSCOPE_FUZZ_CHECK(seen.contains(key) && seen[key].contains(exec.client));
            if (!executed.insert(key).second) {
                // At most once: a second run only once the first one's
                // reply has aged out of the cache (no client's resend
                // outlives that).
                const auto done = finished.find(key);
                RPCSCOPE_FUZZ_CHECK(done != finished.end());
                RPCSCOPE_FUZZ_CHECK(now >= done->second + config.limits.maxEntryAge);
                finished.erase(done);
            }
            running.push_back(std::move(exec));
        }
        core::Transmit t;
        while (server.pollTransmit(t)) {
            wire::Decoded d;
            RPCSCOPE_FUZZ_CHECK(wire::decodeDatagram(t.bytes, config.checksum, d) == wire::DecodeError::None);
            RPCSCOPE_FUZZ_CHECK(t.bytes.size() <= server.config().maxDatagram);
            RPCSCOPE_FUZZ_CHECK(d.header.epoch == config.epoch);
            RPCSCOPE_FUZZ_CHECK(d.header.kind == t.kind && d.header.callId == t.callId);
            const Key key{d.header.clientId, d.header.callId};
            // Every answer goes to a client that sent something about that call.
            const auto sender = seen.find(key);
            RPCSCOPE_FUZZ_CHECK(sender != seen.end() && sender->second.contains(t.to));
            if (t.kind == wire::DatagramKind::Reply)
                RPCSCOPE_FUZZ_CHECK(finished.contains(key));
        }
        checkCaps();
    }

    void checkCaps() const
    {
        const core::ServerLimits &l = config.limits;
        RPCSCOPE_FUZZ_CHECK(server.inProgress() >= 0 && server.inProgress() <= l.maxInProgressTotal);
        RPCSCOPE_FUZZ_CHECK(server.inProgress() == int(running.size()));
        RPCSCOPE_FUZZ_CHECK(server.partialMessages() <= l.maxPartialsTotal);
        RPCSCOPE_FUZZ_CHECK(server.partialBytes() >= 0);
        // Whole buffers are charged against the cap before they are allocated;
        // a last fragment arriving first is held beside them, one datagram each.
        RPCSCOPE_FUZZ_CHECK(server.partialBytes()
                            <= l.maxPartialBytes + server.partialMessages() * qsizetype(0xFFFF));
        const core::ReplyCache &cache = server.replyCache();
        RPCSCOPE_FUZZ_CHECK(cache.activeClientCount() <= l.maxClients);
        RPCSCOPE_FUZZ_CHECK(cache.idleClientCount() <= l.maxIdleClients);
        RPCSCOPE_FUZZ_CHECK(cache.clientCount() == cache.activeClientCount() + cache.idleClientCount());
        RPCSCOPE_FUZZ_CHECK(cache.size() >= 0 && cache.bytes() >= 64 * std::int64_t(cache.size()));
        // The cached replies themselves (each entry's cost less its fixed 64) stay under the cap.
        RPCSCOPE_FUZZ_CHECK(cache.bytes() - 64 * std::int64_t(cache.size()) <= l.maxCacheBytes);
    }

    void advance(Duration by)
    {
        now += by;
        if (const auto next = server.nextTimeout(); next && *next <= now)
            server.handleTimeout(now);
        const auto next = server.nextTimeout();
        RPCSCOPE_FUZZ_CHECK(!next || *next > now);
    }

    void finishHandler(fuzz::FuzzInput &in)
    {
        const std::uint8_t which = in.u8();
        const auto status = wire::Status(in.u8() % 9);
        const QByteArray result(qsizetype(in.u16()), 'r');
        if (running.empty()) {
            // A handler the core never started: nothing may come of it.
            const std::uint32_t clientId = in.u32();
            server.handlerFinished(clientId, in.u32(), status, {}, result, now);
            return;
        }
        const std::size_t index = which % running.size();
        const core::Execution exec = running[index];
        running.erase(running.begin() + std::ptrdiff_t(index));
        finished[{exec.clientId, exec.callId}] = now;
        server.handlerFinished(exec.clientId, exec.callId, status,
                               status == wire::STATUS_OK ? QString() : QStringLiteral("failed"), result, now);
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::FuzzInput in(data, size);
    Harness h(readConfig(in));
    while (!in.empty()) {
        const std::uint8_t op = in.u8();
        switch (op % 4) {
        case 0:
            h.deliver(fuzz::repairDatagram(in.lengthPrefixed(), h.config.checksum), core::HostId(1 + (op >> 2) % 4));
            break;
        case 1:
            h.deliver(in.lengthPrefixed(), core::HostId(1 + (op >> 2) % 4));
            break;
        case 2:
            h.advance(Duration(std::int64_t(in.u16()) * 100));
            break;
        default:
            h.finishHandler(in);
            break;
        }
        h.drain();
    }
    // However the traffic ended, time alone winds everything down.
    for (int i = 0; i < 64 && h.server.nextTimeout(); ++i) {
        h.advance(*h.server.nextTimeout() - h.now);
        h.drain();
    }
    // Nothing left to wait for: nothing half-assembled may be left either.
    if (!h.server.nextTimeout())
        RPCSCOPE_FUZZ_CHECK(h.server.partialMessages() == 0 && h.server.partialBytes() == 0);
    return 0;
}
