#pragma once

#include <google/protobuf/compiler/code_generator.h>

namespace rpcscope::codegen {

// protoc-gen-rpcscope: for every `service` in a .proto file, a client class
// with one typed method per RPC (a QFuture and a blocking variant, both over
// rpc::RpcClient) and a server base class with one virtual per RPC and the
// dispatch that registers them on rpc::RpcServer. A procedure the server
// does not override answers "unimplemented" with its name, as in gRPC.
// Writes <file>.rpcscope.h and <file>.rpcscope.cpp beside protoc's <file>.pb.h.
//
// Parameters (--rpcscope_out=PARAM,PARAM:DIR): `skip_streaming` leaves
// streaming methods out with a warning instead of failing on them;
// `abstract` makes every procedure pure virtual, so that the compiler
// insists on all of them.
class ServiceGenerator final : public google::protobuf::compiler::CodeGenerator
{
public:
    bool Generate(const google::protobuf::FileDescriptor *file, const std::string &parameter,
                  google::protobuf::compiler::GeneratorContext *context, std::string *error) const override;

    // Fields are protoc's business; proto3 `optional` needs nothing from us.
    uint64_t GetSupportedFeatures() const override { return FEATURE_PROTO3_OPTIONAL; }
};

} // namespace rpcscope::codegen
