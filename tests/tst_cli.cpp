// The command line's contract: versions, help, and exit code 2 with a clear
// message for anything it does not understand.
#include "rpcscope/version.h"

#include <QProcess>
#include <QTest>

class TestCli : public QObject
{
    Q_OBJECT

    struct Result
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static Result run(const QStringList &args)
    {
        QProcess process;
        process.start(QStringLiteral(RPCSCOPE_CLI_PATH), args);
        if (!process.waitForFinished(30000)) {
            process.kill();
            process.waitForFinished();
            return {};
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

private slots:
    void versionOption_data()
    {
        QTest::addColumn<QString>("option");
        QTest::newRow("long") << QStringLiteral("--version");
        QTest::newRow("short") << QStringLiteral("-v");
    }

    void versionOption()
    {
        QFETCH(QString, option);
        const Result r = run({option});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("rpcscope-cli " RPCSCOPE_VERSION_STRING "\n"));
        QVERIFY(r.err.isEmpty());
    }

    void versionCommandNamesLibraries()
    {
        const Result r = run({QStringLiteral("version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("rpcscope-cli " RPCSCOPE_VERSION_STRING "\n")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("Qt " QT_VERSION_STR)), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("protobuf 3.")), qPrintable(r.out));
    }

    void helpListsCommands()
    {
        const Result r = run({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("Usage: rpcscope-cli COMMAND")));
        QVERIFY(r.out.contains(QStringLiteral("  version")));
    }

    void noArgumentsIsUsageError()
    {
        const Result r = run({});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY(r.err.contains(QStringLiteral("Usage: rpcscope-cli")));
    }

    void unknownCommand()
    {
        const Result r = run({QStringLiteral("frobnicate"), QStringLiteral("--fast")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.startsWith(QStringLiteral("rpcscope-cli: unknown command 'frobnicate'\n")),
                 qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("Usage: rpcscope-cli")));
    }

    void unknownOption()
    {
        const Result r = run({QStringLiteral("--frobnicate")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith(QStringLiteral("rpcscope-cli: unknown option '--frobnicate'\n")),
                 qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
