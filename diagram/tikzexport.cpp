#include "tikzexport.h"

#include "chrome.h"
#include "painter.h"

#include <QFontMetricsF>
#include <QStringList>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>

namespace rpcscope::diagram {

QString latexEscaped(const QString &text, bool *beyondPdfLatex)
{
    QString out;
    out.reserve(text.size() + 8);
    for (const char32_t c : text.toUcs4()) {
        switch (c) {
        case U'#': out += u"\\#"; break;
        case U'$': out += u"\\$"; break;
        case U'%': out += u"\\%"; break;
        case U'&': out += u"\\&"; break;
        case U'_': out += u"\\_"; break;
        case U'{': out += u"\\{"; break;
        case U'}': out += u"\\}"; break;
        case U'~': out += u"\\textasciitilde{}"; break;
        case U'^': out += u"\\textasciicircum{}"; break;
        case U'\\': out += u"\\textbackslash{}"; break;
        // Right in any font encoding, not only T1.
        case U'<': out += u"\\textless{}"; break;
        case U'>': out += u"\\textgreater{}"; break;
        case U'|': out += u"\\textbar{}"; break;
        case U'\n':
        case U'\t': out += u' '; break;
        case 0x00a0: out += u'~'; break;
        case 0x00b0: out += u"\\textdegree{}"; break;
        case 0x00b1: out += u"\\ensuremath{\\pm}"; break;
        case 0x00b5: out += u"\\ensuremath{\\mu}"; break;
        case 0x00b7: out += u"\\textperiodcentered{}"; break;
        case 0x00d7: out += u"\\ensuremath{\\times}"; break;
        case 0x00f7: out += u"\\ensuremath{\\div}"; break;
        case 0x2013: out += u"\\textendash{}"; break;
        case 0x2014: out += u"\\textemdash{}"; break;
        case 0x2018: out += u"\\textquoteleft{}"; break;
        case 0x2019: out += u"\\textquoteright{}"; break;
        case 0x201c: out += u"\\textquotedblleft{}"; break;
        case 0x201d: out += u"\\textquotedblright{}"; break;
        case 0x2026: out += u"\\ldots{}"; break;
        case 0x2190: out += u"\\ensuremath{\\leftarrow}"; break;
        case 0x2192: out += u"\\ensuremath{\\rightarrow}"; break;
        case 0x2194: out += u"\\ensuremath{\\leftrightarrow}"; break;
        case 0x2212: out += u"\\ensuremath{-}"; break;
        case 0x221e: out += u"\\ensuremath{\\infty}"; break;
        case 0x2248: out += u"\\ensuremath{\\approx}"; break;
        case 0x2260: out += u"\\ensuremath{\\neq}"; break;
        case 0x2264: out += u"\\ensuremath{\\leq}"; break;
        case 0x2265: out += u"\\ensuremath{\\geq}"; break;
        // A cross in words; the diagram's own crosses are drawn, not written.
        case 0x2717:
        case 0x2718: out += u"\\ensuremath{\\times}"; break;
        default:
            if (c < 0x20 || c == 0x7f)
                break; // a control character has nothing to show
            // ASCII, Latin-1 and Latin Extended-A: pdfLaTeX's UTF-8 input
            // and T1 fonts typeset these (ä, ß, é, ł, ő ...).
            if (c >= 0x80 && !(c >= 0xa1 && c < 0x180) && beyondPdfLatex)
                *beyondPdfLatex = true;
            out += QString::fromUcs4(&c, 1);
        }
    }
    return out;
}

namespace {

// A coordinate in points, two decimals at most: "12.5", "-340".
QString num(double v)
{
    QString s = QString::number(v, 'f', 2);
    if (s.contains(u'.')) {
        while (s.endsWith(u'0'))
            s.chop(1);
        if (s.endsWith(u'.'))
            s.chop(1);
    }
    return s == u"-0" ? QStringLiteral("0") : s;
}

// The frame's y runs down; TikZ's runs up.
QString at(QPointF p)
{
    return QStringLiteral("(%1,%2)").arg(num(p.x()), num(-p.y()));
}

QString box(const QRectF &r)
{
    return at(r.topLeft()) + QStringLiteral(" rectangle ") + at(r.bottomRight());
}

// The part of `l` inside `r` (Liang and Barsky's clipping), its ends kept
// exactly where they are inside.
std::optional<QLineF> clipped(const QLineF &l, const QRectF &r)
{
    double t0 = 0, t1 = 1;
    const auto edge = [&](double p, double q) {
        if (p == 0)
            return q >= 0;
        const double t = q / p;
        if (p < 0) {
            if (t > t1)
                return false;
            t0 = std::max(t0, t);
        } else {
            if (t < t0)
                return false;
            t1 = std::min(t1, t);
        }
        return true;
    };
    if (!edge(-l.dx(), l.x1() - r.left()) || !edge(l.dx(), r.right() - l.x1()) || !edge(-l.dy(), l.y1() - r.top())
        || !edge(l.dy(), r.bottom() - l.y1()))
        return std::nullopt;
    return QLineF(t0 > 0 ? l.pointAt(t0) : l.p1(), t1 < 1 ? l.pointAt(t1) : l.p2());
}

// Qt's dash patterns count in pen widths; with Qt's square caps each dash
// grows by a width, which `line cap=rect` does in TikZ too.
QString dashes(Qt::PenStyle style, double width)
{
    const auto on = [&](double w) { return QStringLiteral("on %1pt").arg(num(w * width)); };
    const auto off = [&](double w) { return QStringLiteral("off %1pt").arg(num(w * width)); };
    QStringList parts;
    switch (style) {
    case Qt::DashLine: parts << on(4) << off(2); break;
    case Qt::DotLine: parts << on(1) << off(2); break;
    case Qt::DashDotLine: parts << on(4) << off(2) << on(1) << off(2); break;
    case Qt::DashDotDotLine: parts << on(4) << off(2) << on(1) << off(2) << on(1) << off(2); break;
    default: return {};
    }
    return QStringLiteral(", dash pattern=") + parts.join(u' ');
}

QString opacity(double alpha)
{
    return QStringLiteral("%1").arg(num(std::clamp(alpha, 0.0, 1.0)));
}

constexpr std::array kToneNames = {
    "Request", "Reply", "Ack",     "Working", "Probe", "Error", "FragmentAck",
    "Loss",    "Timeout", "Handler", "Corrupt", "Faint", "Text",  "Accent",
};
static_assert(kToneNames.size() == std::size_t(Tone::Accent) + 1);

// Writes one frame as TikZ, in the painter's order: what lies under the
// arrows, the arrows, the marks over them, the labels, then the lane titles.
class TikzWriter
{
public:
    TikzWriter(const ExportFrame &made, const TikzOptions &options)
        : m_frame(made.frame), m_g(made.geometry), m_font(made.font), m_options(options),
          m_bounds(QRectF(0, 0, made.geometry.width, made.geometry.height).adjusted(-200, -200, 200, 200))
    {
    }

    QByteArray document()
    {
        m_style.font = m_font;
        m_style.showNow = false;
        m_style.legend = m_options.legend;
        m_style.title = m_options.title;
        m_style.subtitle = m_options.subtitle;
        body();

        QString out;
        const QString title = m_options.title.isEmpty() ? QStringLiteral("sequence diagram") : m_options.title;
        out += QStringLiteral("% RpcScope: %1\n").arg(oneLine(title));
        if (!m_options.subtitle.isEmpty())
            out += QStringLiteral("% %1\n").arg(oneLine(m_options.subtitle));
        out += QStringLiteral(
                   "%\n"
                   "% One point per pixel of the diagram: %1 pt by %2 pt. To fit a column, wrap the\n"
                   "% picture in \\resizebox{\\linewidth}{!}{...} (package graphicx).\n")
                   .arg(num(m_g.width), num(m_g.height));
        if (m_beyondPdfLatex)
            out += QStringLiteral(
                "%\n"
                "% Some words are in a script pdfLaTeX cannot typeset: compile with XeLaTeX or\n"
                "% LuaLaTeX and a font that has them (for Chinese, \\usepackage{xeCJK} with\n"
                "% XeLaTeX or \\usepackage{luatexja} with LuaLaTeX).\n");
        if (m_options.standalone) {
            out += QStringLiteral(
                "%\n"
                "% Compiles on its own (pdflatex FILE.tex). To put the picture in a paper, copy it\n"
                "% from \"picture begins\" to \"picture ends\"; the paper needs \\usepackage{tikz}\n"
                "% and \\usetikzlibrary{arrows.meta}.\n"
                "\\documentclass[tikz,border=0pt]{standalone}\n"
                "\\usepackage{iftex}\n"
                "\\ifPDFTeX\n"
                "  \\usepackage[T1]{fontenc}\n"
                "\\fi\n"
                "\\usepackage{lmodern}\n"
                "\\usetikzlibrary{arrows.meta}\n"
                "\\begin{document}\n");
        }
        out += QStringLiteral("% ---- picture begins ----\n");
        out += QStringLiteral("\\begin{tikzpicture}[x=1pt, y=1pt,\n");
        const double tip = m_smooth ? 10 : 6;
        // The painter's head: two sides of `tip` at 0.4 rad from the shaft.
        out += QStringLiteral("    >={Triangle[length=%1pt, width=%2pt]},\n")
                   .arg(num(tip * std::cos(0.4)), num(2 * tip * std::sin(0.4)));
        out += QStringLiteral("    rpcdatagram/.style={line width=2.2pt, line cap=rect},\n"
                              "    rpcselected/.style={line width=3.2pt},\n"
                              "    rpccross/.style={line width=3.2pt, line cap=rect},\n"
                              "    rpcdashed/.style={line width=1.5pt, line cap=rect%1},\n"
                              "    rpctext/.style={inner sep=0pt, outer sep=0pt, anchor=base west}")
                   .arg(dashes(Qt::DashLine, 1.5));
        for (const auto &[name, font] : m_fonts)
            out += QStringLiteral(",\n    %1/.style={font=\\sffamily%2\\fontsize{%3pt}{%4pt}\\selectfont}")
                       .arg(name, font.bold() ? QStringLiteral("\\bfseries") : QString())
                       .arg(font.pixelSize())
                       .arg(num(QFontMetricsF(font).lineSpacing()));
        out += QStringLiteral("]\n");
        // Inside the picture, so a copy of it takes its colours along.
        for (std::size_t t = 0; t < kToneNames.size(); ++t) {
            if (!m_tonesUsed[t])
                continue;
            const QColor c = toneColour(Tone(t), m_style);
            out += QStringLiteral("\\definecolor{rpc%1}{RGB}{%2,%3,%4}\n")
                       .arg(QLatin1String(kToneNames[t]))
                       .arg(c.red())
                       .arg(c.green())
                       .arg(c.blue());
        }
        out += QStringLiteral("\\definecolor{rpcLane}{RGB}{44,62,80}\n");
        out += m_body;
        out += QStringLiteral("\\end{tikzpicture}\n");
        out += QStringLiteral("% ---- picture ends ----\n");
        if (m_options.standalone)
            out += QStringLiteral("\\end{document}\n");
        return out.toUtf8();
    }

private:
    // Words for a comment: on one line, and without ^^, which TeX reads
    // as a character code even there.
    static QString oneLine(QString s)
    {
        s.replace(u'\n', u' ').replace(u'\r', u' ');
        while (s.contains(QStringLiteral("^^")))
            s.replace(QStringLiteral("^^"), QStringLiteral("^ ^"));
        return s;
    }

    void line(const QString &s)
    {
        m_body += s;
        m_body += u'\n';
    }
    // Shapes are cut to a margin around the frame first: a window zoomed in
    // can hold an arrow thousands of pixels long, and TeX's dimensions end
    // at 16383 pt. The picture's clip hides the margin.
    void fill(const QString &style, const QRectF &r)
    {
        if (const QRectF shown = r.intersected(m_bounds); !shown.isEmpty())
            line(QStringLiteral("\\fill[%1] %2;").arg(style, box(shown)));
    }
    void segment(const QString &style, QPointF from, QPointF to)
    {
        if (const std::optional<QLineF> shown = clipped(QLineF(from, to), m_bounds))
            line(QStringLiteral("\\draw[%1] %2 -- %3;").arg(style, at(shown->p1()), at(shown->p2())));
    }

    // A colour and how opaque it is: faint tones and dimmed items show through.
    struct Ink
    {
        QString colour;
        int alpha = 255;
        QString with(const char *opacityKey, const char *colourKey = nullptr) const
        {
            QString s = colourKey ? QStringLiteral("%1=%2").arg(QLatin1String(colourKey), colour) : colour;
            if (alpha < 255)
                s += QStringLiteral(", %1=%2").arg(QLatin1String(opacityKey), opacity(alpha / 255.0));
            return s;
        }
        QString all() const { return with("opacity"); }
        QString draw() const { return with("draw opacity", "draw"); }
        QString text() const { return with("text opacity", "text"); }
    };

    Ink ink(Tone tone, bool dimmed = false)
    {
        m_tonesUsed[std::size_t(tone)] = true;
        return {QStringLiteral("rpc") + QLatin1String(kToneNames[std::size_t(tone)]),
                dimmed ? 55 : toneColour(tone, m_style).alpha()};
    }
    // The tone laid on the white page at `amount`, as one opaque colour.
    QString tint(Tone tone, double amount)
    {
        m_tonesUsed[std::size_t(tone)] = true;
        return QStringLiteral("rpc%1!%2!white").arg(QLatin1String(kToneNames[std::size_t(tone)]), num(amount * 100));
    }
    Ink textInk(bool dimmed, int alpha = 255)
    {
        m_tonesUsed[std::size_t(Tone::Text)] = true;
        return {QStringLiteral("rpcText"), dimmed ? 55 : alpha};
    }

    // A style for `font`, named after its size and weight.
    QString fontStyle(const QFont &font)
    {
        const QString name = QStringLiteral("rpc%1%2").arg(font.bold() ? u"bold" : u"font").arg(font.pixelSize());
        m_fonts.emplace(name, font);
        return name;
    }

    QString words(const QString &text) { return latexEscaped(text, &m_beyondPdfLatex); }

    // One line of text whose box Qt would centre vertically in `r`, aligned
    // left, right or centred: placed on the baseline Qt uses.
    void text(const QRectF &r, Qt::Alignment align, const QFont &font, const Ink &colour, const QString &s)
    {
        if (s.isEmpty())
            return;
        const QFontMetricsF fm(font);
        const double baseline = r.top() + (r.height() - fm.height()) / 2 + fm.ascent();
        QString anchor = QStringLiteral("base west");
        double x = r.left();
        if (align & Qt::AlignRight) {
            anchor = QStringLiteral("base east");
            x = r.right();
        } else if (align & Qt::AlignHCenter) {
            anchor = QStringLiteral("base");
            x = r.center().x();
        }
        line(QStringLiteral("\\node[rpctext, %1, anchor=%2, %3] at %4 {%5};")
                 .arg(fontStyle(font), anchor, colour.text(), at(QPointF(x, baseline)), words(s)));
    }

    // Words LaTeX wraps to `r`'s width, from its top left.
    void paragraph(const QRectF &r, Qt::Alignment align, const QFont &font, const Ink &colour, const QString &s)
    {
        if (s.isEmpty())
            return;
        const bool right = align & Qt::AlignRight;
        line(QStringLiteral("\\node[rpctext, %1, anchor=%2, text width=%3pt, align=%4, %5] at %6 {%7};")
                 .arg(fontStyle(font), right ? QStringLiteral("north east") : QStringLiteral("north west"),
                      num(r.width()), right ? QStringLiteral("right") : QStringLiteral("left"), colour.text(),
                      at(right ? r.topRight() : r.topLeft()), words(s)));
    }

    void body()
    {
        m_smooth = m_frame.arrowsDrawn <= 120 && !m_frame.summarised;
        line(QStringLiteral("\\path[use as bounding box] %1;").arg(box(QRectF(0, 0, m_g.width, m_g.height))));
        ruler();
        lanes();
        line(QStringLiteral("\\begin{scope}"));
        line(QStringLiteral("\\clip %1;").arg(box(QRectF(0, m_g.header(), m_g.width, m_g.height - m_g.header()))));
        underArrows();
        halos();
        arrows();
        marks();
        line(QStringLiteral("% Labels where the placer put them"));
        for (const Label &l : m_frame.labels)
            if (l.placed)
                label(l);
        if (m_options.legend)
            legend();
        line(QStringLiteral("\\end{scope}"));
        header();
        tracks();
    }

    void ruler()
    {
        const Ruler r = Ruler::layout(m_g, m_font);
        line(QStringLiteral("% Time ruler"));
        for (const RulerMark &mark : r.marks) {
            line(QStringLiteral("\\draw[rpcText, opacity=%1, line width=1pt] %2 -- %3;")
                     .arg(opacity(90 / 255.0), at(QPointF(r.tickLeft, mark.y)), at(QPointF(r.tickRight, mark.y))));
            text(mark.box, Qt::AlignRight, r.font, textInk(false), mark.text);
        }
    }

    void lanes()
    {
        line(QStringLiteral("% Lanes"));
        for (int h = 0; h <= m_g.clients; ++h) {
            const double x = m_g.laneX(core::HostId(h));
            line(QStringLiteral("\\draw[rpcText, opacity=%1, line width=1.2pt, line cap=rect%2] %3 -- %4;")
                     .arg(opacity(90 / 255.0), dashes(Qt::DashLine, 1.2), at(QPointF(x, m_g.header())),
                          at(QPointF(x, m_g.height))));
        }
        m_tonesUsed[std::size_t(Tone::Text)] = true;
    }

    void underArrows()
    {
        line(QStringLiteral("% Bands, handler bars, timers, rules"));
        for (const Item &item : m_frame.items) {
            const bool dim = item.flags & Dimmed;
            switch (item.kind) {
            case ItemKind::Band:
            case ItemKind::Bar: fill(ink(item.tone, dim).all(), item.rect); break;
            case ItemKind::Held:
                // Waiting, not running: the handler's colour, outlined.
                if (const QRectF shown = item.rect.intersected(m_bounds); !shown.isEmpty())
                    line(QStringLiteral("\\filldraw[rpcdashed, fill=%1, %2] %3;")
                             .arg(tint(item.tone, 0.15), ink(item.tone, dim).draw(), box(shown)));
                break;
            case ItemKind::Timer: {
                const bool running = item.flags & InFlight;
                const bool cancelled = item.flags & Cancelled;
                const Tone tone = (item.flags & Spurious) ? Tone::Loss : Tone::Timeout;
                const double amount = dim ? 0.15 : running ? 0.35 : cancelled ? 0.25 : 0.65;
                fill(tint(tone, amount), item.rect);
                if (running)
                    fill(ink(Tone::Timeout).all(),
                         QRectF(item.rect.left() - 1, item.rect.bottom() - 4, item.rect.width() + 2, 4));
                break;
            }
            case ItemKind::Estimate:
                // The expected answer (SRTT) as a line, the allowance for
                // variance (4·RTTVAR) pale below it: as the painter draws it.
                fill(tint(Tone::Reply, dim ? 0.12 : 0.35), item.rect);
                segment(ink(Tone::Reply, dim).all() + QStringLiteral(", line width=2pt"),
                        QPointF(item.rect.left() - 2, item.rect.top()), QPointF(item.rect.right() + 8, item.rect.top()));
                break;
            case ItemKind::Rule:
                segment(QStringLiteral("rpcdashed, ") + ink(item.tone, dim).all(), item.line.p1(), item.line.p2());
                break;
            case ItemKind::Tick:
                segment(ink(item.tone, dim).all() + QStringLiteral(", line width=1pt"), item.line.p1(), item.line.p2());
                break;
            default: break;
            }
        }
    }

    void halos()
    {
        for (const Item &item : m_frame.items) {
            if (!(item.flags & Halo))
                continue;
            const QString halo = Ink{ink(Tone::Accent).colour, 110}.all();
            if (!item.line.isNull())
                segment(halo + QStringLiteral(", line width=14pt, line cap=round"), item.line.p1(), item.line.p2());
            else if (const QRectF shown = item.rect.adjusted(-6, -6, 6, 6).intersected(m_bounds); !shown.isEmpty())
                line(QStringLiteral("\\draw[%1, line width=14pt, rounded corners=6pt] %2;").arg(halo, box(shown)));
        }
    }

    void arrows()
    {
        line(QStringLiteral("% Datagrams: delivered (->), lost on the way (no head)"));
        for (const Item &item : m_frame.items) {
            if (item.kind != ItemKind::Arrow && item.kind != ItemKind::Stroke)
                continue;
            const std::optional<QLineF> shown = clipped(item.line, m_bounds);
            if (!shown)
                continue;
            // A head only where the datagram arrives inside the picture.
            const bool head = item.kind == ItemKind::Arrow && shown->p2() == item.line.p2();
            const QString c = ink(item.tone, item.flags & Dimmed).all();
            const Qt::PenStyle pen = (item.flags & Retry) ? Qt::DashLine : toneLine(item.tone);
            const double width = (item.flags & Selected) ? 3.2 : 2.2;
            line(QStringLiteral("\\draw[%1rpcdatagram%2, %3%4] %5 -- %6;")
                     .arg(head ? QStringLiteral("->, ") : QString(),
                          (item.flags & Selected) ? QStringLiteral(", rpcselected") : QString(), c, dashes(pen, width),
                          at(shown->p1()), at(shown->p2())));
            if ((item.flags & InFlight) && head) // its tip, where the datagram is now
                line(QStringLiteral("\\fill[%1] %2 circle[radius=4.5pt];").arg(c, at(item.line.p2())));
        }
    }

    void clock(QPointF c, const QString &colour)
    {
        line(QStringLiteral("\\draw[%1, line width=2pt] %2 circle[radius=9pt] %2 -- %3 %2 -- %4;")
                 .arg(colour, at(c), at(c + QPointF(0, -6)), at(c + QPointF(4.5, 2))));
    }

    void cross(QPointF c, double half, const QString &style)
    {
        line(QStringLiteral("\\draw[%1] %2 -- %3 %4 -- %5;")
                 .arg(style, at(c + QPointF(-half, -half)), at(c + QPointF(half, half)), at(c + QPointF(-half, half)),
                      at(c + QPointF(half, -half))));
    }

    void marks()
    {
        line(QStringLiteral("% Losses, timeouts, call ends"));
        for (const Item &item : m_frame.items) {
            const QString c = ink(item.tone, item.flags & Dimmed).all();
            const QPointF centre = item.rect.center();
            if (item.line.isNull() && !m_bounds.contains(centre))
                continue;
            switch (item.kind) {
            case ItemKind::Cross: cross(centre, 7, QStringLiteral("rpccross, ") + c); break;
            case ItemKind::Clock: clock(centre, c); break;
            case ItemKind::Dot: line(QStringLiteral("\\fill[%1] %2 circle[radius=6.5pt];").arg(c, at(centre))); break;
            case ItemKind::BadgeMark: fill(c, item.rect); break;
            case ItemKind::Cut:
                segment(c + QStringLiteral(", line width=4pt, line cap=rect"), item.line.p1(), item.line.p2());
                break;
            default: break;
            }
        }
    }

    void label(const Label &l)
    {
        if (!m_bounds.contains(l.rect))
            return;
        QRectF r = l.rect;
        Ink colour = ink(l.tone, l.dimmed);
        if (l.boxed) {
            if (l.leader) {
                const QPointF edge(std::clamp(l.anchor.x(), r.left(), r.right()),
                                   std::clamp(l.anchor.y(), r.top(), r.bottom()));
                segment(Ink{colour.colour, 120}.all() + QStringLiteral(", line width=1pt"), l.anchor, edge);
            }
            // Tinted and opaque: what it covers does not show through its words.
            line(QStringLiteral("\\filldraw[%1, fill=%2, line width=1pt, rounded corners=5pt] %3;")
                     .arg(colour.draw(), l.dimmed ? QStringLiteral("white") : tint(l.tone, 0.15), box(r)));
            r = r.adjusted(8, 4, -8, -4);
            colour = textInk(l.dimmed);
        }
        QFont bold = m_font;
        bold.setBold(true);
        const QFontMetricsF fm(m_font);
        const QStringList lines = l.text.split(u'\n');
        // Right-aligned when the label sits left of what it names.
        const bool right = !l.boxed && r.right() <= l.anchor.x() + 0.5;
        for (qsizetype i = 0; i < lines.size(); ++i)
            text(QRectF(r.left(), r.top() + i * fm.height(), r.width(), fm.height()),
                 right ? Qt::AlignRight : Qt::AlignLeft, l.bold && i == 0 ? bold : m_font, colour, lines.at(i));
    }

    void legend()
    {
        using enum LegendGlyph;
        const Legend legend = Legend::layout(m_g, m_font);
        line(QStringLiteral("% Legend"));
        line(QStringLiteral("\\filldraw[draw=rpcText, draw opacity=%1, fill=white, fill opacity=%2, line width=1pt, "
                            "rounded corners=6pt] %3;")
                 .arg(opacity(80 / 255.0), opacity(235 / 255.0), box(legend.box)));
        for (const LegendEntry &e : legend.entries) {
            const QString c = ink(e.tone).all();
            const QPointF a = e.from, b = e.to, mid = (a + b) / 2;
            const double top = e.y - e.row / 2;
            switch (e.glyph) {
            case Line:
            case Dashed:
                line(QStringLiteral("\\draw[->, >={Triangle[length=%1pt, width=%2pt]}, rpcdatagram, %3%4] %5 -- %6;")
                         .arg(num(8 * std::cos(0.4)), num(16 * std::sin(0.4)), c,
                              dashes(e.glyph == Dashed ? Qt::DashLine : toneLine(e.tone), 2.2), at(a), at(b)));
                break;
            case Flying:
                line(QStringLiteral("\\draw[rpcdatagram, %1] %2 -- %3;").arg(c, at(a), at(mid)));
                line(QStringLiteral("\\fill[%1] %2 circle[radius=4.5pt];").arg(c, at(mid)));
                break;
            case Cross: cross(mid, 6, QStringLiteral("line width=3pt, line cap=rect, ") + c); break;
            case Clock: clock(mid, c); break;
            case Timer: fill(c, QRectF(mid.x() - 1.5, top + 2, 3, e.row - 4)); break;
            case PaleTimer:
                fill(tint(e.tone, 0.35), QRectF(mid.x() - 1.5, top + 2, 3, e.row - 4));
                break;
            case Estimate:
                fill(tint(e.tone, 0.35), QRectF(mid.x() - 2, e.y - 2, 4, e.row / 2 - 2));
                segment(c + QStringLiteral(", line width=2pt"), QPointF(mid.x() - 4, e.y - 2), QPointF(mid.x() + 8, e.y - 2));
                break;
            case Dot: line(QStringLiteral("\\fill[%1] %2 circle[radius=6pt];").arg(c, at(mid))); break;
            case Bar: fill(c, QRectF(mid.x() - 5, top + 2, 10, e.row - 4)); break;
            case Held:
                line(QStringLiteral("\\draw[rpcdashed, %1] %2;")
                         .arg(c, box(QRectF(mid.x() - 5, top + 2, 10, e.row - 4))));
                break;
            case Badge:
                line(QStringLiteral("\\filldraw[draw=%1, fill=%2, line width=1pt, rounded corners=4pt] %3;")
                         .arg(c, tint(e.tone, 60 / 255.0), box(QRectF(a.x(), top + 3, b.x() - a.x(), e.row - 6))));
                break;
            case Rule:
                segment(QStringLiteral("rpcdashed, ") + c, a, b);
                break;
            case Cut: segment(c + QStringLiteral(", line width=4pt, line cap=rect"), a, b); break;
            case Band:
                if (e.tone == Tone::Corrupt) {
                    fill(c, QRectF(a.x(), e.y - 3, 12, 5));
                    break;
                }
                fill(ink(Tone::Request).all(), QRectF(a.x(), e.y - 3, 26, 5));
                fill(ink(Tone::Timeout).all(), QRectF(a.x(), e.y - 3, 7, 5));
                fill(ink(Tone::Loss).all(), QRectF(a.x() + 26, e.y - 3, 8, 5));
                break;
            }
            text(e.textBox, Qt::AlignLeft, legend.font, textInk(false), e.text);
        }
    }

    void header()
    {
        const LaneTitles lanes = LaneTitles::layout(m_g, m_font);
        line(QStringLiteral("% Lane titles"));
        for (const LaneTitle &t : lanes.titles) {
            line(QStringLiteral("\\fill[rpcLane, rounded corners=6pt] %1;").arg(box(t.box)));
            text(t.box, Qt::AlignHCenter, lanes.font, Ink{QStringLiteral("white")}, t.text);
        }
        const std::optional<Caption> caption = Caption::layout(m_g, m_font, m_options.title, m_options.subtitle);
        if (!caption)
            return;
        line(QStringLiteral("% Caption"));
        text(caption->titleBox, Qt::AlignLeft, caption->titleFont, textInk(false), caption->title);
        paragraph(caption->subtitleBox, Qt::AlignLeft, caption->subtitleFont, textInk(false, 170), caption->subtitle);
    }

    void tracks()
    {
        if (m_frame.tracks.empty())
            return;
        QFont small = m_font;
        small.setPixelSize(std::max(8, int(std::lround(m_font.pixelSize() * 0.85))));
        line(QStringLiteral("% Counter tracks"));
        for (const Track &t : m_frame.tracks) {
            line(QStringLiteral("\\draw[rpcText, opacity=%1, line width=1pt] %2 -- %3;")
                     .arg(opacity(90 / 255.0), at(QPointF(t.left, m_g.header())), at(QPointF(t.left, m_g.height))));
            const QRectF title(t.left + 4, 6, t.width - 8, m_g.header() - 10);
            paragraph(title, Qt::AlignLeft, small, textInk(false), t.title);
            const QFontMetricsF fs(small);
            text(QRectF(title.left(), title.bottom() - fs.height(), title.width(), fs.height()), Qt::AlignRight, small,
                 textInk(false, 160), t.peak);
        }
    }

    const Frame &m_frame;
    const Geometry &m_g;
    const QFont m_font;
    const TikzOptions &m_options;
    const QRectF m_bounds; // what is written: the frame and a margin
    PaintStyle m_style; // paper: white, black words
    QString m_body;
    bool m_smooth = true;
    bool m_beyondPdfLatex = false;
    std::array<bool, kToneNames.size()> m_tonesUsed{};
    std::map<QString, QFont> m_fonts;
};

} // namespace

QByteArray tikzDiagram(const ExportFrame &made, const TikzOptions &options)
{
    return TikzWriter(made, options).document();
}

} // namespace rpcscope::diagram
