#include "protocolconfig.h"

namespace rpcscope::core {

QString ackModeName(AckMode mode)
{
    return mode == AckMode::Explicit ? QStringLiteral("explicit") : QStringLiteral("implicit");
}

std::optional<AckMode> ackModeFromName(QStringView name)
{
    if (name == u"explicit")
        return AckMode::Explicit;
    if (name == u"implicit")
        return AckMode::Implicit;
    return std::nullopt;
}

} // namespace rpcscope::core
