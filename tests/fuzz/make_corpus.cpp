// Writes the fuzz targets' seed corpora from real traffic: a few of the
// scenarios run with the real client and server cores and emulator, and
// what reaches the server and the first client is recorded in each
// target's input format (see the comment at the top of each target).
// Capture files come from SimNetwork with a CaptureWriter, and the
// generator's inputs from the .proto files its own tests use.
//
//   fuzz_make_corpus tests/fuzz/corpus
//
// rewrites every generated file under that folder (regression-* inputs
// are left alone). The output is the same on every run, but for the start
// time each capture's header records.
#include "fuzzinput.h"

#include "base/random.h"
#include "base/sharedsink.h"
#include "capture/capturewriter.h"
#include "core/clientcore.h"
#include "core/protocolconfig.h"
#include "core/servercore.h"
#include "netem/netem.h"
#include "run/simnetwork.h"
#include "services/registry.h"
#include "session/scenario.h"
#include "session/summary.h"
#include "trace/tracelog.h"

#include <google/protobuf/compiler/importer.h>
#include <google/protobuf/compiler/plugin.pb.h>
#include <google/protobuf/descriptor.pb.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <map>
#include <queue>
#include <set>

using namespace rpcscope;
using core::Duration;
using core::HostId;
using core::TimePoint;
using fuzz::putLengthPrefixed;
using fuzz::putU16;
using fuzz::putU32;
using fuzz::putU8;

namespace {

QDir g_out;

void writeFile(const QString &target, const QString &name, const QByteArray &bytes)
{
    g_out.mkpath(target);
    QFile file(g_out.filePath(target + u'/' + name));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(file.fileName()));
    std::printf("%s/%s: %lld bytes\n", qPrintable(target), qPrintable(name), static_cast<long long>(bytes.size()));
}

std::uint8_t clampU8(std::int64_t v) { return std::uint8_t(std::clamp<std::int64_t>(v, 0, 255)); }
std::uint16_t clampU16(std::int64_t v) { return std::uint16_t(std::clamp<std::int64_t>(v, 0, 0xFFFF)); }

// Time passes in the targets' unit (100 µs), in as many steps as it takes.
void putAdvance(QByteArray &out, Duration by)
{
    std::int64_t units = by.count() / 100;
    while (units > 0) {
        const std::int64_t step = std::min<std::int64_t>(units, 0xFFFF);
        putU8(out, 2);
        putU16(out, std::uint16_t(step));
        units -= step;
    }
}

// One scenario in virtual time, with the real cores and emulator, keeping
// what the targets need: every datagram delivered to the server, every
// handler that finished there, and the first client's calls and datagrams.
class Recorder
{
public:
    struct ServerInput
    {
        enum Type : std::uint8_t { Datagram, HandlerDone } type;
        TimePoint at;
        HostId from = 0;
        QByteArray bytes;
        std::uint8_t runningIndex = 0; // which of the running handlers, in the order they started
        wire::Status status = wire::STATUS_OK;
        qsizetype resultBytes = 0;
    };
    struct ClientInput
    {
        enum Type : std::uint8_t { Datagram, Start } type;
        TimePoint at;
        QByteArray bytes;
        qsizetype argBytes = 0;
    };

    session::SessionConfig config;
    core::ServerConfig serverConfig;
    core::ClientConfig firstClient;
    std::vector<ServerInput> server;
    std::vector<ClientInput> client;
    std::vector<QByteArray> delivered; // every datagram delivered, to either side, in order

    explicit Recorder(const session::SessionConfig &c, int maxDeliveries)
        : config(c)
        , m_service(services::makeService(c.service))
        , m_maxDeliveries(maxDeliveries)
    {
        m_service->prepare({c.calls, c.argBytes, c.seed});
        core::Random seeds(c.seed);
        m_up = netem::Netem(c.toServer, seeds.next());
        m_down = netem::Netem(c.toClient, seeds.next());
        for (const netem::ScriptedFault &f : c.toServerFaults)
            m_up.addFault(f);
        for (const netem::ScriptedFault &f : c.toClientFaults)
            m_down.addFault(f);
        serverConfig.epoch = std::uint32_t(seeds.next() | 1);
        core::copyServerProtocol(c, serverConfig);
        m_server = std::make_unique<core::ServerCore>(serverConfig, nullptr);
        for (int i = 0; i < std::max(1, c.clients); ++i) {
            core::ClientConfig cc;
            cc.clientId = std::uint32_t(seeds.next()) | 1;
            cc.host = HostId(i + 1);
            core::copyClientProtocol(c, cc);
            cc.maxMessageBytes = c.limits.maxMessageBytes;
            cc.seed = seeds.next();
            if (i == 0)
                firstClient = cc;
            m_clients.push_back({std::make_unique<core::ClientCore>(cc, nullptr),
                                 c.calls / c.clients + (i < c.calls % c.clients ? 1 : 0), 0});
        }
        if (c.serverRestartAt)
            push({*c.serverRestartAt, 0, Event::Restart, 0, 0, {}, 0, 0, {}});
        for (int i = 0; i < int(m_clients.size()); ++i)
            pumpClient(HostId(i + 1));
    }

    void run()
    {
        while (!m_queue.empty() && int(delivered.size()) < m_maxDeliveries) {
            Event e = m_queue.top();
            m_queue.pop();
            m_now = std::max(m_now, e.at);
            switch (e.type) {
            case Event::Deliver:
                delivered.push_back(e.bytes);
                if (e.to == core::kServerHost) {
                    server.push_back({ServerInput::Datagram, m_now, e.from, e.bytes});
                    m_server->receive(e.bytes, e.from, m_now);
                    pumpServer();
                } else {
                    if (e.to == 1)
                        client.push_back({ClientInput::Datagram, m_now, e.bytes});
                    m_clients[e.to - 1].core->receive(e.bytes, core::kServerHost, m_now);
                    pumpClient(e.to);
                }
                break;
            case Event::Timer:
                if (e.to == core::kServerHost) {
                    if (auto next = m_server->nextTimeout(); next && *next <= m_now)
                        m_server->handleTimeout(m_now);
                    pumpServer();
                } else {
                    core::ClientCore &c = *m_clients[e.to - 1].core;
                    if (auto next = c.nextTimeout(); next && *next <= m_now)
                        c.handleTimeout(m_now);
                    pumpClient(e.to);
                }
                break;
            case Event::HandlerDone: {
                if (e.incarnation != m_incarnation)
                    break; // it died with the server that started it
                const auto it = std::find(m_running.begin(), m_running.end(), std::pair(e.clientId, e.callId));
                ServerInput done{ServerInput::HandlerDone, m_now, 0, {}};
                done.runningIndex = std::uint8_t(it - m_running.begin());
                done.status = e.result.status;
                done.resultBytes = e.result.result.size();
                server.push_back(done);
                m_running.erase(it);
                m_server->handlerFinished(e.clientId, e.callId, e.result.status, e.result.message,
                                          e.result.result, m_now);
                pumpServer();
                break;
            }
            case Event::Restart:
                // Not replayed to the server target, whose server never restarts:
                // what follows arrives with the new epoch, and is refused there.
                ++m_incarnation;
                m_running.clear();
                serverConfig.epoch += 2;
                m_server = std::make_unique<core::ServerCore>(serverConfig, nullptr);
                serverConfig.epoch -= 2;
                break;
            }
        }
    }

private:
    struct Event
    {
        TimePoint at;
        std::uint64_t seq;
        enum Type : std::uint8_t { Deliver, Timer, HandlerDone, Restart } type;
        HostId to;
        HostId from;
        QByteArray bytes;
        std::uint32_t clientId;
        std::uint32_t callId;
        rpc::HandlerResult result;
        int incarnation = 0;
        bool operator>(const Event &o) const { return at != o.at ? at > o.at : seq > o.seq; }
    };
    struct Client
    {
        std::unique_ptr<core::ClientCore> core;
        int remaining;
        std::uint64_t started;
    };

    void push(Event e)
    {
        e.seq = m_seq++;
        m_queue.push(std::move(e));
    }

    void send(netem::Netem &link, HostId from, HostId to, const QByteArray &bytes)
    {
        m_deliveries.clear();
        link.process(bytes, m_now, m_deliveries);
        for (netem::Delivery &d : m_deliveries)
            push({d.at, 0, Event::Deliver, to, from, std::move(d.bytes), 0, 0, {}});
    }

    void arm(HostId host, std::optional<TimePoint> next)
    {
        if (next)
            push({std::max(*next, m_now), 0, Event::Timer, host, 0, {}, 0, 0, {}});
    }

    void pumpServer()
    {
        core::Execution exec;
        while (m_server->pollExecution(exec)) {
            m_running.emplace_back(exec.clientId, exec.callId);
            Event done{m_now + config.handlerTime, 0, Event::HandlerDone, 0, 0, {}, exec.clientId, exec.callId,
                       m_service->handle(exec.method, exec.args)};
            done.incarnation = m_incarnation;
            push(std::move(done));
        }
        core::Transmit t;
        while (m_server->pollTransmit(t))
            send(m_down, core::kServerHost, t.to, t.bytes);
        arm(core::kServerHost, m_server->nextTimeout());
    }

    void pumpClient(HostId host)
    {
        Client &c = m_clients[host - 1];
        core::Completion done;
        while (c.core->pollCompletion(done)) {
        }
        while (c.remaining > 0 && c.core->inFlight() + c.core->queued() < std::max(1, config.window)) {
            const QByteArray args = m_service->sampleArgs(c.started++, config.argBytes);
            if (host == 1)
                client.push_back({ClientInput::Start, m_now, {}, args.size()});
            c.core->startCall(m_service->sampleMethod(), args, m_now);
            --c.remaining;
        }
        core::Transmit t;
        while (c.core->pollTransmit(t))
            send(m_up, host, core::kServerHost, t.bytes);
        arm(host, c.core->nextTimeout());
    }

    std::unique_ptr<rpc::Service> m_service;
    int m_maxDeliveries;
    netem::Netem m_up;
    netem::Netem m_down;
    std::unique_ptr<core::ServerCore> m_server;
    std::vector<Client> m_clients;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> m_running;
    std::priority_queue<Event, std::vector<Event>, std::greater<>> m_queue;
    std::vector<netem::Delivery> m_deliveries;
    TimePoint m_now{0};
    std::uint64_t m_seq = 0;
    int m_incarnation = 0;
};

// fuzz_servercore's input: its 17-byte configuration, with caps small
// enough to be reached but large enough for the scenario's own traffic.
QByteArray serverInput(const Recorder &r, qsizetype maxBytes)
{
    QByteArray out;
    const core::ServerConfig &c = r.serverConfig;
    putU8(out, std::uint8_t((c.ackMode == core::AckMode::Explicit ? 1 : 0) | int(c.checksum) << 1));
    putU32(out, c.epoch);
    putU16(out, clampU16(c.maxDatagram));
    putU8(out, 7);    // 8 calls in progress per client
    putU8(out, 15);   // 16 in all
    putU8(out, 7);    // 8 clients
    putU8(out, 255);  // 64 KiB of cached replies
    putU8(out, 255);  // 65 KiB messages
    putU8(out, 4);    // 4 partial messages per client
    putU8(out, 8);    // 8 in all
    putU8(out, 255);  // 128 KiB of them
    putU8(out, 0xff); // entries and partial messages age out after 1.6 s
    putU8(out, clampU8(c.ackDelay.count() / 1000));
    TimePoint now{0};
    for (const Recorder::ServerInput &in : r.server) {
        QByteArray op;
        putAdvance(op, in.at - now);
        now = in.at;
        if (in.type == Recorder::ServerInput::Datagram) {
            putU8(op, std::uint8_t(1 | ((in.from - 1) % 4) << 2)); // delivered as it came, damage and all
            putLengthPrefixed(op, in.bytes);
        } else {
            putU8(op, 3);
            putU8(op, in.runningIndex);
            putU8(op, std::uint8_t(in.status));
            putU16(op, clampU16(in.resultBytes));
        }
        if (out.size() + op.size() > maxBytes)
            break;
        out += op;
    }
    return out;
}

// fuzz_clientcore's input: the first client's configuration, then its calls
// and what reached it.
QByteArray clientInput(const Recorder &r, qsizetype maxBytes)
{
    QByteArray out;
    const core::ClientConfig &c = r.firstClient;
    putU8(out, std::uint8_t((c.ackMode == core::AckMode::Explicit ? 1 : 0) | int(c.checksum) << 1
                            | int(c.retry.backoff) << 4));
    putU32(out, c.clientId);
    putU16(out, clampU16(c.maxDatagram));
    putU8(out, clampU8(c.window - 1));
    putU8(out, clampU8(c.retry.timeout.count() / 10'000 - 1));
    putU8(out, clampU8(c.retry.maxAttempts - 1));
    putU8(out, std::uint8_t(std::clamp<std::int64_t>(c.retry.deadline.count() / 100'000 - 1, 0, 63)));
    putU8(out, clampU8(c.pollInterval.count() / 10'000));
    putU16(out, clampU16(c.maxMessageBytes / 64 - 1));
    putU8(out, std::uint8_t(c.seed));
    putU8(out, 0); // no calls from the configuration: they start as the recording says
    TimePoint now{0};
    for (const Recorder::ClientInput &in : r.client) {
        QByteArray op;
        putAdvance(op, in.at - now);
        now = in.at;
        if (in.type == Recorder::ClientInput::Datagram) {
            putU8(op, 1);
            putLengthPrefixed(op, in.bytes);
        } else {
            putU8(op, 3);
            putU16(op, clampU16(in.argBytes));
        }
        if (out.size() + op.size() > maxBytes)
            break;
        out += op;
    }
    return out;
}

// fuzz_reassembly's inputs from the fragments of one real message, and the
// selective acks that answered it.
void reassemblyInputs(const Recorder &r, const QString &name)
{
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::map<int, QByteArray>> messages;
    std::map<std::pair<std::uint32_t, std::uint32_t>, int> counts;
    QByteArray bitmap;
    QByteArray body;
    for (const QByteArray &bytes : r.delivered) {
        wire::Decoded d;
        if (wire::decodeDatagram(bytes, r.config.checksum, d) != wire::DecodeError::None)
            continue;
        const auto key = std::pair(d.header.clientId, d.header.callId ^ (d.header.kind == wire::DatagramKind::Reply ? 0x80000000u : 0));
        if (d.header.kind == wire::DatagramKind::FragmentAck && bitmap.isEmpty()) {
            putU8(bitmap, 1);
            putU16(bitmap, d.header.fragmentCount);
            putLengthPrefixed(bitmap, d.body);
            putU8(bitmap, 15);
        }
        if (d.header.fragmentCount > 1 && (d.header.kind == wire::DatagramKind::Request
                                           || d.header.kind == wire::DatagramKind::Reply)) {
            messages[key].emplace(d.header.fragmentIndex, d.body.toByteArray());
            counts[key] = d.header.fragmentCount;
        }
    }
    int written = 0;
    for (const auto &[key, fragments] : messages) {
        if (written == 2 || int(fragments.size()) != counts[key])
            continue;
        QByteArray out;
        putU8(out, 0);
        putU16(out, std::uint16_t(counts[key] - 1));
        putU16(out, 0xFFFF); // cap: 64 KiB
        // In the order a lossy network might deliver them: the last one first.
        for (auto it = fragments.rbegin(); it != fragments.rend(); ++it) {
            putU8(out, 0);
            putU16(out, std::uint16_t(it->first));
            putLengthPrefixed(out, it->second);
        }
        writeFile(QStringLiteral("fuzz_reassembly"), QStringLiteral("%1-message-%2").arg(name).arg(++written), out);
        if (body.isEmpty()) {
            putU8(body, 2);
            putU16(body, 499); // fragments of 500 bytes
            for (const auto &[index, bytes] : fragments)
                body += bytes;
        }
    }
    if (!bitmap.isEmpty())
        writeFile(QStringLiteral("fuzz_reassembly"), name + QStringLiteral("-sack"), bitmap);
    if (!body.isEmpty())
        writeFile(QStringLiteral("fuzz_reassembly"), name + QStringLiteral("-roundtrip"), body);
}

// fuzz_datagram's inputs: one of each kind of datagram (whole and
// fragmented, each direction) and a few the emulator damaged.
void datagramInputs(const Recorder &r, const QString &name, std::set<QString> &seen)
{
    int damaged = 0;
    for (const QByteArray &bytes : r.delivered) {
        wire::Decoded d;
        const wire::DecodeError error = wire::decodeDatagram(bytes, r.config.checksum, d);
        QString kind;
        if (error != wire::DecodeError::None) {
            if (damaged++ >= 2)
                continue;
            kind = wire::decodeErrorName(error) + QString::number(damaged);
        } else {
            kind = wire::datagramKindName(d.header.kind).toLower() + (d.header.fragmentCount > 1 ? QStringLiteral("-fragment") : QString());
        }
        if (!seen.insert(kind + (error != wire::DecodeError::None ? name : QString())).second)
            continue;
        writeFile(QStringLiteral("fuzz_datagram"), name + u'-' + kind, bytes);
    }
}

void recordScenario(const QString &name, int calls, std::set<QString> &seenDatagrams)
{
    session::SessionConfig config = session::scenarioConfig(name);
    config.calls = std::min(config.calls, calls);
    Recorder r(config, 400);
    r.run();
    writeFile(QStringLiteral("fuzz_servercore"), name, serverInput(r, 24 * 1024));
    writeFile(QStringLiteral("fuzz_clientcore"), name, clientInput(r, 24 * 1024));
    datagramInputs(r, name, seenDatagrams);
    if (name == u"fragmentation")
        reassemblyInputs(r, name);
}

// fuzz_capture's inputs: whole captures of short sessions, and one cut short.
void captureInputs()
{
    QTemporaryDir dir;
    for (const char *scenario : {"message-ack", "dropped-reply", "server-restart", "fragmentation"}) {
        session::SessionConfig config = session::scenarioConfig(QString::fromLatin1(scenario));
        config.calls = std::min(config.calls, 3);
        const QString path = dir.filePath(QStringLiteral("capture.rpcscope"));
        trace::TraceLog log;
        capture::CaptureWriter writer;
        QString error;
        if (!writer.open(path, config, {true, config.clients}, &error))
            qFatal("%s", qPrintable(error));
        trace::TeeSink tee(&log, &writer);
        session::SimNetwork sim(config, &tee);
        sim.run();
        session::Summary summary = session::SummaryBuilder::fromTrace(log.view());
        summary.service = sim.service().report();
        if (!writer.finish(summary, &error))
            qFatal("%s", qPrintable(error));
        QFile file(path);
        file.open(QIODevice::ReadOnly);
        const QByteArray bytes = file.readAll();
        writeFile(QStringLiteral("fuzz_capture"), QString::fromLatin1(scenario), bytes);
        if (qstrcmp(scenario, "dropped-reply") == 0)
            writeFile(QStringLiteral("fuzz_capture"), QStringLiteral("dropped-reply-truncated"),
                      bytes.first(bytes.size() * 2 / 3));
    }
}

// fuzz_codegen's inputs: what protoc hands the plugin for the generator's
// own test files and the example services.
class SilentImportErrors final : public google::protobuf::compiler::MultiFileErrorCollector
{
public:
    void AddError(const std::string &, int, int, const std::string &) override {}
};

void addWithDependencies(const google::protobuf::FileDescriptor *file, std::set<std::string> &added,
                         google::protobuf::compiler::CodeGeneratorRequest &request)
{
    if (added.contains(file->name()))
        return;
    for (int i = 0; i < file->dependency_count(); ++i)
        addWithDependencies(file->dependency(i), added, request);
    added.insert(file->name());
    google::protobuf::FileDescriptorProto *proto = request.add_proto_file();
    file->CopyTo(proto);
    file->CopySourceCodeInfoTo(proto);
}

void codegenInputs(const QString &sourceDir, const QString &protobufInclude)
{
    namespace gpc = google::protobuf::compiler;
    const struct
    {
        const char *root;
        const char *file;
        const char *parameter;
    } inputs[] = {
        {"tests/codegen/golden", "greeter.proto", ""},
        {"tests/codegen/golden", "messages_only.proto", ""},
        {"tests/codegen/golden", "nopackage.proto", "skip_streaming"},
        {"tests/codegen/bad", "class_clash.proto", ""},
        {"tests/codegen/bad", "empty_service.proto", ""},
        {"tests/codegen/bad", "keyword_methods.proto", ""},
        {"tests/codegen/bad", "keyword_package.proto", ""},
        {"tests/codegen/bad", "name_clash.proto", ""},
        {"tests/codegen/bad", "streaming.proto", ""},
        {"engine", "services/echo.proto", ""},
        {"engine", "services/filetransfer.proto", ""},
    };
    for (const auto &input : inputs) {
        gpc::DiskSourceTree tree;
        tree.MapPath("", QDir(sourceDir).filePath(QString::fromLatin1(input.root)).toStdString());
        tree.MapPath("", protobufInclude.toStdString());
        SilentImportErrors errors;
        gpc::Importer importer(&tree, &errors);
        const google::protobuf::FileDescriptor *file = importer.Import(input.file);
        if (!file)
            qFatal("cannot import %s/%s", input.root, input.file);
        gpc::CodeGeneratorRequest request;
        request.add_file_to_generate(file->name());
        request.set_parameter(input.parameter);
        std::set<std::string> added;
        addWithDependencies(file, added, request);
        const std::string bytes = request.SerializeAsString();
        writeFile(QStringLiteral("fuzz_codegen"),
                  QFileInfo(QString::fromLatin1(input.file)).completeBaseName(),
                  QByteArray(bytes.data(), qsizetype(bytes.size())));
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR (tests/fuzz/corpus)\n", argv[0]);
        return 2;
    }
    g_out = QDir(QString::fromLocal8Bit(argv[1]));
    std::set<QString> seenDatagrams;
    for (const char *scenario : {"message-ack", "dropped-request", "dropped-reply", "long-call", "server-restart",
                                 "corruption", "lossy", "many-clients", "fragmentation"})
        recordScenario(QString::fromLatin1(scenario), 12, seenDatagrams);
    captureInputs();
    codegenInputs(QStringLiteral(RPCSCOPE_SOURCE_DIR), QStringLiteral(RPCSCOPE_PROTOBUF_INCLUDE));
    return 0;
}
