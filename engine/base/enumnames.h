#pragma once

#include <QLatin1StringView>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <array>
#include <cstddef>
#include <optional>

namespace rpcscope {

// How an enum's values are spelled in JSON, CSV, captures and on the
// command line: one name per value, in the enum's order (value i is
// names[i]). One table serves both directions, so a name and its value can
// never disagree.
template <typename Enum, std::size_t N>
class EnumNames
{
public:
    constexpr explicit EnumNames(std::array<const char *, N> names)
        : m_names(names)
    {
    }

    // The value's name; `unknown` for a value past the table.
    QString name(Enum value, const char *unknown = "?") const
    {
        const auto i = std::size_t(value);
        return QString::fromLatin1(i < N ? m_names[i] : unknown);
    }

    // Every name, in the enum's order: the choices an option offers.
    QStringList names() const
    {
        QStringList all;
        all.reserve(qsizetype(N));
        for (const char *name : m_names)
            all << QString::fromLatin1(name);
        return all;
    }

    std::optional<Enum> value(QStringView name) const
    {
        for (std::size_t i = 0; i < N; ++i)
            if (name == QLatin1StringView(m_names[i]))
                return Enum(i);
        return std::nullopt;
    }

private:
    std::array<const char *, N> m_names;
};

} // namespace rpcscope
