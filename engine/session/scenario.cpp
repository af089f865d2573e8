#include "scenario.h"

#include <QCoreApplication>

namespace rpcscope::session {

namespace {

using netem::ScriptedFault;
using wire::DatagramKind;

// The chapter's figures: one call, slow enough to follow, nothing random.
void figureBase(SessionConfig &c)
{
    c.calls = 1;
    c.clients = 1;
    c.window = 1;
    c.toServer.delay = c.toClient.delay = core::Duration(40'000);
    c.handlerTime = core::Duration(20'000);
    c.retry.backoff = core::Backoff::Exponential;
    c.retry.timeout = core::Duration(200'000);
}

ScriptedFault dropFirst(DatagramKind kind)
{
    ScriptedFault f;
    f.kind = kind;
    f.occurrence = 1;
    f.count = 1;
    return f;
}

void messageAck(SessionConfig &c)
{
    figureBase(c);
    c.ackMode = core::AckMode::Explicit;
}

void droppedRequest(SessionConfig &c)
{
    figureBase(c);
    c.ackMode = core::AckMode::Explicit;
    c.toServerFaults = {dropFirst(DatagramKind::Request)};
}

void droppedReply(SessionConfig &c)
{
    figureBase(c);
    c.service = QStringLiteral("counter");
    c.ackMode = core::AckMode::Implicit;
    c.toClientFaults = {dropFirst(DatagramKind::Reply)};
}

// A handler slower than the timeout: the server says "working", the client
// stops resending and probes until the reply is ready.
void longCall(SessionConfig &c)
{
    figureBase(c);
    // The generated SlowJob, asked to work for the handler time.
    c.service = QStringLiteral("slowjob");
    c.ackMode = core::AckMode::Implicit;
    c.handlerTime = core::Duration(650'000);
    c.ackDelay = core::Duration(100'000);
}

// The server crashes while running call 2: the reply cache and the reply
// are gone. The client's resend names the old epoch and is refused; call 3
// proceeds against the new incarnation.
void serverRestart(SessionConfig &c)
{
    figureBase(c);
    c.calls = 3;
    c.service = QStringLiteral("counter");
    c.handlerTime = core::Duration(100'000);
    c.serverRestartAt = core::Duration(260'000);
}

void corruption(SessionConfig &c)
{
    c.calls = 100;
    c.service = QStringLiteral("counter");
    c.toServer.corrupt = c.toClient.corrupt = 0.2;
}

void lossy(SessionConfig &c)
{
    c.calls = 200;
    c.toServer.loss = c.toClient.loss = 0.2;
    c.service = QStringLiteral("counter");
}

void manyClients(SessionConfig &c)
{
    c.calls = 1000;
    c.clients = 20;
    c.window = 4;
    c.toServer.loss = c.toClient.loss = 0.05;
    c.toServer.jitter = c.toClient.jitter = core::Duration(5'000);
    c.handlerTime = core::Duration(2'000);
    c.retry.backoff = core::Backoff::FullJitter;
    c.service = QStringLiteral("counter");
}

// One call whose request and reply are each too large for a datagram: five
// fragments each way, paced by a slow link so they can be told apart. The
// network drops request fragment 3 and reply fragment 2 once; selective
// acks show the gaps and only those fragments are sent again.
void fragmentation(SessionConfig &c)
{
    figureBase(c);
    c.argBytes = 6'000;
    c.toServer.rateKbps = c.toClient.rateKbps = 400; // about 28 ms per full fragment
    c.retry.timeout = core::Duration(600'000);
    ScriptedFault third = dropFirst(DatagramKind::Request);
    third.occurrence = 3;
    ScriptedFault second = dropFirst(DatagramKind::Reply);
    second.occurrence = 2;
    c.toServerFaults = {third};
    c.toClientFaults = {second};
}

// A 4 MiB file in 64 KiB chunks, each a fragmented call, over a link that
// loses 5 % of datagrams. The receiver hashes the whole file at the end and
// compares with the sender's SHA-256: the end-to-end check.
void fileTransfer(SessionConfig &c)
{
    c.service = QStringLiteral("file");
    c.calls = 64;
    c.clients = 1;
    c.window = 4;
    c.argBytes = 64 * 1024;
    c.handlerTime = core::Duration(200);
    c.toServer.delay = c.toClient.delay = core::Duration(5'000);
    c.toServer.loss = c.toClient.loss = 0.05;
    c.toServer.rateKbps = c.toClient.rateKbps = 100'000; // 100 Mbit/s
    c.toServer.queueLimitBytes = c.toClient.queueLimitBytes = 1024 * 1024;
    c.retry.timeout = core::Duration(100'000);
}

// A storm: 40 clients, three calls in flight each, against a server that
// takes in 1,000 datagrams a second and queues 64. Each fixed 30 ms timeout
// sends another copy into the full queue; most are dropped at the server,
// and many calls run out of attempts. Exponential back-off with jitter
// (the back-off control, live) thins the resends and every call completes.
void overload(SessionConfig &c)
{
    c.service = QStringLiteral("counter");
    c.clients = 40;
    c.window = 3;
    c.calls = 1200;
    c.handlerTime = core::Duration(2'000);
    c.toServer.delay = c.toClient.delay = core::Duration(10'000);
    c.serverRate = 1000;
    c.serverQueue = 64;
    c.retry.backoff = core::Backoff::Fixed;
    c.retry.timeout = core::Duration(30'000);
    c.retry.maxAttempts = 10;
    c.retry.deadline = core::Duration(10'000'000);
}

// Asynchronous calls delivered in order (the homework's question 6): one
// client keeps four calls in flight to the counter over a network that
// reorders and loses datagrams. The first request is lost, so the next
// ones reach the server first and wait in its hold-back queue until the
// resent call 1 arrives; then they run one at a time, in call-id order.
void ordered(SessionConfig &c)
{
    c.calls = 8;
    c.clients = 1;
    c.window = 4;
    c.ordered = true;
    c.service = QStringLiteral("counter");
    c.handlerTime = core::Duration(20'000);
    c.toServer.delay = c.toClient.delay = core::Duration(40'000);
    c.toServer.reorder = c.toClient.reorder = 0.25;
    c.toServer.loss = c.toClient.loss = 0.1;
    c.retry.timeout = core::Duration(300'000);
    c.toServerFaults = {dropFirst(DatagramKind::Request)};
}

} // namespace

std::span<const Scenario> scenarios()
{
    static const Scenario table[] = {
        {QStringLiteral("message-ack"), QT_TRANSLATE_NOOP("Scenario", "Message plus acknowledgment (Fig. 48.3)"),
         QT_TRANSLATE_NOOP("Scenario", "One call with explicit acks: the server acknowledges the request as soon as it "
               "arrives, runs the handler, and sends the reply; the client acknowledges the reply "
               "so the server can forget it."),
         messageAck,
         QT_TRANSLATE_NOOP("Scenario", "How a request and its reply are each acknowledged, so both ends know when to stop "
                           "resending and when to forget."),
         QT_TRANSLATE_NOOP("Scenario", "Which ack tells the server it may drop its copy of the reply?\nWhat would the client "
                           "do if the request's ack never came?\nWhen is an explicit ack worth its extra "
                           "datagram, and when does the reply serve as one?")},
        {QStringLiteral("dropped-request"), QT_TRANSLATE_NOOP("Scenario", "Dropped request (Fig. 48.4)"),
         QT_TRANSLATE_NOOP("Scenario", "The network loses the first request. The client hears nothing, its timer "
               "expires, and it sends the request again; the second attempt gets through."),
         droppedRequest,
         QT_TRANSLATE_NOOP("Scenario", "A lost request is noticed only by its absence: the client's timer, not the network, "
                           "says something went wrong."),
         QT_TRANSLATE_NOOP("Scenario", "How does the client know the request was lost?\nWhat should the timeout be, compared "
                           "with a round trip?\nDid the server run the call more than once here?")},
        {QStringLiteral("dropped-reply"), QT_TRANSLATE_NOOP("Scenario", "Dropped reply (Fig. 48.5)"),
         QT_TRANSLATE_NOOP("Scenario", "The server runs the call and replies, but the reply is lost. To the client this "
               "looks exactly like a lost request, so it resends. The server recognises the call "
               "and resends its cached reply instead of adding to the counter a second time: "
               "at-most-once."),
         droppedReply,
         QT_TRANSLATE_NOOP("Scenario", "A lost reply looks to the client exactly like a lost request; the server's memory of "
                           "answered calls is what keeps a retry from running the call twice (at-most-once)."),
         QT_TRANSLATE_NOOP("Scenario", "From where the client stands, can it tell this apart from a dropped request?\nWhat "
                           "would happen to the counter if the server had no reply cache?\nWhen may the server "
                           "forget the reply it keeps?")},
        {QStringLiteral("long-call"), QT_TRANSLATE_NOOP("Scenario", "Long-running call"),
         QT_TRANSLATE_NOOP("Scenario",
                           "The handler takes 650 ms, far longer than the 200 ms timeout. Instead of "
                           "letting the client resend again and again, the server says it is still working; "
                           "the client stops resending the request and only asks, now and then, whether "
                           "the call is done."),
         longCall,
         QT_TRANSLATE_NOOP("Scenario", "A call longer than the timeout is not a failure: the server says it is still working, "
                           "and the client probes instead of resending the request."),
         QT_TRANSLATE_NOOP("Scenario", "What would happen without the working notice?\nWhy probe at all, instead of simply "
                           "waiting?\nHow would you choose the time between probes?")},
        {QStringLiteral("server-restart"), QT_TRANSLATE_NOOP("Scenario", "Server restart"),
         QT_TRANSLATE_NOOP("Scenario",
                           "The server crashes while it runs call 2 and comes back with an empty reply "
                           "cache and a new epoch. The client's resend of call 2 names the old epoch, so the "
                           "new server refuses it rather than run it a second time: the call may or may not "
                           "have run. Call 3 goes through."),
         serverRestart,
         QT_TRANSLATE_NOOP("Scenario", "After a crash the server cannot know which calls it ran; an epoch lets it refuse old "
                           "retries rather than run them twice, so the client learns the call may or may not have "
                           "run."),
         QT_TRANSLATE_NOOP("Scenario", "Why refuse call 2's retry rather than run it?\nWhat can the client tell its caller "
                           "about call 2?\nWhich calls could safely be run again after a restart?")},
        {QStringLiteral("corruption"), QT_TRANSLATE_NOOP("Scenario", "Corruption and checksums"),
         QT_TRANSLATE_NOOP("Scenario",
                           "100 calls with a fifth of all datagrams damaged on the way. With CRC-32C every "
                           "damaged datagram is caught and resent; choose the sum or XOR checksum to watch "
                           "damaged datagrams slip through and corrupt the counter: the end-to-end argument."),
         corruption,
         QT_TRANSLATE_NOOP("Scenario", "Checksums catch damage, but weak ones let some through; only a check at the ends of "
                           "the whole transfer proves the data arrived intact."),
         QT_TRANSLATE_NOOP("Scenario", "Which checksum let damaged datagrams through, and why?\nWhere must a check sit to "
                           "guarantee what the application receives?\nWhat does a stronger checksum cost?")},
        {QStringLiteral("lossy"), QT_TRANSLATE_NOOP("Scenario", "Random loss"),
         QT_TRANSLATE_NOOP("Scenario", "200 calls to the counter with 20 % of datagrams lost each way (or whatever "
               "--loss says): timeouts, retries and suppressed duplicates at scale."),
         lossy,
         QT_TRANSLATE_NOOP("Scenario", "At scale, loss shows as timeouts, retries and duplicates answered from the cache, and "
                           "as a long tail in latency."),
         QT_TRANSLATE_NOOP("Scenario", "Why is the 99th percentile so much longer than the median?\nHow many duplicates "
                           "reached the server, and how many ran?\nWhat happens to the tail if you raise the "
                           "loss?")},
        {QStringLiteral("many-clients"), QT_TRANSLATE_NOOP("Scenario", "Many clients and back-off"),
         QT_TRANSLATE_NOOP("Scenario", "20 clients share one server over a lossy, jittery network, backing off with "
               "full jitter so their retries spread out instead of arriving together."),
         manyClients,
         QT_TRANSLATE_NOOP("Scenario", "Clients that back off with jitter spread their retries out instead of arriving "
                           "together and overwhelming the server."),
         QT_TRANSLATE_NOOP("Scenario", "What would happen if every client retried at the same moment?\nCompare fixed, "
                           "exponential and full-jitter back-off: which finishes first?\nWhy add randomness at "
                           "all?")},
        {QStringLiteral("fragmentation"), QT_TRANSLATE_NOOP("Scenario", "Fragmentation and reassembly"),
         QT_TRANSLATE_NOOP("Scenario",
                           "A 6,000-byte request and its 6,000-byte reply are too large for one datagram, so "
                           "each goes as five fragments. One request fragment and one reply fragment are lost; "
                           "the receiver's selective ack lists what it holds, and only the missing fragment "
                           "is sent again, not the whole message."),
         fragmentation,
         QT_TRANSLATE_NOOP("Scenario", "A message larger than a datagram travels in fragments; a selective ack lets the "
                           "receiver ask for just the missing pieces."),
         QT_TRANSLATE_NOOP("Scenario", "Why not resend the whole message when one fragment is lost?\nHow does the sender "
                           "learn which fragments arrived?\nWhat sets the largest fragment size?")},
        {QStringLiteral("file-transfer"), QT_TRANSLATE_NOOP("Scenario", "File transfer with an end-to-end check"),
         QT_TRANSLATE_NOOP("Scenario",
                           "A 4 MiB file goes to the server in 64 KiB chunks over a link that loses 5 % of "
                           "datagrams. Every chunk is fragmented, acked selectively and resent in part; at "
                           "the end the server hashes the whole file and compares it with the sender's "
                           "SHA-256. Choose checksum none and add corruption to see the end-to-end check "
                           "catch what the transport let through."),
         fileTransfer,
         QT_TRANSLATE_NOOP("Scenario", "Reliable chunks are not enough: only the receiver's hash of the whole file, compared "
                           "with the sender's, shows the transfer is correct end to end."),
         QT_TRANSLATE_NOOP("Scenario", "Which check would catch a bug in the receiver's disk code?\nWhat happens with "
                           "checksum none and some corruption?\nHow does the chunk size change the goodput under "
                           "loss?")},
        {QStringLiteral("overload"), QT_TRANSLATE_NOOP("Scenario", "Overload and back-off"),
         QT_TRANSLATE_NOOP("Scenario",
                           "40 clients keep three calls each in flight against a server that can take in "
                           "1,000 datagrams a second. With a fixed 30 ms timeout every slow answer brings "
                           "another copy, the server's queue overflows and drops most of them, and many "
                           "calls run out of attempts. Switch the back-off to full jitter while it runs: the "
                           "resends thin out, the server catches up and every call completes."),
         overload,
         QT_TRANSLATE_NOOP("Scenario", "Retries that come too fast feed an overloaded server more work than it can take; "
                           "back-off with jitter drains the queue and lets every call complete."),
         QT_TRANSLATE_NOOP("Scenario", "Why does a short fixed timeout make overload worse?\nWatch the counter tracks: what "
                           "happens to drops and resends after switching to full jitter?\nHow could the server "
                           "help clients back off?")},
        {QStringLiteral("ordered"), QT_TRANSLATE_NOOP("Scenario", "Ordered delivery"),
         QT_TRANSLATE_NOOP("Scenario",
                           "One client keeps four calls in flight to the counter, asking for them to run in "
                           "order, over a network that reorders and loses datagrams. The first request is "
                           "lost, so the calls after it reach the server first: it acks them and holds them "
                           "back until the resent call 1 arrives, then runs them one at a time, in the order "
                           "they were made."),
         ordered,
         QT_TRANSLATE_NOOP("Scenario", "Many messages in flight and still delivered in order: the receiver holds back those "
                           "that arrive early, as TCP does, instead of the sender waiting for each one."),
         QT_TRANSLATE_NOOP("Scenario", "How does the server know a call came too early?\nWhat does holding back cost "
                           "the calls behind a lost one?\nWhat must the server do when the client gives up on a "
                           "call it is waiting for?")},
    };
    return table;
}

QString Scenario::displayTitle() const
{
    return QCoreApplication::translate("Scenario", title);
}

QString Scenario::displayDescription() const
{
    return QCoreApplication::translate("Scenario", description);
}

QString Scenario::displayGoal() const
{
    return QCoreApplication::translate("Scenario", goal);
}

QStringList Scenario::displayQuestions() const
{
    return QCoreApplication::translate("Scenario", questions).split(u'\n', Qt::SkipEmptyParts);
}

const Scenario *findScenario(QStringView name)
{
    for (const Scenario &s : scenarios())
        if (s.name == name)
            return &s;
    return nullptr;
}

SessionConfig scenarioConfig(QAnyStringView name)
{
    SessionConfig config;
    if (const Scenario *scenario = findScenario(name.toString())) {
        config.scenario = scenario->name;
        scenario->apply(config);
    }
    return config;
}

} // namespace rpcscope::session
