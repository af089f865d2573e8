#include "settingchange.h"

#include "sessionoptions.h"

#include <algorithm>

namespace rpcscope::session {

bool isNetworkOption(QStringView option)
{
    static constexpr std::u16string_view options[] = {u"loss",   u"loss-model", u"delay-ms", u"jitter-ms",
                                                      u"dup",    u"reorder",    u"corrupt",  u"rate-kbps"};
    return std::ranges::find(options, std::u16string_view(option.utf16(), std::size_t(option.size())))
           != std::end(options);
}

bool isRetryOption(QStringView option)
{
    static constexpr std::u16string_view options[] = {u"timeout-ms",     u"backoff",      u"backoff-factor",
                                                      u"max-timeout-ms", u"max-attempts", u"deadline-ms"};
    return std::ranges::find(options, std::u16string_view(option.utf16(), std::size_t(option.size())))
           != std::end(options);
}

trace::Event paramChangeEvent(QStringView option, const SessionConfig &config, core::TimePoint now)
{
    trace::Event e;
    e.timeUs = now.count();
    e.kind = trace::EventKind::ParamChange;
    const auto options = sessionOptions();
    for (std::size_t i = 0; i < options.size(); ++i) {
        if (option == QLatin1StringView(options[i].name)) {
            e.detail = std::uint32_t(i);
            e.size = encodeOptionValue(options[i], config);
        }
    }
    return e;
}

bool changesLive(QStringView option, const SessionConfig &before, const SessionConfig &after)
{
    // What the simulated engine can switch between two datagrams. A closed
    // loop (call rate 0) has no arrivals to re-time, so it stays closed.
    static constexpr std::u16string_view simulationLive[] = {u"handler-ms", u"ack-mode",    u"checksum",
                                                             u"window",     u"server-rate", u"server-queue"};
    if (option == u"call-rate")
        return before.callRate > 0 && after.callRate > 0;
    return isNetworkOption(option) || isRetryOption(option)
           || std::ranges::find(simulationLive, std::u16string_view(option.utf16(), std::size_t(option.size())))
                  != std::end(simulationLive);
}

QString parseSetting(const QString &text, QString &option, QString &value)
{
    const qsizetype eq = text.indexOf(u'=');
    if (eq <= 0)
        return QStringLiteral("'%1': expected OPTION=VALUE, such as timeout-ms=400").arg(text);
    option = text.left(eq).trimmed();
    if (option.startsWith(QLatin1StringView("--")))
        option = option.mid(2);
    value = text.mid(eq + 1).trimmed();
    if (!findSessionOption(option))
        return QStringLiteral("'%1': no option is called '%2'").arg(text, option);
    return {};
}

QString applyCompareSettings(const QStringList &texts, const QString &flag, SessionConfig &config,
                             QStringList *applied)
{
    for (const QString &text : texts) {
        QString option, value;
        if (QString e = parseSetting(text, option, value); !e.isEmpty())
            return QStringLiteral("invalid value for --%1 %2").arg(flag, e);
        if (option == u"seed" || option == u"scenario")
            return QStringLiteral("--%1 %2: both runs share the scenario and the seed; give --%3 for both")
                .arg(flag, text, option);
        if (QString e = findSessionOption(option)->apply(config, value); !e.isEmpty())
            return QStringLiteral("invalid value '%1' for --%2 %3: %4").arg(value, flag, option, e);
        if (applied)
            *applied << option + u'=' + value;
    }
    return {};
}

QString parseChangeAt(const QString &text, SettingChange &out)
{
    const qsizetype colon = text.indexOf(u':');
    if (colon <= 0)
        return QStringLiteral("'%1': expected MS:OPTION=VALUE, such as 400:backoff=full-jitter").arg(text);
    double ms = 0;
    if (QString e = parseNumber(text.left(colon).trimmed(), 0, 86'400'000, ms); !e.isEmpty())
        return QStringLiteral("'%1': the time before ':' is in milliseconds: %2").arg(text, e);
    out.at = core::TimePoint(std::int64_t(ms * 1000.0 + 0.5));
    if (QString e = parseSetting(text.mid(colon + 1), out.option, out.value); !e.isEmpty())
        return e;
    return {};
}

QString formatChange(const SettingChange &change)
{
    const QString ms = QString::number(double(change.at.count()) / 1000.0, 'g', 12);
    return QStringLiteral("%1:%2=%3").arg(ms, change.option, change.value);
}

QString checkChanges(const SessionConfig &start, const SettingChanges &changes)
{
    SessionConfig config = start;
    core::TimePoint last{0};
    for (const SettingChange &c : changes) {
        const SessionOption *option = findSessionOption(c.option);
        if (!option)
            return QStringLiteral("'%1': no option is called '%2'").arg(formatChange(c), c.option);
        if (c.at < last)
            return QStringLiteral("'%1': changes go in order of time; this one comes before one at %2 ms")
                .arg(formatChange(c))
                .arg(double(last.count()) / 1000.0);
        SessionConfig after = config;
        if (QString e = option->apply(after, c.value); !e.isEmpty())
            return QStringLiteral("'%1': invalid value for %2: %3").arg(formatChange(c), c.option, e);
        if (!changesLive(c.option, config, after))
            return QStringLiteral("'%1': %2 shapes the session from its start and cannot change while it runs%3")
                .arg(formatChange(c), c.option,
                     c.option == u"call-rate" ? QStringLiteral(" (a call rate changes only between two rates "
                                                               "above 0)")
                                              : QString());
        config = after;
        last = c.at;
    }
    return {};
}

SettingChanges forkChanges(const SettingChanges &original, core::TimePoint at,
                           const std::vector<std::pair<QString, QString>> &settings)
{
    SettingChanges out;
    for (const SettingChange &c : original) {
        if (c.at <= at)
            out.push_back(c);
    }
    for (const auto &[option, value] : settings)
        out.push_back({at, option, value});
    return out;
}

Lineage forkLineage(const Lineage &original, const QString &parent, core::TimePoint at,
                    const std::vector<std::pair<QString, QString>> &settings)
{
    Lineage out;
    for (const ForkPoint &f : original) {
        if (f.at <= at)
            out.push_back(f);
    }
    out.push_back({parent, at, settings});
    return out;
}

} // namespace rpcscope::session
