#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTranslator>

namespace rpcscope::widgets {

// The language the program speaks: the system's, or one chosen in
// View > Language (remembered in QSettings), switched while it runs.
//
// The languages offered are the translations built into the program
// (:/i18n/rpcscope_<code>.qm, one per .ts file in translations/), plus
// English, the language of the source. Installing or removing a translator
// makes Qt send QEvent::LanguageChange to every widget, which then sets its
// texts again (see Retranslator). Qt's own texts (standard dialogs, context
// menus) follow from Qt's qtbase_<code>.qm when it is installed.
class Language : public QObject
{
    Q_OBJECT

public:
    // What "no choice" means: follow the system's locale.
    static constexpr QStringView kSystem = u"";
    static constexpr QStringView kEnglish = u"en";

    static Language &instance();

    // Codes of the built-in translations, sorted: "de", "zh_CN".
    static QStringList available();
    // The language's name in itself ("Deutsch", "简体中文", "English"), so a
    // person finds their own language whatever the program speaks now.
    static QString nativeName(const QString &code);

    // Switches to `code`: kSystem, kEnglish or one of available(). Returns
    // false (and changes nothing) for a language that is not built in.
    bool select(const QString &code);
    // select(), remembering the choice for the next start.
    bool selectAndRemember(const QString &code);
    // Selects what was remembered (the system's language if nothing was).
    void restore();
    static QString remembered();

    // What select() was last given.
    QString chosen() const { return m_chosen; }
    // The language in effect: "en" when no translation is loaded.
    QString current() const;

Q_SIGNALS:
    void changed();

private:
    Language() = default;
    void unload();

    QTranslator m_program;
    QTranslator m_qt;
    bool m_programLoaded = false;
    bool m_qtLoaded = false;
    QString m_chosen;
};

} // namespace rpcscope::widgets
