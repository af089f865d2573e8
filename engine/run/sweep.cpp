#include "sweep.h"

#include "run/simnetwork.h"
#include "session/sessionoptions.h"
#include "session/summary.h"

#include <QJsonArray>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace rpcscope::session {

namespace {

// An option takes a number when its default reads as one; it counts (and
// swept values are rounded) when its value is a count or a size.
bool isNumeric(const SessionOption &option)
{
    bool ok = false;
    option.current(SessionConfig{}).toDouble(&ok);
    return ok;
}

bool isWhole(const SessionOption &option)
{
    const QLatin1StringView valueName(option.valueName);
    return valueName == "N" || valueName == "BYTES";
}

QString number(double value)
{
    return QString::number(value, 'g', 10);
}

// Options that cannot vary within a sweep: each run takes its own seed, and a
// scenario is a preset applied before the options, not an option on top of them.
bool isFixed(QStringView name)
{
    return name == u"seed" || name == u"scenario";
}

QString applyValue(SessionConfig &config, const QString &optionName, const QString &value)
{
    const SessionOption *option = findSessionOption(optionName);
    if (QString e = option->apply(config, value); !e.isEmpty())
        return QStringLiteral("invalid value '%1' for %2: %3").arg(value, optionName, e);
    return {};
}

// What one simulation amounts to, as far as a sweep is concerned.
struct RunFigures
{
    bool anyOk = false;
    double latencyMean = 0, latencyP50 = 0, latencyP99 = 0;
    double ok = 0, failed = 0, retransmissions = 0, datagramsSent = 0;
};

// The summary, plus the mean latency the summary does not keep.
class RunSink final : public trace::EventSink
{
public:
    void record(const trace::Event &event) override
    {
        m_summary.record(event);
        if (event.kind == trace::EventKind::CallOk)
            m_latencySumUs += double(event.detail);
    }

    RunFigures finish()
    {
        const Summary s = m_summary.finish();
        RunFigures f;
        f.anyOk = s.ok > 0;
        f.latencyMean = s.ok > 0 ? m_latencySumUs / double(s.ok) / 1000.0 : 0.0;
        f.latencyP50 = s.latency.p50;
        f.latencyP99 = s.latency.p99;
        f.ok = double(s.ok);
        f.failed = double(s.failedTotal());
        f.retransmissions = double(s.retransmissions);
        f.datagramsSent = double(s.datagrams.sent);
        return f;
    }

private:
    SummaryBuilder m_summary;
    double m_latencySumUs = 0;
};

struct Job
{
    SessionConfig config;
    RunFigures figures;
};

} // namespace

QStringList sweepableOptions()
{
    QStringList names;
    for (const SessionOption &o : sessionOptions())
        if (isNumeric(o) && !isFixed(QString::fromLatin1(o.name)))
            names << QString::fromLatin1(o.name);
    return names;
}

QStringList comparableOptions()
{
    QStringList names;
    for (const SessionOption &o : sessionOptions())
        if (!isFixed(QString::fromLatin1(o.name)))
            names << QString::fromLatin1(o.name);
    return names;
}

QString Sweep::setCompare(const QString &spec)
{
    const qsizetype eq = spec.indexOf(u'=');
    if (eq <= 0 || eq == spec.size() - 1)
        return QStringLiteral("expected OPTION=VALUE,VALUE,..., not '%1'").arg(spec);
    const QString name = spec.left(eq);
    const QStringList values = spec.mid(eq + 1).split(u',');
    for (const QString &v : values) {
        if (v.isEmpty())
            return QStringLiteral("empty value in '%1'").arg(spec);
        if (values.count(v) > 1)
            return QStringLiteral("'%1' is listed twice in '%2'").arg(v, spec);
    }
    compareOption = name;
    compareValues = values;
    return {};
}

QString Sweep::checkSteps(int steps)
{
    if (steps < 2)
        return QStringLiteral("expected at least 2 steps, not %1").arg(steps);
    return {};
}

QString Sweep::checkRuns(int runs)
{
    if (runs < 1)
        return QStringLiteral("expected at least 1 run, not %1").arg(runs);
    return {};
}

QString Sweep::check(const SessionConfig &base) const
{
    const SessionOption *option = findSessionOption(param);
    if (!option || !isNumeric(*option) || isFixed(param)) {
        const QStringList numeric = sweepableOptions();
        const QString which = !option ? QStringLiteral("unknown parameter '%1'")
                              : isFixed(param)
                                  ? QStringLiteral("parameter '%1' cannot be swept")
                                  : QStringLiteral("parameter '%1' is not a number (compare its values instead)");
        return QStringLiteral("%1; expected one of %2").arg(which.arg(param), numeric.join(QStringLiteral(", ")));
    }
    if (!std::isfinite(from) || !std::isfinite(to))
        return QStringLiteral("the range must be finite numbers");
    if (QString e = checkSteps(steps); !e.isEmpty())
        return e;
    if (QString e = checkRuns(runs); !e.isEmpty())
        return e;
    // Before anything is applied per point: a billion steps must be refused
    // at once, not checked one by one.
    // In doubles, which hold the product of three such counts without wrapping.
    const qsizetype values = compareOption.isEmpty() ? 1 : std::max<qsizetype>(1, compareValues.size());
    if (double(steps) * double(values) * double(runs) > double(kMaxSimulations))
        return QStringLiteral("%1 steps x %2 compared values x %3 runs are more simulations than the %4 a sweep "
                              "runs at most")
            .arg(steps)
            .arg(values)
            .arg(runs)
            .arg(kMaxSimulations);
    if (!compareOption.isEmpty()) {
        if (!findSessionOption(compareOption))
            return QStringLiteral("unknown option '%1' to compare").arg(compareOption);
        if (isFixed(compareOption))
            return QStringLiteral("option '%1' cannot be compared within a sweep").arg(compareOption);
        if (compareOption == param)
            return QStringLiteral("option '%1' is both swept and compared").arg(param);
        if (compareValues.isEmpty())
            return QStringLiteral("no values to compare for '%1'").arg(compareOption);
        for (const QString &v : compareValues) {
            SessionConfig config = base;
            if (QString e = applyValue(config, compareOption, v); !e.isEmpty())
                return e;
        }
    }
    for (int point = 0; point < steps; ++point) {
        SessionConfig config = base;
        if (QString e = applyValue(config, param, valueAt(point)); !e.isEmpty())
            return e;
    }
    return {};
}

QString Sweep::valueAt(int point) const
{
    // The last point is `to` exactly, not `from` plus accumulated steps.
    const double t = steps > 1 ? double(point) / double(steps - 1) : 0.0;
    const double v = point == steps - 1 ? to : from + (to - from) * t;
    const SessionOption *option = findSessionOption(param);
    if (option && isWhole(*option))
        return QString::number(std::llround(v));
    return number(v);
}

QStringList Sweep::comparedValues() const
{
    return compareOption.isEmpty() ? QStringList{QString()} : compareValues;
}

Spread Spread::of(const std::vector<double> &values)
{
    Spread s;
    s.count = int(values.size());
    if (values.empty())
        return s;
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    s.min = *lo;
    s.max = *hi;
    double sum = 0;
    for (double v : values)
        sum += v;
    s.mean = sum / double(values.size());
    if (values.size() > 1) {
        double squares = 0;
        for (double v : values)
            squares += (v - s.mean) * (v - s.mean);
        s.stddev = std::sqrt(squares / double(values.size() - 1));
    }
    return s;
}

QJsonObject Spread::toJson() const
{
    return {{QStringLiteral("mean"), mean},
            {QStringLiteral("min"), min},
            {QStringLiteral("max"), max},
            {QStringLiteral("stddev"), stddev},
            {QStringLiteral("runs"), count}};
}

std::vector<SweepRow> runSweep(const Sweep &sweep, const SessionConfig &base, QThreadPool *pool,
                               SweepControl *control)
{
    if (QString e = sweep.check(base); !e.isEmpty())
        throw std::invalid_argument(e.toStdString());

    const QStringList compared = sweep.comparedValues();
    const auto runs = std::size_t(sweep.runs);
    // Job (point, compared value, run) sits at ((point * values) + value) * runs + run,
    // and writes its figures into its own slot, so the order the pool runs
    // them in cannot show in the result.
    std::vector<Job> jobs;
    jobs.reserve(std::size_t(sweep.steps) * std::size_t(compared.size()) * runs);
    for (int point = 0; point < sweep.steps; ++point) {
        for (const QString &value : compared) {
            SessionConfig config = base;
            if (!sweep.compareOption.isEmpty())
                findSessionOption(sweep.compareOption)->apply(config, value);
            findSessionOption(sweep.param)->apply(config, sweep.valueAt(point));
            for (std::size_t run = 0; run < runs; ++run) {
                Job job{config, {}};
                job.config.seed = base.seed + run;
                jobs.push_back(std::move(job));
            }
        }
    }

    if (control)
        control->m_total.store(int(jobs.size()), std::memory_order_relaxed);
    const auto simulate = [control](Job &job) {
        if (control && control->isCancelled())
            return;
        RunSink sink;
        session::SimNetwork sim(job.config, &sink);
        if (!control) {
            sim.run();
        } else {
            // A large session runs for seconds: look at the flag every so often.
            constexpr unsigned kEventsBetweenChecks = 4096;
            for (unsigned events = 1; sim.step(); ++events)
                if (events % kEventsBetweenChecks == 0 && control->isCancelled())
                    return;
        }
        job.figures = sink.finish();
        if (control) {
            const int done = control->m_done.fetch_add(1, std::memory_order_relaxed) + 1;
            if (control->onRunDone)
                control->onRunDone(done, control->runsTotal());
        }
    };
    QtConcurrent::blockingMap(pool ? pool : QThreadPool::globalInstance(), jobs, simulate);
    if (control && control->isCancelled())
        return {};

    std::vector<SweepRow> rows;
    rows.reserve(jobs.size() / runs);
    std::size_t next = 0;
    for (int point = 0; point < sweep.steps; ++point) {
        for (const QString &value : compared) {
            std::vector<double> latencyMean, latencyP50, latencyP99, ok, failed, retransmissions, sent;
            for (std::size_t run = 0; run < runs; ++run, ++next) {
                const RunFigures &f = jobs[next].figures;
                if (f.anyOk) {
                    latencyMean.push_back(f.latencyMean);
                    latencyP50.push_back(f.latencyP50);
                    latencyP99.push_back(f.latencyP99);
                }
                ok.push_back(f.ok);
                failed.push_back(f.failed);
                retransmissions.push_back(f.retransmissions);
                sent.push_back(f.datagramsSent);
            }
            SweepRow row;
            row.paramValue = sweep.valueAt(point);
            row.compareValue = value;
            row.runs = sweep.runs;
            row.latencyMean = Spread::of(latencyMean);
            row.latencyP50 = Spread::of(latencyP50);
            row.latencyP99 = Spread::of(latencyP99);
            row.ok = Spread::of(ok);
            row.failed = Spread::of(failed);
            row.retransmissions = Spread::of(retransmissions);
            row.datagramsSent = Spread::of(sent);
            rows.push_back(std::move(row));
        }
    }
    return rows;
}

QString sweepCsv(const Sweep &sweep, const std::vector<SweepRow> &rows)
{
    // Thousandths are as fine as a millisecond figure or a mean count needs.
    const auto cell = [](double v) { return number(std::round(v * 1000.0) / 1000.0 + 0.0); };
    QString csv = QStringList{sweep.param,
                              sweep.compareOption.isEmpty() ? QStringLiteral("compare") : sweep.compareOption,
                              QStringLiteral("runs"),
                              QStringLiteral("latency_mean_ms"),
                              QStringLiteral("latency_mean_min_ms"),
                              QStringLiteral("latency_mean_max_ms"),
                              QStringLiteral("latency_mean_stddev_ms"),
                              QStringLiteral("latency_p50_ms"),
                              QStringLiteral("latency_p99_ms"),
                              QStringLiteral("ok"),
                              QStringLiteral("failed"),
                              QStringLiteral("retransmissions"),
                              QStringLiteral("datagrams_sent")}
                      .join(u',')
                  + u'\n';
    for (const SweepRow &r : rows) {
        csv += QStringList{r.paramValue,
                           r.compareValue,
                           QString::number(r.runs),
                           cell(r.latencyMean.mean),
                           cell(r.latencyMean.min),
                           cell(r.latencyMean.max),
                           cell(r.latencyMean.stddev),
                           cell(r.latencyP50.mean),
                           cell(r.latencyP99.mean),
                           cell(r.ok.mean),
                           cell(r.failed.mean),
                           cell(r.retransmissions.mean),
                           cell(r.datagramsSent.mean)}
                   .join(u',')
               + u'\n';
    }
    return csv;
}

QJsonObject sweepJson(const Sweep &sweep, const SessionConfig &base, const std::vector<SweepRow> &rows)
{
    QJsonObject description{{QStringLiteral("param"), sweep.param},
                            {QStringLiteral("from"), sweep.from},
                            {QStringLiteral("to"), sweep.to},
                            {QStringLiteral("steps"), sweep.steps},
                            {QStringLiteral("runs"), sweep.runs},
                            {QStringLiteral("seed"), QString::number(base.seed)}};
    if (!sweep.compareOption.isEmpty())
        description.insert(QStringLiteral("compare"),
                           QJsonObject{{QStringLiteral("option"), sweep.compareOption},
                                       {QStringLiteral("values"), QJsonArray::fromStringList(sweep.compareValues)}});
    QJsonObject settings;
    for (const SessionOption &o : sessionOptions())
        settings.insert(QString::fromLatin1(o.name), o.current(base));

    QJsonArray array;
    for (const SweepRow &r : rows) {
        QJsonObject row{{QStringLiteral("value"), r.paramValue.toDouble()},
                        {QStringLiteral("runs"), r.runs},
                        {QStringLiteral("latency_mean_ms"), r.latencyMean.toJson()},
                        {QStringLiteral("latency_p50_ms"), r.latencyP50.toJson()},
                        {QStringLiteral("latency_p99_ms"), r.latencyP99.toJson()},
                        {QStringLiteral("ok"), r.ok.toJson()},
                        {QStringLiteral("failed"), r.failed.toJson()},
                        {QStringLiteral("retransmissions"), r.retransmissions.toJson()},
                        {QStringLiteral("datagrams_sent"), r.datagramsSent.toJson()}};
        if (!sweep.compareOption.isEmpty())
            row.insert(QStringLiteral("compare"), r.compareValue);
        array.append(row);
    }
    return {{QStringLiteral("sweep"), description},
            {QStringLiteral("base"), settings},
            {QStringLiteral("rows"), array}};
}

} // namespace rpcscope::session
