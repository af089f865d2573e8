// The engine's layer order (engine/CMakeLists.txt) and the check that holds
// the build to it (cmake/CheckLayers.cmake): the real tree passes, and an
// include or a .proto import that reaches up, planted in a copy of the
// tree, fails with the file, the line and both layers named.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kEngine = QStringLiteral(RPCSCOPE_ENGINE_DIR);
const QString kCheck = QStringLiteral(RPCSCOPE_CHECK_LAYERS);
const QString kLayers = QStringLiteral(RPCSCOPE_ENGINE_LAYERS).replace(QLatin1Char(','), QLatin1Char(';'));

struct CheckResult
{
    int exitCode = -1;
    QString output;
};

CheckResult runCheck(const QString &root, const QString &layers = kLayers)
{
    QProcess cmake;
    cmake.setProcessChannelMode(QProcess::MergedChannels);
    cmake.start(QStringLiteral(RPCSCOPE_CMAKE_COMMAND),
                {QStringLiteral("-DROOT=%1").arg(root), QStringLiteral("-DLAYERS=%1").arg(layers),
                 QStringLiteral("-P"), kCheck});
    if (!cmake.waitForFinished(60'000)) {
        cmake.kill();
        cmake.waitForFinished();
        return {};
    }
    return {cmake.exitStatus() == QProcess::NormalExit ? cmake.exitCode() : -1,
            QString::fromUtf8(cmake.readAll())};
}

// A copy of the engine's sources (no build files) in `to`.
bool copyEngine(const QString &to)
{
    QDirIterator it(kEngine, {QStringLiteral("*.h"), QStringLiteral("*.cpp"), QStringLiteral("*.proto")},
                    QDir::Files, QDirIterator::Subdirectories);
    int copied = 0;
    while (it.hasNext()) {
        const QString from = it.next();
        const QString target = to + QLatin1Char('/') + QDir(kEngine).relativeFilePath(from);
        if (!QDir().mkpath(QFileInfo(target).path()) || !QFile::copy(from, target))
            return false;
        ++copied;
    }
    return copied > 100;
}

// Puts `line` into `file` (relative to `root`) after its first line, so
// the planted line is line 2.
bool plant(const QString &root, const QString &file, const QByteArray &line)
{
    QFile f(root + QLatin1Char('/') + file);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QByteArray text = f.readAll();
    f.close();
    const qsizetype firstEnd = text.indexOf('\n') + 1;
    if (firstEnd <= 0)
        return false;
    text.insert(firstEnd, line + '\n');
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(text) == text.size();
}

} // namespace

class TestLayers : public QObject
{
    Q_OBJECT

private slots:
    void engineKeepsItsOrder()
    {
        const CheckResult r = runCheck(kEngine);
        QVERIFY2(r.exitCode == 0, qPrintable(r.output));
    }

    void upwardIncludeIsRefused_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("expected");
        QTest::newRow("core includes run") << QStringLiteral("core/clientcore.h")
                                           << QByteArray("#include \"run/soak.h\"")
                                           << QStringLiteral("core/clientcore.h:2: includes \"run/soak.h\", "
                                                             "but core sits below run");
        QTest::newRow("base includes wire") << QStringLiteral("base/event.cpp")
                                            << QByteArray("#  include \"wire/datagram.h\"")
                                            << QStringLiteral("base/event.cpp:2: includes \"wire/datagram.h\", "
                                                              "but base sits below wire");
        QTest::newRow("proto import") << QStringLiteral("wire/bodies.proto")
                                      << QByteArray("import \"capture/capture.proto\";")
                                      << QStringLiteral("wire/bodies.proto:2: includes \"capture/capture.proto\", "
                                                        "but wire sits below capture");
        QTest::newRow("session includes run") << QStringLiteral("session/summary.cpp")
                                              << QByteArray("#include \"run/simnetwork.h\"")
                                              << QStringLiteral("session/summary.cpp:2: includes "
                                                                "\"run/simnetwork.h\", but session sits below run");
    }

    void upwardIncludeIsRefused()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, line);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(copyEngine(dir.path()));
        QCOMPARE(runCheck(dir.path()).exitCode, 0); // the copy is as good as the tree
        QVERIFY(plant(dir.path(), file, line));
        const CheckResult r = runCheck(dir.path());
        QVERIFY2(r.exitCode != 0, qPrintable(r.output));
        QVERIFY2(r.output.contains(expected), qPrintable(r.output));
    }

    void downwardAndLocalIncludesPass()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(copyEngine(dir.path()));
        QVERIFY(plant(dir.path(), QStringLiteral("run/soak.cpp"), "#include \"base/clock.h\""));
        QVERIFY(plant(dir.path(), QStringLiteral("capture/capturewriter.cpp"), "#include \"session/summary.h\""));
        QVERIFY(plant(dir.path(), QStringLiteral("core/servercore.cpp"), "#include \"timers.h\""));
        QVERIFY(plant(dir.path(), QStringLiteral("net/udptransport.cpp"), "#include <QtCore/QString>"));
        const CheckResult r = runCheck(dir.path());
        QVERIFY2(r.exitCode == 0, qPrintable(r.output));
    }

    void layerWithoutFolderIsNamed()
    {
        const CheckResult r = runCheck(kEngine, kLayers + QStringLiteral(";plugins"));
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.output.contains(QStringLiteral("layer 'plugins' has no folder")), qPrintable(r.output));
    }
};

QTEST_GUILESS_MAIN(TestLayers)
#include "tst_layers.moc"
