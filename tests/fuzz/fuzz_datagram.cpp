// The datagram decoder on arbitrary bytes: it must never read outside the
// datagram, and what it accepts must be exactly what the encoder writes for
// the fields it decoded. The bodies' hand-written codec (wire/bodycodec.h)
// must read every body as protobuf reads it.
#include "fuzzinput.h"

#include "wire/bodycodec.h"
#include "wire/datagram.h"

using namespace rpcscope;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView datagram(reinterpret_cast<const char *>(data), qsizetype(size));

    wire::Header peeked;
    const bool peekable = wire::peekHeader(datagram, peeked);
    for (int c = 0; c < wire::kChecksumKindCount; ++c) {
        const auto checksum = wire::ChecksumKind(c);
        wire::Decoded d;
        const wire::DecodeError error = wire::decodeDatagram(datagram, checksum, d);
        RPCSCOPE_FUZZ_CHECK(int(error) < wire::kDecodeErrorCount);
        RPCSCOPE_FUZZ_CHECK(!wire::decodeErrorName(error).isEmpty());
        if (error != wire::DecodeError::None)
            continue;
        RPCSCOPE_FUZZ_CHECK(peekable && peeked == d.header);
        RPCSCOPE_FUZZ_CHECK(d.header.fragmentCount >= 1 && d.header.fragmentIndex < d.header.fragmentCount);
        const qsizetype token = d.header.token != 0 ? wire::kTokenSize : 0;
        RPCSCOPE_FUZZ_CHECK(d.body.size() == datagram.size() - wire::kOverhead - token);
        RPCSCOPE_FUZZ_CHECK(d.body.data() == datagram.data() + wire::kHeaderSize + token);
        RPCSCOPE_FUZZ_CHECK(!wire::datagramKindName(d.header.kind).isEmpty());
        // Accepted means canonical: encoding the decoded fields gives the input back.
        RPCSCOPE_FUZZ_CHECK(wire::encodeDatagram(d.header, d.body, checksum) == datagram);
        // The bodies' decoders see whatever passed the checksum, and agree.
        const auto asView = [](const std::string &s) { return QByteArrayView(s.data(), qsizetype(s.size())); };
        wire::RequestBody request, requestScratch;
        wire::RequestBodyView requestView;
        const bool requestRead = request.ParseFromArray(d.body.data(), int(d.body.size()));
        RPCSCOPE_FUZZ_CHECK(wire::decodeRequestBody(d.body, requestView, requestScratch) == requestRead);
        RPCSCOPE_FUZZ_CHECK(!requestRead
                            || (requestView.method == asView(request.method()) && requestView.args == asView(request.args())));
        wire::ReplyBody reply, replyScratch;
        wire::ReplyBodyView replyView;
        const bool replyRead = reply.ParseFromArray(d.body.data(), int(d.body.size()));
        RPCSCOPE_FUZZ_CHECK(wire::decodeReplyBody(d.body, replyView, replyScratch) == replyRead);
        RPCSCOPE_FUZZ_CHECK(!replyRead
                            || (replyView.status == reply.status() && replyView.message == asView(reply.message())
                                && replyView.result == asView(reply.result())));
    }

    // The other way round: any header and body the encoder takes decode to themselves.
    if (size >= 26) {
        fuzz::FuzzInput in(data, size);
        wire::Header h;
        h.kind = wire::DatagramKind(1 + in.u8() % (wire::kDatagramKindLimit - 1));
        h.ackRequested = in.flag();
        h.attempt = in.u16();
        h.epoch = in.u32();
        h.clientId = in.u32();
        h.callId = in.u32();
        h.fragmentCount = std::max<std::uint16_t>(1, in.u16());
        h.fragmentIndex = in.u16() % h.fragmentCount;
        h.ackBelow = in.u32();
        if (in.flag())
            h.token = in.u32() | (std::uint64_t(in.u32()) << 32) | 1;
        const auto checksum = wire::ChecksumKind(in.u8() % wire::kChecksumKindCount);
        const QByteArrayView body = in.bytes(std::size_t(wire::kMaxDatagramSize - wire::kMaxOverhead));
        const QByteArray encoded = wire::encodeDatagram(h, body, checksum);
        wire::Decoded d;
        RPCSCOPE_FUZZ_CHECK(wire::decodeDatagram(encoded, checksum, d) == wire::DecodeError::None);
        RPCSCOPE_FUZZ_CHECK(d.header == h && d.body == body);
    }
    return 0;
}
