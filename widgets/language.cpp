#include "language.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>

namespace rpcscope::widgets {

namespace {
const auto kLanguageKey = QStringLiteral("view/language");
const auto kTranslations = QStringLiteral(":/i18n");
const auto kPrefix = QStringLiteral("rpcscope_");
} // namespace

Language &Language::instance()
{
    static Language language;
    return language;
}

QStringList Language::available()
{
    QStringList codes;
    const QStringList files = QDir(kTranslations).entryList({kPrefix + QStringLiteral("*.qm")}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        codes << file.mid(kPrefix.size()).chopped(3);
    return codes;
}

QString Language::nativeName(const QString &code)
{
    if (code == kEnglish)
        return QStringLiteral("English");
    const QLocale locale(code);
    QString name = locale.nativeLanguageName();
    // Chinese is written two ways; the name says which script this is.
    if (locale.language() == QLocale::Chinese)
        return locale.script() == QLocale::TraditionalChineseScript ? QStringLiteral("繁體中文")
                                                                    : QStringLiteral("简体中文");
    if (!name.isEmpty())
        name[0] = name[0].toUpper(); // "Deutsch", "Français", "Español"
    return name.isEmpty() ? code : name;
}

void Language::unload()
{
    if (m_programLoaded)
        QCoreApplication::removeTranslator(&m_program);
    if (m_qtLoaded)
        QCoreApplication::removeTranslator(&m_qt);
    m_programLoaded = m_qtLoaded = false;
}

bool Language::select(const QString &code)
{
    if (code != kSystem && code != kEnglish && !available().contains(code))
        return false;
    unload();
    m_chosen = code;
    if (code != kEnglish) {
        // The system's locale lists the person's languages in order of
        // preference (LANGUAGE, LC_ALL, LC_MESSAGES, LANG); load() takes the
        // first one built in, falling back from zh_CN to zh and so on.
        const QLocale locale = code == kSystem ? QLocale::system() : QLocale(code);
        if (m_program.load(locale, QStringLiteral("rpcscope"), QStringLiteral("_"), kTranslations)) {
            QCoreApplication::installTranslator(&m_program);
            m_programLoaded = true;
            // Qt's own dialogs in the same language, but only alongside ours:
            // English windows with German file dialogs would be worse than none.
            const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
            if (m_qt.load(QLocale(m_program.language()), QStringLiteral("qtbase"), QStringLiteral("_"), qtDir)) {
                QCoreApplication::installTranslator(&m_qt);
                m_qtLoaded = true;
            }
        }
    }
    Q_EMIT changed();
    return true;
}

bool Language::selectAndRemember(const QString &code)
{
    if (!select(code))
        return false;
    QSettings().setValue(kLanguageKey, code);
    return true;
}

QString Language::remembered()
{
    return QSettings().value(kLanguageKey, QString()).toString();
}

void Language::restore()
{
    if (!select(remembered()))
        select(kSystem.toString()); // a language no longer built in
}

QString Language::current() const
{
    return m_programLoaded ? m_program.language() : kEnglish.toString();
}

} // namespace rpcscope::widgets
