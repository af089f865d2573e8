#pragma once

#include "core/clock.h"
#include "core/fragments.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QString>

#include <atomic>
#include <functional>

namespace rpcscope::rpc {

class RpcServer;

// The methods rpcscope-cli serve answers whatever service it offers, so any
// server can be measured: Echo returns its argument; Sink returns the
// argument's length (8 bytes, big-endian) and SHA-256, so a large message
// sent one way is checked end to end without coming back.
inline constexpr char kBenchEcho[] = "rpcscope.Bench/Echo";
inline constexpr char kBenchSink[] = "rpcscope.Bench/Sink";
void registerBenchMethods(RpcServer &server);

// What to measure against a server (rpcscope-cli bench, Tools > Measure).
struct MeasureOptions
{
    QHostAddress address;
    quint16 port = 0;
    QByteArray key;                 // DTLS pre-shared key, or empty
    int calls = 1000;               // raw echoes, and single blocking calls, for latency
    int window = 32;                // pipelined calls in flight at once
    int pipelinedCalls = 20'000;
    qint64 messageBytes = 16 * 1024 * 1024; // goodput: sent one way in chunks
    qint64 chunkBytes = 1024 * 1024;        // one call each, `chunkWindow` in flight
    int chunkWindow = 4;
    qsizetype maxDatagram = 1400;   // the client's datagrams; chunks go in fragments of it
    core::Duration timeout{2'000'000}; // no answer at all within this: nobody is there
};

// Microseconds.
struct Percentiles
{
    double min = 0, p50 = 0, p90 = 0, p99 = 0;
};

struct Measurement
{
    QString error;          // empty when every part ran
    int serverVersion = 0;  // the wire version the server's echo named
    Percentiles raw;        // round trips of a raw echo: the floor under every call
    Percentiles call;       // single blocking calls, one at a time
    double callsPerSecond = 0; // pipelined
    double goodputBytesPerSecond = 0;
    qint64 messageBytes = 0;
    bool verified = false;     // every chunk's SHA-256 matched at the server

    bool ok() const { return error.isEmpty(); }
    // The ratio of a call's median latency to the raw echo's.
    double callRatio() const { return raw.p50 > 0 ? call.p50 / raw.p50 : 0; }
    QJsonObject toJson() const;
};

// Runs the four measurements in turn, on the calling thread (it blocks, for
// seconds). `progress` hears each stage's name and how far it is (0 to 1);
// `cancel` set stops it at the next step, with an error saying so.
using MeasureProgress = std::function<void(const QString &stage, double done)>;
Measurement measure(const MeasureOptions &options, const MeasureProgress &progress = {},
                    const std::atomic<bool> *cancel = nullptr);

} // namespace rpcscope::rpc
