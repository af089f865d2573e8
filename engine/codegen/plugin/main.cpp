// protoc runs this as a plugin: `protoc --plugin=protoc-gen-rpcscope=PATH
// --rpcscope_out=DIR file.proto`, or through rpcscope_generate() in CMake.
#include "servicegenerator.h"

#include <google/protobuf/compiler/plugin.h>

int main(int argc, char *argv[])
{
    rpcscope::codegen::ServiceGenerator generator;
    return google::protobuf::compiler::PluginMain(argc, argv, &generator);
}
