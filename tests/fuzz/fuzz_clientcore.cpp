// The client core with a few calls started, fed arbitrary datagrams "from
// the server", timeouts, more calls and cancellations. Checked after every
// step: everything it sends is a well-formed datagram about one of its own
// calls, every call ends exactly once, and no call outlives its deadline.
//
// Input: a configuration (see readConfig) naming the calls started at
// once, then operations, each an opcode byte and its operands:
//   op % 6 == 0  a datagram (16-bit length, bytes), its length field and
//                checksum made right first
//   op % 6 == 1  the same, delivered exactly as given
//   op % 6 == 2  time passes by a 16-bit count of 100 µs; due timers fire
//   op % 6 == 3  a new call, its argument size (16 bits, modulo 16 KiB)
//   op % 6 == 4  a call is cancelled (8-bit call id)
//   op % 6 == 5  the window changes (8 bits)
// make_corpus.cpp writes recorded traffic in this form.
#include "fuzzinput.h"

#include "core/clientcore.h"

#include <map>
#include <set>

using namespace rpcscope;
using core::Duration;
using core::TimePoint;

namespace {

core::ClientConfig readConfig(fuzz::FuzzInput &in)
{
    core::ClientConfig c;
    const std::uint8_t modes = in.u8();
    c.ackMode = modes & 1 ? core::AckMode::Explicit : core::AckMode::Implicit;
    c.checksum = wire::ChecksumKind((modes >> 1) % wire::kChecksumKindCount);
    c.retry.backoff = core::Backoff((modes >> 4) % core::kBackoffCount);
    c.clientId = in.u32();
    c.maxDatagram = in.u16();
    c.window = 1 + in.u8() % 8;
    // Timers no finer than 10 ms and deadlines of at most 6.4 s: a call that
    // probes until its deadline costs hundreds of steps, not tens of thousands.
    c.retry.timeout = Duration((1 + std::int64_t(in.u8())) * 10'000);
    c.retry.maxAttempts = 1 + in.u8() % 10;
    c.retry.deadline = Duration((1 + std::int64_t(in.u8() % 64)) * 100'000);
    c.pollInterval = Duration(std::int64_t(in.u8()) * 10'000);
    c.maxMessageBytes = (1 + qsizetype(in.u16())) * 64;
    c.seed = in.u8();
    return c;
}

struct Harness
{
    static constexpr std::uint32_t kMaxCalls = 32; // more only slow every input down
    core::ClientCore client;
    TimePoint now{0};
    std::map<std::uint32_t, TimePoint> open; // call id -> deadline
    std::set<std::uint32_t> ended;
    std::uint32_t lastId = 0;
    int maxWindow;

    explicit Harness(const core::ClientConfig &c)
        : client(c, nullptr)
        , maxWindow(c.window)
    {
    }

    void start(qsizetype argBytes)
    {
        if (lastId >= kMaxCalls)
            return;
        const std::uint32_t id = client.startCall(QStringLiteral("echo"), QByteArray(argBytes, 'a'), now);
        RPCSCOPE_FUZZ_CHECK(id == lastId + 1);
        lastId = id;
        open.emplace(id, now + client.config().retry.deadline);
    }

    void advance(Duration by)
    {
        now += by;
        if (const auto next = client.nextTimeout(); next && *next <= now)
            client.handleTimeout(now);
        const auto next = client.nextTimeout();
        RPCSCOPE_FUZZ_CHECK(!next || *next > now);
        drain();
        // Every call ends by its deadline, whatever the server did.
        for (const auto &[id, deadline] : open)
            RPCSCOPE_FUZZ_CHECK(deadline > now);
    }

    void drain()
    {
        const core::ClientConfig &c = client.config();
        // Completions first: a datagram sent after a call ended may say so in its ack-below.
        core::Completion done;
        while (client.pollCompletion(done)) {
            RPCSCOPE_FUZZ_CHECK(open.erase(done.callId) == 1);
            RPCSCOPE_FUZZ_CHECK(ended.insert(done.callId).second);
            RPCSCOPE_FUZZ_CHECK(done.error != trace::CallError::None || done.status == wire::STATUS_OK);
        }
        core::Transmit t;
        while (client.pollTransmit(t)) {
            wire::Decoded d;
            RPCSCOPE_FUZZ_CHECK(wire::decodeDatagram(t.bytes, c.checksum, d) == wire::DecodeError::None);
            RPCSCOPE_FUZZ_CHECK(t.bytes.size() <= c.maxDatagram);
            RPCSCOPE_FUZZ_CHECK(t.to == c.server);
            RPCSCOPE_FUZZ_CHECK(d.header.clientId == c.clientId);
            RPCSCOPE_FUZZ_CHECK(d.header.kind == t.kind && d.header.callId == t.callId);
            // About one of its own calls, and never claiming that a call still open has ended.
            RPCSCOPE_FUZZ_CHECK(d.header.callId >= 1 && d.header.callId <= lastId);
            RPCSCOPE_FUZZ_CHECK(d.header.ackBelow <= (open.empty() ? lastId + 1 : open.begin()->first));
        }
        RPCSCOPE_FUZZ_CHECK(client.inFlight() + client.queued() == int(open.size()));
        RPCSCOPE_FUZZ_CHECK(client.inFlight() <= maxWindow);
    }

};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::FuzzInput in(data, size);
    Harness h(readConfig(in));
    const int calls = in.u8() % 9;
    for (int i = 0; i < calls; ++i)
        h.start(qsizetype(in.u16() % 16384));
    h.drain();
    while (!in.empty()) {
        const std::uint8_t op = in.u8();
        switch (op % 6) {
        case 0:
            h.client.receive(fuzz::repairDatagram(in.lengthPrefixed(), h.client.config().checksum),
                             core::kServerHost, h.now);
            break;
        case 1:
            h.client.receive(in.lengthPrefixed(), core::kServerHost, h.now);
            break;
        case 2:
            h.advance(Duration(std::int64_t(in.u16()) * 100));
            break;
        case 3:
            h.start(qsizetype(in.u16() % 16384));
            break;
        case 4:
            h.client.cancel(in.u8(), h.now);
            break;
        default: {
            const int window = 1 + in.u8() % 8;
            h.maxWindow = std::max(h.maxWindow, window);
            h.client.setWindow(window, h.now);
            break;
        }
        }
        h.drain();
    }
    // Left alone, every call still ends, by its deadline at the latest.
    for (int i = 0; i < 10'000 && !h.open.empty(); ++i) {
        const auto next = h.client.nextTimeout();
        RPCSCOPE_FUZZ_CHECK(next.has_value());
        h.advance(*next - h.now);
    }
    RPCSCOPE_FUZZ_CHECK(h.open.empty());
    return 0;
}
