// The main window constructs, draws something, and remembers its geometry.
#include "mainwindow.h"

#include <QImage>
#include <QMenuBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using rpcscope::widgets::MainWindow;

class TestMainWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_settingsDir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        // Keep the person's own settings out of the test, and the test's out of theirs.
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("RpcScopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    }

    void hasTheDesignsMenus()
    {
        MainWindow window;
        QStringList titles;
        for (QAction *action : window.menuBar()->actions())
            titles << action->text();
        QCOMPARE(titles, (QStringList{QStringLiteral("&File"), QStringLiteral("&View"),
                                      QStringLiteral("&Scenario"), QStringLiteral("&Help")}));
    }

    void rendersNonBlank()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QImage image = window.grab().toImage();
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), window.size() * image.devicePixelRatio());
        // A blank render is one colour; menus, status bar and text give several.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 3)
            for (int x = 0; x < image.width(); x += 3)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 4, qPrintable(QString::number(colours.size())));
    }

    void aboutNamesVersions()
    {
        const QString text = MainWindow::aboutText();
        QVERIFY(text.contains(QCoreApplication::translate("", "RpcScope")));
        QVERIFY(text.contains(QStringLiteral(QT_VERSION_STR)));
        QVERIFY(text.contains(QStringLiteral("protobuf 3.")));
    }

    void restoresGeometryFromSettings()
    {
        const QRect wanted(120, 90, 900, 640);
        {
            MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.setGeometry(wanted);
            QTRY_COMPARE(window.geometry(), wanted);
            QVERIFY(window.close());
        }
        QVERIFY(QFile::exists(QSettings().fileName()));
        MainWindow restored;
        restored.show();
        QVERIFY(QTest::qWaitForWindowExposed(&restored));
        QCOMPARE(restored.geometry(), wanted);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
