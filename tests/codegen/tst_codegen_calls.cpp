// Generated stubs and skeletons, compiled and called end to end: an
// RpcServer on 127.0.0.1 with generated servers registered, an RpcClient
// under the generated clients. Every wait is bounded by a call deadline; no
// test looks at the clock.
#include "codegen/stubs.h"
#include "common/shared.rpcscope.h"
#include "greeter.rpcscope.h"
#include "messages_only.rpcscope.h"
#include "nopackage.rpcscope.h"
#include "rpc/rpcclient.h"
#include "rpc/rpcserver.h"
#include "services/counterprocedures.h"
#include "services/counterservice.h"
#include "services/echoprocedures.h"
#include "services/echoservice.h"
#include "services/fileservice.h"
#include "services/filetransferprocedures.h"
#include "services/slowjobprocedures.h"

#include "../loopback.h"

#include <QCryptographicHash>
#include <QTest>
#include <QtEndian>

#include <cstring>
#include <limits>
#include <QUdpSocket>

#include <stdexcept>
#include <type_traits>

using namespace rpcscope;
using trace::CallError;

namespace {

core::RetryConfig quickRetry()
{
    return testsupport::quickRetry(20, core::Duration(10'000'000));
}

rpc::ClientOptions clientFor(const rpc::RpcServer &server)
{
    return testsupport::clientFor(server, quickRetry(), 7);
}

// rpcscope_generate(... ABSTRACT) makes every procedure pure virtual, so
// the compiler insists; by default each has an "unimplemented" answer.
static_assert(std::is_abstract_v<acme::common::LivenessServer>);
static_assert(!std::is_abstract_v<acme::greeting::v1::GreeterServer>);

class Greeter final : public acme::greeting::v1::GreeterServer
{
public:
    using HelloRequest = acme::greeting::v1::HelloRequest;
    using HelloReply = acme::greeting::v1::HelloReply;
    using Roster = acme::greeting::v1::Roster;
    using Entry = acme::greeting::v1::Roster_Entry;

    codegen::HandlerStatus SayHello(const HelloRequest &request, HelloReply &response) override
    {
        const std::string greeting = request.has_greeting() ? request.greeting() : "Hello";
        response.set_message(greeting + ", " + request.name());
        return {};
    }
    codegen::HandlerStatus sayGoodbye(const HelloRequest &request, HelloReply &) override
    {
        if (request.name() == "throw")
            throw std::runtime_error("asked to throw");
        return codegen::HandlerStatus::failure(QStringLiteral("no goodbyes for %1").arg(
            QString::fromStdString(request.name())));
    }
    codegen::HandlerStatus LIST_FRIENDS(const google::protobuf::Empty &, Roster &response) override
    {
        Entry *entry = response.add_entries();
        entry->set_name("ada");
        entry->set_mood(Entry::MOOD_HAPPY);
        return {};
    }
    codegen::HandlerStatus delete_(const Entry &request, google::protobuf::Empty &) override
    {
        deleted.push_back(request.name());
        return {};
    }
    codegen::HandlerStatus class_(const Entry &request, Entry &response) override
    {
        response = request;
        response.set_name(request.name() + " (classified)");
        return {};
    }
    codegen::HandlerStatus emit_(const google::protobuf::Empty &, google::protobuf::Timestamp &response) override
    {
        response.set_seconds(1'700'000'000);
        return {};
    }

    std::vector<std::string> deleted; // one client calls at a time in these tests
};

class Clock final : public acme::greeting::v1::ClockServer
{
public:
    codegen::HandlerStatus Now(const acme::common::Ping &request, google::protobuf::Timestamp &response) override
    {
        response.set_seconds(std::int64_t(request.sequence()));
        return {};
    }
};

class Liveness final : public acme::common::LivenessServer
{
public:
    codegen::HandlerStatus Check(const acme::common::Ping &request, acme::common::Pong &response) override
    {
        if (request.note() == "forget the sequence")
            return {}; // leaves the required field unset
        response.set_sequence(request.sequence());
        return {};
    }
};

class Stats final : public StatsServer
{
public:
    codegen::HandlerStatus Summarise(const Sample &request, Summary &response) override
    {
        response.set_count(1);
        response.set_mean(request.value());
        return {};
    }
};

} // namespace

class TestCodegenCalls : public QObject
{
    Q_OBJECT

private slots:
    void echo()
    {
        rpc::RpcServer server({});
        services::EchoProcedures procedures;
        procedures.registerOn(server);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        rpc::RpcClient client(clientFor(server));
        QVERIFY2(client.start(&error), qPrintable(error));
        services::EchoClient echo(client);

        services::EchoRequest request;
        request.set_payload(std::string("hello\0world", 11));
        const auto blocking = echo.EchoBlocking(request);
        QVERIFY2(blocking.ok(), qPrintable(blocking.message));
        QCOMPARE(blocking.response.payload(), request.payload());
        QVERIFY(blocking.attempts >= 1);

        request.set_payload("async");
        QFuture<codegen::CallResult<services::EchoReply>> future = echo.Echo(request);
        future.waitForFinished();
        QCOMPARE(future.resultCount(), 1);
        QVERIFY2(future.result().ok(), qPrintable(future.result().message));
        QCOMPARE(future.result().response.payload(), "async");
    }

    // The generated client's flush(): every call made through it has ended
    // by the time it finishes.
    void flushWaitsForEveryCall()
    {
        rpc::RpcServer server({});
        services::EchoProcedures procedures;
        procedures.registerOn(server);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        rpc::RpcClient client(clientFor(server));
        QVERIFY2(client.start(&error), qPrintable(error));
        services::EchoClient echo(client);
        QList<QFuture<codegen::CallResult<services::EchoReply>>> calls;
        for (int i = 0; i < 20; ++i) {
            services::EchoRequest request;
            request.set_payload(std::to_string(i));
            calls << echo.Echo(request);
        }
        echo.flush().waitForFinished();
        for (int i = 0; i < 20; ++i) {
            QVERIFY(calls[i].isFinished());
            QCOMPARE(calls[i].result().response.payload(), std::to_string(i));
        }
    }

    // A file in fragmented chunks through the generated FileTransfer: the
    // receiver's SHA-256 of the whole file matches the sender's; a chunk
    // that claims another digest fails the call that completes the file.
    void fileTransferIsCheckedEndToEnd()
    {
        for (const bool honest : {true, false}) {
            rpc::RpcServer server({});
            services::FileTransferProcedures file;
            file.registerOn(server);
            QString error;
            QVERIFY2(server.start(&error), qPrintable(error));
            rpc::RpcClient client(clientFor(server));
            QVERIFY2(client.start(&error), qPrintable(error));
            services::FileTransferClient transfer(client);

            QByteArray bytes(100'000, Qt::Uninitialized);
            for (qsizetype i = 0; i < bytes.size(); ++i)
                bytes[i] = char((i * 131) >> 4);
            QByteArray digest = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
            if (!honest)
                digest[0] = char(digest[0] ^ 1);
            constexpr qsizetype kChunk = 30'000; // several datagrams each
            for (qsizetype at = 0; at < bytes.size(); at += kChunk) {
                services::FileChunk chunk;
                chunk.set_offset(at);
                chunk.set_file_size(bytes.size());
                chunk.set_file_sha256(digest.constData(), std::size_t(digest.size()));
                const QByteArray part = bytes.mid(at, kChunk);
                chunk.set_data(part.constData(), std::size_t(part.size()));
                const auto result = transfer.PutBlocking(chunk);
                const bool last = at + kChunk >= bytes.size();
                if (!honest && last) {
                    QCOMPARE(result.status, wire::STATUS_HANDLER_ERROR);
                    QVERIFY2(result.message.contains(u"end-to-end check failed"), qPrintable(result.message));
                    continue;
                }
                QVERIFY2(result.ok(), qPrintable(result.message));
                QCOMPARE(result.response.received_bytes(), std::min<qsizetype>(at + kChunk, bytes.size()));
                QCOMPARE(result.response.verified(), last);
            }
            QCOMPARE(file.status().verified(), honest);
        }
    }

    // Add is not idempotent. The first reply is dropped, the client sends
    // the request again, and the server answers from its reply cache: the
    // total shows one execution.
    void counterAddRunsOnceWhenTheReplyIsLost()
    {
        rpc::ServerOptions so;
        netem::ScriptedFault dropFirstReply;
        dropFirstReply.kind = wire::DatagramKind::Reply;
        so.faults = {dropFirstReply};
        so.seed = 3;
        rpc::RpcServer server(so);
        services::CounterProcedures procedures;
        procedures.registerOn(server);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        rpc::RpcClient client(clientFor(server));
        QVERIFY2(client.start(&error), qPrintable(error));
        services::CounterClient counter(client);

        services::AddRequest add;
        add.set_amount(5);
        const auto added = counter.AddBlocking(add);
        QVERIFY2(added.ok(), qPrintable(added.message));
        QCOMPARE(added.response.total(), 5);
        QVERIFY2(added.attempts >= 2, "the dropped reply should have cost a second attempt");
        QCOMPARE(procedures.adds(), 1u);

        const auto got = counter.GetBlocking(google::protobuf::Empty());
        QVERIFY2(got.ok(), qPrintable(got.message));
        QCOMPARE(got.response.total(), 5);
        QCOMPARE(procedures.total(), 5);
    }

    void slowJobRunsForTheTimeAsked()
    {
        rpc::RpcServer server({});
        services::SlowJobProcedures procedures;
        procedures.registerOn(server);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        rpc::RpcClient client(clientFor(server));
        QVERIFY2(client.start(&error), qPrintable(error));
        services::SlowJobClient jobs(client);

        services::JobRequest request;
        request.set_duration_ms(150);
        request.set_label("short");
        const auto done = jobs.RunBlocking(request);
        QVERIFY2(done.ok(), qPrintable(done.message));
        QCOMPARE(done.response.label(), "short");
        QCOMPARE(done.response.duration_ms(), 150u);
        QCOMPARE(procedures.runs(), 1u);

        request.set_duration_ms(services::SlowJobProcedures::kMaxDurationMs + 1);
        const auto tooLong = jobs.RunBlocking(request);
        QCOMPARE(tooLong.error, CallError::Rejected);
        QCOMPARE(tooLong.status, wire::STATUS_INVALID_ARGUMENT);
        QVERIFY2(tooLong.message.contains(u"over the limit"), qPrintable(tooLong.message));

        // A job far longer than the test, cut short: the call still ends.
        request.set_duration_ms(services::SlowJobProcedures::kMaxDurationMs);
        request.set_label("long");
        auto future = jobs.Run(request);
        QTRY_COMPARE_WITH_TIMEOUT(procedures.runs(), 2u, 10'000);
        procedures.release();
        future.waitForFinished();
        QCOMPARE(future.result().error, CallError::Rejected);
        QCOMPARE(future.result().status, wire::STATUS_HANDLER_ERROR);
        QVERIFY2(future.result().message.contains(u"'long' was released"), qPrintable(future.result().message));
    }

    // Names as people write them: lower camel, upper snake, C++ keywords and
    // a Qt macro, nested messages, well-known types, a proto3 optional field,
    // a second service in the same file, a message from an import.
    void everyKindOfMethodName()
    {
        rpc::RpcServer server({});
        Greeter greeter;
        Clock clock;
        greeter.registerOn(server);
        clock.registerOn(server);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        rpc::RpcClient client(clientFor(server));
        QVERIFY2(client.start(&error), qPrintable(error));
        acme::greeting::v1::GreeterClient greeterClient(client);
        acme::greeting::v1::ClockClient clockClient(client);

        acme::greeting::v1::HelloRequest hello;
        hello.set_name("Ada");
        auto reply = greeterClient.SayHelloBlocking(hello);
        QVERIFY2(reply.ok(), qPrintable(reply.message));
        QCOMPARE(reply.response.message(), "Hello, Ada");
        hello.set_greeting("Good morning");
        QCOMPARE(greeterClient.SayHelloBlocking(hello).response.message(), "Good morning, Ada");

        const auto friends = greeterClient.LIST_FRIENDSBlocking({});
        QVERIFY2(friends.ok(), qPrintable(friends.message));
        QCOMPARE(friends.response.entries_size(), 1);
        QCOMPARE(friends.response.entries(0).mood(), acme::greeting::v1::Roster_Entry::MOOD_HAPPY);

        acme::greeting::v1::Roster::Entry entry;
        entry.set_name("bob");
        const auto deleted = greeterClient.deleteBlocking(entry);
        QVERIFY2(deleted.ok(), qPrintable(deleted.message));
        QCOMPARE(greeter.deleted, std::vector<std::string>{"bob"});

        auto classified = greeterClient.class_(entry);
        classified.waitForFinished();
        QVERIFY2(classified.result().ok(), qPrintable(classified.result().message));
        QCOMPARE(classified.result().response.name(), "bob (classified)");

        auto emitted = greeterClient.emit_({});
        emitted.waitForFinished();
        QCOMPARE(emitted.result().response.seconds(), 1'700'000'000);

        acme::common::Ping ping;
        ping.set_sequence(42);
        const auto now = clockClient.NowBlocking(ping);
        QVERIFY2(now.ok(), qPrintable(now.message));
        QCOMPARE(now.response.seconds(), 42);

        // The names on the wire are the .proto's, not the C++ ones.
        const rpc::Reply raw = client.callBlocking(QStringLiteral("acme.greeting.v1.Greeter/delete"),
                                                   codegen::encodeMessage(entry));
        QVERIFY2(raw.ok(), qPrintable(raw.message));
        QCOMPARE(greeter.deleted.size(), 2u);
    }

    void procedureFailuresReachTheCaller()
    {
        rpc::RpcServer server({});
        Greeter greeter;
        greeter.registerOn(server);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        rpc::RpcClient client(clientFor(server));
        QVERIFY2(client.start(&error), qPrintable(error));
        acme::greeting::v1::GreeterClient greeterClient(client);

        acme::greeting::v1::HelloRequest hello;
        hello.set_name("Ada");
        const auto refused = greeterClient.sayGoodbyeBlocking(hello);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error, CallError::Rejected);
        QCOMPARE(refused.status, wire::STATUS_HANDLER_ERROR);
        QCOMPARE(refused.message, QStringLiteral("no goodbyes for Ada"));

        hello.set_name("throw");
        const auto thrown = greeterClient.sayGoodbyeBlocking(hello);
        QCOMPARE(thrown.status, wire::STATUS_HANDLER_ERROR);
        QVERIFY2(thrown.message.contains(u"acme.greeting.v1.Greeter/sayGoodbye failed: asked to throw"),
                 qPrintable(thrown.message));
    }

    // A server overrides only what it serves: the rest answer
    // "unimplemented" with their names on the wire, as gRPC's do, and are
    // still registered (the server does not answer "no such method" for
    // them on its own).
    void proceduresNotOverriddenAnswerUnimplemented()
    {
        class OnlyHello final : public acme::greeting::v1::GreeterServer
        {
        public:
            codegen::HandlerStatus SayHello(const acme::greeting::v1::HelloRequest &request,
                                            acme::greeting::v1::HelloReply &response) override
            {
                response.set_message("Hello, " + request.name());
                return {};
            }
        };
        rpc::RpcServer server({});
        OnlyHello greeter;
        greeter.registerOn(server);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        rpc::RpcClient client(clientFor(server));
        QVERIFY2(client.start(&error), qPrintable(error));
        acme::greeting::v1::GreeterClient greeterClient(client);

        acme::greeting::v1::HelloRequest hello;
        hello.set_name("Ada");
        const auto served = greeterClient.SayHelloBlocking(hello);
        QVERIFY2(served.ok(), qPrintable(served.message));
        QCOMPARE(served.response.message(), std::string("Hello, Ada"));

        const auto goodbye = greeterClient.sayGoodbyeBlocking(hello);
        QVERIFY(!goodbye.ok());
        QCOMPARE(goodbye.error, CallError::Rejected);
        QCOMPARE(goodbye.status, wire::STATUS_UNKNOWN_METHOD);
        QVERIFY2(goodbye.message.contains(u"unimplemented: acme.greeting.v1.Greeter/sayGoodbye"),
                 qPrintable(goodbye.message));
        const auto keyword = greeterClient.deleteBlocking(acme::greeting::v1::Roster_Entry());
        QCOMPARE(keyword.status, wire::STATUS_UNKNOWN_METHOD);
        QVERIFY2(keyword.message.contains(u"unimplemented: acme.greeting.v1.Greeter/delete"),
                 qPrintable(keyword.message));
        // Every method is registered, overridden or not.
        QCOMPARE(greeter.procedures().size(), 6);
    }

    // The skeleton's procedures called directly, with no server and no
    // socket (what a simulation in virtual time does): one per method, in
    // the .proto's order, under its wire name, answering as registerOn()
    // would, failures and exceptions included.
    void proceduresRunWithoutAServer()
    {
        Greeter greeter;
        const QList<codegen::Procedure> procedures = greeter.procedures();
        QStringList methods;
        for (const codegen::Procedure &procedure : procedures)
            methods << procedure.method;
        const QString prefix = QStringLiteral("acme.greeting.v1.Greeter/");
        QStringList expected;
        for (const char *name : {"SayHello", "sayGoodbye", "LIST_FRIENDS", "delete", "class", "emit"})
            expected << prefix + QLatin1String(name);
        QCOMPARE(methods, expected);

        acme::greeting::v1::HelloRequest hello;
        hello.set_name("Ada");
        const rpc::HandlerResult said = procedures[0].handler(codegen::encodeMessage(hello));
        QCOMPARE(said.status, wire::STATUS_OK);
        acme::greeting::v1::HelloReply reply;
        QVERIFY(codegen::decodeMessage(said.result, reply));
        QCOMPARE(reply.message(), std::string("Hello, Ada"));

        const rpc::HandlerResult refused = procedures[1].handler(codegen::encodeMessage(hello));
        QCOMPARE(refused.status, wire::STATUS_HANDLER_ERROR);
        QCOMPARE(refused.message, QStringLiteral("no goodbyes for Ada"));
        hello.set_name("throw");
        const rpc::HandlerResult thrown = procedures[1].handler(codegen::encodeMessage(hello));
        QCOMPARE(thrown.status, wire::STATUS_HANDLER_ERROR);
        QVERIFY2(thrown.message.contains(u"asked to throw"), qPrintable(thrown.message));

        const rpc::HandlerResult garbled = procedures[0].handler(QByteArray("\x0a\x05" "ab", 4));
        QCOMPARE(garbled.status, wire::STATUS_INVALID_ARGUMENT);
        QVERIFY2(garbled.message.contains(prefix + QStringLiteral("SayHello")), qPrintable(garbled.message));

        acme::greeting::v1::Roster_Entry entry;
        entry.set_name("bob");
        QCOMPARE(procedures[3].handler(codegen::encodeMessage(entry)).status, wire::STATUS_OK);
        QCOMPARE(greeter.deleted, std::vector<std::string>{"bob"});
    }

    // The counter the scenarios run is the generated Counter: its wire names
    // reach the generated procedures, and the plain `add` with 8-byte
    // integers adds to the same total.
    void counterServiceIsTheGeneratedCounter()
    {
        services::CounterService counter;
        const QString add = QStringLiteral("rpcscope.services.Counter/Add");
        QCOMPARE(counter.methods(), (QStringList{add, QStringLiteral("rpcscope.services.Counter/Get")}));
        QCOMPARE(counter.sampleMethod(), add);
        services::AddRequest sample;
        QVERIFY(codegen::decodeMessage(counter.sampleArgs(0, 0), sample));
        QCOMPARE(sample.amount(), 1);

        services::AddRequest five;
        five.set_amount(5);
        const rpc::HandlerResult added = counter.handle(add, codegen::encodeMessage(five));
        QCOMPARE(added.status, wire::STATUS_OK);
        services::CounterValue value;
        QVERIFY(codegen::decodeMessage(added.result, value));
        QCOMPARE(value.total(), 5);
        QVERIFY(counter.resultMatches(0, 0, added.result));
        QVERIFY(!counter.resultMatches(0, 0, services::CounterService::encode(5)));

        const rpc::HandlerResult plain = counter.handle(QStringLiteral("add"), services::CounterService::encode(2));
        QCOMPARE(plain.status, wire::STATUS_OK);
        QCOMPARE(services::CounterService::decode(plain.result), 7);
        QCOMPARE(counter.total(), 7);
        QCOMPARE(counter.adds(), 2u);
        QCOMPARE(counter.report().value(u"counter_total").toInteger(), 7);

        const rpc::HandlerResult got =
            counter.handle(QStringLiteral("rpcscope.services.Counter/Get"), codegen::encodeMessage(
                                                                               google::protobuf::Empty()));
        QVERIFY(codegen::decodeMessage(got.result, value));
        QCOMPARE(value.total(), 7);

        QCOMPARE(counter.handle(QStringLiteral("rpcscope.services.Counter/Reset"), {}).status,
                 wire::STATUS_UNKNOWN_METHOD);
        QCOMPARE(counter.handle(add, QByteArray("\x08", 1)).status, wire::STATUS_INVALID_ARGUMENT);
        QCOMPARE(counter.handle(QStringLiteral("add"), QByteArray(3, 'x')).status, wire::STATUS_INVALID_ARGUMENT);
        QCOMPARE(counter.total(), 7);
    }

    // The echo the scenarios run is the generated Echo: its wire name
    // reaches the generated procedure, the plain `echo` on raw bytes runs
    // that same procedure, and a result counts as right only if it decodes
    // as an EchoReply carrying exactly the payload of the call it answers.
    void echoServiceIsTheGeneratedEcho()
    {
        services::EchoService echo;
        const QString wireName = QStringLiteral("rpcscope.services.Echo/Echo");
        QCOMPARE(echo.methods(), QStringList{wireName});
        QCOMPARE(echo.sampleMethod(), wireName);
        services::EchoRequest sample;
        QVERIFY(codegen::decodeMessage(echo.sampleArgs(1, 5), sample));
        QCOMPARE(sample.payload(), std::string("bcdef"));

        const rpc::HandlerResult echoed = echo.handle(wireName, echo.sampleArgs(1, 5));
        QCOMPARE(echoed.status, wire::STATUS_OK);
        services::EchoReply reply;
        QVERIFY(codegen::decodeMessage(echoed.result, reply));
        QCOMPARE(reply.payload(), sample.payload());
        QVERIFY(echo.resultMatches(1, 5, echoed.result));
        QVERIFY(!echo.resultMatches(2, 5, echoed.result)); // another call's payload
        QVERIFY(!echo.resultMatches(1, 6, echoed.result)); // cut short
        QVERIFY(!echo.resultMatches(1, 5, QByteArray("bcdef"))); // raw bytes, not an EchoReply
        QVERIFY(!echo.resultMatches(1, 5, QByteArray("\x0a\x05" "bc", 4))); // does not decode

        // 20 KB, as the soak sends in fragments, and the empty payload.
        const QByteArray large = echo.sampleArgs(7, 20'000);
        QVERIFY(echo.resultMatches(7, 20'000, echo.handle(wireName, large).result));
        QVERIFY(echo.resultMatches(3, 0, echo.handle(wireName, echo.sampleArgs(3, 0)).result));

        const QByteArray raw("hello\0world", 11);
        const rpc::HandlerResult plain = echo.handle(QStringLiteral("echo"), raw);
        QCOMPARE(plain.status, wire::STATUS_OK);
        QCOMPARE(plain.result, raw);
        QCOMPARE(echo.echoes(), 4u);

        QCOMPARE(echo.handle(QStringLiteral("rpcscope.services.Echo/Shout"), {}).status, wire::STATUS_UNKNOWN_METHOD);
        QCOMPARE(echo.handle(wireName, QByteArray("\x0a\x05" "ab", 4)).status, wire::STATUS_INVALID_ARGUMENT);
        QCOMPARE(echo.echoes(), 4u);
    }

    // The file transfer the scenarios run is the generated FileTransfer:
    // each sample is a FileChunk of the prepared file under its wire name,
    // the generated procedure stores it, the plain `put` on raw bytes stores
    // into the same file, and the chunk that completes the file checks its
    // SHA-256 end to end.
    void fileServiceIsTheGeneratedFileTransfer()
    {
        services::FileService file;
        const QString wireName = QStringLiteral("rpcscope.services.FileTransfer/Put");
        QCOMPARE(file.methods(), QStringList{wireName});
        QCOMPARE(file.sampleMethod(), wireName);
        file.prepare({4, 1000, 7}); // four chunks of 1,000 bytes
        services::FileChunk first;
        QVERIFY(codegen::decodeMessage(file.sampleArgs(0, 1000), first));
        QCOMPARE(first.offset(), 0);
        QCOMPARE(first.file_size(), 4000);
        QCOMPARE(first.data().size(), std::size_t(1000));
        QCOMPARE(first.file_sha256().size(), std::size_t(32));

        // Chunks 0 and 1 by wire name, chunk 2 by the plain method, chunk 3 by wire name.
        for (const std::uint64_t i : {0u, 1u}) {
            const rpc::HandlerResult r = file.handle(wireName, file.sampleArgs(i, 1000));
            QCOMPARE(r.status, wire::STATUS_OK);
            QVERIFY(file.resultMatches(i, 1000, r.result));
            services::FileProgress progress;
            QVERIFY(codegen::decodeMessage(r.result, progress));
            QCOMPARE(progress.received_bytes(), std::int64_t(1000 * (i + 1)));
            QVERIFY(!progress.verified());
        }
        services::FileChunk third;
        QVERIFY(codegen::decodeMessage(file.sampleArgs(2, 1000), third));
        QByteArray plain(services::FileService::kHeaderBytes, '\0');
        qToBigEndian<std::int64_t>(third.offset(), plain.data());
        qToBigEndian<std::int64_t>(third.file_size(), plain.data() + 8);
        std::memcpy(plain.data() + 16, third.file_sha256().data(), 32);
        plain.append(third.data().data(), qsizetype(third.data().size()));
        const rpc::HandlerResult viaPut = file.handle(QStringLiteral("put"), plain);
        QCOMPARE(viaPut.status, wire::STATUS_OK);
        QCOMPARE(viaPut.result, QByteArray("3000 of 4000 bytes"));
        QVERIFY(!file.resultMatches(2, 1000, viaPut.result)); // words, not a FileProgress

        const rpc::HandlerResult last = file.handle(wireName, file.sampleArgs(3, 1000));
        QCOMPARE(last.status, wire::STATUS_OK);
        services::FileProgress done;
        QVERIFY(codegen::decodeMessage(last.result, done));
        QVERIFY(done.verified());
        QCOMPARE(done.received_sha256(), first.file_sha256());
        QVERIFY(file.status().verified());
        QCOMPARE(file.report().value(QStringLiteral("verified")).toBool(), true);

        // What the procedure refuses, by either spelling.
        QCOMPARE(file.handle(QStringLiteral("put"), QByteArray(10, 'x')).status, wire::STATUS_INVALID_ARGUMENT);
        services::FileChunk outside = first;
        outside.set_offset(3500);
        QCOMPARE(file.handle(wireName, codegen::encodeMessage(outside)).status, wire::STATUS_INVALID_ARGUMENT);
        QCOMPARE(file.handle(QStringLiteral("rpcscope.services.FileTransfer/Get"), {}).status,
                 wire::STATUS_UNKNOWN_METHOD);
    }

    // One server, a class of senders: files told apart by their SHA-256,
    // their chunks interleaved, each checked end to end on its own; and a
    // chunk that disagrees with its file's size is refused, naming both.
    void severalFilesAtOnce()
    {
        services::FileTransferProcedures receiver;
        const QByteArray a(3000, 'a'), b(2000, 'b');
        const QByteArray digestA = QCryptographicHash::hash(a, QCryptographicHash::Sha256);
        const QByteArray digestB = QCryptographicHash::hash(b, QCryptographicHash::Sha256);
        const auto put = [&](const QByteArray &file, const QByteArray &digest, qsizetype at) {
            services::FileChunk chunk;
            chunk.set_offset(at);
            chunk.set_file_size(file.size());
            chunk.set_file_sha256(digest.constData(), std::size_t(digest.size()));
            chunk.set_data(file.constData() + at, 1000);
            services::FileProgress progress;
            const codegen::HandlerStatus status = receiver.Put(chunk, progress);
            return std::make_pair(status, progress);
        };
        for (qsizetype at : {0, 1000}) {
            QVERIFY(put(a, digestA, at).first.ok());
            QVERIFY(put(b, digestB, at).first.ok());
        }
        QVERIFY(put(b, digestB, 0).second.verified()); // b was complete with its second chunk
        const auto lastOfA = put(a, digestA, 2000);
        QVERIFY(lastOfA.first.ok());
        QVERIFY(lastOfA.second.verified());
        QCOMPARE(lastOfA.second.received_bytes(), 3000);
        QVERIFY(receiver.status().verified());

        services::FileChunk liar;
        liar.set_offset(0);
        liar.set_file_size(5000);
        liar.set_file_sha256(digestA.constData(), std::size_t(digestA.size()));
        services::FileProgress ignored;
        const codegen::HandlerStatus refused = receiver.Put(liar, ignored);
        QCOMPARE(refused.code, wire::STATUS_INVALID_ARGUMENT);
        QVERIFY2(refused.message.contains(u"5000") && refused.message.contains(u"3000"), qPrintable(refused.message));
    }

    // The chunks of unfinished files are capped in all, so no sender can make
    // the receiver hold kMaxFiles largest files: past the cap a chunk is
    // refused (busy), naming the cap. A file lets its chunks go once it is
    // hashed, which makes room again; its status stays.
    void fileReceiverHoldsBoundedBytes()
    {
        QCOMPARE(services::FileTransferProcedures::kMaxHeldBytes, services::FileTransferProcedures::kMaxFileBytes);
        services::FileTransferProcedures receiver(5000);
        const QByteArray a(4000, 'a'), b(4000, 'b');
        const QByteArray digestA = QCryptographicHash::hash(a, QCryptographicHash::Sha256);
        const QByteArray digestB = QCryptographicHash::hash(b, QCryptographicHash::Sha256);
        const auto put = [&](const QByteArray &file, const QByteArray &digest, qsizetype at, qsizetype bytes) {
            services::FileChunk chunk;
            chunk.set_offset(at);
            chunk.set_file_size(file.size());
            chunk.set_file_sha256(digest.constData(), std::size_t(digest.size()));
            chunk.set_data(file.constData() + at, std::size_t(bytes));
            services::FileProgress progress;
            const codegen::HandlerStatus status = receiver.Put(chunk, progress);
            return std::make_pair(status, progress);
        };
        QVERIFY(put(a, digestA, 0, 3000).first.ok());
        QCOMPARE(receiver.heldBytes(), 3000);
        const auto refused = put(b, digestB, 0, 3000);
        QCOMPARE(refused.first.code, wire::STATUS_BUSY);
        QVERIFY2(refused.first.message.contains(u"3000") && refused.first.message.contains(u"5000"),
                 qPrintable(refused.first.message));
        QCOMPARE(receiver.heldBytes(), 3000);

        const auto lastOfA = put(a, digestA, 3000, 1000);
        QVERIFY2(lastOfA.first.ok(), qPrintable(lastOfA.first.message));
        QVERIFY(lastOfA.second.verified());
        QCOMPARE(receiver.heldBytes(), 0); // verified: its buffers are gone

        // A's chunk again: nothing stored, the status as it was.
        const auto again = put(a, digestA, 0, 3000);
        QVERIFY(again.first.ok());
        QVERIFY(again.second.verified());
        QCOMPARE(again.second.received_bytes(), 4000);
        QCOMPARE(receiver.heldBytes(), 0);

        QVERIFY(put(b, digestB, 0, 3000).first.ok()); // room again
        QVERIFY(put(b, digestB, 3000, 1000).second.verified());
        QCOMPARE(receiver.heldBytes(), 0);
    }

    // Add would take the total past a signed 64-bit integer (undefined
    // behaviour, and a wrapped total is a lie): refused with a status that
    // says so, the total unchanged; up to either end it adds.
    void counterAddRefusesToOverflow()
    {
        constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
        constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
        services::CounterProcedures counter;
        services::AddRequest add;
        services::CounterValue value;
        add.set_amount(kMax);
        QVERIFY(counter.Add(add, value).ok());
        QCOMPARE(value.total(), kMax);
        add.set_amount(1);
        codegen::HandlerStatus over = counter.Add(add, value);
        QCOMPARE(over.code, wire::STATUS_HANDLER_ERROR);
        QVERIFY2(over.message.contains(u"9223372036854775807") && over.message.contains(u"unchanged"),
                 qPrintable(over.message));
        QCOMPARE(counter.total(), kMax);
        add.set_amount(kMin);
        QVERIFY(counter.Add(add, value).ok());
        QCOMPARE(value.total(), -1);
        over = counter.Add(add, value); // -1 + INT64_MIN
        QCOMPARE(over.code, wire::STATUS_HANDLER_ERROR);
        QCOMPARE(counter.total(), -1);
        QCOMPARE(counter.adds(), 4u); // every execution counts, refused or not

        // Through the plain method too, as `call --encoding int64 add` sends it.
        services::CounterService service;
        QCOMPARE(service.handle(QStringLiteral("add"), services::CounterService::encode(kMax)).status, wire::STATUS_OK);
        const rpc::HandlerResult refused =
            service.handle(QStringLiteral("add"), services::CounterService::encode(kMax));
        QCOMPARE(refused.status, wire::STATUS_HANDLER_ERROR);
        QCOMPARE(service.total(), kMax);
    }

    // Bytes that are not the request message: an error naming the method.
    // A method the server does not have: RpcServer's own answer.
    void badRequestsAreAnswered()
    {
        rpc::RpcServer server({});
        services::EchoProcedures procedures;
        procedures.registerOn(server);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        rpc::RpcClient client(clientFor(server));
        QVERIFY2(client.start(&error), qPrintable(error));

        // Field 1, length-delimited, claims 5 bytes and has 2.
        const rpc::Reply garbled =
            client.callBlocking(QStringLiteral("rpcscope.services.Echo/Echo"), QByteArray("\x0a\x05" "ab", 4));
        QCOMPARE(garbled.error, CallError::Rejected);
        QCOMPARE(garbled.status, wire::STATUS_INVALID_ARGUMENT);
        QVERIFY2(garbled.message.contains(u"rpcscope.services.Echo/Echo"), qPrintable(garbled.message));
        QVERIFY2(garbled.message.contains(u"rpcscope.services.EchoRequest"), qPrintable(garbled.message));

        const rpc::Reply unknown = client.callBlocking(QStringLiteral("rpcscope.services.Echo/Shout"), {});
        QCOMPARE(unknown.error, CallError::Rejected);
        QCOMPARE(unknown.status, wire::STATUS_UNKNOWN_METHOD);
        QVERIFY2(unknown.message.contains(u"rpcscope.services.Echo/Shout"), qPrintable(unknown.message));
    }

    // A server answering OK with bytes that are not the response type.
    void undecodableResponseIsReported()
    {
        rpc::RpcServer server({});
        server.registerHandler(QStringLiteral("rpcscope.services.Echo/Echo"), [](const QByteArray &) {
            return rpc::HandlerResult{wire::STATUS_OK, {}, QByteArray("\x0a\x05" "ab", 4)};
        });
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        rpc::RpcClient client(clientFor(server));
        QVERIFY2(client.start(&error), qPrintable(error));
        services::EchoClient echo(client);

        const auto result = echo.EchoBlocking(services::EchoRequest());
        QVERIFY(!result.ok());
        QCOMPARE(result.error, CallError::None);
        QCOMPARE(result.payloadError, codegen::PayloadError::ResponseUndecodable);
        QVERIFY2(result.message.contains(u"rpcscope.services.Echo/Echo"), qPrintable(result.message));
    }

    // proto2 required fields: a request without them is never sent; a
    // response without them is the procedure's error, not the caller's.
    void requiredFieldsAreChecked()
    {
        rpc::RpcServer server({});
        Liveness liveness;
        liveness.registerOn(server);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        rpc::RpcClient client(clientFor(server));
        QVERIFY2(client.start(&error), qPrintable(error));
        acme::common::LivenessClient livenessClient(client);

        const auto unsent = livenessClient.CheckBlocking(acme::common::Ping());
        QCOMPARE(unsent.payloadError, codegen::PayloadError::RequestIncomplete);
        QVERIFY2(unsent.message.contains(u"sequence"), qPrintable(unsent.message));
        auto unsentAsync = livenessClient.Check(acme::common::Ping());
        QCOMPARE(unsentAsync.result().payloadError, codegen::PayloadError::RequestIncomplete);
        QCOMPARE(server.executions(), 0u);

        acme::common::Ping ping;
        ping.set_sequence(9);
        const auto pong = livenessClient.CheckBlocking(ping);
        QVERIFY2(pong.ok(), qPrintable(pong.message));
        QCOMPARE(pong.response.sequence(), 9u);
        QCOMPARE(ping.note(), "ping"); // proto2 default

        ping.set_note("forget the sequence");
        const auto incomplete = livenessClient.CheckBlocking(ping);
        QCOMPARE(incomplete.status, wire::STATUS_HANDLER_ERROR);
        QVERIFY2(incomplete.message.contains(u"acme.common.Liveness/Check left required fields"),
                 qPrintable(incomplete.message));
    }

    // A file without a package; its streaming methods were skipped.
    void globalNamespaceService()
    {
        rpc::RpcServer server({});
        Stats stats;
        stats.registerOn(server);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        rpc::RpcClient client(clientFor(server));
        QVERIFY2(client.start(&error), qPrintable(error));
        ::StatsClient statsClient(client);
        Sample sample;
        sample.set_value(2.5);
        const auto summary = statsClient.SummariseBlocking(sample);
        QVERIFY2(summary.ok(), qPrintable(summary.message));
        QCOMPARE(summary.response.mean(), 2.5);
        acme::data::Point point; // messages_only.rpcscope.h brings its .pb.h and nothing else
        QCOMPARE(point.x(), 0);
    }

    // Per-call options reach the engine: a limit of two attempts (the
    // client's own is twenty), against a socket that never answers, ends
    // the call after exactly two.
    void callOptionsPassThrough()
    {
        QUdpSocket silent;
        QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
        rpc::ClientOptions co;
        co.serverAddress = QHostAddress(QHostAddress::LocalHost);
        co.serverPort = silent.localPort();
        co.retry = quickRetry();
        co.seed = 11;
        rpc::RpcClient client(co);
        QString error;
        QVERIFY2(client.start(&error), qPrintable(error));
        services::EchoClient echo(client);

        rpc::CallOptions once;
        once.retry = quickRetry();
        once.retry->maxAttempts = 2;
        const auto result = echo.EchoBlocking(services::EchoRequest(), once);
        QCOMPARE(result.error, CallError::MaxAttempts);
        QCOMPARE(result.attempts, 2);
        QVERIFY(!result.message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCodegenCalls)
#include "tst_codegen_calls.moc"
