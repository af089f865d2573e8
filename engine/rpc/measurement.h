#pragma once

#include "base/clock.h"
#include "core/fragments.h"
#include "core/servercore.h"
#include "rpcclient.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QString>

#include <atomic>
#include <functional>
#include <vector>

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

    // The most pipelined calls in flight: a server refuses more of one
    // client's calls at once (ServerLimits::maxInProgressPerClient).
    static constexpr int kMaxWindow = core::ServerLimits{}.maxInProgressPerClient;
    // The most calls the goodput's message may be cut into: the answers are
    // kept until the clock stops, 40 bytes each.
    static constexpr qint64 kMaxChunks = 1'000'000;
    qint64 chunkCount() const;

    QString server() const; // "HOST:PORT", "[v6]:PORT"
    QJsonObject toJson() const;
};

// The client a measurement calls with. It binds where `call` binds (the
// loopback address for a server on loopback, any address otherwise, so the
// calls leave by the interface that reaches the server), and its first
// timeout is never shorter than four times the slowest raw round trip, so a
// long path is not flooded with resends of calls still on their way.
ClientOptions clientOptionsFor(const MeasureOptions &options, core::Duration slowestRawRoundTrip);

// Microseconds.
struct Percentiles
{
    double min = 0, p50 = 0, p90 = 0, p99 = 0;
    // Nearest rank: the smallest sample with at least q of them at or below it.
    static Percentiles of(std::vector<double> samples);
};

// Why a measurement stopped short; Measurement::error says it in English,
// Tools > Measure in the language chosen.
enum class MeasureFailure {
    None,
    Cancelled,
    Socket,         // the client's own socket failed (detail: the system's words)
    NoServer,       // no answer to the first raw echo within the timeout
    PortClosed,     // the system said nothing listens there (ICMP port unreachable)
    OtherVersion,   // the server's echo named another wire version (serverVersion)
    NoCallAnswered, // echoes came back, the first call did not: a key, or none, that differs
    CallFailed,     // a call ended in an error (detail: the client's words)
    NotVerified,    // the server's SHA-256 of a chunk differs from what was sent
};

struct Measurement
{
    MeasureFailure failure = MeasureFailure::None;
    QString error;          // empty when every part ran
    QString detail;         // the system's or the call's own words behind `error`, if any
    int serverVersion = 0;  // the wire version the server's echo named
    Percentiles raw;        // round trips of a raw echo: the floor under every call
    int rawEchoes = 0;      // echoes timed (the first, which finds the server, is not)
    int rawLost = 0;        // of them, not answered in time
    Percentiles call;       // single blocking calls, one at a time
    double callsPerSecond = 0; // pipelined
    double goodputBytesPerSecond = 0;
    qint64 messageBytes = 0;
    bool verified = false;     // every chunk's SHA-256 matched at the server

    bool ok() const { return failure == MeasureFailure::None; }
    // The ratios to the floor. A call's median latency over the raw echo's;
    // pipelined calls per second over raw echoes one at a time; and the
    // goodput as bytes delivered per raw round trip (what a window must
    // hold to keep a path of that round trip as busy).
    double callRatio() const { return raw.p50 > 0 ? call.p50 / raw.p50 : 0; }
    double pipelinedRatio() const { return callsPerSecond * raw.p50 / 1e6; }
    double goodputBytesPerRawRoundTrip() const { return goodputBytesPerSecond * raw.p50 / 1e6; }
    QJsonObject toJson() const;
};

// Runs the four measurements in turn, on the calling thread (it blocks, for
// seconds). `progress` hears each stage's name and how far it is (0 to 1);
// `cancel` set stops it at the next step, with MeasureFailure::Cancelled.
// Options out of range (no calls, no window, more than kMaxChunks chunks)
// are the caller's mistake: std::invalid_argument.
using MeasureProgress = std::function<void(const QString &stage, double done)>;
Measurement measure(const MeasureOptions &options, const MeasureProgress &progress = {},
                    const std::atomic<bool> *cancel = nullptr);

} // namespace rpcscope::rpc
