#include "bodycodec.h"

#include <cstring>

namespace rpcscope::wire {

namespace {

// Wire types of the protobuf encoding.
constexpr unsigned kVarint = 0, kFixed64 = 1, kLengthDelimited = 2, kFixed32 = 5;

constexpr char tag(unsigned field, unsigned wireType)
{
    return char(field << 3 | wireType);
}

int varintSize(std::uint64_t v)
{
    int n = 1;
    while (v >= 0x80) {
        v >>= 7;
        ++n;
    }
    return n;
}

char *putVarint(char *p, std::uint64_t v)
{
    while (v >= 0x80) {
        *p++ = char(v | 0x80);
        v >>= 7;
    }
    *p++ = char(v);
    return p;
}

qsizetype bytesFieldSize(QByteArrayView v)
{
    return v.isEmpty() ? 0 : 1 + varintSize(std::uint64_t(v.size())) + v.size();
}

char *putBytesField(char *p, unsigned field, QByteArrayView v)
{
    if (v.isEmpty())
        return p; // proto3 leaves empty fields out
    *p++ = tag(field, kLengthDelimited);
    p = putVarint(p, std::uint64_t(v.size()));
    std::memcpy(p, v.data(), std::size_t(v.size()));
    return p + v.size();
}

// What the hand reader makes of a field: read, or one for protobuf to
// decide (anything this reader does not follow to the letter).
enum class Read { Ok, Unsure };

class Reader
{
public:
    explicit Reader(QByteArrayView bytes)
        : m_p(reinterpret_cast<const unsigned char *>(bytes.data()))
        , m_end(m_p + bytes.size())
    {
    }
    bool atEnd() const { return m_p == m_end; }

    // A varint of at most `most` bytes; false if longer or cut short.
    bool varint(std::uint64_t &v, int most = 10)
    {
        v = 0;
        for (int i = 0; i < most && m_p != m_end; ++i) {
            const unsigned char b = *m_p++;
            v |= std::uint64_t(b & 0x7F) << (7 * i);
            if (!(b & 0x80))
                return true;
        }
        return false;
    }
    bool skip(std::uint64_t n)
    {
        if (n > std::uint64_t(m_end - m_p))
            return false;
        m_p += n;
        return true;
    }
    bool lengthDelimited(QByteArrayView &out)
    {
        std::uint64_t n = 0;
        if (!varint(n) || n > std::uint64_t(m_end - m_p))
            return false;
        out = QByteArrayView(reinterpret_cast<const char *>(m_p), qsizetype(n));
        m_p += n;
        return true;
    }

    // The next field: its number and wire type, with the value of a known
    // one given to `known` (which says whether it took it). Unsure for
    // whatever this reader does not follow: groups, a known field with
    // another wire type, a malformed tag or length.
    template<typename Known>
    Read field(Known &&known)
    {
        std::uint64_t key = 0;
        if (!varint(key, 5) || key > 0xFFFFFFFFu || (key >> 3) == 0)
            return Read::Unsure;
        const auto number = unsigned(key >> 3);
        const auto type = unsigned(key & 7);
        switch (known(number, type, *this)) {
        case 1: return Read::Ok;     // a known field, read
        case -1: return Read::Unsure; // a known field, but not as expected
        default: break;               // unknown: skipped below
        }
        std::uint64_t v = 0;
        switch (type) {
        case kVarint: return varint(v) ? Read::Ok : Read::Unsure;
        case kFixed64: return skip(8) ? Read::Ok : Read::Unsure;
        case kLengthDelimited: {
            QByteArrayView ignored;
            return lengthDelimited(ignored) ? Read::Ok : Read::Unsure;
        }
        case kFixed32: return skip(4) ? Read::Ok : Read::Unsure;
        default: return Read::Unsure; // groups and reserved types
        }
    }

private:
    const unsigned char *m_p;
    const unsigned char *m_end;
};

QByteArrayView view(const std::string &s)
{
    return QByteArrayView(s.data(), qsizetype(s.size()));
}

} // namespace

void encodeRequestBody(QByteArrayView method, QByteArrayView args, QByteArray &out)
{
    out.resize(bytesFieldSize(method) + bytesFieldSize(args));
    char *p = out.data();
    p = putBytesField(p, 1, method);
    putBytesField(p, 2, args);
}

void encodeReplyBody(Status status, QByteArrayView message, QByteArrayView result, QByteArray &out)
{
    // An enum is written as an int32: a negative one sign-extended to ten bytes.
    const auto code = std::uint64_t(std::int64_t(std::int32_t(status)));
    out.resize((code ? 1 + varintSize(code) : 0) + bytesFieldSize(message) + bytesFieldSize(result));
    char *p = out.data();
    if (code) {
        *p++ = tag(1, kVarint);
        p = putVarint(p, code);
    }
    p = putBytesField(p, 2, message);
    putBytesField(p, 3, result);
}

bool decodeRequestBody(QByteArrayView bytes, RequestBodyView &out, RequestBody &scratch)
{
    out = {};
    Reader r(bytes);
    while (!r.atEnd()) {
        const Read read = r.field([&](unsigned number, unsigned type, Reader &at) {
            if (number != 1 && number != 2)
                return 0;
            if (type != kLengthDelimited)
                return -1;
            return at.lengthDelimited(number == 1 ? out.method : out.args) ? 1 : -1;
        });
        if (read == Read::Unsure) {
            if (!scratch.ParseFromArray(bytes.data(), int(bytes.size())))
                return false;
            out = {view(scratch.method()), view(scratch.args())};
            return true;
        }
    }
    return true;
}

bool decodeReplyBody(QByteArrayView bytes, ReplyBodyView &out, ReplyBody &scratch)
{
    out = {};
    Reader r(bytes);
    while (!r.atEnd()) {
        const Read read = r.field([&](unsigned number, unsigned type, Reader &at) {
            if (number == 1) {
                std::uint64_t v = 0;
                if (type != kVarint || !at.varint(v))
                    return -1;
                out.status = Status(std::int32_t(std::uint32_t(v))); // an int32's low 32 bits
                return 1;
            }
            if (number != 2 && number != 3)
                return 0;
            if (type != kLengthDelimited)
                return -1;
            return at.lengthDelimited(number == 2 ? out.message : out.result) ? 1 : -1;
        });
        if (read == Read::Unsure) {
            if (!scratch.ParseFromArray(bytes.data(), int(bytes.size())))
                return false;
            out = {scratch.status(), view(scratch.message()), view(scratch.result())};
            return true;
        }
    }
    return true;
}

} // namespace rpcscope::wire
