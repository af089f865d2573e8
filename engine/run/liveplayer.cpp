#include "liveplayer.h"

#include "session/sessionoptions.h"
#include "session/settingchange.h"

namespace rpcscope::session {

LivePlayer::LivePlayer(QObject *parent)
    : Player(parent)
{
    m_timer.setInterval(16);
    connect(&m_timer, &QTimer::timeout, this, &LivePlayer::tick);
}

LivePlayer::~LivePlayer() = default;

namespace {
// Client events are stamped before they are recorded, on several threads:
// the merged trace waits this long for stragglers.
constexpr core::Duration kLocalSlack{50'000};
// A feed that has not answered for this long is not waited for: the
// clients' side goes on showing, and the server's events that come later
// are placed at the time already shown (and counted as late).
constexpr core::Duration kFeedPatience{2'000'000};
// After the last call ends the server still has a little to say (the
// clients' last acks arriving, replies leaving its cache): read on this far.
constexpr core::Duration kServerTail{300'000};
} // namespace

const trace::TraceLog &LivePlayer::log() const
{
    if (m_feed)
        return m_merged;
    return m_session ? m_session->log() : m_empty;
}

QHostAddress LivePlayer::clientBindAddress() const
{
    return m_session ? m_session->clientBindAddress() : QHostAddress(QHostAddress::LocalHost);
}

core::TimePoint LivePlayer::now() const
{
    if (!m_session)
        return core::TimePoint(0);
    // A session that has ended ends at its last event, not at whenever the
    // sockets closed or the server's last events came in: the view that
    // follows the live edge keeps the story in sight.
    if (isFinished()) {
        const trace::TraceLog::View view = log().view();
        if (!view.isEmpty())
            return std::min(m_session->now(), view.at(view.size() - 1).time());
    }
    return m_session->now();
}

void LivePlayer::reset(const SessionConfig &config)
{
    m_timer.stop();
    m_feed.reset();
    m_session.reset(); // stops the old one
    m_merged.clear();
    m_merger = remote::TraceMerger(&m_merged);
    m_localMerged = 0;
    m_feedOpen = false;
    m_feedError.clear();
    m_endedAt.reset();
    m_config = config;
    m_next = config;
    m_paused = false;
    m_error.clear();
    m_session = std::make_unique<LiveSession>(config);
    const bool feed = m_remote && m_remote->tracePort != 0;
    if (m_remote) {
        m_session->setRemote(*m_remote);
        // The clients' own refusals ("no DTLS session ... its key differs")
        // come from their engine threads; each is said once.
        m_session->setNoticeHandler([this](const QString &message) {
            QMetaObject::invokeMethod(
                this,
                [this, message] {
                    if (!m_noticesSaid.contains(message)) {
                        m_noticesSaid.insert(message);
                        Q_EMIT notice(message);
                    }
                },
                Qt::QueuedConnection);
        });
    }
    // With a trace feed, the calls wait until the server's clock is known
    // (RemoteFeed::isWarm), so the server's side of the first call is drawn
    // as surely as the last's.
    m_warming = feed;
    m_session->setPaused(m_warming);
    if (!m_session->start(&m_error)) {
        m_session.reset();
    } else {
        if (feed) {
            m_feed = std::make_unique<remote::RemoteFeed>(*m_remote, &m_session->clock());
            connect(m_feed.get(), &remote::RemoteFeed::notice, this, &LivePlayer::notice);
            for (const auto &[port, host] : m_session->clientPorts())
                m_feed->addClient(port, host);
            QString feedError;
            if (m_feed->start(&feedError)) {
                m_feedOpen = true;
            } else {
                m_feed.reset();
                m_warming = false;
                m_session->setPaused(false);
                m_feedError = tr("The server's trace cannot be read: %1").arg(feedError);
                Q_EMIT notice(m_feedError);
            }
        }
        m_timer.start();
    }
    Q_EMIT advanced();
    Q_EMIT stateChanged();
}

void LivePlayer::play()
{
    if (!m_session || !m_paused)
        return;
    m_paused = false;
    if (!m_warming)
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
    // The calls start once the feed knows the server's clock, or once it
    // has had its chance: a feed that cannot be read does not hold them up.
    if (m_warming && (m_feed->isWarm() || m_session->now() > kFeedPatience)) {
        m_warming = false;
        m_feed->setCallsStarted();
        m_session->setPaused(m_paused);
    }
    if (m_session && m_session->isFinished() && !m_endedAt) {
        m_session->stop();
        m_endedAt = m_session->now();
    }
    if (m_feed)
        merge();
    Q_EMIT advanced();
    if (m_session && isFinished()) {
        m_timer.stop();
        Q_EMIT advanced();
        Q_EMIT stateChanged();
    }
}

void LivePlayer::merge()
{
    const trace::TraceLog::View local = m_session->log().view();
    for (; m_localMerged < local.size(); ++m_localMerged)
        m_merger.addLocal(local.at(m_localMerged));
    for (const trace::Event &e : m_feed->take())
        m_merger.addRemote(e);

    const core::TimePoint now = m_session->now();
    // Everything before this has arrived from both sides.
    core::TimePoint watermark = now - kLocalSlack;
    const std::optional<core::TimePoint> answered = m_feed->lastAnswer();
    const bool quiet = answered ? now - *answered > kFeedPatience : now > kFeedPatience;
    if (!quiet)
        watermark = std::min(watermark, m_feed->complete().value_or(core::TimePoint(-1)));
    else
        watermark = std::min(watermark, now - kFeedPatience);
    if (!m_feedOpen) {
        m_merger.flush();
        return;
    }
    m_merger.release(watermark);
    // The calls have ended: the server's side is complete once its clock has
    // passed the end (its last acks and cache evictions follow soon after),
    // or once the feed has gone quiet.
    if (m_endedAt && (m_merger.released() >= *m_endedAt + kServerTail || quiet)) {
        m_feed->stop();
        m_merger.flush();
        m_feedOpen = false;
    }
}

QString LivePlayer::setOption(const QString &name, const QString &value, bool *live)
{
    const SessionOption *option = findSessionOption(name);
    if (!option)
        return QStringLiteral("unknown option '%1'").arg(name);
    if (QString e = option->apply(m_next, value); !e.isEmpty())
        return e;
    const bool now = (isNetworkOption(name) || isRetryOption(name)) && m_session && !m_session->isFinished();
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
