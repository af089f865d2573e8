// MainWindow's View menu: zoom, the theme, presentation mode, the panels
// and the language.
#include "mainwindow.h"

#include "chartsview.h"
#include "controlspanel.h"
#include "eventtablemodel.h"
#include "language.h"
#include "run/narration.h"
#include "sequencediagramview.h"
#include "session/scenario.h"
#include "theme.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QEvent>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QStatusBar>
#include <QTimer>
#include <QToolTip>

namespace rpcscope::widgets {

void MainWindow::createViewMenu()
{
    QMenu *view = menuBar()->addMenu(QString());
    view->setObjectName(QStringLiteral("viewMenu"));
    QAction *zoomIn = view->addAction(QString(), this, [this] { m_diagram->zoomBy(1.25); });
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    QAction *zoomOut = view->addAction(QString(), this, [this] { m_diagram->zoomBy(0.8); });
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction *zoomCall = view->addAction(QString(), this, [this] {
        if (!m_diagram->zoomToSelectedCall())
            statusBar()->showMessage(tr("Click an event of a call first."), 4000);
    });
    zoomCall->setObjectName(QStringLiteral("zoomToCall"));
    zoomCall->setShortcut(QKeySequence(Qt::Key_Z));
    QAction *onlyCall = view->addAction(QString());
    onlyCall->setObjectName(QStringLiteral("onlySelectedCall"));
    onlyCall->setCheckable(true);
    onlyCall->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Z));
    connect(onlyCall, &QAction::toggled, m_diagram, &SequenceDiagramView::setOnlySelectedCall);
    m_i18n.add([view, zoomIn, zoomOut, zoomCall, onlyCall] {
        onlyCall->setText(tr("Show &Only the Selected Call"));
        onlyCall->setStatusTip(tr("Hide every other call's datagrams, timers and labels"));
        view->setTitle(tr("&View"));
        zoomIn->setText(tr("Zoom &In"));
        zoomOut->setText(tr("Zoom &Out"));
        zoomCall->setText(tr("&Zoom to Selected Call"));
        zoomCall->setStatusTip(tr("The selected call from its start to its end; Shift+drag in the diagram zooms to "
                                  "any stretch of time"));
    });
    view->addAction(m_fitAction);
    view->addAction(m_followAction);
    view->addSeparator();
    QAction *dark = view->addAction(QString());
    dark->setCheckable(true);
    dark->setChecked(theme::darkChosen());
    connect(dark, &QAction::toggled, this, &theme::setDark);
    QAction *presentation = view->addAction(QString());
    presentation->setCheckable(true);
    presentation->setShortcut(Qt::Key_F11);
    m_i18n.add([dark, presentation] {
        dark->setText(tr("&Dark Theme"));
        presentation->setText(tr("&Presentation Mode"));
        presentation->setToolTip(tr("Full screen with large type, for a projector"));
    });
    connect(presentation, &QAction::toggled, this, &MainWindow::setPresentationMode);
    m_presentationAction = presentation;
    m_tracksAction = view->addAction(QString());
    m_tracksAction->setObjectName(QStringLiteral("counterTracks"));
    m_tracksAction->setCheckable(true);
    connect(m_tracksAction, &QAction::toggled, m_diagram, &SequenceDiagramView::setCounterTracks);
    QAction *legend = view->addAction(QString());
    legend->setObjectName(QStringLiteral("legend"));
    legend->setCheckable(true);
    connect(legend, &QAction::toggled, m_diagram, &SequenceDiagramView::setLegendShown);
    m_i18n.add([this, legend] {
        m_tracksAction->setText(tr("Counter &Tracks"));
        m_tracksAction->setToolTip(tr("Calls open, sent against answered, dropped against resent, and the timeout, "
                                      "on the diagram's time axis"));
        legend->setText(tr("L&egend"));
        legend->setToolTip(tr("What every mark, line and colour in the diagram means"));
    });

    view->addSeparator();
    // The tabs under the diagram, one key each: a presenter at the keyboard
    // does not reach for the mouse.
    QMenu *panels = view->addMenu(QString());
    panels->setObjectName(QStringLiteral("panelsMenu"));
    const char *const docks[] = {"narrationDock", "eventsDock", "chartsDock", "momentsDock", "lessonDock"};
    for (int i = 0; i < 5; ++i) {
        QAction *show = panels->addAction(QString(), this, [this, name = QString::fromLatin1(docks[i])] {
            if (auto *dock = findChild<QDockWidget *>(name)) {
                dock->show();
                dock->raise();
            }
        });
        show->setObjectName(QStringLiteral("show%1").arg(QString::fromLatin1(docks[i])));
        show->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)));
        m_i18n.add([show, i] {
            const QString titles[] = {tr("&Narration"), tr("&Events"), tr("&Charts"), tr("&Moments"), tr("&Lesson")};
            show->setText(titles[i]);
        });
    }
    m_i18n.add([panels] { panels->setTitle(tr("&Panels")); });
    createLanguageMenu(view);
    if (dark->isChecked())
        theme::setDark(true);
}

void MainWindow::present(bool on)
{
    m_presentationAction->setChecked(on);
}

void MainWindow::setPresentationMode(bool on)
{
    // Everything a class reads grows by one factor: the diagram draws
    // itself scaled, every widget's text follows the application's font,
    // and the few with a font of their own are set from it again.
    const double kScale = theme::presentationScale(screen() ? screen()->size() : QSize(1920, 1080));
    if (on && !m_presenting)
        m_layoutBeforePresenting = saveState();
    m_presenting = on;
    QFont f = m_normalFont;
    if (on)
        f.setPointSizeF(f.pointSizeF() * kScale);
    QApplication::setFont(f);
    QToolTip::setFont(f);
    QFont narration = f;
    narration.setPointSizeF(f.pointSizeF() * 1.25);
    m_narration->setFont(narration);
    m_diagram->setFont(m_normalFont);
    m_diagram->setPresentationScale(on ? kScale : 1.0);
    m_charts->setTextScale(on ? kScale : 1.0);
    setWindowState(on ? windowState() | Qt::WindowFullScreen : windowState() & ~Qt::WindowFullScreen);
    if (on) {
        // The narration dock as tall as three lines of its words, the
        // controls as wide as their widest row; the diagram gets the rest.
        // After the window has taken the full screen and the new fonts.
        QTimer::singleShot(800, this, [this, narration] {
            if (!m_presenting)
                return;
            if (auto *dock = findChild<QDockWidget *>(QStringLiteral("narrationDock")))
                resizeDocks({dock},
                            {std::min(height() / 4, QFontMetrics(narration).lineSpacing() * 3 + m_stats->sizeHint().height() + 48)},
                            Qt::Vertical);
            if (auto *dock = findChild<QDockWidget *>(QStringLiteral("controlsDock")))
                resizeDocks({dock}, {m_controls->sizeHint().width() + 32}, Qt::Horizontal);
            fitQuizInNarration();
        });
    } else if (!m_layoutBeforePresenting.isEmpty()) {
        restoreState(m_layoutBeforePresenting);
    }
}

// View > Language: the system's language, English, and every translation
// built in, each named in its own language.
void MainWindow::createLanguageMenu(QMenu *view)
{
    QMenu *menu = view->addMenu(QString());
    menu->setObjectName(QStringLiteral("languageMenu"));
    auto *group = new QActionGroup(menu);
    QAction *system = menu->addAction(QString());
    system->setData(Language::kSystem.toString());
    m_i18n.add([menu, system] {
        menu->setTitle(tr("&Language"));
        system->setText(tr("System default"));
    });
    menu->addSeparator();
    const QStringList codes = QStringList{Language::kEnglish.toString()} + Language::available();
    for (const QString &code : codes)
        menu->addAction(Language::nativeName(code))->setData(code);
    for (QAction *a : menu->actions()) {
        if (a->isSeparator())
            continue;
        a->setCheckable(true);
        group->addAction(a);
    }
    const auto showChosen = [group] {
        for (QAction *a : group->actions())
            a->setChecked(a->data().toString() == Language::instance().chosen());
    };
    showChosen();
    connect(&Language::instance(), &Language::changed, menu, showChosen);
    connect(group, &QActionGroup::triggered, this,
            [](QAction *a) { Language::instance().selectAndRemember(a->data().toString()); });
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslateUi()
{
    m_i18n.retranslate();
    if (m_quizStep)
        m_narration->setText(quizText());
    if (const session::Scenario *scenario = session::findScenario(m_scenario); scenario && !m_replaying) {
        setWindowTitle(tr("RpcScope — %1").arg(scenario->displayTitle()));
        showStory(*scenario);
        if (m_sawFinish && !m_selected)
            m_sawFinish = false; // refreshViews() tells the lesson again, in the new language
    } else if (!m_replaying)
        setWindowTitle(tr("RpcScope"));
    updateCaption();
    for (int i = 0; i < m_hostFilter->count(); ++i) {
        const int h = m_hostFilter->itemData(i).toInt();
        const int clients = m_player->config().clients;
        m_hostFilter->setItemText(i, h < 0 ? tr("All hosts") : diagram::hostTitle(core::HostId(h), clients));
    }
    m_table->retranslate();
    m_stats->clear(); // refreshViews() writes it again
    refreshViews();
    if (m_selected)
        showNarration(m_selected);
}

} // namespace rpcscope::widgets
