#include "buildinfo.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

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
    parser.process(app);

    rpcscope::widgets::MainWindow window;
    window.show();
    return app.exec();
}
