#pragma once

#include "base/event.h"
#include "session/sessionconfig.h"
#include "trace/tracelog.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

namespace rpcscope::session {

// What the GUI drives: a session that plays into a trace, in virtual time
// (SimulationPlayer) or on real sockets (LivePlayer). Options the engine can
// take mid-call apply at once and are recorded in the trace as ParamChange
// events; the rest wait for the next reset.
class Player : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual const trace::TraceLog &log() const = 0;
    virtual const SessionConfig &config() const = 0;
    virtual core::TimePoint now() const = 0;
    virtual bool isPlaying() const = 0;
    virtual bool isFinished() const = 0;
    // Why the last reset could not start, if it could not.
    virtual QString errorString() const { return {}; }
    // What the session's service can tell so far (Service::report): the
    // counter's total, the file transfer's end-to-end check.
    virtual QJsonObject serviceReport() const { return {}; }

    // Starts over with `config` (a new trace) and plays.
    virtual void reset(const SessionConfig &config) = 0;
    virtual void play() = 0;
    virtual void pause() = 0;

    // Virtual time can be stepped and sped up; real time cannot.
    virtual bool hasVirtualTime() const { return false; }
    virtual void step() {}
    virtual double speed() const { return 1.0; }
    virtual void setSpeed(double) {}

    // Sets one option by its CLI name. Returns an empty string on success or
    // the reason the value was refused; `live` tells whether it applied to
    // the running session (true) or waits for the next reset (false).
    virtual QString setOption(const QString &name, const QString &value, bool *live = nullptr) = 0;

Q_SIGNALS:
    // The trace grew or the clock moved; at most once per frame.
    void advanced();
    void stateChanged();
};

} // namespace rpcscope::session
