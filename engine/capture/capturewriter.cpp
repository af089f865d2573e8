#include "capturewriter.h"

#include "base/buildinfo.h"
#include "session/sessionoptions.h"
#include "trace/eventcodec.h"
#include "trace/jsonlines.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSaveFile>

namespace rpcscope::capture {

Header makeHeader(const session::SessionConfig &config, const CaptureInfo &info)
{
    Header h;
    h.set_format_version(kFormatVersion);
    h.set_program_version(BuildInfo::programVersion().toStdString());
    h.set_simulated(info.simulated);
    h.set_started_unix_ms(QDateTime::currentMSecsSinceEpoch());
    for (int host = 0; host <= std::max(1, info.clients); ++host) {
        Host *out = h.add_hosts();
        out->set_id(std::uint32_t(host));
        out->set_name(trace::hostName(core::HostId(host)).toStdString());
    }
    *h.mutable_session() = toProto(config);
    for (const session::SessionOption &option : session::sessionOptions())
        (*h.mutable_options())[option.name] = option.current(config).toStdString();
    for (const session::SettingChange &c : info.changes) {
        Change *out = h.add_changes();
        out->set_at_us(c.at.count());
        out->set_option(c.option.toStdString());
        out->set_value(c.value.toStdString());
    }
    for (const session::ForkPoint &f : info.lineage) {
        Fork *out = h.add_lineage();
        out->set_parent(f.parent.toStdString());
        out->set_at_us(f.at.count());
        for (const auto &[option, value] : f.settings)
            out->add_settings(QStringLiteral("%1=%2").arg(option, value).toStdString());
    }
    return h;
}

Footer makeFooter(std::uint64_t events, std::int64_t endTimeUs, const session::Summary &summary)
{
    Footer f;
    f.set_events(events);
    f.set_end_time_us(endTimeUs);
    f.set_wall_ms(summary.wallMs);
    if (summary.counterTotal)
        f.set_counter_total(*summary.counterTotal);
    if (!summary.service.isEmpty())
        f.set_service_report_json(QJsonDocument(summary.service).toJson(QJsonDocument::Compact).toStdString());
    return f;
}

CaptureWriter::~CaptureWriter()
{
    // Whatever was gathered is kept even if finish() never came.
    QMutexLocker lock(&m_mutex);
    if (m_file.isOpen())
        flushChunk();
}

bool CaptureWriter::open(const QString &path, const session::SessionConfig &config, const CaptureInfo &info,
                         QString *error)
{
    QMutexLocker lock(&m_mutex);
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, m_file.errorString());
        return false;
    }
    m_pending.reserve(kChunkEvents);
    if (!write(QByteArray(kMagic, sizeof kMagic)) || !write(frameRecord(RecordType::Header, makeHeader(config, info)))) {
        *error = m_error;
        return false;
    }
    m_file.flush();
    return true;
}

bool CaptureWriter::write(const QByteArray &bytes)
{
    if (!m_error.isEmpty())
        return false;
    if (m_file.write(bytes) != bytes.size()) {
        m_error = QStringLiteral("writing %1 failed: %2").arg(m_file.fileName(), m_file.errorString());
        return false;
    }
    return true;
}

void CaptureWriter::record(const trace::Event &event)
{
    QMutexLocker lock(&m_mutex);
    if (!m_file.isOpen())
        return;
    m_pending.push_back(event);
    if (int(m_pending.size()) >= kChunkEvents)
        flushChunk();
}

void CaptureWriter::flushChunk()
{
    if (m_pending.empty())
        return;
    Chunk chunk;
    chunk.set_count(std::uint32_t(m_pending.size()));
    chunk.set_first_time_us(m_lastTimeUs);
    const QByteArray packed = trace::packEvents(m_pending, m_lastTimeUs);
    chunk.set_events(packed.constData(), std::size_t(packed.size()));
    m_events += m_pending.size();
    m_lastTimeUs = m_pending.back().timeUs;
    m_pending.clear();
    if (write(frameRecord(RecordType::Chunk, chunk)))
        m_file.flush(); // on disk now: a crash from here on cannot take it
}

bool CaptureWriter::finish(const session::Summary &summary, QString *error)
{
    QMutexLocker lock(&m_mutex);
    if (!m_file.isOpen()) {
        *error = QStringLiteral("the capture was not open");
        return false;
    }
    flushChunk();
    write(frameRecord(RecordType::Footer, makeFooter(m_events, m_lastTimeUs, summary)));
    m_file.close();
    if (!m_error.isEmpty()) {
        *error = m_error;
        return false;
    }
    return true;
}

bool CaptureWriter::hasError() const
{
    QMutexLocker lock(&m_mutex);
    return !m_error.isEmpty();
}

QString CaptureWriter::errorString() const
{
    QMutexLocker lock(&m_mutex);
    return m_error;
}

bool CaptureWriter::save(const QString &path, const session::SessionConfig &config, const CaptureInfo &info,
                         const trace::TraceLog::View &events, const session::Summary &summary, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(kMagic, sizeof kMagic);
    file.write(frameRecord(RecordType::Header, makeHeader(config, info)));
    std::vector<trace::Event> batch;
    batch.reserve(kChunkEvents);
    std::int64_t last = 0;
    for (qsizetype i = 0; i < events.size(); i += kChunkEvents) {
        batch.clear();
        for (qsizetype j = i; j < std::min(events.size(), i + kChunkEvents); ++j)
            batch.push_back(events.at(j));
        Chunk chunk;
        chunk.set_count(std::uint32_t(batch.size()));
        chunk.set_first_time_us(last);
        const QByteArray packed = trace::packEvents(batch, last);
        chunk.set_events(packed.constData(), std::size_t(packed.size()));
        file.write(frameRecord(RecordType::Chunk, chunk));
        last = batch.back().timeUs;
    }
    file.write(frameRecord(RecordType::Footer, makeFooter(std::uint64_t(events.size()), last, summary)));
    if (!file.commit()) {
        *error = QStringLiteral("writing %1 failed: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace rpcscope::capture
