#include "netcommands.h"

#include "clicommand.h"
#include "rpc/rpcclient.h"
#include "rpc/rpcserver.h"
#include "services/counterservice.h"
#include "services/timedservice.h"
#include "session/sessionoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <atomic>
#include <csignal>

namespace rpcscope::cli {

namespace {

struct HostPort
{
    QHostAddress address;
    quint16 port = 0;
};

// "127.0.0.1:7000", "[::1]:7000", "localhost:7000". Empty error on success.
QString parseHostPort(const QString &text, bool allowPortZero, HostPort &out)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return QStringLiteral("expected HOST:PORT");
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535 || (port == 0 && !allowPortZero))
        return QStringLiteral("the port must be a number from %1 to 65535").arg(allowPortZero ? 0 : 1);
    QHostAddress address(host);
    if (address.isNull()) {
        const QHostInfo info = QHostInfo::fromName(host);
        if (info.addresses().isEmpty())
            return QStringLiteral("cannot resolve host '%1'").arg(host);
        address = info.addresses().constFirst();
    }
    out = {address, quint16(port)};
    return {};
}

// The protocol options serve and call share with the session commands, by
// the same names; only these make sense on one end.
const char *const kEndOptions[] = {"ack-mode", "checksum", "loss", "delay-ms", "jitter-ms", "dup",
                                   "reorder", "corrupt", "seed"};
const char *const kCallOptions[] = {"timeout-ms", "backoff", "backoff-factor", "max-timeout-ms",
                                    "max-attempts", "deadline-ms"};

void addSessionOptions(QCommandLineParser &parser, std::initializer_list<const char *const *> groups,
                       std::initializer_list<std::size_t> sizes)
{
    auto size = sizes.begin();
    for (const char *const *group : groups) {
        for (std::size_t i = 0; i < *size; ++i) {
            const session::SessionOption *o = session::findSessionOption(QString::fromLatin1(group[i]));
            parser.addOption(QCommandLineOption(QString::fromLatin1(o->name),
                                                QStringLiteral("%1 [default: %2]")
                                                    .arg(QString::fromLatin1(o->description),
                                                         o->current(session::SessionConfig{})),
                                                QString::fromLatin1(o->valueName)));
        }
        ++size;
    }
}

int applySessionOptions(const QCommandLineParser &parser, const QString &command, session::SessionConfig &config)
{
    for (const session::SessionOption &o : session::sessionOptions()) {
        const QString name = QString::fromLatin1(o.name);
        if (!parser.optionNames().contains(name))
            continue;
        const QString value = parser.value(name);
        if (QString e = o.apply(config, value); !e.isEmpty())
            return usageError(QStringLiteral("%1: invalid value '%2' for --%3: %4").arg(command, value, name, e));
    }
    return -1;
}

std::atomic<int> g_stopSignal{0};

extern "C" void onStopSignal(int signal)
{
    g_stopSignal.store(signal);
}

enum class Encoding { Text, Int64, Hex };

std::optional<Encoding> encodingFromName(const QString &name)
{
    if (name == u"text")
        return Encoding::Text;
    if (name == u"int64")
        return Encoding::Int64;
    if (name == u"hex")
        return Encoding::Hex;
    return std::nullopt;
}

} // namespace

int runServe(const QStringList &args)
{
    const QString command = QStringLiteral("serve");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Serves a service over UDP with at-most-once semantics until interrupted (Ctrl+C, SIGTERM) "
        "or --max-seconds pass. Prints the address it listens on."));
    parser.addHelpOption();
    const QCommandLineOption bind(QStringLiteral("bind"),
                                  QStringLiteral("address and port to listen on; port 0 picks a free one "
                                                 "[default: 127.0.0.1:0]"),
                                  QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:0"));
    const QCommandLineOption serviceOption(QStringLiteral("service"),
                                           QStringLiteral("service to offer (echo, counter) [default: echo]"),
                                           QStringLiteral("NAME"), QStringLiteral("echo"));
    const QCommandLineOption handlerMs(QStringLiteral("handler-ms"),
                                       QStringLiteral("time each handler takes [default: 0]"),
                                       QStringLiteral("MS"), QStringLiteral("0"));
    const QCommandLineOption maxSeconds(QStringLiteral("max-seconds"),
                                        QStringLiteral("stop after this many seconds [default: run until stopped]"),
                                        QStringLiteral("S"));
    parser.addOptions({bind, serviceOption, handlerMs, maxSeconds});
    addSessionOptions(parser, {kEndOptions}, {std::size(kEndOptions)});
    if (!parser.parse(args))
        return usageError(QStringLiteral("%1: %2").arg(command, parser.errorText()));
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("%1: unexpected argument '%2'").arg(command, parser.positionalArguments().constFirst()));

    HostPort where;
    if (QString e = parseHostPort(parser.value(bind), true, where); !e.isEmpty())
        return usageError(QStringLiteral("%1: invalid value '%2' for --bind: %3").arg(command, parser.value(bind), e));
    session::SessionConfig config;
    config.toClient.delay = core::Duration(0);
    if (QString e = session::findSessionOption(u"service")->apply(config, parser.value(serviceOption)); !e.isEmpty())
        return usageError(QStringLiteral("%1: invalid value '%2' for --service: %3").arg(command, parser.value(serviceOption), e));
    if (QString e = session::findSessionOption(u"handler-ms")->apply(config, parser.value(handlerMs)); !e.isEmpty())
        return usageError(QStringLiteral("%1: invalid value '%2' for --handler-ms: %3").arg(command, parser.value(handlerMs), e));
    double seconds = 0;
    if (parser.isSet(maxSeconds)) {
        bool ok = false;
        seconds = parser.value(maxSeconds).toDouble(&ok);
        if (!ok || seconds <= 0)
            return usageError(QStringLiteral("%1: invalid value '%2' for --max-seconds: expected a positive number")
                                  .arg(command, parser.value(maxSeconds)));
    }
    session::SessionConfig parsed = config;
    parsed.toClient = session::SessionConfig::defaultNetem();
    parsed.toClient.delay = core::Duration(0);
    if (int code = applySessionOptions(parser, command, parsed); code >= 0)
        return code;

    std::shared_ptr<services::Service> service = services::makeService(config.service);
    rpc::ServerOptions options;
    options.bindAddress = where.address;
    options.port = where.port;
    options.ackMode = parsed.ackMode;
    options.checksum = parsed.checksum;
    // The network options given here shape what this server sends.
    options.netem = parsed.toServer;
    if (!parser.isSet(QStringLiteral("delay-ms")))
        options.netem.delay = core::Duration(0);
    options.seed = parser.isSet(QStringLiteral("seed")) ? parsed.seed : 0;
    rpc::RpcServer server(options);
    server.setService(std::make_shared<services::TimedService>(service, config.handlerTime));
    QString error;
    if (!server.start(&error)) {
        err() << "rpcscope-cli serve: " << error << '\n';
        err().flush();
        return ExitFailure;
    }
    out() << "serving " << service->name() << " on " << server.address().toString() << ':' << server.port()
          << " (epoch " << server.epoch() << ")\n";
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
        QTimer::singleShot(std::chrono::milliseconds(qint64(seconds * 1000)), [] { QCoreApplication::quit(); });
    QCoreApplication::exec();
    server.stop();
    out() << "stopped after " << server.executions() << " handler executions";
    if (auto *counter = dynamic_cast<services::CounterService *>(service.get()))
        out() << ", counter total " << counter->total();
    out() << '\n';
    out().flush();
    return ExitOk;
}

int runCall(const QStringList &args)
{
    const QString command = QStringLiteral("call");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Calls METHOD on the server at --to with ARGS and prints the result; exits 1 if the call fails."));
    parser.addHelpOption();
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("the server's address and port"),
                                QStringLiteral("HOST:PORT"));
    const QCommandLineOption encodingOption(
        QStringLiteral("encoding"),
        QStringLiteral("how ARGS and the result are written: text (UTF-8), int64 (a decimal number, "
                       "8 bytes big-endian on the wire, as the counter service uses) or hex [default: text]"),
        QStringLiteral("ENCODING"), QStringLiteral("text"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("print the outcome as one JSON object"));
    parser.addOptions({to, encodingOption, json});
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
    if (positional.isEmpty() || positional.size() > 2)
        return usageError(QStringLiteral("%1: expected METHOD and at most one ARGS").arg(command));
    if (!parser.isSet(to))
        return usageError(QStringLiteral("%1: --to HOST:PORT is required").arg(command));
    HostPort where;
    if (QString e = parseHostPort(parser.value(to), false, where); !e.isEmpty())
        return usageError(QStringLiteral("%1: invalid value '%2' for --to: %3").arg(command, parser.value(to), e));
    const std::optional<Encoding> encoding = encodingFromName(parser.value(encodingOption));
    if (!encoding)
        return usageError(QStringLiteral("%1: invalid value '%2' for --encoding: expected one of text, int64, hex")
                              .arg(command, parser.value(encodingOption)));
    session::SessionConfig config;
    config.toServer.delay = core::Duration(0);
    if (int code = applySessionOptions(parser, command, config); code >= 0)
        return code;

    const QString argText = positional.value(1);
    QByteArray callArgs;
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
    }

    rpc::ClientOptions options;
    options.serverAddress = where.address;
    options.serverPort = where.port;
    if (where.address != QHostAddress::LocalHost && where.address != QHostAddress::LocalHostIPv6)
        options.bindAddress = where.address.protocol() == QAbstractSocket::IPv6Protocol
                                  ? QHostAddress(QHostAddress::AnyIPv6)
                                  : QHostAddress(QHostAddress::AnyIPv4);
    options.retry = config.retry;
    options.ackMode = config.ackMode;
    options.checksum = config.checksum;
    options.netem = config.toServer;
    options.seed = parser.isSet(QStringLiteral("seed")) ? config.seed : 0;
    rpc::RpcClient client(options);
    QString error;
    if (!client.start(&error)) {
        err() << "rpcscope-cli call: " << error << '\n';
        err().flush();
        return ExitFailure;
    }
    const rpc::Reply reply = client.callBlocking(positional.at(0), callArgs);
    client.stop();

    QString result;
    if (reply.ok()) {
        switch (*encoding) {
        case Encoding::Text: result = QString::fromUtf8(reply.result); break;
        case Encoding::Int64: {
            const auto v = services::CounterService::decode(reply.result);
            result = v ? QString::number(*v) : QString::fromLatin1(reply.result.toHex());
            break;
        }
        case Encoding::Hex: result = QString::fromLatin1(reply.result.toHex()); break;
        }
    }
    if (parser.isSet(json)) {
        QJsonObject o{{QStringLiteral("ok"), reply.ok()},
                      {QStringLiteral("attempts"), reply.attempts},
                      {QStringLiteral("latency_ms"), double(reply.latency.count()) / 1000.0}};
        if (reply.ok())
            o.insert(QStringLiteral("result"), result);
        else {
            o.insert(QStringLiteral("error"), trace::callErrorName(reply.error));
            o.insert(QStringLiteral("message"), reply.message);
        }
        out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
    } else if (reply.ok()) {
        out() << result << '\n';
    }
    out().flush();
    if (!reply.ok()) {
        err() << "rpcscope-cli call: " << trace::callErrorName(reply.error) << ": " << reply.message << '\n';
        err().flush();
        return ExitFailure;
    }
    return ExitOk;
}

} // namespace rpcscope::cli
