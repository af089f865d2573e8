// rpcscope-cli: everything the GUI runs, headless.
#include "base/buildinfo.h"
#include "clicommand.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>

#include <algorithm>
#include <memory>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace rpcscope;

namespace {

void printUsage(QTextStream &stream)
{
    stream << "Usage: " << QCoreApplication::applicationName() << " COMMAND [OPTIONS]\n\n"
           << "See and tune how RPC behaves over an unreliable network, headless.\n\n"
           << "Commands:\n";
    for (const cli::Command &command : cli::commands())
        stream << "  " << command.name.leftJustified(12) << command.summary << '\n';
    stream << "\nOptions:\n"
           << "  -h, --help     Show this help, or a command's help with COMMAND --help\n"
           << "  -v, --version  Show the version\n";
    stream.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    // Exporting pictures draws: the diagram needs fonts and QPainter from a
    // QGuiApplication (no widgets), the charts are Qt Charts, which need a
    // QApplication. Without a display both draw offscreen; everything else
    // stays headless.
    const bool draws = argc > 1 && qstrcmp(argv[1], "export") == 0;
    bool charts = false;
    for (int i = 2; draws && i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        charts = charts || arg == "--chart" || arg.startsWith("--chart=") || arg.startsWith("chart-")
                 || arg.startsWith("--format=chart-");
    }
    if (draws && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#ifdef Q_OS_UNIX
    // A QGuiApplication asks for the runtime directory, which a terminal
    // over ssh or a CI job often lacks; Qt then warns and falls back to a
    // private directory in /tmp. Make that directory here, as Qt would (the
    // owner's alone), and name it, so an export says nothing on stderr. If
    // it cannot be made private, Qt's own fallback and warning stand.
    if (draws && qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QString runtime = QDir::tempPath() + QStringLiteral("/runtime-") + QString::number(::getuid());
        if (QDir().mkpath(runtime) && QFileInfo(runtime).ownerId() == ::getuid()
            && QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
            qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime));
    }
#endif
    std::unique_ptr<QCoreApplication> app;
    if (charts)
        app = std::make_unique<QApplication>(argc, argv);
    else if (draws)
        app = std::make_unique<QGuiApplication>(argc, argv);
    else
        app = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("RpcScope"));
    QCoreApplication::setApplicationName(QStringLiteral("rpcscope-cli"));
    QCoreApplication::setApplicationVersion(BuildInfo::programVersion());

    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        printUsage(cli::err());
        return cli::ExitUsage;
    }

    const QString &first = args.at(1);
    if (first == u"-h" || first == u"--help" || first == u"help") {
        printUsage(cli::out());
        return cli::ExitOk;
    }
    if (first == u"-v" || first == u"--version") {
        cli::out() << QCoreApplication::applicationName() << ' '
                   << QCoreApplication::applicationVersion() << '\n';
        return cli::ExitOk;
    }
    if (first.startsWith(u'-'))
        return cli::usageError(QStringLiteral("unknown option '%1'").arg(first));

    const auto all = cli::commands();
    const auto command = std::find_if(all.begin(), all.end(),
                                      [&](const cli::Command &c) { return c.name == first; });
    if (command == all.end()) {
        cli::err() << QCoreApplication::applicationName() << ": unknown command '" << first << "'\n\n";
        printUsage(cli::err());
        return cli::ExitUsage;
    }

    QStringList commandArgs = args.mid(2);
    commandArgs.prepend(QCoreApplication::applicationName() + u' ' + first);
    return command->run(commandArgs);
}
