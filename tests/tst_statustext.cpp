// The main window's status texts (widgets/statustext.h), checked without a
// window: the statistics line, the service's report, the remote connection.
#include "statustext.h"

#include <QTest>

using namespace rpcscope;
using widgets::StatusText;

class TestStatusText : public QObject
{
    Q_OBJECT

private slots:
    void statisticsOfACleanRun()
    {
        session::Summary s;
        s.calls = 10;
        s.ok = 10;
        s.retransmissions = 3;
        s.duplicatesSuppressed = 1;
        s.cachedRepliesResent = 2;
        s.latency.p50 = 12.34;
        s.latency.p99 = 250.0;
        QCOMPARE(StatusText::statistics(s),
                 QStringLiteral("calls 10 · ok 10 · failed 0 · retransmissions 3 · duplicates answered from memory 3"
                                " · latency p50 12.3 ms · p99 250.0 ms"));
    }

    void statisticsNameWhyCallsFailedAndWhatWasDamaged()
    {
        session::Summary s;
        s.calls = 9;
        s.ok = 4;
        s.failed[trace::callErrorName(trace::CallError::MaxAttempts)] = 3;
        s.failed[trace::callErrorName(trace::CallError::DeadlineExceeded)] = 2;
        s.probes = 5;
        s.datagrams.corrupted = 7;
        s.datagrams.checksumRejected = 6;
        s.datagrams.corruptAccepted = 1;
        const QString line = StatusText::statistics(s);
        // Reasons in the order of CallError, each with its count.
        QVERIFY2(line.contains(QStringLiteral("failed 5 (deadline-exceeded 2, max-attempts 3)")), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral(" · probes 5 · ")), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("damaged datagrams 7: checksum caught 6, corrupt accepted 1")),
                 qPrintable(line));
    }

    void serviceReport()
    {
        QCOMPARE(StatusText::service({}), QString());
        QCOMPARE(StatusText::service({{QStringLiteral("counter_total"), 42}}), QStringLiteral(" · counter 42"));
        QJsonObject file{{QStringLiteral("sha256_sent"), QStringLiteral("ab")},
                         {QStringLiteral("file_bytes"), 4 * 1024 * 1024},
                         {QStringLiteral("received_bytes"), 1024 * 1024}};
        QCOMPARE(StatusText::service(file), QStringLiteral(" · file 1.00 of 4.00 MiB received"));
        file[QStringLiteral("received_bytes")] = 4 * 1024 * 1024;
        file[QStringLiteral("sha256_received")] = QStringLiteral("ab");
        file[QStringLiteral("verified")] = true;
        QVERIFY(StatusText::service(file).contains(QStringLiteral("SHA-256 matches")));
        file[QStringLiteral("verified")] = false;
        QVERIFY(StatusText::service(file).contains(QStringLiteral("DIFFERS")));
    }

    void connectionSaysWhatTheFeedKnows()
    {
        StatusText::Remote r;
        r.server = QStringLiteral("192.0.2.7:7000");
        r.clientBind = QHostAddress(QHostAddress::LocalHost);
        QCOMPARE(StatusText::connection(r),
                 QStringLiteral("Remote server 192.0.2.7:7000 (clients on 127.0.0.1) · the server does not share "
                                "its trace"));
        QCOMPARE(StatusText::remoteCaption(r), QStringList{QStringLiteral("remote server 192.0.2.7:7000")});

        r.sharesTrace = true;
        QVERIFY(StatusText::connection(r).endsWith(QStringLiteral("reading the server's trace…")));
        r.lastPullError = QStringLiteral("no reply");
        QVERIFY(StatusText::connection(r).endsWith(QStringLiteral("server trace: no reply")));
        r.feedError = QStringLiteral("the key is wrong");
        QVERIFY(StatusText::connection(r).endsWith(QStringLiteral(" · the key is wrong"))); // before a pull's error

        r.feedError.clear();
        r.lastPullError.clear();
        r.clock = StatusText::Remote::Clock{core::Duration(-1500), core::Duration(250), 1000};
        r.otherClients = 4;
        r.lateEvents = 2;
        r.missed = 1;
        QCOMPARE(StatusText::connection(r),
                 QStringLiteral("Remote server 192.0.2.7:7000 (clients on 127.0.0.1) · server clock -1.500 ms ± 0.250 ms"
                                " (Cristian, best of the last 64 round trips) · other clients' events hidden: 4"
                                " · events placed late: 2 · server events missed: 1"));
        QCOMPARE(StatusText::remoteCaption(r),
                 (QStringList{QStringLiteral("remote server 192.0.2.7:7000"),
                              QStringLiteral("server clock -1.500 ± 0.250 ms")}));
    }

    void clientsOffLoopbackAreSaid()
    {
        StatusText::Remote r;
        r.server = QStringLiteral("192.0.2.7:7000");
        r.clientBind = QHostAddress(QHostAddress::AnyIPv4);
        QVERIFY(StatusText::connection(r).contains(QStringLiteral("clients bound to 0.0.0.0, not loopback")));
    }
};

QTEST_GUILESS_MAIN(TestStatusText)
#include "tst_statustext.moc"
