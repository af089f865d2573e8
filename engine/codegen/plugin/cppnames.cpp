#include "cppnames.h"

#include <algorithm>
#include <iterator>

namespace rpcscope::codegen {

namespace {

constexpr std::string_view kReserved[] = {
    "EOF", "FALSE", "NULL", "TRUE",
    "alignas", "alignof", "and", "and_eq", "asm", "assert", "auto",
    "bitand", "bitor", "bool", "break",
    "case", "catch", "char", "char16_t", "char32_t", "char8_t", "class", "co_await", "co_return",
    "co_yield", "compl", "concept", "const", "const_cast", "consteval", "constexpr", "constinit",
    "continue",
    "decltype", "default", "delete", "do", "double", "dynamic_cast",
    "else", "emit", "enum", "errno", "explicit", "export", "extern",
    "false", "final", "float", "for", "foreach", "forever", "friend",
    "goto",
    "if", "import", "inline", "int",
    "linux", "long",
    "major", "minor", "module", "mutable",
    "namespace", "new", "noexcept", "not", "not_eq", "nullptr",
    "offsetof", "operator", "or", "or_eq", "override",
    "private", "protected", "public",
    "qDebug", "qInfo", "qWarning", "qCritical", "qFatal",
    "register", "reinterpret_cast", "requires", "return",
    "setjmp", "short", "signals", "signed", "sizeof", "slots", "static", "static_assert",
    "static_cast", "stderr", "stdin", "stdout", "struct", "switch",
    "template", "this", "thread_local", "throw", "true", "try", "typedef", "typeid", "typename",
    "union", "unix", "unsigned", "using",
    "va_arg", "va_copy", "va_end", "va_start", "virtual", "void", "volatile",
    "wchar_t", "while",
    "xor", "xor_eq",
};

} // namespace

bool isReservedWord(std::string_view word)
{
    if (word.starts_with("Q_") || word.starts_with("QT_"))
        return true;
    return std::find(std::begin(kReserved), std::end(kReserved), word) != std::end(kReserved);
}

std::string cppIdentifier(std::string_view protoName)
{
    std::string name(protoName);
    if (isReservedWord(name))
        name += '_';
    return name;
}

std::string cppNamespace(std::string_view package)
{
    std::string out;
    for (char c : package) {
        if (c == '.')
            out += "::";
        else
            out += c;
    }
    return out;
}

} // namespace rpcscope::codegen
