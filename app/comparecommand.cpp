#include "comparecommand.h"

#include "capture/capturereader.h"
#include "clicommand.h"
#include "run/compare.h"
#include "run/simnetwork.h"
#include "session/sessionargs.h"
#include "session/sessionoptions.h"
#include "session/settingchange.h"
#include "sessioncommands.h"
#include "trace/jsonlines.h"
#include "trace/tracelog.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <map>

namespace rpcscope::cli {

namespace {

// One side of the comparison: the settings it runs with, as given.
struct Side
{
    session::SessionConfig config;
    QStringList settings; // "backoff=fixed"
};

QString signedNumber(double v)
{
    const QString text = QString::number(v, 'g', 6);
    return v > 0 ? u'+' + text : text;
}

void printTable(const std::vector<session::MetricRow> &rows)
{
    QTextStream &o = out();
    o << QStringLiteral("%1 %2 %3 %4\n")
             .arg(QString(), -30)
             .arg(QStringLiteral("A"), 12)
             .arg(QStringLiteral("B"), 12)
             .arg(QStringLiteral("Δ"), 12);
    for (const session::MetricRow &r : rows)
        o << QStringLiteral("%1 %2 %3 %4\n")
                 .arg(r.label, -30)
                 .arg(QString::number(r.a, 'g', 6), 12)
                 .arg(QString::number(r.b, 'g', 6), 12)
                 .arg(r.delta() == 0 ? QStringLiteral("·") : signedNumber(r.delta()), 12);
}

QString callText(const session::CallEnd &c)
{
    QString text = c.outcome();
    if (c.ok)
        text += QStringLiteral(" %1 ms").arg(double(c.latencyUs) / 1000.0);
    return text + QStringLiteral(" (%1 attempt%2)").arg(c.attempts).arg(c.attempts == 1 ? "" : "s");
}

void printComparison(const session::Comparison &c, const trace::TraceLog::View &a, const trace::TraceLog::View &b)
{
    QTextStream &o = out();
    printTable(session::metricRows(c.a, c.b));
    o << '\n';
    if (!c.divergence.found()) {
        o << "the runs do not diverge: every event is the same\n";
    } else {
        o << "first divergence: event " << c.divergence.a << " of A, event " << c.divergence.b << " of B\n";
        o << "  A: " << (c.divergence.a < a.size() ? describeEvent(a.at(c.divergence.a)) : QStringLiteral("(ended)"))
          << '\n';
        o << "  B: " << (c.divergence.b < b.size() ? describeEvent(b.at(c.divergence.b)) : QStringLiteral("(ended)"))
          << '\n';
    }
    const qsizetype total = qsizetype(std::max(c.callsA.size(), c.callsB.size()));
    o << "calls that ended differently: " << c.differing.size() << " of " << total << '\n';
    constexpr std::size_t kShown = 20;
    for (std::size_t k = 0; k < std::min(kShown, c.differing.size()); ++k) {
        const auto [i, j] = c.differing[k];
        const session::CallEnd &any = i >= 0 ? c.callsA[std::size_t(i)] : c.callsB[std::size_t(j)];
        o << "  " << trace::hostName(any.client) << " call " << any.call << ": A "
          << (i >= 0 ? callText(c.callsA[std::size_t(i)]) : QStringLiteral("not made")) << ", B "
          << (j >= 0 ? callText(c.callsB[std::size_t(j)]) : QStringLiteral("not made")) << '\n';
    }
    if (c.differing.size() > kShown)
        o << "  … and " << c.differing.size() - kShown << " more (--json lists them all)\n";
}

void simulate(const session::SessionConfig &config, trace::EventSink &sink)
{
    session::SimNetwork sim(config, &sink);
    sim.run();
}

// --runs: each metric's mean, least and most over the seeds, for A, B and Δ.
struct Spread
{
    QString label;
    std::vector<double> a, b;
};

QJsonObject spreadJson(const std::vector<double> &v)
{
    double sum = 0;
    for (double x : v)
        sum += x;
    const auto [lo, hi] = std::ranges::minmax(v);
    return {{QStringLiteral("mean"), sum / double(v.size())},
            {QStringLiteral("min"), lo},
            {QStringLiteral("max"), hi}};
}

QString spreadText(const std::vector<double> &v)
{
    const QJsonObject s = spreadJson(v);
    return QStringLiteral("%1 [%2, %3]")
        .arg(QString::number(s[u"mean"].toDouble(), 'g', 5), QString::number(s[u"min"].toDouble(), 'g', 5),
             QString::number(s[u"max"].toDouble(), 'g', 5));
}

int compareSeeds(const Side &a, const Side &b, int runs, bool json)
{
    std::map<QString, Spread> metrics; // by key
    std::vector<QString> order;        // keys as first seen
    for (int r = 0; r < runs; ++r) {
        Side ra = a, rb = b;
        ra.config.seed = rb.config.seed = a.config.seed + std::uint64_t(r);
        session::SummaryBuilder builderA, builderB;
        simulate(ra.config, builderA);
        simulate(rb.config, builderB);
        const session::Summary sa = builderA.finish(), sb = builderB.finish();
        for (const session::MetricRow &row : session::metricRows(sa, sb)) {
            auto [it, added] = metrics.try_emplace(row.key);
            if (added) {
                it->second.label = row.label;
                // A reason no earlier seed failed by: those seeds had none.
                it->second.a.assign(std::size_t(r), 0.0);
                it->second.b.assign(std::size_t(r), 0.0);
                order.push_back(row.key);
            }
            it->second.a.push_back(row.a);
            it->second.b.push_back(row.b);
        }
        for (auto &[key, spread] : metrics) {
            spread.a.resize(std::size_t(r) + 1, 0.0);
            spread.b.resize(std::size_t(r) + 1, 0.0);
        }
    }
    if (json) {
        QJsonArray table;
        for (const QString &key : order) {
            const Spread &s = metrics[key];
            std::vector<double> delta(s.a.size());
            for (std::size_t i = 0; i < delta.size(); ++i)
                delta[i] = s.b[i] - s.a[i];
            table.append(QJsonObject{{QStringLiteral("metric"), key},
                                     {QStringLiteral("a"), spreadJson(s.a)},
                                     {QStringLiteral("b"), spreadJson(s.b)},
                                     {QStringLiteral("delta"), spreadJson(delta)}});
        }
        const QJsonObject root{{QStringLiteral("runs"), runs},
                               {QStringLiteral("first_seed"), qint64(a.config.seed)},
                               {QStringLiteral("a_settings"), QJsonArray::fromStringList(a.settings)},
                               {QStringLiteral("b_settings"), QJsonArray::fromStringList(b.settings)},
                               {QStringLiteral("table"), table}};
        out() << QJsonDocument(root).toJson(QJsonDocument::Compact) << '\n';
    } else {
        QTextStream &o = out();
        o << runs << " seeds from " << a.config.seed << ": mean [least, most]\n";
        o << QStringLiteral("%1 %2 %3 %4\n")
                 .arg(QString(), -30)
                 .arg(QStringLiteral("A"), 24)
                 .arg(QStringLiteral("B"), 24)
                 .arg(QStringLiteral("Δ"), 24);
        for (const QString &key : order) {
            const Spread &s = metrics[key];
            std::vector<double> delta(s.a.size());
            for (std::size_t i = 0; i < delta.size(); ++i)
                delta[i] = s.b[i] - s.a[i];
            o << QStringLiteral("%1 %2 %3 %4\n")
                     .arg(s.label, -30)
                     .arg(spreadText(s.a), 24)
                     .arg(spreadText(s.b), 24)
                     .arg(spreadText(delta), 24);
        }
    }
    out().flush();
    return ExitOk;
}

int compareCaptures(const QString &pathA, const QString &pathB, bool json)
{
    trace::TraceLog logs[2];
    const QString paths[2] = {pathA, pathB};
    std::uint64_t seeds[2] = {};
    for (int i = 0; i < 2; ++i) {
        capture::LoadedCapture loaded;
        QString error;
        const capture::LoadStatus status = capture::loadCapture(paths[i], logs[i], loaded, &error);
        if (status == capture::LoadStatus::NotACapture) {
            err() << "rpcscope-cli compare: " << paths[i] << ": " << error << '\n';
            err().flush();
            return ExitFailure;
        }
        seeds[i] = loaded.config.seed;
        if (status == capture::LoadStatus::Partial)
            err() << "rpcscope-cli compare: " << paths[i] << ": " << loaded.stopped << "; comparing the "
                  << loaded.events << " events before that\n";
    }
    err().flush();
    session::Comparison c = session::compareRuns(logs[0].view(), logs[1].view());
    c.a.seed = seeds[0];
    c.b.seed = seeds[1];
    if (json) {
        QJsonObject root = c.toJson(logs[0].view(), logs[1].view());
        root.insert(QStringLiteral("a_capture"), pathA);
        root.insert(QStringLiteral("b_capture"), pathB);
        out() << QJsonDocument(root).toJson(QJsonDocument::Compact) << '\n';
    } else {
        out() << "A: " << pathA << "\nB: " << pathB << "\n\n";
        printComparison(c, logs[0].view(), logs[1].view());
    }
    out().flush();
    return ExitOk;
}

} // namespace

int runCompare(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs one scenario with one seed twice, under settings A and under settings B, and compares the runs: "
        "both summaries and their differences, the first event at which they part, and the calls that ended "
        "differently. The session options set both; --a and --b set what differs. Given two captures instead "
        "(a what-if fork and its original, say), compares those."));
    parser.addHelpOption();
    session::addSessionOptions(parser);
    const QCommandLineOption a{QStringLiteral("a"), QStringLiteral("a setting of run A (repeatable)"),
                               QStringLiteral("OPTION=VALUE")};
    const QCommandLineOption b{QStringLiteral("b"), QStringLiteral("a setting of run B (repeatable)"),
                               QStringLiteral("OPTION=VALUE")};
    const QCommandLineOption runs{QStringLiteral("runs"),
                                  QStringLiteral("compare over R seeds, from --seed on, and print the spread"),
                                  QStringLiteral("R")};
    const QCommandLineOption json{QStringLiteral("json"), QStringLiteral("print the comparison as one JSON object")};
    parser.addOptions({a, b, runs, json});
    parser.addPositionalArgument(QStringLiteral("[A B]"), QStringLiteral("two captures (.rpcscope) to compare"));
    if (!parser.parse(args))
        return usageError(QStringLiteral("compare: %1").arg(parser.errorText()));
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        out().flush();
        return ExitOk;
    }
    const QStringList files = parser.positionalArguments();
    if (!files.isEmpty()) {
        if (files.size() != 2)
            return usageError(QStringLiteral("compare: expected two captures, A and B, or none"));
        if (parser.isSet(a) || parser.isSet(b) || parser.isSet(runs))
            return usageError(QStringLiteral("compare: two captures are compared as they are: --a, --b and --runs "
                                             "go with a scenario"));
        for (const session::SessionOption &o : session::sessionOptions())
            if (parser.isSet(QString::fromLatin1(o.name)))
                return usageError(QStringLiteral("compare: two captures are compared as they are: --%1 goes with "
                                                 "a scenario")
                                      .arg(QLatin1StringView(o.name)));
        return compareCaptures(files[0], files[1], parser.isSet(json));
    }
    if (!parser.isSet(a) && !parser.isSet(b))
        return usageError(QStringLiteral("compare: give what differs with --a OPTION=VALUE and --b OPTION=VALUE, "
                                         "or two captures"));
    Side sideA, sideB;
    if (QString e = session::readSessionOptions(parser, sideA.config); !e.isEmpty())
        return usageError(QStringLiteral("compare: %1").arg(e));
    sideB.config = sideA.config;
    if (QString e = session::applyCompareSettings(parser.values(a), QStringLiteral("a"), sideA.config, &sideA.settings); !e.isEmpty())
        return usageError(QStringLiteral("compare: %1").arg(e));
    if (QString e = session::applyCompareSettings(parser.values(b), QStringLiteral("b"), sideB.config, &sideB.settings); !e.isEmpty())
        return usageError(QStringLiteral("compare: %1").arg(e));
    if (parser.isSet(runs)) {
        qint64 r = 0;
        if (QString e = session::parseWholeNumber(parser.value(runs), 1, 10'000, r); !e.isEmpty())
            return usageError(QStringLiteral("compare: invalid value '%1' for --runs: %2").arg(parser.value(runs), e));
        return compareSeeds(sideA, sideB, int(r), parser.isSet(json));
    }

    trace::TraceLog logA, logB;
    simulate(sideA.config, logA);
    simulate(sideB.config, logB);
    session::Comparison c = session::compareRuns(logA.view(), logB.view());
    c.a.seed = c.b.seed = sideA.config.seed;
    if (parser.isSet(json)) {
        QJsonObject root = c.toJson(logA.view(), logB.view());
        root.insert(QStringLiteral("scenario"), sideA.config.scenario);
        root.insert(QStringLiteral("seed"), qint64(sideA.config.seed));
        root.insert(QStringLiteral("a_settings"), QJsonArray::fromStringList(sideA.settings));
        root.insert(QStringLiteral("b_settings"), QJsonArray::fromStringList(sideB.settings));
        out() << QJsonDocument(root).toJson(QJsonDocument::Compact) << '\n';
    } else {
        out() << "scenario " << sideA.config.scenario << ", seed " << sideA.config.seed << '\n'
              << "A: " << (sideA.settings.isEmpty() ? QStringLiteral("as above") : sideA.settings.join(u' ')) << '\n'
              << "B: " << (sideB.settings.isEmpty() ? QStringLiteral("as above") : sideB.settings.join(u' '))
              << "\n\n";
        printComparison(c, logA.view(), logB.view());
    }
    out().flush();
    return ExitOk;
}

} // namespace rpcscope::cli
