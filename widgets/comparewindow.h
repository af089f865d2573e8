#pragma once

#include "retranslator.h"
#include "run/compare.h"
#include "session/sessionconfig.h"
#include "session/settingchange.h"

#include <QElapsedTimer>
#include <QSet>
#include <QMainWindow>
#include <QTimer>

#include <array>
#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QSplitter;
class QTableWidget;

namespace rpcscope::session {
class SimulationPlayer;
}

namespace rpcscope::widgets {

class CompareCharts;
class CompareStrip;
class ControlsPanel;
class SequenceDiagramView;

// Two simulated sessions side by side on one clock: the same scenario and
// seed under two settings, or a what-if fork against its original. Both
// play together at one speed; their diagrams scroll and zoom as one; the
// strip between shows how each call ended in each run, the first event at
// which they part is ringed in both, and the table sets their figures
// A | B | Δ. The controls act on A, on B or on both while they run.
class CompareWindow : public QMainWindow
{
    Q_OBJECT

public:
    struct Side
    {
        session::SessionConfig config;   // what it starts with
        session::SettingChanges changes; // made as it runs (a fork's departure among them)
        QString label;                   // "backoff=fixed", "fork at 400 ms: timeout-ms=900"
        session::Lineage lineage;        // a fork's ancestry, saved with its capture
    };

    CompareWindow(const Side &a, const Side &b, QWidget *parent = nullptr);
    ~CompareWindow() override;

    // The settings of each side that differ from the other's, as
    // "option=value" (for captions and the default labels).
    static QStringList differences(const session::SessionConfig &of, const session::SessionConfig &against);

    session::SimulationPlayer &player(int side) { return *m_players[std::size_t(side)]; }
    SequenceDiagramView &diagram(int side) { return *m_views[std::size_t(side)]; }
    CompareStrip &strip() { return *m_strip; }
    CompareCharts &charts() { return *m_charts; }
    QTableWidget &table() { return *m_table; }
    const session::Comparison &comparison() const { return m_comparison; }
    core::TimePoint clock() const { return m_clock; }
    bool isPlaying() const { return m_timer.isActive(); }

public Q_SLOTS:
    void play();
    void pause();
    void restart();
    // Both runs to the next instant at which either has something happen.
    void step();
    void setSpeed(double speed);
    // Side by side (true) or one above the other.
    void setSideBySide(bool sideBySide);
    // Scrolls both diagrams to where the runs first part, if they have.
    void showDivergence();
    // Recomputes the strip, the table and the divergence now.
    void updateComparison();

protected:
    void changeEvent(QEvent *event) override;

private:
    void tick();
    void refreshViews();
    void syncFrom(int side);
    void applyOption(const QString &option, const QString &value);
    void showTargetSettings();
    void saveSide(int side);
    void fillTable();
    void updateCaptions();
    void selectCall(core::HostId client, std::uint32_t call);

    std::array<Side, 2> m_sides;
    std::array<std::unique_ptr<session::SimulationPlayer>, 2> m_players;
    std::array<SequenceDiagramView *, 2> m_views{};
    std::array<QLabel *, 2> m_headers{};
    QSplitter *m_diagrams = nullptr;
    CompareStrip *m_strip = nullptr;
    QLabel *m_divergence = nullptr;
    QTableWidget *m_table = nullptr;
    CompareCharts *m_charts = nullptr;
    ControlsPanel *m_controls = nullptr;
    QComboBox *m_target = nullptr; // which side the controls act on
    std::array<QSet<QString>, 2> m_waiting; // per side: options changed that wait for the next restart
    QAction *m_playAction = nullptr;
    QComboBox *m_speedBox = nullptr;
    session::Comparison m_comparison;
    QTimer m_timer;
    QElapsedTimer m_wall;
    QElapsedTimer m_sinceCompare;
    core::TimePoint m_clock{0};
    double m_speed = 0.25;
    double m_carry = 0;
    bool m_syncing = false;
    Retranslator m_i18n;
};

} // namespace rpcscope::widgets
