#pragma once

#include "base/clock.h"
#include "base/event.h"
#include "net/wiretap.h"
#include "session/sessionconfig.h"
#include "session/settingchange.h"

#include <QByteArray>
#include <QIODevice>
#include <QMutex>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace rpcscope::session {

// One datagram as a packet capture of the simulated wire holds it.
struct WirePacket
{
    std::int64_t timeUs = 0; // when it left its sender
    core::HostId from = 0;
    core::HostId to = 0;
    // As it arrived (damaged, if the network damaged it), or as it was sent
    // if it never arrived. A duplicated datagram is a packet per copy.
    QByteArray bytes;
    // What the emulator did to it, for a person: "lost (random)",
    // "delivered after 12.4 ms, corrupted on the way", ...
    QString comment;
    // The trace's event for it: its Deliver (per copy) or its Lost.
    trace::Event event;
    // The receiver turned it away as damaged: its checksum caught the damage
    // (ChecksumFail), or the header no longer read (MalformedDropped).
    bool checksumFailed = false;
    bool malformed = false;
};

// Runs the simulated session that began with `start` and changed as
// `changes` say once more, and collects its every datagram, in the order
// they left their senders. The run is the recorded one event for event
// (the same seed), so the packets are the capture's datagrams.
std::vector<WirePacket> captureWire(const SessionConfig &start, const SettingChanges &changes);

// The same as a pcapng file (exporting::PcapngWriter) that Wireshark and
// tshark open: packets at the times they left, each with its comment, and
// every setting of the session in the section's comment. Packets outside
// [from, to] (when given) are left out. False if the device failed.
bool writeWirePcapng(const SessionConfig &start, const SettingChanges &changes, QIODevice &out,
                     std::optional<core::TimePoint> from = std::nullopt,
                     std::optional<core::TimePoint> to = std::nullopt);

// The datagrams of a session on real sockets, as its ends write them (and
// their emulators drop them), for rpcscope-cli live --pcapng: tap() goes to
// LiveSession::setWireTap, write() after the session has run. IPv4 only;
// datagrams between IPv6 addresses are counted and left out.
class LiveWireCapture
{
public:
    net::WireTap tap();
    bool write(const SessionConfig &config, QIODevice &out) const;
    int datagrams() const;
    int leftOut() const;

private:
    struct Datagram
    {
        std::int64_t timeUs;
        std::uint32_t from, to;
        quint16 fromPort, toPort;
        QByteArray bytes;
        bool lost;
    };
    mutable QMutex m_mutex;
    std::vector<Datagram> m_datagrams;
    int m_leftOut = 0;
};

} // namespace rpcscope::session
