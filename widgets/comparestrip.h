#pragma once

#include "run/compare.h"

#include <QWidget>

#include <optional>

namespace rpcscope::widgets {

// The difference strip between two runs: one column per call, A's outcome
// above and B's below (green for ok, darker the longer it took; red for a
// failure; grey while running), and an orange tick between them where the
// two ended differently. Hover names the call's two endings; a click
// reports the call.
class CompareStrip : public QWidget
{
    Q_OBJECT

public:
    explicit CompareStrip(QWidget *parent = nullptr);

    void setComparison(const session::Comparison &comparison);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // The call drawn at a point, and what its tooltip says (for tests).
    std::optional<std::pair<core::HostId, std::uint32_t>> callAt(QPoint pos) const;
    QString describe(core::HostId client, std::uint32_t call) const;

Q_SIGNALS:
    void callClicked(core::HostId client, std::uint32_t call);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Column
    {
        core::HostId client;
        std::uint32_t call;
        std::optional<session::CallEnd> a, b;
        bool differs;
    };
    QRectF columnRect(int index) const;
    QColor colour(const std::optional<session::CallEnd> &end) const;

    std::vector<Column> m_columns;
    std::int64_t m_slowestUs = 1;
};

} // namespace rpcscope::widgets
