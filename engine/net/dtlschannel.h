#pragma once

#include <QByteArray>
#include <QDtls>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QSet>
#include <QTimer>

#include <memory>
#include <vector>
#include <optional>

class QUdpSocket;

namespace rpcscope::net {

// DTLS 1.2 with a pre-shared key over one UDP socket, for two machines that
// should not trust the network between them: every datagram is encrypted
// and authenticated, and replays are dropped. Qt's QDtls does the protocol;
// this keeps one session per peer address, answers a server's first
// contact with a stateless cookie (QDtlsClientVerifier) so spoofed senders
// cost nothing, and bounds everything a stranger can make it hold.
//
// A peer without the key gets nothing. Its handshake never completes (DTLS
// gives no answer a wrong key could learn from), so it is refused after
// kHandshakeLimit and said so once through refused(); plain datagrams are
// refused the same way.
class DtlsChannel : public QObject
{
    Q_OBJECT

public:
    static constexpr int kHandshakeLimitMs = 5'000;

    DtlsChannel(QUdpSocket *socket, QByteArray key, bool server, int maxSessions, QObject *parent = nullptr);
    ~DtlsChannel() override;

    // A datagram from the socket: the plaintext to hand to the protocol, or
    // nothing (a handshake step, a cookie exchange, or refused).
    std::optional<QByteArray> receive(const QByteArray &datagram, const QHostAddress &address, quint16 port);
    // A client: starts the handshake with its server (again, if one was
    // given up), so the first call need not wait for it.
    void connectTo(const QHostAddress &address, quint16 port);
    // Encrypts and sends. During a handshake the datagram waits and goes as
    // soon as the session is up (a few, kMaxWaiting; past that the
    // protocol's resends go through once it completes), so a first call does
    // not pay a timeout for the handshake. False if it was neither sent nor
    // kept. A client starts its handshake here.
    bool send(const QHostAddress &address, quint16 port, const QByteArray &plain);
    static constexpr int kMaxWaiting = 32;
    // A client that has been sending this long without hearing from its
    // server handshakes again: a restarted server knows nothing of the old
    // session, and would otherwise drop everything sent under it. A server
    // accepts a fresh ClientHello from a peer it holds a session with.
    static constexpr int kSilenceLimitMs = 3000;
    static constexpr int kQuietBeforeRestartMs = 1000;

    struct Stats
    {
        std::uint64_t sessions = 0;     // handshakes completed
        std::uint64_t refused = 0;      // handshakes abandoned or plain datagrams from strangers
        std::uint64_t undecryptable = 0; // from a session, but damaged, replayed or forged
        std::uint64_t waited = 0;        // datagrams held until their session was up
    };
    const Stats &stats() const { return m_stats; }
    bool isEstablished(const QHostAddress &address, quint16 port) const;

Q_SIGNALS:
    // Once per peer: why it gets nothing ("... the key differs?").
    void refused(const QString &message);
    void established(const QString &message);

private:
    using Key = std::pair<QHostAddress, quint16>;
    struct Session
    {
        std::unique_ptr<QDtls> dtls;
        QElapsedTimer started;
        QElapsedTimer lastHeard;
        std::vector<QByteArray> waiting; // sent during the handshake, to go when it completes
        QElapsedTimer unanswered;        // since the first send after the peer was last heard
        // The client randoms of the ClientHellos that opened this session
        // and the ones it replaced (the latest few): a restart must bring a
        // new one, or it is an old hello replayed.
        std::vector<QByteArray> helloRandoms;
    };

    std::shared_ptr<Session> startSession(const Key &key);
    void handshakeStep(const Key &key, Session &session, const QByteArray &datagram);
    void refuse(const Key &key, const QString &why);
    void dropStalledHandshakes();
    bool makeRoom();

    QUdpSocket *m_socket;
    QByteArray m_key;
    bool m_server;
    int m_maxSessions;
    QSslConfiguration m_config;
    QDtlsClientVerifier m_verifier;
    QHash<Key, std::shared_ptr<Session>> m_sessions;
    QSet<Key> m_toldOff;  // peers already told why they are refused (bounded)
    QTimer m_sweep;       // abandons handshakes that stall
    Stats m_stats;
};

} // namespace rpcscope::net
