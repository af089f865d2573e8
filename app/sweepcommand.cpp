#include "sweepcommand.h"

#include "clicommand.h"
#include "run/sweep.h"
#include "session/scenario.h"
#include "session/sessionargs.h"
#include "session/sessionoptions.h"
#include "sessioncommands.h"

#include <QCommandLineParser>
#include <QJsonDocument>

#include <cmath>

namespace rpcscope::cli {

namespace {

const QString kCommand = QStringLiteral("sweep");

int sweepUsageError(const QString &message)
{
    return usageError(QStringLiteral("%1: %2").arg(kCommand, message));
}

} // namespace

int runSweep(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Simulates a scenario over a range of one parameter, optionally against each value of a second "
        "option, several runs per point with seeds seed, seed+1, ..., using every core; prints the mean "
        "and spread of each point's figures as CSV or JSON. The session options set what every run "
        "starts from."));
    parser.addHelpOption();
    const QCommandLineOption param{QStringLiteral("param"),
                                   QStringLiteral("session option to sweep (one that takes a number)"),
                                   QStringLiteral("NAME")};
    const QCommandLineOption from{QStringLiteral("from"), QStringLiteral("first value of the parameter"),
                                  QStringLiteral("A")};
    const QCommandLineOption to{QStringLiteral("to"), QStringLiteral("last value of the parameter"),
                                QStringLiteral("B")};
    const QCommandLineOption steps{QStringLiteral("steps"),
                                   QStringLiteral("points from A to B, both included (at least 2); whole-number "
                                                  "options are rounded"),
                                   QStringLiteral("N")};
    const QCommandLineOption compare{QStringLiteral("compare"),
                                     QStringLiteral("run every point once per value of OPTION, e.g. "
                                                    "backoff=fixed,exponential,full-jitter"),
                                     QStringLiteral("OPTION=V1,V2,...")};
    const QCommandLineOption runs{QStringLiteral("runs"),
                                  QStringLiteral("runs per point and compared value [default: 1]"),
                                  QStringLiteral("R")};
    const QCommandLineOption format{QStringLiteral("format"), QStringLiteral("csv or json [default: csv]"),
                                    QStringLiteral("FORMAT")};
    parser.addOptions({param, from, to, steps, compare, runs, format});
    session::addSessionOptions(parser);
    if (!parser.parse(args))
        return sweepUsageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        out().flush();
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return sweepUsageError(
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));
    for (const QCommandLineOption *required : {&param, &from, &to, &steps})
        if (!parser.isSet(*required))
            return sweepUsageError(QStringLiteral("--%1 is required").arg(required->names().constFirst()));

    // The base every run starts from: the scenario's preset, then every option given.
    session::SessionConfig base;
    if (QString e = session::readSessionOptions(parser, base); !e.isEmpty())
        return sweepUsageError(e);

    session::Sweep sweep;
    sweep.param = parser.value(param);
    const auto readNumber = [&](const QCommandLineOption &option, double &outValue) -> QString {
        bool ok = false;
        const QString text = parser.value(option);
        outValue = text.toDouble(&ok);
        if (!ok || !std::isfinite(outValue))
            return QStringLiteral("--%1 expects a number, not '%2'").arg(option.names().constFirst(), text);
        return {};
    };
    // The sweep's own rule for the count, under the option's name.
    const auto readCount = [&](const QCommandLineOption &option, QString (*check)(int), int &outValue) -> QString {
        bool ok = false;
        const QString text = parser.value(option);
        const QString name = option.names().constFirst();
        outValue = text.toInt(&ok);
        if (!ok)
            return QStringLiteral("--%1 expects a whole number, not '%2'").arg(name, text);
        if (QString e = check(outValue); !e.isEmpty())
            return QStringLiteral("invalid value '%1' for --%2: %3").arg(text, name, e);
        return {};
    };
    if (QString e = readNumber(from, sweep.from); !e.isEmpty())
        return sweepUsageError(e);
    if (QString e = readNumber(to, sweep.to); !e.isEmpty())
        return sweepUsageError(e);
    if (QString e = readCount(steps, &session::Sweep::checkSteps, sweep.steps); !e.isEmpty())
        return sweepUsageError(e);
    if (parser.isSet(runs))
        if (QString e = readCount(runs, &session::Sweep::checkRuns, sweep.runs); !e.isEmpty())
            return sweepUsageError(e);
    if (parser.isSet(compare))
        if (QString e = sweep.setCompare(parser.value(compare)); !e.isEmpty())
            return sweepUsageError(QStringLiteral("--compare: %1").arg(e));
    const QString formatName = parser.isSet(format) ? parser.value(format) : QStringLiteral("csv");
    if (formatName != u"csv" && formatName != u"json")
        return sweepUsageError(QStringLiteral("--format expects csv or json, not '%1'").arg(formatName));
    if (QString e = sweep.check(base); !e.isEmpty())
        return sweepUsageError(e);

    const std::vector<session::SweepRow> rows = session::runSweep(sweep, base);
    if (formatName == u"json")
        out() << QJsonDocument(session::sweepJson(sweep, base, rows)).toJson(QJsonDocument::Compact) << '\n';
    else
        out() << session::sweepCsv(sweep, rows);
    out().flush();
    return ExitOk;
}

} // namespace rpcscope::cli
