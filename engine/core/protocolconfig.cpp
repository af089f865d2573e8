#include "protocolconfig.h"

#include "base/enumnames.h"

namespace rpcscope::core {

namespace {
constexpr EnumNames<AckMode, 2> kNames({"explicit", "implicit"});
} // namespace

QString ackModeName(AckMode mode)
{
    return kNames.name(mode);
}

std::optional<AckMode> ackModeFromName(QStringView name)
{
    return kNames.value(name);
}

QStringList ackModeNames()
{
    return kNames.names();
}

} // namespace rpcscope::core
