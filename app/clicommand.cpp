#include "clicommand.h"

#include "base/buildinfo.h"
#include "comparecommand.h"
#include "exportcommand.h"
#include "netcommands.h"
#include "sessioncommands.h"
#include "soakcommand.h"
#include "sweepcommand.h"

#include <QCoreApplication>

#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace rpcscope::cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

bool stderrIsTerminal()
{
#ifdef Q_OS_WIN
    return ::_isatty(::_fileno(stderr));
#else
    return ::isatty(::fileno(stderr));
#endif
}

int usageError(const QString &message)
{
    err() << QCoreApplication::applicationName() << ": " << message << '\n'
          << "Try '" << QCoreApplication::applicationName() << " --help' for more information.\n";
    err().flush();
    return ExitUsage;
}

QString terminalSafe(QStringView text)
{
    QString safe;
    safe.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        // Bidirectional embeddings, overrides and isolates reorder what a
        // terminal shows ("Trojan Source"); the others act on the terminal.
        const bool bidi = (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069);
        const bool acts = c.category() == QChar::Other_Control || c.category() == QChar::Separator_Line
                          || c.category() == QChar::Separator_Paragraph;
        if (bidi || acts)
            safe += u < 0x100 ? QStringLiteral("\\x%1").arg(uint(u), 2, 16, QLatin1Char('0'))
                              : QStringLiteral("\\u{%1}").arg(uint(u), 4, 16, QLatin1Char('0'));
        else
            safe += c;
    }
    return safe;
}

std::span<const Command> commands()
{
    static const Command table[] = {
        {QStringLiteral("simulate"), QStringLiteral("Run a scenario in virtual time and summarise it"),
         runSimulate},
        {QStringLiteral("live"), QStringLiteral("Run a scenario on real UDP sockets on loopback and summarise it"),
         runLive},
        {QStringLiteral("sweep"), QStringLiteral("Simulate over a parameter range and print each point as CSV or JSON"),
         runSweep},
        {QStringLiteral("soak"),
         QStringLiteral("Simulate thousands of random sessions and count broken promises (the chaos soak)"), runSoak},
        {QStringLiteral("compare"),
         QStringLiteral("Run one scenario and seed under two settings (or read two captures) and compare them"),
         runCompare},
        {QStringLiteral("replay"), QStringLiteral("Read a capture and print its session's summary"), runReplay},
        {QStringLiteral("export"),
         QStringLiteral("Write a capture as CSV, JSON Lines, Mermaid, PlantUML, SVG, PNG or PDF"), runExport},
        {QStringLiteral("serve"), QStringLiteral("Serve a service over UDP until stopped"), runServe},
        {QStringLiteral("call"), QStringLiteral("Call a procedure on a server and print the reply"), runCall},
        {QStringLiteral("bench"),
         QStringLiteral("Measure a server: the raw round trip, call latency, pipelined calls and goodput"), runBench},
        {QStringLiteral("version"), QStringLiteral("Print the program, Qt and protobuf versions"),
         [](const QStringList &args) {
             if (args.size() > 1)
                 return usageError(QStringLiteral("'version' takes no arguments"));
             out() << QCoreApplication::applicationName() << ' ' << BuildInfo::programVersion() << '\n'
                   << "Qt " << BuildInfo::qtRuntimeVersion() << " (built with "
                   << BuildInfo::qtCompileVersion() << ")\n"
                   << "protobuf " << BuildInfo::protobufVersion() << '\n';
             return int(ExitOk);
         }},
    };
    return table;
}

} // namespace rpcscope::cli
