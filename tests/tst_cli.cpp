// The command line's contract: versions, help, and exit code 2 with a clear
// message for anything it does not understand; serve and call as two
// processes on loopback, the .proto services by their wire names among them.
#include "capture/captureformat.h"
#include "capture/capturewriter.h"
#include "remote/tracefeed.rpcscope.h"
#include "rpc/rpcclient.h"
#include "rpc/rpcserver.h"
#include "rpcscope/version.h"
#include "trace/eventcodec.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QUdpSocket>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

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

    // `rpcscope-cli COMMAND ARGS` is a usage error (exit 2, nothing on
    // standard output) whose message names the command and says `message`.
    static void verifyUsageError(const QString &command, const QStringList &args, const QString &message)
    {
        const Result r = run(QStringList{command} + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
        QVERIFY2(r.err.startsWith(QStringLiteral("rpcscope-cli: %1: ").arg(command)), qPrintable(r.err));
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    // Starts `rpcscope-cli serve ARGS` on a free loopback port, bounded in
    // time should the test never stop it; returns "127.0.0.1:PORT", empty if
    // it did not come up.
    static QString startServe(QProcess &serve, const QStringList &args)
    {
        serve.start(QStringLiteral(RPCSCOPE_CLI_PATH),
                    QStringList{QStringLiteral("serve"), QStringLiteral("--bind"), QStringLiteral("127.0.0.1:0"),
                                QStringLiteral("--max-seconds"), QStringLiteral("60")}
                        + args);
        if (!serve.waitForStarted() || !serve.waitForReadyRead(10'000))
            return {};
        const QString banner = QString::fromUtf8(serve.readLine());
        const QRegularExpressionMatch m =
            QRegularExpression(QStringLiteral(
                "^serving \\S+ on 127\\.0\\.0\\.1:(\\d+) \\(epoch \\d+(, DTLS with a pre-shared key)?\\)\n$"))
                .match(banner);
        return m.hasMatch() ? QStringLiteral("127.0.0.1:") + m.captured(1) : QString();
    }

    // SIGTERM, a clean stop; everything serve printed after its banner.
    static QString stopServe(QProcess &serve)
    {
        serve.terminate();
        if (!serve.waitForFinished(10'000)) {
            serve.kill();
            serve.waitForFinished();
            return QStringLiteral("(serve did not stop)");
        }
        if (serve.exitStatus() != QProcess::NormalExit || serve.exitCode() != 0)
            return QStringLiteral("(serve exited with %1)").arg(serve.exitCode());
        return QString::fromUtf8(serve.readAllStandardOutput());
    }

    // `rpcscope-cli call --to TO --encoding proto METHOD [ARGS] [more]`.
    static Result callProto(const QString &to, const QString &method, const QString &args,
                            const QStringList &more = {})
    {
        QStringList all{QStringLiteral("call"), QStringLiteral("--to"), to, QStringLiteral("--encoding"),
                        QStringLiteral("proto")};
        all << more << method;
        if (!args.isNull())
            all << args;
        return run(all);
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

    // The environment of the window's program, its settings kept in `config`.
    static QProcessEnvironment guiEnvironment(const QString &config)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
        return env;
    }

    // A terminal over ssh, a packaging check: no display at all.
    static QProcessEnvironment withoutDisplay(QProcessEnvironment env)
    {
        for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
            env.remove(QString::fromLatin1(name));
        return env;
    }

    void guiAnswersHelpAndVersionWithoutADisplay_data()
    {
        QTest::addColumn<QString>("option");
        QTest::newRow("--help") << QStringLiteral("--help");
        QTest::newRow("-h") << QStringLiteral("-h");
        QTest::newRow("--version") << QStringLiteral("--version");
        QTest::newRow("-v") << QStringLiteral("-v");
    }

    // rpcscope --help and --version only print, so they need no display.
    void guiAnswersHelpAndVersionWithoutADisplay()
    {
        QFETCH(QString, option);
        QTemporaryDir config;
        QProcess gui;
        gui.setProcessEnvironment(withoutDisplay(guiEnvironment(config.path())));
        gui.start(QStringLiteral(RPCSCOPE_GUI_PATH), {option});
        QVERIFY(gui.waitForFinished(30'000));
        const QString out = QString::fromUtf8(gui.readAllStandardOutput());
        const QString err = QString::fromUtf8(gui.readAllStandardError());
        QVERIFY2(gui.exitStatus() == QProcess::NormalExit, qPrintable(err));
        QCOMPARE(gui.exitCode(), 0);
        if (option.startsWith(QStringLiteral("-v")) || option == u"--version") {
            QCOMPARE(out, QStringLiteral("RpcScope " RPCSCOPE_VERSION_STRING "\n"));
        } else {
            for (const char *listed : {"--scenario", "--speed", "--language", "--connect", "[capture]"})
                QVERIFY2(out.contains(QLatin1StringView(listed)), qPrintable(out));
        }
    }

    // The window takes every session option simulate takes: listed by
    // --help, and a wrong value refused with simulate's very words and exit
    // 2, without a display too.
    void guiTakesEverySessionOption()
    {
        QTemporaryDir config;
        QProcess help;
        help.setProcessEnvironment(withoutDisplay(guiEnvironment(config.path())));
        help.start(QStringLiteral(RPCSCOPE_GUI_PATH), {QStringLiteral("--help")});
        QVERIFY(help.waitForFinished(30'000));
        const QString listed = QString::fromUtf8(help.readAllStandardOutput());
        const Result cliHelp = run({QStringLiteral("simulate"), QStringLiteral("--help")});
        static const QRegularExpression optionName(QStringLiteral("^ +(--[a-z0-9-]+)"),
                                                   QRegularExpression::MultilineOption);
        int options = 0;
        for (const QRegularExpressionMatch &m : optionName.globalMatch(cliHelp.out)) {
            const QString name = m.captured(1);
            if (name == u"--help" || name == u"--help-all" || name == u"--json" || name == u"--events" || name == u"--trace"
                || name == u"--record" || name == u"--change-at" || name == u"--fork" || name == u"--at-ms"
                || name == u"--set")
                continue; // what simulate prints or records, and its forks: not session settings
            ++options;
            QVERIFY2(listed.contains(QRegularExpression(QStringLiteral("^ +%1 ").arg(name),
                                                        QRegularExpression::MultilineOption)),
                     qPrintable(name));
            if (name == u"--ordered")
                continue; // a flag: it takes no value to refuse
            const Result cli = run({QStringLiteral("simulate"), name, QStringLiteral("nonsense")});
            QCOMPARE(cli.exitCode, 2);
            const QString prefix = QStringLiteral("rpcscope-cli: simulate: ");
            QVERIFY2(cli.err.startsWith(prefix), qPrintable(cli.err));
            const QString why = cli.err.mid(prefix.size()).section(u'\n', 0, 0);
            QVERIFY2(why.startsWith(QStringLiteral("invalid value 'nonsense' for %1: ").arg(name)), qPrintable(why));
            QProcess gui;
            gui.setProcessEnvironment(withoutDisplay(guiEnvironment(config.path())));
            gui.start(QStringLiteral(RPCSCOPE_GUI_PATH), {name, QStringLiteral("nonsense")});
            QVERIFY(gui.waitForFinished(30'000));
            const QString err = QString::fromUtf8(gui.readAllStandardError());
            QCOMPARE(gui.exitStatus(), QProcess::NormalExit);
            QCOMPARE(gui.exitCode(), 2);
            QVERIFY2(err.contains(QStringLiteral("rpcscope: ") + why + u'\n'), qPrintable(err + u'|' + why));
        }
        QVERIFY(options >= 30);
    }

    void guiRefusesItsOwnOptionsWithoutADisplay_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("said");
        QTest::newRow("fork-at") << QStringList{QStringLiteral("--fork-at"), QStringLiteral("abc")}
                                 << QStringLiteral("invalid value 'abc' for --fork-at: ");
        QTest::newRow("set alone") << QStringList{QStringLiteral("--set"), QStringLiteral("loss=0.1")}
                                   << QStringLiteral("--set goes with --fork-at");
        QTest::newRow("set malformed") << QStringList{QStringLiteral("--fork-at"), QStringLiteral("10"),
                                                      QStringLiteral("--set"), QStringLiteral("loss")}
                                       << QStringLiteral("invalid value for --set ");
        QTest::newRow("a") << QStringList{QStringLiteral("--compare"), QStringLiteral("--a"), QStringLiteral("loss=2")}
                           << QStringLiteral("invalid value '2' for --a loss: ");
        QTest::newRow("b alone") << QStringList{QStringLiteral("--b"), QStringLiteral("loss=0.1")}
                                 << QStringLiteral("--a and --b go with --compare");
        QTest::newRow("language") << QStringList{QStringLiteral("--language"), QStringLiteral("xx")}
                                  << QStringLiteral("invalid value 'xx' for --language: expected one of en, ");
        QTest::newRow("speed") << QStringList{QStringLiteral("--speed"), QStringLiteral("-1")}
                               << QStringLiteral("invalid value '-1' for --speed: ");
        QTest::newRow("connect") << QStringList{QStringLiteral("--connect"), QStringLiteral("nowhere")}
                                 << QStringLiteral("invalid value 'nowhere' for --connect: ");
        QTest::newRow("trace-port alone") << QStringList{QStringLiteral("--trace-port"), QStringLiteral("9000")}
                                          << QStringLiteral("--trace-port and --key-file go with --connect");
    }

    // Every option of the window's own is read before the window needs a
    // display: a wrong one is said and exits 2 over ssh too, never an abort.
    void guiRefusesItsOwnOptionsWithoutADisplay()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, said);
        QTemporaryDir config;
        QProcess gui;
        gui.setProcessEnvironment(withoutDisplay(guiEnvironment(config.path())));
        gui.start(QStringLiteral(RPCSCOPE_GUI_PATH), args);
        QVERIFY(gui.waitForFinished(30'000));
        const QString err = QString::fromUtf8(gui.readAllStandardError());
        QCOMPARE(gui.exitStatus(), QProcess::NormalExit);
        QCOMPARE(gui.exitCode(), 2);
        QVERIFY2(err.startsWith(QStringLiteral("rpcscope: ") + said), qPrintable(err));
    }

    // rpcscope --compare reads --a and --b as rpcscope-cli compare does: a
    // side's own seed or scenario is refused in the same words.
    void guiCompareRefusesWhatCompareRefuses()
    {
        QTemporaryDir config;
        QProcessEnvironment env = guiEnvironment(config.path());
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        for (const QString &setting : {QStringLiteral("seed=3"), QStringLiteral("loss=7")}) {
            const Result cli = run({QStringLiteral("compare"), QStringLiteral("--a"), setting, QStringLiteral("--b"),
                                    QStringLiteral("loss=0")});
            QCOMPARE(cli.exitCode, 2);
            const QString why = cli.err.mid(QStringLiteral("rpcscope-cli: compare: ").size()).section(u'\n', 0, 0);
            QVERIFY2(why.startsWith(QStringLiteral("--a seed=3")) || why.startsWith(QStringLiteral("invalid value '7'")),
                     qPrintable(why));
            QProcess gui;
            gui.setProcessEnvironment(env);
            gui.start(QStringLiteral(RPCSCOPE_GUI_PATH), {QStringLiteral("--compare"), QStringLiteral("--a"), setting});
            QVERIFY(gui.waitForFinished(30'000));
            QCOMPARE(gui.exitCode(), 2);
            const QString err = QString::fromUtf8(gui.readAllStandardError());
            QVERIFY2(err.contains(QStringLiteral("rpcscope: ") + why + u'\n'), qPrintable(err + u'|' + why));
        }
    }

    // A file that is no capture, given on the command line or by the file
    // manager, is reported in the window's own dialog: the program stays up
    // rather than exiting with a line on a terminal nobody sees.
    void guiStaysUpForAFileThatIsNoCapture()
    {
        QTemporaryDir dir;
        QFile junk(dir.filePath(QStringLiteral("junk.rpcscope")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not a capture at all");
        junk.close();
        QProcessEnvironment env = guiEnvironment(dir.path());
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        QProcess gui;
        gui.setProcessEnvironment(env);
        gui.start(QStringLiteral(RPCSCOPE_GUI_PATH), {junk.fileName()});
        QVERIFY(gui.waitForStarted());
        // It exited at once when it gave up; up, it waits for the dialog.
        const bool exited = gui.waitForFinished(5'000);
        const QString err = QString::fromUtf8(gui.readAllStandardError());
        if (!exited) {
            gui.kill();
            gui.waitForFinished();
        }
        QVERIFY2(!exited, qPrintable(QStringLiteral("exit code %1: %2").arg(gui.exitCode()).arg(err)));
        QVERIFY2(!err.contains(QStringLiteral("not an RpcScope capture")), qPrintable(err));
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
                                "cached_replies_resent", "retransmissions", "probes", "datagrams", "latency_ms",
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

    // The long call waits by probing: its summary counts the probes, and no
    // retransmission, in JSON and in words.
    void simulateCountsProbesApart()
    {
        Result r = run({QStringLiteral("simulate"), QStringLiteral("--scenario"), QStringLiteral("long-call"),
                        QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject s = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(s[u"retransmissions"].toInt(), 0);
        QVERIFY2(s[u"probes"].toInt() >= 2, qPrintable(r.out));
        r = run({QStringLiteral("simulate"), QStringLiteral("--scenario"), QStringLiteral("long-call")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("retransmissions 0, probes %1\n").arg(s[u"probes"].toInt())),
                 qPrintable(r.out));
    }

    // --ordered (or --delivery ordered): the trace shows calls held back
    // and every call still ends; --max-attempts 0 resends until the deadline.
    void simulateOrderedAndUnlimitedAttempts()
    {
        Result r = run({QStringLiteral("simulate"), QStringLiteral("--scenario"), QStringLiteral("lossy"),
                        QStringLiteral("--ordered"), QStringLiteral("--reorder"), QStringLiteral("0.3"),
                        QStringLiteral("--max-attempts"), QStringLiteral("0"), QStringLiteral("--calls"),
                        QStringLiteral("40"), QStringLiteral("--trace")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("request-held")) && r.out.contains(QStringLiteral("(waits for call ")),
                 qPrintable(r.out.left(2000)));
        QVERIFY2(r.out.contains(QStringLiteral("calls 40: 40 ok, 0 failed")), qPrintable(r.out.right(2000)));

        r = run({QStringLiteral("simulate"), QStringLiteral("--calls"), QStringLiteral("1"), QStringLiteral("--loss"),
                 QStringLiteral("1"), QStringLiteral("--backoff"), QStringLiteral("fixed"), QStringLiteral("--timeout-ms"),
                 QStringLiteral("100"), QStringLiteral("--max-attempts"), QStringLiteral("0"),
                 QStringLiteral("--deadline-ms"), QStringLiteral("1000"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject s = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(s[u"failed"].toObject()[u"deadline-exceeded"].toInt(), 1);
        QCOMPARE(s[u"retransmissions"].toInt(), 9); // sends at 0, 100, ..., 900 ms

        r = run({QStringLiteral("simulate"), QStringLiteral("--ordered"), QStringLiteral("--delivery"),
                 QStringLiteral("any")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--ordered and --delivery any")), qPrintable(r.err));
        r = run({QStringLiteral("simulate"), QStringLiteral("--delivery"), QStringLiteral("fifo")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("expected one of any, ordered")), qPrintable(r.err));
    }

    // bench against any serve: the floor, calls, pipelining and a goodput
    // whose chunks the server hashed; plausible against each other.
    void benchMeasuresAServer()
    {
        QProcess serve;
        const QString to = startServe(serve, {QStringLiteral("--service"), QStringLiteral("counter")});
        QVERIFY2(!to.isEmpty(), serve.readAllStandardError().constData());
        Result r = run({QStringLiteral("bench"), QStringLiteral("--to"), to, QStringLiteral("--calls"),
                        QStringLiteral("300"), QStringLiteral("--pipelined-calls"), QStringLiteral("3000"),
                        QStringLiteral("--size"), QStringLiteral("1M"), QStringLiteral("--chunk"),
                        QStringLiteral("256K"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err)); // no progress when not on a terminal
        const QJsonObject s = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(s[u"server_wire_version"].toInt(), 1);
        const QJsonObject raw = s[u"raw_echo_us"].toObject();
        const QJsonObject call = s[u"call_us"].toObject();
        for (const QJsonObject &p : {raw, call}) {
            QVERIFY2(p[u"p50"].toDouble() > 0, qPrintable(r.out));
            QVERIFY2(p[u"p50"].toDouble() <= p[u"p90"].toDouble(), qPrintable(r.out));
            QVERIFY2(p[u"p90"].toDouble() <= p[u"p99"].toDouble(), qPrintable(r.out));
        }
        QCOMPARE(s[u"raw_echoes"].toInt(), 300);
        QVERIFY2(s[u"raw_echoes_lost"].toInt() < 300, qPrintable(r.out));
        // A call is a round trip and more, but on loopback the echo (on a
        // socket of its own) and a blocking call (on the client's, read in
        // batches) take paths that differ by a couple of microseconds
        // either way, and a shared machine's noise is larger than that: the
        // echo's fastest and median are each no slower than the call's
        // beyond that noise, so the floor is one calls can be put against.
        QVERIFY2(raw[u"min"].toDouble() < 1.25 * call[u"min"].toDouble(), qPrintable(r.out));
        QVERIFY2(raw[u"p50"].toDouble() < 1.25 * call[u"p50"].toDouble(), qPrintable(r.out));
        QCOMPARE(s[u"call_to_raw"].toDouble(), call[u"p50"].toDouble() / raw[u"p50"].toDouble());
        const double perSecond = s[u"pipelined_calls_per_second"].toDouble();
        QVERIFY2(perSecond > 0, qPrintable(r.out));
        QCOMPARE(s[u"pipelined_to_raw"].toDouble(), perSecond * raw[u"p50"].toDouble() / 1e6);
        QCOMPARE(s[u"goodput_bytes"].toDouble(), 1024.0 * 1024.0);
        QVERIFY(s[u"goodput_verified"].toBool());
        // Within the transfer's bounds: more than nothing, and no faster than
        // the whole message arriving within one raw round trip (each of its
        // four calls took one at least) nor than loopback can carry.
        const double goodput = s[u"goodput_bytes_per_second"].toDouble();
        QVERIFY2(goodput > 0 && goodput < 1e11, qPrintable(r.out));
        QVERIFY2(s[u"goodput_bytes_per_raw_round_trip"].toDouble() > 0, qPrintable(r.out));
        QVERIFY2(s[u"goodput_bytes_per_raw_round_trip"].toDouble() < 1024.0 * 1024.0, qPrintable(r.out));
        QVERIFY(!s.contains(u"error"));
        // The settings the figures were measured with, for a script's notes.
        const QJsonObject settings = s[u"settings"].toObject();
        QCOMPARE(settings[u"server"].toString(), to);
        QCOMPARE(settings[u"calls"].toInt(), 300);
        QCOMPARE(settings[u"window"].toInt(), 32);
        QCOMPARE(settings[u"pipelined_calls"].toInt(), 3000);
        QCOMPARE(settings[u"chunk"].toDouble(), 256.0 * 1024.0);
        QCOMPARE(settings[u"datagram"].toDouble(), 1400.0);
        QCOMPARE(settings[u"dtls"].toBool(), false);

        r = run({QStringLiteral("bench"), QStringLiteral("--to"), to, QStringLiteral("--calls"), QStringLiteral("50"),
                 QStringLiteral("--pipelined-calls"), QStringLiteral("200"), QStringLiteral("--size"),
                 QStringLiteral("100000"), QStringLiteral("--window"), QStringLiteral("64")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const QString &line :
             {QStringLiteral("server %1, wire version 1\n").arg(to), QStringLiteral("raw round trip (the floor)"),
              QStringLiteral(" 50 echoes, "), QStringLiteral("single call"), QStringLiteral("× the floor\n"),
              QStringLiteral("pipelined calls, window 64"), QStringLiteral("× one raw round trip at a time\n"),
              QStringLiteral("goodput"), QStringLiteral(" KiB per raw round trip\n"),
              QStringLiteral("100000 bytes sent as 1 call of 100000 bytes, 1 in flight, in 1400-byte datagrams; "
                             "SHA-256 verified\n")})
            QVERIFY2(r.out.contains(line), qPrintable(r.out));
        const QString stopped = stopServe(serve);
        QVERIFY2(stopped.contains(QStringLiteral("stopped after")), qPrintable(stopped));
        // The server counts the echoes it answered: the first of each run at least.
        const QRegularExpressionMatch echoes =
            QRegularExpression(QStringLiteral("; raw echoes answered (\\d+) \\(0 over the rate cap\\)\n")).match(stopped);
        QVERIFY2(echoes.hasMatch() && echoes.captured(1).toInt() >= 2, qPrintable(stopped));
    }

    // The floor is the round trip of the network the calls see: a server's
    // emulated delay holds its raw echoes back as it holds its replies.
    void benchFloorIncludesTheServersEmulatedDelay()
    {
        QProcess serve;
        const QString to = startServe(serve, {QStringLiteral("--delay-ms"), QStringLiteral("20")});
        QVERIFY2(!to.isEmpty(), serve.readAllStandardError().constData());
        const Result r = run({QStringLiteral("bench"), QStringLiteral("--to"), to, QStringLiteral("--calls"),
                              QStringLiteral("10"), QStringLiteral("--pipelined-calls"), QStringLiteral("32"),
                              QStringLiteral("--size"), QStringLiteral("16K"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject s = QJsonDocument::fromJson(r.out.toUtf8()).object();
        // No answer can come sooner than the delay the server adds to it.
        QVERIFY2(s[u"raw_echo_us"].toObject()[u"p50"].toDouble() >= 20'000, qPrintable(r.out));
        QVERIFY2(s[u"call_us"].toObject()[u"p50"].toDouble() >= 20'000, qPrintable(r.out));
        stopServe(serve);
    }

    // Through DTLS with the server's key; without it, the call's silence is
    // put down to the key, not to a missing server.
    void benchThroughDtls()
    {
        QProcess serve;
        const QString to = startServe(serve, {QStringLiteral("--key"), QStringLiteral("lab key")});
        QVERIFY2(!to.isEmpty(), serve.readAllStandardError().constData());
        const QStringList small{QStringLiteral("--calls"), QStringLiteral("50"), QStringLiteral("--pipelined-calls"),
                                QStringLiteral("200"), QStringLiteral("--size"), QStringLiteral("64K"),
                                QStringLiteral("--timeout-ms"), QStringLiteral("500")};
        Result r = run(QStringList{QStringLiteral("bench"), QStringLiteral("--to"), to, QStringLiteral("--key"),
                                   QStringLiteral("lab key"), QStringLiteral("--json")}
                       + small);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject s = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY(s[u"goodput_verified"].toBool());
        QCOMPARE(s[u"settings"].toObject()[u"dtls"].toBool(), true);
        r = run(QStringList{QStringLiteral("bench"), QStringLiteral("--to"), to, QStringLiteral("--key"),
                            QStringLiteral("lab key")}
                + small);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("; calls through DTLS, raw echoes in plain UDP\n")), qPrintable(r.out));
        r = run(QStringList{QStringLiteral("bench"), QStringLiteral("--to"), to} + small);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("answered its raw echo but no call within 1000 ms: if it was started "
                                               "with --key, give the same key")),
                 qPrintable(r.err));
        stopServe(serve);
    }

    // Nobody at the port: a clear error, soon, and bad options named.
    void benchFailsCleanly()
    {
        QUdpSocket closed;
        QVERIFY(closed.bind(QHostAddress::LocalHost, 0));
        const QString to = QStringLiteral("127.0.0.1:%1").arg(closed.localPort());
        closed.close(); // the port is free again: nothing listens there
        const auto saysNobodyIsThere = [&](const QString &err) {
            return err.contains(QStringLiteral("no RpcScope server answered at %1 within 200 ms").arg(to))
                   || err.contains(QStringLiteral("nothing listens at %1 (the port is closed)").arg(to));
        };
        Result r = run({QStringLiteral("bench"), QStringLiteral("--to"), to, QStringLiteral("--timeout-ms"),
                        QStringLiteral("200")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
        QVERIFY2(saysNobodyIsThere(r.err), qPrintable(r.err));
        // --json: the error in the object too, for a script.
        r = run({QStringLiteral("bench"), QStringLiteral("--to"), to, QStringLiteral("--timeout-ms"),
                 QStringLiteral("200"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(saysNobodyIsThere(QJsonDocument::fromJson(r.out.toUtf8()).object()[u"error"].toString()),
                 qPrintable(r.out));

        verifyUsageError(QStringLiteral("bench"), {}, QStringLiteral("--to HOST:PORT is required"));
        verifyUsageError(QStringLiteral("bench"), {QStringLiteral("--to"), QStringLiteral("nowhere")},
                         QStringLiteral("invalid value 'nowhere' for --to"));
        verifyUsageError(QStringLiteral("bench"), {QStringLiteral("--to"), to, QStringLiteral("--size"), QStringLiteral("12Q")},
                         QStringLiteral("invalid value '12Q' for --size"));
        verifyUsageError(QStringLiteral("bench"), {QStringLiteral("--to"), to, QStringLiteral("--datagram"), QStringLiteral("50")},
                         QStringLiteral("invalid value '50' for --datagram"));
        verifyUsageError(QStringLiteral("bench"), {QStringLiteral("--to"), to, QStringLiteral("--calls"), QStringLiteral("0")},
                         QStringLiteral("invalid value '0' for --calls"));
        verifyUsageError(QStringLiteral("bench"), {QStringLiteral("--to"), to, QStringLiteral("--window"), QStringLiteral("0")},
                         QStringLiteral("invalid value '0' for --window"));
        // More in flight than a server runs of one client's calls at once.
        verifyUsageError(QStringLiteral("bench"), {QStringLiteral("--to"), to, QStringLiteral("--window"), QStringLiteral("65")},
                         QStringLiteral("invalid value '65' for --window"));
        verifyUsageError(QStringLiteral("bench"),
                         {QStringLiteral("--to"), to, QStringLiteral("--size"), QStringLiteral("2M"),
                          QStringLiteral("--chunk"), QStringLiteral("1")},
                         QStringLiteral("--size 2M in --chunk 1 is 2097152 calls; at most 1000000"));
        verifyUsageError(QStringLiteral("bench"),
                         {QStringLiteral("--to"), to, QStringLiteral("--key"), QStringLiteral("a"),
                          QStringLiteral("--key-file"), QStringLiteral("b")},
                         QStringLiteral("not both"));
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
        verifyUsageError(QStringLiteral("simulate"), args, message);
    }

    // compare --json: both sides are what simulate prints for them, the
    // table is B - A, and the first divergence is the first line at which
    // the two runs' event logs part.
    void compareJsonMatchesSimulate()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QStringList base{QStringLiteral("--scenario"), QStringLiteral("lossy"), QStringLiteral("--seed"),
                               QStringLiteral("4")};
        const Result c = run(QStringList{QStringLiteral("compare")} + base
                             + QStringList{QStringLiteral("--a"), QStringLiteral("backoff=fixed"),
                                           QStringLiteral("--b"), QStringLiteral("backoff=full-jitter"),
                                           QStringLiteral("--json")});
        QCOMPARE(c.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(c.out.toUtf8()).object();
        QList<QStringList> events;
        for (const QString &backoff : {QStringLiteral("fixed"), QStringLiteral("full-jitter")}) {
            const QString path = dir.filePath(backoff + QStringLiteral(".jsonl"));
            const Result s = run(QStringList{QStringLiteral("simulate")} + base
                                 + QStringList{QStringLiteral("--backoff"), backoff, QStringLiteral("--json"),
                                               QStringLiteral("--events"), path});
            QCOMPARE(s.exitCode, 0);
            QJsonObject summary = QJsonDocument::fromJson(s.out.toUtf8()).object();
            QJsonObject side = root[backoff == u"fixed" ? u"a" : u"b"].toObject();
            summary.remove(QStringLiteral("wall_ms"));
            side.remove(QStringLiteral("wall_ms"));
            summary.remove(QStringLiteral("counter_total")); // the service's own figure, not in the trace
            summary.remove(QStringLiteral("service"));
            QCOMPARE(side, summary);
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            events << QString::fromUtf8(file.readAll()).split(u'\n');
        }
        for (const QJsonValue row : root[u"table"].toArray()) {
            const QJsonObject r = row.toObject();
            QCOMPARE(r[u"delta"].toDouble(), r[u"b"].toDouble() - r[u"a"].toDouble());
        }
        qsizetype first = 0;
        while (events[0].at(first) == events[1].at(first))
            ++first;
        const QJsonObject divergence = root[u"first_divergence"].toObject();
        QCOMPARE(divergence[u"index_a"].toInteger(), first);
        QCOMPARE(divergence[u"index_b"].toInteger(), first);
        QCOMPARE(divergence[u"event_a"].toObject(), QJsonDocument::fromJson(events[0].at(first).toUtf8()).object());
        QCOMPARE(divergence[u"event_b"].toObject(), QJsonDocument::fromJson(events[1].at(first).toUtf8()).object());
        QVERIFY(!root[u"differing_calls"].toArray().isEmpty());
        QCOMPARE(root[u"a_settings"].toArray().first().toString(), QStringLiteral("backoff=fixed"));

        // The same settings on both sides: nothing differs.
        const Result same = run(QStringList{QStringLiteral("compare")} + base
                                + QStringList{QStringLiteral("--a"), QStringLiteral("loss=0.2"),
                                              QStringLiteral("--b"), QStringLiteral("loss=0.2")});
        QCOMPARE(same.exitCode, 0);
        QVERIFY2(same.out.contains(u"the runs do not diverge"), qPrintable(same.out));
        QVERIFY2(same.out.contains(u"calls that ended differently: 0 of 200"), qPrintable(same.out));

        // Over seeds: the spread has one entry per metric, least <= mean <= most.
        const Result spread = run(QStringList{QStringLiteral("compare")} + base
                                  + QStringList{QStringLiteral("--a"), QStringLiteral("timeout-ms=100"),
                                                QStringLiteral("--b"), QStringLiteral("timeout-ms=400"),
                                                QStringLiteral("--runs"), QStringLiteral("4"), QStringLiteral("--json")});
        QCOMPARE(spread.exitCode, 0);
        const QJsonObject over = QJsonDocument::fromJson(spread.out.toUtf8()).object();
        QCOMPARE(over[u"runs"].toInt(), 4);
        for (const QJsonValue row : over[u"table"].toArray())
            for (const char *side : {"a", "b", "delta"}) {
                const QJsonObject s = row.toObject()[QLatin1StringView(side)].toObject();
                QVERIFY(s[u"min"].toDouble() <= s[u"mean"].toDouble() + 1e-9);
                QVERIFY(s[u"mean"].toDouble() <= s[u"max"].toDouble() + 1e-9);
            }
    }

    void compareRejectsBadInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("nothing differs") << QStringList{"--scenario", "lossy"} << "give what differs with --a";
        QTest::newRow("bad setting") << QStringList{"--a", "backoff"} << "expected OPTION=VALUE";
        QTest::newRow("unknown option") << QStringList{"--b", "colour=red"} << "no option is called 'colour'";
        QTest::newRow("bad value") << QStringList{"--b", "loss=3"} << "invalid value '3' for --b loss";
        QTest::newRow("seed differs") << QStringList{"--a", "seed=3"} << "share the scenario and the seed";
        QTest::newRow("bad runs") << QStringList{"--a", "loss=0", "--runs", "0"} << "invalid value '0' for --runs";
        QTest::newRow("one capture") << QStringList{"a.rpcscope"} << "expected two captures";
        QTest::newRow("captures and settings")
            << QStringList{"a.rpcscope", "b.rpcscope", "--loss", "0.1"} << "--loss goes with a scenario";
    }

    void compareRejectsBadInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        verifyUsageError(QStringLiteral("compare"), args, message);
    }

    // A fork: its capture names its parent and where it departs, runs again
    // to the same events, is its parent's events up to the fork point, and
    // compares against its parent from the command line.
    void forkRecordsLineageAndRunsAgain()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString a = dir.filePath(QStringLiteral("a.rpcscope")), b = dir.filePath(QStringLiteral("b.rpcscope")),
                      c = dir.filePath(QStringLiteral("c.rpcscope"));
        QCOMPARE(run({QStringLiteral("simulate"), QStringLiteral("--scenario"), QStringLiteral("lossy"),
                      QStringLiteral("--change-at"), QStringLiteral("300:loss=0.4"), QStringLiteral("--record"), a})
                     .exitCode,
                 0);
        const Result fork = run({QStringLiteral("simulate"), QStringLiteral("--fork"), a, QStringLiteral("--at-ms"),
                                 QStringLiteral("400"), QStringLiteral("--set"), QStringLiteral("timeout-ms=900"),
                                 QStringLiteral("--record"), b});
        QCOMPARE(fork.exitCode, 0);
        QVERIFY2(fork.out.contains(u"forked from a.rpcscope at 400 ms: timeout-ms=900"), qPrintable(fork.out));
        QVERIFY2(fork.out.contains(u"300:loss=0.4, 400:timeout-ms=900"), qPrintable(fork.out));
        // A fork of the fork carries both fork points.
        QCOMPARE(run({QStringLiteral("simulate"), QStringLiteral("--fork"), b, QStringLiteral("--at-ms"),
                      QStringLiteral("900"), QStringLiteral("--set"), QStringLiteral("backoff=fixed"),
                      QStringLiteral("--record"), c})
                     .exitCode,
                 0);
        for (const QString &path : {a, b, c}) {
            const Result again = run({QStringLiteral("replay"), QStringLiteral("--rerun"), path});
            QCOMPARE(again.exitCode, 0);
            QVERIFY2(again.out.contains(u"the run reproduces all"), qPrintable(again.out + again.err));
        }
        const Result lineage = run({QStringLiteral("replay"), c});
        QVERIFY2(lineage.out.contains(u"forked from a.rpcscope at 400 ms: timeout-ms=900\nforked from b.rpcscope "
                                      u"at 900 ms: backoff=fixed"),
                 qPrintable(lineage.out));
        // A fork of the fork departing before the fork did: b's own fork
        // point never happened in it, so only a's is named.
        const QString d = dir.filePath(QStringLiteral("d.rpcscope"));
        QCOMPARE(run({QStringLiteral("simulate"), QStringLiteral("--fork"), b, QStringLiteral("--at-ms"),
                      QStringLiteral("350"), QStringLiteral("--set"), QStringLiteral("backoff=fixed"),
                      QStringLiteral("--record"), d})
                     .exitCode,
                 0);
        const Result earlier = run({QStringLiteral("replay"), d});
        QVERIFY2(earlier.out.contains(u"forked from b.rpcscope at 350 ms: backoff=fixed"), qPrintable(earlier.out));
        QVERIFY2(!earlier.out.contains(u"forked from a.rpcscope"), qPrintable(earlier.out));
        QVERIFY2(run({QStringLiteral("replay"), QStringLiteral("--rerun"), d}).out.contains(u"the run reproduces all"),
                 qPrintable(d));

        const Result compared = run({QStringLiteral("compare"), a, b, QStringLiteral("--json")});
        QCOMPARE(compared.exitCode, 0);
        const QJsonObject divergence =
            QJsonDocument::fromJson(compared.out.toUtf8()).object()[u"first_divergence"].toObject();
        QVERIFY(!divergence.isEmpty());
        QVERIFY(divergence[u"event_a"].toObject()[u"t_us"].toInteger() > 400'000);
    }

    void forkRejectsBadInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no fork point") << QStringList{"--fork", "x.rpcscope", "--set", "loss=0"} << "--fork needs --at-ms";
        QTest::newRow("set without fork") << QStringList{"--set", "loss=0"} << "--at-ms and --set go with --fork";
        QTest::newRow("fork and options")
            << QStringList{"--fork", "x.rpcscope", "--at-ms", "5", "--set", "loss=0", "--loss", "0.1"}
            << "--fork takes its settings from the capture; --loss";
        QTest::newRow("fork and --ordered")
            << QStringList{"--fork", "x.rpcscope", "--at-ms", "5", "--set", "loss=0", "--ordered"}
            << "--ordered would change them from the start";
        QTest::newRow("change before start") << QStringList{"--change-at", "x:loss=0"} << "in milliseconds";
        QTest::newRow("change of a fixed option") << QStringList{"--change-at", "5:calls=3"}
                                                  << "calls shapes the session from its start";
        QTest::newRow("change to a bad value") << QStringList{"--change-at", "5:loss=-1"}
                                               << "invalid value for loss";
    }

    void forkRejectsBadInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        verifyUsageError(QStringLiteral("simulate"), args, message);
    }

    void forkOfSomethingElseFails()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("not.rpcscope"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("hello");
        file.close();
        const Result r = run({QStringLiteral("simulate"), QStringLiteral("--fork"), path, QStringLiteral("--at-ms"),
                              QStringLiteral("5"), QStringLiteral("--set"), QStringLiteral("loss=0")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"not an RpcScope capture"), qPrintable(r.err));
    }

    // A sweep over the shared session options: rows = steps x compared
    // values, the same bytes for the same seed, JSON that parses.
    void sweepCsvAndJson()
    {
        const QStringList args{QStringLiteral("sweep"),   QStringLiteral("--scenario"), QStringLiteral("many-clients"),
                               QStringLiteral("--calls"), QStringLiteral("40"),         QStringLiteral("--param"),
                               QStringLiteral("loss"),    QStringLiteral("--from"),     QStringLiteral("0"),
                               QStringLiteral("--to"),    QStringLiteral("0.2"),        QStringLiteral("--steps"),
                               QStringLiteral("3"),       QStringLiteral("--compare"),
                               QStringLiteral("backoff=fixed,full-jitter"),             QStringLiteral("--runs"),
                               QStringLiteral("2")};
        const Result csv = run(args);
        QCOMPARE(csv.exitCode, 0);
        QVERIFY2(csv.err.isEmpty(), qPrintable(csv.err));
        const QStringList lines = csv.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 3 * 2);
        QVERIFY2(lines[0].startsWith(QStringLiteral("loss,backoff,runs,")), qPrintable(lines[0]));
        QVERIFY2(lines[6].startsWith(QStringLiteral("0.2,full-jitter,2,")), qPrintable(lines[6]));
        QCOMPARE(run(args).out, csv.out);

        const Result json = run(args + QStringList{QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(json.exitCode, 0);
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(json.out));
        QCOMPARE(o[u"rows"].toArray().size(), 6);
        QCOMPARE(o[u"base"][u"calls"].toString(), QStringLiteral("40"));
        QCOMPARE(o[u"base"][u"scenario"].toString(), QStringLiteral("many-clients"));
        QCOMPARE(o[u"sweep"][u"runs"].toInt(), 2);
    }

    void sweepRejectsBadInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QStringList range{"--from", "0", "--to", "0.3", "--steps", "3"};
        QTest::newRow("no param") << range << "--param is required";
        QTest::newRow("unknown param") << QStringList{"--param", "lost"} + range << "unknown parameter 'lost'";
        QTest::newRow("word param") << QStringList{"--param", "backoff"} + range
                                    << "parameter 'backoff' is not a number";
        QTest::newRow("from not a number") << QStringList{"--param", "loss", "--from", "x", "--to", "1", "--steps", "3"}
                                           << "--from expects a number, not 'x'";
        QTest::newRow("one step") << QStringList{"--param", "loss", "--from", "0", "--to", "1", "--steps", "1"}
                                  << "at least 2 steps";
        QTest::newRow("no runs") << QStringList{"--param", "loss", "--runs", "0"} + range << "at least 1 run";
        QTest::newRow("value refused") << QStringList{"--param", "loss", "--from", "0", "--to", "2", "--steps", "3"}
                                       << "invalid value '2' for loss: expected a probability from 0 to 1";
        QTest::newRow("bad compare list") << QStringList{"--param", "loss", "--compare", "backoff"} + range
                                          << "--compare: expected OPTION=VALUE,VALUE,...";
        QTest::newRow("compared value refused")
            << QStringList{"--param", "loss", "--compare", "backoff=fixed,slow"} + range
            << "invalid value 'slow' for backoff";
        QTest::newRow("bad format") << QStringList{"--param", "loss", "--format", "xml"} + range
                                    << "--format expects csv or json";
        QTest::newRow("bad base option") << QStringList{"--param", "loss", "--calls", "-1"} + range
                                         << "invalid value '-1' for --calls";
    }

    void sweepRejectsBadInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        verifyUsageError(QStringLiteral("sweep"), args, message);
    }

    // A billion runs aborted with bad_alloc and a billion steps ran for ever:
    // runs x steps x compared values is bounded, and refused at once. A
    // count out of range names its option.
    void sweepBoundsItsSimulations_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QStringList base{"--param", "loss", "--from", "0", "--to", "0.3"};
        QTest::newRow("a billion runs") << base + QStringList{"--steps", "3", "--runs", "1000000000"}
                                        << "3 steps x 1 compared values x 1000000000 runs are more simulations "
                                           "than the 100000 a sweep runs at most";
        QTest::newRow("a billion steps") << base + QStringList{"--steps", "1000000000"}
                                         << "1000000000 steps x 1 compared values x 1 runs are more simulations";
        QTest::newRow("compared values count too")
            << base + QStringList{"--steps", "1000", "--runs", "50", "--compare", "backoff=fixed,exponential,adaptive"}
            << "1000 steps x 3 compared values x 50 runs";
        QTest::newRow("no runs names --runs") << base + QStringList{"--steps", "3", "--runs", "0"}
                                              << "invalid value '0' for --runs: expected at least 1 run, not 0";
        QTest::newRow("one step names --steps") << base + QStringList{"--steps", "1"}
                                                << "invalid value '1' for --steps: expected at least 2 steps";
        QTest::newRow("runs past an int") << base + QStringList{"--steps", "3", "--runs", "4294967297"}
                                          << "--runs expects a whole number, not '4294967297'";
    }

    void sweepBoundsItsSimulations()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QElapsedTimer elapsed;
        elapsed.start();
        verifyUsageError(QStringLiteral("sweep"), args, message);
        QVERIFY2(elapsed.elapsed() < 10'000, "refused only after a long while");
    }

    // Every number the commands take besides the session options: finite,
    // in range, never wrapped, and an error that names the option. serve
    // --max-seconds 4294968 stopped after 0.84 s (milliseconds wrapped in an
    // int), 2147484 and nan never stopped, inf stopped at once; export took
    // inf and nan as times; live took more clients than its server accepts.
    void commandNumbersAreRangeChecked_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        for (const char *seconds : {"4294968", "2147484", "nan", "inf", "-inf", "0", "-1", "1e400"})
            QTest::addRow("serve --max-seconds %s", seconds)
                << "serve" << QStringList{"--max-seconds", seconds}
                << QStringLiteral("invalid value '%1' for --max-seconds: expected a number from 0.001 to 604800")
                       .arg(QLatin1StringView(seconds));
        const QStringList exportArgs{"capture.rpcscope", "-o", "out.csv"};
        for (const char *option : {"--from-ms", "--to-ms"})
            for (const char *ms : {"inf", "nan", "-1", "1e13"})
                QTest::addRow("export %s %s", option, ms)
                    << "export" << exportArgs + QStringList{option, ms}
                    << QStringLiteral("invalid value '%1' for %2: expected a number from 0 to")
                           .arg(QLatin1StringView(ms), QLatin1StringView(option));
        QTest::newRow("live --clients 5000")
            << "live" << QStringList{"--clients", "5000"}
            << "invalid value '5000' for --clients: a live session runs at most 1000 clients";
        QTest::newRow("live --clients 1001")
            << "live" << QStringList{"--clients", "1001"} << "invalid value '1001' for --clients";
    }

    void commandNumbersAreRangeChecked()
    {
        QFETCH(QString, command);
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QElapsedTimer elapsed;
        elapsed.start();
        // export starts a GUI application, which may warn about its
        // environment before the message: only the message is checked.
        const Result r = run(QStringList{command} + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
        QVERIFY2(r.err.contains(QStringLiteral("rpcscope-cli: %1: %2").arg(command, message)), qPrintable(r.err));
        QVERIFY2(elapsed.elapsed() < 10'000, "refused only after a long while");
    }

    // A fraction of a second is a fraction of a second: serve stops on time.
    void serveStopsAfterMaxSeconds()
    {
        QElapsedTimer elapsed;
        elapsed.start();
        const Result r = run({QStringLiteral("serve"), QStringLiteral("--max-seconds"), QStringLiteral("0.5")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("stopped after 0 handler executions")), qPrintable(r.out));
        QVERIFY2(elapsed.elapsed() >= 500, qPrintable(QString::number(elapsed.elapsed())));
    }

    // A capture is input like any other: one with valid CRCs whose header
    // names an unknown service crashed replay --rerun (SIGSEGV); one asking
    // for 2^31 calls ran away. Both are refused before anything runs.
    void replayRefusesHeadersTheOptionsWouldRefuse_data()
    {
        QTest::addColumn<QString>("service");
        QTest::addColumn<int>("calls");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown service") << "bogus" << 10
                                         << "service 'bogus': expected one of echo, counter, file, slowjob";
        QTest::newRow("2^31 - 1 calls") << "echo" << 2147483647
                                        << "calls '2147483647': expected a whole number from 0 to 100000000";
    }

    void replayRefusesHeadersTheOptionsWouldRefuse()
    {
        QFETCH(QString, service);
        QFETCH(int, calls);
        QFETCH(QString, message);
        rpcscope::session::SessionConfig config;
        config.calls = 10;
        rpcscope::capture::Header header = rpcscope::capture::makeHeader(config, {true, 1});
        header.mutable_session()->set_service(service.toStdString());
        header.mutable_session()->set_calls(calls);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("crafted.rpcscope"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(rpcscope::capture::kMagic, sizeof rpcscope::capture::kMagic);
        file.write(rpcscope::capture::frameRecord(rpcscope::capture::RecordType::Header, header));
        file.write(rpcscope::capture::frameRecord(rpcscope::capture::RecordType::Footer, rpcscope::capture::makeFooter(0, 0, {})));
        file.close();
        for (const QStringList &args : {QStringList{QStringLiteral("--rerun"), path}, QStringList{path}}) {
            const Result r = run(QStringList{QStringLiteral("replay")} + args);
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(message), qPrintable(r.err));
            QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
        }
    }

    // --help says the default each command uses: serve and call add no
    // delay of their own (help said 10 ms while serve used 0).
    void serveAndCallHelpShowTheDelayTheyUse()
    {
        for (const char *command : {"serve", "call"}) {
            const Result r = run({QString::fromLatin1(command), QStringLiteral("--help")});
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(r.out.contains(QStringLiteral("one-way network delay [default: 0]")), qPrintable(r.out));
        }
        const Result simulate = run({QStringLiteral("simulate"), QStringLiteral("--help")});
        QVERIFY2(simulate.out.contains(QStringLiteral("one-way network delay [default: 10]")), qPrintable(simulate.out));
    }

    // What the server chose to send (a result, an error message naming what
    // the client asked for) reaches the terminal with its control characters
    // escaped: no escape sequence, carriage return or bell gets through raw.
    void callEscapesControlCharactersFromTheServer()
    {
        QProcess serve;
        const QString to = startServe(serve, {QStringLiteral("--service"), QStringLiteral("echo")});
        QVERIFY2(!to.isEmpty(), serve.readAllStandardError().constData());
        const QString hostile = QStringLiteral("\x1b[2Jred\r\x07\u202eevil\x9b");
        Result r = run({QStringLiteral("call"), QStringLiteral("--to"), to, QStringLiteral("echo"), hostile});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("\\x1b[2Jred\\x0d\\x07\\u{202e}evil\\x9b\n"));
        r = run({QStringLiteral("call"), QStringLiteral("--to"), to, QStringLiteral("\x1b]0;owned\x07nope")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("\\x1b]0;owned\\x07nope")), qPrintable(r.err));
        for (const QChar c : r.err)
            QVERIFY2(c == u'\n' || c.category() != QChar::Other_Control, qPrintable(r.err));
        // --json gives the text exactly, as JSON escapes it.
        r = run({QStringLiteral("call"), QStringLiteral("--to"), to, QStringLiteral("--json"), QStringLiteral("echo"),
                 hostile});
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object()[u"result"].toString(), hostile);
        stopServe(serve);
    }

    // soak: many seeded sessions, every promise checked in each; the same
    // counts on every run, and a count of zero for each broken promise.
    void soakCountsAndRepeats()
    {
        const QStringList args{QStringLiteral("soak"), QStringLiteral("--seeds"), QStringLiteral("300"),
                               QStringLiteral("--first-seed"), QStringLiteral("41"), QStringLiteral("--json")};
        const Result json = run(args);
        QCOMPARE(json.exitCode, 0);
        QVERIFY2(json.err.isEmpty(), qPrintable(json.err));
        QJsonParseError error;
        QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(json.out));
        QCOMPARE(o[u"seeds"].toInt(), 300);
        QCOMPARE(o[u"first_seed"].toString(), QStringLiteral("41"));
        QCOMPARE(o[u"ok"].toInteger() + o[u"failed"].toInteger(), o[u"calls"].toInteger());
        QVERIFY(o[u"ok"].toInteger() > 0);
        QVERIFY(o[u"failed"].toInteger() > 0); // loss up to 50 %: some calls give up
        QVERIFY(o[u"retransmissions"].toInteger() > 0);
        QVERIFY(o[u"duplicates_answered"].toInteger() > 0);
        QVERIFY(o[u"seeds_restarted"].toInt() > 0);
        QVERIFY(o[u"seeds_overloaded"].toInt() > 0);
        QVERIFY(o[u"seeds_outlived_cache"].toInt() > 0);
        QVERIFY(o[u"seeds_flooded"].toInt() > 0);
        for (const char16_t *promise : {u"double_executions", u"corrupt_accepted", u"past_deadline", u"ended_twice",
                                        u"unfinished", u"counter_mismatch", u"wrong_results", u"amplified", u"out_of_order"}) {
            QVERIFY2(o.contains(promise), qPrintable(QStringView(promise).toString()));
            QCOMPARE(o[promise].toInteger(), 0);
        }
        QVERIFY(o[u"failing_seeds"].toArray().isEmpty());

        QJsonObject again = QJsonDocument::fromJson(run(args).out.toUtf8()).object();
        for (const char16_t *clock : {u"seconds", u"seeds_per_second"}) {
            QVERIFY(o.contains(clock));
            o.remove(clock);
            again.remove(clock);
        }
        QCOMPARE(again, o);

        const Result text = run(args.mid(0, 5));
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.startsWith(QStringLiteral("soak: 300 seeds from 41 in ")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("double executions     0\n")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("calls past deadline   0\n")), qPrintable(text.out));
    }

    void soakRejectsBadInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no seeds") << QStringList{"--seeds", "0"} << "--seeds expects a whole number from 1";
        QTest::newRow("word seeds") << QStringList{"--seeds", "many"} << "not 'many'";
        QTest::newRow("word first seed") << QStringList{"--first-seed", "x"} << "--first-seed expects a whole number";
        QTest::newRow("unknown option") << QStringList{"--sedes", "3"} << "sedes";
    }

    void soakRejectsBadInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        verifyUsageError(QStringLiteral("soak"), args, message);
    }

    // export: the charts as PNG (twice the pixel density) or SVG, all of
    // them or one; the diagram and the events of one call alone.
    void exportChartsAndOneCall()
    {
        QTemporaryDir dir;
        const QString capture = dir.filePath(QStringLiteral("lossy.rpcscope"));
        const Result recorded = run({QStringLiteral("simulate"), QStringLiteral("--scenario"), QStringLiteral("lossy"),
                                     QStringLiteral("--calls"), QStringLiteral("40"), QStringLiteral("--clients"),
                                     QStringLiteral("2"), QStringLiteral("--record"), capture});
        QCOMPARE(recorded.exitCode, 0);
        const auto exportTo = [&](const QStringList &more) {
            return run(QStringList{QStringLiteral("export"), capture} + more);
        };
        // A PNG's size, from its header; none if it is not a PNG.
        const auto pngSize = [](const QString &path) -> std::optional<std::pair<quint32, quint32>> {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return std::nullopt;
            const QByteArray head = file.read(24);
            if (head.size() < 24 || !head.startsWith("\x89PNG\r\n\x1a\n") || head.mid(12, 4) != "IHDR")
                return std::nullopt;
            const auto be32 = [&](int at) {
                return quint32(quint8(head[at])) << 24 | quint32(quint8(head[at + 1])) << 16
                       | quint32(quint8(head[at + 2])) << 8 | quint32(quint8(head[at + 3]));
            };
            return std::pair{be32(16), be32(20)};
        };

        const QString all = dir.filePath(QStringLiteral("charts.png"));
        Result r = exportTo({QStringLiteral("-o"), all, QStringLiteral("--format"), QStringLiteral("chart-png")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(pngSize(all), (std::optional<std::pair<quint32, quint32>>{{2 * 1000, 5 * 2 * 560}}));

        const QString cdf = dir.filePath(QStringLiteral("cdf.png"));
        r = exportTo({QStringLiteral("-o"), cdf, QStringLiteral("--chart"), QStringLiteral("latency-cdf"),
                      QStringLiteral("--width"), QStringLiteral("800")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(pngSize(cdf), (std::optional<std::pair<quint32, quint32>>{{2 * 800, 2 * 448}}));

        const QString rtt = dir.filePath(QStringLiteral("rtt.svg"));
        r = exportTo({QStringLiteral("-o"), rtt, QStringLiteral("--format"), QStringLiteral("chart-svg"),
                      QStringLiteral("--chart"), QStringLiteral("rtt")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile svg(rtt);
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray svgBytes = svg.readAll();
        QVERIFY(svgBytes.contains("<svg"));
        QVERIFY(svgBytes.contains("<polyline") || svgBytes.contains("<path"));
        QVERIFY(svgBytes.contains("RTT and timeout"));

        // One call: only its rows, and a diagram naming only it.
        const QString csv = dir.filePath(QStringLiteral("call.csv"));
        r = exportTo({QStringLiteral("-o"), csv, QStringLiteral("--call"), QStringLiteral("2:2")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QStringList rows = QString::fromUtf8(csvFile.readAll()).trimmed().split(u'\n');
        QVERIFY(rows.size() > 3);
        for (qsizetype i = 1; i < rows.size(); ++i)
            QVERIFY2(rows[i].section(u',', 4, 5) == QStringLiteral("client2,2"), qPrintable(rows[i]));
        const QString callSvg = dir.filePath(QStringLiteral("call.svg"));
        r = exportTo({QStringLiteral("-o"), callSvg, QStringLiteral("--call"), QStringLiteral("2:2")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile callFile(callSvg);
        QVERIFY(callFile.open(QIODevice::ReadOnly));
        const QString drawn = QString::fromUtf8(callFile.readAll());
        QVERIFY(drawn.contains(QStringLiteral("client 2 · call 2")));
        // "REQ #2 a2 · retry #1", "call #2 ok": a word, then the call's number
        // (the retry's is a count).
        QSet<QString> calls;
        for (const QRegularExpressionMatch &m : QRegularExpression(QStringLiteral("\\w(?<!retry) #(\\d+)")).globalMatch(drawn))
            calls.insert(m.captured(1));
        QCOMPARE(calls, QSet<QString>{QStringLiteral("2")});
        r = exportTo({QStringLiteral("-o"), callSvg, QStringLiteral("--call"), QStringLiteral("2:9999")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("no events of call 2:9999")), qPrintable(r.err));
    }

    // export to .tex: a LaTeX document around one TikZ picture, chosen by
    // the suffix or by --format tikz, cut to --from-ms/--to-ms, with --legend.
    void exportTikz()
    {
        QTemporaryDir dir;
        const QString capture = dir.filePath(QStringLiteral("d.rpcscope"));
        QCOMPARE(run({QStringLiteral("simulate"), QStringLiteral("--scenario"), QStringLiteral("dropped-reply"),
                      QStringLiteral("--record"), capture})
                     .exitCode,
                 0);
        const auto read = [](const QString &path) {
            QFile file(path);
            return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
        };
        const auto arrows = [](const QString &tex) { return int(tex.count(u"\n\\draw[->, rpcdatagram")); };
        const QString whole = dir.filePath(QStringLiteral("fig.tex"));
        Result r = run({QStringLiteral("export"), capture, QStringLiteral("-o"), whole});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QString tex = read(whole);
        QVERIFY(tex.contains(u"\\documentclass[tikz,border=0pt]{standalone}"));
        QCOMPARE(tex.count(u"\\begin{tikzpicture}"), 1);
        QVERIFY(tex.contains(u"{server};"));
        QVERIFY(tex.contains(u"seed "));
        QVERIFY(!tex.contains(u"handler running on the server};"));
        const int all = arrows(tex);
        QVERIFY(all >= 3);

        const QString part = dir.filePath(QStringLiteral("part.txt"));
        r = run({QStringLiteral("export"), capture, QStringLiteral("-o"), part, QStringLiteral("--format"),
                 QStringLiteral("tikz"), QStringLiteral("--to-ms"), QStringLiteral("100"), QStringLiteral("--legend")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        tex = read(part);
        QCOMPARE(tex.count(u"\\end{tikzpicture}"), 1);
        QVERIFY(tex.contains(u"{handler running on the server};"));
        const int some = arrows(tex);
        QVERIFY2(some >= 1 && some < all, qPrintable(QStringLiteral("%1 of %2").arg(some).arg(all)));
    }

    // The exports for trace viewers, by suffix and by --format, read back as
    // JSON; the format is checked in depth by tst_traceexport.
    void exportForTraceViewers()
    {
        QTemporaryDir dir;
        const QString capture = dir.filePath(QStringLiteral("o.rpcscope"));
        QCOMPARE(run({QStringLiteral("simulate"), QStringLiteral("--scenario"), QStringLiteral("overload"),
                      QStringLiteral("--record"), capture})
                     .exitCode,
                 0);
        const QString json = dir.filePath(QStringLiteral("o.json"));
        Result r = run({QStringLiteral("export"), capture, QStringLiteral("-o"), json});
        QVERIFY2(r.exitCode == 0 && r.err.isEmpty(), qPrintable(r.err));
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray events = QJsonDocument::fromJson(file.readAll()).object()[u"traceEvents"].toArray();
        QVERIFY(events.size() > 10'000);
        const QString qlog = dir.filePath(QStringLiteral("o.txt"));
        r = run({QStringLiteral("export"), capture, QStringLiteral("-o"), qlog, QStringLiteral("--format"),
                 QStringLiteral("qlog"), QStringLiteral("--to-ms"), QStringLiteral("50")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile seq(qlog);
        QVERIFY(seq.open(QIODevice::ReadOnly));
        const QByteArray text = seq.readAll();
        QVERIFY(text.startsWith("\x1e{\"qlog_version\""));
        QVERIFY(text.contains("\"name\":\"rpc:call_started\""));
        QVERIFY(!text.contains("\"time\":50.001"));
        r = run({QStringLiteral("export"), capture, QStringLiteral("-o"), json, QStringLiteral("--format"),
                 QStringLiteral("perfetto2")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"unknown format 'perfetto2': expected csv, jsonl, mermaid, plantuml, perfetto, qlog, pcapng"),
                 qPrintable(r.err));
    }

    // Drawing needs a QGuiApplication, which asks Qt for the runtime
    // directory; a terminal over ssh or a CI job often has none. Exports
    // still say nothing on standard error there.
    void exportIsQuietWithoutARuntimeDirectory()
    {
        QTemporaryDir dir;
        const QString capture = dir.filePath(QStringLiteral("s.rpcscope"));
        QCOMPARE(run({QStringLiteral("simulate"), QStringLiteral("--scenario"), QStringLiteral("dropped-reply"),
                      QStringLiteral("--record"), capture}).exitCode, 0);
        QProcessEnvironment env = withoutDisplay(QProcessEnvironment::systemEnvironment());
        env.remove(QStringLiteral("XDG_RUNTIME_DIR"));
        for (const QStringList &extra : {QStringList{QStringLiteral("-o"), dir.filePath(QStringLiteral("d.svg"))},
                                         QStringList{QStringLiteral("-o"), dir.filePath(QStringLiteral("c.png")),
                                                     QStringLiteral("--format"), QStringLiteral("chart-png")}}) {
            QProcess process;
            process.setProcessEnvironment(env);
            process.start(QStringLiteral(RPCSCOPE_CLI_PATH), QStringList{QStringLiteral("export"), capture} + extra);
            QVERIFY(process.waitForFinished(30000));
            const QString err = QString::fromUtf8(process.readAllStandardError());
            QCOMPARE(process.exitCode(), 0);
            QVERIFY2(err.isEmpty(), qPrintable(err));
        }
    }

    void exportRejectsBadChartRequests_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown chart") << QStringList{"-o", "x.png", "--chart", "jitter"} << "unknown chart 'jitter'";
        QTest::newRow("chart as text") << QStringList{"-o", "x.csv", "--chart", "rtt"}
                                       << "--chart needs a chart format";
        QTest::newRow("chart of one call") << QStringList{"-o", "x.png", "--format", "chart-png", "--call", "1:1"}
                                           << "--call does not apply to charts";
        QTest::newRow("unknown format") << QStringList{"-o", "x.png", "--format", "chart-gif"}
                                        << "unknown format 'chart-gif'";
        QTest::newRow("formats named") << QStringList{"-o", "x.png", "--format", "latex"}
                                       << "expected csv, jsonl, mermaid, plantuml, perfetto, qlog, pcapng, svg, png, pdf, tikz, gif";
        QTest::newRow("chart as TikZ") << QStringList{"-o", "x.tex", "--chart", "rtt"}
                                       << "--chart needs a chart format (chart-png or chart-svg), not 'tikz'";
        QTest::newRow("fps of TikZ") << QStringList{"-o", "x.tex", "--fps", "12"} << "--fps is for animations";
        QTest::newRow("fps of a picture") << QStringList{"-o", "x.png", "--fps", "12"}
                                          << "--fps is for animations";
        QTest::newRow("size of a picture") << QStringList{"-o", "x.svg", "--size", "800x600"}
                                           << "--size is for animations";
        QTest::newRow("bad size") << QStringList{"-o", "x.gif", "--size", "1920by1080"}
                                  << "invalid value '1920by1080' for --size";
        QTest::newRow("tiny size") << QStringList{"-o", "x.gif", "--size", "100x50"} << "invalid value '100x50'";
        QTest::newRow("bad fps") << QStringList{"-o", "x.gif", "--fps", "0"} << "invalid value '0' for --fps";
        QTest::newRow("bad speed") << QStringList{"-o", "x.mp4", "--speed", "fast"}
                                   << "invalid value 'fast' for --speed";
        QTest::newRow("width of an animation") << QStringList{"-o", "x.gif", "--width", "1200"}
                                               << "--width is for pictures";
        QTest::newRow("tracks of an animation") << QStringList{"-o", "x.webm", "--tracks"}
                                                << "--tracks is for pictures";
    }

    void exportRejectsBadChartRequests()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        args.prepend(QStringLiteral("capture.rpcscope"));
        args.prepend(QStringLiteral("export"));
        const Result r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    // The generated Counter skeleton and the plain `add`/`get` on one
    // server act on one total: each spelling sees what the other added.
    // serve and call with a DTLS key: the same key calls, none is refused,
    // and the server's log says who was refused and why.
    void dtlsKeyServeAndCall()
    {
        QTemporaryDir dir;
        QFile keyFile(dir.filePath(QStringLiteral("key")));
        QVERIFY(keyFile.open(QIODevice::WriteOnly));
        keyFile.write("open sesame\n");
        keyFile.close();
        QProcess serve;
        const QString to = startServe(serve, {QStringLiteral("--service"), QStringLiteral("counter"),
                                              QStringLiteral("--key"), QStringLiteral("open sesame")});
        QVERIFY2(!to.isEmpty(), serve.readAllStandardError().constData());
        const QStringList add{QStringLiteral("call"), QStringLiteral("--to"), to, QStringLiteral("--encoding"),
                              QStringLiteral("int64"), QStringLiteral("add")};

        Result r = run(add + QStringList{QStringLiteral("--key"), QStringLiteral("open sesame"), QStringLiteral("5")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("5\n"));
        r = run(add + QStringList{QStringLiteral("--key-file"), keyFile.fileName(), QStringLiteral("2")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("7\n"));

        // No key: nothing back, and the server names the refusal.
        r = run(add + QStringList{QStringLiteral("--max-attempts"), QStringLiteral("3"), QStringLiteral("--timeout-ms"),
                                  QStringLiteral("20"), QStringLiteral("100")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("no reply after 3 attempts")), qPrintable(r.err));

        const QString stopped = stopServe(serve);
        QVERIFY2(stopped.contains(QStringLiteral("stopped after 2 handler executions, counter total 7\n")),
                 qPrintable(stopped));
        const QString log = QString::fromUtf8(serve.readAllStandardError());
        QCOMPARE(log.count(QStringLiteral("DTLS session with 127.0.0.1:")), 2);
        QVERIFY2(log.contains(QStringLiteral("sent a datagram that is not DTLS: this server needs the key\n")),
                 qPrintable(log));
    }

    void dtlsKeyBadOptions_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("both") << QStringList{"--key", "a", "--key-file", "k"} << "not both";
        QTest::newRow("no file") << QStringList{"--key-file", "/nonexistent/key"}
                                 << "--key-file: cannot read '/nonexistent/key'";
        QTest::newRow("empty") << QStringList{"--key", ""} << "the DTLS key is empty";
    }

    void dtlsKeyBadOptions()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        for (const QString &command : {QStringLiteral("serve"), QStringLiteral("call")}) {
            QStringList all = args;
            if (command == u"call")
                all << QStringLiteral("--to") << QStringLiteral("127.0.0.1:9") << QStringLiteral("echo");
            else
                all << QStringLiteral("--max-seconds") << QStringLiteral("1");
            verifyUsageError(command, all, message);
            if (QTest::currentTestFailed())
                return;
        }
    }

    // The trace feed shows every client's traffic: serve refuses to offer
    // it without a key, before it binds anything.
    void traceFeedNeedsKey_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no key") << QStringList{"--trace-port", "0"}
                                << "--trace-port needs --key or --key-file: the trace feed shows every client's traffic";
        QTest::newRow("not a port") << QStringList{"--trace-port", "70000", "--key", "k"}
                                    << "invalid value '70000' for --trace-port";
        QTest::newRow("not a number") << QStringList{"--trace-port", "feed", "--key", "k"}
                                      << "invalid value 'feed' for --trace-port";
    }

    void traceFeedNeedsKey()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        verifyUsageError(QStringLiteral("serve"), QStringList{QStringLiteral("--max-seconds"), QStringLiteral("1")} + args,
                         message);
    }

    // serve --trace-port with a key: the line after the banner names the
    // feed, and a client with the key pulls from it the handler the call
    // ran, on the server's epoch and clock.
    void traceFeedServesTheServersTrace()
    {
        const QString key = QStringLiteral("open sesame");
        QProcess serve;
        const QString to = startServe(serve, {QStringLiteral("--key"), key, QStringLiteral("--trace-port"),
                                              QStringLiteral("0")});
        QVERIFY2(!to.isEmpty(), serve.readAllStandardError().constData());
        while (!serve.canReadLine() && serve.waitForReadyRead(10'000)) {
        }
        const QString feedLine = QString::fromUtf8(serve.readLine());
        const QRegularExpressionMatch m =
            QRegularExpression(QStringLiteral("^trace feed on 127\\.0\\.0\\.1:(\\d+) \\(same key\\)\n$"))
                .match(feedLine);
        QVERIFY2(m.hasMatch(), qPrintable(feedLine));
        const quint16 feedPort = quint16(m.captured(1).toUInt());
        QVERIFY(feedPort != 0);
        QVERIFY(QStringLiteral("127.0.0.1:%1").arg(feedPort) != to);

        const Result r = run({QStringLiteral("call"), QStringLiteral("--to"), to, QStringLiteral("--key"), key,
                              QStringLiteral("echo"), QStringLiteral("watched")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        rpcscope::rpc::ClientOptions co;
        co.serverAddress = QHostAddress(QHostAddress::LocalHost);
        co.serverPort = feedPort;
        co.key = key.toUtf8();
        co.retry.deadline = std::chrono::seconds(10);
        rpcscope::rpc::RpcClient client(co);
        QString error;
        QVERIFY2(client.start(&error), qPrintable(error));
        rpcscope::remote::TraceFeedClient feed(client);
        const auto result = feed.PullBlocking(rpcscope::remote::PullRequest());
        QVERIFY2(result.ok(), qPrintable(result.message));
        const rpcscope::remote::PullReply &reply = result.response;
        std::vector<rpcscope::trace::Event> events;
        QVERIFY(rpcscope::trace::unpackEvents(QByteArrayView(reply.events().data(),
                                                               qsizetype(reply.events().size())),
                                                reply.event_count(), reply.first_time_us(), events)
                    .isEmpty());
        QCOMPARE(reply.first_sequence(), std::uint64_t(0));
        QVERIFY(!events.empty());
        const auto starts = std::count_if(events.begin(), events.end(), [](const rpcscope::trace::Event &e) {
            return e.kind == rpcscope::trace::EventKind::HandlerStart;
        });
        QCOMPARE(starts, 1);
        QVERIFY(reply.server_now_us() >= events.back().timeUs);
        QCOMPARE(reply.peers_size(), 1);
        QCOMPARE(reply.peers(0).address(), std::string("127.0.0.1"));
        client.stop();

        const QString stopped = stopServe(serve);
        QVERIFY2(stopped.contains(QStringLiteral("stopped after 1 handler executions")), qPrintable(stopped));
        const QString log = QString::fromUtf8(serve.readAllStandardError());
        QVERIFY2(log.contains(QStringLiteral("rpcscope-cli serve: trace feed: DTLS session with 127.0.0.1:")),
                 qPrintable(log));
    }

    void protoCounterSharesTotalWithPlainMethods()
    {
        QProcess serve;
        const QString to = startServe(serve, {QStringLiteral("--service"), QStringLiteral("counter")});
        QVERIFY2(!to.isEmpty(), serve.readAllStandardError().constData());

        Result r = callProto(to, QStringLiteral("rpcscope.services.Counter/Add"), QStringLiteral("amount: 5"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("total: 5\n"));

        r = run({QStringLiteral("call"), QStringLiteral("--to"), to, QStringLiteral("--encoding"),
                 QStringLiteral("int64"), QStringLiteral("add"), QStringLiteral("7")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("12\n"));

        r = callProto(to, QStringLiteral("rpcscope.services.Counter/Get"), {});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("total: 12\n"));

        // --json carries the reply in protobuf's JSON mapping (int64 as a string).
        r = callProto(to, QStringLiteral("rpcscope.services.Counter/Add"), QStringLiteral("amount: -2"),
                      {QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o[u"ok"].toBool(), true);
        QCOMPARE(o[u"result"].toObject(), (QJsonObject{{QStringLiteral("total"), QStringLiteral("10")}}));

        r = run({QStringLiteral("call"), QStringLiteral("--to"), to, QStringLiteral("--encoding"),
                 QStringLiteral("int64"), QStringLiteral("get")});
        QCOMPARE(r.out, QStringLiteral("10\n"));

        const QString stopped = stopServe(serve);
        QVERIFY2(stopped.contains(QStringLiteral("methods by wire name: rpcscope.services.Counter/Add, "
                                                 "rpcscope.services.Counter/Get\n")),
                 qPrintable(stopped));
        QVERIFY2(stopped.contains(QStringLiteral("stopped after 5 handler executions, counter total 10\n")),
                 qPrintable(stopped));
        // What the hostile-network limits did: nothing to hold back from five well-behaved calls.
        QVERIFY2(stopped.contains(QStringLiteral("; held back from the others 0 datagrams (0 bytes, 0 challenges sent)"
                                                 "; senders over the per-address limit 0; delayed sends dropped 0"
                                                 "; raw echoes answered 0 (0 over the rate cap)\n")),
                 qPrintable(stopped));
    }

    void protoEchoBesidePlainEcho()
    {
        QProcess serve;
        const QString to = startServe(serve, {QStringLiteral("--service"), QStringLiteral("echo")});
        QVERIFY2(!to.isEmpty(), serve.readAllStandardError().constData());
        Result r = callProto(to, QStringLiteral("rpcscope.services.Echo/Echo"),
                             QStringLiteral("payload: \"h\\303\\251 \\001\""));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("payload: \"h\\303\\251 \\001\"\n"));
        r = run({QStringLiteral("call"), QStringLiteral("--to"), to, QStringLiteral("echo"), QStringLiteral("hi")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("hi\n"));
        // A method of a service this server does not offer is the server's refusal: exit 1.
        r = callProto(to, QStringLiteral("rpcscope.services.Counter/Add"), QStringLiteral("amount: 1"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("has no method 'rpcscope.services.Counter/Add'")), qPrintable(r.err));
        QVERIFY2(stopServe(serve).contains(QStringLiteral("stopped after 3 handler executions")), "");
    }

    // The long call over two processes: the server works for the time asked,
    // and the reply carries the request's label back.
    void protoSlowJob()
    {
        QProcess serve;
        const QString to = startServe(serve, {QStringLiteral("--service"), QStringLiteral("slowjob")});
        QVERIFY2(!to.isEmpty(), serve.readAllStandardError().constData());

        QElapsedTimer elapsed;
        elapsed.start();
        Result r = callProto(to, QStringLiteral("rpcscope.services.SlowJob/Run"),
                             QStringLiteral("duration_ms: 400 label: \"nightly\""));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("label: \"nightly\" duration_ms: 400\n"));
        QVERIFY(elapsed.elapsed() >= 400);

        // The procedure's own refusal travels back as a failed call.
        r = callProto(to, QStringLiteral("rpcscope.services.SlowJob/Run"), QStringLiteral("duration_ms: 4000000000"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("duration_ms 4000000000 is over the limit")), qPrintable(r.err));
        // slowjob has no plain methods.
        r = run({QStringLiteral("call"), QStringLiteral("--to"), to, QStringLiteral("echo"), QStringLiteral("hi")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("no method 'echo' on this server")), qPrintable(r.err));

        // A job still working when the server is told to stop ends then; the
        // server does not wait out its minute. The call gives up first, so the
        // job has surely begun by the time of the stop.
        r = callProto(to, QStringLiteral("rpcscope.services.SlowJob/Run"), QStringLiteral("duration_ms: 60000"),
                      {QStringLiteral("--deadline-ms"), QStringLiteral("1000")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("deadline-exceeded")), qPrintable(r.err));
        QElapsedTimer stopping;
        stopping.start();
        const QString stopped = stopServe(serve);
        QVERIFY2(stopping.elapsed() < 10'000, qPrintable(stopped));
        QVERIFY2(stopped.contains(QStringLiteral("methods by wire name: rpcscope.services.SlowJob/Run\n")),
                 qPrintable(stopped));
        QVERIFY2(stopped.contains(QStringLiteral("stopped after 3 handler executions\n")), qPrintable(stopped));
    }

    void serveSlowJobRefusesHandlerTime()
    {
        const Result r = run({QStringLiteral("serve"), QStringLiteral("--service"), QStringLiteral("slowjob"),
                              QStringLiteral("--handler-ms"), QStringLiteral("5")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--handler-ms does not apply to --service slowjob")), qPrintable(r.err));
        const Result unknown = run({QStringLiteral("serve"), QStringLiteral("--service"), QStringLiteral("nope")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(
                     QStringLiteral("invalid value 'nope' for --service: expected one of echo, counter, file, slowjob")),
                 qPrintable(unknown.err));
    }

    // Text that is not the request type is refused before anything is sent,
    // saying where it went wrong. The port is one nobody answers on: a
    // request sent by mistake would fail the test with exit code 1.
    void protoBadTextFormat_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("not an integer")
            << "rpcscope.services.Counter/Add" << "amount: five"
            << "ARGS 'amount: five' is not a rpcscope.services.AddRequest in text format: line 1, column 9: "
               "Expected integer";
        QTest::newRow("unknown field")
            << "rpcscope.services.Counter/Add" << "amout: 5"
            << "is not a rpcscope.services.AddRequest in text format: line 1, column 6: Message type "
               "\"rpcscope.services.AddRequest\" has no field named \"amout\".";
        QTest::newRow("second line") << "rpcscope.services.SlowJob/Run" << "label: \"a\"\nduration_ms: -1"
                                     << "in text format: line 2, column 14: Expected integer";
        QTest::newRow("unterminated string") << "rpcscope.services.Echo/Echo" << "payload: \"abc"
                                             << "is not a rpcscope.services.EchoRequest in text format: line 1";
    }

    void protoBadTextFormat()
    {
        QFETCH(QString, method);
        QFETCH(QString, args);
        QFETCH(QString, message);
        const Result r = callProto(QStringLiteral("127.0.0.1:9"), method, args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.startsWith(QStringLiteral("rpcscope-cli: call: ")), qPrintable(r.err));
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void protoUnknownMethod_data()
    {
        QTest::addColumn<QString>("method");
        QTest::newRow("no such method") << "rpcscope.services.Counter/Subtract";
        QTest::newRow("no such service") << "rpcscope.services.Abacus/Add";
        QTest::newRow("a plain name") << "add";
        QTest::newRow("dots for the slash") << "rpcscope.services.Counter.Add";
        QTest::newRow("no method after the slash") << "rpcscope.services.Counter/";
        QTest::newRow("a message, not a service") << "rpcscope.services.AddRequest/amount";
    }

    void protoUnknownMethod()
    {
        QFETCH(QString, method);
        const Result r = callProto(QStringLiteral("127.0.0.1:9"), method, QStringLiteral("amount: 1"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.startsWith(QStringLiteral("rpcscope-cli: call: unknown method '%1': ").arg(method)),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("call --list-methods")), qPrintable(r.err));
    }

    // A server that answers OK with bytes that are not the response type: the
    // call reports it, exit 1, rather than printing an empty message.
    void protoUndecodableReply()
    {
        rpcscope::rpc::RpcServer server({});
        server.registerHandler(QStringLiteral("rpcscope.services.Counter/Get"), [](const QByteArray &) {
            return rpcscope::rpc::HandlerResult{rpcscope::wire::STATUS_OK, {}, QByteArray("\xff\xff", 2)};
        });
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const QString to = QStringLiteral("127.0.0.1:%1").arg(server.port());
        Result r = callProto(to, QStringLiteral("rpcscope.services.Counter/Get"), {});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(QStringLiteral("rpcscope-cli call: undecodable-reply: the reply to "
                                               "rpcscope.services.Counter/Get (2 bytes: ffff) does not decode as "
                                               "rpcscope.services.CounterValue")),
                 qPrintable(r.err));
        r = callProto(to, QStringLiteral("rpcscope.services.Counter/Get"), {}, {QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o[u"ok"].toBool(true), false);
        QCOMPARE(o[u"error"].toString(), QStringLiteral("undecodable-reply"));
        server.stop();
    }

    void listMethods()
    {
        Result r = run({QStringLiteral("call"), QStringLiteral("--list-methods")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("rpcscope.services.Echo/Echo         rpcscope.services.EchoRequest -> "
                                       "rpcscope.services.EchoReply\n"
                                       "rpcscope.services.Counter/Add       rpcscope.services.AddRequest -> "
                                       "rpcscope.services.CounterValue\n"
                                       "rpcscope.services.Counter/Get       google.protobuf.Empty -> "
                                       "rpcscope.services.CounterValue\n"
                                       "rpcscope.services.SlowJob/Run       rpcscope.services.JobRequest -> "
                                       "rpcscope.services.JobReply\n"
                                       "rpcscope.services.FileTransfer/Put  rpcscope.services.FileChunk -> "
                                       "rpcscope.services.FileProgress\n"));

        r = run({QStringLiteral("call"), QStringLiteral("--list-methods"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray methods = QJsonDocument::fromJson(r.out.toUtf8()).object()[u"methods"].toArray();
        QCOMPARE(methods.size(), 5);
        QCOMPARE(methods.at(3).toObject(),
                 (QJsonObject{{QStringLiteral("method"), QStringLiteral("rpcscope.services.SlowJob/Run")},
                              {QStringLiteral("request"), QStringLiteral("rpcscope.services.JobRequest")},
                              {QStringLiteral("response"), QStringLiteral("rpcscope.services.JobReply")}}));

        r = run({QStringLiteral("call"), QStringLiteral("--list-methods"), QStringLiteral("add")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--list-methods takes no METHOD or ARGS")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
