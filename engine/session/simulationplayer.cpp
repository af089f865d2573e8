#include "simulationplayer.h"

#include "sessionoptions.h"

#include <cmath>

namespace rpcscope::session {

SimulationPlayer::SimulationPlayer(QObject *parent)
    : Player(parent)
{
    m_timer.setInterval(16);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SimulationPlayer::tick);
    reset(m_config);
}

SimulationPlayer::~SimulationPlayer() = default;

core::TimePoint SimulationPlayer::now() const
{
    return m_sim ? m_sim->now() : core::TimePoint(0);
}

bool SimulationPlayer::isFinished() const
{
    return !m_sim || m_sim->finished();
}

void SimulationPlayer::reset(const SessionConfig &config)
{
    m_config = config;
    m_next = config;
    m_sim.reset();
    m_log.clear();
    m_sim = std::make_unique<net::SimNetwork>(m_config, &m_log);
    m_virtualCarry = 0;
    m_wall.restart();
    Q_EMIT advanced();
    Q_EMIT stateChanged();
}

void SimulationPlayer::play()
{
    if (m_timer.isActive())
        return;
    m_wall.restart();
    m_timer.start();
    Q_EMIT stateChanged();
}

void SimulationPlayer::pause()
{
    if (!m_timer.isActive())
        return;
    m_timer.stop();
    Q_EMIT stateChanged();
}

void SimulationPlayer::step()
{
    pause();
    if (m_sim)
        m_sim->step();
    Q_EMIT advanced();
}

void SimulationPlayer::setSpeed(double speed)
{
    m_speed = std::clamp(speed, 0.001, 1e6);
    Q_EMIT stateChanged();
}

void SimulationPlayer::tick()
{
    const double wallUs = double(m_wall.nsecsElapsed()) / 1000.0;
    m_wall.restart();
    if (!m_sim)
        return;
    m_virtualCarry += wallUs * m_speed;
    const auto advance = std::int64_t(m_virtualCarry);
    m_virtualCarry -= double(advance);
    if (m_sim->finished()) {
        pause();
        return;
    }
    m_sim->runUntil(m_sim->now() + core::Duration(advance));
    Q_EMIT advanced();
    if (m_sim->finished())
        pause();
}

QString SimulationPlayer::setOption(const QString &name, const QString &value, bool *live)
{
    const SessionOption *option = findSessionOption(name);
    if (!option)
        return QStringLiteral("unknown option '%1'").arg(name);
    if (QString e = option->apply(m_next, value); !e.isEmpty())
        return e;
    // A changed call rate applies at the next arrival; a session that had
    // none (closed loop) keeps running closed until reset.
    const bool rateLive = name == u"call-rate" && m_config.callRate > 0 && m_next.callRate > 0;
    static const QStringList simulationLive = {QStringLiteral("handler-ms"), QStringLiteral("ack-mode"),
                                               QStringLiteral("checksum"), QStringLiteral("window"),
                                               QStringLiteral("server-rate"), QStringLiteral("server-queue")};
    const bool now = (isNetworkOrRetryOption(name) || simulationLive.contains(name) || rateLive) && m_sim
                     && !m_sim->finished();
    if (live)
        *live = now;
    if (!now)
        return {};
    option->apply(m_config, value);
    // Only the part that changed: re-arming retry timers draws new jitter,
    // which a change of loss rate must not do.
    if (isNetworkOption(name))
        m_sim->setNetem(m_config.toServer, m_config.toClient);
    else if (isRetryOption(name))
        m_sim->setRetry(m_config.retry);
    else if (name == u"handler-ms")
        m_sim->setHandlerTime(m_config.handlerTime);
    else if (name == u"call-rate")
        m_sim->setCallRate(m_config.callRate);
    else if (name == u"ack-mode")
        m_sim->setAckMode(m_config.ackMode);
    else if (name == u"checksum")
        m_sim->setChecksum(m_config.checksum);
    else if (name == u"window")
        m_sim->setWindow(m_config.window);
    else if (name == u"server-rate" || name == u"server-queue")
        m_sim->setServerCapacity(m_config.serverRate, m_config.serverQueue);
    m_log.record(paramChangeEvent(name, m_config, m_sim->now()));
    Q_EMIT advanced();
    return {};
}

} // namespace rpcscope::session

namespace rpcscope::session {

QJsonObject SimulationPlayer::serviceReport() const
{
    return m_sim ? m_sim->service().report() : QJsonObject();
}

} // namespace rpcscope::session
