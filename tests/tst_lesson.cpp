// Help > Lesson: the chapter's ideas in order, every figure a step, each
// step's scenario one that exists and starts from the panel; the glossary in
// three languages with a meaning for every term.
#include "lessonpanel.h"
#include "mainwindow.h"

#include "session/scenario.h"

#include <QAction>
#include <QDockWidget>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>

using namespace rpcscope;
using widgets::LessonPanel;
using widgets::MainWindow;

class TestLesson : public QObject
{
    Q_OBJECT

private slots:
    void everyFigureIsAStepAndEveryStepAScenario()
    {
        QStringList sections, scenarios;
        for (const widgets::LessonStep &step : widgets::lessonSteps()) {
            QVERIFY2(session::findScenario(QString::fromLatin1(step.scenario)), step.scenario);
            QVERIFY(!QString::fromUtf8(step.say).isEmpty());
            sections << QString::fromUtf8(step.section);
            scenarios << QString::fromLatin1(step.scenario);
        }
        for (const char *figure : {"Fig. 48.3", "Fig. 48.4", "Fig. 48.5"})
            QVERIFY2(sections.filter(QString::fromLatin1(figure)).size() == 1, figure);
        // The chapter's order: acks, then timeout and retry, then duplicates.
        QVERIFY(scenarios.indexOf(u"message-ack") < scenarios.indexOf(u"dropped-request"));
        QVERIFY(scenarios.indexOf(u"dropped-request") < scenarios.indexOf(u"dropped-reply"));
        QVERIFY(scenarios.indexOf(u"dropped-reply") < scenarios.indexOf(u"server-restart"));
        QVERIFY(scenarios.contains(u"file-transfer")); // the end-to-end argument
    }

    void glossaryInThreeLanguages()
    {
        LessonPanel panel;
        auto *table = panel.findChild<QTableWidget *>(QStringLiteral("glossary"));
        QCOMPARE(table->rowCount(), int(widgets::glossary().size()));
        QCOMPARE(table->horizontalHeaderItem(1)->text(), QStringLiteral("简体中文"));
        for (int row = 0; row < table->rowCount(); ++row)
            for (int column = 0; column < 4; ++column)
                QVERIFY(!table->item(row, column)->text().isEmpty());
        const QStringList terms = [&] {
            QStringList t;
            for (int row = 0; row < table->rowCount(); ++row)
                t << table->item(row, 0)->text();
            return t;
        }();
        for (const char *term : {"at-most-once", "idempotent", "checksum", "end-to-end argument", "back-off"})
            QVERIFY2(!terms.filter(QString::fromLatin1(term)).isEmpty(), term);
    }

    // Start runs the step's scenario in the window; Next Step the next one;
    // the step's text names its idea, goal and questions.
    void stepsStartTheirScenarios()
    {
        {
            // The first Next Step of a lesson begins at its first step.
            MainWindow fresh;
            fresh.findChild<QAction *>(QStringLiteral("nextLessonStep"))->trigger();
            QCOMPARE(fresh.findChild<LessonPanel *>()->currentStep(), 0);
            QCOMPARE(fresh.player().config().scenario,
                     QString::fromLatin1(widgets::lessonSteps().front().scenario));
        }
        MainWindow window;
        window.startScenario(QStringLiteral("lossy"));
        QAction *lesson = window.findChild<QAction *>(QStringLiteral("lesson"));
        QVERIFY(lesson);
        lesson->trigger();
        auto *panel = window.findChild<LessonPanel *>();
        QVERIFY(panel);
        QSignalSpy started(panel, &LessonPanel::stepStarted);
        panel->setCurrentStep(2); // acknowledgments
        auto *text = panel->findChild<QTextBrowser *>(QStringLiteral("lessonText"));
        QVERIFY(text->toPlainText().contains(QStringLiteral("Acknowledgments")));
        QVERIFY(text->toPlainText().contains(QStringLiteral("Ask the class")));
        panel->findChild<QPushButton *>(QStringLiteral("startStep"))->click();
        QCOMPARE(started.size(), 1);
        QCOMPARE(started.at(0).at(1).toString(), QStringLiteral("message-ack"));
        QCOMPARE(window.player().config().scenario, QStringLiteral("message-ack"));
        window.findChild<QAction *>(QStringLiteral("nextLessonStep"))->trigger();
        QCOMPARE(panel->currentStep(), 3);
        QCOMPARE(window.player().config().scenario, QStringLiteral("dropped-request"));
        // The last step has no next.
        panel->setCurrentStep(int(widgets::lessonSteps().size()) - 1);
        QVERIFY(!panel->findChild<QPushButton *>(QStringLiteral("nextStep"))->isEnabled());
    }
};

QTEST_MAIN(TestLesson)
#include "tst_lesson.moc"
