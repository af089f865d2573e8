#pragma once

#include "base/event.h"
#include "captureformat.h"
#include "session/sessionconfig.h"
#include "session/settingchange.h"
#include "session/summary.h"
#include "trace/tracelog.h"

#include <QFile>
#include <QMutex>
#include <QString>

#include <vector>

namespace rpcscope::capture {

// What a capture's header says beyond the session's settings.
struct CaptureInfo
{
    CaptureInfo(bool simulated = true, int clients = 1)
        : simulated(simulated)
        , clients(clients)
    {
    }

    bool simulated = true;  // virtual time: the header's settings and seed reproduce the events
    int clients = 1;        // for the hosts' names
    session::SettingChanges changes; // made while it ran; with the settings and seed they reproduce it
    session::Lineage lineage;        // for a what-if fork: where it came from
};

// Writes a capture while a session runs: the header at open(), a chunk each
// kChunkEvents events (flushed to the file at once, so a crash loses at most
// the chunk being filled), the footer at finish(). An EventSink, so it can
// be handed to an engine directly; record() may be called from any thread.
class CaptureWriter final : public trace::EventSink
{
public:
    CaptureWriter() = default;
    ~CaptureWriter() override;
    CaptureWriter(const CaptureWriter &) = delete;

    bool open(const QString &path, const session::SessionConfig &config, const CaptureInfo &info,
              QString *error);
    void record(const trace::Event &event) override;
    // Writes what is buffered and the footer, with what the summary holds
    // that events cannot say; then closes the file.
    bool finish(const session::Summary &summary, QString *error);

    bool hasError() const;
    QString errorString() const;

    // A whole session in one go, through QSaveFile: the file appears
    // complete or not at all, and an existing one is replaced only then.
    static bool save(const QString &path, const session::SessionConfig &config, const CaptureInfo &info,
                     const trace::TraceLog::View &events, const session::Summary &summary, QString *error);

private:
    void flushChunk(); // with m_mutex held
    bool write(const QByteArray &bytes);

    mutable QMutex m_mutex;
    QFile m_file;
    std::vector<trace::Event> m_pending;
    std::uint64_t m_events = 0;
    std::int64_t m_lastTimeUs = 0;
    QString m_error;
};

// The header record for a session.
Header makeHeader(const session::SessionConfig &config, const CaptureInfo &info);
// The footer record that ends it.
Footer makeFooter(std::uint64_t events, std::int64_t endTimeUs, const session::Summary &summary);

} // namespace rpcscope::capture
