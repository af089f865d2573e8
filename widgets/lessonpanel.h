#pragma once

#include "retranslator.h"

#include <QWidget>

#include <span>

class QListWidget;
class QPushButton;
class QTableWidget;
class QTextBrowser;

namespace rpcscope::widgets {

// One step of the lesson path: an idea of the chapter, the scenario that
// shows it, and what a teacher says while it runs.
struct LessonStep
{
    const char *idea;      // "Acknowledgments" (translated in the context "Lesson")
    const char *section;   // where the chapter has it: "48.3, Fig. 48.3"
    const char *scenario;  // the scenario that shows it
    const char *say;       // a paragraph for the class, linking the idea to what they will see
};

// A term of the chapter in the three languages side by side, and what it means.
struct GlossaryTerm
{
    const char *english;
    const char *chinese;
    const char *german;
    const char *meaning; // translated in the context "Lesson"
};

std::span<const LessonStep> lessonSteps();
std::span<const GlossaryTerm> glossary();

// Help > Lesson: the chapter's ideas in order, each a scenario with its
// learning goal, a paragraph to say and the questions to ask; and the
// glossary of the chapter's terms in English, 简体中文 and Deutsch. Start
// runs the step's scenario; Next Step goes on to the next idea.
class LessonPanel : public QWidget
{
    Q_OBJECT

public:
    explicit LessonPanel(QWidget *parent = nullptr);

    int currentStep() const;
    void setCurrentStep(int step);
    // Runs the step shown (through stepStarted), or the next one.
    void startCurrent();
    void startNext();

Q_SIGNALS:
    // The window starts the scenario of step `step`.
    void stepStarted(int step, const QString &scenario);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showStep();
    void fillGlossary();

    Retranslator m_i18n;
    QListWidget *m_steps = nullptr;
    QTextBrowser *m_text = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_next = nullptr;
    QTableWidget *m_glossary = nullptr;
    bool m_started = false; // a step has run: Next Step goes on from it
};

} // namespace rpcscope::widgets
