#pragma once

#include "session/sessionconfig.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <vector>

class QThreadPool;

namespace rpcscope::session {

// A parameter study: one numeric session option stepped from `from` to `to`,
// optionally against each value of a second option (say every back-off
// policy), every combination simulated `runs` times with seeds base, base+1,
// ... so runs differ yet the whole sweep is reproducible from one seed.
struct Sweep
{
    QString param; // a session option's name (sessionoptions.h) that takes a number
    double from = 0;
    double to = 0;
    int steps = 2; // points from `from` to `to`, both included
    QString compareOption; // empty: no comparison
    QStringList compareValues;
    int runs = 1;

    // A sweep runs at most this many simulations (points x compared values x
    // runs): each is set up before the first starts and keeps its figures
    // until the last ends, so the count decides the memory a sweep takes.
    static constexpr std::int64_t kMaxSimulations = 100'000;
    // What is wrong with a count of steps or runs on its own ("expected at
    // least 1 run, not 0"), or an empty string; check() applies them too.
    static QString checkSteps(int steps);
    static QString checkRuns(int runs);

    // Reads "OPTION=v1,v2,..." into compareOption and compareValues;
    // returns what is wrong with it, or an empty string.
    QString setCompare(const QString &spec);
    // What is wrong with this sweep on top of `base`, or an empty string:
    // unknown or non-numeric parameter, too few steps or runs, more than
    // kMaxSimulations in all, a value an option refuses (in the option's own
    // words).
    QString check(const SessionConfig &base) const;
    // The parameter's value at `point` (0 to steps - 1), as text its option
    // takes: linear from `from` to `to`, rounded if the option counts.
    QString valueAt(int point) const;
    // The compared values, or one empty value when nothing is compared.
    QStringList comparedValues() const;
};

// A figure's mean and spread across runs. The standard deviation is the
// sample one (n - 1); zero for a single run.
struct Spread
{
    double mean = 0, min = 0, max = 0, stddev = 0;
    int count = 0; // runs it was measured over

    static Spread of(const std::vector<double> &values);
    QJsonObject toJson() const;
    bool operator==(const Spread &) const = default;
};

// One (point, compared value) of a sweep, over all its runs.
struct SweepRow
{
    QString paramValue;
    QString compareValue; // empty when nothing is compared
    int runs = 0;
    // Latencies of the calls that succeeded, in milliseconds; over the runs
    // in which any call succeeded (count says how many).
    Spread latencyMean;
    Spread latencyP50;
    Spread latencyP99;
    Spread ok;
    Spread failed;
    Spread retransmissions;
    Spread datagramsSent;

    bool operator==(const SweepRow &) const = default;
};

// The session options a sweep can step (those that take a number, less seed),
// and those it can compare (every option but seed and scenario).
QStringList sweepableOptions();
QStringList comparableOptions();

// Follows a sweep from another thread, and stops it. Every member may be
// used from any thread while the sweep runs.
class SweepControl
{
public:
    // Runs not yet started are skipped, and runs under way stop within a few
    // thousand simulated events; runSweep() then returns no rows.
    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    bool isCancelled() const { return m_cancelled.load(std::memory_order_relaxed); }
    // Simulations that ran to their end, and how many the sweep has in all
    // (points x compared values x runs; 0 until runSweep() starts).
    int runsDone() const { return m_done.load(std::memory_order_relaxed); }
    int runsTotal() const { return m_total.load(std::memory_order_relaxed); }

    // Called after each finished run with runsDone() and runsTotal(), on
    // the worker thread that ran it, so it must be thread-safe. Set it
    // before runSweep() starts.
    std::function<void(int done, int total)> onRunDone;

private:
    friend std::vector<SweepRow> runSweep(const Sweep &, const SessionConfig &, QThreadPool *, SweepControl *);
    std::atomic<bool> m_cancelled{false};
    std::atomic<int> m_done{0};
    std::atomic<int> m_total{0};
};

// Runs every (point, compared value, run) as its own simulation, in parallel
// on `pool` (the global pool if null). The rows come in point order, then
// compared value order, and do not depend on how the runs were scheduled.
// With a `control`, the sweep reports each finished run and can be
// cancelled; a cancelled sweep returns no rows.
// Precondition: sweep.check(base) is empty; otherwise throws std::invalid_argument.
std::vector<SweepRow> runSweep(const Sweep &sweep, const SessionConfig &base, QThreadPool *pool = nullptr,
                               SweepControl *control = nullptr);

// A header line, then one line per row.
QString sweepCsv(const Sweep &sweep, const std::vector<SweepRow> &rows);
// The sweep, the base settings it ran on and its rows, as one object.
QJsonObject sweepJson(const Sweep &sweep, const SessionConfig &base, const std::vector<SweepRow> &rows);

} // namespace rpcscope::session
