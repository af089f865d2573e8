// Fragmentation: the bitmap, splitting and reassembly on their own, then a
// ClientCore and a ServerCore wired back to back in virtual time with a
// hand-picked set of datagrams dropped, to check that only what is missing
// is sent again and that the server's caps hold.
#include "base/random.h"
#include "core/clientcore.h"
#include "core/fragments.h"
#include "core/requestassembler.h"
#include "core/servercore.h"
#include "recordingsink.h"
#include "testprinters.h"

#include <QTest>

#include <algorithm>
#include <functional>
#include <numeric>

using namespace rpcscope;
using core::Duration;
using core::FragmentBitmap;
using core::OutgoingMessage;
using core::Reassembly;
using core::TimePoint;
using core::Transmit;
using trace::EventKind;
using wire::DatagramKind;

namespace {

QByteArray pattern(qsizetype size, std::uint64_t seed = 7)
{
    core::Random r(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &c : bytes)
        c = char(r.next());
    return bytes;
}

// What crossed the wire, by kind and fragment, for counting.
struct Sent
{
    core::HostId from;
    DatagramKind kind;
    std::uint16_t fragment; // 1-based, 0 for whole datagrams
    std::uint16_t attempt;
};

// A client and a server connected directly: every datagram arrives at once
// unless `drop` says otherwise; handlers echo their arguments at once.
struct Pair
{
    explicit Pair(core::ClientConfig clientConfig = clientDefaults(),
                  core::ServerConfig serverConfig = serverDefaults())
        : client(clientConfig, &clientSink)
        , server(serverConfig, &serverSink)
    {
    }
    Pair(const Pair &) = delete;

    static core::ClientConfig clientDefaults()
    {
        core::ClientConfig c;
        c.clientId = 0x1234;
        c.host = 1;
        c.maxDatagram = 236; // 192-byte fragments (room left for an address token)
        c.retry.timeout = Duration(100'000);
        c.retry.backoff = core::Backoff::Fixed;
        return c;
    }
    static core::ServerConfig serverDefaults()
    {
        core::ServerConfig c;
        c.epoch = 9;
        c.maxDatagram = 236;
        return c;
    }

    // Runs until nothing is left to do; returns the calls that ended.
    std::vector<core::Completion> run(int maxSteps = 10'000)
    {
        std::vector<core::Completion> done;
        for (int step = 0; step < maxSteps; ++step) {
            bool moved = false;
            Transmit t;
            while (client.pollTransmit(t)) {
                moved = true;
                const Sent s{1, t.kind, t.fragment, t.attempt};
                sent.push_back(s);
                if (!drop || !drop(s, int(sent.size())))
                    server.receive(t.bytes, 1, now);
            }
            core::Execution e;
            while (server.pollExecution(e)) {
                moved = true;
                ++executions;
                server.handlerFinished(e.clientId, e.callId, wire::STATUS_OK, {}, reply ? reply(e.args) : e.args,
                                       now);
            }
            while (server.pollTransmit(t)) {
                moved = true;
                const Sent s{0, t.kind, t.fragment, t.attempt};
                sent.push_back(s);
                if (!drop || !drop(s, int(sent.size())))
                    client.receive(t.bytes, 0, now);
            }
            core::Completion c;
            while (client.pollCompletion(c)) {
                moved = true;
                done.push_back(c);
            }
            if (moved)
                continue;
            std::optional<TimePoint> next = client.nextTimeout();
            if (!next)
                return done;
            now = std::max(now, *next);
            client.handleTimeout(now);
        }
        qWarning("Pair::run did not settle");
        return done;
    }

    int count(core::HostId from, DatagramKind kind, int fragment = -1) const
    {
        return int(std::count_if(sent.begin(), sent.end(), [&](const Sent &s) {
            return s.from == from && s.kind == kind && (fragment < 0 || s.fragment == fragment);
        }));
    }

    testsupport::RecordingSink clientSink, serverSink;
    core::ClientCore client;
    core::ServerCore server;
    TimePoint now{1'000'000};
    std::vector<Sent> sent;
    std::function<bool(const Sent &, int)> drop; // (datagram, 1-based index on the wire)
    std::function<QByteArray(const QByteArray &)> reply;
    int executions = 0;
};

} // namespace

class TestFragments : public QObject
{
    Q_OBJECT

private slots:
    void bitmapParsesOnlyWhatFitsTheCount()
    {
        FragmentBitmap b(10);
        QCOMPARE(b.bytes().size(), 2);
        QVERIFY(b.set(0));
        QVERIFY(b.set(9));
        QVERIFY(!b.set(9));
        QCOMPARE(b.held(), 2);
        QVERIFY(!b.complete());

        FragmentBitmap parsed;
        QVERIFY(FragmentBitmap::parse(b.bytes(), 10, parsed));
        QCOMPARE(parsed.held(), 2);
        QVERIFY(parsed.has(0) && parsed.has(9) && !parsed.has(5));

        QVERIFY(!FragmentBitmap::parse(b.bytes(), 17, parsed)); // needs 3 bytes
        QVERIFY(!FragmentBitmap::parse(b.bytes(), 0, parsed));
        QVERIFY(!FragmentBitmap::parse(QByteArray::fromHex("ff04"), 10, parsed)); // bit 10 is padding
        QVERIFY(FragmentBitmap::parse(QByteArray::fromHex("ff03"), 10, parsed));
        QVERIFY(parsed.complete());
    }

    void outgoingMessageCoversTheBody()
    {
        QCOMPARE(OutgoingMessage::countFor(0, 100), 1);
        QCOMPARE(OutgoingMessage::countFor(100, 100), 1);
        QCOMPARE(OutgoingMessage::countFor(101, 100), 2);
        const QByteArray body = pattern(1'050);
        OutgoingMessage m(body, 100);
        QCOMPARE(m.count(), 11);
        QByteArray joined;
        for (int i = 0; i < m.count(); ++i)
            joined += m.fragment(i).toByteArray();
        QCOMPARE(joined, body);
        QCOMPARE(m.fragment(10).size(), 50);

        FragmentBitmap held(11);
        held.set(0);
        held.set(4);
        QCOMPARE(m.applyAck(held), 2);
        QCOMPARE(m.applyAck(held), 0); // nothing new
        QCOMPARE(m.missing().size(), std::size_t(9));
        QCOMPARE(m.applyAck(FragmentBitmap(3)), 0); // another message's count
        m.markAllAcked();
        QVERIFY(m.complete());
    }

    // Any arrival order, with duplicates, gives back the same bytes.
    void reassemblyInAnyOrder()
    {
        core::Random r(3);
        for (int round = 0; round < 200; ++round) {
            const qsizetype payload = r.between(8, 300);
            // At most 8 x payload fragments, so a selective ack fits in one.
            const QByteArray body = pattern(r.between(payload + 1, std::min<qsizetype>(5'000, 8 * payload * payload)),
                                            std::uint64_t(round));
            const OutgoingMessage m(body, payload);
            std::vector<int> order(std::size_t(m.count()));
            std::iota(order.begin(), order.end(), 0);
            for (std::size_t i = order.size() - 1; i > 0; --i)
                std::swap(order[i], order[std::size_t(r.between(0, std::int64_t(i)))]);
            order.push_back(order.front()); // a duplicate at the end is ignored
            Reassembly re(m.count(), body.size());
            int completes = 0;
            for (std::size_t i = 0; i < order.size(); ++i) {
                const auto result = re.add(order[i], m.count(), m.fragment(order[i]));
                if (i + 1 == order.size())
                    QCOMPARE(result, Reassembly::Result::Duplicate);
                else if (i + 2 == order.size())
                    QCOMPARE(result, Reassembly::Result::Complete);
                else
                    QCOMPARE(result, Reassembly::Result::Added);
                completes += result == Reassembly::Result::Complete;
            }
            QCOMPARE(completes, 1);
            QCOMPARE(re.take(), body);
        }
    }

    // The assembler's books: every way a message ends frees what it held,
    // in messages per client and sender, unvalidated senders and bytes.
    void assemblerKeepsItsBooks()
    {
        using core::RequestAssembler;
        using R = core::Reassembly::Result;
        RequestAssembler a;
        const RequestAssembler::Room room{2, 3, 1, 4};
        const QByteArray chunk(100, 'x');
        const core::TimePoint t0(1'000);
        QVERIFY(a.hasRoom(1, 10, false, room));
        RequestAssembler::Message &m1 = a.open(1, 5, 3, 1 << 20, 10, false, t0);
        QVERIFY(!a.hasRoom(2, 11, false, room)); // the unvalidated share is taken
        QVERIFY(a.hasRoom(2, 11, true, room));
        a.open(1, 6, 3, 1 << 20, 10, true, t0);
        QVERIFY(!a.hasRoom(1, 12, true, room)); // client 1 holds its two
        QCOMPARE(a.add(1, 5, m1, 0, 3, chunk, t0 + core::Duration(10)), R::Added);
        QCOMPARE(a.bytes(), m1.reassembly.memory());
        QVERIFY(a.bytes() >= 100);
        QCOMPARE(a.add(1, 5, m1, 0, 3, chunk, t0 + core::Duration(20)), R::Duplicate);
        // Progress moves the message's age on; the other message is older.
        QCOMPARE(a.nextExpiry(core::Duration(500)), std::optional(t0 + core::Duration(500)));
        a.expire(t0 + core::Duration(500), core::Duration(500)); // the untouched one goes
        QCOMPARE(a.messages(), 1);
        QVERIFY(a.find(1, 6) == nullptr);
        QVERIFY(a.find(1, 5) != nullptr);
        QCOMPARE(a.add(1, 5, m1, 1, 3, chunk, t0 + core::Duration(600)), R::Added);
        QCOMPARE(a.add(1, 5, m1, 2, 3, QByteArray(7, 'y'), t0 + core::Duration(700)), R::Complete);
        const QByteArray whole = a.take(1, 5);
        QCOMPARE(whole.size(), 207);
        QCOMPARE(a.messages(), 0);
        QCOMPARE(a.bytes(), 0);
        QVERIFY(a.hasRoom(1, 10, false, room)); // every count is back to nothing
        // A refusal lets go of the bytes but keeps the message to recognise its fragments.
        RequestAssembler::Message &m2 = a.open(3, 1, 4, 150, 12, true, t0);
        QCOMPARE(a.add(3, 1, m2, 0, 4, chunk, t0), R::TooLarge);
        a.refuse(m2);
        QCOMPARE(a.bytes(), 0);
        QVERIFY(a.find(3, 1)->refused);
        // A client's ack-below closes what it gave up on, and nothing of others'.
        a.open(3, 2, 2, 1 << 20, 12, true, t0);
        a.open(4, 1, 2, 1 << 20, 13, true, t0);
        a.closeBelow(3, 2);
        QVERIFY(a.find(3, 1) == nullptr);
        QVERIFY(a.find(3, 2) != nullptr);
        QVERIFY(a.find(4, 1) != nullptr);
        a.close(3, 2);
        a.close(4, 1);
        QVERIFY(a.empty());
        QCOMPARE(a.bytes(), 0);
    }

    void reassemblyRefusesWhatDoesNotFit()
    {
        Reassembly re(4, 1'000);
        QCOMPARE(re.add(4, 4, "x"), Reassembly::Result::Inconsistent);   // index past the count
        QCOMPARE(re.add(0, 5, "abc"), Reassembly::Result::Inconsistent); // another count
        QCOMPARE(re.add(0, 4, ""), Reassembly::Result::Inconsistent);    // empty
        QCOMPARE(re.add(0, 4, "abcd"), Reassembly::Result::Added);
        QCOMPARE(re.add(1, 4, "abc"), Reassembly::Result::Inconsistent);   // not the fragment size
        QCOMPARE(re.add(3, 4, "abcde"), Reassembly::Result::Inconsistent); // last longer than the others
        QCOMPARE(re.add(3, 4, "ab"), Reassembly::Result::Added);
        QCOMPARE(re.memory(), 3 * 4 + 2);

        // The cap is checked before anything is allocated for the message.
        Reassembly big(700, 10'000);
        QCOMPARE(big.add(0, 700, pattern(100)), Reassembly::Result::TooLarge);
        QCOMPARE(big.memory(), 0);
        // More fragments than a selective ack of the fragment's size can list.
        Reassembly many(60'000, 100'000'000);
        QCOMPARE(many.add(0, 60'000, pattern(100)), Reassembly::Result::Inconsistent);
        QCOMPARE(core::maxFragments(100), 800);
        QCOMPARE(core::maxFragments(100'000), 0xFFFF);
        // The last fragment first, then a full one that makes it too big.
        Reassembly late(11, 1'000);
        QCOMPARE(late.add(10, 11, pattern(50)), Reassembly::Result::Added);
        QCOMPARE(late.add(0, 11, pattern(100)), Reassembly::Result::TooLarge);
        Reassembly fits(11, 1'050);
        QCOMPARE(fits.add(10, 11, pattern(50)), Reassembly::Result::Added);
        QCOMPARE(fits.add(0, 11, pattern(100)), Reassembly::Result::Added);
        QCOMPARE(fits.expectedBytes(), 1'050);
    }

    // A lost request fragment is the only one sent again; one execution.
    void onlyTheMissingRequestFragmentIsResent()
    {
        Pair p;
        p.drop = [](const Sent &s, int) { return s.from == 1 && s.fragment == 3 && s.attempt == 1; };
        const QByteArray args = pattern(1'500);
        p.client.startCall(QStringLiteral("echo"), args, p.now);
        const auto done = p.run();
        QCOMPARE(done.size(), std::size_t(1));
        QCOMPARE(done[0].error, trace::CallError::None);
        QCOMPARE(done[0].result, args);
        QCOMPARE(p.executions, 1);
        const int fragments = OutgoingMessage::countFor(1'500 + 10, 200);
        QCOMPARE(p.count(1, DatagramKind::Request), fragments + 1);
        QCOMPARE(p.count(1, DatagramKind::Request, 3), 2);
        QVERIFY((p.serverSink.count(EventKind::Reassembled) > 0));
        // A reassembled message leaves nothing behind in the partial accounts.
        QCOMPARE(p.server.partialMessages(), 0);
        QCOMPARE(p.server.partialBytes(), 0);
        QVERIFY((p.clientSink.count(EventKind::FragmentAck) > 0));
    }

    // The round's ack request is lost: the timer sends one fragment back as
    // a probe, and its selective ack shows nothing else is missing.
    void aLostAckRequestCostsOneFragment()
    {
        Pair p;
        const QByteArray args = pattern(1'500);
        const int fragments = OutgoingMessage::countFor(1'500 + 10, 200);
        p.drop = [fragments](const Sent &s, int) {
            return s.from == 1 && s.fragment == fragments && s.attempt == 1;
        };
        p.client.startCall(QStringLiteral("echo"), args, p.now);
        const auto done = p.run();
        QCOMPARE(done.size(), std::size_t(1));
        QCOMPARE(done[0].result, args);
        QCOMPARE(p.count(1, DatagramKind::Request), fragments + 1);
        QCOMPARE(p.count(1, DatagramKind::Request, fragments), 2);
    }

    // A lost reply fragment and the selective ack that reported it: the
    // client's probe carries what it holds, and the server sends the rest.
    void aProbeCarriesWhatIsHeldOfTheReply()
    {
        Pair p;
        p.drop = [](const Sent &s, int) {
            return (s.from == 0 && s.kind == DatagramKind::Reply && s.fragment == 2 && s.attempt == 1)
                   || (s.from == 1 && s.kind == DatagramKind::FragmentAck);
        };
        const QByteArray args = pattern(900);
        p.client.startCall(QStringLiteral("echo"), args, p.now);
        const auto done = p.run();
        QCOMPARE(done.size(), std::size_t(1));
        QCOMPARE(done[0].result, args);
        QCOMPARE(p.executions, 1);
        const int replyFragments = OutgoingMessage::countFor(900 + 3, 200);
        QCOMPARE(p.count(1, DatagramKind::Probe), 1);
        QCOMPARE(p.count(0, DatagramKind::Reply), replyFragments + 1);
        QCOMPARE(p.count(0, DatagramKind::Reply, 2), 2);
    }

    void requestOverTheServersCapIsRefused()
    {
        core::ServerConfig server = Pair::serverDefaults();
        server.limits.maxMessageBytes = 1'000;
        Pair p(Pair::clientDefaults(), server);
        p.client.startCall(QStringLiteral("echo"), pattern(3'000), p.now);
        const auto done = p.run();
        QCOMPARE(done.size(), std::size_t(1));
        QCOMPARE(done[0].error, trace::CallError::Rejected);
        QCOMPARE(done[0].status, wire::STATUS_TOO_LARGE);
        QVERIFY2(done[0].message.contains(u"limit of 1000 bytes"), qPrintable(done[0].message));
        QCOMPARE(p.executions, 0);
        // Refused at its first fragment and again when the round asks for an
        // answer (the first refusal might have been lost), not once per
        // fragment on the way; the server keeps only a marker without bytes.
        QCOMPARE(p.count(0, DatagramKind::Error), 2);
        QVERIFY(p.server.partialMessages() <= 1);
        QCOMPARE(p.server.partialBytes(), 0);
        // The client's next call says it is done with call 1: the marker goes.
        p.client.startCall(QStringLiteral("echo"), "small", p.now);
        QCOMPARE(p.run().size(), std::size_t(1));
        QCOMPARE(p.server.partialMessages(), 0);
    }

    void replyOverTheClientsCapFailsTheCall()
    {
        core::ClientConfig client = Pair::clientDefaults();
        client.maxMessageBytes = 1'000;
        Pair p(client);
        p.reply = [](const QByteArray &) { return pattern(5'000); };
        p.client.startCall(QStringLiteral("echo"), "small", p.now);
        const auto done = p.run();
        QCOMPARE(done.size(), std::size_t(1));
        QCOMPARE(done[0].error, trace::CallError::TooLarge);
        QCOMPARE(p.executions, 1);
    }

    // A new client's small request and a large reply: more than three times
    // the bytes the server has heard from it. The server asks first (a
    // "working" that wants an answer, with the address token), the client
    // probes at once with the token, and the whole reply follows.
    void aLargeReplyToANewClientWaitsForItsToken()
    {
        Pair p;
        p.reply = [](const QByteArray &) { return pattern(20'000); };
        p.client.startCall(QStringLiteral("echo"), QByteArray("x"), p.now);
        const auto done = p.run();
        QCOMPARE(done.size(), std::size_t(1));
        QCOMPARE(done[0].error, trace::CallError::None);
        QCOMPARE(done[0].result, pattern(20'000));
        QCOMPARE(p.executions, 1);
        QCOMPARE(p.server.amplification().challenges, 1u);
        QCOMPARE(p.server.amplification().validated, 1u);
        QVERIFY(p.server.isValidated(1));
        // request, working (the challenge), probe, then the reply's fragments
        QVERIFY(p.sent.size() > 4);
        QCOMPARE(p.sent[0].kind, DatagramKind::Request);
        QCOMPARE(p.sent[1].kind, DatagramKind::Working);
        QCOMPARE(p.sent[2].kind, DatagramKind::Probe);
        QCOMPARE(p.sent[3].kind, DatagramKind::Reply);
    }

    // 16-bit fragment numbers must not wrap: a request needing more
    // fragments than a selective ack can list fails at once, unsent.
    void aRequestNeedingTooManyFragmentsFailsAtOnce()
    {
        core::ClientConfig config = Pair::clientDefaults();
        config.maxDatagram = 128; // 84-byte fragments (room left for an address token): at most 672 of them
        Pair p(config);
        p.client.startCall(QStringLiteral("echo"), pattern(100'000), p.now);
        const auto done = p.run();
        QCOMPARE(done.size(), std::size_t(1));
        QCOMPARE(done[0].error, trace::CallError::TooLarge);
        QVERIFY2(done[0].message.contains(u"672 fragments"), qPrintable(done[0].message));
        QVERIFY(p.sent.empty());
    }

    // A resent request fragment that reaches a server which already ran the
    // call is answered with a selective ack of everything, not the reply.
    void lateRequestFragmentsGetAnAckNotTheReply()
    {
        Pair p;
        const QByteArray args = pattern(1'000);
        // Every SACK from the server is lost until the reply is on its way.
        p.drop = [](const Sent &s, int) { return s.from == 0 && s.kind == DatagramKind::FragmentAck && s.attempt == 1; };
        p.client.startCall(QStringLiteral("echo"), args, p.now);
        const auto done = p.run();
        QCOMPARE(done.size(), std::size_t(1));
        QCOMPARE(done[0].result, args);
        QCOMPARE(p.executions, 1);
        const int replyFragments = OutgoingMessage::countFor(1'000 + 3, 200);
        QVERIFY(p.count(0, DatagramKind::Reply) <= replyFragments + 1);
    }

    // Partial messages are bounded per client, in bytes, and in time.
    void partialMessagesStayWithinTheirCaps()
    {
        core::ServerConfig config = Pair::serverDefaults();
        config.limits.maxPartialsPerClient = 2;
        config.limits.maxPartialBytes = 3'000;
        config.limits.maxPartialAge = Duration(1'000'000);
        // The caps of validated senders; what an unvalidated one may hold is
        // tst_servercore's oneSenderCannotFillThePartialTable.
        config.validateAddresses = false;
        testsupport::RecordingSink sink;
        core::ServerCore server(config, &sink);
        const auto fragment = [](std::uint32_t callId, std::uint16_t index, std::uint16_t count, qsizetype size) {
            wire::Header h;
            h.kind = DatagramKind::Request;
            h.clientId = 77;
            h.callId = callId;
            h.ackBelow = 1;
            h.fragmentIndex = index;
            h.fragmentCount = count;
            return wire::encodeDatagram(h, pattern(size), wire::ChecksumKind::Crc32c);
        };
        TimePoint now{5'000'000};
        // Two partial messages of 4 x 200 bytes each: 1,200 bytes reserved apiece.
        QCOMPARE(server.receive(fragment(1, 0, 4, 200), 1, now), core::Received::Accepted);
        QCOMPARE(server.receive(fragment(2, 0, 4, 200), 1, now), core::Received::Accepted);
        QCOMPARE(server.partialMessages(), 2);
        QCOMPARE(server.partialBytes(), 2 * 3 * 200);
        // A third from the same client is dropped, not refused: it comes again later.
        sink.events.clear();
        QCOMPARE(server.receive(fragment(3, 0, 4, 200), 1, now), core::Received::Accepted);
        QCOMPARE(server.partialMessages(), 2);
        QVERIFY((sink.count(EventKind::MalformedDropped) > 0));
        QCOMPARE(sink.events.back().detail, std::uint32_t(core::ProtocolDrop::ReassemblyFull));
        // Another client fits by count, but not by bytes.
        wire::Header h;
        h.kind = DatagramKind::Request;
        h.clientId = 78;
        h.callId = 1;
        h.ackBelow = 1;
        h.fragmentCount = 11; // 10 x 200 more: over the 3,000-byte cap
        const QByteArray tooMuch = wire::encodeDatagram(h, pattern(200), wire::ChecksumKind::Crc32c);
        QCOMPARE(server.receive(tooMuch, 2, now), core::Received::Accepted);
        QCOMPARE(server.partialMessages(), 2);
        QCOMPARE(sink.events.back().detail, std::uint32_t(core::ProtocolDrop::ReassemblyFull));
        // A fragment that disagrees with its message is dropped as such.
        QCOMPARE(server.receive(fragment(1, 1, 4, 150), 1, now), core::Received::Malformed);
        QCOMPARE(sink.events.back().detail, std::uint32_t(core::ProtocolDrop::BadFragment));
        // Nobody finishes them: they go when they are too old, and take their bytes with them.
        QVERIFY(server.nextTimeout().has_value());
        QCOMPARE(*server.nextTimeout(), now + Duration(1'000'000));
        server.handleTimeout(now + Duration(1'000'000));
        QCOMPARE(server.partialMessages(), 0);
        QCOMPARE(server.partialBytes(), 0);
        QCOMPARE(server.receive(fragment(3, 0, 4, 200), 1, now + Duration(1'000'001)), core::Received::Accepted);
        QCOMPARE(server.partialMessages(), 1);
    }

    // Selective acks that make no sense are dropped without effect.
    void damagedSelectiveAcksChangeNothing()
    {
        Pair p;
        p.drop = [](const Sent &s, int) { return s.from == 0; }; // the server's answers never arrive
        p.client.startCall(QStringLiteral("echo"), pattern(1'000), p.now);
        Transmit t;
        std::vector<Transmit> first;
        while (p.client.pollTransmit(t))
            first.push_back(t);
        QVERIFY(first.size() > 1);
        for (const QByteArray &body : {QByteArray(), QByteArray("\xff\xff\xff\xff\xff\xff", 6), QByteArray(1, '\x01')}) {
            for (std::uint16_t count : {std::uint16_t(1), std::uint16_t(2), std::uint16_t(first.size()), std::uint16_t(60'000)}) {
                wire::Header h;
                h.kind = DatagramKind::FragmentAck;
                h.clientId = 0x1234;
                h.callId = 1;
                h.epoch = 9;
                h.fragmentCount = count;
                const QByteArray sack = wire::encodeDatagram(h, body, wire::ChecksumKind::Crc32c);
                const core::Received r = p.client.receive(sack, 0, p.now);
                const bool valid = count == first.size() && body.size() == FragmentBitmap::bytesFor(count)
                                   && body == QByteArray(1, '\x01');
                QCOMPARE(r, valid ? core::Received::Accepted : core::Received::Malformed);
            }
        }
        QCOMPARE(p.client.inFlight(), 1);
    }
};

QTEST_GUILESS_MAIN(TestFragments)
#include "tst_fragments.moc"
