#pragma once

#include "rpc/service.h"

#include <QStringList>
#include <QStringView>

#include <memory>

namespace rpcscope::services {

// The example services a session or `rpcscope-cli serve` can run, by name.
QStringList serviceNames(); // echo, counter, file, slowjob
std::unique_ptr<rpc::Service> makeService(QStringView name); // null for an unknown name

} // namespace rpcscope::services
