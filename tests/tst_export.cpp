// Exports open in the programs people use: CSV with a fixed column count,
// Mermaid and PlantUML sequence text that follows their syntax, SVG that
// parses as XML, PNG that loads as an image, PDF with its signature.
#include "diagramexport.h"
#include "mainwindow.h"
#include "sequencediagramview.h"
#include "capture/capturewriter.h"
#include "export/textexport.h"
#include "net/simnetwork.h"
#include "session/scenario.h"
#include "trace/tracelog.h"

#include <QBuffer>
#include <QImage>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

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
        net::SimNetwork(figure, &m_figure).run();

        session::SessionConfig lossy;
        session::findScenario(u"lossy")->apply(lossy);
        lossy.clients = 3;
        lossy.calls = 60;
        net::SimNetwork(lossy, &m_lossy).run();
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

    // One call alone: its own datagrams and nothing of the calls around it.
    void selectedCallDiagram()
    {
        // Few enough arrows that every one is labelled with its call.
        session::SessionConfig config = session::scenarioConfig(QStringLiteral("lossy"));
        config.clients = 2;
        config.calls = 4;
        config.window = 1;
        trace::TraceLog log;
        net::SimNetwork(config, &log).run();
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
