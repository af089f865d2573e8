#include "netcommands.h"

#include "clicommand.h"
#include "remote/tracefeedservice.h"
#include "remote/tracering.h"
#include "rpc/hostport.h"
#include "rpc/keyfile.h"
#include "rpc/measurement.h"
#include "rpc/rpcclient.h"
#include "rpc/rpcserver.h"
#include "services/counterservice.h"
#include "services/protomethod.h"
#include "services/registry.h"
#include "services/slowjobprocedures.h"
#include "services/timedservice.h"
#include "session/sessionoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <atomic>
#include <cmath>
#include <csignal>
#include <optional>

namespace rpcscope::cli {

namespace {

// The DTLS pre-shared key options serve and call share.
struct KeyOptions
{
    QCommandLineOption key{QStringLiteral("key"),
                           QStringLiteral("DTLS pre-shared key: only a peer with the same key is heard, "
                                          "and everything on the wire is encrypted [default: none, plain UDP]"),
                           QStringLiteral("TEXT")};
    QCommandLineOption keyFile{QStringLiteral("key-file"),
                               QStringLiteral("read the DTLS key from the first line of FILE (kept out of "
                                              "the process list)"),
                               QStringLiteral("FILE")};
};

// The key given by --key or --key-file, empty for none; on a bad option a
// usage error is printed and its exit code returned.
std::optional<int> readKey(const QCommandLineParser &parser, const KeyOptions &o, const QString &command,
                           QByteArray &key)
{
    if (parser.isSet(o.key) && parser.isSet(o.keyFile))
        return usageError(QStringLiteral("%1: give the key by --key or by --key-file, not both").arg(command));
    if (parser.isSet(o.key)) {
        key = parser.value(o.key).toUtf8();
    } else if (parser.isSet(o.keyFile)) {
        if (const QString e = rpc::readKeyFile(parser.value(o.keyFile), key); !e.isEmpty())
            return usageError(QStringLiteral("%1: --key-file: %2").arg(command, e));
    } else {
        return std::nullopt;
    }
    if (key.isEmpty())
        return usageError(QStringLiteral("%1: the DTLS key is empty").arg(command));
    return std::nullopt;
}

// The protocol options serve and call share with the session commands, by
// the same names; only these make sense on one end.
const char *const kEndOptions[] = {"ack-mode", "checksum", "loss", "delay-ms", "jitter-ms", "dup",
                                   "reorder", "corrupt", "seed"};
const char *const kCallOptions[] = {"timeout-ms", "backoff", "backoff-factor", "max-timeout-ms",
                                    "max-attempts", "deadline-ms"};

// serve and call add no delay of their own unless asked: between two
// processes or machines the network has its own. --help shows these.
session::SessionConfig endDefaults()
{
    session::SessionConfig config;
    config.toServer.delay = config.toClient.delay = core::Duration(0);
    return config;
}

void addSessionOptions(QCommandLineParser &parser, std::initializer_list<const char *const *> groups,
                       std::initializer_list<std::size_t> sizes)
{
    const session::SessionConfig defaults = endDefaults();
    auto size = sizes.begin();
    for (const char *const *group : groups) {
        for (std::size_t i = 0; i < *size; ++i) {
            const session::SessionOption *o = session::findSessionOption(QString::fromLatin1(group[i]));
            parser.addOption(QCommandLineOption(QString::fromLatin1(o->name),
                                                QStringLiteral("%1 [default: %2]")
                                                    .arg(QString::fromLatin1(o->description),
                                                         o->current(defaults)),
                                                QString::fromLatin1(o->valueName)));
        }
        ++size;
    }
}

// `handledHere`: options the command reads in its own way, left alone.
int applySessionOptions(const QCommandLineParser &parser, const QString &command, session::SessionConfig &config,
                        const QStringList &handledHere = {})
{
    for (const session::SessionOption &o : session::sessionOptions()) {
        const QString name = QString::fromLatin1(o.name);
        if (!parser.optionNames().contains(name) || handledHere.contains(name))
            continue;
        const QString value = parser.value(name);
        if (QString e = o.apply(config, value); !e.isEmpty())
            return usageError(QStringLiteral("%1: invalid value '%2' for --%3: %4").arg(command, value, name, e));
    }
    return -1;
}

constexpr double kMaxServeSeconds = 7 * 24 * 3600;

std::atomic<int> g_stopSignal{0};

extern "C" void onStopSignal(int signal)
{
    g_stopSignal.store(signal);
}

// The service whose requests say how long each works: serve answers it with
// procedures that wait themselves, where a session's driver spends the time.
const QString kSlowJob = QStringLiteral("slowjob");


// The wire names of the generated service `service` ("rpcscope.services.Counter").
QStringList wireNamesOf(const QString &service)
{
    QStringList names;
    for (const services::ProtoMethod &method : services::ProtoMethod::examples())
        if (method.wireName().startsWith(service + u'/'))
            names << method.wireName();
    return names;
}

enum class Encoding { Text, Int64, Hex, Proto };

std::optional<Encoding> encodingFromName(const QString &name)
{
    if (name == u"text")
        return Encoding::Text;
    if (name == u"int64")
        return Encoding::Int64;
    if (name == u"hex")
        return Encoding::Hex;
    if (name == u"proto")
        return Encoding::Proto;
    return std::nullopt;
}

// call --list-methods: one line per method, or one JSON object.
void printMethods(bool json)
{
    const QList<services::ProtoMethod> methods = services::ProtoMethod::examples();
    if (json) {
        QJsonArray list;
        for (const services::ProtoMethod &m : methods)
            list.append(QJsonObject{{QStringLiteral("method"), m.wireName()},
                                    {QStringLiteral("request"), m.requestType()},
                                    {QStringLiteral("response"), m.responseType()}});
        out() << QJsonDocument(QJsonObject{{QStringLiteral("methods"), list}}).toJson(QJsonDocument::Compact)
              << '\n';
    } else {
        qsizetype width = 0;
        for (const services::ProtoMethod &m : methods)
            width = std::max(width, m.wireName().size());
        for (const services::ProtoMethod &m : methods)
            out() << m.wireName().leftJustified(width) << "  " << m.requestType() << " -> " << m.responseType()
                  << '\n';
    }
    out().flush();
}

} // namespace

int runServe(const QStringList &args)
{
    const QString command = QStringLiteral("serve");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Serves a service over UDP with at-most-once semantics until interrupted (Ctrl+C, SIGTERM) "
        "or --max-seconds pass. Prints the address it listens on.\n"
        "echo and counter answer their plain methods (echo; add, get) and, on the same state, the "
        "methods of their .proto services by wire name (rpcscope.services.Echo/Echo; "
        "rpcscope.services.Counter/Add, rpcscope.services.Counter/Get). slowjob answers "
        "rpcscope.services.SlowJob/Run only. 'call --list-methods' lists the .proto methods."));
    parser.addHelpOption();
    const QCommandLineOption bind(QStringLiteral("bind"),
                                  QStringLiteral("address and port to listen on; port 0 picks a free one "
                                                 "[default: 127.0.0.1:0]"),
                                  QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:0"));
    const QCommandLineOption serviceOption(QStringLiteral("service"),
                                           QStringLiteral("service to offer (echo, counter, file, slowjob) "
                                                          "[default: echo]"),
                                           QStringLiteral("NAME"), QStringLiteral("echo"));
    const QCommandLineOption handlerMs(QStringLiteral("handler-ms"),
                                       QStringLiteral("time each handler takes; not for slowjob, whose "
                                                      "requests say [default: 0]"),
                                       QStringLiteral("MS"), QStringLiteral("0"));
    const QCommandLineOption maxSeconds(QStringLiteral("max-seconds"),
                                        QStringLiteral("stop after this many seconds [default: run until stopped]"),
                                        QStringLiteral("S"));
    const QCommandLineOption tracePort(
        QStringLiteral("trace-port"),
        QStringLiteral("also serve this server's own trace (rpcscope.remote.TraceFeed) on PORT of the --bind "
                       "address, 0 for a free one, to a GUI showing the server's side of its calls; needs "
                       "--key or --key-file, which the feed takes too"),
        QStringLiteral("PORT"));
    const KeyOptions keyOptions;
    parser.addOptions({bind, serviceOption, handlerMs, maxSeconds, tracePort, keyOptions.key, keyOptions.keyFile});
    addSessionOptions(parser, {kEndOptions}, {std::size(kEndOptions)});
    if (!parser.parse(args))
        return usageError(QStringLiteral("%1: %2").arg(command, parser.errorText()));
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("%1: unexpected argument '%2'").arg(command, parser.positionalArguments().constFirst()));

    rpc::HostPort where;
    if (QString e = rpc::parseHostPort(parser.value(bind), true, where); !e.isEmpty())
        return usageError(QStringLiteral("%1: invalid value '%2' for --bind: %3").arg(command, parser.value(bind), e));
    session::SessionConfig config = endDefaults();
    const QString serviceName = parser.value(serviceOption);
    const bool slowJob = serviceName == kSlowJob;
    if (!session::findSessionOption(u"service")->apply(config, serviceName).isEmpty())
        return usageError(QStringLiteral("%1: invalid value '%2' for --service: expected one of %3")
                              .arg(command, serviceName, services::serviceNames().join(QStringLiteral(", "))));
    if (slowJob && parser.isSet(handlerMs))
        return usageError(QStringLiteral("%1: --handler-ms does not apply to --service slowjob: each request "
                                         "says how long it works (duration_ms)").arg(command));
    if (QString e = session::findSessionOption(u"handler-ms")->apply(config, parser.value(handlerMs)); !e.isEmpty())
        return usageError(QStringLiteral("%1: invalid value '%2' for --handler-ms: %3").arg(command, parser.value(handlerMs), e));
    double seconds = 0;
    if (parser.isSet(maxSeconds)) {
        // A millisecond at least, a week at most: QTimer counts milliseconds
        // in an int, which a longer wait would wrap.
        if (QString e = session::parseNumber(parser.value(maxSeconds), 0.001, kMaxServeSeconds, seconds);
            !e.isEmpty())
            return usageError(QStringLiteral("%1: invalid value '%2' for --max-seconds: %3")
                                  .arg(command, parser.value(maxSeconds), e));
    }
    QByteArray key;
    if (const std::optional<int> code = readKey(parser, keyOptions, command, key))
        return *code;
    std::optional<quint16> feedPort;
    if (parser.isSet(tracePort)) {
        bool ok = false;
        const uint port = parser.value(tracePort).toUInt(&ok);
        if (!ok || port > 65535)
            return usageError(QStringLiteral("%1: invalid value '%2' for --trace-port: expected a port from 0 to 65535")
                                  .arg(command, parser.value(tracePort)));
        // The feed shows every client's calls, arguments' sizes and
        // addresses: without a key anyone who finds the port could read them.
        if (key.isEmpty())
            return usageError(QStringLiteral("%1: --trace-port needs --key or --key-file: the trace feed shows every "
                                             "client's traffic, so only holders of the key may read it")
                                  .arg(command));
        feedPort = quint16(port);
    }
    session::SessionConfig parsed = config;
    const QStringList readAbove{QStringLiteral("service"), QStringLiteral("handler-ms")};
    if (int code = applySessionOptions(parser, command, parsed, readAbove); code >= 0)
        return code;

    rpc::ServerOptions options;
    options.bindAddress = where.address;
    options.port = where.port;
    options.ackMode = parsed.ackMode;
    options.checksum = parsed.checksum;
    // The network options given here shape what this server sends.
    options.netem = parsed.toServer;
    options.seed = parser.isSet(QStringLiteral("seed")) ? parsed.seed : 0;
    options.key = key;
    // With a trace feed the server records into a bounded ring, on a clock
    // the feed reads too, so the feed's "now" and the events' times are on
    // one scale. Declared before the server, which records into them until
    // it stops.
    QElapsedTimer clock;
    clock.start();
    remote::TraceRing ring;
    if (feedPort) {
        options.trace = &ring;
        options.clock = &clock;
    }
    rpc::RpcServer server(options);
    // Any server can be measured (rpcscope-cli bench), whatever it offers.
    rpc::registerBenchMethods(server);
    // Who was refused and why, sessions established: the server's log.
    QObject::connect(&server, &rpc::RpcServer::notice, &server, [](const QString &message) {
        err() << "rpcscope-cli serve: " << message << '\n';
        err().flush();
    });
    // The services are generated code themselves: `echo` and
    // rpcscope.services.Echo/Echo run one procedure, `add` and
    // rpcscope.services.Counter/Add count into one total, and `put` and
    // rpcscope.services.FileTransfer/Put store into one file.
    std::shared_ptr<rpc::Service> service; // null for slowjob
    std::unique_ptr<services::SlowJobProcedures> slowJobs;
    QStringList wireNames;
    if (slowJob) {
        slowJobs = std::make_unique<services::SlowJobProcedures>();
        slowJobs->registerOn(server);
        wireNames = wireNamesOf(QStringLiteral("rpcscope.services.SlowJob"));
        for (const QString &method : wireNames) // they wait: keep the network thread free
            server.setHandlerKind(method, rpc::HandlerKind::Long);
    } else {
        service = services::makeService(config.service);
        auto timed = std::make_shared<services::TimedService>(service, config.handlerTime);
        server.setService(timed);
        if (config.service == u"echo") {
            wireNames = wireNamesOf(QStringLiteral("rpcscope.services.Echo"));
        } else if (config.service == u"counter") {
            wireNames = wireNamesOf(QStringLiteral("rpcscope.services.Counter"));
        } else if (config.service == u"file") {
            wireNames = wireNamesOf(QStringLiteral("rpcscope.services.FileTransfer"));
        }
    }
    QString error;
    if (!server.start(&error)) {
        err() << "rpcscope-cli serve: " << error << '\n';
        err().flush();
        return ExitFailure;
    }
    // The feed has a server of its own, on its own port and untraced: its
    // Pull calls are not the traced service's traffic, and recorded into
    // the ring they read they would make every Pull find new events.
    std::unique_ptr<remote::TraceFeedService> feed;
    std::unique_ptr<rpc::RpcServer> feedServer;
    if (feedPort) {
        remote::TraceFeedSource source;
        source.ring = &ring;
        source.now = [&clock] { return core::TimePoint(clock.nsecsElapsed() / 1000); };
        source.peers = [&server] { return server.peers(); };
        source.epoch = server.epoch();
        feed = std::make_unique<remote::TraceFeedService>(std::move(source));
        rpc::ServerOptions feedOptions;
        feedOptions.bindAddress = where.address;
        feedOptions.port = *feedPort;
        feedOptions.key = key;
        feedServer = std::make_unique<rpc::RpcServer>(feedOptions);
        QObject::connect(feedServer.get(), &rpc::RpcServer::notice, feedServer.get(), [](const QString &message) {
            err() << "rpcscope-cli serve: trace feed: " << message << '\n';
            err().flush();
        });
        feed->registerOn(*feedServer);
        if (!feedServer->start(&error)) {
            err() << "rpcscope-cli serve: trace feed: " << error << '\n';
            err().flush();
            server.stop();
            return ExitFailure;
        }
    }
    out() << "serving " << (service ? service->name() : kSlowJob) << " on " << server.address().toString() << ':'
          << server.port() << " (epoch " << server.epoch() << (key.isEmpty() ? ")" : ", DTLS with a pre-shared key)")
          << '\n';
    if (feedServer)
        out() << "trace feed on " << feedServer->address().toString() << ':' << feedServer->port() << " (same key)\n";
    if (!wireNames.isEmpty())
        out() << "methods by wire name: " << wireNames.join(QStringLiteral(", ")) << '\n';
    out().flush();

    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (g_stopSignal.load())
            QCoreApplication::quit();
    });
    poll.start(50);
    if (seconds > 0)
        QTimer::singleShot(std::chrono::milliseconds(std::llround(seconds * 1000)), [] { QCoreApplication::quit(); });
    QCoreApplication::exec();
    if (slowJobs)
        slowJobs->release(); // jobs still working end now, so stopping need not wait them out
    if (feedServer)
        feedServer->stop(); // first: a Pull under way asks the main server for its peers
    const rpc::ServerCounters c = server.counters();
    server.stop();
    out() << "stopped after " << server.executions() << " handler executions";
    if (auto *counterService = dynamic_cast<services::CounterService *>(service.get()))
        out() << ", counter total " << counterService->total();
    out() << '\n';
    // What the limits of a server on a hostile network did.
    out() << "datagrams read " << c.datagrams << " (" << c.damaged << " damaged, " << c.malformed
          << " malformed); addresses that echoed their token " << c.amplification.validated
          << "; held back from the others " << c.amplification.heldBack << " datagrams ("
          << c.amplification.heldBackBytes << " bytes, " << c.amplification.challenges << " challenges sent)"
          << "; senders over the per-address limit " << c.overAddressLimit << "; delayed sends dropped "
          << c.sendsDropped << "; raw echoes answered " << c.rawEchoes << " (" << c.rawEchoesOverRate
          << " over the rate cap)\n";
    out().flush();
    return ExitOk;
}

int runCall(const QStringList &args)
{
    const QString command = QStringLiteral("call");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Calls METHOD on the server at --to with ARGS and prints the result; exits 1 if the call fails.\n"
        "With --encoding proto, METHOD is a .proto method's wire name (package.Service/Method) and ARGS its "
        "request in protobuf text format, for example\n"
        "  call --to 127.0.0.1:7000 --encoding proto rpcscope.services.Counter/Add 'amount: 5'\n"
        "--list-methods lists the methods it knows.\n"
        "Control characters in what the server sends are printed as escapes (\\x1b); --json or "
        "--encoding hex give the text exactly."));
    parser.addHelpOption();
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("the server's address and port"),
                                QStringLiteral("HOST:PORT"));
    const QCommandLineOption encodingOption(
        QStringLiteral("encoding"),
        QStringLiteral("how ARGS and the result are written: text (UTF-8), int64 (a decimal number, "
                       "8 bytes big-endian on the wire, as the counter service uses), hex, or proto (protobuf "
                       "text format of METHOD's request and response types) [default: text]"),
        QStringLiteral("ENCODING"), QStringLiteral("text"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("print the outcome as one JSON object"));
    const QCommandLineOption listMethods(
        QStringLiteral("list-methods"),
        QStringLiteral("list the .proto methods --encoding proto can call, with their request and response "
                       "types, and exit"));
    const KeyOptions keyOptions;
    parser.addOptions({to, encodingOption, json, listMethods, keyOptions.key, keyOptions.keyFile});
    addSessionOptions(parser, {kEndOptions, kCallOptions}, {std::size(kEndOptions), std::size(kCallOptions)});
    parser.addPositionalArgument(QStringLiteral("METHOD"), QStringLiteral("the procedure to call"));
    parser.addPositionalArgument(QStringLiteral("ARGS"), QStringLiteral("its arguments"), QStringLiteral("[ARGS]"));
    if (!parser.parse(args))
        return usageError(QStringLiteral("%1: %2").arg(command, parser.errorText()));
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(listMethods)) {
        if (!positional.isEmpty())
            return usageError(QStringLiteral("%1: --list-methods takes no METHOD or ARGS").arg(command));
        printMethods(parser.isSet(json));
        return ExitOk;
    }
    if (positional.isEmpty() || positional.size() > 2)
        return usageError(QStringLiteral("%1: expected METHOD and at most one ARGS").arg(command));
    if (!parser.isSet(to))
        return usageError(QStringLiteral("%1: --to HOST:PORT is required").arg(command));
    rpc::HostPort where;
    if (QString e = rpc::parseHostPort(parser.value(to), false, where); !e.isEmpty())
        return usageError(QStringLiteral("%1: invalid value '%2' for --to: %3").arg(command, parser.value(to), e));
    const std::optional<Encoding> encoding = encodingFromName(parser.value(encodingOption));
    if (!encoding)
        return usageError(QStringLiteral("%1: invalid value '%2' for --encoding: expected one of text, int64, hex")
                              .arg(command, parser.value(encodingOption)));
    session::SessionConfig config = endDefaults();
    if (int code = applySessionOptions(parser, command, config); code >= 0)
        return code;

    const QString method = positional.at(0);
    const QString argText = positional.value(1);
    QByteArray callArgs;
    services::ProtoMethod protoMethod;
    switch (*encoding) {
    case Encoding::Text: callArgs = argText.toUtf8(); break;
    case Encoding::Int64: {
        bool ok = argText.isEmpty();
        const qint64 v = argText.isEmpty() ? 0 : argText.toLongLong(&ok);
        if (!ok)
            return usageError(QStringLiteral("%1: ARGS '%2' is not a whole number (--encoding int64)").arg(command, argText));
        callArgs = argText.isEmpty() ? QByteArray() : services::CounterService::encode(v);
        break;
    }
    case Encoding::Hex:
        callArgs = QByteArray::fromHex(argText.toLatin1());
        if (callArgs.toHex() != argText.toLatin1().toLower())
            return usageError(QStringLiteral("%1: ARGS '%2' is not hexadecimal (--encoding hex)").arg(command, argText));
        break;
    case Encoding::Proto: {
        protoMethod = services::ProtoMethod::find(method);
        if (!protoMethod.isValid())
            return usageError(QStringLiteral("%1: unknown method '%2': --encoding proto takes the wire name "
                                             "(package.Service/Method) of a unary method of a .proto service "
                                             "this program knows; 'call --list-methods' lists them")
                                  .arg(command, method));
        QString error;
        if (!protoMethod.encodeRequest(argText, callArgs, error))
            return usageError(QStringLiteral("%1: ARGS '%2' is not a %3 in text format: %4")
                                  .arg(command, argText, protoMethod.requestType(), error));
        break;
    }
    }

    QByteArray key;
    if (const std::optional<int> code = readKey(parser, keyOptions, command, key))
        return *code;
    rpc::ClientOptions options;
    options.serverAddress = where.address;
    options.serverPort = where.port;
    options.key = key;
    options.bindAddress = rpc::clientBindAddressFor(where.address);
    options.retry = config.retry;
    options.ackMode = config.ackMode;
    options.checksum = config.checksum;
    options.netem = config.toServer;
    options.seed = parser.isSet(QStringLiteral("seed")) ? config.seed : 0;
    rpc::RpcClient client(options);
    // Printed from the engine thread: this one waits in callBlocking().
    QObject::connect(&client, &rpc::RpcClient::notice, [](const QString &message) {
        err() << "rpcscope-cli call: " << message << '\n';
        err().flush();
    });
    QString error;
    if (!client.start(&error)) {
        err() << "rpcscope-cli call: " << error << '\n';
        err().flush();
        return ExitFailure;
    }
    const rpc::Reply reply = client.callBlocking(method, callArgs);
    client.stop();

    // How the call failed, when it did: on the wire, or (the server answered
    // OK) because the reply is not what the method returns.
    QString errorName;
    QString errorMessage;
    if (!reply.ok()) {
        errorName = trace::callErrorName(reply.error);
        errorMessage = reply.message;
    }
    QJsonValue result(QJsonValue::Undefined);
    if (reply.ok()) {
        switch (*encoding) {
        case Encoding::Text: result = QString::fromUtf8(reply.result); break;
        case Encoding::Int64: {
            const auto v = services::CounterService::decode(reply.result);
            result = v ? QString::number(*v) : QString::fromLatin1(reply.result.toHex());
            break;
        }
        case Encoding::Hex: result = QString::fromLatin1(reply.result.toHex()); break;
        case Encoding::Proto: {
            // The JSON mapping inside a JSON outcome; text format on its own.
            if (parser.isSet(json)) {
                if (const std::optional<QByteArray> object = protoMethod.responseJson(reply.result))
                    result = QJsonDocument::fromJson(*object).object();
            } else if (const std::optional<QString> text = protoMethod.responseText(reply.result)) {
                result = *text;
            }
            if (result.isUndefined()) {
                constexpr qsizetype kShown = 32; // bytes quoted in the message
                QString bytes = QString::fromLatin1(reply.result.left(kShown).toHex());
                if (reply.result.size() > kShown)
                    bytes += QStringLiteral("...");
                errorName = QStringLiteral("undecodable-reply");
                errorMessage = QStringLiteral("the reply to %1 (%2 bytes: %3) does not decode as %4")
                                   .arg(method, QString::number(reply.result.size()), bytes,
                                        protoMethod.responseType());
            }
            break;
        }
        }
    }
    const bool ok = errorName.isEmpty();
    if (parser.isSet(json)) {
        QJsonObject o{{QStringLiteral("ok"), ok},
                      {QStringLiteral("attempts"), reply.attempts},
                      {QStringLiteral("latency_ms"), double(reply.latency.count()) / 1000.0}};
        if (ok)
            o.insert(QStringLiteral("result"), result);
        else {
            o.insert(QStringLiteral("error"), errorName);
            o.insert(QStringLiteral("message"), errorMessage);
        }
        out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
    } else if (ok) {
        out() << terminalSafe(result.toString()) << '\n';
    }
    out().flush();
    if (!ok) {
        err() << "rpcscope-cli call: " << errorName << ": " << terminalSafe(errorMessage) << '\n';
        err().flush();
        return ExitFailure;
    }
    return ExitOk;
}

namespace {

// "16777216", "16M", "64K", "1G": bytes, the suffixes binary.
QString parseBytes(const QString &text, qint64 min, qint64 max, qint64 &out)
{
    QString digits = text.trimmed();
    qint64 unit = 1;
    if (!digits.isEmpty()) {
        switch (digits.back().toUpper().unicode()) {
        case u'K': unit = qint64(1) << 10; break;
        case u'M': unit = qint64(1) << 20; break;
        case u'G': unit = qint64(1) << 30; break;
        default: break;
        }
        if (unit != 1)
            digits.chop(1);
    }
    qint64 value = 0;
    if (QString e = session::parseWholeNumber(digits, 0, max / unit, value); !e.isEmpty())
        return QStringLiteral("expected a size from %1 to %2 bytes (K, M and G allowed)").arg(min).arg(max);
    value *= unit;
    if (value < min)
        return QStringLiteral("expected a size from %1 to %2 bytes (K, M and G allowed)").arg(min).arg(max);
    out = value;
    return {};
}

QString microseconds(double us)
{
    return us >= 1000 ? QStringLiteral("%1 ms").arg(us / 1000, 0, 'f', 2) : QStringLiteral("%1 µs").arg(us, 0, 'f', 1);
}

// 16777216 as "16 MiB", 65536 as "64 KiB", others in bytes.
QString bytesText(qint64 bytes)
{
    if (bytes >= (qint64(1) << 20) && bytes % (qint64(1) << 20) == 0)
        return QStringLiteral("%1 MiB").arg(bytes >> 20);
    if (bytes >= 1024 && bytes % 1024 == 0)
        return QStringLiteral("%1 KiB").arg(bytes >> 10);
    return QStringLiteral("%1 bytes").arg(bytes);
}

// The figures as a table: what was measured, p50 p90 p99 (or the rate),
// and how it compares with the floor.
void printMeasurement(const rpc::MeasureOptions &o, const rpc::Measurement &r)
{
    // Every value starts in one column: the percentiles, the rates, the goodput.
    constexpr int kLabel = 29, kCell = 11;
    const auto label = [](const QString &text) { return text.leftJustified(kLabel); };
    const auto cells = [&](const rpc::Percentiles &p) {
        return microseconds(p.p50).leftJustified(kCell) + microseconds(p.p90).leftJustified(kCell)
               + microseconds(p.p99).leftJustified(kCell);
    };
    const auto wide = [](const QString &text) { return text.leftJustified(3 * kCell); };
    out() << "server " << o.server() << ", wire version " << r.serverVersion
          << (o.key.isEmpty() ? "" : "; calls through DTLS, raw echoes in plain UDP") << '\n'
          << label({}) << QStringLiteral("p50").leftJustified(kCell) << QStringLiteral("p90").leftJustified(kCell)
          << "p99\n"
          << label(QStringLiteral("raw round trip (the floor)")) << cells(r.raw) << r.rawEchoes << " echoes, "
          << r.rawLost << " lost\n"
          << label(QStringLiteral("single call")) << cells(r.call) << QString::number(r.callRatio(), 'f', 2)
          << "× the floor\n"
          << label(QStringLiteral("pipelined calls, window %1").arg(o.window))
          << wide(QStringLiteral("%1 calls/s").arg(r.callsPerSecond, 0, 'f', 0))
          << QString::number(r.pipelinedRatio(), 'f', 2) << "× one raw round trip at a time\n"
          << label(QStringLiteral("goodput"))
          << wide(QStringLiteral("%1 MiB/s (%2 Mbit/s)")
                      .arg(r.goodputBytesPerSecond / (1024.0 * 1024.0), 0, 'f', 1)
                      .arg(r.goodputBytesPerSecond * 8 / 1e6, 0, 'f', 0))
          << QString::number(r.goodputBytesPerRawRoundTrip() / 1024.0, 'f', 1) << " KiB per raw round trip\n"
          << label({}) << bytesText(r.messageBytes) << " sent as " << o.chunkCount()
          << (o.chunkCount() == 1 ? " call of " : " calls of ") << bytesText(std::min(o.chunkBytes, o.messageBytes))
          << ", " << std::min<qint64>(o.chunkWindow, o.chunkCount()) << " in flight, in " << o.maxDatagram
          << "-byte datagrams; SHA-256 verified\n";
    out().flush();
}

} // namespace

int runBench(const QStringList &args)
{
    const QString command = QStringLiteral("bench");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Measures the server at --to (any rpcscope-cli serve) and prints, beside the raw round trip to it "
        "(a datagram the server's transport echoes at once, without the protocol: the floor under every "
        "call), the latency of single calls one at a time, pipelined calls per second, and the goodput of a "
        "large message sent in chunks and checked by SHA-256 at the server, each with its ratio to the floor. "
        "Between two machines this is the chapter's homework question 7; the floor says what to expect."));
    parser.addHelpOption();
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("the server's address and port"),
                                QStringLiteral("HOST:PORT"));
    const QCommandLineOption calls(QStringLiteral("calls"),
                                   QStringLiteral("raw echoes, and single calls, to time [default: 1000]"),
                                   QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption window(
        QStringLiteral("window"),
        QStringLiteral("pipelined calls in flight, at most %1 (a server runs no more of one client's calls at once) "
                       "[default: 32]")
            .arg(rpc::MeasureOptions::kMaxWindow),
        QStringLiteral("W"), QStringLiteral("32"));
    const QCommandLineOption pipelined(QStringLiteral("pipelined-calls"),
                                       QStringLiteral("pipelined calls to make [default: 20000]"), QStringLiteral("M"),
                                       QStringLiteral("20000"));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QStringLiteral("bytes sent for the goodput, in chunks [default: 16M]"),
                                  QStringLiteral("BYTES"), QStringLiteral("16M"));
    const QCommandLineOption chunk(QStringLiteral("chunk"),
                                   QStringLiteral("bytes per call of the goodput, four in flight [default: 1M]"),
                                   QStringLiteral("BYTES"), QStringLiteral("1M"));
    const QCommandLineOption datagram(QStringLiteral("datagram"),
                                      QStringLiteral("largest datagram this end sends; chunks go in fragments of it "
                                                     "[default: 1400]"),
                                      QStringLiteral("D"), QStringLiteral("1400"));
    const QCommandLineOption timeout(QStringLiteral("timeout-ms"),
                                     QStringLiteral("how long to wait for the first answer before saying nobody is "
                                                    "there [default: 2000]"),
                                     QStringLiteral("MS"), QStringLiteral("2000"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("print the figures, and the settings they were measured with, as "
                                                 "one JSON object"));
    const KeyOptions keyOptions;
    parser.addOptions({to, calls, window, pipelined, size, chunk, datagram, timeout, json, keyOptions.key,
                       keyOptions.keyFile});
    if (!parser.parse(args))
        return usageError(QStringLiteral("%1: %2").arg(command, parser.errorText()));
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("%1: unexpected argument '%2'").arg(command, parser.positionalArguments().first()));
    if (!parser.isSet(to))
        return usageError(QStringLiteral("%1: --to HOST:PORT is required").arg(command));
    rpc::HostPort where;
    if (QString e = rpc::parseHostPort(parser.value(to), false, where); !e.isEmpty())
        return usageError(QStringLiteral("%1: invalid value '%2' for --to: %3").arg(command, parser.value(to), e));

    rpc::MeasureOptions o;
    o.address = where.address;
    o.port = where.port;
    const auto number = [&](const QCommandLineOption &option, qint64 min, qint64 max, qint64 &value) {
        QString e = session::parseWholeNumber(parser.value(option), min, max, value);
        return e.isEmpty() ? e
                           : QStringLiteral("%1: invalid value '%2' for --%3: %4")
                                 .arg(command, parser.value(option), option.names().constFirst(), e);
    };
    const auto bytes = [&](const QCommandLineOption &option, qint64 min, qint64 max, qint64 &value) {
        QString e = parseBytes(parser.value(option), min, max, value);
        return e.isEmpty() ? e
                           : QStringLiteral("%1: invalid value '%2' for --%3: %4")
                                 .arg(command, parser.value(option), option.names().constFirst(), e);
    };
    qint64 n = 0, w = 0, m = 0, d = 0, ms = 0;
    for (const QString &e : {number(calls, 1, 1'000'000, n), number(window, 1, rpc::MeasureOptions::kMaxWindow, w),
                             number(pipelined, 1, 100'000'000, m),
                             number(datagram, wire::kMinMaxDatagram, wire::kMaxDatagramSize, d),
                             number(timeout, 1, 3'600'000, ms), bytes(size, 1, qint64(1) << 40, o.messageBytes),
                             bytes(chunk, 1, core::kDefaultMaxMessageBytes - 64, o.chunkBytes)})
        if (!e.isEmpty())
            return usageError(e);
    if (o.chunkCount() > rpc::MeasureOptions::kMaxChunks)
        return usageError(QStringLiteral("%1: --size %2 in --chunk %3 is %4 calls; at most %5: give a larger --chunk")
                              .arg(command, parser.value(size), parser.value(chunk))
                              .arg(o.chunkCount())
                              .arg(rpc::MeasureOptions::kMaxChunks));
    o.calls = int(n);
    o.window = int(w);
    o.pipelinedCalls = int(m);
    o.maxDatagram = qsizetype(d);
    o.timeout = core::Duration(ms * 1000);
    if (const std::optional<int> code = readKey(parser, keyOptions, command, o.key))
        return *code;

    // On a terminal only: a script reading stderr wants the error alone.
    const bool progress = !parser.isSet(json) && stderrIsTerminal();
    const rpc::Measurement r = rpc::measure(o, [&](const QString &stage, double done) {
        if (!progress)
            return;
        err() << "\r" << stage << ' ' << int(done * 100) << " %   ";
        err().flush();
    });
    if (progress) {
        err() << "\r" << QString(40, u' ') << "\r";
        err().flush();
    }
    if (parser.isSet(json)) {
        QJsonObject object = r.toJson();
        object.insert(QStringLiteral("settings"), o.toJson());
        out() << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
        out().flush();
    }
    if (!r.ok()) {
        err() << "rpcscope-cli bench: " << r.error << '\n';
        err().flush();
        return ExitFailure;
    }
    if (!parser.isSet(json))
        printMeasurement(o, r);
    return ExitOk;
}

} // namespace rpcscope::cli
