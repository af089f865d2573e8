#pragma once

#include "wire/datagram.h"

#include <QByteArray>
#include <QByteArrayView>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace rpcscope::core {

// The largest message (request or reply body) a core reassembles by default.
inline constexpr qsizetype kDefaultMaxMessageBytes = 8 * 1024 * 1024;

// Where a datagram sits in its message: the header's fragment fields.
struct FragmentPos
{
    std::uint16_t index = 0;
    std::uint16_t count = 1;
    bool ackRequested = false; // the last of a round of sends: answer with a selective ack
};

// A datagram's fragment number as the trace shows it: 1-based for a piece
// of a fragmented request or reply, 0 for everything else.
inline std::uint16_t traceFragment(wire::DatagramKind kind, std::uint16_t index, std::uint16_t count)
{
    const bool data = kind == wire::DatagramKind::Request || kind == wire::DatagramKind::Reply;
    return data && count > 1 ? std::uint16_t(index + 1) : 0;
}

// The most fragments a message may have with `payload` bytes each: a
// selective ack must list them all in one datagram of the same size, so the
// bitmap is never larger than a fragment (and 16-bit fragment numbers never
// wrap). A receiver holds senders to it too.
inline int maxFragments(qsizetype payload)
{
    return int(std::min<qsizetype>(0xFFFF, 8 * std::max<qsizetype>(1, payload)));
}

// Which fragments of a message are held: bit i of byte i/8, least
// significant bit first. This is the body of a FragmentAck datagram.
class FragmentBitmap
{
public:
    FragmentBitmap() = default;
    explicit FragmentBitmap(int count);

    // Reads a bitmap from a FragmentAck body. False if its size does not
    // match `count` or a bit past the last fragment is set.
    static bool parse(QByteArrayView bytes, int count, FragmentBitmap &out);
    static qsizetype bytesFor(int count) { return (qsizetype(count) + 7) / 8; }

    int count() const { return m_count; }
    int held() const { return m_held; }
    bool complete() const { return m_held == m_count; }
    bool has(int index) const { return (m_bits[std::size_t(index) / 8] >> (index % 8)) & 1u; }
    // Marks a fragment held; false if it already was.
    bool set(int index);
    QByteArrayView bytes() const;

private:
    QByteArray m_bits;
    int m_count = 0;
    int m_held = 0;
};

// The sending half: one encoded message cut into fragments of at most
// `payload` bytes, and which of them the receiver has acknowledged.
class OutgoingMessage
{
public:
    OutgoingMessage(QByteArray body, qsizetype payload);

    int count() const { return m_acked.count(); }
    QByteArrayView fragment(int index) const;
    const FragmentBitmap &acked() const { return m_acked; }
    bool complete() const { return m_acked.complete(); }
    // Takes in a receiver's bitmap; returns how many fragments it newly acknowledges.
    int applyAck(const FragmentBitmap &held);
    void markAllAcked();
    // The fragments still unacknowledged, in order.
    std::vector<int> missing() const;
    const QByteArray &body() const { return m_body; }

    // Fragments needed for `bytes` in pieces of `payload` (at least 1).
    static int countFor(qsizetype bytes, qsizetype payload);

private:
    QByteArray m_body;
    qsizetype m_payload;
    FragmentBitmap m_acked;
};

// The receiving half: collects the fragments of one message into one buffer.
// Every fragment but the last has the same size (the sender's payload); the
// buffer is allocated once that size is known, and never beyond `maxBytes`.
class Reassembly
{
public:
    enum class Result : std::uint8_t {
        Added,        // a new fragment; more are missing
        Complete,     // the last missing fragment: take() the message
        Duplicate,    // already held; nothing changed
        Inconsistent, // does not fit with the fragments already held (count or size)
        TooLarge,     // the message would exceed maxBytes
    };

    Reassembly(int count, qsizetype maxBytes);

    Result add(int index, int count, QByteArrayView data);
    // The whole message, once add() returned Complete.
    QByteArray take();
    const FragmentBitmap &held() const { return m_held; }
    int count() const { return m_held.count(); }
    // Bytes this reassembly holds in memory now (for the owner's caps).
    qsizetype memory() const { return m_buffer.size() + m_last.size(); }
    // Upper bound of the whole message, once one full-size fragment was seen; else 0.
    qsizetype expectedBytes() const;

private:
    FragmentBitmap m_held;
    qsizetype m_maxBytes;
    qsizetype m_payload = 0;  // size of every fragment but the last; 0 until one arrives
    QByteArray m_buffer;      // (count - 1) * payload bytes once m_payload is known
    QByteArray m_last;        // the last fragment, kept apart (it may be short)
    bool m_hasLast = false;
};

} // namespace rpcscope::core
