#pragma once

// What a fuzz target does when an invariant fails: say which, and stop, so
// that libFuzzer (or the standalone driver) reports the input that did it.
// Plain C++: the generator's target uses it without Qt.
#include <cstdio>
#include <cstdlib>

namespace rpcscope::fuzz {

[[noreturn]] inline void violated(const char *what)
{
    std::fprintf(stderr, "fuzz invariant violated: %s\n", what);
    std::abort();
}

#define RPCSCOPE_FUZZ_CHECK(condition)                                                                  \
    do {                                                                                                \
        if (!(condition))                                                                               \
            ::rpcscope::fuzz::violated(#condition " (" __FILE__ ":" RPCSCOPE_FUZZ_STR(__LINE__) ")");   \
    } while (false)
#define RPCSCOPE_FUZZ_STR(x) RPCSCOPE_FUZZ_STR2(x)
#define RPCSCOPE_FUZZ_STR2(x) #x

} // namespace rpcscope::fuzz
