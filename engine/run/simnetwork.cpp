#include "simnetwork.h"

#include "base/random.h"
#include "services/registry.h"
#include "session/sessionoptions.h"
#include "wire/bodies.pb.h"
#include "wire/datagram.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace rpcscope::session {

using core::HostId;
using core::TimePoint;
using trace::EventKind;

SimNetwork::SimNetwork(const session::SessionConfig &config, trace::EventSink *sink, WireTap tap)
    : m_config(config)
    , m_sink(sink)
    , m_tap(std::move(tap))
    , m_service(services::makeService(config.service))
{
    // Misuse, not bad input: configs from outside pass session::checkSessionConfig
    // first. Thrown rather than asserted so a release build cannot run on
    // without a service.
    if (!m_service)
        throw std::invalid_argument("SimNetwork: unknown service '" + config.service.toStdString()
                                    + "'; check the config with session::checkSessionConfig first");
    m_service->prepare({config.calls, config.argBytes, config.seed, config.handlerTime});
    // Every generator is seeded from the session seed, one stream each.
    core::Random seeds(config.seed);
    m_toServer = netem::Netem(config.toServer, seeds.next());
    m_toClient = netem::Netem(config.toClient, seeds.next());
    for (const netem::ScriptedFault &f : config.toServerFaults)
        m_toServer.addFault(f);
    for (const netem::ScriptedFault &f : config.toClientFaults)
        m_toClient.addFault(f);

    core::ServerConfig server;
    m_epochs.reseed(seeds.next());
    server.epoch = std::uint32_t(m_epochs.next() | 1);
    core::copyServerProtocol(config, server);
    m_server = std::make_unique<core::ServerCore>(server, sink);
    m_serverConfig = server;
    if (config.serverRestartAt) {
        Pending restart;
        restart.at = *config.serverRestartAt;
        restart.type = Type::ServerRestart;
        restart.host = core::kServerHost;
        push(std::move(restart));
    }

    const int clients = std::max(1, config.clients);
    m_clients.resize(std::size_t(clients));
    for (int i = 0; i < clients; ++i) {
        core::ClientConfig c;
        // Client ids are random, as a real client's would be, so tests cannot
        // lean on them being small; trace hosts are 1..N.
        c.clientId = std::uint32_t(seeds.next()) | 1;
        c.host = HostId(i + 1);
        core::copyClientProtocol(config, c);
        c.maxMessageBytes = config.limits.maxMessageBytes;
        c.seed = seeds.next();
        Client &client = m_clients[std::size_t(i)];
        client.core = std::make_unique<core::ClientCore>(c, sink);
        client.remaining = config.calls / clients + (i < config.calls % clients ? 1 : 0);
        if (client.remaining > 0)
            ++m_activeClients;
        else
            client.done = true; // nothing to do: never counted as active
    }
    m_arrivals.reseed(seeds.next());
    for (int i = 0; i < clients; ++i) {
        if (config.callRate > 0 && m_clients[std::size_t(i)].remaining > 0)
            scheduleArrival(HostId(i + 1));
        pumpClient(HostId(i + 1));
    }
}

// Poisson arrivals at the call rate: exponential gaps from the session's seed.
void SimNetwork::scheduleArrival(HostId host)
{
    if (m_config.callRate <= 0 || m_clients[std::size_t(host - 1)].remaining <= 0)
        return;
    const double gapSeconds = -std::log(1.0 - m_arrivals.uniform()) / m_config.callRate;
    Pending p;
    p.at = m_now + core::Duration(std::int64_t(gapSeconds * 1e6));
    p.type = Type::Arrival;
    p.host = host;
    push(std::move(p));
}

// Call ids count up from 1 in the order calls start, as sample numbers
// count up from 0: a call's sample (to check its result) is its id less one,
// with no table to keep.
void SimNetwork::startCall(Client &client)
{
    const std::uint64_t sample = client.started++;
    [[maybe_unused]] const std::uint32_t id =
        client.core->startCall(m_service->sampleMethod(), m_service->sampleArgs(sample, m_config.argBytes), m_now);
    Q_ASSERT(id == sample + 1);
    --client.remaining;
}

SimNetwork::~SimNetwork() = default;

// Once every call has ended the session drains: datagrams still on the wire
// are delivered (so the last acks and evictions show) but no timer fires.
bool SimNetwork::finished() const
{
    return m_activeClients == 0 && m_inTransit == 0;
}

std::optional<TimePoint> SimNetwork::nextEventTime() const
{
    if (m_queue.empty() || finished())
        return std::nullopt;
    return m_queue.top().at;
}

void SimNetwork::push(Pending &&p)
{
    p.seq = m_seq++;
    if (p.type != Type::Timer)
        ++m_inTransit;
    std::uint32_t index;
    if (!m_freeSlots.empty()) {
        index = m_freeSlots.back();
        m_freeSlots.pop_back();
        m_slots[index] = std::move(p);
    } else {
        index = std::uint32_t(m_slots.size());
        m_slots.push_back(std::move(p));
    }
    m_queue.push({m_slots[index].at, m_slots[index].seq, index});
}

void SimNetwork::record(EventKind kind, const core::Transmit &meta, HostId from, HostId to,
                        std::uint32_t size, std::uint32_t detail, QByteArrayView bytes)
{
    if (!m_sink)
        return;
    const trace::Event e{.timeUs = m_now.count(),
                         .callId = meta.callId,
                         .detail = detail,
                         .size = size,
                         .from = from,
                         .to = to,
                         .client = meta.client,
                         .attempt = meta.attempt,
                         .fragment = meta.fragment,
                         .kind = kind,
                         .datagram = std::uint8_t(meta.kind)};
    m_sink->record(e);
    if (m_tap && !bytes.isNull())
        m_tap(e, bytes);
}

void SimNetwork::addFlood(const Flood &flood)
{
    core::Random r(flood.seed);
    const auto firstHost = HostId(m_clients.size() + 1);
    const int senders = std::clamp(flood.senders, 1, 0xFFFF - int(firstHost));
    const std::int64_t span = std::max<std::int64_t>(1, (flood.until - flood.from).count());
    for (int i = 0; i < flood.count; ++i) {
        wire::Header h;
        h.clientId = std::uint32_t(r.next()) | 0x80000000u;
        h.callId = 1 + std::uint32_t(r.next() % 1000);
        h.ackBelow = h.callId;
        QByteArray bytes;
        switch (r.next() % 4) {
        case 0: { // garbage that starts like a datagram
            bytes = QByteArray(qsizetype(40 + r.next() % 200), Qt::Uninitialized);
            for (char &c : bytes)
                c = char(r.next());
            bytes[0] = char(wire::kMagic >> 8);
            bytes[1] = char(wire::kMagic & 0xff);
            break;
        }
        case 1: { // a call to a method nobody serves
            wire::RequestBody body;
            body.set_method("rpcscope.soak.Flood/Nothing");
            const std::string b = body.SerializeAsString();
            bytes = wire::encodeDatagram(h, QByteArrayView(b.data(), qsizetype(b.size())), m_serverConfig.checksum);
            break;
        }
        case 2:
            h.kind = wire::DatagramKind::Probe;
            bytes = wire::encodeDatagram(h, {}, m_serverConfig.checksum);
            break;
        default:
            h.fragmentCount = 4;
            bytes = wire::encodeDatagram(h, QByteArray(300, 'f'), m_serverConfig.checksum);
            break;
        }
        Pending p;
        p.at = flood.from + core::Duration(span * i / std::max(1, flood.count));
        p.sentAt = p.at;
        p.type = Type::Deliver;
        p.host = core::kServerHost;
        p.from = HostId(firstHost + HostId(r.next() % std::uint64_t(senders)));
        m_floodBytesIn += bytes.size();
        p.bytes = std::move(bytes);
        push(std::move(p));
    }
}

void SimNetwork::transmit(HostId from, core::Transmit &&t)
{
    const bool up = from != core::kServerHost;
    const HostId to = up ? core::kServerHost : t.to;
    if (!up && (to == core::kServerHost || to > m_clients.size())) {
        m_floodBytesOut += t.bytes.size(); // to a flood's made-up host: nobody is there
        return;
    }
    const auto size = std::uint32_t(t.bytes.size());
    record(EventKind::Send, t, from, to, size, 0, t.bytes);
    m_deliveries.clear();
    netem::Netem &link = up ? m_toServer : m_toClient;
    const netem::Outcome outcome = link.process(t.bytes, m_now, m_deliveries);
    if (outcome.lost != netem::LossCause::None) {
        record(EventKind::Lost, t, from, to, size, std::uint32_t(outcome.lost), t.bytes);
        return;
    }
    if (outcome.corrupted)
        record(EventKind::Corrupted, t, from, to, size);
    if (outcome.reordered)
        record(EventKind::Reordered, t, from, to, size);
    if (outcome.duplicated)
        record(EventKind::Duplicated, t, from, to, size);
    for (netem::Delivery &d : m_deliveries) {
        Pending p;
        p.at = d.at;
        p.sentAt = m_now + outcome.queued; // when it left the sender's link queue
        p.type = Type::Deliver;
        p.host = to;
        p.from = from;
        p.bytes = std::move(d.bytes);
        p.corrupted = d.corrupted;
        p.meta = t;
        p.meta.bytes = QByteArray();
        push(std::move(p));
    }
}

bool SimNetwork::serverTakesIn(Pending &p)
{
    if (p.admitted) {
        --m_serverBacklog;
        return true;
    }
    if (m_config.serverRate <= 0)
        return true;
    if (m_serverBacklog >= m_config.serverQueue) {
        record(EventKind::Lost, p.meta, p.from, p.host, std::uint32_t(p.bytes.size()),
               std::uint32_t(netem::LossCause::ServerBusy), p.bytes);
        return false;
    }
    // One datagram at a time, each taking 1/rate of the server's time.
    const auto cost = core::Duration(std::max<std::int64_t>(1, std::llround(1e6 / m_config.serverRate)));
    m_serverBusyUntil = std::max(m_serverBusyUntil, m_now) + cost;
    m_serverBacklogPeak = std::max(m_serverBacklogPeak, ++m_serverBacklog);
    p.at = m_serverBusyUntil;
    p.admitted = true;
    push(std::move(p));
    return false;
}

void SimNetwork::setServerCapacity(double datagramsPerSecond, int queue)
{
    m_config.serverRate = datagramsPerSecond;
    m_config.serverQueue = queue;
}

void SimNetwork::rearm(HostId host, std::optional<TimePoint> next, std::optional<TimePoint> &armed)
{
    // One timer event per host at a time; an earlier deadline replaces it
    // (the later event finds `armed` changed and does nothing).
    if (!next || (armed && *armed <= *next))
        return;
    armed = std::max(*next, m_now);
    Pending p;
    p.at = *armed;
    p.type = Type::Timer;
    p.host = host;
    push(std::move(p));
}

void SimNetwork::pumpClient(HostId host)
{
    Client &client = m_clients[std::size_t(host - 1)];
    core::ClientCore &core = *client.core;
    for (;;) {
        core::Completion done;
        while (core.pollCompletion(done)) {
            ++m_callsEnded;
            if (done.error == trace::CallError::None
                && !m_service->resultMatches(done.callId - 1, m_config.argBytes, done.result))
                ++m_wrongResults;
        }
        // Closed loop (no call rate): keep the window full until this
        // client's share is made. Open loop: arrivals start calls instead.
        bool startedAny = false;
        while (m_config.callRate <= 0 && client.remaining > 0
               && core.inFlight() + core.queued() < std::max(1, m_config.window)) {
            startCall(client);
            startedAny = true;
        }
        core::Transmit t;
        bool sentAny = false;
        while (core.pollTransmit(t)) {
            transmit(host, std::move(t));
            sentAny = true;
        }
        if (!startedAny && !sentAny)
            break;
    }
    if (client.remaining == 0 && core.inFlight() == 0 && core.queued() == 0) {
        if (!client.done) {
            client.done = true;
            client.armed.reset();
            --m_activeClients;
        }
        return;
    }
    rearm(host, core.nextTimeout(), client.armed);
}

void SimNetwork::pumpServer()
{
    core::Execution exec;
    while (m_server->pollExecution(exec)) {
        Pending p;
        p.at = m_now + m_config.handlerTime;
        p.type = Type::HandlerDone;
        p.host = core::kServerHost;
        p.clientId = exec.clientId;
        p.callId = exec.callId;
        p.incarnation = m_incarnation;
        // The handler's effect happens now; its reply is ready after the handler time.
        p.result = m_service->handle(exec.method, exec.args);
        push(std::move(p));
    }
    core::Transmit t;
    while (m_server->pollTransmit(t))
        transmit(core::kServerHost, std::move(t));
    rearm(core::kServerHost, m_server->nextTimeout(), m_serverArmed);
}

void SimNetwork::pump(HostId host)
{
    if (host == core::kServerHost)
        pumpServer();
    else
        pumpClient(host);
}

bool SimNetwork::step()
{
    if (finished() || m_queue.empty())
        return false;
    const std::uint32_t index = m_queue.top().index;
    m_queue.pop();
    Pending p = std::move(m_slots[index]);
    m_freeSlots.push_back(index);
    if (p.type != Type::Timer)
        --m_inTransit;
    else if (m_activeClients == 0)
        return !finished();
    m_now = std::max(m_now, p.at);
    switch (p.type) {
    case Type::Deliver: {
        if (p.host == core::kServerHost && !serverTakesIn(p))
            break;
        // A delivery carries its time in flight, so a view can draw the arrow
        // from its send without searching for it.
        record(EventKind::Deliver, p.meta, p.from, p.host, std::uint32_t(p.bytes.size()),
               std::uint32_t(std::min<std::int64_t>((m_now - p.sentAt).count(), 0xFFFFFFFF)), p.bytes);
        const core::Received received =
            p.host == core::kServerHost
                ? m_server->receive(p.bytes, p.from, m_now)
                : m_clients[std::size_t(p.host - 1)].core->receive(p.bytes, p.from, m_now);
        if (p.corrupted && received == core::Received::Accepted)
            record(EventKind::CorruptAccepted, p.meta, p.from, p.host, std::uint32_t(p.bytes.size()));
        break;
    }
    case Type::Timer: {
        std::optional<TimePoint> &armed =
            p.host == core::kServerHost ? m_serverArmed : m_clients[std::size_t(p.host - 1)].armed;
        if (armed != p.at)
            return !finished(); // superseded by an earlier one
        armed.reset();
        if (p.host == core::kServerHost)
            m_server->handleTimeout(m_now);
        else
            m_clients[std::size_t(p.host - 1)].core->handleTimeout(m_now);
        break;
    }
    case Type::HandlerDone:
        // A handler of a crashed incarnation ran, but its reply died with it.
        if (p.incarnation == m_incarnation)
            m_server->handlerFinished(p.clientId, p.callId, p.result.status, p.result.message,
                                      p.result.result, m_now);
        break;
    case Type::Arrival: {
        // Open loop: a new call arrives whether or not earlier ones are done
        // (the window still bounds what is in flight; the rest queue).
        Client &client = m_clients[std::size_t(p.host - 1)];
        if (client.remaining > 0) {
            startCall(client);
            scheduleArrival(p.host);
        }
        break;
    }
    case Type::ServerRestart: {
        ++m_incarnation;
        m_serverConfig.epoch = std::uint32_t(m_epochs.next() | 1);
        m_server = std::make_unique<core::ServerCore>(m_serverConfig, m_sink);
        m_serverArmed.reset();
        if (m_sink)
            m_sink->record({.timeUs = m_now.count(), .detail = m_serverConfig.epoch, .kind = EventKind::ServerRestart});
        break;
    }
    }
    pump(p.host);
    return !finished();
}

void SimNetwork::run()
{
    while (step()) {
    }
}

void SimNetwork::runUntil(TimePoint time)
{
    while (!finished() && !m_queue.empty() && m_queue.top().at <= time)
        step();
    // A finished session's clock stays at its last event: a view playing it
    // fast never shows time after the story ends.
    if (!finished())
        m_now = std::max(m_now, time);
}

void SimNetwork::setNetem(const netem::NetemConfig &toServer, const netem::NetemConfig &toClient)
{
    m_config.toServer = toServer;
    m_config.toClient = toClient;
    m_toServer.setConfig(toServer);
    m_toClient.setConfig(toClient);
}

void SimNetwork::setAckMode(core::AckMode mode)
{
    m_config.ackMode = mode;
    m_serverConfig.ackMode = mode;
    m_server->setAckMode(mode);
    for (Client &client : m_clients)
        client.core->setAckMode(mode);
}

void SimNetwork::setChecksum(wire::ChecksumKind kind)
{
    m_config.checksum = kind;
    m_serverConfig.checksum = kind;
    m_server->setChecksum(kind);
    for (Client &client : m_clients)
        client.core->setChecksum(kind);
}

void SimNetwork::setWindow(int window)
{
    m_config.window = std::max(1, window);
    for (std::size_t i = 0; i < m_clients.size(); ++i) {
        if (m_clients[i].done)
            continue;
        m_clients[i].core->setWindow(m_config.window, m_now);
        pumpClient(core::HostId(i + 1)); // a wider window starts calls now
    }
}

void SimNetwork::setRetry(const core::RetryConfig &retry)
{
    m_config.retry = retry;
    for (std::size_t i = 0; i < m_clients.size(); ++i) {
        m_clients[i].core->setRetryConfig(retry, m_now);
        if (!m_clients[i].done)
            rearm(HostId(i + 1), m_clients[i].core->nextTimeout(), m_clients[i].armed);
    }
}

QString applyChange(SimNetwork &sim, SessionConfig &config, const QString &option, const QString &value,
                    trace::EventSink &sink)
{
    const SessionOption *o = findSessionOption(option);
    if (!o)
        return QStringLiteral("unknown option '%1'").arg(option);
    SessionConfig after = config;
    if (QString e = o->apply(after, value); !e.isEmpty())
        return e;
    if (!changesLive(option, config, after))
        return QStringLiteral("%1 cannot change while the session runs").arg(option);
    // A change applies after every event of the present instant, so that a
    // run replaying it at this time reaches the very same state first.
    sim.runUntil(sim.now());
    config = after;
    // Only the part that changed: re-arming retry timers draws new jitter,
    // which a change of loss rate must not do.
    if (isNetworkOption(option))
        sim.setNetem(config.toServer, config.toClient);
    else if (isRetryOption(option))
        sim.setRetry(config.retry);
    else if (option == u"handler-ms")
        sim.setHandlerTime(config.handlerTime);
    else if (option == u"call-rate")
        sim.setCallRate(config.callRate);
    else if (option == u"ack-mode")
        sim.setAckMode(config.ackMode);
    else if (option == u"checksum")
        sim.setChecksum(config.checksum);
    else if (option == u"window")
        sim.setWindow(config.window);
    else if (option == u"server-rate" || option == u"server-queue")
        sim.setServerCapacity(config.serverRate, config.serverQueue);
    sink.record(paramChangeEvent(option, config, sim.now()));
    return {};
}

void runWithChanges(SimNetwork &sim, SessionConfig start, const SettingChanges &changes,
                    trace::EventSink &sink)
{
    SessionConfig config = std::move(start);
    for (const SettingChange &c : changes) {
        sim.runUntil(c.at);
        if (sim.finished())
            return;
        applyChange(sim, config, c.option, c.value, sink);
    }
    sim.run();
}

} // namespace rpcscope::session
