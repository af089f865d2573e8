#include "soakcommand.h"

#include "clicommand.h"
#include "run/soak.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThreadPool>

#include <algorithm>
#include <cstdio>

namespace rpcscope::cli {

namespace {

const QString kCommand = QStringLiteral("soak");
// Seeds per batch: progress is reported after each.
constexpr int kBatch = 500;

int soakUsageError(const QString &message)
{
    return usageError(QStringLiteral("%1: %2").arg(kCommand, message));
}

void printText(const session::SoakResult &r, std::uint64_t first, double seconds, int threads)
{
    const double perSecond = seconds > 0 ? r.seeds / seconds : 0.0;
    out() << "soak: " << r.seeds << " seeds from " << first << " in " << QString::number(seconds, 'f', 1)
          << " s (" << QString::number(perSecond, 'f', 0) << " seeds/s on " << threads << " threads)\n"
          << "  calls " << r.calls << " (ok " << r.ok << ", failed " << r.failed << "), executions "
          << r.executions << ", retransmissions " << r.retransmissions << ", duplicates answered without running "
          << r.duplicatesAnswered << '\n'
          << "  sessions with fragments " << r.fragmentedSeeds << ", with a server restart " << r.restartedSeeds
          << ", with the server overloaded " << r.overloadedSeeds
          << ", with calls outliving the reply cache " << r.outlivedSeeds << ", flooded " << r.floodedSeeds
          << ", ordered " << r.orderedSeeds << '\n'
          << "promises broken (each must be 0):\n";
    const std::pair<const char *, std::int64_t> rows[] = {
        {"double executions", r.broken.doubleExecutions}, {"corrupt accepted", r.broken.corruptAccepted},
        {"calls past deadline", r.broken.pastDeadline},   {"calls ended twice", r.broken.endedTwice},
        {"calls unfinished", r.broken.unfinished},        {"counter mismatches", r.broken.counterMismatch},
        {"wrong results", r.broken.wrongResults}, {"flood amplified", r.broken.amplified},
        {"calls out of order", r.broken.outOfOrder},
    };
    for (const auto &[name, count] : rows)
        out() << "  " << QString::fromLatin1(name).leftJustified(22) << count << '\n';
    for (const auto &[seed, problem] : r.failures)
        out() << "seed " << seed << ": " << problem << " (again: " << QCoreApplication::applicationName()
              << " soak --first-seed " << seed << " --seeds 1)\n";
}

} // namespace

int runSoak(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The chaos soak: simulates one session per seed, each with a random network (loss up to 50 %, "
        "duplication up to 30 %, reordering, corruption, bursts), random retry and ack settings, server "
        "restarts, fragmented messages and overloaded servers, checks the protocol's promises after each, "
        "and prints how often each broke. Exits 1 if any did. Uses every core; the result does not "
        "depend on how many."));
    parser.addHelpOption();
    const QCommandLineOption seeds{QStringLiteral("seeds"), QStringLiteral("sessions to run [default: 10000]"),
                                   QStringLiteral("N")};
    const QCommandLineOption first{QStringLiteral("first-seed"), QStringLiteral("seed of the first [default: 1]"),
                                   QStringLiteral("S")};
    const QCommandLineOption json{QStringLiteral("json"), QStringLiteral("print the result as one JSON object")};
    parser.addOptions({seeds, first, json});
    if (!parser.parse(args))
        return soakUsageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        out().flush();
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return soakUsageError(
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));
    int count = 10'000;
    if (parser.isSet(seeds)) {
        bool ok = false;
        count = parser.value(seeds).toInt(&ok);
        if (!ok || count < 1 || count > 100'000'000)
            return soakUsageError(
                QStringLiteral("--seeds expects a whole number from 1 to 100000000, not '%1'").arg(parser.value(seeds)));
    }
    std::uint64_t firstSeed = 1;
    if (parser.isSet(first)) {
        bool ok = false;
        firstSeed = parser.value(first).toULongLong(&ok);
        if (!ok)
            return soakUsageError(QStringLiteral("--first-seed expects a whole number, not '%1'").arg(parser.value(first)));
    }

    // Progress overwrites one line on a terminal; in a log it would only
    // run the batches together.
    const bool progress = !parser.isSet(json) && count > kBatch && stderrIsTerminal();
    QElapsedTimer clock;
    clock.start();
    session::SoakResult total;
    for (int done = 0; done < count;) {
        const int batch = std::min(kBatch, count - done);
        const session::SoakResult part = session::runSoak(firstSeed + std::uint64_t(done), batch);
        total += part; // batches come in seed order: the same result on any number of threads
        done += batch;
        if (progress) {
            err() << "\r" << kCommand << ": " << done << " of " << count << " seeds, "
                  << total.broken.total() << " promises broken";
            err().flush();
        }
    }
    if (progress) {
        err() << '\n';
        err().flush();
    }
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    const int threads = QThreadPool::globalInstance()->maxThreadCount();
    if (parser.isSet(json)) {
        QJsonObject o = total.toJson();
        o.insert(QStringLiteral("first_seed"), QString::number(firstSeed));
        o.insert(QStringLiteral("seconds"), seconds);
        o.insert(QStringLiteral("seeds_per_second"), seconds > 0 ? total.seeds / seconds : 0.0);
        out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
    } else {
        printText(total, firstSeed, seconds, threads);
    }
    out().flush();
    return total.broken.total() == 0 ? ExitOk : ExitFailure;
}

} // namespace rpcscope::cli
