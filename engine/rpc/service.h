#pragma once

#include "base/clock.h"

#include "wire/bodies.pb.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace rpcscope::rpc {

struct HandlerResult
{
    wire::Status status = wire::STATUS_OK;
    QString message; // for a non-OK status: what went wrong, for people
    QByteArray result;
};

// Where RpcServer runs a method's handler. A handler run on the thread that
// read the request costs no hand-off between threads (the fastest call
// there is), but while it runs that thread answers nobody: no duplicate is
// acked, no other client served. So a server measures: a method's first
// call runs on the handler pool, and one that returned within the server's
// inline budget runs on the network thread from then on, until a run takes
// longer (then the pool again, until it has been quick there a while). A
// service that knows better says so.
enum class HandlerKind : std::uint8_t {
    Measured, // learn from how long it takes (the default)
    Short,    // never blocks: always on the network thread
    Long,     // may block or compute for long: always on the pool
};

// The shape of the workload a session will run, for services whose sample
// arguments depend on it (the file service sends one file in `calls` chunks).
struct Workload
{
    int calls = 0;
    int argBytes = 0;
    std::uint64_t seed = 1;
    core::Duration handlerTime{0}; // what the session's handler spends on each call
};

// A set of procedures a server offers. Handlers may be called from several
// threads at once (RpcServer runs them on a pool), so state must be safe.
class Service
{
public:
    virtual ~Service() = default;
    virtual QString name() const = 0;
    virtual HandlerResult handle(const QString &method, const QByteArray &args) = 0;

    // What generated workloads call: a representative method and its
    // arguments for call number `index`, about `argBytes` long.
    virtual QString sampleMethod() const = 0;
    virtual QByteArray sampleArgs(std::uint64_t index, int argBytes) const = 0;
    // Whether `result` is what a successful call with sampleArgs(index,
    // argBytes) must return; services whose results depend on history say yes.
    virtual bool resultMatches(std::uint64_t index, int argBytes, const QByteArray &result) const
    {
        Q_UNUSED(index);
        Q_UNUSED(argBytes);
        Q_UNUSED(result);
        return true;
    }
    // Where the server runs `method`'s handler (see HandlerKind).
    virtual HandlerKind handlerKind(const QString &method) const
    {
        Q_UNUSED(method);
        return HandlerKind::Measured;
    }
    // Called once before a session's first call.
    virtual void prepare(const Workload &) {}
    // What the service itself can tell about the session, for summaries
    // (the counter's total, the file's end-to-end check); empty if nothing.
    virtual QJsonObject report() const { return {}; }
};

// STATUS_UNKNOWN_METHOD, saying which service lacks which method.
HandlerResult unknownMethod(const QString &service, const QString &method);

} // namespace rpcscope::rpc
