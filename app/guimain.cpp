#include "buildinfo.h"
#include "mainwindow.h"
#include "session/scenario.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("RpcScope"));
    QApplication::setApplicationName(QStringLiteral("RpcScope"));
    QApplication::setApplicationVersion(rpcscope::BuildInfo::programVersion());

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
    parser.addOptions({scenario, speed});
    parser.addPositionalArgument(QStringLiteral("capture"),
                                 QApplication::translate("main", "A capture (.rpcscope) to open"),
                                 QStringLiteral("[capture]"));
    parser.process(app);

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
