#include "capturereader.h"

#include "trace/eventcodec.h"
#include "wire/checksum.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

#include <cstring>

namespace rpcscope::capture {

session::Summary LoadedCapture::summary(const session::Summary &fromEvents) const
{
    session::Summary s = fromEvents;
    s.seed = config.seed;
    if (footer) {
        s.wallMs = footer->wall_ms();
        if (footer->has_counter_total())
            s.counterTotal = footer->counter_total();
        if (!footer->service_report_json().empty())
            s.service = QJsonDocument::fromJson(QByteArray::fromStdString(footer->service_report_json())).object();
    }
    return s;
}

QString LoadedCapture::whyNotRerun() const
{
    if (!header.simulated())
        return QStringLiteral("a live session cannot be run again event for event");
    if (header.format_version() != kFormatVersion)
        return QStringLiteral("written in capture format %1; this version runs again only format %2")
            .arg(header.format_version())
            .arg(kFormatVersion);
    if (const QString why = session::checkChanges(config, changes); !why.isEmpty())
        return QStringLiteral("its recorded live changes cannot be made again: %1").arg(why);
    return {};
}

namespace {

struct Record
{
    RecordType type;
    QByteArray payload;
};

// Reads one framed record at the device's position. Returns an empty
// string, or why the record cannot be used; `end` is set at a clean end of file.
QString readRecord(QIODevice &device, Record &out, bool &end)
{
    end = false;
    char head[5];
    const qint64 got = device.read(head, 5);
    if (got == 0) {
        end = true;
        return {};
    }
    if (got < 5)
        return QStringLiteral("the file ends inside a record header (truncated)");
    const quint32 length = qFromBigEndian<quint32>(head);
    const qint64 left = device.size() - device.pos();
    if (qint64(length) > kMaxRecordBytes)
        return QStringLiteral("a record claims %1 bytes, more than any capture record may hold").arg(length);
    if (qint64(length) + 4 > left)
        return QStringLiteral("a record claims %1 bytes but only %2 are left (truncated)").arg(length).arg(left);
    QByteArray body(1 + qsizetype(length), Qt::Uninitialized);
    body[0] = head[4];
    char crc[4];
    if (device.read(body.data() + 1, length) != qint64(length) || device.read(crc, 4) != 4)
        return QStringLiteral("the file could not be read: %1").arg(device.errorString());
    if (wire::computeChecksum(wire::ChecksumKind::Crc32c, body) != qFromBigEndian<quint32>(crc))
        return QStringLiteral("a record fails its CRC-32C check (damaged)");
    out.type = RecordType(std::uint8_t(head[4]));
    out.payload = body.sliced(1);
    return {};
}

} // namespace

LoadStatus loadCapture(QIODevice &device, trace::EventSink &sink, LoadedCapture &out, QString *error)
{
    out = LoadedCapture();
    char magic[sizeof kMagic];
    if (device.read(magic, sizeof magic) != qint64(sizeof magic) || std::memcmp(magic, kMagic, sizeof kMagic) != 0) {
        *error = QStringLiteral("not an RpcScope capture: it does not start with the capture signature");
        return LoadStatus::NotACapture;
    }
    Record record;
    bool end = false;
    qint64 at = device.pos();
    if (QString why = readRecord(device, record, end); !why.isEmpty() || end || record.type != RecordType::Header
        || !out.header.ParseFromArray(record.payload.constData(), int(record.payload.size()))) {
        *error = QStringLiteral("the capture's header is unreadable: %1")
                     .arg(!why.isEmpty() ? why : end ? QStringLiteral("the file ends after the signature")
                                                     : QStringLiteral("the first record is not a valid header"));
        return LoadStatus::NotACapture;
    }
    if (out.header.format_version() == 0) {
        *error = QStringLiteral("the capture's header gives no format version (0); every RpcScope capture has one");
        return LoadStatus::NotACapture;
    }
    if (QString why = fromProto(out.header.session(), out.config); !why.isEmpty()) {
        *error = QStringLiteral("the capture's header holds settings this program cannot use: %1").arg(why);
        return LoadStatus::NotACapture;
    }
    for (const Change &c : out.header.changes())
        out.changes.push_back({core::TimePoint(c.at_us()), QString::fromStdString(c.option()),
                               QString::fromStdString(c.value())});
    for (const Fork &f : out.header.lineage()) {
        session::ForkPoint point{QString::fromStdString(f.parent()), core::TimePoint(f.at_us()), {}};
        for (const std::string &setting : f.settings()) {
            const QString text = QString::fromStdString(setting);
            const qsizetype eq = text.indexOf(u'=');
            point.settings.emplace_back(text.left(eq), eq < 0 ? QString() : text.mid(eq + 1));
        }
        out.lineage.push_back(std::move(point));
    }
    if (out.header.format_version() > kFormatVersion)
        out.note = QStringLiteral("written in capture format %1 by RpcScope %2; this version reads format %3 "
                                  "and shows what it understands")
                       .arg(out.header.format_version())
                       .arg(QString::fromStdString(out.header.program_version()))
                       .arg(kFormatVersion);

    std::vector<trace::Event> events;
    int chunks = 0;
    for (;;) {
        at = device.pos();
        if (QString why = readRecord(device, record, end); !why.isEmpty()) {
            out.stopped = QStringLiteral("stopped at byte %1, after %2 events: %3").arg(at).arg(out.events).arg(why);
            break;
        }
        if (end) {
            out.stopped = QStringLiteral("the capture ends after %1 events without its closing record: the "
                                         "session that wrote it did not finish (it may have crashed)")
                              .arg(out.events);
            break;
        }
        if (record.type == RecordType::Footer) {
            Footer footer;
            if (footer.ParseFromArray(record.payload.constData(), int(record.payload.size())))
                out.footer = footer;
            else
                out.stopped = QStringLiteral("the closing record at byte %1 is unreadable").arg(at);
            break;
        }
        if (record.type != RecordType::Chunk)
            continue; // a record of a later format: skipped
        Chunk chunk;
        if (!chunk.ParseFromArray(record.payload.constData(), int(record.payload.size()))) {
            out.stopped = QStringLiteral("stopped at byte %1, after %2 events: chunk %3 does not parse")
                              .arg(at).arg(out.events).arg(chunks + 1);
            break;
        }
        ++chunks;
        events.clear();
        const QString why = trace::unpackEvents(QByteArrayView(chunk.events().data(), qsizetype(chunk.events().size())),
                                         chunk.count(), chunk.first_time_us(), events);
        for (const trace::Event &e : events)
            sink.record(e);
        out.events += events.size();
        if (!why.isEmpty()) {
            out.stopped = QStringLiteral("stopped at byte %1, after %2 events: in chunk %3, %4")
                              .arg(at).arg(out.events).arg(chunks).arg(why);
            break;
        }
    }
    return out.stopped.isEmpty() ? LoadStatus::Complete : LoadStatus::Partial;
}

LoadStatus loadCapture(const QString &path, trace::EventSink &sink, LoadedCapture &out, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return LoadStatus::NotACapture;
    }
    return loadCapture(file, sink, out, error);
}

} // namespace rpcscope::capture
