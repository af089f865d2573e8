#include "settingwords.h"

#include "displaynames.h"
#include "session/sessionoptions.h"

#include <QCoreApplication>

#include <iterator>

namespace rpcscope::diagram {

namespace {

// In the Controls panel's order. The labels are translated in the context
// "SettingWord"; the Controls panel adds its mnemonics to the same words.
constexpr SettingWord kWords[] = {
    {"loss", QT_TRANSLATE_NOOP("SettingWord", "Loss"), " %", 100, 0},
    {"loss-model", QT_TRANSLATE_NOOP("SettingWord", "Loss model"), "", 1, 0},
    {"delay-ms", QT_TRANSLATE_NOOP("SettingWord", "Delay"), " ms", 1, 0},
    {"jitter-ms", QT_TRANSLATE_NOOP("SettingWord", "Jitter"), " ms", 1, 0},
    {"dup", QT_TRANSLATE_NOOP("SettingWord", "Duplicate"), " %", 100, 0},
    {"reorder", QT_TRANSLATE_NOOP("SettingWord", "Reorder"), " %", 100, 0},
    {"corrupt", QT_TRANSLATE_NOOP("SettingWord", "Corrupt"), " %", 100, 0},
    {"timeout-ms", QT_TRANSLATE_NOOP("SettingWord", "Timeout"), " ms", 1, 0},
    {"backoff", QT_TRANSLATE_NOOP("SettingWord", "Back-off"), "", 1, 0},
    {"backoff-factor", QT_TRANSLATE_NOOP("SettingWord", "Factor"), " ×", 1, 1},
    {"max-timeout-ms", QT_TRANSLATE_NOOP("SettingWord", "Max timeout"), " ms", 1, 0},
    {"max-attempts", QT_TRANSLATE_NOOP("SettingWord", "Max attempts"), "", 1, 0},
    {"deadline-ms", QT_TRANSLATE_NOOP("SettingWord", "Deadline"), " ms", 1, 0},
    {"ack-mode", QT_TRANSLATE_NOOP("SettingWord", "Ack mode"), "", 1, 0},
    {"checksum", QT_TRANSLATE_NOOP("SettingWord", "Checksum"), "", 1, 0},
    {"delivery", QT_TRANSLATE_NOOP("SettingWord", "Delivery"), "", 1, 0},
    {"clients", QT_TRANSLATE_NOOP("SettingWord", "Clients"), "", 1, 0},
    {"calls", QT_TRANSLATE_NOOP("SettingWord", "Calls"), "", 1, 0},
    {"window", QT_TRANSLATE_NOOP("SettingWord", "Window"), "", 1, 0},
    {"call-rate", QT_TRANSLATE_NOOP("SettingWord", "Call rate"), " /s", 1, 0},
    {"handler-ms", QT_TRANSLATE_NOOP("SettingWord", "Handler time"), " ms", 1, 0},
    {"server-rate", QT_TRANSLATE_NOOP("SettingWord", "Server rate"), " /s", 1, 0},
    {"server-queue", QT_TRANSLATE_NOOP("SettingWord", "Server queue"), "", 1, 0},
};

} // namespace

const SettingWord *settingWord(QStringView option)
{
    for (const SettingWord &w : kWords)
        if (option == QLatin1StringView(w.option))
            return &w;
    return nullptr;
}

QString settingLabel(const SettingWord &word)
{
    return QCoreApplication::translate("SettingWord", word.label);
}

QString describeChange(std::uint32_t optionIndex, std::uint32_t value)
{
    const auto [name, shown] = session::paramChangeParts(optionIndex, value);
    if (name.isEmpty())
        return QStringLiteral("?");
    const SettingWord *word = settingWord(name);
    if (!word)
        return QStringLiteral("%1 → %2").arg(name, shown);
    bool isNumber = false;
    const double v = shown.toDouble(&isNumber);
    QString said;
    if (isNumber && v == 0 && name == u"max-attempts") {
        said = QCoreApplication::translate("SettingWord", "no limit");
    } else if (isNumber) {
        said = QString::number(v * word->scale, 'f', word->decimals) + QString::fromUtf8(word->unit);
    } else {
        said = displaynames::choice(shown);
        if (said == shown)
            said.replace(u'-', u' '); // "full-jitter" reads as "full jitter"
    }
    return QStringLiteral("%1 → %2").arg(settingLabel(*word), said);
}

} // namespace rpcscope::diagram
