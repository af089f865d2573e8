#pragma once

#include <string>
#include <string_view>

namespace rpcscope::codegen {

// True for a word that cannot name a C++ function or namespace as written:
// a keyword or alternative token of C++20, or a macro that headers generated
// code includes are known to define (Qt's `emit`, `signals`, `slots`,
// `foreach`, `forever`; the C library's `assert`, `errno`, ...; anything
// starting with Q_ or QT_).
bool isReservedWord(std::string_view word);

// The identifier generated code uses for a .proto name: the name itself, or
// with an underscore appended when it is a reserved word ("delete" →
// "delete_"), the way protoc's C++ output treats keywords.
std::string cppIdentifier(std::string_view protoName);

// "a.b.c" → "a::b::c".
std::string cppNamespace(std::string_view package);

} // namespace rpcscope::codegen
