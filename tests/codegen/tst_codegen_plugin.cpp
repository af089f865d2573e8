// protoc-gen-rpcscope as protoc runs it: golden files for representative
// .proto inputs, and bad inputs that must end in a clear message and a
// non-zero exit, never a crash or C++ that does not compile.
//
// Regenerate the golden files after changing the generator on purpose:
//   cmake --build build/codegen --target update_codegen_golden
// (runs this test's goldenFiles with RPCSCOPE_UPDATE_GOLDEN=1), then review
// the diff under tests/codegen/golden/expected/.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kSourceDir = QStringLiteral(RPCSCOPE_CODEGEN_TEST_DIR);

struct ProtocRun
{
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    QString stderrText;
    bool finished = false;
};

// protoc with only our plugin's output. `parameter` goes before the
// directory, as protoc wants it: --rpcscope_out=PARAM:DIR.
ProtocRun runProtoc(const QString &importDir, const QString &proto, const QString &outDir,
                    const QString &parameter = {})
{
    QProcess protoc;
    const QString out = parameter.isEmpty() ? outDir : parameter + u':' + outDir;
    protoc.start(QStringLiteral(RPCSCOPE_PROTOC),
                 {QStringLiteral("--plugin=protoc-gen-rpcscope=" RPCSCOPE_PLUGIN),
                  QStringLiteral("--rpcscope_out=") + out, QStringLiteral("-I") + importDir,
                  QStringLiteral("-I" RPCSCOPE_PROTOBUF_INCLUDE), proto});
    ProtocRun run;
    run.finished = protoc.waitForFinished(60'000);
    run.exitCode = protoc.exitCode();
    run.exitStatus = protoc.exitStatus();
    run.stderrText = QString::fromUtf8(protoc.readAllStandardError());
    return run;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The first line where two texts differ, for a failure message a person can act on.
QString firstDifference(const QByteArray &expected, const QByteArray &actual)
{
    const QList<QByteArray> e = expected.split('\n');
    const QList<QByteArray> a = actual.split('\n');
    for (qsizetype i = 0; i < std::max(e.size(), a.size()); ++i) {
        const QByteArray el = i < e.size() ? e[i] : QByteArray("<end of file>");
        const QByteArray al = i < a.size() ? a[i] : QByteArray("<end of file>");
        if (el != al)
            return QStringLiteral("line %1:\n  expected: %2\n  actual:   %3")
                .arg(i + 1)
                .arg(QString::fromUtf8(el), QString::fromUtf8(al));
    }
    return QStringLiteral("no difference");
}

QStringList filesIn(const QString &dir)
{
    QStringList files;
    const QDir root(dir);
    const auto entries = root.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QFileInfo &entry : entries)
        files << entry.fileName();
    return files;
}

} // namespace

class TestCodegenPlugin : public QObject
{
    Q_OBJECT

private slots:
    void goldenFiles_data()
    {
        QTest::addColumn<QString>("proto");
        QTest::addColumn<QString>("parameter");
        QTest::newRow("proto3, two services, keywords, imports") << QStringLiteral("greeter.proto") << QString();
        QTest::newRow("proto2, required fields, abstract")
            << QStringLiteral("common/shared.proto") << QStringLiteral("abstract");
        QTest::newRow("no package, streaming skipped")
            << QStringLiteral("nopackage.proto") << QStringLiteral("skip_streaming");
        QTest::newRow("no services") << QStringLiteral("messages_only.proto") << QString();
    }

    void goldenFiles()
    {
        QFETCH(QString, proto);
        QFETCH(QString, parameter);
        QTemporaryDir out;
        QVERIFY(out.isValid());
        const ProtocRun run = runProtoc(kSourceDir + QStringLiteral("/golden"), proto, out.path(), parameter);
        QVERIFY(run.finished);
        QCOMPARE(run.exitStatus, QProcess::NormalExit);
        QVERIFY2(run.exitCode == 0, qPrintable(run.stderrText));

        const bool update = qEnvironmentVariableIntValue("RPCSCOPE_UPDATE_GOLDEN") == 1;
        const QString base = proto.chopped(int(qstrlen(".proto")));
        for (const QString &suffix : {QStringLiteral(".rpcscope.h"), QStringLiteral(".rpcscope.cpp")}) {
            const QString generatedPath = out.path() + u'/' + base + suffix;
            const QString expectedPath = kSourceDir + QStringLiteral("/golden/expected/") + base + suffix;
            const QByteArray generated = readFile(generatedPath);
            QVERIFY2(!generated.isEmpty(), qPrintable(generatedPath + QStringLiteral(" was not written")));
            if (update) {
                QDir().mkpath(QFileInfo(expectedPath).path());
                QFile file(expectedPath);
                QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
                file.write(generated);
                qInfo("updated %s", qPrintable(expectedPath));
                continue;
            }
            const QByteArray expected = readFile(expectedPath);
            QVERIFY2(!expected.isEmpty(), qPrintable(expectedPath + QStringLiteral(" is missing")));
            QVERIFY2(generated == expected,
                     qPrintable(QStringLiteral("%1 differs from %2 at %3\n"
                                               "(if the change is intended: cmake --build <build dir> "
                                               "--target update_codegen_golden)")
                                    .arg(generatedPath, expectedPath, firstDifference(expected, generated))));
        }
    }

    // Every bad input: protoc's or the plugin's message names what is wrong
    // and where; the exit code is 1; the plugin wrote nothing.
    void badInputFails_data()
    {
        QTest::addColumn<QString>("proto");
        QTest::addColumn<QString>("parameter");
        QTest::addColumn<QStringList>("messages");
        QTest::newRow("syntax error") << QStringLiteral("syntax_error.proto") << QString()
                                      << QStringList{QStringLiteral("syntax_error.proto:5:1: Expected \";\"")};
        QTest::newRow("unknown import")
            << QStringLiteral("unknown_import.proto") << QString()
            << QStringList{QStringLiteral("missing/nothing_here.proto: File not found"),
                           QStringLiteral("unknown_import.proto:3:1: Import \"missing/nothing_here.proto\" "
                                          "was not found")};
        QTest::newRow("streaming methods")
            << QStringLiteral("streaming.proto") << QString()
            << QStringList{
                   QStringLiteral("streaming.proto: service Chat, method Upload: client streaming is not supported"),
                   QStringLiteral("streaming.proto: service Chat, method Download: server streaming is not supported"),
                   QStringLiteral(
                       "streaming.proto: service Chat, method Talk: bidirectional streaming is not supported"),
                   QStringLiteral("skip_streaming")};
        QTest::newRow("service without methods")
            << QStringLiteral("empty_service.proto") << QString()
            << QStringList{QStringLiteral("empty_service.proto: service Nothing declares no methods")};
        QTest::newRow("method names clash")
            << QStringLiteral("name_clash.proto") << QString()
            << QStringList{QStringLiteral("name_clash.proto: service Store: in class StoreClient, the C++ name "
                                          "GetBlocking of method GetBlocking clashes with the blocking variant of "
                                          "method Get")};
        QTest::newRow("method named like the server's list of procedures")
            << QStringLiteral("procedures_clash.proto") << QString()
            << QStringList{QStringLiteral("procedures_clash.proto: service Queue: in class QueueServer, the C++ "
                                          "name procedures of method procedures clashes with its list of "
                                          "procedures")};
        QTest::newRow("class name taken by a message")
            << QStringLiteral("class_clash.proto") << QString()
            << QStringList{QStringLiteral("class_clash.proto: service Thing: its generated class ThingClient has "
                                          "the same name as message acme.clash.ThingClient")};
        QTest::newRow("package component is a keyword")
            << QStringLiteral("keyword_package.proto") << QString()
            << QStringList{QStringLiteral("keyword_package.proto: package acme.class.v1: 'class' is a C++ keyword")};
        QTest::newRow("unknown plugin parameter")
            << QStringLiteral("keyword_methods.proto") << QStringLiteral("skip_everything")
            << QStringList{QStringLiteral("unknown parameter 'skip_everything'")};
    }

    void badInputFails()
    {
        QFETCH(QString, proto);
        QFETCH(QString, parameter);
        QFETCH(QStringList, messages);
        QTemporaryDir out;
        QVERIFY(out.isValid());
        const ProtocRun run = runProtoc(kSourceDir + QStringLiteral("/bad"), proto, out.path(), parameter);
        QVERIFY(run.finished);
        QCOMPARE(run.exitStatus, QProcess::NormalExit);
        QVERIFY2(run.exitCode == 1, qPrintable(run.stderrText));
        for (const QString &message : messages)
            QVERIFY2(run.stderrText.contains(message),
                     qPrintable(QStringLiteral("'%1' not in:\n%2").arg(message, run.stderrText)));
        QVERIFY2(filesIn(out.path()).isEmpty(), qPrintable(filesIn(out.path()).join(u", ")));
    }

    // The same streaming methods, left out on request: a warning each, and
    // the unary method still generated.
    void streamingSkippedWithWarning()
    {
        QTemporaryDir out;
        QVERIFY(out.isValid());
        const ProtocRun run =
            runProtoc(kSourceDir + QStringLiteral("/bad"), QStringLiteral("streaming.proto"), out.path(), QStringLiteral("skip_streaming"));
        QVERIFY(run.finished);
        QVERIFY2(run.exitCode == 0, qPrintable(run.stderrText));
        for (const char *method : {"Upload", "Download", "Talk"})
            QVERIFY2(run.stderrText.contains(
                         QStringLiteral("streaming.proto: warning: service Chat, method %1:").arg(QLatin1String(method))),
                     qPrintable(run.stderrText));
        const QByteArray header = readFile(out.path() + QStringLiteral("/streaming.rpcscope.h"));
        QVERIFY(header.contains("Say("));
        QVERIFY(!header.contains("Upload"));
        QVERIFY(!header.contains("Talk"));
    }

    // Methods named like keywords and macros are renamed in C++ (a trailing
    // underscore, as protoc does for fields) and keep their names on the
    // wire. That such code compiles and calls through is shown by
    // tst_codegen_calls, which builds greeter.proto's delete/class/emit.
    void keywordMethodsRenamed()
    {
        QTemporaryDir out;
        QVERIFY(out.isValid());
        const ProtocRun run = runProtoc(kSourceDir + QStringLiteral("/bad"), QStringLiteral("keyword_methods.proto"), out.path());
        QVERIFY(run.finished);
        QVERIFY2(run.exitCode == 0, qPrintable(run.stderrText));
        const QByteArray header = readFile(out.path() + QStringLiteral("/keyword_methods.rpcscope.h"));
        const QByteArray source = readFile(out.path() + QStringLiteral("/keyword_methods.rpcscope.cpp"));
        for (const char *name : {"new", "operator", "signals", "co_await", "Q_OBJECT"}) {
            QVERIFY2(header.contains(QByteArray(" ") + name + "_("), name);
            QVERIFY2(header.contains(QByteArray("virtual ::rpcscope::codegen::HandlerStatus ") + name + "_("), name);
            QVERIFY2(source.contains(QByteArray("\"acme.words.Words/") + name + "\""), name);
        }
        QVERIFY(!header.contains(" new("));
        QVERIFY(!header.contains(" signals("));
    }

    // A .proto comment with a carriage return not followed by a newline
    // (protoc keeps it in the comment text): C++ compilers take it for a
    // line break, so copied as it was, the rest of the comment became code
    // in the generated header. Each one now starts a new comment line.
    void carriageReturnInCommentStaysComment()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile proto(dir.filePath(QStringLiteral("cr.proto")));
        QVERIFY(proto.open(QIODevice::WriteOnly));
        proto.write("syntax = \"proto3\";\n"
                    "package acme.cr;\n"
                    "message M {}\n"
                    "service S {\n"
                    "  // Says hello.\rstatic_assert(false, \"injected\");\r\n"
                    "  rpc Hello(M) returns (M);\n"
                    "}\n");
        proto.close();
        const ProtocRun run = runProtoc(dir.path(), QStringLiteral("cr.proto"), dir.path());
        QVERIFY(run.finished);
        QVERIFY2(run.exitCode == 0, qPrintable(run.stderrText));
        const QByteArray header = readFile(dir.filePath(QStringLiteral("cr.rpcscope.h")));
        QVERIFY(header.contains("// Says hello.\n"));
        QVERIFY(!header.contains('\r'));
        for (const QByteArray &line : header.split('\n'))
            if (line.contains("injected"))
                QVERIFY2(line.trimmed().startsWith("//"), line.constData());
        QVERIFY(header.contains("// static_assert(false, \"injected\");"));
    }

    // A .proto file's name goes into a comment and an #include of the
    // generated files; a carriage return in it (a legal file name) put the
    // rest of the name on a line of its own, as code. Refused instead.
    void lineBreakInFileNameIsRefused()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString name = QStringLiteral("a\rstatic_assert(false);.proto");
        QFile proto(dir.filePath(name));
        QVERIFY(proto.open(QIODevice::WriteOnly));
        proto.write("syntax = \"proto3\";\nmessage M {}\nservice S { rpc Hello(M) returns (M); }\n");
        proto.close();
        const ProtocRun run = runProtoc(dir.path(), name, dir.path());
        QVERIFY(run.finished);
        QCOMPARE(run.exitStatus, QProcess::NormalExit);
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.stderrText.contains(u"control character"), qPrintable(run.stderrText));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("a\rstatic_assert(false);.rpcscope.h"))));
    }

    // Not a CodeGeneratorRequest on stdin: an error, not a crash.
    void pluginRejectsGarbageInput()
    {
        QProcess plugin;
        plugin.start(QStringLiteral(RPCSCOPE_PLUGIN), {});
        QVERIFY(plugin.waitForStarted(30'000));
        plugin.write(QByteArray("\xff\xff\xff\xff not a request", 19));
        plugin.closeWriteChannel();
        QVERIFY(plugin.waitForFinished(30'000));
        QCOMPARE(plugin.exitStatus(), QProcess::NormalExit);
        QCOMPARE(plugin.exitCode(), 1);
        QVERIFY2(plugin.readAllStandardError().contains("unparseable"), "no message about the request");
    }
};

QTEST_GUILESS_MAIN(TestCodegenPlugin)
#include "tst_codegen_plugin.moc"
