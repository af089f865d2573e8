// Every text the GUI shows is in each committed .ts file, translated, with
// the same %1 placeholders; and the window switches language while it runs.
#include "displaynames.h"
#include "language.h"
#include "mainwindow.h"
#include "sequencediagramview.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QBarSet>
#include <QAbstractBarSeries>
#include <QAbstractAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QTabBar>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QGroupBox>
#include <QLabel>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QImage>
#include <QPainter>
#include <QTest>
#include <QXmlStreamReader>

using rpcscope::widgets::Language;
using rpcscope::widgets::MainWindow;

namespace {

struct Message
{
    QString translation;
    QString type; // "", "unfinished", "vanished", "obsolete"
    bool numerus = false;
};

// (context, source, comment) → message.
using Catalogue = QHash<QString, Message>;

QString key(const QString &context, const QString &source, const QString &comment)
{
    return context + u'\x1f' + source + u'\x1f' + comment;
}

QString describe(const QString &k)
{
    const QStringList parts = k.split(u'\x1f');
    return QStringLiteral("[%1] \"%2\"").arg(parts.value(0), parts.value(1));
}

Catalogue readTs(const QString &path)
{
    Catalogue out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return out;
    QXmlStreamReader xml(&file);
    QString context, source, comment;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == u"context") {
                context.clear();
            } else if (name == u"name") {
                context = xml.readElementText();
            } else if (name == u"message") {
                source.clear();
                comment.clear();
                message = {};
                message.numerus = xml.attributes().value(QStringLiteral("numerus")) == u"yes";
            } else if (name == u"source") {
                source = xml.readElementText();
            } else if (name == u"comment") {
                comment = xml.readElementText();
            } else if (name == u"translation") {
                message.type = xml.attributes().value(QStringLiteral("type")).toString();
                message.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            }
        } else if (xml.isEndElement() && xml.name() == u"message") {
            out.insert(key(context, source, comment), message);
        }
    }
    return out;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression marker(QStringLiteral("%(\\d+)"));
    QSet<QString> out;
    for (auto it = marker.globalMatch(text); it.hasNext();)
        out.insert(it.next().captured(0));
    return out;
}

QStringList tsFiles()
{
    return QString::fromUtf8(RPCSCOPE_TS_FILES).split(u'|', Qt::SkipEmptyParts);
}

// The titles of the menus this test knows, in menu bar order (others may be added between them).
QStringList menuTitles(MainWindow &window)
{
    QStringList titles;
    for (const char *name : {"fileMenu", "viewMenu", "scenarioMenu", "helpMenu"})
        if (auto *menu = window.menuBar()->findChild<QMenu *>(QString::fromLatin1(name)))
            titles << menu->title();
    return titles;
}

QString dockTitle(MainWindow &window, const char *name)
{
    auto *dock = window.findChild<QDockWidget *>(QString::fromLatin1(name));
    return dock ? dock->windowTitle() : QString();
}

void switchTo(const QString &code)
{
    QVERIFY(Language::instance().select(code));
    // Qt posts QEvent::LanguageChange; let it reach the widgets.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    QCoreApplication::processEvents();
}

// Every text of the window a person reads or hears (a screen reader), in
// the order its widgets and actions are found, each with where it is.
QList<std::pair<QString, QString>> textsOf(const QWidget &window)
{
    QList<std::pair<QString, QString>> out;
    // Empty texts too, so that the same text is at the same place in any language.
    const auto add = [&out](const QObject *o, const char *what, const QString &text) {
        out.append({QStringLiteral("%1 %2 %3").arg(QLatin1StringView(o->metaObject()->className()),
                                                       o->objectName(), QLatin1StringView(what)),
                        text});
    };
    for (const QAction *a : window.findChildren<QAction *>()) {
        if (a->isSeparator())
            continue;
        add(a, "text", a->text());
        add(a, "toolTip", a->toolTip());
        add(a, "statusTip", a->statusTip());
    }
    for (const QWidget *w : window.findChildren<QWidget *>()) {
        add(w, "windowTitle", w->windowTitle());
        add(w, "toolTip", w->toolTip());
        add(w, "statusTip", w->statusTip());
        add(w, "accessibleName", w->accessibleName());
        add(w, "accessibleDescription", w->accessibleDescription());
        if (const auto *menu = qobject_cast<const QMenu *>(w))
            add(w, "title", menu->title());
        if (const auto *label = qobject_cast<const QLabel *>(w))
            add(w, "text", label->text());
        if (const auto *button = qobject_cast<const QAbstractButton *>(w))
            add(w, "text", button->text());
        if (const auto *box = qobject_cast<const QGroupBox *>(w))
            add(w, "title", box->title());
        if (const auto *edit = qobject_cast<const QLineEdit *>(w))
            add(w, "placeholderText", edit->placeholderText());
        if (const auto *spin = qobject_cast<const QSpinBox *>(w)) {
            add(w, "prefix", spin->prefix());
            add(w, "suffix", spin->suffix());
            add(w, "specialValueText", spin->specialValueText());
        }
        if (const auto *spin = qobject_cast<const QDoubleSpinBox *>(w)) {
            add(w, "prefix", spin->prefix());
            add(w, "suffix", spin->suffix());
            add(w, "specialValueText", spin->specialValueText());
        }
        if (const auto *combo = qobject_cast<const QComboBox *>(w))
            for (int i = 0; i < combo->count(); ++i)
                add(w, "item", combo->itemText(i));
        if (const auto *tabs = qobject_cast<const QTabBar *>(w))
            for (int i = 0; i < tabs->count(); ++i)
                add(w, "tab", tabs->tabText(i));
        if (const auto *view = qobject_cast<const QAbstractItemView *>(w); view && view->model())
            for (int c = 0; c < view->model()->columnCount(); ++c)
                add(w, "column", view->model()->headerData(c, Qt::Horizontal).toString());
        if (const auto *chartView = qobject_cast<const QChartView *>(w); chartView && chartView->chart()) {
            const QChart *chart = chartView->chart();
            add(chart, "title", chart->title());
            for (const QAbstractAxis *axis : chart->axes())
                add(axis, "title", axis->titleText());
            for (const QAbstractSeries *series : chart->series()) {
                add(series, "name", series->name());
                if (const auto *bars = qobject_cast<const QAbstractBarSeries *>(series))
                    for (const QBarSet *set : bars->barSets())
                        add(set, "label", set->label());
            }
        }
    }
    return out;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

    QTemporaryDir m_settingsDir;
    Catalogue m_fresh; // what lupdate finds in the sources now

private slots:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("RpcScopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_translations"));

        // lupdate over the GUI's sources, as update_translations runs it, into a scratch file.
        const QString fresh = m_settingsDir.filePath(QStringLiteral("fresh.ts"));
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        QStringList args = QString::fromUtf8(RPCSCOPE_LUPDATE_OPTIONS).split(u'|', Qt::SkipEmptyParts);
        args << QStringLiteral("@" RPCSCOPE_SOURCES_LIST) << QStringLiteral("-ts") << fresh;
        lupdate.start(QStringLiteral(RPCSCOPE_LUPDATE), args);
        QVERIFY2(lupdate.waitForFinished(120'000), "lupdate did not finish");
        QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
                 lupdate.readAll().constData());
        m_fresh = readTs(fresh);
        // The GUI has hundreds of texts; a handful means lupdate read nothing.
        QVERIFY2(m_fresh.size() > 300, qPrintable(QString::number(m_fresh.size())));
    }

    void everyTextIsTranslated_data()
    {
        QTest::addColumn<QString>("ts");
        for (const QString &ts : tsFiles())
            QTest::newRow(qPrintable(QFileInfo(ts).fileName())) << ts;
    }

    // Fails when a text in the sources is missing from a committed .ts file
    // (run the update_translations target and translate what is new), or is
    // there unfinished, empty or with other placeholders than the source.
    void everyTextIsTranslated()
    {
        QFETCH(QString, ts);
        const Catalogue committed = readTs(ts);
        QVERIFY2(!committed.isEmpty(), qPrintable(ts));
        QStringList problems;
        for (auto it = m_fresh.cbegin(); it != m_fresh.cend(); ++it) {
            const auto found = committed.constFind(it.key());
            if (found == committed.cend()) {
                problems << QStringLiteral("missing: ") + describe(it.key());
                continue;
            }
            if (!found->type.isEmpty())
                problems << QStringLiteral("%1: ").arg(found->type) + describe(it.key());
            else if (found->translation.trimmed().isEmpty())
                problems << QStringLiteral("empty: ") + describe(it.key());
            else if (!found->numerus
                     && placeholders(found->translation) != placeholders(it.key().section(u'\x1f', 1, 1)))
                problems << QStringLiteral("placeholders differ: ") + describe(it.key()) + QStringLiteral(" → ")
                                + found->translation;
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void noMessageLeftUnfinished_data() { everyTextIsTranslated_data(); }

    // Nothing half-done stays in a committed file, even a text the sources
    // no longer have (update_translations drops those).
    void noMessageLeftUnfinished()
    {
        QFETCH(QString, ts);
        QStringList problems;
        const Catalogue committed = readTs(ts);
        for (auto it = committed.cbegin(); it != committed.cend(); ++it)
            if (!it->type.isEmpty() || it->translation.trimmed().isEmpty())
                problems << (it->type.isEmpty() ? QStringLiteral("empty") : it->type) + QStringLiteral(": ")
                                + describe(it.key());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void languagesComeFromTheTsFiles()
    {
        QStringList expected;
        for (const QString &ts : tsFiles())
            expected << QFileInfo(ts).completeBaseName().mid(QStringLiteral("rpcscope_").size());
        expected.sort();
        QCOMPARE(Language::available(), expected);
        QCOMPARE(Language::nativeName(QStringLiteral("zh_CN")), QStringLiteral("简体中文"));
        QCOMPARE(Language::nativeName(QStringLiteral("de")), QStringLiteral("Deutsch"));
        QCOMPARE(Language::nativeName(QStringLiteral("en")), QStringLiteral("English"));
        QVERIFY(!Language::instance().select(QStringLiteral("xx")));
    }

    // The engine's words shown in the GUI (event kinds, errors) have a
    // translation each: a new kind added without one fails here.
    void engineWordsAreTranslated()
    {
        switchTo(QStringLiteral("zh_CN"));
        for (int k = 0; k < rpcscope::trace::kEventKindCount; ++k) {
            const auto kind = rpcscope::trace::EventKind(k);
            QVERIFY2(rpcscope::widgets::displaynames::eventKind(kind) != rpcscope::trace::eventKindName(kind),
                     qPrintable(rpcscope::trace::eventKindName(kind)));
        }
        for (int e = 0; e < rpcscope::trace::kCallErrorCount; ++e) {
            const auto error = rpcscope::trace::CallError(e);
            QVERIFY2(rpcscope::widgets::displaynames::callError(error) != rpcscope::trace::callErrorName(error),
                     qPrintable(rpcscope::trace::callErrorName(error)));
        }
        switchTo(QStringLiteral("en"));
        QCOMPARE(rpcscope::widgets::displaynames::eventKind(rpcscope::trace::EventKind::Lost), QStringLiteral("lost"));
    }

    void windowSwitchesLanguageWhileRunning()
    {
        switchTo(QStringLiteral("en"));
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QStringList english{QStringLiteral("&File"), QStringLiteral("&View"), QStringLiteral("&Scenario"),
                                  QStringLiteral("&Help")};
        QCOMPARE(menuTitles(window), english);
        auto *lossLabel = [&window]() -> QLabel * {
            for (QLabel *label : window.findChildren<QLabel *>())
                if (label->buddy() && label->buddy()->objectName() == u"lossSpin")
                    return label;
            return nullptr;
        }();
        QVERIFY(lossLabel);
        QCOMPARE(lossLabel->text(), QStringLiteral("&Loss"));
        auto *backoff = window.findChild<QComboBox *>(QStringLiteral("backoffCombo"));
        QVERIFY(backoff);

        switchTo(QStringLiteral("zh_CN"));
        QCOMPARE(Language::instance().current(), QStringLiteral("zh_CN"));
        QCOMPARE(menuTitles(window), (QStringList{QStringLiteral("文件(&F)"), QStringLiteral("视图(&V)"),
                                                  QStringLiteral("场景(&S)"), QStringLiteral("帮助(&H)")}));
        QCOMPARE(dockTitle(window, "controlsDock"), QStringLiteral("控制面板"));
        QCOMPARE(dockTitle(window, "eventsDock"), QStringLiteral("事件"));
        QCOMPARE(lossLabel->text(), QStringLiteral("丢包率(&L)"));
        QCOMPARE(backoff->itemText(backoff->findData(QStringLiteral("exponential"))), QStringLiteral("指数"));
        QVERIFY2(window.windowTitle().contains(QStringLiteral("应答丢失")), qPrintable(window.windowTitle()));
        QVERIFY2(window.diagram()->accessibleName() == QStringLiteral("序列图"),
                 qPrintable(window.diagram()->accessibleName()));
        // The narration is written again in the new language.
        QVERIFY2(window.narration().contains(QRegularExpression(QStringLiteral("[\\x{4e00}-\\x{9fff}]"))),
                 qPrintable(window.narration()));

        switchTo(QStringLiteral("de"));
        QCOMPARE(menuTitles(window), (QStringList{QStringLiteral("&Datei"), QStringLiteral("&Ansicht"),
                                                  QStringLiteral("&Szenario"), QStringLiteral("&Hilfe")}));

        switchTo(QStringLiteral("en"));
        QCOMPARE(menuTitles(window), english);
        QCOMPARE(dockTitle(window, "controlsDock"), QStringLiteral("Controls"));
        QCOMPARE(lossLabel->text(), QStringLiteral("&Loss"));
        QCOMPARE(backoff->itemText(backoff->findData(QStringLiteral("exponential"))), QStringLiteral("exponential"));
    }

    // A quiz question on show is asked again in the language chosen.
    void quizQuestionFollowsTheLanguage()
    {
        switchTo(QStringLiteral("en"));
        MainWindow window;
        window.startScenario(QStringLiteral("dropped-reply"));
        window.quiz(true);
        window.reset();
        window.setSpeed(1);
        QTRY_VERIFY_WITH_TIMEOUT(!window.player().isPlaying(), 20'000);
        QVERIFY2(window.narration().startsWith(QStringLiteral("Question: ")), qPrintable(window.narration()));
        switchTo(QStringLiteral("de"));
        QVERIFY2(window.narration().startsWith(QStringLiteral("Frage: ")), qPrintable(window.narration()));
        switchTo(QStringLiteral("en"));
        QVERIFY2(window.narration().startsWith(QStringLiteral("Question: ")), qPrintable(window.narration()));
    }

    // Switched to German, no text of the window that has a German
    // translation stays English: every menu, action, dock, button, label,
    // list item and chart text is set again, not only those a test names.
    // The diagram paints its own words: after a switch they are German,
    // not left in English until the next session.
    void theDiagramSpeaksTheLanguageChosen()
    {
        switchTo(QStringLiteral("en"));
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.startScenario(QStringLiteral("dropped-reply"));
        for (int i = 0; i < 1000 && !window.player().isFinished(); ++i)
            window.player().step();
        QVERIFY(window.player().isFinished());
        const auto labels = [&] {
            window.diagram()->setPixelsPerMs(1.6);
            window.diagram()->setFollowLive(false);
            QImage image(window.diagram()->viewport()->size(), QImage::Format_ARGB32);
            QPainter painter(&image);
            window.diagram()->render(painter, image.rect());
            QStringList texts;
            for (const auto &l : window.diagram()->lastFrame().labels)
                if (l.placed)
                    texts << l.text;
            return texts;
        };
        const QStringList english = labels();
        QVERIFY2(english.contains(QStringLiteral("lost in the network")), qPrintable(english.join(u'|')));
        switchTo(QStringLiteral("de"));
        const QStringList german = labels();
        switchTo(QStringLiteral("en"));
        QVERIFY2(german.contains(QStringLiteral("im Netz verloren")), qPrintable(german.join(u'|')));
        for (const QString &text : english)
            if (!text.startsWith(QStringLiteral("REQ")) && !text.startsWith(QStringLiteral("REPLY")))
                QVERIFY2(!german.contains(text), qPrintable(QStringLiteral("still English: ") + text));
    }

    void everyTextOfTheWindowFollowsTheLanguage()
    {
        // The English texts the German file translates into something else.
        QSet<QString> translated, kept;
        for (const QString &ts : tsFiles()) {
            if (!ts.endsWith(QStringLiteral("_de.ts")))
                continue;
            const Catalogue german = readTs(ts);
            for (auto it = german.cbegin(); it != german.cend(); ++it) {
                const QString source = it.key().section(u'\x1f', 1, 1);
                (it->numerus || it->translation == source ? kept : translated).insert(source);
            }
        }
        QVERIFY(translated.size() > 300);
        translated -= kept; // the same words kept in another context ("OK", "%1 ms")

        switchTo(QStringLiteral("en"));
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QList<std::pair<QString, QString>> english = textsOf(window);
        QVERIFY(english.size() > 100);
        int checked = 0;
        for (const auto &[where, text] : english)
            checked += translated.contains(text);
        QVERIFY2(checked > 80, qPrintable(QString::number(checked)));

        switchTo(QStringLiteral("de"));
        const QList<std::pair<QString, QString>> german = textsOf(window);
        switchTo(QStringLiteral("en"));
        QCOMPARE(german.size(), english.size());
        QStringList stayedEnglish;
        for (qsizetype i = 0; i < english.size(); ++i) {
            QCOMPARE(german[i].first, english[i].first);
            if (translated.contains(english[i].second) && german[i].second == english[i].second)
                stayedEnglish << QStringLiteral("%1: \"%2\"").arg(english[i].first, english[i].second);
        }
        QVERIFY2(stayedEnglish.isEmpty(), qPrintable(stayedEnglish.join(u'\n')));
    }

    void languageMenuRemembersTheChoice()
    {
        switchTo(QStringLiteral("en"));
        MainWindow window;
        auto *menu = window.findChild<QMenu *>(QStringLiteral("languageMenu"));
        QVERIFY(menu);
        QAction *chinese = nullptr;
        QStringList names;
        for (QAction *a : menu->actions()) {
            names << a->text();
            if (a->data().toString() == u"zh_CN")
                chinese = a;
        }
        QVERIFY2(names.contains(QStringLiteral("Deutsch")) && names.contains(QStringLiteral("English")),
                 qPrintable(names.join(u',')));
        QVERIFY(chinese);
        QCOMPARE(chinese->text(), QStringLiteral("简体中文"));
        chinese->trigger();
        QCOMPARE(Language::remembered(), QStringLiteral("zh_CN"));
        QVERIFY(chinese->isChecked());
        QCOMPARE(Language::instance().current(), QStringLiteral("zh_CN"));
        switchTo(QStringLiteral("en"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
