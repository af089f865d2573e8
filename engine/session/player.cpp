#include "player.h"

#include "sessionoptions.h"

namespace rpcscope::session {

bool Player::isNetworkOption(const QString &name)
{
    static const QStringList options = {
        QStringLiteral("loss"), QStringLiteral("loss-model"), QStringLiteral("delay-ms"),
        QStringLiteral("jitter-ms"), QStringLiteral("dup"), QStringLiteral("reorder"),
        QStringLiteral("corrupt"), QStringLiteral("rate-kbps"),
    };
    return options.contains(name);
}

bool Player::isRetryOption(const QString &name)
{
    static const QStringList options = {
        QStringLiteral("timeout-ms"), QStringLiteral("backoff"), QStringLiteral("backoff-factor"),
        QStringLiteral("max-timeout-ms"), QStringLiteral("max-attempts"), QStringLiteral("deadline-ms"),
    };
    return options.contains(name);
}

trace::Event Player::paramChangeEvent(const QString &name, const SessionConfig &config, core::TimePoint now)
{
    trace::Event e;
    e.timeUs = now.count();
    e.kind = trace::EventKind::ParamChange;
    const auto options = sessionOptions();
    for (std::size_t i = 0; i < options.size(); ++i) {
        if (name == QLatin1StringView(options[i].name)) {
            e.detail = std::uint32_t(i);
            e.size = encodeOptionValue(options[i], config);
        }
    }
    return e;
}

} // namespace rpcscope::session
