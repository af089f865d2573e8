#pragma once

#include <QString>

namespace rpcscope {

// Versions of the program and of the libraries it was built with, for
// --version, the About dialog and the header of capture files.
struct BuildInfo
{
    static QString programVersion();
    static QString qtCompileVersion();
    static QString qtRuntimeVersion();
    static QString protobufVersion();
};

} // namespace rpcscope
