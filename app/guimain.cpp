#include "base/buildinfo.h"
#include "language.h"
#include "mainwindow.h"
#include "rpc/hostport.h"
#include "rpc/keyfile.h"
#include "session/scenario.h"
#include "session/sessionargs.h"
#include "session/sessionoptions.h"
#include "session/settingchange.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTextStream>

#include <optional>
#include <string_view>

namespace {

// The options, described in the language loaded before they are made.
struct GuiOptions
{
    QCommandLineOption speed{QStringLiteral("speed"),
                             QCoreApplication::translate("main",
                                                         "Playback speed, virtual time per real time [default: 0.1]"),
                             QStringLiteral("X")};
    QCommandLineOption language{
        QStringLiteral("language"),
        QCoreApplication::translate("main", "Language for this run, not remembered: en, %1 [default: as chosen in "
                                            "View > Language, else the system's]")
            .arg(rpcscope::widgets::Language::available().join(QStringLiteral(", "))),
        QStringLiteral("CODE")};
    QCommandLineOption connect{
        QStringLiteral("connect"),
        QCoreApplication::translate("main", "Call rpcscope-cli serve at this address instead of a server on loopback "
                                            "(File > Connect to Server…)"),
        QStringLiteral("HOST:PORT")};
    QCommandLineOption tracePort{
        QStringLiteral("trace-port"),
        QCoreApplication::translate("main",
                                    "With --connect: the port of the server's trace feed (serve --trace-port)"),
        QStringLiteral("PORT")};
    QCommandLineOption presentation{
        QStringLiteral("presentation"),
        QCoreApplication::translate("main", "Start in presentation mode: full screen, everything large, for a projector")};
    QCommandLineOption quiz{
        QStringLiteral("quiz"),
        QCoreApplication::translate("main", "Start in quiz mode (Go > Quiz Mode): playback pauses to ask the class "
                                            "what happens next, then shows the answer")};
    QCommandLineOption compare{
        QStringLiteral("compare"),
        QCoreApplication::translate("main", "Open Scenario > Compare: the scenario run twice on one clock, as A and "
                                            "as B [default: overload, backoff=fixed against backoff=full-jitter]")};
    QCommandLineOption compareA{
        QStringLiteral("a"),
        QCoreApplication::translate("main", "With --compare: a setting of run A (repeatable)"),
        QStringLiteral("OPTION=VALUE")};
    QCommandLineOption compareB{
        QStringLiteral("b"),
        QCoreApplication::translate("main", "With --compare: a setting of run B (repeatable)"),
        QStringLiteral("OPTION=VALUE")};
    QCommandLineOption forkAt{
        QStringLiteral("fork-at"),
        QCoreApplication::translate("main", "Fork the session (or the capture opened) at this many milliseconds "
                                            "and open the fork beside its original (Scenario > Fork from Here)"),
        QStringLiteral("MS")};
    QCommandLineOption set{QStringLiteral("set"),
                           QCoreApplication::translate("main", "With --fork-at: a setting the fork changes (repeatable)"),
                           QStringLiteral("OPTION=VALUE")};
    QCommandLineOption keyFile{
        QStringLiteral("key-file"),
        QCoreApplication::translate("main", "With --connect: the DTLS key, the first line of this file"),
        QStringLiteral("FILE")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.setApplicationDescription(QCoreApplication::translate(
            "main", "Live sequence diagrams of RPC over an unreliable network.\n\nThe session options are "
                    "rpcscope-cli simulate's, with the same defaults; with none of them, the window opens with "
                    "the dropped-reply scenario."));
        parser.addHelpOption();
        parser.addVersionOption();
        rpcscope::session::addSessionOptions(parser, true);
        parser.addOptions({speed, language, connect, tracePort, keyFile, presentation, quiz, compare, compareA,
                           compareB, forkAt, set});
        parser.addPositionalArgument(QStringLiteral("capture"),
                                     QCoreApplication::translate("main", "A capture (.rpcscope) to open"),
                                     QStringLiteral("[capture]"));
    }
};

void nameTheProgram()
{
    QCoreApplication::setOrganizationName(QStringLiteral("RpcScope"));
    QCoreApplication::setApplicationName(QStringLiteral("RpcScope"));
    QCoreApplication::setApplicationVersion(rpcscope::BuildInfo::programVersion());
}

// --help and --version only print: they need no display, and QApplication
// would abort without one (a terminal over ssh, a packaging check).
bool onlyPrints(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg(argv[i]);
        if (arg == "--")
            return false;
        if (arg == "-h" || arg == "-?" || arg == "--help" || arg == "--help-all" || arg == "-v"
            || arg == "--version")
            return true;
    }
    return false;
}

QString unknownLanguage(const QString &code)
{
    return QStringLiteral("invalid value '%1' for --language: expected one of en, %2")
        .arg(code, rpcscope::widgets::Language::available().join(QStringLiteral(", ")));
}

// What the command line asks the window to do. Everything in it is read
// before the window needs a display, so that a wrong value is said and exits
// 2 on a machine without one too (over ssh, in a packaging check).
struct LaunchPlan
{
    bool sessionGiven = false;
    rpcscope::session::SessionConfig config;
    std::optional<double> speed;
    std::optional<rpcscope::remote::RemoteServer> server;
    std::optional<std::pair<rpcscope::session::SessionConfig, rpcscope::session::SessionConfig>> comparison;
    std::optional<rpcscope::core::TimePoint> forkAt;
    std::vector<std::pair<QString, QString>> forkSettings;
};

// Reads every option but --language into `plan`; the words of the first
// wrong one, or nothing.
QString readLaunchPlan(const QCommandLineParser &parser, const GuiOptions &options, LaunchPlan &plan)
{
    const bool capture = !parser.positionalArguments().isEmpty();
    if (parser.isSet(options.connect) && capture)
        return QStringLiteral("--connect runs a session against a server; a capture is opened without one: give "
                              "one or the other");
    // The session options, read as rpcscope-cli reads them.
    plan.sessionGiven = rpcscope::session::anySessionOptionSet(parser);
    if (plan.sessionGiven) {
        if (const QString e = rpcscope::session::readSessionOptions(parser, plan.config); !e.isEmpty())
            return e;
        if (capture)
            return QStringLiteral("a capture is shown with the settings it was made with; session options start "
                                  "a new session (to change a capture's settings from a moment on, give --fork-at "
                                  "and --set)");
    }
    if (parser.isSet(options.speed)) {
        bool ok = false;
        const double x = parser.value(options.speed).toDouble(&ok);
        if (!ok || !(x > 0))
            return QStringLiteral("invalid value '%1' for --speed: expected a positive number")
                .arg(parser.value(options.speed));
        plan.speed = x;
    }
    if (parser.isSet(options.connect)) {
        rpcscope::rpc::HostPort where;
        if (const QString e = rpcscope::rpc::parseHostPort(parser.value(options.connect), false, where); !e.isEmpty())
            return QStringLiteral("invalid value '%1' for --connect: %2").arg(parser.value(options.connect), e);
        rpcscope::remote::RemoteServer server{where.address, where.port, 0, {}};
        if (parser.isSet(options.tracePort)) {
            bool ok = false;
            const uint port = parser.value(options.tracePort).toUInt(&ok);
            if (!ok || port == 0 || port > 65535)
                return QStringLiteral("invalid value '%1' for --trace-port: expected a port from 1 to 65535")
                    .arg(parser.value(options.tracePort));
            server.tracePort = quint16(port);
            if (server.tracePort == server.port)
                return QStringLiteral("--trace-port %1 is the server's own port: the trace feed has one of its own")
                    .arg(port);
        }
        if (parser.isSet(options.keyFile)) {
            if (const QString e = rpcscope::rpc::readKeyFile(parser.value(options.keyFile), server.key); !e.isEmpty())
                return QStringLiteral("--key-file: %1").arg(e);
        }
        if (server.tracePort != 0 && server.key.isEmpty())
            return QStringLiteral("--trace-port needs --key-file: the server shares its trace only with holders of "
                                  "its key");
        plan.server = server;
    } else if (parser.isSet(options.tracePort) || parser.isSet(options.keyFile)) {
        return QStringLiteral("--trace-port and --key-file go with --connect");
    }
    // --compare: A and B from the scenario, each with its own settings.
    if (parser.isSet(options.compare)) {
        // The session options, else the overload.
        rpcscope::session::SessionConfig base = plan.config;
        if (!plan.sessionGiven) {
            base.scenario = QStringLiteral("overload");
            rpcscope::session::findScenario(base.scenario)->apply(base);
        }
        QStringList settings[2] = {parser.values(options.compareA), parser.values(options.compareB)};
        if (settings[0].isEmpty() && settings[1].isEmpty()) {
            settings[0] << QStringLiteral("backoff=fixed");
            settings[1] << QStringLiteral("backoff=full-jitter");
        }
        rpcscope::session::SessionConfig sides[2] = {base, base};
        for (int side = 0; side < 2; ++side) {
            // Read as rpcscope-cli compare reads them: the same checks, the same words.
            if (const QString e = rpcscope::session::applyCompareSettings(
                    settings[side], side == 0 ? QStringLiteral("a") : QStringLiteral("b"), sides[side]);
                !e.isEmpty())
                return e;
        }
        plan.comparison.emplace(sides[0], sides[1]);
    } else if (parser.isSet(options.compareA) || parser.isSet(options.compareB)) {
        return QStringLiteral("--a and --b go with --compare");
    }
    // --fork-at: the fork point and what changes there.
    if (parser.isSet(options.forkAt)) {
        double ms = 0;
        if (const QString e = rpcscope::session::parseNumber(parser.value(options.forkAt), 0, 86'400'000, ms);
            !e.isEmpty())
            return QStringLiteral("invalid value '%1' for --fork-at: %2").arg(parser.value(options.forkAt), e);
        plan.forkAt = rpcscope::core::TimePoint(std::int64_t(ms * 1000.0 + 0.5));
        for (const QString &text : parser.values(options.set)) {
            QString option, value;
            if (const QString e = rpcscope::session::parseSetting(text, option, value); !e.isEmpty())
                return QStringLiteral("invalid value for --set %1").arg(e);
            plan.forkSettings.emplace_back(option, value);
        }
    } else if (parser.isSet(options.set)) {
        return QStringLiteral("--set goes with --fork-at");
    }
    return {};
}

// The command line checked before QApplication, which aborts without a
// display. A command line this parser cannot read alone (Qt's own
// -platform, -style) is left to the full parse, with the application that
// knows those.
int checkCommandLine(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const GuiOptions options;
    options.addTo(parser);
    if (!parser.parse(QCoreApplication::arguments()))
        return -1;
    QString e;
    if (const QString code = parser.value(options.language);
        parser.isSet(options.language) && code != rpcscope::widgets::Language::kSystem
        && code != rpcscope::widgets::Language::kEnglish
        && !rpcscope::widgets::Language::available().contains(code))
        e = unknownLanguage(code);
    LaunchPlan plan;
    if (e.isEmpty())
        e = readLaunchPlan(parser, options, plan);
    if (!e.isEmpty()) {
        QTextStream(stderr) << "rpcscope: " << e << '\n';
        return 2;
    }
    return -1;
}

} // namespace

int main(int argc, char *argv[])
{
    if (const int code = onlyPrints(argc, argv) ? -1 : checkCommandLine(argc, argv); code >= 0)
        return code;
    if (onlyPrints(argc, argv)) {
        QCoreApplication app(argc, argv);
        nameTheProgram();
        rpcscope::widgets::Language::instance().restore(); // --help speaks the language the window would
        QCommandLineParser parser;
        GuiOptions().addTo(parser);
        parser.process(app); // prints, and exits
        return 0;
    }

    QApplication app(argc, argv);
    nameTheProgram();
    QApplication::setDesktopFileName(QStringLiteral(RPCSCOPE_APP_ID));
    QIcon icon(QStringLiteral(":/icons/rpcscope.svg"));
    // The PNGs are rendered ahead of time: small sizes look right even where
    // Qt's SVG icon engine is not installed.
    for (const int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/rpcscope-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);

    // The language remembered from View > Language, else the system's;
    // loaded before the options so that their descriptions speak it too.
    rpcscope::widgets::Language &language = rpcscope::widgets::Language::instance();
    language.restore();

    QCommandLineParser parser;
    const GuiOptions options;
    options.addTo(parser);
    const QCommandLineOption &languageOption = options.language;
    parser.process(app);

    if (parser.isSet(languageOption) && !language.select(parser.value(languageOption))) {
        QTextStream(stderr) << "rpcscope: " << unknownLanguage(parser.value(languageOption)) << '\n';
        return 2;
    }

    LaunchPlan plan;
    if (const QString e = readLaunchPlan(parser, options, plan); !e.isEmpty()) {
        QTextStream(stderr) << "rpcscope: " << e << '\n';
        return 2;
    }
    rpcscope::widgets::MainWindow window;
    // A file that is no capture (damaged, or something else opened from the
    // file manager) is reported as File > Open reports it, and the window
    // goes on with the scenario it opened with.
    if (!parser.positionalArguments().isEmpty())
        window.openCapture(parser.positionalArguments().constFirst());
    if (plan.sessionGiven)
        window.startSession(plan.config);
    if (plan.speed)
        window.setSpeed(*plan.speed);
    if (plan.server)
        window.connectToServer(*plan.server);
    window.show();
    if (plan.comparison)
        window.compare(plan.comparison->first, plan.comparison->second);
    if (plan.forkAt) {
        QString why;
        if (!window.forkFrom(*plan.forkAt, plan.forkSettings, &why)) {
            QTextStream(stderr) << "rpcscope: --fork-at: " << why << '\n';
            return 2;
        }
    }
    if (parser.isSet(options.presentation))
        window.present(true);
    if (parser.isSet(options.quiz))
        window.quiz(true);
    return app.exec();
}
