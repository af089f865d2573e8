#include "greeter.rpcscope.h"
#include "rpc/rpcclient.h"
#include "rpc/rpcserver.h"
#include <QCoreApplication>
#include <cstdio>

class Greeter : public hello::GreeterServer
{
public:
    rpcscope::codegen::HandlerStatus SayHello(const hello::HelloRequest &request, hello::HelloReply &reply) override
    {
        reply.set_message("Hello, " + request.name());
        return {};
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    rpcscope::rpc::RpcServer server({});
    Greeter greeter;
    greeter.registerOn(server);
    server.start();

    rpcscope::rpc::ClientOptions options;
    options.serverPort = server.port();
    rpcscope::rpc::RpcClient client(options);
    client.start();
    hello::GreeterClient greeterClient(client);
    hello::HelloRequest request;
    request.set_name("world");
    const auto result = greeterClient.SayHelloBlocking(request);
    std::printf("%s\n", result.ok() ? result.response.message().c_str() : qPrintable(result.message));
    return result.ok() ? 0 : 1;
}
