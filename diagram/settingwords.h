#pragma once

#include <QString>

#include <cstdint>

namespace rpcscope::diagram {

// A setting's name, value and unit as the Controls panel says them, in the
// language installed: "Loss → 35 %", "Back-off → full jitter". The option
// names and value spellings of the command line stay in captures and exports.
struct SettingWord
{
    const char *option; // the command line's name: "loss"
    const char *label;  // the control's label, without its mnemonic: "Loss"
    const char *unit;   // " %", " ms", " ×", " /s", or empty
    double scale;       // shown value = option value × scale
    int decimals;
};

// The word for `option`, or nullptr for one the Controls panel does not show.
const SettingWord *settingWord(QStringView option);
// A setting's label in the installed language ("Loss", "Verlust").
QString settingLabel(const SettingWord &word);
// What a ParamChange event says, in the controls' words.
QString describeChange(std::uint32_t optionIndex, std::uint32_t value);

} // namespace rpcscope::diagram
