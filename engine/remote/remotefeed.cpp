#include "remotefeed.h"

#include "remote/tracefeed.rpcscope.h"
#include "rpc/hostport.h"
#include "rpc/rpcclient.h"
#include "trace/eventcodec.h"

#include <QNetworkInterface>

namespace rpcscope::remote {

namespace {

// A pull is small and answered at once; when it is lost, the next poll asks
// again, so one call does not retry for long.
core::RetryConfig pullRetry()
{
    core::RetryConfig retry;
    retry.timeout = core::Duration(250'000);
    retry.maxAttempts = 4;
    retry.deadline = core::Duration(2'000'000);
    return retry;
}

} // namespace

RemoteFeed::RemoteFeed(RemoteServer server, const QElapsedTimer *clock, QObject *parent)
    : QObject(parent)
    , m_server(std::move(server))
    , m_sessionClock(clock)
{
    m_poll.setInterval(kPollIntervalMs);
    connect(&m_poll, &QTimer::timeout, this, &RemoteFeed::pull);
}

RemoteFeed::~RemoteFeed()
{
    stop();
}

bool RemoteFeed::start(QString *error)
{
    rpc::ClientOptions options;
    options.serverAddress = m_server.address;
    options.serverPort = m_server.tracePort;
    options.bindAddress = rpc::clientBindAddressFor(m_server.address);
    options.key = m_server.key;
    options.retry = pullRetry();
    options.window = 1;
    // The feed's own calls are not part of the session: no trace.
    m_client = std::make_unique<rpc::RpcClient>(options);
    connect(m_client.get(), &rpc::RpcClient::notice, this, &RemoteFeed::notice, Qt::QueuedConnection);
    if (!m_client->start(error)) {
        m_client.reset();
        return false;
    }
    // The server names our clients by the address it heard them from: one
    // of this machine's (behind NAT it is not, and their events stay hidden).
    m_ourAddresses = QNetworkInterface::allAddresses();
    m_poll.start();
    pull();
    return true;
}

void RemoteFeed::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_poll.stop();
    if (m_client)
        m_client->stop(); // ends a pull in flight; its answer is dropped below
}

bool RemoteFeed::isOurAddress(const QHostAddress &address) const
{
    return address.isLoopback() || std::any_of(m_ourAddresses.begin(), m_ourAddresses.end(), [&](const QHostAddress &a) {
               return a.isEqual(address, QHostAddress::TolerantConversion);
           });
}

void RemoteFeed::addClient(quint16 localPort, core::HostId host)
{
    m_ourPorts.insert(localPort, host);
}

std::vector<trace::Event> RemoteFeed::take()
{
    return std::exchange(m_arrived, {});
}

void RemoteFeed::pull()
{
    if (m_pulling || m_stopped || !m_client)
        return;
    m_pulling = true;
    ++m_stats.pulls;
    PullRequest request;
    request.set_from_sequence(m_next);
    request.set_max_events(kEventsPerPull);
    const core::TimePoint sent = now();
    TraceFeedClient(*m_client)
        .Pull(request)
        .then(QtFuture::Launch::Sync, [this, sent](const codegen::CallResult<PullReply> &result) {
            // Read our clock here, on the engine thread, as the reply comes
            // in: the hop to our thread would only widen the round trip.
            const core::TimePoint received = now();
            QMetaObject::invokeMethod(
                this,
                [this, sent, received, result] {
                    if (m_stopped)
                        return;
                    m_pulling = false;
                    if (result.ok())
                        onReply(sent, received, result.attempts > 1, result.response);
                    else
                        onFailure(result.message);
                },
                Qt::QueuedConnection);
        });
}

void RemoteFeed::onFailure(const QString &message)
{
    ++m_stats.failedPulls;
    if (m_lastError != message) {
        m_lastError = message;
        Q_EMIT notice(tr("The server's trace could not be read: %1").arg(message));
    }
}

void RemoteFeed::onReply(core::TimePoint sent, core::TimePoint received, bool retransmitted,
                         const PullReply &reply)
{
    if (m_epoch && *m_epoch != reply.epoch()) {
        // A new run of the server: its clock and its numbering began again.
        ++m_stats.restarts;
        m_clock.reset();
        m_hostMap.clear();
        m_next = 0;
        m_epoch = reply.epoch();
        Q_EMIT notice(tr("The server restarted (epoch %1); reading its trace from the start").arg(reply.epoch()));
        pull();
        return;
    }
    if (!m_epoch) {
        // The first answer: what the server did before this session is none
        // of its business, so read from the server's present on, unless our
        // calls are already under way (the feed answered only after the
        // player stopped waiting for it): then from the oldest event the
        // server still holds, and the time filter below drops the rest.
        m_next = m_callsStarted ? reply.first_sequence() : reply.end_sequence();
        m_lastError.clear();
        m_epoch = reply.epoch();
        if (!retransmitted)
            m_clock.addSample(sent, core::TimePoint(reply.server_now_us()), received);
        m_lastAnswer = received;
        pull();
        return;
    }
    // Karn's rule: a round trip through a resend does not say which send the
    // answer was for, so it gives no sample. (The first pull is often one:
    // it waits for the DTLS handshake.)
    if (!retransmitted)
        m_clock.addSample(sent, core::TimePoint(reply.server_now_us()), received);
    if (!m_clock.isKnown()) {
        pull();
        return; // nothing can be placed on our clock yet
    }

    for (const Peer &peer : reply.peers()) {
        const core::HostId serverHost = core::HostId(peer.host());
        const auto ours = m_ourPorts.constFind(quint16(peer.port()));
        if (ours != m_ourPorts.cend() && peer.port() <= 0xffff
            && isOurAddress(QHostAddress(QString::fromStdString(peer.address()))))
            m_hostMap.insert(serverHost, *ours);
        else
            m_hostMap.remove(serverHost); // the server gave the id to someone else
    }

    if (reply.first_sequence() > m_next)
        m_stats.missed += reply.first_sequence() - m_next;
    m_next = std::max(m_next, reply.next_sequence());
    std::vector<trace::Event> events;
    if (const QString e = trace::unpackEvents(
            QByteArrayView(reply.events().data(), qsizetype(reply.events().size())), reply.event_count(),
            reply.first_time_us(), events);
        !e.isEmpty()) {
        // Skip the batch rather than ask for it again and again: the trace
        // goes on (with a gap, counted), and the reason stays on show.
        m_stats.missed += reply.event_count();
        onFailure(tr("its events do not decode: %1").arg(e));
        pull();
        return;
    }
    m_lastError.clear();
    m_lastAnswer = received;
    for (trace::Event e : events) {
        bool ours = true;
        for (core::HostId *host : {&e.from, &e.to, &e.client}) {
            if (*host == core::kServerHost)
                continue;
            if (const std::optional<core::HostId> mapped = ourHost(*host))
                *host = *mapped;
            else
                ours = false;
        }
        e.timeUs = m_clock.toLocal(e.time()).count();
        // Events of other clients, and any from before this session began
        // (a previous session that happened to call from the same port).
        if (!ours || e.timeUs < 0) {
            ++m_stats.otherClients;
            continue;
        }
        m_arrived.push_back(e);
        ++m_stats.events;
        m_stats.widestBound = std::max(m_stats.widestBound, m_clock.uncertainty());
    }
    // Everything the server stamped before its clock read is in, give or
    // take the events of a batch its engine was still recording (stamped
    // before, recorded after): kServerSlack covers those. When more is
    // waiting, only up to the last event handed out.
    const bool behind = reply.next_sequence() < reply.end_sequence();
    const core::TimePoint upTo = behind && !events.empty()
                                     ? events.back().time()
                                     : core::TimePoint(reply.server_now_us()) - kServerSlack;
    if (!behind || !events.empty())
        m_complete = std::max(m_complete.value_or(core::TimePoint(-1)), m_clock.toLocal(upTo));
    // Behind or still estimating the clock: ask at once rather than at the next poll.
    if (behind || !isWarm())
        pull();
}

std::optional<core::HostId> RemoteFeed::ourHost(core::HostId serverHost) const
{
    const auto it = m_hostMap.constFind(serverHost);
    if (it == m_hostMap.cend())
        return std::nullopt;
    return *it;
}

} // namespace rpcscope::remote
