// A blocking call's latency and cost beside the classic systems, measured in
// one run: client and server in separate processes on 127.0.0.1, a 32-byte
// echo, one call outstanding.
//   bench_udp [--calls N] [--rounds R]
// Systems: raw UDP ping-pong with plain blocking sockets (the baseline), ONC
// RPC over UDP (rpcgen + libtirpc, when built with them), QUdpSocket with
// blocking waits, and RpcScope's blocking call against a server with the
// default handler pool and with every handler inline (handlerThreads = 0).
// Each runs in two placements: free (the scheduler places the processes) and
// pinned (both on one CPU, where every wake-up is a context switch). Rounds
// interleave the systems in a rotating order, so a slow spell of the machine
// falls on all of them; each figure is the median over rounds of the
// round's figure.
// Printed per system and placement: median and p99 latency, the median's
// ratio to raw UDP in the same placement, CPU time and context switches per
// call in the client and in the server process (getrusage). Then pipelined
// throughput: RpcScope with 32 calls in flight against the default server,
// held against raw UDP driven by 8 threads with one round trip each.
// Output: one JSON line per figure, then the same as a Markdown table (its
// lines start with '|' or are plain text, never '{').
//
// System calls per call are not counted from inside: no portable counter
// exists. To see them, trace one server process of a long run and divide by
// the datagrams it received:
//   bench_udp --calls 1000000 --rounds 1 &
//   strace -c -f -p "$(pgrep -f -- '--serve rpcscope-pool')"   # Ctrl-C after a while
// or count every system call of a whole run, children included (needs
// access to the tracepoints, usually root):
//   perf stat -e 'syscalls:sys_enter_*' -- bench_udp --calls 10000 --rounds 1
//
// The server half is this program too: `bench_udp --serve SYSTEM [--cpu N]`
// prints "port P", then answers until its standard input closes or reads
// "quit"; the line "usage" makes it print its CPU time and context switches.
#include "rpc/rpcclient.h"
#include "rpc/rpcserver.h"
#include "services/echoservice.h"
#include "benchfigures.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFuture>
#include <QJsonObject>
#include <QProcess>
#include <QSemaphore>
#include <QThread>
#include <QUdpSocket>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>
#include <latch>
#include <map>
#include <optional>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#ifdef RPCSCOPE_BENCH_ONC
#  include "oncecho.h"
extern "C" void oncecho_prog_1(struct svc_req *request, SVCXPRT *transport);
#elif !defined(RPCSCOPE_BENCH_ONC_MISSING)
#  define RPCSCOPE_BENCH_ONC_MISSING "not configured by tests/bench/CMakeLists.txt"
#endif

using namespace rpcscope;
using bench::printFigure;

namespace {

constexpr int kPayload = 32;
constexpr int kWarmUp = 200;     // calls before timing: caches, page faults, adaptive timers
constexpr int kWindow = 32;      // RpcScope's calls in flight, pipelined
constexpr int kRawThreads = 8;   // raw UDP senders, one round trip each, pipelined
// A loopback echo takes microseconds; these bounds only keep a lost
// datagram, a dead server or a stuck call from hanging the run.
constexpr int kCallTimeoutMs = 5'000;
constexpr int kServerTimeoutMs = 10'000;

struct System
{
    const char *key;   // for --serve and the JSON
    const char *label; // for the table
};

const std::vector<System> &systems()
{
    static const std::vector<System> all = [] {
        std::vector<System> s{{"raw", "raw UDP ping-pong (C sockets)"}};
#ifdef RPCSCOPE_BENCH_ONC
        s.push_back({"onc", "ONC RPC over UDP (rpcgen + libtirpc)"});
#endif
        s.push_back({"qt", "QUdpSocket ping-pong, blocking waits"});
        s.push_back({"rpcscope-pool", "RpcScope blocking call, pool (default)"});
        s.push_back({"rpcscope-inline", "RpcScope blocking call, inline"});
        return s;
    }();
    return all;
}

// CPU time and context switches of this whole process: RUSAGE_SELF, not
// RUSAGE_THREAD, because RpcScope may do part of a call on its own threads.
struct Usage
{
    double cpuUs = 0;
    long voluntary = 0, involuntary = 0;

    static Usage now()
    {
        rusage r{};
        getrusage(RUSAGE_SELF, &r);
        const auto us = [](const timeval &t) { return double(t.tv_sec) * 1e6 + double(t.tv_usec); };
        return {us(r.ru_utime) + us(r.ru_stime), r.ru_nvcsw, r.ru_nivcsw};
    }
    Usage operator-(const Usage &o) const
    {
        return {cpuUs - o.cpuUs, voluntary - o.voluntary, involuntary - o.involuntary};
    }
    long switches() const { return voluntary + involuntary; }
};

// ---- placement

// The CPUs this process was allowed when it started. Pinned runs use the
// first of them (CPU 0 may lie outside a container's set), and unpinning
// gives the thread back exactly this set.
const cpu_set_t &startingCpus()
{
    static const cpu_set_t set = [] {
        cpu_set_t s;
        CPU_ZERO(&s);
        if (sched_getaffinity(0, sizeof s, &s) != 0)
            CPU_ZERO(&s);
        return s;
    }();
    return set;
}

std::optional<int> firstAllowedCpu()
{
    for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
        if (CPU_ISSET(cpu, &startingCpus()))
            return cpu;
    return std::nullopt;
}

bool pinTo(int cpu, QString *why)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    if (sched_setaffinity(0, sizeof set, &set) == 0)
        return true;
    if (why)
        *why = QStringLiteral("sched_setaffinity(CPU %1): %2").arg(cpu).arg(QString::fromLocal8Bit(std::strerror(errno)));
    return false;
}

// Pins the calling thread for one measurement; threads it starts meanwhile
// (RpcScope's, the raw senders) inherit the CPU. Unpins when it goes.
class PinnedThread
{
public:
    explicit PinnedThread(std::optional<int> cpu) : m_cpu(cpu) {}
    bool pin(QString *why) { return !m_cpu || pinTo(*m_cpu, why); }
    ~PinnedThread()
    {
        if (m_cpu)
            sched_setaffinity(0, sizeof(cpu_set_t), &startingCpus());
    }
    PinnedThread(const PinnedThread &) = delete;
    PinnedThread &operator=(const PinnedThread &) = delete;

private:
    std::optional<int> m_cpu;
};

// A placement: free, or both processes on `cpu`.
struct Placement
{
    std::optional<int> cpu;
    const char *name() const { return cpu ? "pinned" : "free"; }
};

// ---- sockets

sockaddr_in loopback(quint16 port)
{
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

// A blocking UDP socket bound to 127.0.0.1 on a port the kernel picks; -1
// and `why` if not.
int boundUdpSocket(quint16 *port, QString *why)
{
    const int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_in a = loopback(0);
    socklen_t length = sizeof a;
    if (fd < 0 || bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0
        || getsockname(fd, reinterpret_cast<sockaddr *>(&a), &length) != 0) {
        *why = QStringLiteral("UDP socket on 127.0.0.1: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    *port = ntohs(a.sin_port);
    return fd;
}

// ---- the server half

void say(const char *format, auto... values)
{
    std::printf(format, values...);
    std::fflush(stdout);
}

[[noreturn]] void cannotServe(const QString &why)
{
    std::fprintf(stderr, "bench_udp --serve: %s\n", qPrintable(why));
    std::_Exit(3);
}

// Reads the parent's lines on its own thread: "usage" is answered, and
// "quit" or the end of input (the parent is gone) ends the process,
// whatever the serving thread is blocked in.
void controlFromStdin()
{
    std::thread([] {
        char line[64];
        while (std::fgets(line, sizeof line, stdin)) {
            if (std::strncmp(line, "usage", 5) == 0) {
                const Usage u = Usage::now();
                say("usage %.0f %ld %ld\n", u.cpuUs, u.voluntary, u.involuntary);
            } else if (std::strncmp(line, "quit", 4) == 0) {
                break;
            }
        }
        std::_Exit(0);
    }).detach();
}

// Echoes every datagram to its sender, so it serves one ping-pong client
// and the pipelined run's concurrent senders alike.
[[noreturn]] void serveRaw()
{
    quint16 port = 0;
    QString why;
    const int fd = boundUdpSocket(&port, &why);
    if (fd < 0)
        cannotServe(why);
    say("port %u\n", unsigned(port));
    controlFromStdin();
    char buffer[2048];
    for (;;) {
        sockaddr_in from{};
        socklen_t length = sizeof from;
        const ssize_t n = recvfrom(fd, buffer, sizeof buffer, 0, reinterpret_cast<sockaddr *>(&from), &length);
        if (n >= 0)
            sendto(fd, buffer, std::size_t(n), 0, reinterpret_cast<sockaddr *>(&from), length);
    }
}

[[noreturn]] void serveQt()
{
    QUdpSocket socket;
    if (!socket.bind(QHostAddress::LocalHost, 0))
        cannotServe(socket.errorString());
    say("port %u\n", unsigned(socket.localPort()));
    controlFromStdin();
    QByteArray buffer(2048, Qt::Uninitialized);
    for (;;) {
        if (!socket.waitForReadyRead(-1))
            continue;
        while (socket.hasPendingDatagrams()) {
            QHostAddress from;
            quint16 fromPort = 0;
            const qint64 n = socket.readDatagram(buffer.data(), buffer.size(), &from, &fromPort);
            if (n >= 0)
                socket.writeDatagram(buffer.constData(), n, from, fromPort);
        }
    }
}

#ifdef RPCSCOPE_BENCH_ONC
} // namespace

// The procedure rpcgen's dispatcher (oncecho_svc.c) calls: the reply is the
// argument itself, as an echo server written the ONC way would send it.
extern "C" echo_bytes *echo_1_svc(echo_bytes *argument, struct svc_req *)
{
    static echo_bytes result;
    result = *argument;
    return &result;
}

namespace {

[[noreturn]] void serveOnc()
{
    quint16 port = 0;
    QString why;
    const int fd = boundUdpSocket(&port, &why);
    if (fd < 0)
        cannotServe(why);
    SVCXPRT *transport = svcudp_create(fd);
    if (!transport)
        cannotServe(QStringLiteral("svcudp_create failed"));
    // Protocol 0: the program is not registered with rpcbind (none need run);
    // the client is told the port instead.
    if (!svc_register(transport, ONCECHO_PROG, ONCECHO_VERS, oncecho_prog_1, 0))
        cannotServe(QStringLiteral("svc_register failed"));
    say("port %u\n", unsigned(port));
    controlFromStdin();
    svc_run();
    cannotServe(QStringLiteral("svc_run returned"));
}
#endif

[[noreturn]] void serveRpcScope(bool inlineHandlers)
{
    rpc::ServerOptions options;
    if (inlineHandlers)
        options.handlerThreads = 0;
    rpc::RpcServer server(options);
    server.setService(std::make_shared<services::EchoService>());
    QString why;
    if (!server.start(&why))
        cannotServe(why);
    say("port %u\n", unsigned(server.port()));
    controlFromStdin();
    for (;;)
        QThread::sleep(3600); // the server runs on its own threads
}

int serve(const QString &system, const QString &cpu)
{
    if (!cpu.isEmpty()) {
        QString why;
        if (!pinTo(cpu.toInt(), &why))
            cannotServe(why);
    }
    if (system == u"raw")
        serveRaw();
    if (system == u"qt")
        serveQt();
#ifdef RPCSCOPE_BENCH_ONC
    if (system == u"onc")
        serveOnc();
#endif
    if (system == u"rpcscope-pool" || system == u"rpcscope-inline")
        serveRpcScope(system == u"rpcscope-inline");
    cannotServe(QStringLiteral("no server '%1'").arg(system));
}

// ---- the client half

// A server process: started, asked for its usage, stopped. Whatever happens,
// it is gone when this object is: asked to quit, killed if it does not.
class ServerProcess
{
public:
    bool start(const QString &system, Placement placement, QString *error)
    {
        m_system = system;
        QStringList args{QStringLiteral("--serve"), system};
        if (placement.cpu)
            args << QStringLiteral("--cpu") << QString::number(*placement.cpu);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel); // its reasons reach the terminal
        m_process.start(QCoreApplication::applicationFilePath(), args);
        if (!m_process.waitForStarted(kServerTimeoutMs)) {
            *error = QStringLiteral("the %1 server could not be started: %2").arg(system, m_process.errorString());
            stop();
            return false;
        }
        const QString line = readLine();
        m_port = line.startsWith(u"port ") ? quint16(line.mid(5).toUInt()) : 0;
        if (m_port == 0) {
            *error = QStringLiteral("the %1 server gave no port: %2").arg(system, whyNoAnswer(line));
            stop();
            return false;
        }
        return true;
    }

    quint16 port() const { return m_port; }

    std::optional<Usage> usage(QString *error)
    {
        m_process.write("usage\n");
        const QString line = readLine();
        const QStringList parts = line.split(u' ');
        if (parts.size() != 4 || parts[0] != u"usage") {
            *error = QStringLiteral("the %1 server did not report its CPU time: %2").arg(m_system, whyNoAnswer(line));
            return std::nullopt;
        }
        return Usage{parts[1].toDouble(), parts[2].toLong(), parts[3].toLong()};
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.write("quit\n");
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(kServerTimeoutMs)) {
            m_process.kill();
            m_process.waitForFinished(kServerTimeoutMs);
        }
    }

    ServerProcess() = default;
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;
    ~ServerProcess() { stop(); }

private:
    // One line of the server's standard output, or empty after kServerTimeoutMs.
    QString readLine()
    {
        QElapsedTimer waited;
        waited.start();
        while (!m_process.canReadLine() && waited.elapsed() < kServerTimeoutMs)
            if (!m_process.waitForReadyRead(kServerTimeoutMs - int(waited.elapsed())))
                break;
        return QString::fromLatin1(m_process.readLine()).trimmed();
    }

    QString whyNoAnswer(const QString &line) const
    {
        if (!line.isEmpty())
            return QStringLiteral("it said '%1'").arg(line);
        if (m_process.state() == QProcess::NotRunning)
            return m_process.exitStatus() == QProcess::CrashExit
                       ? QStringLiteral("it crashed")
                       : QStringLiteral("it exited with status %1").arg(m_process.exitCode());
        return QStringLiteral("nothing within %1 s").arg(kServerTimeoutMs / 1000);
    }

    QString m_system;
    quint16 m_port = 0;
    QProcess m_process;
};

// One call: true if the whole echo came back within kCallTimeoutMs.
using Call = std::function<bool()>;

// The client of `system` against `port`; null, and `error`, if it cannot be
// made. What it owns goes into `keep`.
Call clientFor(const QString &system, quint16 port, std::vector<std::shared_ptr<void>> &keep, QString *error)
{
    const QByteArray payload(kPayload, 'x');
    if (system == u"raw") {
        quint16 own = 0;
        const int fd = boundUdpSocket(&own, error);
        if (fd < 0)
            return {};
        keep.push_back(std::shared_ptr<void>(nullptr, [fd](void *) { close(fd); }));
        const timeval timeout{kCallTimeoutMs / 1000, 0};
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        const sockaddr_in to = loopback(port);
        return [fd, to, payload] {
            char buffer[2048];
            if (sendto(fd, payload.constData(), std::size_t(payload.size()), 0,
                       reinterpret_cast<const sockaddr *>(&to), sizeof to) != payload.size())
                return false;
            return recv(fd, buffer, sizeof buffer, 0) == payload.size();
        };
    }
    if (system == u"qt") {
        auto socket = std::make_shared<QUdpSocket>();
        if (!socket->bind(QHostAddress::LocalHost, 0)) {
            *error = QStringLiteral("QUdpSocket client: %1").arg(socket->errorString());
            return {};
        }
        keep.push_back(socket);
        return [socket = socket.get(), port, payload] {
            char buffer[2048];
            if (socket->writeDatagram(payload, QHostAddress::LocalHost, port) != payload.size())
                return false;
            while (!socket->hasPendingDatagrams())
                if (!socket->waitForReadyRead(kCallTimeoutMs))
                    return false;
            return socket->readDatagram(buffer, sizeof buffer) == payload.size();
        };
    }
#ifdef RPCSCOPE_BENCH_ONC
    if (system == u"onc") {
        sockaddr_in to = loopback(port);
        int fd = RPC_ANYSOCK;
        // Resend after 1 s, give up after kCallTimeoutMs: ONC's own retry.
        CLIENT *client = clntudp_create(&to, ONCECHO_PROG, ONCECHO_VERS, timeval{1, 0}, &fd);
        if (!client) {
            *error = QStringLiteral("clntudp_create: %1").arg(QString::fromLocal8Bit(clnt_spcreateerror("oncecho")));
            return {};
        }
        timeval total{kCallTimeoutMs / 1000, 0};
        clnt_control(client, CLSET_TIMEOUT, reinterpret_cast<char *>(&total));
        keep.push_back(std::shared_ptr<void>(nullptr, [client](void *) { clnt_destroy(client); }));
        return [client, payload] {
            echo_bytes arg{u_int(payload.size()), const_cast<char *>(payload.constData())};
            const echo_bytes *result = echo_1(&arg, client);
            return result && result->echo_bytes_len == u_int(payload.size());
        };
    }
#endif
    if (system.startsWith(u"rpcscope")) {
        rpc::ClientOptions options;
        options.serverPort = port;
        options.seed = 1;
        options.retry.deadline = core::Duration{kCallTimeoutMs * 1000};
        auto client = std::make_shared<rpc::RpcClient>(options);
        if (!client->start(error))
            return {};
        keep.push_back(client);
        return [client = client.get(), payload] {
            const rpc::Reply reply = client->callBlocking(QStringLiteral("echo"), payload);
            return reply.ok() && reply.result.size() == payload.size();
        };
    }
    *error = QStringLiteral("no client for '%1'").arg(system);
    return {};
}

// One system's figures from one round, per call where it says so.
struct Sample
{
    double medianUs = 0, p99Us = 0;
    double clientCpuUs = 0, serverCpuUs = 0;
    double clientSwitches = 0, serverSwitches = 0;
};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// N timed calls of one system in one placement, after kWarmUp untimed ones.
// On loopback with one call outstanding nothing is lost, so a failed call
// is a fault: it ends the measurement.
std::optional<Sample> measure(const QString &system, Placement placement, int calls, QString *error)
{
    ServerProcess server;
    if (!server.start(system, placement, error))
        return std::nullopt;
    PinnedThread pinned(placement.cpu);
    if (!pinned.pin(error))
        return std::nullopt;
    std::vector<std::shared_ptr<void>> keep;
    const Call call = clientFor(system, server.port(), keep, error);
    if (!call)
        return std::nullopt;
    const auto failedAt = [&](int i) {
        *error = QStringLiteral("%1, %2: call %3 failed").arg(system, QString::fromLatin1(placement.name())).arg(i);
        return std::nullopt;
    };

    for (int i = 0; i < kWarmUp; ++i)
        if (!call())
            return failedAt(i);
    const std::optional<Usage> serverBefore = server.usage(error);
    if (!serverBefore)
        return std::nullopt;
    std::vector<double> us(std::size_t(calls), 0.0);
    const Usage clientBefore = Usage::now();
    for (int i = 0; i < calls; ++i) {
        QElapsedTimer t;
        t.start();
        if (!call())
            return failedAt(kWarmUp + i);
        us[std::size_t(i)] = double(t.nsecsElapsed()) / 1000.0;
    }
    const Usage client = Usage::now() - clientBefore;
    const std::optional<Usage> serverAfter = server.usage(error);
    if (!serverAfter)
        return std::nullopt;

    std::sort(us.begin(), us.end());
    const Usage srv = *serverAfter - *serverBefore;
    Sample s;
    s.medianUs = us[us.size() / 2];
    s.p99Us = us[std::min(us.size() - 1, us.size() * 99 / 100)];
    s.clientCpuUs = client.cpuUs / calls;
    s.clientSwitches = double(client.switches()) / calls;
    s.serverCpuUs = srv.cpuUs / calls;
    s.serverSwitches = double(srv.switches()) / calls;
    return s;
}

// Raw UDP round trips per second from kRawThreads threads, each with its
// own socket and one round trip outstanding: how fast this machine can
// turn datagrams around with several in flight and no protocol at all.
std::optional<double> rawRoundTripsPerSecond(Placement placement, int calls, QString *error)
{
    ServerProcess server;
    if (!server.start(QStringLiteral("raw"), placement, error))
        return std::nullopt;
    PinnedThread pinned(placement.cpu);
    if (!pinned.pin(error))
        return std::nullopt;
    const int perThread = std::max(1, calls / kRawThreads);
    std::vector<Call> clients;
    std::vector<std::shared_ptr<void>> keep;
    for (int t = 0; t < kRawThreads; ++t) {
        clients.push_back(clientFor(QStringLiteral("raw"), server.port(), keep, error));
        if (!clients.back())
            return std::nullopt;
    }
    std::atomic<int> failed{0};
    std::latch warm(kRawThreads + 1), go(1);
    std::vector<std::thread> threads;
    for (const Call &call : clients)
        threads.emplace_back([&, call] {
            for (int i = 0; i < kWarmUp / kRawThreads && !failed; ++i)
                failed += !call();
            warm.count_down();
            go.wait();
            for (int i = 0; i < perThread && !failed; ++i)
                failed += !call();
        });
    warm.arrive_and_wait();
    QElapsedTimer elapsed;
    elapsed.start();
    go.count_down();
    for (std::thread &t : threads)
        t.join();
    if (failed) {
        *error = QStringLiteral("raw UDP from %1 threads, %2: a round trip failed").arg(kRawThreads).arg(QString::fromLatin1(placement.name()));
        return std::nullopt;
    }
    return double(perThread * kRawThreads) / (double(elapsed.nsecsElapsed()) / 1e9);
}

// RpcScope calls kept kWindow in flight: each reply's continuation, on the
// thread that completed it, starts the next call. Shared with the
// continuations, so a run given up on leaves them nothing dangling.
struct Flight
{
    rpc::RpcClient *client = nullptr;
    QByteArray payload;
    std::atomic<int> remaining{0};
    // The run's own count is one of those in flight until every first call
    // is on its way, so a quick reply cannot make it look finished early.
    std::atomic<int> inFlight{1};
    std::atomic<int> ended{0}, failed{0};
    QSemaphore done;
};

void launch(const std::shared_ptr<Flight> &flight)
{
    if (flight->remaining.fetch_sub(1) <= 0)
        return;
    ++flight->inFlight;
    flight->client->call(QStringLiteral("echo"), flight->payload)
        .then(QtFuture::Launch::Sync, [flight](const rpc::Reply &r) {
            if (!r.ok() || r.result.size() != flight->payload.size()) {
                ++flight->failed;
                flight->remaining = 0; // start no more; let those in flight end
            }
            ++flight->ended;
            launch(flight); // before leaving the flight, so it never looks empty while calls remain
            if (--flight->inFlight == 0)
                flight->done.release();
        });
}

// Seconds `calls` pipelined calls take, or nothing and `error` if one
// failed or none ended for longer than a call may take.
std::optional<double> pipelinedRun(rpc::RpcClient &client, int calls, QString *error)
{
    auto flight = std::make_shared<Flight>();
    flight->client = &client;
    flight->payload = QByteArray(kPayload, 'x');
    flight->remaining = calls;
    QElapsedTimer elapsed;
    elapsed.start();
    for (int k = 0; k < kWindow; ++k)
        launch(flight);
    if (--flight->inFlight == 0)
        flight->done.release();
    // Every call ends by its deadline (kCallTimeoutMs); a longer silence is a
    // stuck client, and waiting on would hang the run.
    for (int seen = -1; !flight->done.tryAcquire(1, kCallTimeoutMs + 1'000);) {
        if (flight->ended == seen) {
            flight->remaining = 0;
            *error = QStringLiteral("RpcScope pipelined: no call ended for more than %1 s").arg(kCallTimeoutMs / 1000 + 1);
            return std::nullopt;
        }
        seen = flight->ended;
    }
    const double seconds = double(elapsed.nsecsElapsed()) / 1e9;
    if (flight->failed) {
        *error = QStringLiteral("RpcScope pipelined: %1 calls failed").arg(int(flight->failed));
        return std::nullopt;
    }
    return seconds;
}

// RpcScope calls per second with kWindow in flight, against the default
// (pool) server.
std::optional<double> rpcScopeCallsPerSecond(Placement placement, int calls, QString *error)
{
    ServerProcess server;
    if (!server.start(QStringLiteral("rpcscope-pool"), placement, error))
        return std::nullopt;
    PinnedThread pinned(placement.cpu);
    if (!pinned.pin(error))
        return std::nullopt;
    rpc::ClientOptions options;
    options.serverPort = server.port();
    options.window = kWindow;
    options.seed = 1;
    options.retry.deadline = core::Duration{kCallTimeoutMs * 1000};
    rpc::RpcClient client(options);
    if (!client.start(error))
        return std::nullopt;
    if (!pipelinedRun(client, kWarmUp, error))
        return std::nullopt;
    const std::optional<double> seconds = pipelinedRun(client, calls, error);
    if (!seconds)
        return std::nullopt;
    return calls / *seconds;
}

// ---- the report

struct Row
{
    double medianUs = 0, p99Us = 0, ratio = 0;
    double clientCpuUs = 0, serverCpuUs = 0, clientSwitches = 0, serverSwitches = 0;
};

struct Pipelined
{
    double callsPerSecond = 0, rawPerSecond = 0, ratio = 0;
};

// "free / pinned" in one cell, or the free figure and "skipped".
QString freeAndPinned(const std::map<bool, double> &byPinned, int decimals)
{
    const auto number = [&](bool pinned) {
        const auto it = byPinned.find(pinned);
        return it == byPinned.end() ? QStringLiteral("skipped") : QString::number(it->second, 'f', decimals);
    };
    return QStringLiteral("%1 / %2").arg(number(false), number(true));
}

QString ratioCell(const std::map<bool, double> &byPinned, bool pinned)
{
    const auto it = byPinned.find(pinned);
    return it == byPinned.end() ? QStringLiteral("skipped") : QString::number(it->second, 'f', 2);
}

void printTable(int calls, int rounds, const std::map<std::pair<QString, bool>, Row> &rows,
                const std::map<bool, Pipelined> &pipelined, const QString &pinnedNote)
{
    const auto column = [&](const QString &system, double Row::*field) {
        std::map<bool, double> byPinned;
        for (bool pinned : {false, true})
            if (const auto it = rows.find({system, pinned}); it != rows.end())
                byPinned[pinned] = it->second.*field;
        return byPinned;
    };
    std::printf("\nbench_udp: 32-byte echo on 127.0.0.1, client and server in separate processes, one call "
                "outstanding; %d calls × %d rounds, medians over rounds.\n"
                "free and pinned: median latency / raw UDP's in the same placement; the other columns: "
                "free / pinned.\n\n",
                calls, rounds);
    std::printf("| system | free | pinned | median µs | p99 µs | client CPU µs/call | server CPU µs/call "
                "| client ctx switches/call | server ctx switches/call |\n"
                "|---|---|---|---|---|---|---|---|---|\n");
    for (const System &sys : systems()) {
        const QString system = QString::fromLatin1(sys.key);
        const auto ratios = column(system, &Row::ratio);
        std::printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", sys.label,
                    qPrintable(ratioCell(ratios, false)), qPrintable(ratioCell(ratios, true)),
                    qPrintable(freeAndPinned(column(system, &Row::medianUs), 1)), qPrintable(freeAndPinned(column(system, &Row::p99Us), 1)),
                    qPrintable(freeAndPinned(column(system, &Row::clientCpuUs), 1)),
                    qPrintable(freeAndPinned(column(system, &Row::serverCpuUs), 1)),
                    qPrintable(freeAndPinned(column(system, &Row::clientSwitches), 2)),
                    qPrintable(freeAndPinned(column(system, &Row::serverSwitches), 2)));
    }
    std::map<bool, double> ratio, rpcPerSecond, rawPerSecond;
    for (const auto &[pinned, p] : pipelined) {
        ratio[pinned] = p.ratio;
        rpcPerSecond[pinned] = p.callsPerSecond;
        rawPerSecond[pinned] = p.rawPerSecond;
    }
    std::printf("\n| pipelined | free | pinned | calls/s | baseline round trips/s |\n|---|---|---|---|---|\n"
                "| RpcScope, %d calls in flight, pool (default) ÷ raw UDP from %d threads, one round trip each "
                "| %s | %s | %s | %s |\n",
                kWindow, kRawThreads, qPrintable(ratioCell(ratio, false)), qPrintable(ratioCell(ratio, true)),
                qPrintable(freeAndPinned(rpcPerSecond, 0)), qPrintable(freeAndPinned(rawPerSecond, 0)));
#ifndef RPCSCOPE_BENCH_ONC
    std::printf("\nONC RPC skipped: %s\n", RPCSCOPE_BENCH_ONC_MISSING);
#endif
    if (!pinnedNote.isEmpty())
        std::printf("\npinned skipped: %s\n", qPrintable(pinnedNote));
    std::fflush(stdout);
}

int runClient(int calls, int rounds)
{
    std::vector<Placement> placements{Placement{}};
    QString pinnedNote;
    const std::optional<int> cpu = firstAllowedCpu();
    if (!cpu)
        pinnedNote = QStringLiteral("sched_getaffinity gave no CPU");
    else if (PinnedThread(cpu).pin(&pinnedNote)) // a probe, undone at once
        placements.push_back(Placement{cpu});
    if (!pinnedNote.isEmpty())
        std::fprintf(stderr, "bench_udp: pinned placement skipped: %s\n", qPrintable(pinnedNote));

    const auto fail = [](const QString &error) {
        std::fprintf(stderr, "bench_udp: %s\n", qPrintable(error));
        return 1;
    };

    // Rounds: every system once per placement, starting one further along
    // the list each round.
    std::map<std::pair<QString, bool>, std::vector<Sample>> samples;
    const std::vector<System> &all = systems();
    for (int round = 0; round < rounds; ++round)
        for (const Placement &placement : placements)
            for (std::size_t k = 0; k < all.size(); ++k) {
                const QString system = QString::fromLatin1(all[(k + std::size_t(round)) % all.size()].key);
                QString error;
                const std::optional<Sample> s = measure(system, placement, calls, &error);
                if (!s)
                    return fail(error);
                samples[{system, bool(placement.cpu)}].push_back(*s);
            }

    std::map<std::pair<QString, bool>, Row> rows;
    for (const Placement &placement : placements) {
        const bool pinned = bool(placement.cpu);
        const auto over = [&](const QString &system, double Sample::*field) {
            std::vector<double> v;
            for (const Sample &s : samples[{system, pinned}])
                v.push_back(s.*field);
            return median(v);
        };
        const double raw = over(QStringLiteral("raw"), &Sample::medianUs);
        for (const System &sys : all) {
            const QString system = QString::fromLatin1(sys.key);
            Row r;
            r.medianUs = over(system, &Sample::medianUs);
            r.p99Us = over(system, &Sample::p99Us);
            r.ratio = r.medianUs / raw;
            r.clientCpuUs = over(system, &Sample::clientCpuUs);
            r.serverCpuUs = over(system, &Sample::serverCpuUs);
            r.clientSwitches = over(system, &Sample::clientSwitches);
            r.serverSwitches = over(system, &Sample::serverSwitches);
            rows[{system, pinned}] = r;
            printFigure({{"bench", "udp-blocking-echo"},
                         {"system", system},
                         {"placement", placement.name()},
                         {"payload_bytes", kPayload},
                         {"calls", calls},
                         {"rounds", rounds},
                         {"median_us", r.medianUs},
                         {"p99_us", r.p99Us},
                         {"median_ratio_to_raw", r.ratio},
                         {"client_cpu_us_per_call", r.clientCpuUs},
                         {"server_cpu_us_per_call", r.serverCpuUs},
                         {"client_switches_per_call", r.clientSwitches},
                         {"server_switches_per_call", r.serverSwitches}});
        }
    }

    std::map<bool, Pipelined> pipelined;
    for (const Placement &placement : placements) {
        std::vector<double> rpc, raw;
        for (int round = 0; round < rounds; ++round) {
            QString error;
            // Alternate which goes first, as the blocking rounds rotate.
            std::optional<double> a, b;
            if (round % 2 == 0) {
                a = rpcScopeCallsPerSecond(placement, calls, &error);
                b = a ? rawRoundTripsPerSecond(placement, calls, &error) : std::nullopt;
            } else {
                b = rawRoundTripsPerSecond(placement, calls, &error);
                a = b ? rpcScopeCallsPerSecond(placement, calls, &error) : std::nullopt;
            }
            if (!a || !b)
                return fail(error);
            rpc.push_back(*a);
            raw.push_back(*b);
        }
        Pipelined &p = pipelined[bool(placement.cpu)];
        p = {median(rpc), median(raw), median(rpc) / median(raw)};
        printFigure({{"bench", "udp-pipelined-echo"},
                     {"placement", placement.name()},
                     {"payload_bytes", kPayload},
                     {"calls", calls},
                     {"rounds", rounds},
                     {"window", kWindow},
                     {"calls_per_sec", p.callsPerSecond},
                     {"baseline", QStringLiteral("raw UDP, %1 threads with one round trip each").arg(kRawThreads)},
                     {"baseline_round_trips_per_sec", p.rawPerSecond},
                     {"ratio_to_baseline", p.ratio}});
    }

    printTable(calls, rounds, rows, pipelined, pinnedNote);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const auto value = [&](const char *name) -> QString {
        const qsizetype i = args.indexOf(QString::fromLatin1(name));
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : QString();
    };

    if (const QString system = value("--serve"); !system.isEmpty())
        return serve(system, value("--cpu"));

    const int calls = value("--calls").isEmpty() ? 20000 : value("--calls").toInt();
    const int rounds = value("--rounds").isEmpty() ? 5 : value("--rounds").toInt();
    if (calls <= 0 || rounds <= 0) {
        std::fprintf(stderr, "usage: bench_udp [--calls N (20000)] [--rounds R (5)]\n");
        return 2;
    }
#ifndef RPCSCOPE_BENCH_ONC
    std::fprintf(stderr, "bench_udp: ONC RPC baseline skipped: %s\n", RPCSCOPE_BENCH_ONC_MISSING);
#endif
    return runClient(calls, rounds);
}
