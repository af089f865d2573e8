#pragma once

#include "sessionconfig.h"

#include <QString>

#include <span>
#include <utility>

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

// How every option reads a number, for the other numbers a command takes
// too: finite, within [min, max], and never wrapped. Each returns what is
// wrong with `text` ("expected a number from 0 to 86400"), or an empty
// string and the value in `out`.
QString parseWholeNumber(const QString &text, qint64 min, qint64 max, qint64 &out);
QString parseNumber(const QString &text, double min, double max, double &out);

std::span<const SessionOption> sessionOptions();
// The words an option that takes one accepts, in the order of its enum
// ("backoff": fixed, exponential, …); empty for an option that takes a number.
QStringList optionChoices(QStringView option);
const SessionOption *findSessionOption(QStringView name);

// What is wrong with `config` by the ranges its options accept, naming the
// first setting out of range and its value ("calls '2147483647': expected a
// whole number from 0 to 100000000"), or an empty string. Settings that come
// from elsewhere than the command line (a capture's header) pass through
// this, so they are held to the very ranges the command line is. The
// scenario is not checked: a complete config does not depend on it, and
// sessions that are no preset (a soak, a remote server) name themselves.
QString checkSessionConfig(const SessionConfig &config);

// A ParamChange event holds the option's index in sessionOptions() (detail)
// and its new value (size): numbers in thousandths of their unit, choices as
// the index of the choice times 1000.
std::uint32_t encodeOptionValue(const SessionOption &option, const SessionConfig &config);
// "loss → 0.3", "backoff → full-jitter": what a ParamChange event says.
QString describeParamChange(std::uint32_t optionIndex, std::uint32_t value);
// The same in parts, for views that say it in their own words: the
// option's name ("loss") and its new value as the command line writes it
// ("0.3", "full-jitter"); both empty for an index no option has.
std::pair<QString, QString> paramChangeParts(std::uint32_t optionIndex, std::uint32_t value);

} // namespace rpcscope::session
