#pragma once

#include <QStringList>
#include <QTextStream>

#include <functional>
#include <span>

namespace rpcscope::cli {

// Exit codes shared by every subcommand.
enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1, // the command ran and what it did failed (a call, a file)
    ExitUsage = 2,   // the command line was wrong
};

// One `rpcscope-cli NAME ...` subcommand. `run` receives the arguments after
// the command name, with the program name prepended, ready for
// QCommandLineParser.
struct Command
{
    QString name;
    QString summary;
    std::function<int(const QStringList &args)> run;
};

// Every subcommand, in the order `--help` lists them.
std::span<const Command> commands();

QTextStream &out();
QTextStream &err();
// Whether stderr is a terminal: progress is shown there, not in a log.
bool stderrIsTerminal();

// Prints "rpcscope-cli: MESSAGE" and a pointer to --help on stderr; returns ExitUsage.
int usageError(const QString &message);

// Text this program did not write (a server's result or error message), made
// safe to print on a terminal: control characters, line separators and
// bidirectional overrides become \xNN or \u{NNNN}, so the text cannot move
// the cursor, rewrite what was printed before it, or hide its own end.
QString terminalSafe(QStringView text);

} // namespace rpcscope::cli
