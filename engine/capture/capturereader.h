#pragma once

#include "base/event.h"
#include "captureformat.h"
#include "session/sessionconfig.h"
#include "session/settingchange.h"
#include "session/summary.h"

#include <QIODevice>
#include <QString>

#include <optional>

namespace rpcscope::capture {

enum class LoadStatus : std::uint8_t {
    Complete,    // every record read, the footer included
    Partial,     // events up to a point; `stopped` says where and why
    NotACapture, // refused: not a capture, or its header is unreadable
};

struct LoadedCapture
{
    Header header;
    session::SessionConfig config;  // what the session started with
    session::SettingChanges changes; // what changed while it ran
    session::Lineage lineage;        // for a what-if fork: where it came from
    std::optional<Footer> footer;
    std::uint64_t events = 0; // handed to the sink
    QString stopped;          // empty when Complete; else where reading stopped and why
    QString note;             // something worth saying even so (a newer format)

    // The summary the session that made the capture printed: from the events,
    // plus what only the footer knows.
    session::Summary summary(const session::Summary &fromEvents) const;
    // Why the session cannot be run again from its settings and seed to the
    // same events, or an empty string: a live one ran in real time, and a
    // newer format's settings may not mean here what they meant there.
    QString whyNotRerun() const;
};

// Reads a capture, handing its events to `sink` in order. A damaged or
// truncated file yields everything before the damage (Partial); a file that
// is not a capture is refused with `error` saying why. Every length in the
// file is checked against what is left of it before anything is allocated.
LoadStatus loadCapture(QIODevice &device, trace::EventSink &sink, LoadedCapture &out, QString *error);
LoadStatus loadCapture(const QString &path, trace::EventSink &sink, LoadedCapture &out, QString *error);

} // namespace rpcscope::capture
