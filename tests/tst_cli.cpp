// The command line's contract: versions, help, and exit code 2 with a clear
// message for anything it does not understand.
#include "rpcscope/version.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
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

    void simulateJsonSummary()
    {
        const Result r = run({QStringLiteral("simulate"), QStringLiteral("--scenario"),
                              QStringLiteral("dropped-reply"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const QJsonObject s = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(r.out));
        for (const char *key : {"seed", "calls", "ok", "failed", "executions", "duplicates_suppressed",
                                "cached_replies_resent", "retransmissions", "datagrams", "latency_ms",
                                "virtual_ms", "wall_ms", "counter_total"})
            QVERIFY2(s.contains(QLatin1StringView(key)), key);
        for (const char *key : {"sent", "delivered", "lost", "duplicated", "corrupted",
                                "checksum_rejected", "corrupt_accepted"})
            QVERIFY2(s[u"datagrams"].toObject().contains(QLatin1StringView(key)), key);
        for (const char *key : {"p50", "p90", "p99", "max"})
            QVERIFY2(s[u"latency_ms"].toObject().contains(QLatin1StringView(key)), key);
        QCOMPARE(s[u"calls"].toInt(), 1);
        QCOMPARE(s[u"ok"].toInt(), 1);
        QCOMPARE(s[u"executions"].toInt(), 1);
        QCOMPARE(s[u"counter_total"].toInt(), 1);
        QCOMPARE(s[u"cached_replies_resent"].toInt(), 1);
        QCOMPARE(s[u"datagrams"].toObject()[u"lost"].toInt(), 1);
        QCOMPARE(s[u"latency_ms"].toObject()[u"max"].toDouble(), 280.0);
    }

    void simulateOptionsOverrideScenario()
    {
        const Result r = run({QStringLiteral("simulate"), QStringLiteral("--scenario"),
                              QStringLiteral("lossy"), QStringLiteral("--calls"), QStringLiteral("37"),
                              QStringLiteral("--loss"), QStringLiteral("0"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject s = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(s[u"calls"].toInt(), 37);
        QCOMPARE(s[u"ok"].toInt(), 37);
        QCOMPARE(s[u"retransmissions"].toInt(), 0);
        QCOMPARE(s[u"datagrams"].toObject()[u"lost"].toInt(), 0);
    }

    void simulateWritesEvents()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("events.jsonl"));
        const Result r = run({QStringLiteral("simulate"), QStringLiteral("--scenario"),
                              QStringLiteral("dropped-request"), QStringLiteral("--events"), path});
        QCOMPARE(r.exitCode, 0);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 19);
        QStringList kinds;
        for (const QByteArray &line : lines) {
            const QJsonObject e = QJsonDocument::fromJson(line).object();
            for (const char *key : {"t_us", "kind", "from", "to", "client", "call", "attempt"})
                QVERIFY2(e.contains(QLatin1StringView(key)), line.constData());
            kinds << e[u"kind"].toString();
        }
        QCOMPARE(kinds.mid(0, 5), (QStringList{"call-start", "send", "lost", "timeout", "retransmit"}));
        const QJsonObject lost = QJsonDocument::fromJson(lines.at(2)).object();
        QCOMPARE(lost[u"datagram"].toString(), QStringLiteral("REQ"));
        QCOMPARE(lost[u"cause"].toString(), QStringLiteral("scripted"));
        QCOMPARE(lost[u"from"].toString(), QStringLiteral("client1"));
        QCOMPARE(lost[u"to"].toString(), QStringLiteral("server"));
    }

    void simulateRejectsBadValues_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("loss above 1") << QStringList{"--loss", "1.5"}
                                      << "invalid value '1.5' for --loss: expected a probability from 0 to 1";
        QTest::newRow("negative calls") << QStringList{"--calls", "-1"} << "invalid value '-1' for --calls";
        QTest::newRow("negative delay") << QStringList{"--delay-ms", "-3"} << "invalid value '-3' for --delay-ms";
        QTest::newRow("unknown backoff") << QStringList{"--backoff", "sometimes"}
                                         << "invalid value 'sometimes' for --backoff: expected one of fixed,";
        QTest::newRow("unknown scenario") << QStringList{"--scenario", "nope"} << "invalid value 'nope' for --scenario";
        QTest::newRow("unknown checksum") << QStringList{"--checksum", "md5"} << "invalid value 'md5' for --checksum";
        QTest::newRow("not a number") << QStringList{"--dup", "lots"} << "invalid value 'lots' for --dup";
        QTest::newRow("unknown option") << QStringList{"--frobnicate"} << "Unknown option 'frobnicate'";
        QTest::newRow("stray argument") << QStringList{"extra"} << "unexpected argument 'extra'";
    }

    void simulateRejectsBadValues()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        args.prepend(QStringLiteral("simulate"));
        const Result r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.startsWith(QStringLiteral("rpcscope-cli: simulate: ")), qPrintable(r.err));
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
