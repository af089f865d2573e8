#include "buildinfo.h"
#include "language.h"
#include "mainwindow.h"
#include "session/scenario.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("RpcScope"));
    QApplication::setApplicationName(QStringLiteral("RpcScope"));
    QApplication::setApplicationVersion(rpcscope::BuildInfo::programVersion());
    QApplication::setDesktopFileName(QStringLiteral(RPCSCOPE_APP_ID));
    QIcon icon(QStringLiteral(":/icons/rpcscope.svg"));
    // The PNGs are rendered ahead of time: small sizes look right even where
    // Qt's SVG icon engine is not installed.
    for (const int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/rpcscope-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);

    // The language remembered from View > Language, else the system's;
    // loaded before the options so that --help speaks it too.
    rpcscope::widgets::Language &language = rpcscope::widgets::Language::instance();
    language.restore();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Live sequence diagrams of RPC over an unreliable network."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption scenario(QStringLiteral("scenario"),
                                      QApplication::translate("main", "Scenario to open with [default: dropped-reply]"),
                                      QStringLiteral("NAME"));
    const QCommandLineOption speed(QStringLiteral("speed"),
                                   QApplication::translate("main", "Playback speed, virtual time per real time [default: 0.1]"),
                                   QStringLiteral("X"));
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        QApplication::translate("main", "Language for this run, not remembered: en, %1 [default: as chosen in "
                                        "View > Language, else the system's]")
            .arg(rpcscope::widgets::Language::available().join(QStringLiteral(", "))),
        QStringLiteral("CODE"));
    parser.addOptions({scenario, speed, languageOption});
    parser.addPositionalArgument(QStringLiteral("capture"),
                                 QApplication::translate("main", "A capture (.rpcscope) to open"),
                                 QStringLiteral("[capture]"));
    parser.process(app);

    if (parser.isSet(languageOption) && !language.select(parser.value(languageOption))) {
        QTextStream(stderr) << "rpcscope: invalid value '" << parser.value(languageOption)
                            << "' for --language: expected one of en, "
                            << rpcscope::widgets::Language::available().join(QStringLiteral(", ")) << '\n';
        return 2;
    }

    rpcscope::widgets::MainWindow window;
    if (!parser.positionalArguments().isEmpty()) {
        QString error;
        if (!window.openCapture(parser.positionalArguments().constFirst(), &error)
            && !error.isEmpty()) {
            QTextStream(stderr) << "rpcscope: " << parser.positionalArguments().constFirst() << ": " << error << '\n';
            return 1;
        }
    }
    if (parser.isSet(scenario)) {
        const QString name = parser.value(scenario);
        if (!rpcscope::session::findScenario(name)) {
            QTextStream(stderr) << "rpcscope: unknown scenario '" << name << "'\n";
            return 2;
        }
        window.startScenario(name);
    }
    if (parser.isSet(speed)) {
        bool ok = false;
        const double x = parser.value(speed).toDouble(&ok);
        if (!ok || x <= 0) {
            QTextStream(stderr) << "rpcscope: invalid value '" << parser.value(speed)
                                << "' for --speed: expected a positive number\n";
            return 2;
        }
        window.setSpeed(x);
    }
    window.show();
    return app.exec();
}
