// The capture reader on arbitrary bytes: it loads what is intact, stops
// with a reason where it is not, hands the sink exactly the events it
// counts, and never allocates more than the input could justify (run under
// libFuzzer's -malloc_limit_mb / -rss_limit_mb, a length field trusted
// before it is checked shows up as an allocation failure).
#include "fuzzinput.h"

#include "capture/capturereader.h"
#include "trace/eventcodec.h"

#include <QBuffer>

using namespace rpcscope;

namespace {

struct CollectingSink final : trace::EventSink
{
    std::vector<trace::Event> events;
    void record(const trace::Event &e) override { events.push_back(e); }
};

void loadWhole(QByteArrayView bytes)
{
    QByteArray copy = bytes.toByteArray();
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    CollectingSink sink;
    capture::LoadedCapture loaded;
    QString error;
    const capture::LoadStatus status = capture::loadCapture(buffer, sink, loaded, &error);
    switch (status) {
    case capture::LoadStatus::NotACapture:
        RPCSCOPE_FUZZ_CHECK(!error.isEmpty() && sink.events.empty());
        return;
    case capture::LoadStatus::Complete:
        RPCSCOPE_FUZZ_CHECK(loaded.stopped.isEmpty() && loaded.footer.has_value());
        break;
    case capture::LoadStatus::Partial:
        RPCSCOPE_FUZZ_CHECK(!loaded.stopped.isEmpty());
        break;
    }
    RPCSCOPE_FUZZ_CHECK(loaded.events == sink.events.size());
    // Every event was encoded in a few bytes of the file.
    RPCSCOPE_FUZZ_CHECK(qsizetype(loaded.events) <= bytes.size() / 5);

    // The settings read back are ones this program writes the same way again.
    const capture::Session once = capture::toProto(loaded.config);
    session::SessionConfig again;
    RPCSCOPE_FUZZ_CHECK(capture::fromProto(once, again).isEmpty());
    RPCSCOPE_FUZZ_CHECK(capture::toProto(again).SerializeAsString() == once.SerializeAsString());
    (void)loaded.summary({});

    // The events too: packed and unpacked again, they are the same events.
    if (!sink.events.empty()) {
        const std::int64_t first = sink.events.front().timeUs;
        const QByteArray packed = trace::packEvents(sink.events, first);
        std::vector<trace::Event> unpacked;
        RPCSCOPE_FUZZ_CHECK(trace::unpackEvents(packed, std::uint32_t(sink.events.size()), first, unpacked).isEmpty());
        RPCSCOPE_FUZZ_CHECK(unpacked == sink.events);
    }
}

// A chunk's event encoding on its own, with any count it claims.
void unpackChunk(fuzz::FuzzInput &in)
{
    const std::uint32_t count = in.u32();
    const auto first = std::int64_t(in.u32()) - 0x7fffffff;
    const QByteArrayView packed = in.rest();
    std::vector<trace::Event> events;
    const QString why = trace::unpackEvents(packed, count, first, events);
    RPCSCOPE_FUZZ_CHECK(events.size() <= count);
    if (!why.isEmpty())
        return;
    RPCSCOPE_FUZZ_CHECK(events.size() == count);
    std::vector<trace::Event> again;
    RPCSCOPE_FUZZ_CHECK(trace::unpackEvents(trace::packEvents(events, first), count, first, again).isEmpty());
    RPCSCOPE_FUZZ_CHECK(again == events);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    loadWhole(bytes);
    // Inputs that are not captures at all drive the event decoder directly.
    if (size > 8 && data[0] != 0x89) {
        fuzz::FuzzInput in(data, size);
        unpackChunk(in);
    }
    return 0;
}
