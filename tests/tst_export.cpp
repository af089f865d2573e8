// Exports open in the programs people use: CSV with a fixed column count,
// Mermaid and PlantUML sequence text that follows their syntax, SVG that
// parses as XML, PNG that loads as an image, PDF with its signature, TikZ
// that LaTeX reads (balanced braces, every word escaped).
#include "capture/capturewriter.h"
#include "diagramexport.h"
#include "export/textexport.h"
#include "mainwindow.h"
#include "run/simnetwork.h"
#include "sequencediagramview.h"
#include "session/scenario.h"
#include "tikzexport.h"
#include "trace/tracelog.h"

#include <QBuffer>
#include <QImage>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <array>

using namespace rpcscope;
using trace::EventKind;

namespace {

// A CSV line's fields, with RFC 4180 quotes.
QStringList csvFields(const QString &line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == u'"' && i + 1 < line.size() && line[i + 1] == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            fields << field;
            field.clear();
        } else {
            field += c;
        }
    }
    fields << field;
    return fields;
}

// Every text an SVG draws.
QStringList svgTexts(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {QStringLiteral("<cannot read>")};
    QXmlStreamReader xml(&file);
    QStringList texts;
    while (!xml.atEnd())
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"text")
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements);
    if (xml.hasError())
        return {QStringLiteral("<not XML: %1>").arg(xml.errorString())};
    return texts;
}

// The call numbers the diagram's labels name ("REQ #7 a2 · retry #1",
// "call #7 ok"); the number after "retry" counts retries.
QSet<int> callNumbersIn(const QStringList &texts)
{
    static const QRegularExpression number(QStringLiteral("(?<!retry) #(\\d+)"));
    QSet<int> calls;
    for (const QString &text : texts)
        for (const QRegularExpressionMatch &m : number.globalMatch(text))
            calls.insert(m.captured(1).toInt());
    return calls;
}

QString readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("<cannot read %1>").arg(path);
    return QString::fromUtf8(file.readAll());
}

// Whether every { of a LaTeX text has its }, escaped braces and comments
// set aside.
bool bracesBalance(const QString &tex)
{
    int depth = 0;
    bool comment = false;
    for (qsizetype i = 0; i < tex.size(); ++i) {
        const QChar c = tex[i];
        if (comment) {
            comment = c != u'\n';
        } else if (c == u'\\') {
            ++i; // \{, \}, \%, \\: not structure
        } else if (c == u'%') {
            comment = true;
        } else if (c == u'{') {
            ++depth;
        } else if (c == u'}' && --depth < 0) {
            return false;
        }
    }
    return depth == 0;
}

// The text of every \node: each on a line of its own, "\node[...] at (x,y) {TEXT};".
QStringList tikzNodeTexts(const QString &tex)
{
    static const QRegularExpression node(QStringLiteral("^\\\\node\\[.*\\] at \\([^)]*\\) \\{(.*)\\};$"),
                                         QRegularExpression::MultilineOption);
    QStringList texts;
    for (const QRegularExpressionMatch &m : node.globalMatch(tex))
        texts << m.captured(1);
    return texts;
}

// What is left of a node's text once LaTeX's commands (\ldots{},
// \ensuremath{\rightarrow}) and escaped characters (\#) are taken out: any
// character LaTeX treats as structure here was written unescaped.
QString unescapedSpecials(QString text)
{
    static const QRegularExpression command(QStringLiteral("\\\\[A-Za-z]+|\\\\[#$%&_{}]"));
    text.remove(command);
    while (text.contains(u"{}"))
        text.remove(QStringLiteral("{}"));
    static const QRegularExpression special(QStringLiteral("[^#$%&_{}~^\\\\]"));
    return text.remove(special);
}

int linesStartingWith(const QString &tex, QStringView start)
{
    int n = 0;
    for (const QStringView line : QStringView(tex).split(u'\n'))
        n += line.startsWith(start);
    return n;
}

QString run(auto write)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (!write(buffer))
        return QStringLiteral("<write failed>");
    return QString::fromUtf8(buffer.data());
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        session::SessionConfig figure;
        figure.scenario = QStringLiteral("dropped-reply");
        session::findScenario(figure.scenario)->apply(figure);
        session::SimNetwork(figure, &m_figure).run();

        session::SessionConfig lossy;
        session::findScenario(u"lossy")->apply(lossy);
        lossy.clients = 3;
        lossy.calls = 60;
        session::SimNetwork(lossy, &m_lossy).run();
    }

    void csvHasOneRowPerEventAndFixedColumns()
    {
        const QString csv = run([&](QIODevice &d) { return exporting::writeCsv(m_lossy.view(), {}, d); });
        QStringList lines = csv.split(u'\n');
        QCOMPARE(lines.takeLast(), QString()); // ends with a newline
        QCOMPARE(lines.size(), m_lossy.size() + 1);
        QCOMPARE(csvFields(lines.first()).size(), exporting::kCsvColumns);
        for (const QString &line : lines)
            QCOMPARE(csvFields(line).size(), exporting::kCsvColumns);
        QVERIFY(lines[1].startsWith(u"0,call-start,client"));

        // A range keeps only what is in it.
        exporting::ExportRange range;
        range.call = std::pair{core::HostId(2), std::uint32_t(1)};
        const QString one = run([&](QIODevice &d) { return exporting::writeCsv(m_lossy.view(), range, d); });
        const QStringList rows = one.trimmed().split(u'\n');
        QVERIFY(rows.size() > 3);
        for (qsizetype i = 1; i < rows.size(); ++i) {
            const QStringList f = csvFields(rows[i]);
            QCOMPARE(f[4], QStringLiteral("client2"));
            QCOMPARE(f[5], QStringLiteral("1"));
        }
    }

    // Figure 48.5 as Mermaid: participants first, then the story with the
    // lost reply as a crossed arrow and the cached reply as a note.
    void mermaidTellsTheFigure()
    {
        const QString text = run([&](QIODevice &d) { return exporting::writeMermaid(m_figure.view(), 1, {}, d); });
        const QStringList lines = text.trimmed().split(u'\n');
        QCOMPARE(lines[0], QStringLiteral("sequenceDiagram"));
        QCOMPARE(lines[1], QStringLiteral("    participant C1 as client"));
        QCOMPARE(lines[2], QStringLiteral("    participant S as server"));
        static const QRegularExpression statement(
            QStringLiteral("^    (C1|S)(->>|-->>|-x|--x)(C1|S): [^\\n;#]+$|^    Note over (C1|S): [^\\n;#]+$"));
        for (qsizetype i = 3; i < lines.size(); ++i)
            QVERIFY2(statement.match(lines[i]).hasMatch(), qPrintable(lines[i]));
        QVERIFY(text.contains(u"    C1->>S: REQ call 1\n"));
        QVERIFY(text.contains(u"    S-xC1: REPLY call 1 (lost)\n"));
        QVERIFY(text.contains(u"Note over S: duplicate of call 1: cached reply, not run again"));
        QVERIFY(text.contains(u"    C1->>S: REQ call 1 attempt 2\n"));
    }

    void plantUmlIsBalancedAndCutsLongStories()
    {
        exporting::ExportRange range;
        range.maxMessages = 25;
        const QString text =
            run([&](QIODevice &d) { return exporting::writePlantUml(m_lossy.view(), 3, range, d); });
        const QStringList lines = text.trimmed().split(u'\n');
        QCOMPARE(lines.first(), QStringLiteral("@startuml"));
        QCOMPARE(lines.last(), QStringLiteral("@enduml"));
        QCOMPARE(lines.count(QStringLiteral("participant \"client 2\" as C2")), 1);
        static const QRegularExpression statement(
            QStringLiteral("^(C\\d|S) (->|-->)x? (C\\d|S) : .+$|^note over (C\\d|S) : .+$|^participant \".+\" as (C\\d|S)$"));
        int messages = 0;
        for (qsizetype i = 1; i + 1 < lines.size(); ++i) {
            QVERIFY2(statement.match(lines[i]).hasMatch(), qPrintable(lines[i]));
            messages += !lines[i].startsWith(u"participant");
        }
        QCOMPARE(messages, 26); // 25 and the note that says the rest was cut
        QVERIFY(text.contains(u"more events not shown"));
    }

    void picturesOpen()
    {
        QTemporaryDir dir;
        diagram::DiagramExport what;
        what.log = &m_figure;
        what.title = QStringLiteral("Dropped reply");
        QString error;

        const QString svg = dir.filePath(QStringLiteral("figure.svg"));
        QVERIFY2(diagram::exportDiagram(what, diagram::DiagramFormat::Svg, svg, &error), qPrintable(error));
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&svgFile);
        int texts = 0;
        bool sawRoot = false;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement) {
                sawRoot = sawRoot || xml.name() == u"svg";
                texts += xml.name() == u"text";
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(sawRoot);
        QVERIFY(texts > 5); // lane titles, labels, the ruler

        const QString png = dir.filePath(QStringLiteral("figure.png"));
        QVERIFY2(diagram::exportDiagram(what, diagram::DiagramFormat::Png, png, &error), qPrintable(error));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.width(), 2 * 1400);
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY(colours.size() > 10); // arrows, labels, badges: not a blank page

        const QString pdf = dir.filePath(QStringLiteral("figure.pdf"));
        QVERIFY2(diagram::exportDiagram(what, diagram::DiagramFormat::Pdf, pdf, &error), qPrintable(error));
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        const QByteArray bytes = pdfFile.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.trimmed().endsWith("%%EOF"));

        QVERIFY(!diagram::exportDiagram(what, diagram::DiagramFormat::Svg, dir.filePath(QStringLiteral("no/such/dir.svg")),
                                        &error));
        QVERIFY(error.contains(u"cannot write"));
    }

    // The dropped-reply figure as TikZ for a paper: a document pdflatex
    // compiles alone with one picture in it, a headed arrow for every
    // datagram delivered, a headless stroke and a cross for the lost reply,
    // the lanes' titles, the painter's colours, and every word escaped.
    void tikzTellsTheFigure()
    {
        QTemporaryDir dir;
        diagram::DiagramExport what;
        what.log = &m_figure;
        what.title = QStringLiteral("Dropped reply");
        what.subtitle = QStringLiteral("100% & {x} · a_b");
        const QString path = dir.filePath(QStringLiteral("figure.tex"));
        QString error;
        QVERIFY2(diagram::exportDiagram(what, diagram::DiagramFormat::Tikz, path, &error), qPrintable(error));
        const QString tex = readAll(path);

        QVERIFY(tex.contains(u"\\documentclass[tikz,border=0pt]{standalone}\n"));
        QVERIFY(tex.contains(u"\\usetikzlibrary{arrows.meta}\n"));
        QVERIFY(tex.trimmed().endsWith(u"\\end{document}"));
        QCOMPARE(tex.count(u"\\begin{tikzpicture}"), 1);
        QCOMPARE(tex.count(u"\\end{tikzpicture}"), 1);
        const qsizetype begins = tex.indexOf(u"% ---- picture begins ----\n\\begin{tikzpicture}");
        const qsizetype ends = tex.indexOf(u"\\end{tikzpicture}\n% ---- picture ends ----\n");
        QVERIFY(tex.indexOf(u"\\begin{document}") < begins);
        QVERIFY(begins < ends);
        QVERIFY(ends < tex.indexOf(u"\\end{document}"));
        QVERIFY(bracesBalance(tex));
        QVERIFY(!bracesBalance(tex + u'{'));

        int delivered = 0, lost = 0;
        const trace::TraceLog::View view = m_figure.view();
        for (qsizetype i = 0; i < view.size(); ++i) {
            delivered += view.at(i).kind == EventKind::Deliver;
            lost += view.at(i).kind == EventKind::Lost;
        }
        QVERIFY(delivered >= 3);
        QCOMPARE(lost, 1);
        QVERIFY(tex.contains(u">={Triangle["));
        QCOMPARE(linesStartingWith(tex, u"\\draw[->, rpcdatagram"), delivered);
        QCOMPARE(linesStartingWith(tex, u"\\draw[rpcdatagram, rpcReply"), 1);
        QCOMPARE(linesStartingWith(tex, u"\\draw[rpccross, rpcLoss]"), 1);
        QVERIFY(tex.contains(u"\\definecolor{rpcRequest}{RGB}{0,114,178}\n"));
        QVERIFY(tex.contains(u"\\definecolor{rpcReply}{RGB}{0,158,115}\n"));
        QVERIFY(tex.contains(u"\\definecolor{rpcLoss}{RGB}{208,52,44}\n"));

        const QStringList nodes = tikzNodeTexts(tex);
        QVERIFY2(nodes.contains(u"client"), qPrintable(nodes.join(u'|')));
        QVERIFY(nodes.contains(u"server"));
        QVERIFY(nodes.contains(u"Dropped reply"));
        QVERIFY(nodes.contains(u"100\\% \\& \\{x\\} \\textperiodcentered{} a\\_b"));
        QVERIFY2(nodes.contains(u"REQ \\#1 a1"), qPrintable(nodes.join(u'|')));
        QVERIFY(!tex.contains(u" #1"));
        // Every label the frame placed, escaped, and nothing left raw.
        const std::optional<diagram::ExportFrame> made = diagram::exportFrame(what, &error);
        QVERIFY2(made, qPrintable(error));
        int labels = 0;
        for (const diagram::Label &l : made->frame.labels) {
            if (!l.placed)
                continue;
            for (const QString &line : l.text.split(u'\n')) {
                QVERIFY2(nodes.contains(diagram::latexEscaped(line)), qPrintable(line));
                ++labels;
            }
        }
        QVERIFY(labels >= 6);
        for (const QString &text : nodes)
            QVERIFY2(unescapedSpecials(text).isEmpty(), qPrintable(text));
        QCOMPARE(unescapedSpecials(QStringLiteral("50% of \\#1 \\ldots{} a_b")), QStringLiteral("%_"));
        // Latin script only: pdfLaTeX will do.
        QVERIFY(!tex.contains(u"XeLaTeX"));
    }

    // The window zoomed far in, in the middle of the resent request's
    // flight: the frame's arrow reaches tens of thousands of pixels beyond
    // the view, and TeX's dimensions end at 16383 pt. What is written stays
    // near the picture, and the arrow arriving below it has no head there.
    void tikzOfAZoomedInViewStaysWithinTeXsDimensions()
    {
        diagram::DiagramExport what;
        what.log = &m_figure;
        diagram::Geometry g;
        g.width = 1000;
        g.height = 700;
        g.pixelsPerMs = 1000;
        g.scroll = 220 * g.pixelsPerMs;
        what.geometry = g;
        QString error;
        const std::optional<diagram::ExportFrame> made = diagram::exportFrame(what, &error);
        QVERIFY2(made, qPrintable(error));
        double reach = 0;
        for (const diagram::Item &item : made->frame.items)
            if (item.kind == diagram::ItemKind::Arrow)
                reach = std::max({reach, std::abs(item.line.y1()), std::abs(item.line.y2())});
        QVERIFY2(reach > 16383, qPrintable(QString::number(reach)));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("zoomed.tex"));
        QVERIFY2(diagram::exportDiagram(what, diagram::DiagramFormat::Tikz, path, &error), qPrintable(error));
        const QString tex = readAll(path);
        static const QRegularExpression point(QStringLiteral("\\((-?[0-9.]+),(-?[0-9.]+)\\)"));
        double farthest = 0;
        int points = 0;
        for (const QRegularExpressionMatch &m : point.globalMatch(tex)) {
            farthest = std::max({farthest, std::abs(m.captured(1).toDouble()), std::abs(m.captured(2).toDouble())});
            ++points;
        }
        QVERIFY(points > 10);
        QVERIFY2(farthest <= 1000 + 200, qPrintable(QString::number(farthest)));
        QVERIFY(linesStartingWith(tex, u"\\draw[rpcdatagram, rpcRequest") >= 1); // the request, cut, headless
        QVERIFY(bracesBalance(tex));
    }

    void latexEscaping_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("latex");
        QTest::addColumn<bool>("beyondPdfLatex");
        QTest::newRow("call number") << "REQ #1 a1" << "REQ \\#1 a1" << false;
        QTest::newRow("specials") << "$5 & 10% _x_ {y}" << "\\$5 \\& 10\\% \\_x\\_ \\{y\\}" << false;
        QTest::newRow("tilde caret backslash") << "~^\\" << "\\textasciitilde{}\\textasciicircum{}\\textbackslash{}"
                                               << false;
        QTest::newRow("angles and bar") << "a<b>c|d" << "a\\textless{}b\\textgreater{}c\\textbar{}d" << false;
        QTest::newRow("the diagram's symbols")
            << QStringLiteral("duplicate → not run again · ×2 …")
            << "duplicate \\ensuremath{\\rightarrow} not run again \\textperiodcentered{} \\ensuremath{\\times}2 "
               "\\ldots{}"
            << false;
        QTest::newRow("a cross") << QStringLiteral("✗ lost") << "\\ensuremath{\\times} lost" << false;
        QTest::newRow("German") << QStringLiteral("Größe: 5 µs") << QStringLiteral("Größe: 5 \\ensuremath{\\mu}s")
                                << false;
        QTest::newRow("Chinese") << QStringLiteral("丢失的回复 #1") << QStringLiteral("丢失的回复 \\#1") << true;
    }

    void latexEscaping()
    {
        QFETCH(QString, text);
        QFETCH(QString, latex);
        QFETCH(bool, beyondPdfLatex);
        bool beyond = false;
        QCOMPARE(diagram::latexEscaped(text, &beyond), latex);
        QCOMPARE(beyond, beyondPdfLatex);
    }

    // Words in another script are written as they are, and the file says
    // which engines typeset them.
    void tikzNamesTheEngineForOtherScripts()
    {
        QTemporaryDir dir;
        diagram::DiagramExport what;
        what.log = &m_figure;
        what.title = QStringLiteral("丢失的回复");
        const QString path = dir.filePath(QStringLiteral("figure.tex"));
        QString error;
        QVERIFY2(diagram::exportDiagram(what, diagram::DiagramFormat::Tikz, path, &error), qPrintable(error));
        const QString tex = readAll(path);
        QVERIFY(tikzNodeTexts(tex).contains(QStringLiteral("丢失的回复")));
        QVERIFY(tex.contains(u"XeLaTeX"));
        QVERIFY(tex.contains(u"LuaLaTeX"));
    }

    // A time range of a longer run with the key and the counter tracks, then
    // one call alone: the arrows of what is drawn, the legend's words, the
    // tracks' titles.
    void tikzKeepsTheRangeTheLegendAndTheTracks()
    {
        QTemporaryDir dir;
        diagram::DiagramExport what;
        what.log = &m_lossy;
        what.clients = 3;
        what.from = core::TimePoint(200'000);
        what.to = core::TimePoint(700'000);
        what.legend = true;
        what.tracks = true;
        const auto counts = [](const diagram::Frame &frame) {
            std::array<int, 3> n{}; // arrows, strokes, crosses
            for (const diagram::Item &item : frame.items) {
                n[0] += item.kind == diagram::ItemKind::Arrow;
                n[1] += item.kind == diagram::ItemKind::Stroke;
                n[2] += item.kind == diagram::ItemKind::Cross;
            }
            return n;
        };
        QString error;
        std::optional<diagram::ExportFrame> made = diagram::exportFrame(what, &error);
        QVERIFY2(made, qPrintable(error));
        std::array<int, 3> n = counts(made->frame);
        QVERIFY(n[0] > 10);
        QVERIFY(n[2] > 0);
        const QString path = dir.filePath(QStringLiteral("range.tex"));
        QVERIFY2(diagram::exportDiagram(what, diagram::DiagramFormat::Tikz, path, &error), qPrintable(error));
        QString tex = readAll(path);
        QVERIFY(bracesBalance(tex));
        QCOMPARE(linesStartingWith(tex, u"\\draw[->, rpcdatagram"), n[0]);
        QCOMPARE(linesStartingWith(tex, u"\\draw[rpcdatagram"), n[1] + 1); // and the legend's datagram in flight
        QCOMPARE(linesStartingWith(tex, u"\\draw[rpccross"), n[2]);
        QStringList nodes = tikzNodeTexts(tex);
        QVERIFY(nodes.contains(u"client 3"));
        QVERIFY(nodes.contains(u"handler running on the server"));
        QVERIFY(nodes.contains(u"request sent again (retry)"));
        QVERIFY(nodes.contains(u"calls open"));
        for (const QString &text : nodes)
            QVERIFY2(unescapedSpecials(text).isEmpty(), qPrintable(text));

        // The whole run has more to draw than its range.
        what.from.reset();
        what.to.reset();
        what.legend = false;
        what.tracks = false;
        QVERIFY2(diagram::exportDiagram(what, diagram::DiagramFormat::Tikz, path, &error), qPrintable(error));
        tex = readAll(path);
        QVERIFY(linesStartingWith(tex, u"\\draw[->, rpcdatagram") + linesStartingWith(tex, u"\\fill[rpcRequest")
                > n[0]);
        QVERIFY(!tikzNodeTexts(tex).contains(u"handler running on the server"));
        QVERIFY(!tikzNodeTexts(tex).contains(u"calls open"));

        what.call = std::pair{core::HostId(2), std::uint32_t(1)};
        made = diagram::exportFrame(what, &error);
        QVERIFY2(made, qPrintable(error));
        n = counts(made->frame);
        QVERIFY2(diagram::exportDiagram(what, diagram::DiagramFormat::Tikz, path, &error), qPrintable(error));
        tex = readAll(path);
        QCOMPARE(linesStartingWith(tex, u"\\draw[->, rpcdatagram"), n[0]);
        QVERIFY(tex.contains(QStringLiteral("\n% client 2 · call 1\n"))); // three lanes leave no room for a caption
        nodes = tikzNodeTexts(tex);
        for (QString &text : nodes)
            text.replace(QStringLiteral("\\#"), QStringLiteral("#"));
        QCOMPARE(callNumbersIn(nodes), QSet<int>{1});
    }

    // One call alone: its own datagrams and nothing of the calls around it.
    void selectedCallDiagram()
    {
        // Few enough arrows that every one is labelled with its call.
        session::SessionConfig config = session::scenarioConfig(QStringLiteral("lossy"));
        config.clients = 2;
        config.calls = 4;
        config.window = 1;
        trace::TraceLog log;
        session::SimNetwork(config, &log).run();
        QTemporaryDir dir;
        const std::pair call{core::HostId(2), std::uint32_t(2)};

        diagram::DiagramExport what;
        what.log = &log;
        what.clients = 2;
        what.title = QStringLiteral("Lossy");
        QString error;
        const QString whole = dir.filePath(QStringLiteral("whole.svg"));
        QVERIFY2(diagram::exportDiagram(what, diagram::DiagramFormat::Svg, whole, &error), qPrintable(error));
        const QSet<int> shown = callNumbersIn(svgTexts(whole));
        QVERIFY(shown.size() > 1);
        QVERIFY(shown.contains(2));

        what.call = call;
        const QString one = dir.filePath(QStringLiteral("call.svg"));
        QVERIFY2(diagram::exportDiagram(what, diagram::DiagramFormat::Svg, one, &error), qPrintable(error));
        const QStringList texts = svgTexts(one);
        QCOMPARE(callNumbersIn(texts), QSet<int>{2});
        QVERIFY2(texts.contains(QStringLiteral("client 2 · call 2")), qPrintable(texts.join(u'|')));

        const QString png = dir.filePath(QStringLiteral("call.png"));
        QVERIFY2(diagram::exportDiagram(what, diagram::DiagramFormat::Png, png, &error), qPrintable(error));
        QVERIFY(!QImage(png).isNull());

        what.call = std::pair{core::HostId(2), std::uint32_t(999)};
        QVERIFY(!diagram::exportDiagram(what, diagram::DiagramFormat::Svg, one, &error));
        QVERIFY2(error.contains(QStringLiteral("no events of call 2:999")), qPrintable(error));
    }

    // File > Export Selected Call: the call of the event clicked, in every format.
    void mainWindowExportsTheSelectedCall()
    {
        QTemporaryDir dir;
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("RpcScopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_export"));

        session::SessionConfig lossy;
        session::findScenario(u"lossy")->apply(lossy);
        lossy.scenario = QStringLiteral("lossy");
        lossy.clients = 3;
        lossy.calls = 60;
        const QString capture = dir.filePath(QStringLiteral("lossy.rpcscope"));
        QString error;
        QVERIFY2(capture::CaptureWriter::save(capture, lossy, {true, 3}, m_lossy.view(), {}, &error), qPrintable(error));
        widgets::MainWindow window;
        QVERIFY2(window.openCapture(capture, &error), qPrintable(error));

        const QString csv = dir.filePath(QStringLiteral("call.csv"));
        QVERIFY(!window.selectedCall());
        QVERIFY(!window.exportTo(csv, &error, true));
        QVERIFY2(error.contains(QStringLiteral("no call is selected")), qPrintable(error));

        // The server's handler start for client 3's call 5, say.
        const trace::TraceLog::View view = window.player().log().view();
        qsizetype picked = -1, expected = 0;
        for (qsizetype i = 0; i < view.size(); ++i) {
            const trace::Event &e = view.at(i);
            if (e.client == 3 && e.callId == 5) {
                ++expected;
                if (picked < 0 && e.kind == EventKind::HandlerStart)
                    picked = i;
            }
        }
        QVERIFY(picked >= 0);
        window.diagram()->selectEvent(picked);
        QCOMPARE(window.selectedCall(), (std::optional<std::pair<core::HostId, std::uint32_t>>{{3, 5}}));

        QVERIFY2(window.exportTo(csv, &error, true), qPrintable(error));
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QStringList rows = QString::fromUtf8(csvFile.readAll()).trimmed().split(u'\n');
        QCOMPARE(rows.size(), expected + 1);
        for (qsizetype i = 1; i < rows.size(); ++i) {
            QCOMPARE(csvFields(rows[i])[4], QStringLiteral("client3"));
            QCOMPARE(csvFields(rows[i])[5], QStringLiteral("5"));
        }
        const QString jsonl = dir.filePath(QStringLiteral("call.jsonl"));
        QVERIFY2(window.exportTo(jsonl, &error, true), qPrintable(error));
        QFile jsonlFile(jsonl);
        QVERIFY(jsonlFile.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(jsonlFile.readAll()).trimmed().split(u'\n').size(), expected);

        const QString svg = dir.filePath(QStringLiteral("call.svg"));
        QVERIFY2(window.exportTo(svg, &error, true), qPrintable(error));
        QCOMPARE(callNumbersIn(svgTexts(svg)), QSet<int>{5});
        const QString tex = dir.filePath(QStringLiteral("call.tex"));
        QVERIFY2(window.exportTo(tex, &error, true), qPrintable(error));
        QStringList words = tikzNodeTexts(readAll(tex));
        for (QString &text : words)
            text.replace(QStringLiteral("\\#"), QStringLiteral("#"));
        QCOMPARE(callNumbersIn(words), QSet<int>{5});
        QVERIFY2(window.exportTo(dir.filePath(QStringLiteral("view.tex")), &error), qPrintable(error));
        QVERIFY(readAll(dir.filePath(QStringLiteral("view.tex"))).contains(u"\\begin{tikzpicture}"));
        // Without the selection, the diagram in view: more than one call.
        const QString inView = dir.filePath(QStringLiteral("view.csv"));
        QVERIFY2(window.exportTo(inView, &error), qPrintable(error));
        QFile inViewFile(inView);
        QVERIFY(inViewFile.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(inViewFile.readAll()).trimmed().split(u'\n').size(), view.size() + 1);
    }

private:
    trace::TraceLog m_figure;
    trace::TraceLog m_lossy;
};

QTEST_MAIN(TestExport)
#include "tst_export.moc"
