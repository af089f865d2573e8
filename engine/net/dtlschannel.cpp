#include "dtlschannel.h"

#include <QSslCipher>
#include <QSslPreSharedKeyAuthenticator>
#include <QUdpSocket>

#include <algorithm>

namespace rpcscope::net {

namespace {

// Peers told why they get nothing, at most: a flood from many addresses
// must not grow the set, and one line per stranger is enough.
constexpr qsizetype kMaxToldOff = 256;

// A DTLS record begins with its content type (change cipher spec 20 to
// heartbeat 24) and the major version 0xFE; an RpcScope datagram begins "RS".
bool looksLikeDtls(const QByteArray &datagram)
{
    return datagram.size() >= 13 && quint8(datagram[0]) >= 20 && quint8(datagram[0]) <= 24
           && quint8(datagram[1]) == 0xFE;
}

// A ClientHello opening a new association: a handshake record (22) of
// epoch 0 whose message is a client_hello (1). From a peer the server holds
// a session with, it means the peer started over (it restarted, or lost
// its session when this server restarted), as RFC 6347, 4.2.8 describes.
bool looksLikeNewClientHello(const QByteArray &datagram)
{
    return looksLikeDtls(datagram) && quint8(datagram[0]) == 22 && datagram[3] == 0 && datagram[4] == 0
           && quint8(datagram[13]) == 1;
}

// The 32-byte random of a ClientHello: after the record header (13 bytes),
// the handshake header (12) and client_version (2). Every handshake draws a
// new one; both flights of one handshake carry the same.
QByteArray clientRandom(const QByteArray &hello)
{
    constexpr qsizetype at = 13 + 12 + 2;
    return hello.size() >= at + 32 ? hello.mid(at, 32) : QByteArray();
}

constexpr std::size_t kHelloRandomsKept = 8;

QString peerName(const QHostAddress &address, quint16 port)
{
    return address.protocol() == QAbstractSocket::IPv6Protocol
               ? QStringLiteral("[%1]:%2").arg(address.toString()).arg(port)
               : QStringLiteral("%1:%2").arg(address.toString()).arg(port);
}

} // namespace

DtlsChannel::DtlsChannel(QUdpSocket *socket, QByteArray key, bool server, int maxSessions, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_key(std::move(key))
    , m_server(server)
    , m_maxSessions(std::max(1, maxSessions))
    , m_config(QSslConfiguration::defaultDtlsConfiguration())
    , m_sweep(this)
{
    // The key is the only credential: no certificates to verify.
    m_config.setPeerVerifyMode(QSslSocket::VerifyNone);
    m_config.setProtocol(QSsl::DtlsV1_2OrLater);
    m_config.setDtlsCookieVerificationEnabled(server);
    m_sweep.setInterval(kHandshakeLimitMs / 5);
    connect(&m_sweep, &QTimer::timeout, this, &DtlsChannel::dropStalledHandshakes);
}

DtlsChannel::~DtlsChannel() = default;

bool DtlsChannel::isEstablished(const QHostAddress &address, quint16 port) const
{
    const auto it = m_sessions.constFind({address, port});
    return it != m_sessions.constEnd() && (*it)->dtls->isConnectionEncrypted();
}

std::shared_ptr<DtlsChannel::Session> DtlsChannel::startSession(const Key &key)
{
    if (m_sessions.size() >= m_maxSessions && !makeRoom())
        return nullptr;
    auto session = std::make_shared<Session>();
    session->dtls = std::make_unique<QDtls>(m_server ? QSslSocket::SslServerMode : QSslSocket::SslClientMode);
    session->dtls->setDtlsConfiguration(m_config);
    session->dtls->setPeer(key.first, key.second);
    session->started.start();
    session->lastHeard.start();
    connect(session->dtls.get(), &QDtls::pskRequired, this, [this](QSslPreSharedKeyAuthenticator *auth) {
        auth->setIdentity(QByteArrayLiteral("rpcscope"));
        auth->setPreSharedKey(m_key);
    });
    QDtls *dtls = session->dtls.get();
    connect(dtls, &QDtls::handshakeTimeout, this, [this, dtls] { dtls->handleTimeout(m_socket); });
    m_sessions.insert(key, session);
    if (!m_sweep.isActive())
        m_sweep.start();
    return session;
}

std::optional<QByteArray> DtlsChannel::receive(const QByteArray &datagram, const QHostAddress &address,
                                               quint16 port)
{
    const Key key{address, port};
    std::shared_ptr<Session> session = m_sessions.value(key);
    if (!session) {
        if (!m_server)
            return std::nullopt; // a client hears only its server
        // The first contact proves its address with a cookie before the
        // server keeps anything for it.
        if (!looksLikeDtls(datagram)) {
            refuse(key, QStringLiteral("%1 sent a datagram that is not DTLS: this server needs the key")
                            .arg(peerName(address, port)));
            return std::nullopt;
        }
        if (!m_verifier.verifyClient(m_socket, datagram, address, port))
            return std::nullopt; // answered with a cookie, or not a ClientHello
        session = startSession(key);
        if (!session)
            return std::nullopt;
        session->helloRandoms.push_back(clientRandom(datagram));
    }
    if (m_server && session->dtls->isConnectionEncrypted() && datagram.size() > 13
        && looksLikeNewClientHello(datagram) && session->lastHeard.hasExpired(kQuietBeforeRestartMs)) {
        // The peer starts over: the old session gives way once the new
        // contact has proved its address with a cookie. Only a session
        // that has gone quiet: a ClientHello of the handshake just done,
        // delayed or replayed, must not tear down a session in use.
        // A hello this peer already opened a session with is a replay (its
        // cookie still verifies): the session in use stays.
        const QByteArray random = clientRandom(datagram);
        if (random.isEmpty() || std::find(session->helloRandoms.begin(), session->helloRandoms.end(), random)
                                    != session->helloRandoms.end()) {
            ++m_stats.undecryptable;
            return std::nullopt;
        }
        if (!m_verifier.verifyClient(m_socket, datagram, address, port))
            return std::nullopt;
        std::vector<QByteArray> randoms = std::move(session->helloRandoms);
        m_sessions.remove(key);
        session = startSession(key);
        if (!session)
            return std::nullopt;
        if (randoms.size() >= kHelloRandomsKept)
            randoms.erase(randoms.begin());
        randoms.push_back(random);
        session->helloRandoms = std::move(randoms);
    }
    session->lastHeard.start();
    session->unanswered.invalidate();
    if (!session->dtls->isConnectionEncrypted()) {
        handshakeStep(key, *session, datagram);
        return std::nullopt;
    }
    const QByteArray plain = session->dtls->decryptDatagram(m_socket, datagram);
    if (session->dtls->dtlsError() == QDtlsError::RemoteClosedConnectionError) {
        m_sessions.remove(key);
        return std::nullopt;
    }
    if (plain.isEmpty()) {
        ++m_stats.undecryptable; // damaged, replayed, or not from the key's holder
        return std::nullopt;
    }
    return plain;
}

void DtlsChannel::handshakeStep(const Key &key, Session &session, const QByteArray &datagram)
{
    if (!session.dtls->doHandshake(m_socket, datagram)) {
        refuse(key, QStringLiteral("DTLS handshake with %1 failed: %2")
                        .arg(peerName(key.first, key.second), session.dtls->dtlsErrorString()));
        m_sessions.remove(key);
        return;
    }
    if (session.dtls->isConnectionEncrypted()) {
        ++m_stats.sessions;
        m_toldOff.remove(key);
        Q_EMIT established(QStringLiteral("DTLS session with %1 (%2)")
                               .arg(peerName(key.first, key.second), session.dtls->sessionCipher().name()));
        for (const QByteArray &plain : std::exchange(session.waiting, {}))
            session.dtls->writeDatagramEncrypted(m_socket, plain);
    }
}

void DtlsChannel::connectTo(const QHostAddress &address, quint16 port)
{
    const Key key{address, port};
    if (m_server || m_sessions.contains(key))
        return;
    const std::shared_ptr<Session> session = startSession(key);
    if (session && !session->dtls->doHandshake(m_socket)) {
        refuse(key, QStringLiteral("cannot start a DTLS handshake with %1: %2")
                        .arg(peerName(address, port), session->dtls->dtlsErrorString()));
        m_sessions.remove(key);
    }
}

bool DtlsChannel::send(const QHostAddress &address, quint16 port, const QByteArray &plain)
{
    const Key key{address, port};
    if (!m_server) {
        // Sending and hearing nothing back for this long: the server has
        // most likely restarted and lost this session. Start over; what is
        // sent meanwhile waits for the new one.
        const std::shared_ptr<Session> current = m_sessions.value(key);
        if (current && current->dtls->isConnectionEncrypted() && current->unanswered.isValid()
            && current->unanswered.hasExpired(kSilenceLimitMs))
            m_sessions.remove(key);
    }
    connectTo(address, port); // a client whose handshake was given up tries again
    const std::shared_ptr<Session> session = m_sessions.value(key);
    if (!session)
        return false;
    if (!session->unanswered.isValid())
        session->unanswered.start();
    if (!session->dtls->isConnectionEncrypted()) {
        if (session->waiting.size() >= std::size_t(kMaxWaiting))
            return false;
        session->waiting.push_back(plain);
        ++m_stats.waited;
        return true;
    }
    return session->dtls->writeDatagramEncrypted(m_socket, plain) == plain.size();
}

void DtlsChannel::refuse(const Key &key, const QString &why)
{
    ++m_stats.refused;
    if (m_toldOff.contains(key) || m_toldOff.size() >= kMaxToldOff)
        return;
    m_toldOff.insert(key);
    Q_EMIT refused(why);
}

// A wrong key shows as silence: DTLS drops what it cannot authenticate, so
// a handshake that has not finished in time is given up, and said so.
void DtlsChannel::dropStalledHandshakes()
{
    bool handshaking = false;
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        const Session &s = **it;
        if (!s.dtls->isConnectionEncrypted() && s.started.hasExpired(kHandshakeLimitMs)) {
            refuse(it.key(), QStringLiteral("no DTLS session with %1 after %2 s: its key differs from this one, "
                                            "or it does not speak DTLS")
                                 .arg(peerName(it.key().first, it.key().second))
                                 .arg(kHandshakeLimitMs / 1000));
            it = m_sessions.erase(it);
            continue;
        }
        handshaking |= !s.dtls->isConnectionEncrypted();
        ++it;
    }
    if (!handshaking)
        m_sweep.stop();
}

// The session heard from least recently gives way, if a minute has passed.
bool DtlsChannel::makeRoom()
{
    auto oldest = m_sessions.end();
    for (auto it = m_sessions.begin(); it != m_sessions.end(); ++it)
        if (oldest == m_sessions.end() || (*it)->lastHeard.elapsed() > (*oldest)->lastHeard.elapsed())
            oldest = it;
    if (oldest == m_sessions.end() || !(*oldest)->lastHeard.hasExpired(60'000))
        return false;
    m_sessions.erase(oldest);
    return true;
}

} // namespace rpcscope::net
