#include "placer.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace rpcscope::diagram {

bool segmentHitsRect(const QLineF &line, const QRectF &r)
{
    // Liang–Barsky: clip the segment's parameter range to the rectangle.
    const double x0 = line.x1(), y0 = line.y1();
    const double dx = line.dx(), dy = line.dy();
    double t0 = 0, t1 = 1;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {x0 - r.left(), r.right() - x0, y0 - r.top(), r.bottom() - y0};
    for (int k = 0; k < 4; ++k) {
        if (p[k] == 0) {
            if (q[k] < 0)
                return false;
            continue;
        }
        const double t = q[k] / p[k];
        if (p[k] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1)
            return false;
    }
    return true;
}

namespace {

// Obstacles by horizontal stripe, so a candidate is checked against what
// is near it rather than against everything in the frame.
class Grid
{
public:
    explicit Grid(const QRectF &area)
        : m_top(area.top())
        , m_rows(std::max(1, int(std::ceil(area.height() / kRow)) + 1))
    {
        m_lines.resize(std::size_t(m_rows));
        m_rects.resize(std::size_t(m_rows));
    }
    void addLine(const QLineF &l)
    {
        forRows(std::min(l.y1(), l.y2()), std::max(l.y1(), l.y2()), [&](auto row) { m_lines[row].push_back(l); });
    }
    void addRect(const QRectF &r)
    {
        forRows(r.top(), r.bottom(), [&](auto row) { m_rects[row].push_back(r); });
    }
    bool free(const QRectF &r) const
    {
        bool clear = true;
        forRows(r.top(), r.bottom(), [&](auto row) {
            if (!clear)
                return;
            for (const QRectF &o : m_rects[row])
                if (o.intersects(r)) {
                    clear = false;
                    return;
                }
            for (const QLineF &l : m_lines[row])
                if (segmentHitsRect(l, r)) {
                    clear = false;
                    return;
                }
        });
        return clear;
    }

private:
    static constexpr double kRow = 24;
    template<typename F>
    void forRows(double y0, double y1, F &&f) const
    {
        const int a = std::clamp(int((y0 - m_top) / kRow), 0, m_rows - 1);
        const int b = std::clamp(int((y1 - m_top) / kRow), 0, m_rows - 1);
        for (int row = a; row <= b; ++row)
            f(std::size_t(row));
    }
    double m_top;
    int m_rows;
    std::vector<std::vector<QLineF>> m_lines;
    std::vector<std::vector<QRectF>> m_rects;
};

} // namespace

void placeLabels(Frame &frame, const QRectF &area)
{
    Grid grid(area);
    for (const Item &item : frame.items) {
        switch (item.kind) {
        case ItemKind::Arrow:
        case ItemKind::Stroke: grid.addLine(item.line); break;
        case ItemKind::Cross:
        case ItemKind::Clock:
        case ItemKind::Dot:
        case ItemKind::Bar:
        case ItemKind::Held:
        case ItemKind::BadgeMark: grid.addRect(item.rect.adjusted(-2, -2, 2, 2)); break;
        default: break; // rules, cuts, bands and ticks may be written over
        }
    }
    std::vector<std::size_t> order(frame.labels.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return frame.labels[a].priority > frame.labels[b].priority;
    });
    // Arrows only: a badge, drawn opaque over them, may still cross one
    // when nothing else is free; it never covers a mark or another label.
    Grid marksAndLabels(area);
    for (const Item &item : frame.items)
        if (item.kind == ItemKind::Cross || item.kind == ItemKind::Clock || item.kind == ItemKind::Dot
            || item.kind == ItemKind::Bar || item.kind == ItemKind::Held || item.kind == ItemKind::BadgeMark)
            marksAndLabels.addRect(item.rect.adjusted(-2, -2, 2, 2));
    for (const std::size_t index : order) {
        Label &label = frame.labels[index];
        for (std::size_t c = 0; c < 2 * label.candidates.size(); ++c) {
            const bool overArrows = c >= label.candidates.size();
            if (overArrows && !label.boxed)
                break;
            const QRectF &r = label.candidates[c % label.candidates.size()];
            const QRectF padded = r.adjusted(-1, -1, 1, 1);
            if (!area.contains(r) || !(overArrows ? marksAndLabels.free(padded) : grid.free(padded)))
                continue;
            label.rect = r;
            label.placed = true;
            // Moved off its own line: a thin leader back to what it names.
            label.leader = c % label.candidates.size() > 0 && !r.adjusted(-24, -6, 24, 6).contains(label.anchor);
            label.overArrows = overArrows;
            grid.addRect(r);
            marksAndLabels.addRect(r);
            break;
        }
    }
}

} // namespace rpcscope::diagram
