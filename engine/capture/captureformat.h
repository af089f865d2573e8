#pragma once

#include "base/event.h"
#include "capture/capture.pb.h"
#include "session/sessionconfig.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstdint>
#include <span>
#include <vector>

namespace rpcscope::capture {

// A .rpcscope file is a magic number followed by records:
//
//   offset size  field
//   0      8     magic "\x89RPCSCP\n" (the high byte and the newline catch
//                transfers that mangle binary files as text)
//   then, per record:
//          4     payload length, big-endian (at most kMaxRecordBytes)
//          1     record type (RecordType)
//          n     payload: a protobuf message from capture.proto
//          4     CRC-32C of the type byte and the payload, big-endian
//
// The first record is the Header; Chunks of events follow as the session
// runs, each written and flushed on its own, so a crash loses at most the
// chunk being filled; a Footer ends a session that stopped normally. Any
// record that is cut short or fails its CRC ends the readable part.
//
// Hand-framed rather than one protobuf message because a capture grows
// while it is written and must stay readable up to any point it reached.
inline constexpr char kMagic[8] = {'\x89', 'R', 'P', 'C', 'S', 'C', 'P', '\n'};
inline constexpr std::uint32_t kFormatVersion = 1;
inline constexpr qsizetype kMaxRecordBytes = 16 * 1024 * 1024;
inline constexpr int kChunkEvents = 4096;
inline constexpr qsizetype kRecordOverhead = 4 + 1 + 4;

enum class RecordType : std::uint8_t {
    Header = 1,
    Chunk = 2,
    Footer = 3,
};

// One record, framed and checksummed.
QByteArray frameRecord(RecordType type, const google::protobuf::MessageLite &message);

// SessionConfig <-> its record. fromProto checks every enum and range and
// names the first field that is out of bounds.
Session toProto(const session::SessionConfig &config);
QString fromProto(const Session &proto, session::SessionConfig &config);

} // namespace rpcscope::capture
