#pragma once

#include <QLineF>
#include <QRectF>
#include <QString>

#include <cstdint>
#include <vector>

namespace rpcscope::diagram {

// What an item means, which decides its colour: datagram kinds first (in
// wire::DatagramKind order), then the marks' own tones.
enum class Tone : std::uint8_t {
    Request, Reply, Ack, Working, Probe, Error, FragmentAck,
    Loss, Timeout, Handler, Corrupt, Faint, Text, Accent,
};

enum class ItemKind : std::uint8_t {
    Arrow,     // a datagram from send to delivery (line); with InFlight, its tip is where it is now
    Stroke,    // a datagram that ended mid-way (a loss): no head
    Cross,     // ✗ centred in rect
    Clock,     // a timer that fired, centred in rect
    Dot,       // a call's end, centred in rect
    Bar,       // a handler running: rect
    Band,      // aggregated traffic in a time bucket: rect
    Tick,      // one datagram seen from far away: line
    Rule,      // a line across all lanes (a setting changed): line
    Cut,       // the server's lane cut by a crash: line
    BadgeMark, // a badge's place when its text does not fit: rect
    Timer,     // a retransmission timer from arming to firing, or running on to the clock: rect
    Held,      // a request waiting in the server's hold-back queue (ordered delivery): rect, outlined
    // The adaptive timeout's estimate when a timer was armed, beside its bar:
    // rect from SRTT (a line: when the answer is expected) to SRTT + 4·RTTVAR.
    Estimate,
};

enum ItemFlag : std::uint8_t {
    Dimmed = 1,    // not part of the selected call
    Selected = 2,  // part of the selected call
    Retry = 4,     // a retransmission: dashed
    InFlight = 8,  // still travelling at the playback clock
    Halo = 16,     // the event in focus (stepped to or clicked)
    Cancelled = 32, // a timer the answer cancelled before it fired
    Spurious = 64,  // a timer that fired while the reply was on its way
};

struct Item
{
    ItemKind kind = ItemKind::Arrow;
    Tone tone = Tone::Text;
    std::uint8_t flags = 0;
    QLineF line;
    QRectF rect;
    qsizetype event = -1; // log index of the event drawn, -1 for aggregates
};

// Text placed beside an item. The builder proposes places in order of
// preference; the placer keeps the first one that overlaps nothing already
// placed, or hides the label when none is free (hovering the item still
// tells its story).
struct Label
{
    QString text;        // may hold '\n' for a badge's second line
    Tone tone = Tone::Text;
    int priority = 0;    // higher is placed first
    bool bold = false;
    bool boxed = false;  // a badge: text on a tinted rounded box
    bool dimmed = false;
    QPointF anchor;      // the point the label speaks about (for a leader line when moved)
    std::vector<QRectF> candidates;
    QRectF rect;         // where it went, once placed
    bool placed = false;
    bool leader = false; // drawn away from its first choice: a thin line back to the anchor
    bool overArrows = false; // a badge that found room only over arrows: drawn opaque
    qsizetype event = -1;
};

// Priorities, from what a class must not miss to what is nice to read.
namespace priority {
inline constexpr int Crash = 100;
inline constexpr int Loss = 95;
inline constexpr int Corruption = 90;
inline constexpr int Timeout = 85;
inline constexpr int Change = 80;
inline constexpr int Badge = 70;
inline constexpr int CallEnd = 60;
inline constexpr int Retry = 50;
inline constexpr int Handler = 40;
inline constexpr int Kind = 30;
inline constexpr int Note = 10;
} // namespace priority

// Aggregated traffic in level of detail between arrows and ticks.
struct BandCounts
{
    int sent = 0, lost = 0, retried = 0, cached = 0, timeouts = 0, damaged = 0;
};

// A counter track's title and the largest value it shows, for its header.
struct Track
{
    QString title;
    QString peak;
    double left = 0, width = 0;
};

struct Frame
{
    std::vector<Track> tracks;
    std::vector<Item> items;
    std::vector<Label> labels;
    double nowY = -1; // the playback clock's line, or -1 when out of view
    // What the frame cost and how it was drawn, for benchmarks and tests.
    qsizetype eventsVisited = 0;
    qsizetype arrowsDrawn = 0;  // arrows and strokes, in flight included
    qsizetype inFlight = 0;
    qsizetype markersDrawn = 0;
    bool summarised = false;    // too many events: drawn as bands, not one by one
};

} // namespace rpcscope::diagram
