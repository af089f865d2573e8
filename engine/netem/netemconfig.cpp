#include "netemconfig.h"

namespace rpcscope::netem {

QString lossModelName(LossModel model)
{
    switch (model) {
    case LossModel::Bernoulli:
        return QStringLiteral("bernoulli");
    case LossModel::Gilbert:
        return QStringLiteral("gilbert");
    }
    return {};
}

std::optional<LossModel> lossModelFromName(QStringView name)
{
    for (LossModel model : {LossModel::Bernoulli, LossModel::Gilbert}) {
        if (name == lossModelName(model))
            return model;
    }
    return std::nullopt;
}

QString corruptionModeName(CorruptionMode mode)
{
    switch (mode) {
    case CorruptionMode::BitFlip:
        return QStringLiteral("bit-flip");
    case CorruptionMode::ByteSwap:
        return QStringLiteral("byte-swap");
    case CorruptionMode::Burst:
        return QStringLiteral("burst");
    case CorruptionMode::Mixed:
        return QStringLiteral("mixed");
    }
    return {};
}

std::optional<CorruptionMode> corruptionModeFromName(QStringView name)
{
    for (CorruptionMode mode : {CorruptionMode::BitFlip, CorruptionMode::ByteSwap,
                                CorruptionMode::Burst, CorruptionMode::Mixed}) {
        if (name == corruptionModeName(mode))
            return mode;
    }
    return std::nullopt;
}

} // namespace rpcscope::netem
