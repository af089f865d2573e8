#pragma once

#include "base/event.h"
#include "core/clientcore.h"
#include "core/servercore.h"
#include "netem/netem.h"
#include "rpc/service.h"
#include "session/sessionconfig.h"
#include "session/settingchange.h"

#include <functional>
#include <memory>
#include <optional>
#include <queue>
#include <vector>

namespace rpcscope::session {

// A whole session in virtual time: N clients and one server, each a sans-IO
// core, joined by one emulator per direction, driven by a discrete-event
// queue. Nothing here reads a clock or a socket, so the same config and seed
// give the same run, event for event, as fast as the CPU allows. The GUI
// paces it against the wall clock with runUntil().
class SimNetwork
{
public:
    // Sees the bytes of every datagram where the trace records it: as sent
    // (Send), as lost (Lost) and as delivered (Deliver, damaged if the network
    // damaged it). What a packet capture of the simulated wire would hold;
    // called right after the event is recorded.
    using WireTap = std::function<void(const trace::Event &event, QByteArrayView bytes)>;

    // `tap`, if given, sees every datagram from the first (sent while the
    // network is made) on.
    SimNetwork(const session::SessionConfig &config, trace::EventSink *sink, WireTap tap = {});
    ~SimNetwork();
    SimNetwork(const SimNetwork &) = delete;
    SimNetwork &operator=(const SimNetwork &) = delete;

    // Processes the next event. False when the session is over: every call
    // has ended and nothing is left on the wire.
    bool step();
    // Runs to the end of the session.
    void run();
    // Processes every event up to and including `time`; the clock then reads `time`.
    void runUntil(core::TimePoint time);

    core::TimePoint now() const { return m_now; }
    bool finished() const;
    std::optional<core::TimePoint> nextEventTime() const;

    // Live changes: apply to calls in flight from the next datagram or timer on.
    void setNetem(const netem::NetemConfig &toServer, const netem::NetemConfig &toClient);
    void setRetry(const core::RetryConfig &retry);
    void setHandlerTime(core::Duration handlerTime) { m_config.handlerTime = handlerTime; }
    // Both ends switch at once; datagrams already on the wire were made
    // under the old setting (a changed checksum makes them fail to verify).
    void setAckMode(core::AckMode mode);
    void setChecksum(wire::ChecksumKind kind);
    void setWindow(int window);
    // Open loop only: the next arrival of each client follows the new rate.
    void setCallRate(double perSecond) { m_config.callRate = perSecond; }
    // From the next datagram that reaches the server; those already waiting keep their turn.
    void setServerCapacity(double datagramsPerSecond, int queue);
    // A hostile sender beside the session's clients (the soak's flood
    // phase): `count` datagrams spread evenly over [from, until), each from
    // one of `senders` made-up hosts numbered after the clients, none of
    // which ever answers: garbage, requests under made-up client ids for a
    // method nobody serves, probes for calls nobody made, and first
    // fragments of messages that never come. What the server sends them
    // goes nowhere, and is counted.
    struct Flood
    {
        int count = 0;
        int senders = 1;
        core::TimePoint from{0};
        core::TimePoint until{0};
        std::uint64_t seed = 1;
    };
    void addFlood(const Flood &flood);
    std::int64_t floodBytesIn() const { return m_floodBytesIn; }   // what the flood sent the server
    std::int64_t floodBytesOut() const { return m_floodBytesOut; } // what the server sent the flood's hosts

    // Datagrams waiting in the server's receive queue (never more than its size).
    int serverBacklog() const { return m_serverBacklog; }
    int serverBacklogPeak() const { return m_serverBacklogPeak; }

    const session::SessionConfig &config() const { return m_config; }
    rpc::Service &service() { return *m_service; }
    const core::ServerCore &server() const { return *m_server; }
    std::int64_t callsEnded() const { return m_callsEnded; }
    // Calls that succeeded with a result other than the service expects
    // (Service::resultMatches): a message mangled on its way, say by
    // reassembly. Always 0 unless something is broken.
    std::int64_t wrongResults() const { return m_wrongResults; }

private:
    enum class Type : std::uint8_t { Deliver, Timer, HandlerDone, ServerRestart, Arrival };
    struct Pending
    {
        core::TimePoint at;
        std::uint64_t seq;
        Type type;
        core::HostId host;        // the host the event happens at
        // Deliver
        QByteArray bytes;
        core::HostId from = 0;
        core::TimePoint sentAt{0};
        bool corrupted = false;
        bool admitted = false;    // to the server: has its place in the receive queue
        core::Transmit meta;      // kind, call, attempt of the datagram, for the trace
        // HandlerDone
        std::uint32_t clientId = 0;
        std::uint32_t callId = 0;
        int incarnation = 0;      // of the server that started the handler
        rpc::HandlerResult result;
    };
    // The queue orders small entries; the events themselves stay put in
    // m_slots, so heap operations move 24 bytes instead of whole events.
    struct Scheduled
    {
        core::TimePoint at;
        std::uint64_t seq; // ties at the same time keep the order they were scheduled in
        std::uint32_t index;
        bool operator>(const Scheduled &o) const { return at != o.at ? at > o.at : seq > o.seq; }
    };
    struct Client
    {
        std::unique_ptr<core::ClientCore> core;
        int remaining = 0; // calls still to start
        std::uint64_t started = 0; // calls started, and so the sample number of the next one
        std::optional<core::TimePoint> armed;
        bool done = false; // made all its calls and every one has ended
    };

    void push(Pending &&p);
    void scheduleArrival(core::HostId host);
    void startCall(Client &client);
    void pump(core::HostId host);
    void pumpClient(core::HostId host);
    void pumpServer();
    void transmit(core::HostId from, core::Transmit &&t);
    // False if the server's receive queue takes `p` (it comes back when the
    // server gets to it) or drops it; true if it is processed now.
    bool serverTakesIn(Pending &p);
    void rearm(core::HostId host, std::optional<core::TimePoint> next, std::optional<core::TimePoint> &armed);
    void record(trace::EventKind kind, const core::Transmit &meta, core::HostId from, core::HostId to,
                std::uint32_t size, std::uint32_t detail = 0, QByteArrayView bytes = {});

    session::SessionConfig m_config;
    trace::EventSink *m_sink;
    WireTap m_tap;
    std::unique_ptr<rpc::Service> m_service;
    std::unique_ptr<core::ServerCore> m_server;
    std::optional<core::TimePoint> m_serverArmed;
    std::vector<Client> m_clients; // index = host - 1
    netem::Netem m_toServer;
    netem::Netem m_toClient;
    std::priority_queue<Scheduled, std::vector<Scheduled>, std::greater<>> m_queue;
    std::vector<Pending> m_slots;
    std::vector<std::uint32_t> m_freeSlots;
    std::vector<netem::Delivery> m_deliveries; // scratch
    core::TimePoint m_now{0};
    std::uint64_t m_seq = 0;
    std::int64_t m_callsEnded = 0;
    std::int64_t m_wrongResults = 0;
    int m_activeClients = 0;
    int m_incarnation = 0;        // server restarts so far
    core::ServerConfig m_serverConfig;
    core::Random m_epochs{0};
    core::Random m_arrivals{0};
    std::int64_t m_inTransit = 0; // queued deliveries and handler completions
    // The server's receive queue (--server-rate): when it is next free, and
    // how many datagrams wait for it.
    core::TimePoint m_serverBusyUntil{0};
    int m_serverBacklog = 0;
    int m_serverBacklogPeak = 0;
    std::int64_t m_floodBytesIn = 0;
    std::int64_t m_floodBytesOut = 0;
};

// Applies a change to a running simulation at its present time: the option
// goes into `config` (what the session uses from now on), the engine takes
// the part that changed, and a ParamChange event is recorded in `sink`.
// Returns what is wrong, or empty; a refused change changes nothing.
QString applyChange(SimNetwork &sim, SessionConfig &config, const QString &option, const QString &value,
                    trace::EventSink &sink);

// Runs `sim` (made with `start`) to its end, applying each change at its time.
void runWithChanges(SimNetwork &sim, SessionConfig start, const SettingChanges &changes,
                    trace::EventSink &sink);

} // namespace rpcscope::session
