#include "replayplayer.h"

namespace rpcscope::session {

namespace {
// Collects a capture's events in memory.
class Collect final : public trace::EventSink
{
public:
    explicit Collect(std::vector<trace::Event> &out) : m_out(out) {}
    void record(const trace::Event &event) override { m_out.push_back(event); }

private:
    std::vector<trace::Event> &m_out;
};
} // namespace

ReplayPlayer::ReplayPlayer(QObject *parent)
    : Player(parent)
{
    m_timer.setInterval(16);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ReplayPlayer::tick);
}

bool ReplayPlayer::open(const QString &path, QString *error, QString *warning)
{
    pause();
    std::vector<trace::Event> events;
    Collect collect(events);
    capture::LoadedCapture loaded;
    const capture::LoadStatus status = capture::loadCapture(path, collect, loaded, error);
    if (status == capture::LoadStatus::NotACapture)
        return false;
    QStringList warnings;
    if (!loaded.note.isEmpty())
        warnings << loaded.note;
    if (status == capture::LoadStatus::Partial)
        warnings << loaded.stopped;
    *warning = warnings.join(u'\n');
    m_capture = std::move(loaded);
    m_events = std::move(events);
    // The whole session at once.
    m_log.clear();
    m_next = 0;
    showUntil(m_events.empty() ? core::TimePoint(0) : m_events.back().time());
    Q_EMIT advanced();
    Q_EMIT stateChanged();
    return true;
}

Summary ReplayPlayer::summary() const
{
    return m_capture.summary(SummaryBuilder::fromTrace(m_log.view()));
}

QJsonObject ReplayPlayer::serviceReport() const
{
    // The service's own word exists only for the session as a whole.
    return isFinished() ? m_capture.summary({}).service : QJsonObject();
}

void ReplayPlayer::showUntil(core::TimePoint time)
{
    while (m_next < qsizetype(m_events.size()) && m_events[std::size_t(m_next)].time() <= time)
        m_log.record(m_events[std::size_t(m_next++)]);
    m_now = time;
}

void ReplayPlayer::reset(const SessionConfig &)
{
    m_log.clear();
    m_next = 0;
    m_now = core::TimePoint(0);
    m_carry = 0;
    Q_EMIT advanced();
    Q_EMIT stateChanged();
}

void ReplayPlayer::play()
{
    if (m_timer.isActive())
        return;
    if (isFinished())
        reset(m_capture.config);
    m_wall.restart();
    m_timer.start();
    Q_EMIT stateChanged();
}

void ReplayPlayer::pause()
{
    if (!m_timer.isActive())
        return;
    m_timer.stop();
    Q_EMIT stateChanged();
}

void ReplayPlayer::step()
{
    pause();
    if (!isFinished()) {
        // One event, even when others share its time.
        m_now = m_events[std::size_t(m_next)].time();
        m_log.record(m_events[std::size_t(m_next++)]);
    }
    Q_EMIT advanced();
}

void ReplayPlayer::seek(core::TimePoint time)
{
    if (time < m_now) {
        m_log.clear();
        m_next = 0;
    }
    showUntil(time);
    Q_EMIT advanced();
}

void ReplayPlayer::setSpeed(double speed)
{
    m_speed = std::clamp(speed, 0.001, 1e6);
    Q_EMIT stateChanged();
}

void ReplayPlayer::tick()
{
    m_carry += double(m_wall.nsecsElapsed()) / 1000.0 * m_speed;
    m_wall.restart();
    const auto advance = std::int64_t(m_carry);
    m_carry -= double(advance);
    showUntil(m_now + core::Duration(advance));
    Q_EMIT advanced();
    if (isFinished())
        pause();
}

QString ReplayPlayer::setOption(const QString &, const QString &, bool *live)
{
    if (live)
        *live = false;
    return QStringLiteral("a capture's settings are fixed; run the session again to change them");
}

} // namespace rpcscope::session
