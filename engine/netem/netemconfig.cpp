#include "netemconfig.h"

#include "base/enumnames.h"

namespace rpcscope::netem {

namespace {
constexpr EnumNames<LossModel, 2> kLossModels({"bernoulli", "gilbert"});
constexpr EnumNames<CorruptionMode, 4> kCorruptionModes({"bit-flip", "byte-swap", "burst", "mixed"});
} // namespace

QString lossModelName(LossModel model)
{
    return kLossModels.name(model, "");
}

std::optional<LossModel> lossModelFromName(QStringView name)
{
    return kLossModels.value(name);
}

QStringList lossModelNames()
{
    return kLossModels.names();
}

QString corruptionModeName(CorruptionMode mode)
{
    return kCorruptionModes.name(mode, "");
}

std::optional<CorruptionMode> corruptionModeFromName(QStringView name)
{
    return kCorruptionModes.value(name);
}

} // namespace rpcscope::netem
