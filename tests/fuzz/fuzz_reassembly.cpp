// The fragment reassembler and the selective-ack bitmap on arbitrary
// fragments: the memory a reassembly holds never passes its cap, and a
// completed message is exactly the fragments it was given, in order.
#include "fuzzinput.h"

#include "core/fragments.h"

#include <map>

using namespace rpcscope;
using core::Reassembly;

namespace {

// The message must be what a plain model of it says: every fragment's bytes
// at its index.
void reassemble(fuzz::FuzzInput &in)
{
    const int count = int(in.range(1, 300));
    const qsizetype maxBytes = qsizetype(in.range(0, 70'000));
    Reassembly message(count, maxBytes);
    std::map<int, QByteArray> held;
    bool refused = false;
    while (!in.empty() && !refused) {
        const std::uint8_t op = in.u8();
        const int index = int(in.u16()) % (count + 2) - (op & 0x80 ? 1 : 0); // now and then out of range
        const int claimed = op & 0x40 ? int(in.range(0, 400)) : count;       // now and then another count
        const QByteArrayView data = in.lengthPrefixed();
        const qsizetype before = message.memory();
        const Reassembly::Result result = message.add(index, claimed, data);
        RPCSCOPE_FUZZ_CHECK(message.memory() <= std::max<qsizetype>(maxBytes, 0));
        switch (result) {
        case Reassembly::Result::Inconsistent:
        case Reassembly::Result::TooLarge:
            RPCSCOPE_FUZZ_CHECK(message.memory() == before);
            refused = result == Reassembly::Result::TooLarge;
            break;
        case Reassembly::Result::Duplicate:
            RPCSCOPE_FUZZ_CHECK(held.contains(index) && message.memory() == before);
            break;
        case Reassembly::Result::Added:
        case Reassembly::Result::Complete:
            RPCSCOPE_FUZZ_CHECK(claimed == count && index >= 0 && index < count && !data.isEmpty());
            RPCSCOPE_FUZZ_CHECK(held.emplace(index, data.toByteArray()).second);
            RPCSCOPE_FUZZ_CHECK(message.held().has(index) && message.held().held() == int(held.size()));
            break;
        }
        if (result == Reassembly::Result::Complete) {
            RPCSCOPE_FUZZ_CHECK(int(held.size()) == count);
            QByteArray expected;
            for (const auto &[i, bytes] : held)
                expected += bytes;
            RPCSCOPE_FUZZ_CHECK(message.expectedBytes() == expected.size() || count == 1);
            RPCSCOPE_FUZZ_CHECK(expected.size() <= maxBytes);
            RPCSCOPE_FUZZ_CHECK(message.take() == expected);
            return;
        }
        RPCSCOPE_FUZZ_CHECK(message.held().held() < count);
    }
}

// A selective ack read from the wire says what it held, and nothing past the count.
void bitmap(fuzz::FuzzInput &in)
{
    const int count = int(in.range(0, 2000));
    const QByteArrayView bytes = in.lengthPrefixed();
    core::FragmentBitmap parsed;
    if (!core::FragmentBitmap::parse(bytes, count, parsed))
        return;
    RPCSCOPE_FUZZ_CHECK(parsed.count() == count && parsed.bytes() == bytes);
    int held = 0;
    for (int i = 0; i < count; ++i)
        held += parsed.has(i) ? 1 : 0;
    RPCSCOPE_FUZZ_CHECK(held == parsed.held());

    // Applied to a message of that many fragments, it acknowledges exactly those.
    const qsizetype payload = 1 + in.u8() % 16;
    core::OutgoingMessage out(QByteArray(qsizetype(count - 1) * payload + 1, 'x'), payload);
    RPCSCOPE_FUZZ_CHECK(out.count() == count);
    RPCSCOPE_FUZZ_CHECK(out.applyAck(parsed) == held);
    RPCSCOPE_FUZZ_CHECK(int(out.missing().size()) == count - held);
    RPCSCOPE_FUZZ_CHECK(out.complete() == (held == count));
}

// Cutting a message into fragments and putting them back gives the message.
void roundTrip(fuzz::FuzzInput &in)
{
    const qsizetype payload = qsizetype(in.range(1, 2000));
    const QByteArray body = in.rest().toByteArray();
    const core::OutgoingMessage out(body, payload);
    RPCSCOPE_FUZZ_CHECK(out.count() == core::OutgoingMessage::countFor(body.size(), payload));
    Reassembly message(out.count(), body.size());
    QByteArray joined;
    for (int i = out.count() - 1; i >= 0; --i) // backwards: the short last fragment first
        (void)message.add(i, out.count(), out.fragment(i));
    for (int i = 0; i < out.count(); ++i)
        joined += out.fragment(i).toByteArray();
    RPCSCOPE_FUZZ_CHECK(joined == body);
    // A receiver takes no more fragments than one selective ack can list.
    if (!body.isEmpty() && out.count() <= core::maxFragments(payload)) {
        RPCSCOPE_FUZZ_CHECK(message.held().complete());
        RPCSCOPE_FUZZ_CHECK(message.take() == body);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::FuzzInput in(data, size);
    switch (in.u8() % 3) {
    case 0:
        reassemble(in);
        break;
    case 1:
        bitmap(in);
        break;
    default:
        roundTrip(in);
        break;
    }
    return 0;
}
