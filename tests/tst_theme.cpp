// View > Dark Theme and presentation mode's scale (widgets/theme.h).
#include "theme.h"

#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace rpcscope::widgets;

class TestTheme : public QObject
{
    Q_OBJECT

    QTemporaryDir m_settings;

private slots:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
        QCoreApplication::setOrganizationName(QStringLiteral("RpcScopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_theme"));
    }

    void darkAndBackAgain()
    {
        const QPalette before = QApplication::palette();
        QVERIFY(!theme::darkChosen());
        theme::setDark(true);
        QVERIFY(theme::darkChosen());
        QCOMPARE(QApplication::palette().color(QPalette::Window), theme::darkPalette().color(QPalette::Window));
        // Text stays readable on the dark window and base.
        const QPalette dark = QApplication::palette();
        QVERIFY(dark.color(QPalette::WindowText).lightness() - dark.color(QPalette::Window).lightness() > 150);
        QVERIFY(dark.color(QPalette::Text).lightness() - dark.color(QPalette::Base).lightness() > 150);
        theme::setDark(false);
        QVERIFY(!theme::darkChosen());
        QCOMPARE(QApplication::palette().color(QPalette::Window), before.color(QPalette::Window));
        QCOMPARE(QApplication::palette().color(QPalette::Text), before.color(QPalette::Text));
    }

    void presentationScaleFollowsTheScreen()
    {
        QCOMPARE(theme::presentationScale(QSize(1920, 1080)), 1.6);       // a projector: the most
        QCOMPARE(theme::presentationScale(QSize(3840, 2160)), 1.6);       // and no more
        QCOMPARE(theme::presentationScale(QSize(1280, 720)), 720 / 620.0); // the height decides
        QCOMPARE(theme::presentationScale(QSize(1024, 768)), 1.15);       // never below
    }
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
