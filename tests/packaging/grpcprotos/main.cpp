// gRPC's own services served by RpcScope: each server overrides one method
// of a many-method service; the rest answer "unimplemented" with their
// names, as gRPC's servers do. Prints one line per call, and exits 0 only
// if every answer is the one expected.
#include "grpc/channelz/v1/channelz.rpcscope.h"
#include "grpc/health/v1/health.rpcscope.h"
#include "grpc/testing/test.rpcscope.h"

#include "rpc/rpcclient.h"
#include "rpc/rpcserver.h"

#include <QCoreApplication>

#include <cstdio>

namespace {

using rpcscope::codegen::HandlerStatus;

class TestService final : public grpc::testing::TestServiceServer
{
public:
    // As gRPC's interop server: a payload of the size asked for.
    HandlerStatus UnaryCall(const grpc::testing::SimpleRequest &request,
                            grpc::testing::SimpleResponse &response) override
    {
        if (request.response_size() < 0 || request.response_size() > 1 << 20)
            return HandlerStatus::failure(QStringLiteral("response_size out of range"),
                                          rpcscope::wire::STATUS_INVALID_ARGUMENT);
        response.mutable_payload()->set_body(std::string(std::size_t(request.response_size()), '\0'));
        response.set_username("rpcscope");
        return {};
    }
};

class Channelz final : public grpc::channelz::v1::ChannelzServer
{
public:
    HandlerStatus GetServers(const grpc::channelz::v1::GetServersRequest &,
                             grpc::channelz::v1::GetServersResponse &response) override
    {
        grpc::channelz::v1::Server *server = response.add_server();
        server->mutable_ref()->set_server_id(1);
        server->mutable_ref()->set_name("rpcscope");
        server->mutable_data()->set_calls_started(1);
        response.set_end(true);
        return {};
    }
};

class Health final : public grpc::health::v1::HealthServer
{
public:
    HandlerStatus Check(const grpc::health::v1::HealthCheckRequest &,
                        grpc::health::v1::HealthCheckResponse &response) override
    {
        response.set_status(grpc::health::v1::HealthCheckResponse::SERVING);
        return {};
    }
};

int wrong = 0;

template <typename Result>
void expectOk(const char *what, const Result &result, bool right)
{
    std::printf("%s: %s\n", what, result.ok() ? "ok" : qPrintable(result.message));
    wrong += !result.ok() || !right;
}

template <typename Result>
void expectUnimplemented(const char *what, const Result &result, const char *method)
{
    std::printf("%s: %s\n", what, result.ok() ? "ok?" : qPrintable(result.message));
    wrong += result.status != rpcscope::wire::STATUS_UNKNOWN_METHOD
             || !result.message.contains(QLatin1StringView("unimplemented: ") + QLatin1StringView(method));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    rpcscope::rpc::RpcServer server({});
    TestService test;
    Channelz channelz;
    Health health;
    test.registerOn(server);
    channelz.registerOn(server);
    health.registerOn(server);
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    rpcscope::rpc::ClientOptions options;
    options.serverPort = server.port();
    rpcscope::rpc::RpcClient rpc(options);
    if (!rpc.start(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }

    grpc::testing::TestServiceClient testClient(rpc);
    grpc::testing::SimpleRequest request;
    request.set_response_size(314);
    const auto unary = testClient.UnaryCallBlocking(request);
    expectOk("TestService/UnaryCall", unary, unary.response.payload().body().size() == 314);
    expectUnimplemented("TestService/EmptyCall", testClient.EmptyCallBlocking(grpc::testing::Empty()),
                        "grpc.testing.TestService/EmptyCall");
    expectUnimplemented("TestService/UnimplementedCall", testClient.UnimplementedCallBlocking(grpc::testing::Empty()),
                        "grpc.testing.TestService/UnimplementedCall");
    // A service nobody registered: the server itself knows no such method.
    grpc::testing::UnimplementedServiceClient unregistered(rpc);
    const auto none = unregistered.UnimplementedCallBlocking(grpc::testing::Empty());
    std::printf("UnimplementedService/UnimplementedCall: %s\n", none.ok() ? "ok?" : qPrintable(none.message));
    wrong += none.status != rpcscope::wire::STATUS_UNKNOWN_METHOD;

    grpc::channelz::v1::ChannelzClient channelzClient(rpc);
    const auto servers = channelzClient.GetServersBlocking(grpc::channelz::v1::GetServersRequest());
    expectOk("Channelz/GetServers", servers,
             servers.response.server_size() == 1 && servers.response.server(0).ref().name() == "rpcscope");
    expectUnimplemented("Channelz/GetSocket", channelzClient.GetSocketBlocking(grpc::channelz::v1::GetSocketRequest()),
                        "grpc.channelz.v1.Channelz/GetSocket");

    grpc::health::v1::HealthClient healthClient(rpc);
    const auto check = healthClient.CheckBlocking(grpc::health::v1::HealthCheckRequest());
    expectOk("Health/Check", check, check.response.status() == grpc::health::v1::HealthCheckResponse::SERVING);

    if (wrong == 0)
        std::printf("every answer as expected\n");
    else
        std::printf("%d answers were wrong\n", wrong);
    return wrong == 0 ? 0 : 1;
}
