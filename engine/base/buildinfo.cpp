#include "buildinfo.h"

#include "rpcscope/version.h"

#include <google/protobuf/stubs/common.h>

#include <QtGlobal>

namespace rpcscope {

QString BuildInfo::programVersion()
{
    return QStringLiteral(RPCSCOPE_VERSION_STRING);
}

QString BuildInfo::qtCompileVersion()
{
    return QStringLiteral(QT_VERSION_STR);
}

QString BuildInfo::qtRuntimeVersion()
{
    return QString::fromLatin1(qVersion());
}

QString BuildInfo::protobufVersion()
{
    return QString::fromStdString(
        google::protobuf::internal::VersionString(GOOGLE_PROTOBUF_VERSION));
}

} // namespace rpcscope
