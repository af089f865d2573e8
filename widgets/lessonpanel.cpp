#include "lessonpanel.h"

#include "session/scenario.h"

#include <QCoreApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <array>

namespace rpcscope::widgets {

namespace {

QString lesson(const char *text)
{
    return QCoreApplication::translate("Lesson", text);
}

// The chapter's ideas in its order: every figure is a step.
constexpr std::array kSteps{
    LessonStep{QT_TRANSLATE_NOOP("Lesson", "Communication is unreliable"), "48.1–48.2", "lossy",
               QT_TRANSLATE_NOOP("Lesson",
                                 "Networks lose packets: a router or a host runs out of buffer space and drops what "
                                 "does not fit. Here each direction loses datagrams at random, and every ✗ is one that "
                                 "vanished. Move the Loss slider while it runs and count the crosses.")},
    LessonStep{QT_TRANSLATE_NOOP("Lesson", "Checksums"), "48.2", "corruption",
               QT_TRANSLATE_NOOP("Lesson",
                                 "Bits can flip on the way. The sender computes a checksum over the bytes and sends it "
                                 "along; the receiver computes it again and drops the datagram when the two differ, so "
                                 "a damaged datagram becomes a lost one. Switch the checksum to none or to the byte "
                                 "sum and see what gets through.")},
    LessonStep{QT_TRANSLATE_NOOP("Lesson", "Acknowledgments"), "48.3 · Fig. 48.3", "message-ack",
               QT_TRANSLATE_NOOP("Lesson",
                                 "How does the sender know the message arrived? The receiver sends a short message "
                                 "back: an acknowledgment. In RPC the reply itself is the acknowledgment of the "
                                 "request.")},
    LessonStep{QT_TRANSLATE_NOOP("Lesson", "Timeout and retry"), "48.3 · Fig. 48.4", "dropped-request",
               QT_TRANSLATE_NOOP("Lesson",
                                 "What if no acknowledgment comes? The sender set a timer when it sent; when the timer "
                                 "goes off it concludes the message was lost and sends it again. Watch the timer bar "
                                 "on the client's lane run out.")},
    LessonStep{QT_TRANSLATE_NOOP("Lesson", "Sequence counters and at-most-once"), "48.3 · Fig. 48.5", "dropped-reply",
               QT_TRANSLATE_NOOP("Lesson",
                                 "Now the reply is lost. To the client this looks exactly like a lost request, so it "
                                 "resends; but the server has already run the call. Because every call carries its "
                                 "number, the server knows the retry is a duplicate and answers from its memory "
                                 "instead of running it twice.")},
    LessonStep{QT_TRANSLATE_NOOP("Lesson", "Exactly-once is impossible"), "48.3, 48.5", "server-restart",
               QT_TRANSLATE_NOOP("Lesson",
                                 "The server's memory of answered calls dies with it. After a crash it cannot know "
                                 "whether it ran a call, so the best it can do is refuse the old retry: the caller "
                                 "learns the call ran at most once, perhaps not at all.")},
    LessonStep{QT_TRANSLATE_NOOP("Lesson", "The timeout value and back-off"), "48.3", "many-clients",
               QT_TRANSLATE_NOOP("Lesson",
                                 "Too short a timeout resends needlessly; too long a one waits after every loss. With "
                                 "many clients, loss may mean a busy server, and resending faster makes it worse: each "
                                 "timeout doubles the next one. Try the Back-off and Timeout controls while it runs.")},
    LessonStep{QT_TRANSLATE_NOOP("Lesson", "Overload"), "48.3", "overload",
               QT_TRANSLATE_NOOP("Lesson",
                                 "A server that receives more than it can take drops what overflows its queue. The "
                                 "clients cannot tell this loss from the network's; only backing off lets the queue "
                                 "drain.")},
    LessonStep{QT_TRANSLATE_NOOP("Lesson", "Stubs, marshalling and byte order"), "48.5", "message-ack",
               QT_TRANSLATE_NOOP("Lesson",
                                 "A call looks local because a stub packs its arguments into a message (marshalling) "
                                 "and unpacks the reply. Every RpcScope datagram has a fixed 32-byte header in "
                                 "big-endian byte order — call 7 is the bytes 00 00 00 07 at offset 16 on every "
                                 "machine — and a protobuf body. The stub generator writes such stubs from an "
                                 "ordinary .proto file. The Events tab shows each datagram's size.")},
    LessonStep{QT_TRANSLATE_NOOP("Lesson", "Long-running calls"), "48.5", "long-call",
               QT_TRANSLATE_NOOP("Lesson",
                                 "A call that takes longer than the timeout would look like a failure. The server "
                                 "acknowledges the request at once, and the client then asks now and then whether the "
                                 "server is still working instead of resending it.")},
    LessonStep{QT_TRANSLATE_NOOP("Lesson", "Fragmentation and reassembly"), "48.5", "fragmentation",
               QT_TRANSLATE_NOOP("Lesson",
                                 "Arguments larger than one datagram travel in pieces. The receiver puts them back "
                                 "together and says which pieces it holds, so only the missing ones are sent again.")},
    LessonStep{QT_TRANSLATE_NOOP("Lesson", "The end-to-end argument"), "48.5", "file-transfer",
               QT_TRANSLATE_NOOP("Lesson",
                                 "Reliable delivery below is not enough: a file can still be damaged on the disk or in "
                                 "memory. Only a check at the ends — here a SHA-256 of the whole file — tells whether "
                                 "the transfer really worked.")},
    LessonStep{QT_TRANSLATE_NOOP("Lesson", "In-order delivery (homework)"), "48.3", "ordered",
               QT_TRANSLATE_NOOP("Lesson",
                                 "Sequence counters can also keep calls in order: the server holds back a call that "
                                 "arrives before an earlier one and runs it when its turn comes.")},
};

constexpr std::array kGlossary{
    GlossaryTerm{"acknowledgment (ack)", "确认（ACK）", "Bestätigung (Ack)",
                 QT_TRANSLATE_NOOP("Lesson", "A short message back that says a message arrived.")},
    GlossaryTerm{"timeout", "超时", "Zeitüberschreitung (Timeout)",
                 QT_TRANSLATE_NOOP("Lesson", "The time a sender waits for an answer before it assumes a loss.")},
    GlossaryTerm{"retry, retransmission", "重试、重传", "Wiederholung, Neuübertragung",
                 QT_TRANSLATE_NOOP("Lesson", "Sending the same message again after a timeout.")},
    GlossaryTerm{"sequence counter", "序列计数器", "Sequenzzähler",
                 QT_TRANSLATE_NOOP("Lesson",
                                   "A number each message carries, so the receiver can tell a new message from a "
                                   "duplicate.")},
    GlossaryTerm{"at-most-once", "至多一次", "höchstens einmal",
                 QT_TRANSLATE_NOOP("Lesson", "A call runs once or not at all, however often it is sent.")},
    GlossaryTerm{"at-least-once", "至少一次", "mindestens einmal",
                 QT_TRANSLATE_NOOP("Lesson", "A call is retried until it has run, perhaps more than once.")},
    GlossaryTerm{"exactly-once", "恰好一次", "genau einmal",
                 QT_TRANSLATE_NOOP("Lesson",
                                   "What a caller would like and no system can promise when a server may crash.")},
    GlossaryTerm{"idempotent", "幂等", "idempotent",
                 QT_TRANSLATE_NOOP("Lesson",
                                   "An operation that has the same effect run once or many times, so it may safely be "
                                   "retried.")},
    GlossaryTerm{"duplicate suppression, reply cache", "重复抑制、回复缓存", "Duplikatunterdrückung, Antwort-Cache",
                 QT_TRANSLATE_NOOP("Lesson",
                                   "The server remembers answered calls and resends the answer to a duplicate instead "
                                   "of running the call again.")},
    GlossaryTerm{"epoch", "纪元（epoch）", "Epoche",
                 QT_TRANSLATE_NOOP("Lesson",
                                   "A number a server takes anew each time it starts, so retries from before a crash "
                                   "can be recognised.")},
    GlossaryTerm{"checksum", "校验和", "Prüfsumme",
                 QT_TRANSLATE_NOOP("Lesson", "A short value computed over the bytes that shows whether they changed.")},
    GlossaryTerm{"back-off", "退避", "Back-off (Zurückweichen)",
                 QT_TRANSLATE_NOOP("Lesson",
                                   "Waiting longer after each timeout (doubling it: exponential back-off) so an "
                                   "overloaded server can recover.")},
    GlossaryTerm{"remote procedure call (RPC)", "远程过程调用（RPC）", "entfernter Prozeduraufruf (RPC)",
                 QT_TRANSLATE_NOOP("Lesson", "Calling a function on another machine as if it were local.")},
    GlossaryTerm{"stub, stub generator", "存根、存根生成器", "Stub, Stub-Generator",
                 QT_TRANSLATE_NOOP("Lesson",
                                   "Generated code that turns a call into a message and a message back into a call.")},
    GlossaryTerm{"marshalling, serialization", "编组、序列化", "Marshalling, Serialisierung",
                 QT_TRANSLATE_NOOP("Lesson", "Packing a call's arguments or results into a message's bytes.")},
    GlossaryTerm{"byte order (big endian, little endian)", "字节序（大端、小端）",
                 "Byte-Reihenfolge (Big Endian, Little Endian)",
                 QT_TRANSLATE_NOOP("Lesson",
                                   "Which byte of a number comes first; a message format fixes one so every machine "
                                   "reads it alike.")},
    GlossaryTerm{"fragmentation, reassembly", "分片、重组", "Fragmentierung, Reassemblierung",
                 QT_TRANSLATE_NOOP("Lesson", "Splitting a large message into datagrams and joining them again.")},
    GlossaryTerm{"end-to-end argument", "端到端原则", "End-to-End-Argument",
                 QT_TRANSLATE_NOOP("Lesson",
                                   "Some guarantees can only be checked by the application at the ends, not by the "
                                   "layers below.")},
};

} // namespace

std::span<const LessonStep> lessonSteps()
{
    return kSteps;
}

std::span<const GlossaryTerm> glossary()
{
    return kGlossary;
}

LessonPanel::LessonPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("lessonPanel"));
    auto *tabs = new QTabWidget(this);
    auto *path = new QWidget(tabs);
    m_steps = new QListWidget(path);
    m_steps->setObjectName(QStringLiteral("lessonSteps"));
    for (std::size_t i = 0; i < kSteps.size(); ++i)
        m_steps->addItem(QString());
    m_text = new QTextBrowser(path);
    m_text->setObjectName(QStringLiteral("lessonText"));
    m_start = new QPushButton(path);
    m_start->setObjectName(QStringLiteral("startStep"));
    m_next = new QPushButton(path);
    m_next->setObjectName(QStringLiteral("nextStep"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_next);
    buttons->addStretch();
    auto *right = new QVBoxLayout;
    right->addWidget(m_text);
    right->addLayout(buttons);
    auto *layout = new QHBoxLayout(path);
    layout->addWidget(m_steps, 2);
    layout->addLayout(right, 5);

    m_glossary = new QTableWidget(int(kGlossary.size()), 4, tabs);
    m_glossary->setObjectName(QStringLiteral("glossary"));
    m_glossary->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_glossary->setWordWrap(true);
    m_glossary->verticalHeader()->hide();
    m_glossary->horizontalHeader()->setStretchLastSection(true);
    tabs->addTab(path, QString());
    tabs->addTab(m_glossary, QString());
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(tabs);

    connect(m_steps, &QListWidget::currentRowChanged, this, &LessonPanel::showStep);
    connect(m_steps, &QListWidget::itemActivated, this, &LessonPanel::startCurrent);
    connect(m_start, &QPushButton::clicked, this, &LessonPanel::startCurrent);
    connect(m_next, &QPushButton::clicked, this, &LessonPanel::startNext);
    m_i18n.add([this, tabs, path] {
        for (int i = 0; i < m_steps->count(); ++i)
            m_steps->item(i)->setText(tr("%1. %2").arg(i + 1).arg(lesson(kSteps[std::size_t(i)].idea)));
        m_start->setText(tr("&Start This Step"));
        m_next->setText(tr("&Next Step ▶"));
        tabs->setTabText(tabs->indexOf(path), tr("Lesson Path"));
        tabs->setTabText(tabs->indexOf(m_glossary), tr("Glossary"));
        fillGlossary();
        showStep();
    });
    m_steps->setCurrentRow(0);
}

void LessonPanel::fillGlossary()
{
    // The terms stand in all three languages whatever the window's is; the
    // meaning is in the window's.
    m_glossary->setHorizontalHeaderLabels({QStringLiteral("English"), QStringLiteral("简体中文"),
                                           QStringLiteral("Deutsch"), tr("Meaning")});
    for (std::size_t row = 0; row < kGlossary.size(); ++row) {
        const GlossaryTerm &t = kGlossary[row];
        const QString cells[] = {QString::fromUtf8(t.english), QString::fromUtf8(t.chinese),
                                 QString::fromUtf8(t.german), lesson(t.meaning)};
        for (int column = 0; column < 4; ++column)
            m_glossary->setItem(int(row), column, new QTableWidgetItem(cells[column]));
    }
    m_glossary->resizeColumnsToContents();
    m_glossary->resizeRowsToContents();
}

int LessonPanel::currentStep() const
{
    return m_steps->currentRow();
}

void LessonPanel::setCurrentStep(int step)
{
    m_steps->setCurrentRow(std::clamp(step, 0, int(kSteps.size()) - 1));
}

void LessonPanel::showStep()
{
    const int i = currentStep();
    if (i < 0)
        return;
    const LessonStep &step = kSteps[std::size_t(i)];
    const session::Scenario *scenario = session::findScenario(QString::fromLatin1(step.scenario));
    QString questions;
    if (scenario) {
        for (const QString &q : scenario->displayQuestions())
            questions += QStringLiteral("<li>%1</li>").arg(q.toHtmlEscaped());
    }
    m_text->setHtml(tr("<h3>%1. %2</h3><p><i>Chapter %3 · scenario: %4</i></p><p>%5</p><p><b>What it shows:</b> "
                       "%6</p><p><b>Ask the class:</b></p><ul>%7</ul>")
                        .arg(i + 1)
                        .arg(lesson(step.idea).toHtmlEscaped(), QString::fromUtf8(step.section),
                             scenario ? scenario->displayTitle().toHtmlEscaped() : QString(),
                             lesson(step.say).toHtmlEscaped(),
                             scenario ? scenario->displayGoal().toHtmlEscaped() : QString(), questions));
    m_next->setEnabled(i + 1 < int(kSteps.size()));
}

void LessonPanel::startCurrent()
{
    const int i = currentStep();
    if (i < 0)
        return;
    m_started = true;
    Q_EMIT stepStarted(i, QString::fromLatin1(kSteps[std::size_t(i)].scenario));
}

void LessonPanel::startNext()
{
    // The first press of a lesson begins with the step shown.
    if (m_started && currentStep() + 1 >= int(kSteps.size()))
        return;
    if (m_started)
        setCurrentStep(currentStep() + 1);
    startCurrent();
}

void LessonPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_i18n.retranslate();
    QWidget::changeEvent(event);
}

} // namespace rpcscope::widgets
