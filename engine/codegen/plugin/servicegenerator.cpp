#include "servicegenerator.h"

#include "cppnames.h"

#include <google/protobuf/compiler/cpp/names.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/io/printer.h>
#include <google/protobuf/io/zero_copy_stream.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace rpcscope::codegen {

namespace gp = google::protobuf;
using Vars = std::map<std::string, std::string>;

namespace {

struct MethodModel
{
    const gp::MethodDescriptor *method = nullptr;
    std::string cppName;      // the async client call and the server's virtual
    std::string blockingName; // the blocking client call
    std::string wireName;     // "package.Service/Method": what RequestBody.method carries
    std::string request;      // fully qualified C++ message classes, as protoc names them
    std::string response;
};

struct ServiceModel
{
    const gp::ServiceDescriptor *service = nullptr;
    std::string clientClass;
    std::string serverClass;
    std::vector<MethodModel> methods;
};

struct Parameters
{
    bool skipStreaming = false;
    // Pure virtual procedures: the compiler insists that a server implements
    // every one. Without it each answers "unimplemented" until overridden,
    // as gRPC's generated services do.
    bool abstractServer = false;
};

// A boolean parameter: `name`, `name=true` or `name=false`.
bool flag(const std::string &key, const std::string &value, const char *name, bool &out)
{
    if (key != name || !(value.empty() || value == "true" || value == "false"))
        return false;
    out = value != "false";
    return true;
}

bool parseParameters(const std::string &parameter, Parameters &out, std::string *error)
{
    std::vector<std::pair<std::string, std::string>> pairs;
    gp::compiler::ParseGeneratorParameter(parameter, &pairs);
    for (const auto &[key, value] : pairs) {
        if (!flag(key, value, "skip_streaming", out.skipStreaming) && !flag(key, value, "abstract", out.abstractServer)) {
            *error = "unknown parameter '" + key + (value.empty() ? "" : "=" + value)
                     + "'; protoc-gen-rpcscope knows 'skip_streaming' and 'abstract' (each optionally =true or "
                       "=false)";
            return false;
        }
    }
    return true;
}

std::string streamingKind(const gp::MethodDescriptor *method)
{
    if (method->client_streaming() && method->server_streaming())
        return "bidirectional streaming";
    return method->client_streaming() ? "client streaming" : "server streaming";
}

// Comments from the .proto, as `//` lines. A line ending in a backslash (or
// the trigraph for one) would splice the next generated line into the
// comment, so such a line gets a full stop after it. A carriage return is a
// line break to a C++ compiler even without a newline after it (protoc keeps
// it inside the comment), so it starts a new `//` line here: otherwise the
// rest of the comment would be compiled as code.
bool printComments(gp::io::Printer &printer, const std::string &comments)
{
    std::string text;
    text.reserve(comments.size());
    for (size_t i = 0; i < comments.size(); ++i) {
        if (comments[i] != '\r')
            text += comments[i];
        else if (i + 1 == comments.size() || comments[i + 1] != '\n')
            text += '\n';
    }
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    if (text.empty())
        return false;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        std::string line = text.substr(start, end - start);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
            line.pop_back();
        if (!line.empty() && (line.back() == '\\' || line.ends_with("?""?/")))
            line += '.';
        std::string out = "//";
        if (!line.empty())
            out += (line.front() == ' ' ? "" : " ") + line;
        printer.Print({{"line", out}}, "$line$\n"); // a value: a $ in the comment stays as it is
        start = end + 1;
    }
    return true;
}

// True if the descriptor had comments to print.
template <typename Descriptor>
bool printDocComments(gp::io::Printer &printer, const Descriptor *descriptor)
{
    gp::SourceLocation location;
    if (!descriptor->GetSourceLocation(&location))
        return false;
    const bool leading = printComments(printer, location.leading_comments);
    const bool trailing = printComments(printer, location.trailing_comments);
    return leading || trailing;
}

// A symbol protoc's C++ output (or the file's own package) already puts in
// the namespace our classes go into.
std::string existingSymbol(const gp::FileDescriptor *file, const std::string &cppName)
{
    const std::string full = file->package().empty() ? cppName : file->package() + "." + cppName;
    const gp::DescriptorPool *pool = file->pool();
    if (pool->FindMessageTypeByName(full))
        return "message " + full;
    if (pool->FindEnumTypeByName(full))
        return "enum " + full;
    if (pool->FindEnumValueByName(full))
        return "enum value " + full;
    if (pool->FindServiceByName(full))
        return "service " + full;
    return {};
}

class FileGenerator
{
public:
    FileGenerator(const gp::FileDescriptor *file, Parameters parameters)
        : m_file(file)
        , m_parameters(parameters)
    {
    }

    // Builds the model of every service; false (with every problem found,
    // one a line) if the file cannot be turned into valid C++.
    bool analyse(std::string *error);
    void writeHeader(gp::io::Printer &printer) const;
    void writeSource(gp::io::Printer &printer) const;

    std::string baseName() const { return gp::compiler::StripProto(m_file->name()); }

private:
    void fail(const std::string &what) { m_errors.push_back(what); }
    void warn(const std::string &what) const
    {
        std::cerr << m_file->name() << ": warning: " << what << std::endl;
    }
    void addMethod(ServiceModel &model, const gp::MethodDescriptor *method);
    void checkNames(const ServiceModel &model);
    void writeClient(gp::io::Printer &printer, const ServiceModel &model) const;
    void writeServer(gp::io::Printer &printer, const ServiceModel &model) const;
    void openNamespace(gp::io::Printer &printer) const;
    void closeNamespace(gp::io::Printer &printer) const;

    const gp::FileDescriptor *m_file;
    Parameters m_parameters;
    std::vector<ServiceModel> m_services;
    std::vector<std::string> m_errors;
};

bool FileGenerator::analyse(std::string *error)
{
    // The file's name goes into a comment and an #include: a line break
    // (newline or carriage return) in it would put the rest of the name on
    // a line of its own, as code, and a quote would end the #include early.
    const std::string &name = m_file->name();
    if (std::any_of(name.begin(), name.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f || c == '"'; }))
        fail("the file name holds a control character or a double quote, which generated C++ cannot "
             "name in an #include; rename the file");

    const std::string &package = m_file->package();
    size_t start = 0;
    while (!package.empty() && start <= package.size()) {
        size_t end = package.find('.', start);
        if (end == std::string::npos)
            end = package.size();
        const std::string part = package.substr(start, end - start);
        if (isReservedWord(part))
            fail("package " + package + ": '" + part
                 + "' is a C++ keyword or a macro, so it cannot name the C++ namespace; rename the package");
        start = end + 1;
    }

    for (int s = 0; s < m_file->service_count(); ++s) {
        const gp::ServiceDescriptor *service = m_file->service(s);
        ServiceModel model;
        model.service = service;
        model.clientClass = service->name() + "Client";
        model.serverClass = service->name() + "Server";
        if (service->method_count() == 0) {
            fail("service " + service->name()
                 + " declares no methods; give it at least one rpc or remove it");
            continue;
        }
        for (int m = 0; m < service->method_count(); ++m)
            addMethod(model, service->method(m));
        if (model.methods.empty()) {
            if (m_errors.empty())
                warn("service " + service->name() + " has only streaming methods; no classes are generated for it");
            continue;
        }
        checkNames(model);
        m_services.push_back(std::move(model));
    }

    if (m_errors.empty())
        return true;
    // protoc puts "<file>: " before the first line; the others get it here.
    error->clear();
    for (const std::string &e : m_errors)
        *error += (error->empty() ? "" : "\n" + m_file->name() + ": ") + e;
    return false;
}

void FileGenerator::addMethod(ServiceModel &model, const gp::MethodDescriptor *method)
{
    const std::string where = "service " + model.service->name() + ", method " + method->name();
    if (method->client_streaming() || method->server_streaming()) {
        if (m_parameters.skipStreaming) {
            warn(where + ": " + streamingKind(method) + " is not supported; skipped");
        } else {
            fail(where + ": " + streamingKind(method)
                 + " is not supported, RpcScope calls are unary (the plugin parameter skip_streaming, "
                   "SKIP_STREAMING in rpcscope_generate, leaves streaming methods out with a warning)");
        }
        return;
    }
    MethodModel m;
    m.method = method;
    m.cppName = cppIdentifier(method->name());
    m.blockingName = cppIdentifier(method->name() + "Blocking");
    m.wireName = model.service->full_name() + "/" + method->name();
    m.request = gp::compiler::cpp::QualifiedClassName(method->input_type());
    m.response = gp::compiler::cpp::QualifiedClassName(method->output_type());
    model.methods.push_back(std::move(m));
}

// Every member name of a generated class must be distinct, and the classes
// must not take a name protoc's output already uses: either would be
// broken C++, so it is an error naming both parties instead.
void FileGenerator::checkNames(const ServiceModel &model)
{
    const std::string service = "service " + model.service->name();
    for (const std::string &cls : {model.clientClass, model.serverClass}) {
        const std::string clash = existingSymbol(m_file, cls);
        if (!clash.empty())
            fail(service + ": its generated class " + cls + " has the same name as " + clash
                 + "; rename one of them");
    }

    std::map<std::string, std::string> client = {
        {model.clientClass, "the class itself"},
        {"m_client", "its RpcClient member"},
        {"flush", "its wait for every open call"}};
    std::map<std::string, std::string> server = {
        {model.serverClass, "the class itself"},
        {"registerOn", "its registration method"},
        {"procedures", "its list of procedures"}};
    auto claim = [&](std::map<std::string, std::string> &members, const std::string &cls, const std::string &name,
                     const std::string &owner) {
        const auto [it, inserted] = members.emplace(name, owner);
        if (!inserted)
            fail(service + ": in class " + cls + ", the C++ name " + name + " of " + owner + " clashes with "
                 + it->second + "; rename a method");
    };
    for (const MethodModel &m : model.methods) {
        const std::string method = "method " + m.method->name();
        claim(client, model.clientClass, m.cppName, method);
        claim(client, model.clientClass, m.blockingName, "the blocking variant of " + method);
        claim(server, model.serverClass, m.cppName, method);
    }
}

void FileGenerator::openNamespace(gp::io::Printer &printer) const
{
    if (!m_file->package().empty())
        printer.Print("namespace $ns$ {\n\n", "ns", cppNamespace(m_file->package()));
}

void FileGenerator::closeNamespace(gp::io::Printer &printer) const
{
    if (!m_file->package().empty())
        printer.Print("} // namespace $ns$\n", "ns", cppNamespace(m_file->package()));
}

void FileGenerator::writeHeader(gp::io::Printer &printer) const
{
    printer.Print(
        "// Generated by protoc-gen-rpcscope from $proto$.\n"
        "// Do not edit: change the .proto file and build again.\n"
        "#pragma once\n"
        "\n"
        "#include \"$base$.pb.h\"\n",
        "proto", m_file->name(), "base", baseName());
    if (m_services.empty()) {
        printer.Print("\n// $proto$ declares no services.\n", "proto", m_file->name());
        return;
    }
    printer.Print(
        "\n"
        "#include \"codegen/callresult.h\"\n"
        "#include \"codegen/handlerstatus.h\"\n"
        "#include \"codegen/procedure.h\"\n"
        "#include \"rpc/reply.h\"\n"
        "\n"
        "#include <QFuture>\n"
        "#include <QList>\n"
        "\n"
        "namespace rpcscope::rpc {\n"
        "class RpcClient;\n"
        "class RpcServer;\n"
        "} // namespace rpcscope::rpc\n"
        "\n");
    openNamespace(printer);
    for (const ServiceModel &model : m_services) {
        writeClient(printer, model);
        writeServer(printer, model);
    }
    closeNamespace(printer);
}

void FileGenerator::writeClient(gp::io::Printer &printer, const ServiceModel &model) const
{
    if (printDocComments(printer, model.service))
        printer.Print("//\n");
    printer.Print(
        "// Client of $service$.\n"
        "// One call per RPC, answered through a QFuture or, in the *Blocking\n"
        "// variant, by waiting. A call that fails (deadline, attempts, the\n"
        "// server's refusal) says why in its CallResult.\n"
        "class $class$\n"
        "{\n"
        "public:\n",
        "service", model.service->full_name(), "class", model.clientClass);
    printer.Indent();
    printer.Indent();
    printer.Print(
        "// Calls go through `client`, which must be started and outlive this object.\n"
        "explicit $class$(::rpcscope::rpc::RpcClient &client);\n"
        "\n"
        "// Finishes once every call made so far through the client has ended.\n"
        "::QFuture<void> flush();\n",
        "class", model.clientClass);
    for (const MethodModel &m : model.methods) {
        const Vars vars = {{"name", m.cppName},
                           {"blocking", m.blockingName},
                           {"wire", m.wireName},
                           {"request", m.request},
                           {"response", m.response}};
        printer.Print("\n");
        printDocComments(printer, m.method);
        printer.Print(vars,
                      "// On the wire: \"$wire$\".\n"
                      "::QFuture<::rpcscope::codegen::CallResult<$response$>> $name$(\n"
                      "    const $request$ &request, ::rpcscope::rpc::CallOptions options = {});\n"
                      "// $name$, waiting for the reply. Never call it on the client's engine thread.\n"
                      "::rpcscope::codegen::CallResult<$response$> $blocking$(\n"
                      "    const $request$ &request, ::rpcscope::rpc::CallOptions options = {});\n");
    }
    printer.Outdent();
    printer.Outdent();
    printer.Print(
        "\n"
        "private:\n"
        "    ::rpcscope::rpc::RpcClient &m_client;\n"
        "};\n"
        "\n");
}

void FileGenerator::writeServer(gp::io::Printer &printer, const ServiceModel &model) const
{
    if (printDocComments(printer, model.service))
        printer.Print("//\n");
    printer.Print("// Server side of $service$.\n", "service", model.service->full_name());
    if (m_parameters.abstractServer)
        printer.Print("// Implement every procedure, then registerOn() an RpcServer before\n"
                      "// starting it.");
    else
        printer.Print("// Override the procedures this server serves, then registerOn() an\n"
                      "// RpcServer before starting it. A procedure left as it is answers\n"
                      "// \"unimplemented\" with its name (STATUS_UNKNOWN_METHOD), as gRPC's do.");
    printer.Print(
        "\n"
        "// Procedures run on the server's handler threads, several at once, so\n"
        "// what they share must be thread-safe. Return HandlerStatus::failure(...)\n"
        "// to answer with an error instead of the response.\n"
        "class $class$\n"
        "{\n"
        "public:\n",
        "class", model.serverClass);
    printer.Indent();
    printer.Indent();
    printer.Print("virtual ~$class$() = default;\n", "class", model.serverClass);
    for (const MethodModel &m : model.methods) {
        const Vars vars = {
            {"name", m.cppName}, {"wire", m.wireName}, {"request", m.request}, {"response", m.response}};
        printer.Print("\n");
        printDocComments(printer, m.method);
        if (m_parameters.abstractServer)
            printer.Print(vars,
                          "// On the wire: \"$wire$\".\n"
                          "virtual ::rpcscope::codegen::HandlerStatus $name$(const $request$ &request,\n"
                          "    $response$ &response) = 0;\n");
        else
            printer.Print(vars,
                          "// On the wire: \"$wire$\".\n"
                          "virtual ::rpcscope::codegen::HandlerStatus $name$(const $request$ &request,\n"
                          "    $response$ &response);\n");
    }
    printer.Print(
        "\n"
        "// Registers every procedure above on `server` under its name on the wire.\n"
        "// Call before server.start(); this object must outlive the server's run.\n"
        "// A request that does not decode is answered with\n"
        "// STATUS_INVALID_ARGUMENT naming the method.\n"
        "void registerOn(::rpcscope::rpc::RpcServer &server);\n"
        "\n"
        "// The same procedures without a server: each one under its name on the\n"
        "// wire, as a handler of the serialized request that answers as\n"
        "// registerOn() would. A simulation in virtual time or a test calls them\n"
        "// directly. The handlers call into this object, which must outlive them.\n"
        "::QList<::rpcscope::codegen::Procedure> procedures();\n");
    printer.Outdent();
    printer.Outdent();
    printer.Print("};\n\n");
}

void FileGenerator::writeSource(gp::io::Printer &printer) const
{
    printer.Print(
        "// Generated by protoc-gen-rpcscope from $proto$.\n"
        "// Do not edit: change the .proto file and build again.\n"
        "#include \"$base$.rpcscope.h\"\n",
        "proto", m_file->name(), "base", baseName());
    if (m_services.empty())
        return;
    printer.Print(
        "\n"
        "#include \"codegen/stubs.h\"\n"
        "#include \"rpc/rpcclient.h\"\n"
        "#include \"rpc/rpcserver.h\"\n"
        "\n"
        "#include <utility>\n"
        "\n");
    openNamespace(printer);
    for (const ServiceModel &model : m_services) {
        printer.Print(
            "$class$::$class$(::rpcscope::rpc::RpcClient &client)\n"
            "    : m_client(client)\n"
            "{\n"
            "}\n"
            "\n"
            "::QFuture<void> $class$::flush()\n"
            "{\n"
            "    return m_client.flush();\n"
            "}\n"
            "\n",
            "class", model.clientClass);
        for (const MethodModel &m : model.methods) {
            const Vars vars = {{"class", model.clientClass},
                               {"name", m.cppName},
                               {"blocking", m.blockingName},
                               {"wire", m.wireName},
                               {"request", m.request},
                               {"response", m.response}};
            printer.Print(
                vars,
                "::QFuture<::rpcscope::codegen::CallResult<$response$>> $class$::$name$(\n"
                "    const $request$ &request, ::rpcscope::rpc::CallOptions options)\n"
                "{\n"
                "    return ::rpcscope::codegen::callUnary<$response$>(\n"
                "        m_client, QStringLiteral(\"$wire$\"), request, ::std::move(options));\n"
                "}\n"
                "\n"
                "::rpcscope::codegen::CallResult<$response$> $class$::$blocking$(\n"
                "    const $request$ &request, ::rpcscope::rpc::CallOptions options)\n"
                "{\n"
                "    return ::rpcscope::codegen::callUnaryBlocking<$response$>(\n"
                "        m_client, QStringLiteral(\"$wire$\"), request, ::std::move(options));\n"
                "}\n"
                "\n");
        }
        if (!m_parameters.abstractServer) {
            for (const MethodModel &m : model.methods) {
                const Vars vars = {{"class", model.serverClass},
                                   {"name", m.cppName},
                                   {"wire", m.wireName},
                                   {"request", m.request},
                                   {"response", m.response}};
                printer.Print(vars,
                              "::rpcscope::codegen::HandlerStatus $class$::$name$(const $request$ &,\n"
                              "    $response$ &)\n"
                              "{\n"
                              "    return ::rpcscope::codegen::HandlerStatus::unimplemented(QStringLiteral(\"$wire$\"));\n"
                              "}\n"
                              "\n");
            }
        }
        printer.Print(
            "void $class$::registerOn(::rpcscope::rpc::RpcServer &server)\n"
            "{\n"
            "    for (::rpcscope::codegen::Procedure &procedure : procedures())\n"
            "        server.registerHandler(procedure.method, ::std::move(procedure.handler));\n"
            "}\n"
            "\n"
            "::QList<::rpcscope::codegen::Procedure> $class$::procedures()\n"
            "{\n"
            "    ::QList<::rpcscope::codegen::Procedure> table;\n",
            "class", model.serverClass);
        for (const MethodModel &m : model.methods) {
            const Vars vars = {
                {"name", m.cppName}, {"wire", m.wireName}, {"request", m.request}, {"response", m.response}};
            printer.Print(vars,
                          "    table.append(::rpcscope::codegen::Procedure{\n"
                          "        QStringLiteral(\"$wire$\"),\n"
                          "        ::rpcscope::codegen::unaryHandler<$request$, $response$>(\n"
                          "            QStringLiteral(\"$wire$\"),\n"
                          "            [this](const $request$ &request, $response$ &response) {\n"
                          "                return this->$name$(request, response);\n"
                          "            })});\n");
        }
        printer.Print("    return table;\n}\n\n");
    }
    closeNamespace(printer);
}

} // namespace

bool ServiceGenerator::Generate(const gp::FileDescriptor *file, const std::string &parameter,
                                gp::compiler::GeneratorContext *context, std::string *error) const
{
    Parameters parameters;
    if (!parseParameters(parameter, parameters, error))
        return false;
    FileGenerator generator(file, parameters);
    if (!generator.analyse(error))
        return false;
    {
        std::unique_ptr<gp::io::ZeroCopyOutputStream> out(context->Open(generator.baseName() + ".rpcscope.h"));
        gp::io::Printer printer(out.get(), '$');
        generator.writeHeader(printer);
    }
    {
        std::unique_ptr<gp::io::ZeroCopyOutputStream> out(context->Open(generator.baseName() + ".rpcscope.cpp"));
        gp::io::Printer printer(out.get(), '$');
        generator.writeSource(printer);
    }
    return true;
}

} // namespace rpcscope::codegen
