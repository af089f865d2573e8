#pragma once

#include "moments.h"
#include "retranslator.h"
#include "trace/tracelog.h"

#include <QWidget>

#include <array>
#include <functional>
#include <vector>

class QCheckBox;
class QTreeWidget;
class QTreeWidgetItem;

namespace rpcscope::widgets {

// The story's turns, like an IDE's problems pane: one row a kind of moment
// (losses, timeouts, retransmissions, ...) with how many the clock has
// reached, each listed under it; a click on one goes there. A ticked kind
// is a breakpoint: playback pauses when the clock reaches one.
class MomentsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit MomentsPanel(QWidget *parent = nullptr);

    // A new session: nothing counted yet.
    void reset();
    // Takes in the moments of `view` the clock has reached (`revealed` says
    // which) since the last call; returns those newly reached, in log order.
    std::vector<qsizetype> update(const trace::TraceLog::View &view, const std::function<bool(qsizetype)> &revealed);

    int count(diagram::Moment moment) const { return m_counts[std::size_t(moment)]; }
    bool pausesAt(diagram::Moment moment) const;
    void setPausesAt(diagram::Moment moment, bool pause);
    // Pause at the first one only (then the kind is unticked), or at every one.
    bool pausesOnce() const;
    void setPausesOnce(bool once);

    QTreeWidget *tree() const { return m_tree; }

Q_SIGNALS:
    void momentActivated(qsizetype index);

protected:
    void changeEvent(QEvent *event) override;

private:
    void add(qsizetype index, const trace::Event &e);
    void updateTitles();

    Retranslator m_i18n;
    QTreeWidget *m_tree = nullptr;
    QCheckBox *m_once = nullptr;
    std::array<QTreeWidgetItem *, diagram::kMomentCount> m_kinds{};
    std::array<int, diagram::kMomentCount> m_counts{};
    qsizetype m_scanned = 0;           // events of the log looked at
    std::vector<qsizetype> m_pending;  // moments the clock has not reached yet (a loss before its ✗)
    static constexpr int kListedPerKind = 500; // more are counted, not listed
};

} // namespace rpcscope::widgets
