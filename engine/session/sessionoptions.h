#pragma once

#include "sessionconfig.h"

#include <QString>

#include <span>

namespace rpcscope::session {

// One setting of a session, as the command line (--name value) and the GUI's
// controls both know it: same name, same default, same validation.
struct SessionOption
{
    const char *name;        // without the leading dashes
    const char *valueName;   // for --help
    const char *description; // English for --help; the GUI translates it (context "SessionOption")
    // Sets the option from text; returns an empty string, or what is wrong with the value.
    QString (*apply)(SessionConfig &config, const QString &value);
    // The option's value in `config`, as text apply() would accept.
    QString (*current)(const SessionConfig &config);
};

std::span<const SessionOption> sessionOptions();
const SessionOption *findSessionOption(QStringView name);

// A ParamChange event holds the option's index in sessionOptions() (detail)
// and its new value (size): numbers in thousandths of their unit, choices as
// the index of the choice times 1000.
std::uint32_t encodeOptionValue(const SessionOption &option, const SessionConfig &config);
// "loss → 0.3", "backoff → full-jitter": what a ParamChange event says.
QString describeParamChange(std::uint32_t optionIndex, std::uint32_t value);

} // namespace rpcscope::session
