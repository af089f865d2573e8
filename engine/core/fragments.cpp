#include "fragments.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace rpcscope::core {

FragmentBitmap::FragmentBitmap(int count)
    : m_bits(bytesFor(count), '\0')
    , m_count(count)
{
}

bool FragmentBitmap::parse(QByteArrayView bytes, int count, FragmentBitmap &out)
{
    if (count < 1 || bytes.size() != bytesFor(count))
        return false;
    // Bits past the last fragment are padding and must be zero.
    const int spare = int(bytesFor(count) * 8 - count);
    const auto lastByte = std::uint8_t(bytes.back());
    if (spare > 0 && (lastByte >> (8 - spare)) != 0)
        return false;
    out.m_bits = bytes.toByteArray();
    out.m_count = count;
    out.m_held = 0;
    for (char byte : out.m_bits)
        out.m_held += std::popcount(std::uint8_t(byte));
    return true;
}

bool FragmentBitmap::set(int index)
{
    if (has(index))
        return false;
    m_bits[index / 8] = char(std::uint8_t(m_bits[index / 8]) | (1u << (index % 8)));
    ++m_held;
    return true;
}

QByteArrayView FragmentBitmap::bytes() const
{
    return m_bits;
}

int OutgoingMessage::countFor(qsizetype bytes, qsizetype payload)
{
    return int(std::max<qsizetype>(1, (bytes + payload - 1) / payload));
}

OutgoingMessage::OutgoingMessage(QByteArray body, qsizetype payload)
    : m_body(std::move(body))
    , m_payload(std::max<qsizetype>(1, payload))
    , m_acked(countFor(m_body.size(), m_payload))
{
}

QByteArrayView OutgoingMessage::fragment(int index) const
{
    const qsizetype from = qsizetype(index) * m_payload;
    return QByteArrayView(m_body).sliced(from, std::min(m_payload, m_body.size() - from));
}

int OutgoingMessage::applyAck(const FragmentBitmap &held)
{
    if (held.count() != count())
        return 0;
    int added = 0;
    for (int i = 0; i < count(); ++i)
        if (held.has(i) && m_acked.set(i))
            ++added;
    return added;
}

void OutgoingMessage::markAllAcked()
{
    for (int i = 0; i < count(); ++i)
        m_acked.set(i);
}

std::vector<int> OutgoingMessage::missing() const
{
    std::vector<int> out;
    out.reserve(std::size_t(count() - m_acked.held()));
    for (int i = 0; i < count(); ++i)
        if (!m_acked.has(i))
            out.push_back(i);
    return out;
}

Reassembly::Reassembly(int count, qsizetype maxBytes)
    : m_held(count)
    , m_maxBytes(maxBytes)
{
}

qsizetype Reassembly::expectedBytes() const
{
    if (m_payload == 0)
        return 0;
    return qsizetype(count() - 1) * m_payload + (m_hasLast ? m_last.size() : m_payload);
}

Reassembly::Result Reassembly::add(int index, int count, QByteArrayView data)
{
    if (count != m_held.count() || index < 0 || index >= count || data.isEmpty())
        return Result::Inconsistent;
    if (m_held.has(index))
        return Result::Duplicate;
    const bool last = index == count - 1;
    if (last) {
        if (m_payload != 0 && data.size() > m_payload)
            return Result::Inconsistent;
        if (data.size() > m_maxBytes - qsizetype(count - 1) * m_payload)
            return Result::TooLarge;
        m_last = data.toByteArray();
        m_hasLast = true;
    } else {
        if (m_payload == 0) {
            // The first full-size fragment fixes the message's size: check
            // the cap before allocating anything for it.
            if ((m_hasLast && m_last.size() > data.size()) || count > maxFragments(data.size()))
                return Result::Inconsistent;
            const qsizetype lastBytes = m_hasLast ? m_last.size() : 1;
            if (qsizetype(count - 1) > (m_maxBytes - lastBytes) / data.size())
                return Result::TooLarge;
            m_payload = data.size();
            m_buffer = QByteArray(qsizetype(count - 1) * m_payload, Qt::Uninitialized);
        } else if (data.size() != m_payload) {
            return Result::Inconsistent;
        }
        std::memcpy(m_buffer.data() + qsizetype(index) * m_payload, data.data(), std::size_t(data.size()));
    }
    m_held.set(index);
    return m_held.complete() ? Result::Complete : Result::Added;
}

QByteArray Reassembly::take()
{
    QByteArray message = std::move(m_buffer);
    message.append(m_last);
    m_last.clear();
    return message;
}

} // namespace rpcscope::core
