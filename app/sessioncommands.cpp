#include "sessioncommands.h"

#include "base/sharedsink.h"
#include "capture/capturereader.h"
#include "capture/capturewriter.h"
#include "clicommand.h"
#include "run/livesession.h"
#include "run/simnetwork.h"
#include "run/wirecapture.h"
#include "services/counterservice.h"
#include "session/scenario.h"
#include "session/sessionargs.h"
#include "session/sessionoptions.h"
#include "session/settingchange.h"
#include "session/summary.h"
#include "trace/jsonlines.h"
#include "trace/tracelog.h"
#include "wire/datagram.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>

namespace rpcscope::cli {

namespace {

} // namespace

QString describeEvent(const trace::Event &e)
{
    using trace::EventKind;
    QString what = trace::eventKindName(e.kind);
    if (e.datagram)
        what += u' ' + wire::datagramKindName(wire::DatagramKind(e.datagram));
    if (e.fragment)
        what += QStringLiteral(" frag %1").arg(e.fragment);
    QString where = trace::hostName(e.from);
    if (e.kind == EventKind::Send || e.kind == EventKind::Deliver || e.kind == EventKind::Lost)
        where += QStringLiteral(" -> ") + trace::hostName(e.to);
    QString line = QStringLiteral("%1 ms  %2  %3")
                       .arg(double(e.timeUs) / 1000.0, 9, 'f', 3)
                       .arg(where, -18)
                       .arg(what, -26);
    if (e.callId)
        line += QStringLiteral("call %1 attempt %2").arg(e.callId).arg(e.attempt);
    switch (e.kind) {
    case EventKind::Timeout: line += QStringLiteral(" (after %1 ms)").arg(double(e.detail) / 1000.0); break;
    case EventKind::CallOk: line += QStringLiteral(" (%1 ms)").arg(double(e.detail) / 1000.0); break;
    case EventKind::CallFailed:
        line += QStringLiteral(" (%1)").arg(trace::callErrorName(trace::CallError(e.detail)));
        break;
    case EventKind::FragmentAck:
        line += QStringLiteral(" (holds %1 of %2 fragments)").arg(e.detail).arg(e.size);
        break;
    case EventKind::Reassembled:
        line += QStringLiteral(" (%1 fragments, %2 bytes)").arg(e.size).arg(e.detail);
        break;
    case EventKind::CacheEvict:
        line += QStringLiteral(" (%1)").arg(trace::evictReasonName(trace::EvictReason(e.detail)));
        break;
    case EventKind::RequestHeld: line += QStringLiteral(" (waits for call %1)").arg(e.detail); break;
    default: break;
    }
    return line;
}

namespace {

void printHuman(const session::Summary &s, const session::SessionConfig &config,
                const session::SettingChanges &changes = {}, const session::Lineage &lineage = {})
{
    QTextStream &o = out();
    o << "scenario " << config.scenario << ", seed " << s.seed << '\n';
    for (const session::ForkPoint &f : lineage) {
        QStringList settings;
        for (const auto &[option, value] : f.settings)
            settings << option + u'=' + value;
        o << "forked from " << f.parent << " at " << double(f.at.count()) / 1000.0 << " ms: "
          << settings.join(QStringLiteral(", ")) << '\n';
    }
    if (!changes.empty()) {
        QStringList parts;
        for (const session::SettingChange &c : changes)
            parts << session::formatChange(c);
        o << "changes (ms:option=value) " << parts.join(QStringLiteral(", ")) << '\n';
    }
    o
      << "calls " << s.calls << ": " << s.ok << " ok, " << s.failedTotal() << " failed";
    if (!s.failed.empty()) {
        QStringList parts;
        for (const auto &[reason, count] : s.failed)
            parts << QStringLiteral("%1 %2").arg(reason).arg(count);
        o << " (" << parts.join(QStringLiteral(", ")) << ')';
    }
    o << '\n'
      << "handler executions " << s.executions << ", duplicates suppressed " << s.duplicatesSuppressed
      << ", cached replies resent " << s.cachedRepliesResent << ", retransmissions "
      << s.retransmissions << ", probes " << s.probes << '\n'
      << "datagrams sent " << s.datagrams.sent << ", delivered " << s.datagrams.delivered
      << ", lost " << s.datagrams.lost << ", duplicated " << s.datagrams.duplicated
      << ", corrupted " << s.datagrams.corrupted << " (checksum caught "
      << s.datagrams.checksumRejected << ", slipped through " << s.datagrams.corruptAccepted << ")\n"
      << "latency ms p50 " << s.latency.p50 << ", p90 " << s.latency.p90 << ", p99 "
      << s.latency.p99 << ", max " << s.latency.max << '\n'
      << "virtual time " << s.virtualMs << " ms, wall time " << s.wallMs << " ms\n";
    if (s.counterTotal)
        o << "counter total " << *s.counterTotal << '\n';
    if (s.service.contains(QLatin1StringView("sha256_sent"))) {
        const QJsonObject &f = s.service;
        o << "file " << f.value(QLatin1StringView("received_bytes")).toInteger() << " of "
          << f.value(QLatin1StringView("file_bytes")).toInteger() << " bytes received; SHA-256 sent "
          << f.value(QLatin1StringView("sha256_sent")).toString().left(16) << "…, received "
          << (f.value(QLatin1StringView("sha256_received")).toString().isEmpty()
                  ? QStringLiteral("(incomplete)")
                  : f.value(QLatin1StringView("sha256_received")).toString().left(16) + u'…')
          << (f.value(QLatin1StringView("verified")).toBool() ? ": end-to-end check passed\n"
                                                               : ": END-TO-END CHECK FAILED\n");
    }
    o.flush();
}

// What simulate and live share: the session options, --json, --events, --trace.
struct SessionCommand
{
    QCommandLineParser parser;
    QCommandLineOption json{QStringLiteral("json"), QStringLiteral("print the summary as one JSON object")};
    QCommandLineOption events{QStringLiteral("events"),
                              QStringLiteral("write every trace event to FILE as JSON Lines"),
                              QStringLiteral("FILE")};
    QCommandLineOption trace{QStringLiteral("trace"),
                             QStringLiteral("print every event as a line a person can read")};
    QCommandLineOption record{QStringLiteral("record"),
                              QStringLiteral("write a capture of the session to FILE as it runs (.rpcscope)"),
                              QStringLiteral("FILE")};
    session::SessionConfig config;
    capture::CaptureWriter writer;

    // Opens the capture if --record asked for one. Returns -1 to go on, or an exit code.
    int openRecording(const QString &command, const capture::CaptureInfo &info)
    {
        if (!parser.isSet(record))
            return -1;
        QString error;
        if (!writer.open(parser.value(record), config, info, &error)) {
            err() << "rpcscope-cli " << command << ": " << error << '\n';
            err().flush();
            return ExitFailure;
        }
        return -1;
    }

    bool keepTrace() const { return parser.isSet(events) || parser.isSet(trace); }

    // Parses the command line into `config`: the scenario's preset first, then
    // every option given, which wins. Returns -1 to go on, or an exit code.
    int parse(const QStringList &args, const QString &command, const QString &description,
              const QList<QCommandLineOption> &extra = {})
    {
        parser.setApplicationDescription(description);
        parser.addHelpOption();
        session::addSessionOptions(parser);
        parser.addOptions({json, events, trace, record});
        parser.addOptions(extra);
        if (!parser.parse(args))
            return usageError(QStringLiteral("%1: %2").arg(command, parser.errorText()));
        if (parser.isSet(QStringLiteral("help"))) {
            out() << parser.helpText();
            out().flush();
            return ExitOk;
        }
        if (!parser.positionalArguments().isEmpty())
            return usageError(QStringLiteral("%1: unexpected argument '%2'")
                                  .arg(command, parser.positionalArguments().constFirst()));
        if (QString e = session::readSessionOptions(parser, config); !e.isEmpty())
            return usageError(QStringLiteral("%1: %2").arg(command, e));
        return -1;
    }

    // Writes what was asked for; returns the exit code.
    int report(session::Summary summary, const trace::TraceLog &log, const QString &command,
               const session::SettingChanges &changes = {}, const session::Lineage &lineage = {})
    {
        summary.seed = config.seed;
        if (parser.isSet(record)) {
            QString error;
            if (!writer.finish(summary, &error)) {
                err() << "rpcscope-cli " << command << ": " << error << '\n';
                err().flush();
                return ExitFailure;
            }
        }
        if (parser.isSet(events)) {
            const QString path = parser.value(events);
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || !trace::writeJsonLines(log.view(), file) || !file.commit()) {
                err() << "rpcscope-cli " << command << ": cannot write events to '" << path
                      << "': " << file.errorString() << '\n';
                err().flush();
                return ExitFailure;
            }
        }
        if (parser.isSet(trace)) {
            const trace::TraceLog::View view = log.view();
            for (qsizetype i = 0; i < view.size(); ++i)
                out() << describeEvent(view.at(i)) << '\n';
            out() << '\n';
        }
        if (parser.isSet(json))
            out() << QJsonDocument(summary.toJson()).toJson(QJsonDocument::Compact) << '\n';
        else
            printHuman(summary, config, changes, lineage);
        out().flush();
        return ExitOk;
    }
};

} // namespace

int runReplay(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Reads a capture and prints the summary of the session that made it; with --rerun, runs a "
        "simulated capture again from its settings and seed and checks that every event is the same."));
    parser.addHelpOption();
    const QCommandLineOption json{QStringLiteral("json"), QStringLiteral("print the summary as one JSON object")};
    const QCommandLineOption trace{QStringLiteral("trace"),
                                   QStringLiteral("print every event as a line a person can read")};
    const QCommandLineOption rerun{QStringLiteral("rerun"),
                                   QStringLiteral("run the session again and compare its events with the capture's")};
    parser.addOptions({json, trace, rerun});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("a capture (.rpcscope)"));
    if (!parser.parse(args))
        return usageError(QStringLiteral("replay: %1").arg(parser.errorText()));
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        out().flush();
        return ExitOk;
    }
    if (parser.positionalArguments().size() != 1)
        return usageError(QStringLiteral("replay: expected one capture file"));
    const QString path = parser.positionalArguments().constFirst();

    trace::TraceLog log;
    capture::LoadedCapture loaded;
    QString error;
    const capture::LoadStatus status = capture::loadCapture(path, log, loaded, &error);
    if (status == capture::LoadStatus::NotACapture) {
        err() << "rpcscope-cli replay: " << path << ": " << error << '\n';
        err().flush();
        return ExitFailure;
    }
    if (!loaded.note.isEmpty())
        err() << "rpcscope-cli replay: " << path << ": " << loaded.note << '\n';
    if (status == capture::LoadStatus::Partial)
        err() << "rpcscope-cli replay: " << path << ": " << loaded.stopped << "; showing the " << loaded.events
              << " events before that\n";
    err().flush();

    if (parser.isSet(rerun)) {
        if (const QString why = loaded.whyNotRerun(); !why.isEmpty()) {
            err() << "rpcscope-cli replay: " << path << ": " << why << '\n';
            err().flush();
            return ExitFailure;
        }
        trace::TraceLog again;
        session::SimNetwork sim(loaded.config, &again);
        session::runWithChanges(sim, loaded.config, loaded.changes, again);
        const trace::TraceLog::View a = log.view(), b = again.view();
        qsizetype same = 0;
        while (same < a.size() && same < b.size() && a.at(same) == b.at(same))
            ++same;
        if (same != a.size() || (status == capture::LoadStatus::Complete && a.size() != b.size())) {
            err() << "rpcscope-cli replay: the run differs from the capture at event " << same << " of "
                  << a.size() << '\n';
            err().flush();
            return ExitFailure;
        }
        out() << "the run reproduces all " << a.size() << " events of the capture\n";
    }

    if (parser.isSet(trace)) {
        const trace::TraceLog::View view = log.view();
        for (qsizetype i = 0; i < view.size(); ++i)
            out() << describeEvent(view.at(i)) << '\n';
        out() << '\n';
    }
    const session::Summary summary = loaded.summary(session::SummaryBuilder::fromTrace(log.view()));
    if (parser.isSet(json))
        out() << QJsonDocument(summary.toJson()).toJson(QJsonDocument::Compact) << '\n';
    else
        printHuman(summary, loaded.config, loaded.changes, loaded.lineage);
    out().flush();
    return status == capture::LoadStatus::Complete ? ExitOk : ExitFailure;
}

int runSimulate(const QStringList &args)
{
    SessionCommand cmd;
    const QCommandLineOption changeAt{
        QStringLiteral("change-at"),
        QStringLiteral("change a setting while the session runs, at MS milliseconds of virtual time, as the GUI's "
                       "controls do (repeatable; recorded in the capture)"),
        QStringLiteral("MS:OPTION=VALUE")};
    const QCommandLineOption fork{
        QStringLiteral("fork"),
        QStringLiteral("a what-if fork of a simulated capture: its settings and seed, the same events up to "
                       "--at-ms, then the --set changes"),
        QStringLiteral("CAPTURE")};
    const QCommandLineOption atMs{QStringLiteral("at-ms"), QStringLiteral("with --fork: where the fork departs"),
                                  QStringLiteral("MS")};
    const QCommandLineOption set{QStringLiteral("set"),
                                 QStringLiteral("with --fork: a setting the fork changes at --at-ms (repeatable)"),
                                 QStringLiteral("OPTION=VALUE")};
    if (int code = cmd.parse(args, QStringLiteral("simulate"),
                             QStringLiteral("Runs a scenario in virtual time: every client and the server are "
                                            "simulated, the network is emulated, and one seed reproduces the "
                                            "whole run."),
                             {changeAt, fork, atMs, set});
        code >= 0)
        return code;

    session::SettingChanges changes;
    session::Lineage lineage;
    if (cmd.parser.isSet(fork)) {
        for (const session::SessionOption &o : session::sessionOptions()) {
            if (cmd.parser.isSet(QString::fromLatin1(o.name)))
                return usageError(QStringLiteral("simulate: --fork takes its settings from the capture; --%1 "
                                                 "would change them from the start: give --set %1=VALUE to "
                                                 "change it from --at-ms on")
                                      .arg(QLatin1StringView(o.name)));
        }
        if (cmd.parser.isSet(QStringLiteral("ordered")))
            return usageError(QStringLiteral("simulate: --fork takes its settings from the capture; --ordered would "
                                             "change them from the start, and delivery cannot change at a fork"));
        if (!cmd.parser.isSet(atMs) || !cmd.parser.isSet(set))
            return usageError(QStringLiteral("simulate: --fork needs --at-ms, where the fork departs, and at least "
                                             "one --set OPTION=VALUE, what it changes there"));
        double ms = 0;
        if (QString e = session::parseNumber(cmd.parser.value(atMs), 0, 86'400'000, ms); !e.isEmpty())
            return usageError(
                QStringLiteral("simulate: invalid value '%1' for --at-ms: %2").arg(cmd.parser.value(atMs), e));
        const QString parentPath = cmd.parser.value(fork);
        trace::TraceLog parentEvents;
        capture::LoadedCapture parent;
        QString error;
        if (capture::loadCapture(parentPath, parentEvents, parent, &error) == capture::LoadStatus::NotACapture) {
            err() << "rpcscope-cli simulate: --fork " << parentPath << ": " << error << '\n';
            err().flush();
            return ExitFailure;
        }
        if (const QString why = parent.whyNotRerun(); !why.isEmpty()) {
            err() << "rpcscope-cli simulate: --fork " << parentPath << ": cannot fork it: " << why << '\n';
            err().flush();
            return ExitFailure;
        }
        std::vector<std::pair<QString, QString>> settings;
        for (const QString &text : cmd.parser.values(set)) {
            QString option, value;
            if (QString e = session::parseSetting(text, option, value); !e.isEmpty())
                return usageError(QStringLiteral("simulate: invalid value for --set %1").arg(e));
            settings.emplace_back(option, value);
        }
        const core::TimePoint at(std::int64_t(ms * 1000.0 + 0.5));
        cmd.config = parent.config;
        changes = session::forkChanges(parent.changes, at, settings);
        lineage = session::forkLineage(parent.lineage, QFileInfo(parentPath).fileName(), at, settings);
    } else if (cmd.parser.isSet(atMs) || cmd.parser.isSet(set)) {
        return usageError(QStringLiteral("simulate: --at-ms and --set go with --fork; to change a setting at a "
                                         "time in a new session, give --change-at MS:OPTION=VALUE"));
    }
    // In the order of their times, as given where two share one.
    session::SettingChanges scripted;
    for (const QString &text : cmd.parser.values(changeAt)) {
        session::SettingChange c;
        if (QString e = session::parseChangeAt(text, c); !e.isEmpty())
            return usageError(QStringLiteral("simulate: invalid value for --change-at %1").arg(e));
        if (!lineage.empty() && c.at < lineage.back().at)
            return usageError(QStringLiteral("simulate: --change-at %1 comes before the fork departs (--at-ms %2): "
                                             "a fork keeps what happened before")
                                  .arg(text)
                                  .arg(double(lineage.back().at.count()) / 1000.0));
        scripted.push_back(c);
    }
    std::ranges::stable_sort(scripted, {}, &session::SettingChange::at);
    changes.insert(changes.end(), scripted.begin(), scripted.end());
    if (QString e = session::checkChanges(cmd.config, changes); !e.isEmpty())
        return usageError(QStringLiteral("simulate: %1").arg(e));

    capture::CaptureInfo info(true, cmd.config.clients);
    info.changes = changes;
    info.lineage = lineage;
    if (int code = cmd.openRecording(QStringLiteral("simulate"), info); code >= 0)
        return code;
    trace::TraceLog log;
    session::SummaryBuilder builder;
    trace::EventSink *sink = cmd.keepTrace() ? static_cast<trace::EventSink *>(&log) : &builder;
    trace::TeeSink recording(sink, &cmd.writer);
    if (cmd.parser.isSet(cmd.record))
        sink = &recording;

    QElapsedTimer wall;
    wall.start();
    session::SimNetwork sim(cmd.config, sink);
    session::runWithChanges(sim, cmd.config, changes, *sink);
    const double wallMs = double(wall.nsecsElapsed()) / 1e6;

    session::Summary summary = cmd.keepTrace() ? session::SummaryBuilder::fromTrace(log.view()) : builder.finish();
    summary.wallMs = wallMs;
    if (auto *counter = dynamic_cast<services::CounterService *>(&sim.service()))
        summary.counterTotal = counter->total();
    summary.service = sim.service().report();
    return cmd.report(summary, log, QStringLiteral("simulate"), changes, lineage);
}

int runLive(const QStringList &args)
{
    SessionCommand cmd;
    const QCommandLineOption pcapng{
        QStringLiteral("pcapng"),
        QStringLiteral("write every datagram the session's sockets send, and each their emulators drop, as a "
                       "packet capture for Wireshark"),
        QStringLiteral("FILE")};
    if (int code = cmd.parse(args, QStringLiteral("live"),
                             QStringLiteral("Runs a scenario on real UDP sockets on loopback: the server on its "
                                            "own thread, each client on its own, the emulator on every send "
                                            "path. Same options and summary as simulate, in real time."),
                             {pcapng});
        code >= 0)
        return code;
    // Opened before the session runs, so a path that cannot be written is
    // said at once, not after the calls.
    QSaveFile capture(cmd.parser.value(pcapng));
    if (cmd.parser.isSet(pcapng) && !capture.open(QIODevice::WriteOnly)) {
        err() << "rpcscope-cli live: --pcapng " << cmd.parser.value(pcapng) << ": " << capture.errorString() << '\n';
        err().flush();
        return ExitFailure;
    }
    if (const int most = session::LiveSession::maxClients(cmd.config); cmd.config.clients > most)
        return usageError(QStringLiteral("live: invalid value '%1' for --clients: a live session runs at most %2 "
                                         "clients, each with a thread and a socket of its own")
                              .arg(cmd.config.clients)
                              .arg(most));
    if (int code = cmd.openRecording(QStringLiteral("live"), {false, cmd.config.clients}); code >= 0)
        return code;
    session::LiveSession live(cmd.config);
    if (cmd.parser.isSet(cmd.record))
        live.setRecorder(&cmd.writer);
    session::LiveWireCapture wire;
    if (cmd.parser.isSet(pcapng))
        live.setWireTap(wire.tap());
    QString error;
    if (!live.run(&error)) {
        err() << "rpcscope-cli live: " << error << '\n';
        err().flush();
        return ExitFailure;
    }
    if (cmd.parser.isSet(pcapng)) {
        if (!wire.write(cmd.config, capture) || !capture.commit()) {
            err() << "rpcscope-cli live: --pcapng " << cmd.parser.value(pcapng) << ": " << capture.errorString()
                  << '\n';
            err().flush();
            return ExitFailure;
        }
        if (wire.leftOut() > 0) {
            err() << "rpcscope-cli live: --pcapng: " << wire.leftOut() << " datagrams between IPv6 addresses are "
                  << "not in the capture (it holds IPv4 only)\n";
            err().flush();
        }
    }
    return cmd.report(live.summary(), live.log(), QStringLiteral("live"));
}

} // namespace rpcscope::cli
