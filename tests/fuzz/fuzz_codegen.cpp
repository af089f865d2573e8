// protoc-gen-rpcscope on arbitrary descriptors: the input is a
// CodeGeneratorRequest (what protoc hands the plugin) or, failing that, a
// FileDescriptorSet. Descriptors that protobuf itself would not build are
// skipped; everything else goes through the generator into memory. It must
// not crash, must explain every refusal, and what it writes must not let a
// .proto's text (comments, names) break out of the line it was put on.
#include "fuzzcheck.h"

#include "servicegenerator.h"

#include <google/protobuf/compiler/code_generator.h>
#include <google/protobuf/compiler/plugin.pb.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/stubs/logging.h>

#include <iostream>
#include <map>
#include <sstream>
#include <string>

namespace gp = google::protobuf;

namespace {

class MemoryContext final : public gp::compiler::GeneratorContext
{
public:
    gp::io::ZeroCopyOutputStream *Open(const std::string &filename) override
    {
        return new gp::io::StringOutputStream(&files[filename]);
    }
    std::map<std::string, std::string> files;
};

class SilentErrors final : public gp::DescriptorPool::ErrorCollector
{
public:
    void AddError(const std::string &, const std::string &, const gp::Message *, ErrorLocation,
                  const std::string &) override
    {
    }
};

// Generated C++ keeps every piece of .proto text on its own line: no
// carriage return a compiler would take for a line break, and no line that
// a trailing backslash (or its trigraph) joins to the next.
void checkLines(const std::string &text)
{
    RPCSCOPE_FUZZ_CHECK(text.find('\r') == std::string::npos);
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        RPCSCOPE_FUZZ_CHECK(line.empty() || line.back() != '\\');
        RPCSCOPE_FUZZ_CHECK(!line.ends_with("?""?/"));
    }
}

void generate(const gp::FileDescriptorProto *const *files, int count,
              const std::vector<std::string> &toGenerate, const std::string &parameter)
{
    gp::DescriptorPool pool;
    SilentErrors errors;
    for (int i = 0; i < count; ++i)
        if (!pool.BuildFileCollectingErrors(*files[i], &errors))
            return; // protoc would have refused it before the plugin ran
    const rpcscope::codegen::ServiceGenerator generator;
    for (const std::string &name : toGenerate) {
        const gp::FileDescriptor *file = pool.FindFileByName(name);
        if (!file)
            continue;
        MemoryContext context;
        std::string error;
        if (!generator.Generate(file, parameter, &context, &error)) {
            RPCSCOPE_FUZZ_CHECK(!error.empty());
            continue;
        }
        RPCSCOPE_FUZZ_CHECK(context.files.size() == 2);
        for (const auto &[path, text] : context.files) {
            RPCSCOPE_FUZZ_CHECK(path.ends_with(".rpcscope.h") || path.ends_with(".rpcscope.cpp"));
            checkLines(text);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const bool quiet = [] {
        gp::SetLogHandler(nullptr);       // descriptors that do not build say so in the log
        std::cerr.rdbuf(nullptr);         // the generator's warnings about skipped methods
        std::cerr.clear();
        return true;
    }();
    (void)quiet;

    gp::compiler::CodeGeneratorRequest request;
    if (request.ParseFromArray(data, int(size)) && request.proto_file_size() > 0) {
        std::vector<const gp::FileDescriptorProto *> files;
        for (const gp::FileDescriptorProto &f : request.proto_file())
            files.push_back(&f);
        const std::vector<std::string> toGenerate(request.file_to_generate().begin(),
                                                  request.file_to_generate().end());
        generate(files.data(), int(files.size()), toGenerate, request.parameter());
        return 0;
    }
    gp::FileDescriptorSet set;
    if (!set.ParseFromArray(data, int(size)))
        return 0;
    std::vector<const gp::FileDescriptorProto *> files;
    std::vector<std::string> names;
    for (const gp::FileDescriptorProto &f : set.file()) {
        files.push_back(&f);
        names.push_back(f.name());
    }
    generate(files.data(), int(files.size()), names, {});
    return 0;
}
