#include "sessionoptions.h"

#include "scenario.h"
#include "services/registry.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

namespace rpcscope::session {

namespace {

using core::Duration;

// Ten digits read well; a value they do not carry exactly gets as many as
// it needs, so that apply(current()) gives back the very value it read.
QString number(double value)
{
    const QString shown = QString::number(value, 'g', 10);
    if (shown.toDouble() == value || !std::isfinite(value))
        return shown;
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

} // namespace

QString parseWholeNumber(const QString &text, qint64 min, qint64 max, qint64 &out)
{
    bool ok = false;
    const qlonglong v = text.toLongLong(&ok); // fails rather than wraps past 64 bits
    if (!ok || v < min || v > max)
        return QStringLiteral("expected a whole number from %1 to %2").arg(min).arg(max);
    out = v;
    return {};
}

QString parseNumber(const QString &text, double min, double max, double &out)
{
    bool ok = false;
    const double v = text.toDouble(&ok); // takes "inf" and "nan" too: isfinite refuses them
    if (!ok || !std::isfinite(v) || v < min || v > max)
        return QStringLiteral("expected a number from %1 to %2").arg(number(min), number(max));
    out = v;
    return {};
}

namespace {

QString milliseconds(Duration d)
{
    return number(double(d.count()) / 1000.0);
}

// Each parser returns the error text, or empty on success.
QString parseInt(const QString &text, int min, int max, int &out)
{
    qint64 v = 0;
    if (QString e = parseWholeNumber(text, min, max, v); !e.isEmpty())
        return e;
    out = int(v);
    return {};
}

QString parseProbability(const QString &text, double &out)
{
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < 0.0 || v > 1.0)
        return QStringLiteral("expected a probability from 0 to 1");
    out = v;
    return {};
}

// Milliseconds, fractions allowed, stored in microseconds.
QString parseMs(const QString &text, double min, double max, Duration &out)
{
    double v = 0;
    if (QString e = parseNumber(text, min, max, v); !e.isEmpty())
        return QStringLiteral("expected milliseconds from %1 to %2").arg(number(min), number(max));
    out = Duration(std::llround(v * 1000.0));
    return {};
}

template <typename T>
QString choice(std::optional<T> parsed, const QStringList &names, T &out)
{
    if (!parsed)
        return QStringLiteral("expected one of %1").arg(names.join(QStringLiteral(", ")));
    out = *parsed;
    return {};
}

constexpr double kMaxMs = 24 * 3600 * 1000.0;

const SessionOption kOptions[] = {
    {"scenario", "NAME",
     QT_TRANSLATE_NOOP("SessionOption", "scenario to run (message-ack, dropped-request, dropped-reply, long-call, server-restart, corruption, "
     "lossy, many-clients, fragmentation, file-transfer, overload, ordered)"),
     [](SessionConfig &c, const QString &v) -> QString {
         if (!findScenario(v)) {
             QStringList names;
             for (const Scenario &s : scenarios())
                 names << s.name;
             return QStringLiteral("expected one of %1").arg(names.join(QStringLiteral(", ")));
         }
         c.scenario = v;
         return {};
     },
     [](const SessionConfig &c) { return c.scenario; }},
    {"seed", "N", QT_TRANSLATE_NOOP("SessionOption", "seed for every random choice; the same seed gives the same run"),
     [](SessionConfig &c, const QString &v) -> QString {
         bool ok = false;
         const qulonglong s = v.toULongLong(&ok);
         if (!ok)
             return QStringLiteral("expected a whole number from 0 to %1")
                 .arg(std::numeric_limits<quint64>::max());
         c.seed = s;
         return {};
     },
     [](const SessionConfig &c) { return QString::number(c.seed); }},
    {"calls", "N", QT_TRANSLATE_NOOP("SessionOption", "calls to make, shared out among the clients"),
     [](SessionConfig &c, const QString &v) { return parseInt(v, 0, 100'000'000, c.calls); },
     [](const SessionConfig &c) { return QString::number(c.calls); }},
    {"clients", "N", QT_TRANSLATE_NOOP("SessionOption", "clients calling the one server"),
     [](SessionConfig &c, const QString &v) { return parseInt(v, 1, 10'000, c.clients); },
     [](const SessionConfig &c) { return QString::number(c.clients); }},
    {"window", "N", QT_TRANSLATE_NOOP("SessionOption", "calls each client keeps in flight at once"),
     [](SessionConfig &c, const QString &v) { return parseInt(v, 1, 4096, c.window); },
     [](const SessionConfig &c) { return QString::number(c.window); }},
    {"call-rate", "PER_S",
     QT_TRANSLATE_NOOP("SessionOption", "calls each client starts per second, as Poisson arrivals (simulation); 0: a new call as soon as one ends"),
     [](SessionConfig &c, const QString &v) { return parseNumber(v, 0, 1'000'000, c.callRate); },
     [](const SessionConfig &c) { return number(c.callRate); }},
    {"service", "NAME", QT_TRANSLATE_NOOP("SessionOption", "service the server offers (echo, counter, file, slowjob)"),
     [](SessionConfig &c, const QString &v) -> QString {
         if (!services::serviceNames().contains(v))
             return QStringLiteral("expected one of %1").arg(services::serviceNames().join(QStringLiteral(", ")));
         c.service = v;
         return {};
     },
     [](const SessionConfig &c) { return c.service; }},
    {"handler-ms", "MS", QT_TRANSLATE_NOOP("SessionOption", "time the server's handler takes per call"),
     [](SessionConfig &c, const QString &v) { return parseMs(v, 0, kMaxMs, c.handlerTime); },
     [](const SessionConfig &c) { return milliseconds(c.handlerTime); }},
    {"arg-bytes", "N", QT_TRANSLATE_NOOP("SessionOption", "size of each call's arguments (echo, file); larger than a datagram: fragments"),
     [](SessionConfig &c, const QString &v) { return parseInt(v, 0, 4 * 1024 * 1024, c.argBytes); },
     [](const SessionConfig &c) { return QString::number(c.argBytes); }},
    {"loss", "P", QT_TRANSLATE_NOOP("SessionOption", "chance each datagram is lost, each way (0 to 1)"),
     [](SessionConfig &c, const QString &v) {
         QString e = parseProbability(v, c.toServer.loss);
         c.toClient.loss = c.toServer.loss;
         return e;
     },
     [](const SessionConfig &c) { return number(c.toServer.loss); }},
    {"loss-model", "MODEL", QT_TRANSLATE_NOOP("SessionOption", "how losses are spread: bernoulli (independent) or gilbert (bursts)"),
     [](SessionConfig &c, const QString &v) {
         QString e = choice(netem::lossModelFromName(v), netem::lossModelNames(), c.toServer.lossModel);
         c.toClient.lossModel = c.toServer.lossModel;
         return e;
     },
     [](const SessionConfig &c) { return netem::lossModelName(c.toServer.lossModel); }},
    {"delay-ms", "MS", QT_TRANSLATE_NOOP("SessionOption", "one-way network delay"),
     [](SessionConfig &c, const QString &v) {
         QString e = parseMs(v, 0, kMaxMs, c.toServer.delay);
         c.toClient.delay = c.toServer.delay;
         return e;
     },
     [](const SessionConfig &c) { return milliseconds(c.toServer.delay); }},
    {"jitter-ms", "MS", QT_TRANSLATE_NOOP("SessionOption", "delay varies by up to this much either way"),
     [](SessionConfig &c, const QString &v) {
         QString e = parseMs(v, 0, kMaxMs, c.toServer.jitter);
         c.toClient.jitter = c.toServer.jitter;
         return e;
     },
     [](const SessionConfig &c) { return milliseconds(c.toServer.jitter); }},
    {"dup", "P", QT_TRANSLATE_NOOP("SessionOption", "chance a datagram is delivered twice (0 to 1)"),
     [](SessionConfig &c, const QString &v) {
         QString e = parseProbability(v, c.toServer.duplicate);
         c.toClient.duplicate = c.toServer.duplicate;
         return e;
     },
     [](const SessionConfig &c) { return number(c.toServer.duplicate); }},
    {"reorder", "P", QT_TRANSLATE_NOOP("SessionOption", "chance a datagram is held back so later ones overtake it (0 to 1)"),
     [](SessionConfig &c, const QString &v) {
         QString e = parseProbability(v, c.toServer.reorder);
         c.toClient.reorder = c.toServer.reorder;
         return e;
     },
     [](const SessionConfig &c) { return number(c.toServer.reorder); }},
    {"corrupt", "P", QT_TRANSLATE_NOOP("SessionOption", "chance a datagram's bytes are damaged (0 to 1)"),
     [](SessionConfig &c, const QString &v) {
         QString e = parseProbability(v, c.toServer.corrupt);
         c.toClient.corrupt = c.toServer.corrupt;
         return e;
     },
     [](const SessionConfig &c) { return number(c.toServer.corrupt); }},
    {"rate-kbps", "KBPS", QT_TRANSLATE_NOOP("SessionOption", "link rate each way in kilobits per second; 0 for unlimited"),
     [](SessionConfig &c, const QString &v) {
         QString e = parseNumber(v, 0, 100'000'000, c.toServer.rateKbps);
         c.toClient.rateKbps = c.toServer.rateKbps;
         return e;
     },
     [](const SessionConfig &c) { return number(c.toServer.rateKbps); }},
    {"timeout-ms", "MS", QT_TRANSLATE_NOOP("SessionOption", "first retransmission timeout (adaptive: until the first RTT sample)"),
     [](SessionConfig &c, const QString &v) { return parseMs(v, 0.001, kMaxMs, c.retry.timeout); },
     [](const SessionConfig &c) { return milliseconds(c.retry.timeout); }},
    {"backoff", "POLICY",
     QT_TRANSLATE_NOOP("SessionOption", "fixed, exponential, full-jitter, equal-jitter, decorrelated-jitter or adaptive"),
     [](SessionConfig &c, const QString &v) {
         return choice(core::backoffFromName(v), core::backoffNames(), c.retry.backoff);
     },
     [](const SessionConfig &c) { return core::backoffName(c.retry.backoff); }},
    {"backoff-factor", "X", QT_TRANSLATE_NOOP("SessionOption", "growth of the timeout per attempt"),
     [](SessionConfig &c, const QString &v) { return parseNumber(v, 1.0, 100.0, c.retry.factor); },
     [](const SessionConfig &c) { return number(c.retry.factor); }},
    {"max-timeout-ms", "MS", QT_TRANSLATE_NOOP("SessionOption", "cap on any single timeout"),
     [](SessionConfig &c, const QString &v) { return parseMs(v, 0.001, kMaxMs, c.retry.maxTimeout); },
     [](const SessionConfig &c) { return milliseconds(c.retry.maxTimeout); }},
    {"max-attempts", "N", QT_TRANSLATE_NOOP("SessionOption", "sends of a request before the call fails; 0: no limit, only the deadline ends a call"),
     [](SessionConfig &c, const QString &v) { return parseInt(v, 0, 10'000, c.retry.maxAttempts); },
     [](const SessionConfig &c) { return QString::number(c.retry.maxAttempts); }},
    {"deadline-ms", "MS", QT_TRANSLATE_NOOP("SessionOption", "time a call may take in all before it fails"),
     [](SessionConfig &c, const QString &v) { return parseMs(v, 0.001, kMaxMs, c.retry.deadline); },
     [](const SessionConfig &c) { return milliseconds(c.retry.deadline); }},
    {"ack-mode", "MODE", QT_TRANSLATE_NOOP("SessionOption", "explicit (ack every request and reply) or implicit (the reply is the ack)"),
     [](SessionConfig &c, const QString &v) {
         return choice(core::ackModeFromName(v), core::ackModeNames(), c.ackMode);
     },
     [](const SessionConfig &c) { return core::ackModeName(c.ackMode); }},
    {"ack-delay-ms", "MS", QT_TRANSLATE_NOOP("SessionOption", "implicit mode: the server says 'working' if no reply is ready by then"),
     [](SessionConfig &c, const QString &v) { return parseMs(v, 0, kMaxMs, c.ackDelay); },
     [](const SessionConfig &c) { return milliseconds(c.ackDelay); }},
    {"checksum", "KIND", QT_TRANSLATE_NOOP("SessionOption", "none, sum, xor, fletcher16 or crc32c"),
     [](SessionConfig &c, const QString &v) {
         return choice(wire::checksumFromName(v), wire::checksumNames(), c.checksum);
     },
     [](const SessionConfig &c) { return wire::checksumName(c.checksum); }},
    {"max-datagram", "BYTES", QT_TRANSLATE_NOOP("SessionOption", "largest datagram sent; larger messages are split into fragments"),
     [](SessionConfig &c, const QString &v) {
         int bytes = 0;
         QString e = parseInt(v, int(wire::kMinMaxDatagram), int(wire::kMaxDatagramSize), bytes);
         if (e.isEmpty())
             c.maxDatagram = bytes;
         return e;
     },
     [](const SessionConfig &c) { return QString::number(c.maxDatagram); }},
    {"max-message", "BYTES", QT_TRANSLATE_NOOP("SessionOption", "largest request or reply either end reassembles from fragments"),
     [](SessionConfig &c, const QString &v) {
         int bytes = 0;
         QString e = parseInt(v, 1024, 256 * 1024 * 1024, bytes);
         if (e.isEmpty())
             c.limits.maxMessageBytes = bytes;
         return e;
     },
     [](const SessionConfig &c) { return QString::number(c.limits.maxMessageBytes); }},
    // New options go last: a parameter change names its option by its index here.
    {"server-rate", "PER_S",
     QT_TRANSLATE_NOOP("SessionOption", "datagrams per second the server can take in (simulation); 0 for no limit"),
     [](SessionConfig &c, const QString &v) { return parseNumber(v, 0, 10'000'000, c.serverRate); },
     [](const SessionConfig &c) { return number(c.serverRate); }},
    {"server-queue", "N",
     QT_TRANSLATE_NOOP("SessionOption", "datagrams waiting for a busy server (simulation); more are lost"),
     [](SessionConfig &c, const QString &v) { return parseInt(v, 1, 1'000'000, c.serverQueue); },
     [](const SessionConfig &c) { return QString::number(c.serverQueue); }},
    {"delivery", "ORDER",
     QT_TRANSLATE_NOOP("SessionOption", "any (the server runs calls as they arrive) or ordered (each client's calls run one at a time in call-id order; --ordered for short)"),
     [](SessionConfig &c, const QString &v) -> QString {
         if (!optionChoices(u"delivery").contains(v))
             return QStringLiteral("expected one of %1").arg(optionChoices(u"delivery").join(QStringLiteral(", ")));
         c.ordered = v == u"ordered";
         return {};
     },
     [](const SessionConfig &c) { return c.ordered ? QStringLiteral("ordered") : QStringLiteral("any"); }},
};

} // namespace

std::span<const SessionOption> sessionOptions()
{
    return kOptions;
}

QStringList optionChoices(QStringView option)
{
    if (option == u"backoff")
        return core::backoffNames();
    if (option == u"ack-mode")
        return core::ackModeNames();
    if (option == u"delivery")
        return {QStringLiteral("any"), QStringLiteral("ordered")};
    if (option == u"loss-model")
        return netem::lossModelNames();
    if (option == u"checksum")
        return wire::checksumNames();
    return {};
}

std::uint32_t encodeOptionValue(const SessionOption &option, const SessionConfig &config)
{
    const QString text = option.current(config);
    const QStringList choices = optionChoices(QString::fromLatin1(option.name));
    if (!choices.isEmpty())
        return std::uint32_t(std::max<qsizetype>(0, choices.indexOf(text)) * 1000);
    bool ok = false;
    const double v = text.toDouble(&ok);
    return ok ? std::uint32_t(std::clamp(std::llround(v * 1000.0), 0LL, 0xFFFFFFFFLL)) : 0;
}

std::pair<QString, QString> paramChangeParts(std::uint32_t optionIndex, std::uint32_t value)
{
    if (optionIndex >= sessionOptions().size())
        return {};
    const SessionOption &option = sessionOptions()[optionIndex];
    const QStringList choices = optionChoices(QString::fromLatin1(option.name));
    const QString shown = choices.isEmpty() ? number(double(value) / 1000.0) : choices.value(int(value / 1000));
    return {QString::fromLatin1(option.name), shown};
}

QString describeParamChange(std::uint32_t optionIndex, std::uint32_t value)
{
    const auto [name, shown] = paramChangeParts(optionIndex, value);
    if (name.isEmpty())
        return QStringLiteral("?");
    return QStringLiteral("%1 → %2").arg(name, shown);
}

QString checkSessionConfig(const SessionConfig &config)
{
    // The network options set both directions and read back the client to
    // server one; the other is checked through a copy that holds it there.
    SessionConfig serverToClient = config;
    serverToClient.toServer = config.toClient;
    const std::pair<const SessionConfig *, QString> sides[] = {
        {&config, QString()}, {&serverToClient, QStringLiteral(" (server to client)")}};
    for (const SessionOption &o : kOptions) {
        if (QLatin1StringView(o.name) == "scenario")
            continue;
        for (const auto &[side, which] : sides) {
            SessionConfig probe = *side;
            const QString value = o.current(*side);
            if (QString e = o.apply(probe, value); !e.isEmpty())
                return QStringLiteral("%1%2 '%3': %4").arg(QLatin1StringView(o.name), which, value, e);
        }
    }
    return {};
}

const SessionOption *findSessionOption(QStringView name)
{
    for (const SessionOption &o : kOptions)
        if (name == QLatin1StringView(o.name))
            return &o;
    return nullptr;
}

} // namespace rpcscope::session
