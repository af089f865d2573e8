// A blocking call's latency and cost beside the classic systems, measured in
// one run: client and server in separate processes on loopback, a 32-byte
// echo, one call outstanding.
//   bench_udp [--calls N] [--rounds R] [--table]
// Systems: raw UDP ping-pong with plain blocking sockets (the baseline), ONC
// RPC over UDP (rpcgen + libtirpc, when built with them), QUdpSocket with
// blocking waits, and RpcScope's blocking call against a server with the
// default handler placement and with every handler inline. Each runs in two
// placements: free (the scheduler places the processes) and pinned (both on
// one CPU, where every wake-up is a context switch). Rounds interleave the
// systems in a rotating order; each figure is the median over rounds.
// Printed per system and placement: median and p99 latency, the median's
// ratio to raw UDP in the same placement, CPU time and context switches per
// call in the client and in the server process (getrusage). Then pipelined
// throughput: RpcScope with 32 calls in flight against raw UDP driven by 8
// threads with one round trip each.
// System calls per call are not counted from inside; to see them, run a
// server by hand (`bench_udp --serve rpcscope-pool`, it prints its port)
// under `strace -c -f`, or the whole benchmark under
// `perf stat -e 'syscalls:sys_enter_*' -a`.
//
// The server half is this program too: `bench_udp --serve SYSTEM [--cpu N]`
// prints "port P", then answers until its standard input closes; the line
// "usage" makes it print its CPU time and context switches.
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
#include <array>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <functional>
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
#endif

using namespace rpcscope;
using bench::printFigure;

namespace {

constexpr int kPayload = 32;
constexpr int kWarmUp = 200;

struct System
{
    const char *key;   // for --serve and the JSON
    const char *label; // for the table
};

const std::vector<System> &systems()
{
    static const std::vector<System> all = [] {
        std::vector<System> s{{"raw", "raw UDP ping-pong (C)"}};
#ifdef RPCSCOPE_BENCH_ONC
        s.push_back({"onc", "ONC RPC over UDP (rpcgen + libtirpc)"});
#endif
        s.push_back({"qt", "QUdpSocket ping-pong, blocking waits"});
        s.push_back({"rpcscope-pool", "RpcScope blocking call, default server"});
        s.push_back({"rpcscope-inline", "RpcScope blocking call, inline handlers"});
        return s;
    }();
    return all;
}

// CPU time and context switches of this whole process.
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

bool pinTo(int cpu, QString *why)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    if (sched_setaffinity(0, sizeof set, &set) == 0)
        return true;
    if (why)
        *why = QString::fromLocal8Bit(std::strerror(errno));
    return false;
}

void unpin()
{
    cpu_set_t set;
    CPU_ZERO(&set);
    for (int cpu = 0; cpu < CPU_SETSIZE && cpu < std::max(1, int(std::thread::hardware_concurrency())); ++cpu)
        CPU_SET(cpu, &set);
    sched_setaffinity(0, sizeof set, &set);
}

sockaddr_in loopback(quint16 port)
{
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

int boundUdpSocket(quint16 *port)
{
    const int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_in a = loopback(0);
    if (fd < 0 || bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0)
        return -1;
    socklen_t length = sizeof a;
    getsockname(fd, reinterpret_cast<sockaddr *>(&a), &length);
    *port = ntohs(a.sin_port);
    return fd;
}

// ---- the server half

void say(const char *format, auto... values)
{
    std::printf(format, values...);
    std::fflush(stdout);
}

// Reads the parent's lines on its own thread: "usage" is answered, and the
// end of input ends the process, whatever the serving thread is doing.
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

[[noreturn]] void serveRaw()
{
    quint16 port = 0;
    const int fd = boundUdpSocket(&port);
    if (fd < 0)
        std::_Exit(3);
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
        std::_Exit(3);
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

// The procedure rpcgen's dispatcher (oncecho_svc.c) calls.
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
    const int fd = boundUdpSocket(&port);
    SVCXPRT *transport = fd < 0 ? nullptr : svcudp_create(fd);
    // Protocol 0: not registered with rpcbind; the client is told the port.
    if (!transport || !svc_register(transport, ONCECHO_PROG, ONCECHO_VERS, oncecho_prog_1, 0))
        std::_Exit(3);
    say("port %u\n", unsigned(port));
    controlFromStdin();
    svc_run();
    std::_Exit(4);
}
#endif

[[noreturn]] void serveRpcScope(bool inlineHandlers)
{
    rpc::ServerOptions options;
    if (inlineHandlers)
        options.handlerThreads = 0;
    rpc::RpcServer server(options);
    server.setService(std::make_shared<services::EchoService>());
    if (!server.start())
        std::_Exit(3);
    say("port %u\n", unsigned(server.port()));
    controlFromStdin();
    for (;;)
        QThread::sleep(3600);
}

// ---- the client half

// A server process: started, asked for its usage, stopped.
class ServerProcess
{
public:
    bool start(const QString &system, bool pinned, QString *error)
    {
        QStringList args{QStringLiteral("--serve"), system};
        if (pinned)
            args << QStringLiteral("--cpu") << QStringLiteral("0");
        m_process.start(QCoreApplication::applicationFilePath(), args);
        const QString line = m_process.waitForStarted(10'000) ? readLine() : QString();
        if (!line.startsWith(u"port ")) {
            *error = QStringLiteral("the %1 server did not start (%2)")
                         .arg(system, line.isEmpty() ? m_process.errorString() : line);
            stop();
            return false;
        }
        port = quint16(line.mid(5).toUInt());
        return port != 0;
    }

    std::optional<Usage> usage()
    {
        m_process.write("usage\n");
        const QStringList parts = readLine().split(u' ');
        if (parts.size() != 4 || parts[0] != u"usage")
            return std::nullopt;
        return Usage{parts[1].toDouble(), parts[2].toLong(), parts[3].toLong()};
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.write("quit\n");
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(5'000)) {
            m_process.kill();
            m_process.waitForFinished(5'000);
        }
    }
    ~ServerProcess() { stop(); }

    quint16 port = 0;

private:
    QString readLine()
    {
        QElapsedTimer waited;
        waited.start();
        while (!m_process.canReadLine() && waited.elapsed() < 10'000)
            if (!m_process.waitForReadyRead(10'000 - int(waited.elapsed())))
                break;
        return QString::fromLatin1(m_process.readLine()).trimmed();
    }

    QProcess m_process;
};

// One call: true if the echo came back whole.
using Call = std::function<bool()>;

// Builds the client of `system` against `port`; null if it cannot.
Call clientFor(const QString &system, quint16 port, std::vector<std::shared_ptr<void>> &keep)
{
    const QByteArray payload(kPayload, 'x');
    if (system == u"raw") {
        quint16 own = 0;
        const int fd = boundUdpSocket(&own);
        if (fd < 0)
            return {};
        keep.push_back(std::shared_ptr<void>(nullptr, [fd](void *) { close(fd); }));
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
        if (!socket->bind(QHostAddress::LocalHost, 0))
            return {};
        keep.push_back(socket);
        return [socket = socket.get(), port, payload] {
            char buffer[2048];
            socket->writeDatagram(payload, QHostAddress::LocalHost, port);
            while (!socket->hasPendingDatagrams())
                if (!socket->waitForReadyRead(5'000))
                    return false;
            return socket->readDatagram(buffer, sizeof buffer) == payload.size();
        };
    }
#ifdef RPCSCOPE_BENCH_ONC
    if (system == u"onc") {
        sockaddr_in to = loopback(port);
        int fd = RPC_ANYSOCK;
        CLIENT *client = clntudp_create(&to, ONCECHO_PROG, ONCECHO_VERS, timeval{1, 0}, &fd);
        if (!client)
            return {};
        timeval total{5, 0};
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
        auto client = std::make_shared<rpc::RpcClient>(options);
        if (!client->start())
            return {};
        keep.push_back(client);
        return [client = client.get(), payload] {
            const rpc::Reply reply = client->callBlocking(QStringLiteral("echo"), payload);
            return reply.ok() && reply.result.size() == payload.size();
        };
    }
    return {};
}

struct Sample
{
    double medianUs = 0, p99Us = 0;
    double clientCpuUs = 0, serverCpuUs = 0;       // per call
    double clientSwitches = 0, serverSwitches = 0; // per call
};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// N calls of one system in one placement. Adds to `failed`.
std::optional<Sample> measure(const QString &system, bool pinned, int calls, int &failed, QString *error)
{
    ServerProcess server;
    if (!server.start(system, pinned, error))
        return std::nullopt;
    if (pinned && !pinTo(0, error))
        return std::nullopt;
    std::optional<Sample> sample;
    {
        std::vector<std::shared_ptr<void>> keep;
        const Call call = clientFor(system, server.port, keep);
        if (!call) {
            *error = QStringLiteral("no %1 client").arg(system);
        } else {
            for (int i = 0; i < kWarmUp; ++i)
                failed += !call();
            const std::optional<Usage> serverBefore = server.usage();
            const Usage clientBefore = Usage::now();
            std::vector<double> us;
            us.reserve(std::size_t(calls));
            for (int i = 0; i < calls; ++i) {
                QElapsedTimer t;
                t.start();
                failed += !call();
                us.push_back(double(t.nsecsElapsed()) / 1000.0);
            }
            const Usage client = Usage::now() - clientBefore;
            const std::optional<Usage> serverAfter = server.usage();
            std::sort(us.begin(), us.end());
            Sample s;
            s.medianUs = us[us.size() / 2];
            s.p99Us = us[std::min(us.size() - 1, us.size() * 99 / 100)];
            s.clientCpuUs = client.cpuUs / calls;
            s.clientSwitches = double(client.switches()) / calls;
            if (serverBefore && serverAfter) {
                const Usage srv = *serverAfter - *serverBefore;
                s.serverCpuUs = srv.cpuUs / calls;
                s.serverSwitches = double(srv.switches()) / calls;
            }
            sample = s;
        }
    }
    if (pinned)
        unpin();
    server.stop();
    return sample;
}

// Calls per second: RpcScope with `window` calls in flight, or raw UDP
// from `threads` threads with one round trip each.
std::optional<double> throughput(const QString &system, bool pinned, int calls, int &failed, QString *error)
{
    ServerProcess server;
    if (!server.start(system == u"raw" ? QStringLiteral("raw") : QStringLiteral("rpcscope-pool"), pinned, error))
        return std::nullopt;
    if (pinned && !pinTo(0, error))
        return std::nullopt;
    double perSecond = 0;
    QElapsedTimer total;
    if (system == u"raw") {
        constexpr int kThreads = 8;
        std::vector<std::thread> threads;
        std::atomic<int> bad{0};
        QSemaphore go;
        for (int t = 0; t < kThreads; ++t)
            threads.emplace_back([&, port = server.port] {
                std::vector<std::shared_ptr<void>> keep;
                const Call call = clientFor(QStringLiteral("raw"), port, keep);
                go.acquire();
                for (int i = 0; i < calls / kThreads; ++i)
                    bad += !call();
            });
        total.start();
        go.release(kThreads);
        for (std::thread &t : threads)
            t.join();
        perSecond = double(calls / kThreads * kThreads) / (double(total.nsecsElapsed()) / 1e9);
        failed += bad;
    } else {
        rpc::ClientOptions options;
        options.serverPort = server.port;
        options.window = 32;
        options.seed = 1;
        rpc::RpcClient client(options);
        if (!client.start(error))
            return std::nullopt;
        const QByteArray payload(kPayload, 'x');
        std::atomic<int> remaining{calls}, ended{0}, bad{0};
        QSemaphore done;
        std::function<void()> next = [&] {
            if (remaining.fetch_sub(1) <= 0)
                return;
            client.call(QStringLiteral("echo"), payload).then(QtFuture::Launch::Sync, [&](const rpc::Reply &r) {
                bad += !r.ok();
                next(); // before counting this call ended: the last count lets the frame go
                if (ended.fetch_add(1) + 1 == calls)
                    done.release();
            });
        };
        total.start();
        for (int k = 0; k < 32; ++k)
            next();
        done.acquire();
        perSecond = calls / (double(total.nsecsElapsed()) / 1e9);
        failed += bad;
    }
    if (pinned)
        unpin();
    return perSecond;
}

int runClient(int calls, int rounds, bool table)
{
    int failed = 0;
    std::vector<bool> placements{false};
    QString why;
    if (pinTo(0, &why)) {
        unpin();
        placements.push_back(true);
    } else {
        std::fprintf(stderr, "bench_udp: pinned placement skipped: %s\n", qPrintable(why));
    }
    // samples[placement][system] over rounds
    std::map<std::pair<bool, QString>, std::vector<Sample>> samples;
    for (int round = 0; round < rounds; ++round) {
        for (bool pinned : placements) {
            const auto &all = systems();
            for (std::size_t k = 0; k < all.size(); ++k) {
                const QString system = QString::fromLatin1(all[(k + std::size_t(round)) % all.size()].key);
                QString error;
                const std::optional<Sample> s = measure(system, pinned, calls, failed, &error);
                if (!s) {
                    std::fprintf(stderr, "bench_udp: %s\n", qPrintable(error));
                    return 1;
                }
                samples[{pinned, system}].push_back(*s);
            }
        }
    }

    struct Row
    {
        double median = 0, ratio = 0, clientCpu = 0, serverCpu = 0, clientSwitches = 0, serverSwitches = 0;
    };
    std::map<std::pair<bool, QString>, Row> rows;
    for (bool pinned : placements) {
        const auto of = [&](const QString &system, auto field) {
            std::vector<double> v;
            for (const Sample &s : samples[{pinned, system}])
                v.push_back(s.*field);
            return median(v);
        };
        const double raw = of(QStringLiteral("raw"), &Sample::medianUs);
        for (const System &sys : systems()) {
            const QString system = QString::fromLatin1(sys.key);
            Row r{of(system, &Sample::medianUs), of(system, &Sample::medianUs) / raw,
                  of(system, &Sample::clientCpuUs), of(system, &Sample::serverCpuUs),
                  of(system, &Sample::clientSwitches), of(system, &Sample::serverSwitches)};
            rows[{pinned, system}] = r;
            printFigure({{"bench", "udp-blocking-echo"},
                         {"system", system},
                         {"placement", pinned ? "pinned" : "free"},
                         {"calls", calls},
                         {"rounds", rounds},
                         {"median_us", r.median},
                         {"p99_us", of(system, &Sample::p99Us)},
                         {"median_ratio_to_raw", r.ratio},
                         {"client_cpu_us_per_call", r.clientCpu},
                         {"server_cpu_us_per_call", r.serverCpu},
                         {"client_switches_per_call", r.clientSwitches},
                         {"server_switches_per_call", r.serverSwitches}});
        }
    }

    std::map<bool, double> pipelinedRatio;
    for (bool pinned : placements) {
        std::vector<double> rpc, raw;
        for (int round = 0; round < rounds; ++round) {
            QString error;
            const std::optional<double> a = throughput(QStringLiteral("rpcscope"), pinned, calls, failed, &error);
            const std::optional<double> b = throughput(QStringLiteral("raw"), pinned, calls, failed, &error);
            if (!a || !b) {
                std::fprintf(stderr, "bench_udp: %s\n", qPrintable(error));
                return 1;
            }
            rpc.push_back(*a);
            raw.push_back(*b);
        }
        pipelinedRatio[pinned] = median(rpc) / median(raw);
        printFigure({{"bench", "udp-pipelined-echo"},
                     {"placement", pinned ? "pinned" : "free"},
                     {"calls", calls},
                     {"window", 32},
                     {"calls_per_sec", median(rpc)},
                     {"baseline", "raw UDP, 8 threads with one round trip each"},
                     {"baseline_round_trips_per_sec", median(raw)},
                     {"ratio_to_baseline", pipelinedRatio[pinned]}});
    }

    if (table) {
        const bool pinned = placements.size() > 1;
        std::printf("\n| system | free | pinned | median µs (free) | client CPU µs/call | server CPU µs/call "
                    "| switches/call client, server |\n|---|---|---|---|---|---|---|\n");
        for (const System &sys : systems()) {
            const QString system = QString::fromLatin1(sys.key);
            const Row &f = rows[{false, system}];
            std::printf("| %s | %.2f | %s | %.1f | %.1f | %.1f | %.1f, %.1f |\n", sys.label, f.ratio,
                        pinned ? qPrintable(QString::number(rows[{true, system}].ratio, 'f', 2)) : "–", f.median,
                        f.clientCpu, f.serverCpu, f.clientSwitches, f.serverSwitches);
        }
        std::printf("| RpcScope pipelined (window 32) / raw UDP from 8 threads | %.2f | %s | | | | |\n",
                    pipelinedRatio[false],
                    pinned ? qPrintable(QString::number(pipelinedRatio[true], 'f', 2)) : "–");
        std::fflush(stdout);
    }
    if (failed)
        std::fprintf(stderr, "bench_udp: %d calls failed\n", failed);
    return failed == 0 ? 0 : 1;
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

    if (const QString system = value("--serve"); !system.isEmpty()) {
        if (const QString cpu = value("--cpu"); !cpu.isEmpty() && !pinTo(cpu.toInt(), nullptr))
            return 3;
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
        std::fprintf(stderr, "bench_udp: no server '%s'\n", qPrintable(system));
        return 2;
    }

    const int calls = value("--calls").isEmpty() ? 20000 : value("--calls").toInt();
    const int rounds = value("--rounds").isEmpty() ? 5 : value("--rounds").toInt();
    if (calls <= 0 || rounds <= 0) {
        std::fprintf(stderr, "bench_udp: --calls and --rounds need positive numbers\n");
        return 2;
    }
#ifndef RPCSCOPE_BENCH_ONC
    std::fprintf(stderr, "bench_udp: built without rpcgen and libtirpc: no ONC RPC baseline\n");
#endif
    return runClient(calls, rounds, args.contains(QStringLiteral("--table")));
}
