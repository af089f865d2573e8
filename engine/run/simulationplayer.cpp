#include "simulationplayer.h"

#include "session/sessionoptions.h"
#include "session/settingchange.h"

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
    reset(config, {});
}

void SimulationPlayer::reset(const SessionConfig &config, const SettingChanges &changes)
{
    m_start = config;
    m_config = config;
    m_next = config;
    m_changes.clear();
    m_script = changes;
    m_scriptNext = 0;
    m_sim.reset();
    m_log.clear();
    m_sim = std::make_unique<session::SimNetwork>(m_config, &m_log);
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
    if (m_sim) {
        // A scripted change due before the next event comes first; one at
        // the same instant waits until every event of that instant is done.
        const std::optional<core::TimePoint> next = m_sim->nextEventTime();
        if (m_scriptNext < m_script.size() && (!next || m_script[m_scriptNext].at < *next))
            advanceTo(m_script[m_scriptNext].at);
        else
            m_sim->step();
    }
    Q_EMIT advanced();
}

void SimulationPlayer::runTo(core::TimePoint time)
{
    if (!m_sim || m_sim->finished() || time < m_sim->now())
        return;
    advanceTo(time);
    Q_EMIT advanced();
}

std::optional<core::TimePoint> SimulationPlayer::nextEventTime() const
{
    if (!m_sim || m_sim->finished())
        return std::nullopt;
    std::optional<core::TimePoint> next = m_sim->nextEventTime();
    if (m_scriptNext < m_script.size() && (!next || m_script[m_scriptNext].at < *next))
        next = std::max(m_script[m_scriptNext].at, m_sim->now());
    return next;
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
    advanceTo(m_sim->now() + core::Duration(advance));
    Q_EMIT advanced();
    if (m_sim->finished())
        pause();
}

void SimulationPlayer::advanceTo(core::TimePoint target)
{
    while (m_scriptNext < m_script.size() && m_script[m_scriptNext].at <= target) {
        const SettingChange &c = m_script[m_scriptNext++];
        m_sim->runUntil(c.at);
        if (m_sim->finished())
            return;
        // Checked when the script was made (checkChanges); a change refused
        // here would be a script from elsewhere, and is left out.
        if (applyChange(*m_sim, m_config, c.option, c.value, m_log).isEmpty())
            m_changes.push_back(c);
    }
    m_sim->runUntil(target);
}

QString SimulationPlayer::setOption(const QString &name, const QString &value, bool *live)
{
    const SessionOption *option = findSessionOption(name);
    if (!option)
        return QStringLiteral("unknown option '%1'").arg(name);
    SessionConfig next = m_next;
    if (QString e = option->apply(next, value); !e.isEmpty())
        return e;
    m_next = next;
    const bool now = m_sim && !m_sim->finished() && changesLive(name, m_config, m_next);
    if (live)
        *live = now;
    if (!now)
        return {};
    applyChange(*m_sim, m_config, name, value, m_log);
    m_changes.push_back({m_sim->now(), name, value});
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
