#include "measurement.h"

#include "hostport.h"
#include "net/datagramsocket.h"
#include "rpcclient.h"
#include "rpcserver.h"
#include "wire/datagram.h"
#include "wire/rawecho.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFuture>
#include <QUdpSocket>
#include <QtEndian>

#include <algorithm>
#include <deque>
#include <optional>
#include <vector>

namespace rpcscope::rpc {

void registerBenchMethods(RpcServer &server)
{
    server.registerHandler(
        QString::fromLatin1(kBenchEcho),
        [](const QByteArray &args) { return services::HandlerResult{wire::STATUS_OK, {}, args}; },
        services::HandlerKind::Short);
    // Hashing a chunk of a megabyte takes milliseconds: on the pool.
    server.registerHandler(
        QString::fromLatin1(kBenchSink),
        [](const QByteArray &args) {
            QByteArray result(8, Qt::Uninitialized);
            qToBigEndian<quint64>(quint64(args.size()), result.data());
            result += QCryptographicHash::hash(args, QCryptographicHash::Sha256);
            return services::HandlerResult{wire::STATUS_OK, {}, result};
        },
        services::HandlerKind::Long);
}

namespace {

Percentiles percentiles(std::vector<double> us)
{
    Percentiles p;
    if (us.empty())
        return p;
    std::sort(us.begin(), us.end());
    p.min = us.front();
    const auto at = [&](double q) { return us[std::min(us.size() - 1, std::size_t(q * double(us.size())))]; };
    p.p50 = at(0.50);
    p.p90 = at(0.90);
    p.p99 = at(0.99);
    return p;
}

QJsonObject toJson(const Percentiles &p)
{
    return {{QStringLiteral("min"), p.min},
            {QStringLiteral("p50"), p.p50},
            {QStringLiteral("p90"), p.p90},
            {QStringLiteral("p99"), p.p99}};
}

QString where(const MeasureOptions &o)
{
    return o.address.protocol() == QAbstractSocket::IPv6Protocol
               ? QStringLiteral("[%1]:%2").arg(o.address.toString()).arg(o.port)
               : QStringLiteral("%1:%2").arg(o.address.toString()).arg(o.port);
}

// Raw echoes, one at a time, on a socket of its own. The first one waits
// up to the timeout; it tells whether anybody is there, and which wire
// version it speaks.
class Echoer
{
public:
    explicit Echoer(const MeasureOptions &o) : m_o(o), m_to(net::Endpoint::from(o.address, o.port)) {}

    QString open()
    {
        const QHostAddress bindTo = clientBindAddressFor(m_o.address);
        QString error;
        if (net::DatagramSocket::canWaitOnCallerThread()) {
            if (!m_socket.bind(bindTo, 0, &error))
                return QStringLiteral("cannot open a socket: %1").arg(error);
        } else {
            m_qt.emplace();
            if (!m_qt->bind(bindTo, 0))
                return QStringLiteral("cannot open a socket: %1").arg(m_qt->errorString());
        }
        return {};
    }

    // One round trip in µs, or an error.
    std::optional<double> roundTrip(std::uint32_t sequence, core::Duration timeout, QString &error)
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
            error = failure.text;
            return std::nullopt;
        }
        for (;;) {
            const core::Duration left = timeout - core::Duration(clock.nsecsElapsed() / 1000);
            if (left <= core::Duration(0))
                return std::nullopt;
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
                    error = failure.error == QAbstractSocket::ConnectionRefusedError
                                ? QStringLiteral("nothing listens at %1 (the port is closed)").arg(where(m_o))
                                : failure.text;
                    return std::nullopt;
                }
                if (m_batch.count() == 0)
                    continue;
                answer = m_batch.data(0).toByteArray();
            }
            QByteArrayView back;
            if (!wire::readEchoAnswer(answer, m_version, back) || back.size() < 4
                || qFromBigEndian<quint32>(back.data()) != sequence)
                continue; // something else, or a late answer to an earlier echo
            return double(clock.nsecsElapsed()) / 1000.0;
        }
    }

    std::uint8_t version() const { return m_version; }

private:
    const MeasureOptions &m_o;
    net::Endpoint m_to;
    net::DatagramSocket m_socket;
    net::DatagramSocket::Batch m_batch{4, 2048};
    std::optional<QUdpSocket> m_qt; // where the system has no wait() for a caller's thread
    std::uint8_t m_version = 0;
};

} // namespace

QJsonObject Measurement::toJson() const
{
    QJsonObject o{{QStringLiteral("server_wire_version"), serverVersion},
                  {QStringLiteral("raw_echo_us"), rpc::toJson(raw)},
                  {QStringLiteral("call_us"), rpc::toJson(call)},
                  {QStringLiteral("call_to_raw"), callRatio()},
                  {QStringLiteral("pipelined_calls_per_second"), callsPerSecond},
                  {QStringLiteral("goodput_bytes_per_second"), goodputBytesPerSecond},
                  {QStringLiteral("goodput_bytes"), double(messageBytes)},
                  {QStringLiteral("goodput_verified"), verified}};
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    return o;
}

Measurement measure(const MeasureOptions &o, const MeasureProgress &progress, const std::atomic<bool> *cancel)
{
    Measurement m;
    const auto report = [&](const QString &stage, double done) {
        if (progress)
            progress(stage, done);
    };
    const auto cancelled = [&] {
        if (cancel && cancel->load()) {
            m.error = QStringLiteral("cancelled");
            return true;
        }
        return false;
    };

    // 1. The floor: raw echoes. The first tells whether anybody is there.
    const QString rawStage = QStringLiteral("raw round trips");
    report(rawStage, 0);
    Echoer echoer(o);
    if (QString e = echoer.open(); !e.isEmpty()) {
        m.error = e;
        return m;
    }
    QString error;
    if (!echoer.roundTrip(0, o.timeout, error)) {
        m.error = !error.isEmpty() ? error
                                   : QStringLiteral("no RpcScope server answered at %1 within %2 ms")
                                         .arg(where(o))
                                         .arg(o.timeout.count() / 1000);
        return m;
    }
    m.serverVersion = echoer.version();
    if (m.serverVersion != wire::kVersion) {
        m.error = QStringLiteral("the server at %1 speaks wire version %2; this build speaks version %3")
                      .arg(where(o))
                      .arg(m.serverVersion)
                      .arg(wire::kVersion);
        return m;
    }
    // 2. A client for the calls; its first call says whether calls get through.
    ClientOptions co;
    co.serverAddress = o.address;
    co.serverPort = o.port;
    // As `call` binds: loopback only for a server on loopback, so calls can
    // leave for another machine.
    co.bindAddress = clientBindAddressFor(o.address);
    co.key = o.key;
    co.window = std::max(1, o.window);
    co.maxDatagram = o.maxDatagram;
    co.retry.timeout = core::Duration(200'000);
    co.retry.maxAttempts = 0; // a measurement waits out loss; the deadline ends a call
    co.retry.deadline = std::max(o.timeout * 5, core::Duration(10'000'000));
    RpcClient client(co);
    if (!client.start(&error)) {
        m.error = QStringLiteral("cannot start a client: %1").arg(error);
        return m;
    }
    const QString echo = QString::fromLatin1(kBenchEcho);
    const QByteArray args(32, 'x');
    // The server answered its echo; if no call gets through, the usual
    // reason is a key: one end has it and the other has not, or another.
    {
        CallOptions first;
        first.retry = co.retry;
        first.retry->deadline = o.timeout * 2;
        const Reply reply = client.callBlocking(echo, args, first);
        if (reply.error == trace::CallError::DeadlineExceeded) {
            m.error = QStringLiteral("the server at %1 answered its raw echo but no call within %2 ms: %3")
                          .arg(where(o))
                          .arg(first.retry->deadline.count() / 1000)
                          .arg(o.key.isEmpty() ? QStringLiteral("if it was started with --key, give the same key")
                                               : QStringLiteral("does it use this key?"));
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
        // A lost echo is not a round trip: it is left out.
        if (const std::optional<double> us = echoer.roundTrip(std::uint32_t(i), o.timeout, error))
            raw.push_back(*us);
        QElapsedTimer clock;
        clock.start();
        const Reply reply = client.callBlocking(echo, args);
        if (!reply.ok()) {
            m.error = QStringLiteral("a call to %1 failed: %2").arg(where(o), reply.message);
            return m;
        }
        calls.push_back(double(clock.nsecsElapsed()) / 1000.0);
        if (i % 50 == 0)
            report(i * 2 <= o.calls ? rawStage : callStage, double(i) / o.calls);
    }
    m.raw = percentiles(raw);
    m.call = percentiles(calls);

    // 4. Pipelined: the window kept full.
    const QString pipeStage = QStringLiteral("pipelined calls");
    report(pipeStage, 0);
    {
        QElapsedTimer clock;
        clock.start();
        std::deque<QFuture<Reply>> open;
        for (int i = 0; i < o.pipelinedCalls || !open.empty();) {
            if (i < o.pipelinedCalls && int(open.size()) < co.window) {
                open.push_back(client.call(echo, args));
                ++i;
                continue;
            }
            if (cancelled())
                return m;
            open.front().waitForFinished();
            const Reply reply = open.front().result();
            open.pop_front();
            if (!reply.ok()) {
                m.error = QStringLiteral("a pipelined call failed: %1").arg(reply.message);
                return m;
            }
            if (i % 1000 == 0)
                report(pipeStage, double(i) / o.pipelinedCalls);
        }
        m.callsPerSecond = o.pipelinedCalls / std::max(1e-9, double(clock.nsecsElapsed()) / 1e9);
    }

    // 5. Goodput: the message in chunks, each checked by its SHA-256.
    const QString putStage = QStringLiteral("goodput");
    report(putStage, 0);
    {
        const QString sink = QString::fromLatin1(kBenchSink);
        const qint64 chunk = std::max<qint64>(1, std::min(o.chunkBytes, o.messageBytes));
        QByteArray data(qsizetype(chunk), Qt::Uninitialized);
        for (qsizetype i = 0; i < data.size(); ++i)
            data[i] = char((i * 131 + 7) & 0xff);
        // What Sink answers for a chunk of `bytes` of `data`: its length and SHA-256.
        const auto digest = [&](qint64 bytes) {
            QByteArray e(8, Qt::Uninitialized);
            qToBigEndian<quint64>(quint64(bytes), e.data());
            return e + QCryptographicHash::hash(data.first(qsizetype(bytes)), QCryptographicHash::Sha256);
        };
        const qint64 chunks = (o.messageBytes + chunk - 1) / chunk;
        const qint64 lastBytes = o.messageBytes - (chunks - 1) * chunk;
        const QByteArray expected = digest(chunk);
        const QByteArray expectedLast = lastBytes == chunk ? expected : digest(lastBytes);
        QElapsedTimer clock;
        clock.start();
        std::deque<std::pair<QFuture<Reply>, bool>> open; // and whether it is the last chunk
        bool verified = true;
        qint64 sent = 0;
        for (qint64 i = 0; i < chunks || !open.empty();) {
            if (i < chunks && int(open.size()) < std::max(1, o.chunkWindow)) {
                const bool last = i + 1 == chunks;
                const qint64 bytes = last ? lastBytes : chunk;
                open.emplace_back(client.call(sink, bytes == chunk ? data : data.first(qsizetype(bytes))), last);
                sent += bytes;
                ++i;
                continue;
            }
            if (cancelled())
                return m;
            open.front().first.waitForFinished();
            const Reply reply = open.front().first.result();
            const bool last = open.front().second;
            open.pop_front();
            if (!reply.ok()) {
                m.error = QStringLiteral("a chunk of the message failed: %1").arg(reply.message);
                return m;
            }
            verified = verified && reply.result == (last ? expectedLast : expected);
            report(putStage, double(i) / double(chunks));
        }
        m.messageBytes = sent;
        m.goodputBytesPerSecond = double(sent) / std::max(1e-9, double(clock.nsecsElapsed()) / 1e9);
        m.verified = verified;
        if (!verified)
            m.error = QStringLiteral("the server's SHA-256 of a chunk differs from what was sent");
    }
    report(putStage, 1);
    client.stop();
    return m;
}

} // namespace rpcscope::rpc
