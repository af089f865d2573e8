#include "rpcclient.h"

#include "net/drivencore.h"
#include "net/udptransport.h"

#include <QPromise>
#include <QRandomGenerator>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <unordered_map>

namespace rpcscope::rpc {

using core::TimePoint;

// Owns the sans-IO core, the transport that drives it, and the promises of
// calls in flight. Exactly one thread drives the core at a time:
//  - nobody (Driver::None) while the client is idle: no call open, nothing
//    to resend, nothing delayed; nobody even listens to the socket;
//  - a blocking caller's own thread (Driver::Caller) when it found the
//    client idle: it sends the request, sleeps on the socket and reads the
//    reply itself, so a call costs no wake-up of another thread (this is
//    how ONC RPC's clnt_call and Birrell & Nelson's client stubs work);
//  - the engine thread's event loop (Driver::Thread) otherwise: futures,
//    several blocking callers at once, DTLS (whose sessions run on that
//    loop's timers).
// Whoever is not driving hands work to the driver through the inbox (and a
// wake-up: the Waker for a caller, a posted event for the engine thread).
// Promises are fulfilled on the engine thread, so continuations run where
// the header says they do.
class RpcClient::Engine : public QObject, public net::DrivenCore
{
public:
    Engine(const ClientOptions &options, const QElapsedTimer *clock, std::uint32_t clientId)
        : m_core(coreConfig(options, clientId), options.trace)
        , m_transport(this, options.trace, clock, transportOptions(options), this)
        , m_server(options.serverAddress)
        , m_serverPort(options.serverPort)
        , m_traced(options.trace != nullptr)
    {
    }

    // On the engine thread.
    bool bind(QString *error)
    {
        if (!m_transport.bind(error))
            return false;
        m_transport.addPeer(m_server, m_serverPort, core::kServerHost);
        m_transport.secure(core::kServerHost);
        // A traced client keeps listening while idle, so what arrives late
        // (a duplicate of a reply, a resent reply) is traced when it
        // arrives, as the diagram must show it; one that nobody watches
        // reads it with its next call.
        m_callerMayDrive = m_transport.canBeDrivenFromAnyThread() && m_waker.isValid() && !m_traced;
        if (!m_callerMayDrive) { // the event loop drives for good
            m_driver = Driver::Thread;
            m_transport.setListening(true);
        }
        return true;
    }

    net::UdpTransport &transport() { return m_transport; }
    quint16 localPort() const { return m_transport.localPort(); }
    std::uint64_t callerDriven() const { return m_callerDriven.load(); }

    // ---- from any thread

    using Command = std::function<void(TimePoint now)>;

    // Runs `command` on whichever thread drives the core, waking it.
    void submit(Command command)
    {
        std::unique_lock lock(m_mutex);
        m_inbox.push_back(std::move(command));
        switch (m_driver) {
        case Driver::None:
            m_driver = Driver::Thread;
            lock.unlock();
            postRound();
            break;
        case Driver::Thread:
            // One posted round takes the whole inbox: post only for the first.
            if (m_inbox.size() == 1) {
                lock.unlock();
                postRound();
            }
            break;
        case Driver::Caller: m_waker.wake(); break;
        }
    }

    void startCall(const QString &method, const QByteArray &args, const CallOptions &options,
                   std::shared_ptr<QPromise<Reply>> promise)
    {
        submit([this, method, args, options, promise = std::move(promise)](TimePoint now) mutable {
            if (promise->isCanceled()) {
                promise->finish();
                return;
            }
            const std::uint32_t id = m_core.startCall(method, args, now, options.retry);
            m_promises.emplace(id, std::move(promise));
        });
    }

    void flush(std::shared_ptr<QPromise<void>> promise)
    {
        submit([this, promise = std::move(promise)](TimePoint) mutable {
            m_flushes.push_back({m_core.nextCallId(), std::move(promise)});
            finishFlushes();
        });
    }

    // The call on this thread when the client is idle; otherwise nothing,
    // and the caller goes through a future.
    std::optional<Reply> callDirectly(const QString &method, const QByteArray &args, const CallOptions &options)
    {
        {
            std::lock_guard lock(m_mutex);
            if (!m_callerMayDrive || m_driver != Driver::None)
                return std::nullopt;
            m_driver = Driver::Caller;
        }
        ++m_callerDriven;
        m_direct = {};
        m_direct.id = m_core.startCall(method, args, m_transport.now(), options.retry);
        m_transport.wake();
        while (!m_direct.done) {
            const auto ready = m_transport.waitForWork(m_waker.descriptor());
            if (ready == net::DatagramSocket::Ready::Woken) {
                m_waker.consume();
                runInbox();
            }
            m_transport.process(ready != net::DatagramSocket::Ready::TimedOut);
            handOverFinished();
        }
        // Ours before the core is handed on: the next caller to drive it
        // starts with m_direct afresh.
        Reply reply = std::move(m_direct.reply);
        m_direct.id = 0;
        // Hand the core on: to nobody if nothing is left to do, else to the
        // engine thread. Commands that came in meanwhile run first.
        for (;;) {
            runInbox();
            handOverFinished();
            std::lock_guard lock(m_mutex);
            if (!m_inbox.empty())
                continue;
            m_driver = idle() ? Driver::None : Driver::Thread;
            if (m_driver == Driver::Thread)
                postRound();
            m_notCaller.notify_all();
            break;
        }
        return reply;
    }

    // Until no caller drives the core (stop() deletes the engine next).
    void waitForCaller()
    {
        std::unique_lock lock(m_mutex);
        m_notCaller.wait(lock, [this] { return m_driver != Driver::Caller; });
    }

    void setRetry(const core::RetryConfig &retry, TimePoint now) { m_core.setRetryConfig(retry, now); }

    void cancelAll(TimePoint now)
    {
        std::vector<std::uint32_t> ids;
        for (const auto &[id, promise] : m_promises)
            ids.push_back(id);
        if (m_direct.id && !m_direct.done)
            ids.push_back(m_direct.id);
        for (std::uint32_t id : ids)
            m_core.cancel(id, now);
    }

    // ---- DrivenCore, on the driving thread

    core::Received receive(QByteArrayView d, core::HostId from, TimePoint now) override
    {
        return m_core.receive(d, from, now);
    }
    bool pollTransmit(core::Transmit &out) override { return m_core.pollTransmit(out); }
    std::optional<TimePoint> nextTimeout() const override { return m_core.nextTimeout(); }
    void handleTimeout(TimePoint now) override { m_core.handleTimeout(now); }

    void afterActivity(TimePoint now) override
    {
        core::Completion done;
        while (m_core.pollCompletion(done)) {
            Reply reply;
            reply.error = done.error;
            reply.status = done.status;
            reply.message = std::move(done.message);
            reply.result = std::move(done.result);
            reply.attempts = done.attempts;
            reply.latency = done.latency;
            if (done.callId == m_direct.id && !m_direct.done) {
                m_direct.reply = std::move(reply);
                m_direct.done = true;
                continue;
            }
            auto it = m_promises.find(done.callId);
            if (it == m_promises.end())
                continue;
            m_finished.push_back({std::move(it->second), std::move(reply), nullptr});
            m_promises.erase(it);
        }
        finishFlushes();
        // QFuture::cancel() only flags the promise; look for flags now and
        // then rather than on every datagram.
        if (now - m_lastCancelSweep >= core::Duration(10'000)) {
            m_lastCancelSweep = now;
            std::vector<std::uint32_t> cancelled;
            for (const auto &[id, promise] : m_promises)
                if (promise->isCanceled())
                    cancelled.push_back(id);
            for (std::uint32_t id : cancelled)
                m_core.cancel(id, now);
            if (!cancelled.empty())
                afterActivity(now);
        }
        if (QThread::currentThread() == thread())
            fulfil(std::exchange(m_finished, {}));
    }

    void afterEventLoopRound() override { settle(); }

private:
    enum class Driver : std::uint8_t { None, Thread, Caller };
    // A call's end or a flush's, in the order they happened: a flush is
    // fulfilled after the calls it waited for.
    struct Ended
    {
        std::shared_ptr<QPromise<Reply>> call;
        Reply reply;
        std::shared_ptr<QPromise<void>> flush;
    };
    using Finished = std::vector<Ended>;
    struct Flush
    {
        std::uint32_t below; // it waits for every call with a smaller id
        std::shared_ptr<QPromise<void>> promise;
    };

    static void fulfil(Finished finished)
    {
        for (Ended &ended : finished) {
            if (ended.call) {
                ended.call->addResult(std::move(ended.reply));
                ended.call->finish();
            } else {
                ended.flush->finish();
            }
        }
    }

    // Flushes whose calls have all ended join the finished, in order.
    void finishFlushes()
    {
        const std::uint32_t open = m_core.ackBelow();
        while (!m_flushes.empty() && m_flushes.front().below <= open) {
            m_finished.push_back({nullptr, Reply{}, std::move(m_flushes.front().promise)});
            m_flushes.pop_front();
        }
    }

    // A caller driving the core sends what finished to the engine thread,
    // where continuations are promised to run (and where one may call
    // callBlocking() without waiting for itself).
    void handOverFinished()
    {
        if (m_finished.empty())
            return;
        QMetaObject::invokeMethod(
            this, [finished = std::exchange(m_finished, {})]() mutable { fulfil(std::move(finished)); },
            Qt::QueuedConnection);
    }

    void runInbox()
    {
        std::vector<Command> commands;
        {
            std::lock_guard lock(m_mutex);
            commands.swap(m_inbox);
        }
        if (commands.empty())
            return;
        const TimePoint now = m_transport.now();
        for (Command &c : commands)
            c(now);
        m_transport.wake();
    }

    void postRound()
    {
        QMetaObject::invokeMethod(this, [this] { round(); }, Qt::QueuedConnection);
    }

    // The engine thread's turn, posted by submit() or a caller handing over.
    void round()
    {
        {
            // A round posted earlier may find the core handed on since (a
            // caller took it after an earlier round gave it up).
            std::lock_guard lock(m_mutex);
            if (m_driver != Driver::Thread)
                return;
        }
        runInbox();
        settle();
    }

    // On the engine thread after each round: listen while there is work,
    // and give the core up when there is none.
    void settle()
    {
        std::lock_guard lock(m_mutex);
        if (m_callerMayDrive && m_inbox.empty() && idle())
            m_driver = Driver::None;
        m_transport.setListening(m_driver == Driver::Thread);
    }

    // Nothing open, queued, delayed or promised: nobody need listen.
    bool idle() const
    {
        return m_core.inFlight() == 0 && m_core.queued() == 0 && !m_transport.hasDelayedSends()
               && m_promises.empty() && m_finished.empty() && m_flushes.empty();
    }

    static core::ClientConfig coreConfig(const ClientOptions &o, std::uint32_t clientId)
    {
        core::ClientConfig c;
        c.clientId = clientId;
        c.host = o.host;
        core::copyClientProtocol(o, c);
        c.maxMessageBytes = o.maxMessageBytes;
        c.seed = o.seed ? o.seed : QRandomGenerator::global()->generate64();
        return c;
    }

    static net::TransportOptions transportOptions(const ClientOptions &o)
    {
        net::TransportOptions t;
        t.wireTap = o.wireTap;
        const bool v6 = o.serverAddress.protocol() == QAbstractSocket::IPv6Protocol;
        t.bindAddress = o.bindAddress.value_or(QHostAddress(v6 ? QHostAddress::LocalHostIPv6
                                                               : QHostAddress::LocalHost));
        t.self = o.host;
        t.acceptNewPeers = false;
        t.netem = o.netem;
        t.faults = o.faults;
        t.seed = o.seed ? o.seed * 31 + 7 : QRandomGenerator::global()->generate64();
        t.key = o.key;
        t.readBatch = 4; // one server: replies rarely queue deeper
        return t;
    }

    // The driver's alone.
    core::ClientCore m_core;
    net::UdpTransport m_transport;
    QHostAddress m_server;
    quint16 m_serverPort;
    const bool m_traced;
    std::atomic<std::uint64_t> m_callerDriven{0};
    std::unordered_map<std::uint32_t, std::shared_ptr<QPromise<Reply>>> m_promises;
    Finished m_finished; // ended calls whose promises are still to be fulfilled
    std::deque<Flush> m_flushes; // by `below`, which only grows
    TimePoint m_lastCancelSweep{0};
    struct Direct
    {
        std::uint32_t id = 0; // the call a caller drives itself; 0: none
        bool done = false;
        Reply reply;
    } m_direct;

    // Shared; under m_mutex.
    std::mutex m_mutex;
    Driver m_driver = Driver::None;
    std::vector<Command> m_inbox;
    std::condition_variable m_notCaller;
    bool m_callerMayDrive = false; // set once in bind()
    net::Waker m_waker;
};

RpcClient::RpcClient(ClientOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_ownClock.start();
    m_thread.setObjectName(QStringLiteral("rpcscope-client"));
}

RpcClient::~RpcClient()
{
    stop();
}

bool RpcClient::isRunning() const
{
    return m_engine != nullptr;
}

bool RpcClient::start(QString *error)
{
    if (m_engine)
        return true;
    // A client id unique per incarnation: a restarted client must not be
    // mistaken for its earlier self by a server that remembers its calls.
    std::uint32_t clientId = 0;
    while (clientId == 0)
        clientId = QRandomGenerator::system()->generate();
    m_engine = new Engine(m_options, m_options.clock ? m_options.clock : &m_ownClock, clientId);
    connect(&m_engine->transport(), &net::UdpTransport::notice, this, &RpcClient::notice, Qt::DirectConnection);
    m_engine->moveToThread(&m_thread);
    m_thread.start();
    // Out of threads: a blocking call into a thread that never ran would
    // wait for ever.
    if (!m_thread.isRunning()) {
        delete std::exchange(m_engine, nullptr);
        if (error)
            *error = QStringLiteral("cannot start the client's network thread (the system has no more threads)");
        return false;
    }
    bool bound = false;
    QString why;
    QMetaObject::invokeMethod(
        m_engine, [&] { bound = m_engine->bind(&why); }, Qt::BlockingQueuedConnection);
    if (!bound) {
        stop();
        if (error)
            *error = why;
        return false;
    }
    m_clientId = clientId;
    return true;
}

void RpcClient::stop()
{
    if (!m_engine)
        return;
    Engine *engine = m_engine;
    m_engine = nullptr;
    engine->submit([engine](TimePoint now) { engine->cancelAll(now); });
    engine->waitForCaller();
    // Posted after the cancellation's round, so promises are fulfilled first.
    QMetaObject::invokeMethod(
        engine,
        [engine] {
            engine->transport().close();
            delete engine;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QFuture<Reply> RpcClient::call(const QString &method, const QByteArray &args, CallOptions options)
{
    auto promise = std::make_shared<QPromise<Reply>>();
    QFuture<Reply> future = promise->future();
    promise->start();
    if (!m_engine) {
        Reply reply;
        reply.error = trace::CallError::Transport;
        reply.message = QStringLiteral("the client is not running");
        promise->addResult(std::move(reply));
        promise->finish();
        return future;
    }
    m_engine->startCall(method, args, options, std::move(promise));
    return future;
}

Reply RpcClient::callBlocking(const QString &method, const QByteArray &args, CallOptions options)
{
    Q_ASSERT_X(QThread::currentThread() != &m_thread, "RpcClient::callBlocking",
               "called on the engine thread, which would wait for itself");
    if (Engine *engine = m_engine)
        if (std::optional<Reply> reply = engine->callDirectly(method, args, options))
            return std::move(*reply);
    QFuture<Reply> future = call(method, args, std::move(options));
    future.waitForFinished();
    if (future.resultCount() == 0) {
        Reply reply;
        reply.error = trace::CallError::Cancelled;
        reply.message = QStringLiteral("cancelled");
        return reply;
    }
    return future.result();
}

QFuture<void> RpcClient::flush()
{
    auto promise = std::make_shared<QPromise<void>>();
    QFuture<void> future = promise->future();
    promise->start();
    if (Engine *engine = m_engine)
        engine->flush(std::move(promise));
    else
        promise->finish(); // nothing can be open
    return future;
}

void RpcClient::setRetry(const core::RetryConfig &retry)
{
    m_options.retry = retry;
    if (Engine *engine = m_engine)
        engine->submit([engine, retry](TimePoint now) { engine->setRetry(retry, now); });
}

void RpcClient::setNetem(const netem::NetemConfig &netem)
{
    m_options.netem = netem;
    if (Engine *engine = m_engine)
        engine->submit([engine, netem](TimePoint) { engine->transport().setNetem(netem); });
}

quint16 RpcClient::localPort() const
{
    // Set once when bound, and only read after.
    return m_engine ? m_engine->localPort() : 0;
}

std::uint64_t RpcClient::callsOnCallersThread() const
{
    return m_engine ? m_engine->callerDriven() : 0;
}

std::uint32_t RpcClient::clientId() const
{
    return m_clientId;
}

} // namespace rpcscope::rpc
