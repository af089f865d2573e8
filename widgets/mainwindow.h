#pragma once

#include "remote/remoteserver.h"
#include "retranslator.h"
#include "run/callselection.h"
#include "run/player.h"
#include "run/quiz.h"
#include "session/scenario.h"
#include "session/settingchange.h"
#include "session/summary.h"

#include <QJsonObject>
#include <QMainWindow>

#include <functional>
#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QMenu;
class QTableView;

namespace rpcscope::diagram {
struct DiagramExport;
}

namespace rpcscope::widgets {

class ChartsView;
class CompareWindow;
class ControlsPanel;
class EventTableModel;
class MomentsPanel;
class SequenceDiagramView;

// The application window: the sequence diagram in the middle, the controls
// on the right, narration and the event table below, playback in the tool
// bar. It opens playing the dropped-reply scenario in slow motion, so a
// newcomer sees the point at once. Geometry, docks, speed and theme are
// remembered in QSettings.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // The About text: program, Qt and protobuf versions (also shown by tests).
    static QString aboutText();

    // Resets to a scenario's preset and plays it.
    void startScenario(const QString &name);
    // Starts and plays a session with these settings (the command line's
    // session options); the controls show them.
    void startSession(const session::SessionConfig &config);
    // Playback > Reset: the scenario shown starts over with the current
    // settings. A capture shown would be discarded, so the person is asked
    // first; false when they keep it (or there is no scenario to start).
    bool reset();
    // What asks whether to discard the capture shown, true to go on: a
    // question box unless this replaces it (tests answer without one).
    void setDiscardCaptureQuestion(std::function<bool()> ask) { m_askDiscardCapture = std::move(ask); }
    // Shows a capture whole, ready to replay. Without `error`, problems are
    // shown in a dialog; with it, they are only reported there.
    bool openCapture(const QString &path, QString *error = nullptr);
    // Saves the session shown (live, simulated or replayed) as a capture.
    bool saveCapture(const QString &path, QString *error);
    // The linked charts (linkedcharts.cpp): picks out a set of calls — drawn
    // selected in the diagram, alone in the Events table, stepped through
    // with N and P — and says what they are (`what`: "took 3 attempts").
    void selectCalls(std::vector<session::CallKey> calls, const QString &what);
    void clearCallSelection();
    // Scenario > Compare: A and B on one clock in a window of their own
    // (comparemenu.cpp). Labels name what each differs in.
    CompareWindow *compare(const session::SessionConfig &a, const session::SessionConfig &b);
    // Fork from Here: the session shown up to `at`, then `settings`, beside
    // it. Null, with `why`, when the session cannot be run again (real
    // sockets, a live capture, a newer format).
    CompareWindow *forkFrom(core::TimePoint at, const std::vector<std::pair<QString, QString>> &settings,
                            QString *why = nullptr);
    // Writes the session shown in the format the suffix names: one of
    // exporting::TraceFormat's (.csv, .jsonl, .mmd, .puml, .json for
    // Perfetto, .sqlog), or the diagram as it is in view as .svg, .png, .pdf
    // or .tex.
    // With `selectedCallOnly`, only the events of the call selected in the
    // diagram: the diagram from the call's first event to its last, or its
    // rows in the text formats.
    bool exportTo(const QString &path, QString *error, bool selectedCallOnly = false);
    // The call of the event selected in the diagram, as (client host, call id).
    std::optional<std::pair<core::HostId, std::uint32_t>> selectedCall() const;
    // File > Export's file-dialog filters for the exports of the trace alone.
    static QString traceExportFilter();
    // Opens the parameter sweep window on the current session's settings.
    void showSweepDialog();
    // Opens Tools > Measure, to measure a server anywhere (rpcscope-cli bench).
    void showMeasureDialog();
    // File > Export Animation: the playback of a time range for slides.
    void showAnimationDialog();
    bool replaying() const { return m_replaying; }
    void setSpeed(double speed);
    // View > Presentation Mode, as if chosen from the menu.
    void present(bool on);
    bool presenting() const { return m_presenting; }
    // Go > Quiz Mode on or off.
    void quiz(bool on);
    session::Player &player() { return *m_player; }
    // Simulated (virtual time) or real sockets on loopback; restarts the scenario.
    void setRealSockets(bool real);
    bool realSockets() const { return m_real; }
    // Remote classroom mode: the scenario's clients call `server` on another
    // machine, and its own trace joins theirs when it shares it. Restarts
    // the scenario; setRealSockets() returns to a server on loopback.
    void connectToServer(const remote::RemoteServer &server);
    std::optional<remote::RemoteServer> remoteServer() const { return m_remote; }
    // Opens File > Connect to Server…, and connects when it is accepted.
    void showConnectDialog();
    // What the status bar says about the connection: where the clients are
    // bound and, with a trace feed, how the server's clock was estimated.
    // Empty when the session runs on loopback.
    QString connectionText() const;
    SequenceDiagramView *diagram() const { return m_diagram; }
    ChartsView *charts() const { return m_charts; }
    EventTableModel *eventTable() const { return m_table; }
    QString narration() const;

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // The window's assembly, each part in its own file: docks.cpp,
    // filemenu.cpp, playback.cpp (the toolbar), viewmenu.cpp, gomenu.cpp,
    // comparemenu.cpp (Scenario > Compare), helpmenu.cpp.
    void createActions();
    void createDocks();
    void createFileMenu();
    void createPlaybackToolBar();
    void createViewMenu();
    void createHelpMenu();
    // The session as every picture of it starts: trace, lanes, title, and
    // the adaptive timeout's drawing (File > Export, Export Animation).
    diagram::DiagramExport drawing() const;
    // Go: the next and previous moment of each kind, Go to Call, Go to Time,
    // and the Moments list's breakpoints (gomenu.cpp).
    void createGoMenu();
    // The charts choose calls and the counter tracks choose the charts' range (linkedcharts.cpp).
    void linkCharts();
    // Scenario > Compare… and Fork from Here…, and the diagram's context menu (comparemenu.cpp).
    void createCompareActions(QMenu *scenarioMenu);
    void showCompareDialog();
    // The fork point: the moment right-clicked, else the selected event's, else the clock.
    void showForkDialog(std::optional<core::TimePoint> at);
    // What a fork of the session shown starts from, or nullopt and why not.
    struct Forkable
    {
        session::SessionConfig start;
        session::SettingChanges changes;
        session::Lineage lineage;
        QString name; // the parent, as the fork's lineage names it
    };
    std::optional<Forkable> forkable(QString *why) const;
    void goToCall();
    void goToTime();
    // Pauses playback at the first of `reached` the Moments list asks to pause at.
    void pauseAtBreakpoint(const std::vector<qsizetype> &reached);
    // Go > Quiz Mode: pauses before a datagram's fate, a timer or the
    // server's choice shows and asks the class; pauses again to reveal.
    void setQuizMode(bool on);
    void updateQuiz(const trace::TraceLog::View &view);
    // The question or answer on show, in the language now installed.
    QString quizText() const;
    void fitQuizInNarration();
    // Help > Keyboard Shortcuts: every key of the window and of the diagram.
    void showShortcuts();
    void createLanguageMenu(QMenu *view);
    // Sets every text again in the language now installed.
    void retranslateUi();
    void restoreSettings();
    void saveSettings() const;
    void showAbout();
    // Help > Homework: the chapter's homework, question by question, with
    // what RpcScope shows for each (docs/homework.md).
    void showHomework();
    bool confirmDiscardCapture();
    void refreshViews();
    void showSession(const session::SessionConfig &config);
    void showNarration(std::optional<qsizetype> index);
    // The scenario's story, what it shows, and questions for a class, beside the narration.
    void showStory(const session::Scenario &scenario);
    void onEventSelected(qsizetype index);
    void onOptionChanged(const QString &option, const QString &value);
    void setPresentationMode(bool on);
    void updatePlayState();
    void updateCaption();

    void connectPlayer();
    // A player for the mode chosen: simulated, real on loopback, or remote.
    std::unique_ptr<session::Player> makePlayer() const;
    void switchPlayer();

    std::unique_ptr<session::Player> m_player;
    session::SessionConfig m_pending; // the next start's config: the scenario plus edits
    bool m_real = false;
    std::optional<remote::RemoteServer> m_remote; // set: m_real, calling this server
    bool m_replaying = false; // m_player is a ReplayPlayer
    QString m_captureName;    // the file name of the capture shown, when m_replaying
    std::function<bool()> m_askDiscardCapture; // empty: a question box asks
    SequenceDiagramView *m_diagram = nullptr;
    ChartsView *m_charts = nullptr;
    MomentsPanel *m_moments = nullptr;
    ControlsPanel *m_controls = nullptr;
    EventTableModel *m_table = nullptr;
    QTableView *m_tableView = nullptr;
    QLabel *m_narration = nullptr;
    QLabel *m_story = nullptr;      // the scenario's title and story, beside the narration
    bool m_sawFinish = false;       // the session's end was shown (fitted, lesson told)
    bool m_chartsPinned = false;    // the charts' range was chosen on the counter tracks, not by the scroll
    bool m_presenting = false;
    QAction *m_tracksAction = nullptr; // View > Counter Tracks
    QAction *m_presentationAction = nullptr;
    QByteArray m_layoutBeforePresenting; // docks and toolbars as they were before presentation mode
    QLabel *m_stats = nullptr;
    QLabel *m_clock = nullptr;
    QLabel *m_connection = nullptr; // the remote server and the clients' binding, in the status bar
    QComboBox *m_speed = nullptr;
    QComboBox *m_hostFilter = nullptr;
    QAction *m_playAction = nullptr;
    QAction *m_fitAction = nullptr;
    QAction *m_followAction = nullptr;
    QAction *m_stepAction = nullptr;
    QAction *m_quizAction = nullptr;
    session::QuizRun m_quiz;
    // The question (until its answer shows) or the answer (until playback
    // goes on) that the narration pane shows in quiz mode.
    std::optional<session::QuizRun::Step> m_quizStep;
    QComboBox *m_mode = nullptr;
    QString m_scenario;
    session::SummaryBuilder m_summary;
    qsizetype m_summarised = 0;
    std::optional<qsizetype> m_selected;
    bool m_syncingSelection = false;
    QFont m_normalFont;
    Retranslator m_i18n; // texts set again on QEvent::LanguageChange
};

} // namespace rpcscope::widgets
