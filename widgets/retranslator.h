#pragma once

#include <functional>
#include <utility>
#include <vector>

namespace rpcscope::widgets {

// The texts of a widget that must follow the language at run time. Each
// setter runs once when it is added and again on every retranslate(), which
// the owner calls from changeEvent() on QEvent::LanguageChange. The text is
// set next to where the widget is made, so nothing is forgotten when a
// control is added, and a sentence with arguments is translated whole.
class Retranslator
{
public:
    void add(std::function<void()> setText)
    {
        setText();
        m_setters.push_back(std::move(setText));
    }

    void retranslate() const
    {
        for (const auto &setText : m_setters)
            setText();
    }

private:
    std::vector<std::function<void()>> m_setters;
};

} // namespace rpcscope::widgets
