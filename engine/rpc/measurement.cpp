#include "measurement.h"

#include "hostport.h"
#include "net/datagramsocket.h"
#include "rpcserver.h"
#include "wire/datagram.h"
#include "wire/rawecho.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFuture>
#include <QUdpSocket>
#include <QtEndian>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <deque>
#include <optional>
#include <stdexcept>

namespace rpcscope::rpc {

void registerBenchMethods(RpcServer &server)
{
    server.registerHandler(
        QString::fromLatin1(kBenchEcho),
        [](const QByteArray &args) { return rpc::HandlerResult{wire::STATUS_OK, {}, args}; },
        rpc::HandlerKind::Short);
    // Hashing a chunk of a megabyte takes milliseconds: on the pool.
    server.registerHandler(
        QString::fromLatin1(kBenchSink),
        [](const QByteArray &args) {
            QByteArray result(8, Qt::Uninitialized);
            qToBigEndian<quint64>(quint64(args.size()), result.data());
            result += QCryptographicHash::hash(args, QCryptographicHash::Sha256);
            return rpc::HandlerResult{wire::STATUS_OK, {}, result};
        },
        rpc::HandlerKind::Long);
}

QString MeasureOptions::server() const
{
    return address.protocol() == QAbstractSocket::IPv6Protocol
               ? QStringLiteral("[%1]:%2").arg(address.toString()).arg(port)
               : QStringLiteral("%1:%2").arg(address.toString()).arg(port);
}

QJsonObject MeasureOptions::toJson() const
{
    return {{QStringLiteral("server"), server()},
            {QStringLiteral("dtls"), !key.isEmpty()},
            {QStringLiteral("calls"), calls},
            {QStringLiteral("window"), window},
            {QStringLiteral("pipelined_calls"), pipelinedCalls},
            {QStringLiteral("size"), double(messageBytes)},
            {QStringLiteral("chunk"), double(std::min(chunkBytes, messageBytes))},
            {QStringLiteral("chunks_in_flight"), chunkWindow},
            {QStringLiteral("datagram"), double(maxDatagram)},
            {QStringLiteral("timeout_ms"), double(timeout.count()) / 1000.0}};
}

qint64 MeasureOptions::chunkCount() const
{
    const qint64 chunk = std::max<qint64>(1, std::min(chunkBytes, messageBytes));
    return (messageBytes + chunk - 1) / chunk;
}

ClientOptions clientOptionsFor(const MeasureOptions &o, core::Duration slowestRawRoundTrip)
{
    ClientOptions co;
    co.serverAddress = o.address;
    co.serverPort = o.port;
    co.bindAddress = clientBindAddressFor(o.address);
    co.key = o.key;
    co.window = std::max(1, o.window);
    co.maxDatagram = o.maxDatagram;
    co.retry.timeout = std::max(core::Duration(200'000), 4 * slowestRawRoundTrip);
    co.retry.maxTimeout = std::max(co.retry.maxTimeout, co.retry.timeout);
    co.retry.maxAttempts = 0; // a measurement waits out loss; the deadline ends a call
    co.retry.deadline = std::max(o.timeout * 5, core::Duration(10'000'000));
    return co;
}

Percentiles Percentiles::of(std::vector<double> us)
{
    Percentiles p;
    if (us.empty())
        return p;
    std::sort(us.begin(), us.end());
    p.min = us.front();
    const auto at = [&](double q) {
        const auto rank = std::size_t(std::ceil(q * double(us.size())));
        return us[std::clamp<std::size_t>(rank, 1, us.size()) - 1];
    };
    p.p50 = at(0.50);
    p.p90 = at(0.90);
    p.p99 = at(0.99);
    return p;
}

namespace {

QJsonObject toJson(const Percentiles &p)
{
    return {{QStringLiteral("min"), p.min},
            {QStringLiteral("p50"), p.p50},
            {QStringLiteral("p90"), p.p90},
            {QStringLiteral("p99"), p.p99}};
}

void fail(Measurement &m, MeasureFailure failure, const QString &error, const QString &detail = {})
{
    m.failure = failure;
    m.error = error;
    m.detail = detail;
}

// How long a raw echo after the first may take before it counts as lost:
// far longer than any seen so far, never shorter than scheduling hiccups on
// a busy machine, never longer than the first was allowed.
core::Duration lostEchoWait(core::Duration slowest, core::Duration timeout)
{
    return std::min(timeout, std::max(core::Duration(50'000), 8 * slowest));
}

// Raw echoes, one at a time, on a socket of its own. The first one waits
// up to the timeout; it tells whether anybody is there, and which wire
// version it speaks.
class Echoer
{
public:
    enum class Outcome { Answered, NoAnswer, PortClosed, SocketFailed };

    explicit Echoer(const MeasureOptions &o) : m_o(o), m_to(net::Endpoint::from(o.address, o.port)) {}

    QString open()
    {
        const QHostAddress bindTo = clientBindAddressFor(m_o.address);
        QString error;
        if (net::DatagramSocket::canWaitOnCallerThread()) {
            if (!m_socket.bind(bindTo, 0, &error))
                return error;
        } else {
            m_qt.emplace();
            if (!m_qt->bind(bindTo, 0))
                return m_qt->errorString();
        }
        return {};
    }

    // One round trip; its time in `us` when answered. A late answer to an
    // earlier echo, or anything else, is passed over.
    Outcome roundTrip(std::uint32_t sequence, core::Duration timeout, double &us)
    {
        QByteArray payload(32, '\0');
        qToBigEndian<quint32>(sequence, payload.data());
        const QByteArray request = wire::echoRequest(payload);
        QElapsedTimer clock;
        clock.start();
        net::SocketFailure failure;
        if (m_qt) {
            m_qt->writeDatagram(request, m_o.address, m_o.port);
        } else if (!m_socket.send(request, m_to, &failure)) {
            m_failure = failure.text;
            return Outcome::SocketFailed;
        }
        for (;;) {
            const core::Duration left = timeout - core::Duration(clock.nsecsElapsed() / 1000);
            if (left <= core::Duration(0))
                return Outcome::NoAnswer;
            QByteArray answer;
            if (m_qt) {
                if (!m_qt->waitForReadyRead(int(std::max<std::int64_t>(1, left.count() / 1000))))
                    continue;
                answer.resize(qsizetype(std::max<qint64>(0, m_qt->pendingDatagramSize())));
                m_qt->readDatagram(answer.data(), answer.size());
            } else {
                if (m_socket.wait(left, -1) != net::DatagramSocket::Ready::Readable)
                    continue;
                if (!m_socket.receive(m_batch, &failure)) {
                    m_failure = failure.text;
                    return failure.error == QAbstractSocket::ConnectionRefusedError ? Outcome::PortClosed
                                                                                    : Outcome::SocketFailed;
                }
                if (m_batch.count() == 0)
                    continue;
                answer = m_batch.data(0).toByteArray();
            }
            QByteArrayView back;
            if (!wire::readEchoAnswer(answer, m_version, back) || back.size() < 4
                || qFromBigEndian<quint32>(back.data()) != sequence)
                continue;
            us = double(clock.nsecsElapsed()) / 1000.0;
            return Outcome::Answered;
        }
    }

    std::uint8_t version() const { return m_version; }
    const QString &failure() const { return m_failure; }

private:
    const MeasureOptions &m_o;
    net::Endpoint m_to;
    net::DatagramSocket m_socket;
    net::DatagramSocket::Batch m_batch{4, 2048};
    std::optional<QUdpSocket> m_qt; // where the system has no wait() for a caller's thread
    std::uint8_t m_version = 0;
    QString m_failure;
};

// The goodput's message: chunk after chunk of bytes from a generator seeded
// by the chunk's number, so no two chunks (and no two fragments of them)
// are alike and a fragment delivered into the wrong call shows in its hash.
QByteArray chunkOf(qint64 index, qint64 bytes)
{
    QByteArray chunk(qsizetype(bytes), Qt::Uninitialized);
    std::uint64_t state = 0x9E3779B97F4A7C15ull * std::uint64_t(index + 1);
    for (qsizetype at = 0; at < chunk.size(); at += 8) {
        // splitmix64
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        z ^= z >> 31;
        std::memcpy(chunk.data() + at, &z, std::size_t(std::min<qsizetype>(8, chunk.size() - at)));
    }
    return chunk;
}

// What Sink answers for `chunk`: its length and SHA-256.
QByteArray sinkAnswerFor(const QByteArray &chunk)
{
    QByteArray answer(8, Qt::Uninitialized);
    qToBigEndian<quint64>(quint64(chunk.size()), answer.data());
    return answer + QCryptographicHash::hash(chunk, QCryptographicHash::Sha256);
}

} // namespace

QJsonObject Measurement::toJson() const
{
    QJsonObject o{{QStringLiteral("server_wire_version"), serverVersion},
                  {QStringLiteral("raw_echo_us"), rpc::toJson(raw)},
                  {QStringLiteral("raw_echoes"), rawEchoes},
                  {QStringLiteral("raw_echoes_lost"), rawLost},
                  {QStringLiteral("call_us"), rpc::toJson(call)},
                  {QStringLiteral("call_to_raw"), callRatio()},
                  {QStringLiteral("pipelined_calls_per_second"), callsPerSecond},
                  {QStringLiteral("pipelined_to_raw"), pipelinedRatio()},
                  {QStringLiteral("goodput_bytes_per_second"), goodputBytesPerSecond},
                  {QStringLiteral("goodput_bytes_per_raw_round_trip"), goodputBytesPerRawRoundTrip()},
                  {QStringLiteral("goodput_bytes"), double(messageBytes)},
                  {QStringLiteral("goodput_verified"), verified}};
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    return o;
}

Measurement measure(const MeasureOptions &o, const MeasureProgress &progress, const std::atomic<bool> *cancel)
{
    if (o.calls < 1 || o.window < 1 || o.window > MeasureOptions::kMaxWindow || o.pipelinedCalls < 1 || o.messageBytes < 1 || o.chunkWindow < 1
        || o.chunkCount() > MeasureOptions::kMaxChunks || o.maxDatagram < wire::kMinMaxDatagram
        || o.maxDatagram > wire::kMaxDatagramSize || o.timeout <= core::Duration(0))
        throw std::invalid_argument("rpc::measure: options out of range");
    Measurement m;
    const auto report = [&](const QString &stage, double done) {
        if (progress)
            progress(stage, done);
    };
    const auto cancelled = [&] {
        if (cancel && cancel->load()) {
            fail(m, MeasureFailure::Cancelled, QStringLiteral("cancelled"));
            return true;
        }
        return false;
    };

    // 1. The floor: raw echoes. The first tells whether anybody is there.
    const QString rawStage = QStringLiteral("raw round trips");
    report(rawStage, 0);
    Echoer echoer(o);
    if (const QString e = echoer.open(); !e.isEmpty()) {
        fail(m, MeasureFailure::Socket, QStringLiteral("cannot open a socket: %1").arg(e), e);
        return m;
    }
    double us = 0;
    switch (echoer.roundTrip(0, o.timeout, us)) {
    case Echoer::Outcome::Answered: break;
    case Echoer::Outcome::NoAnswer:
        fail(m, MeasureFailure::NoServer,
             QStringLiteral("no RpcScope server answered at %1 within %2 ms")
                 .arg(o.server())
                 .arg(o.timeout.count() / 1000));
        return m;
    case Echoer::Outcome::PortClosed:
        fail(m, MeasureFailure::PortClosed, QStringLiteral("nothing listens at %1 (the port is closed)").arg(o.server()),
             echoer.failure());
        return m;
    case Echoer::Outcome::SocketFailed:
        fail(m, MeasureFailure::Socket, QStringLiteral("cannot reach %1: %2").arg(o.server(), echoer.failure()),
             echoer.failure());
        return m;
    }
    m.serverVersion = echoer.version();
    if (m.serverVersion != wire::kVersion) {
        fail(m, MeasureFailure::OtherVersion,
             QStringLiteral("the server at %1 speaks wire version %2; this build speaks version %3")
                 .arg(o.server())
                 .arg(m.serverVersion)
                 .arg(wire::kVersion));
        return m;
    }
    core::Duration slowest{std::int64_t(us)}; // of the raw round trips so far

    // 2. A client for the calls; its first call says whether calls get through.
    const ClientOptions co = clientOptionsFor(o, slowest);
    RpcClient client(co);
    if (QString e; !client.start(&e)) {
        fail(m, MeasureFailure::Socket, QStringLiteral("cannot start a client: %1").arg(e), e);
        return m;
    }
    const QString echo = QString::fromLatin1(kBenchEcho);
    const QByteArray args(32, 'x');
    // The server answered its echo; if no call gets through, the usual
    // reason is a key: one end has it and the other has not, or another.
    // This first call (and a DTLS handshake) is not timed.
    {
        CallOptions first;
        first.retry = co.retry;
        first.retry->deadline = o.timeout * 2;
        const Reply reply = client.callBlocking(echo, args, first);
        if (reply.error == trace::CallError::DeadlineExceeded) {
            fail(m, MeasureFailure::NoCallAnswered,
                 QStringLiteral("the server at %1 answered its raw echo but no call within %2 ms: %3")
                     .arg(o.server())
                     .arg(first.retry->deadline.count() / 1000)
                     .arg(o.key.isEmpty() ? QStringLiteral("if it was started with --key, give the same key")
                                          : QStringLiteral("does it use this key?")));
            return m;
        }
    }

    // 3. Raw round trips and single calls, taken in turn, so both meet the
    // same machine: a load that comes and goes weighs on each alike.
    const QString callStage = QStringLiteral("single calls");
    std::vector<double> raw, calls;
    raw.reserve(std::size_t(std::max(0, o.calls)));
    calls.reserve(std::size_t(std::max(0, o.calls)));
    for (int i = 1; i <= o.calls; ++i) {
        if (cancelled())
            return m;
        ++m.rawEchoes;
        // A lost echo is no round trip: it is counted, and the next one sent.
        switch (echoer.roundTrip(std::uint32_t(i), lostEchoWait(slowest, o.timeout), us)) {
        case Echoer::Outcome::Answered:
            raw.push_back(us);
            slowest = std::max(slowest, core::Duration(std::int64_t(us)));
            break;
        case Echoer::Outcome::NoAnswer:
        case Echoer::Outcome::PortClosed: // the server went away: the calls will say so
        case Echoer::Outcome::SocketFailed: ++m.rawLost; break;
        }
        QElapsedTimer clock;
        clock.start();
        const Reply reply = client.callBlocking(echo, args);
        if (!reply.ok()) {
            fail(m, MeasureFailure::CallFailed, QStringLiteral("a call to %1 failed: %2").arg(o.server(), reply.message),
                 reply.message);
            return m;
        }
        calls.push_back(double(clock.nsecsElapsed()) / 1000.0);
        if (i % 50 == 0)
            report(i * 2 <= o.calls ? rawStage : callStage, double(i) / o.calls);
    }
    m.raw = Percentiles::of(std::move(raw));
    m.call = Percentiles::of(std::move(calls));
    // The client was fitted to the first raw round trip; the calls from here
    // on wait, before a resend, at least four times the slowest of them all.
    CallOptions fitted;
    fitted.retry = clientOptionsFor(o, slowest).retry;

    // 4. Pipelined: the window kept full. The client keeps `window` calls
    // in flight and queues the rest (ClientOptions::window); handing it
    // many more than the window, and waiting for the oldest, keeps one call
    // held up by a loss from idling the window behind it.
    const QString pipeStage = QStringLiteral("pipelined calls");
    report(pipeStage, 0);
    {
        const int handedOver = std::max(1024, 32 * co.window);
        QElapsedTimer clock;
        clock.start();
        std::deque<QFuture<Reply>> open;
        int ended = 0;
        for (int i = 0; i < o.pipelinedCalls || !open.empty();) {
            if (i < o.pipelinedCalls && int(open.size()) < handedOver) {
                open.push_back(client.call(echo, args, fitted));
                ++i;
                continue;
            }
            if (cancelled())
                return m;
            open.front().waitForFinished();
            const Reply reply = open.front().result();
            open.pop_front();
            if (!reply.ok()) {
                fail(m, MeasureFailure::CallFailed,
                     QStringLiteral("a pipelined call to %1 failed: %2").arg(o.server(), reply.message), reply.message);
                return m;
            }
            if (++ended % 1000 == 0)
                report(pipeStage, double(ended) / o.pipelinedCalls);
        }
        m.callsPerSecond = o.pipelinedCalls / std::max(1e-9, double(clock.nsecsElapsed()) / 1e9);
    }

    // 5. Goodput: the message in chunks, no two alike, each answered with
    // its SHA-256. The answers are checked once the clock has stopped, so
    // hashing here takes nothing from the transfer.
    const QString putStage = QStringLiteral("goodput");
    report(putStage, 0);
    {
        const QString sink = QString::fromLatin1(kBenchSink);
        const qint64 chunk = std::max<qint64>(1, std::min(o.chunkBytes, o.messageBytes));
        const qint64 chunks = o.chunkCount();
        const auto bytesOf = [&](qint64 i) { return i + 1 == chunks ? o.messageBytes - i * chunk : chunk; };
        std::vector<std::array<char, 40>> answers(std::size_t(chunks), std::array<char, 40>{});
        std::vector<bool> answerFits(std::size_t(chunks), false);
        QElapsedTimer clock;
        clock.start();
        std::deque<std::pair<QFuture<Reply>, qint64>> open; // and the chunk's number
        CallOptions chunkCall = fitted;
        // A chunk may take long on a slow path, sharing it with the others in flight.
        chunkCall.retry->deadline = std::max(co.retry.deadline, core::Duration(60'000'000));
        for (qint64 i = 0; i < chunks || !open.empty();) {
            if (i < chunks && int(open.size()) < std::max(1, o.chunkWindow)) {
                open.emplace_back(client.call(sink, chunkOf(i, bytesOf(i)), chunkCall), i);
                ++i;
                continue;
            }
            if (cancelled())
                return m;
            open.front().first.waitForFinished();
            const Reply reply = open.front().first.result();
            const auto at = std::size_t(open.front().second);
            open.pop_front();
            if (!reply.ok()) {
                fail(m, MeasureFailure::CallFailed,
                     QStringLiteral("a chunk of the message to %1 failed: %2").arg(o.server(), reply.message),
                     reply.message);
                return m;
            }
            answerFits[at] = reply.result.size() == qsizetype(answers[at].size());
            if (answerFits[at])
                std::memcpy(answers[at].data(), reply.result.constData(), answers[at].size());
            report(putStage, double(at + 1) / double(chunks));
        }
        m.goodputBytesPerSecond = double(o.messageBytes) / std::max(1e-9, double(clock.nsecsElapsed()) / 1e9);
        m.messageBytes = o.messageBytes;
        bool verified = true;
        for (qint64 i = 0; i < chunks && verified; ++i) {
            const QByteArray expected = sinkAnswerFor(chunkOf(i, bytesOf(i)));
            verified = answerFits[std::size_t(i)]
                       && std::memcmp(expected.constData(), answers[std::size_t(i)].data(), expected.size()) == 0;
        }
        m.verified = verified;
        if (!verified)
            fail(m, MeasureFailure::NotVerified,
                 QStringLiteral("the SHA-256 the server at %1 computed of a chunk differs from what was sent")
                     .arg(o.server()));
    }
    report(putStage, 1);
    client.stop();
    return m;
}

} // namespace rpcscope::rpc
