#include "sessionargs.h"

#include "scenario.h"
#include "sessionoptions.h"

#include <QCoreApplication>

namespace rpcscope::session {

void addSessionOptions(QCommandLineParser &parser, bool translated)
{
    for (const SessionOption &o : sessionOptions()) {
        const QString def = o.current(SessionConfig{});
        const QString text =
            translated ? QCoreApplication::translate("SessionOption", "%1 [default: %2]")
                             .arg(QCoreApplication::translate("SessionOption", o.description), def)
                       : QStringLiteral("%1 [default: %2]").arg(QString::fromLatin1(o.description), def);
        parser.addOption(QCommandLineOption(QString::fromLatin1(o.name), text, QString::fromLatin1(o.valueName)));
    }
    parser.addOption(QCommandLineOption(QStringLiteral("ordered"),
                                        translated ? QCoreApplication::translate("SessionOption",
                                                                                 "short for --delivery ordered")
                                                   : QStringLiteral("short for --delivery ordered")));
}

QString readSessionOptions(const QCommandLineParser &parser, SessionConfig &config)
{
    if (parser.isSet(QStringLiteral("scenario"))) {
        const QString name = parser.value(QStringLiteral("scenario"));
        if (QString e = findSessionOption(u"scenario")->apply(config, name); !e.isEmpty())
            return QStringLiteral("invalid value '%1' for --scenario: %2").arg(name, e);
    }
    findScenario(config.scenario)->apply(config);
    for (const SessionOption &o : sessionOptions()) {
        const QString name = QString::fromLatin1(o.name);
        if (name == u"scenario" || !parser.isSet(name))
            continue;
        const QString value = parser.values(name).constLast();
        if (QString e = o.apply(config, value); !e.isEmpty())
            return QStringLiteral("invalid value '%1' for --%2: %3").arg(value, name, e);
    }
    if (parser.isSet(QStringLiteral("ordered"))) {
        if (parser.isSet(QStringLiteral("delivery")) && !config.ordered)
            return QStringLiteral("--ordered and --delivery any contradict each other");
        config.ordered = true;
    }
    return {};
}

bool anySessionOptionSet(const QCommandLineParser &parser)
{
    for (const SessionOption &o : sessionOptions())
        if (parser.isSet(QString::fromLatin1(o.name)))
            return true;
    return parser.isSet(QStringLiteral("ordered"));
}

} // namespace rpcscope::session
