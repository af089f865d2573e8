#include "liveplayer.h"

#include "sessionoptions.h"

namespace rpcscope::session {

LivePlayer::LivePlayer(QObject *parent)
    : Player(parent)
{
    m_timer.setInterval(16);
    connect(&m_timer, &QTimer::timeout, this, &LivePlayer::tick);
}

LivePlayer::~LivePlayer() = default;

const trace::TraceLog &LivePlayer::log() const
{
    return m_session ? m_session->log() : m_empty;
}

core::TimePoint LivePlayer::now() const
{
    return m_session ? m_session->now() : core::TimePoint(0);
}

void LivePlayer::reset(const SessionConfig &config)
{
    m_timer.stop();
    m_session.reset(); // stops the old one
    m_config = config;
    m_next = config;
    m_paused = false;
    m_error.clear();
    m_session = std::make_unique<LiveSession>(config);
    if (!m_session->start(&m_error))
        m_session.reset();
    else
        m_timer.start();
    Q_EMIT advanced();
    Q_EMIT stateChanged();
}

void LivePlayer::play()
{
    if (!m_session || !m_paused)
        return;
    m_paused = false;
    m_session->setPaused(false);
    m_timer.start();
    Q_EMIT stateChanged();
}

void LivePlayer::pause()
{
    if (!m_session || m_paused)
        return;
    m_paused = true;
    m_session->setPaused(true);
    Q_EMIT stateChanged();
}

void LivePlayer::tick()
{
    Q_EMIT advanced();
    if (m_session && m_session->isFinished()) {
        m_timer.stop();
        m_session->stop();
        Q_EMIT advanced();
        Q_EMIT stateChanged();
    }
}

QString LivePlayer::setOption(const QString &name, const QString &value, bool *live)
{
    const SessionOption *option = findSessionOption(name);
    if (!option)
        return QStringLiteral("unknown option '%1'").arg(name);
    if (QString e = option->apply(m_next, value); !e.isEmpty())
        return e;
    const bool now = isNetworkOrRetryOption(name) && m_session && !m_session->isFinished();
    if (live)
        *live = now;
    if (!now)
        return {};
    option->apply(m_config, value);
    if (isNetworkOption(name))
        m_session->setNetem(m_config.toServer, m_config.toClient);
    else
        m_session->setRetry(m_config.retry);
    m_session->record(paramChangeEvent(name, m_config, m_session->now()));
    return {};
}

} // namespace rpcscope::session

namespace rpcscope::session {

QJsonObject LivePlayer::serviceReport() const
{
    return m_session ? m_session->serviceReport() : QJsonObject();
}

} // namespace rpcscope::session
