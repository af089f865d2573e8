// A session's datagrams as a packet capture: the pcapng file read back
// block by block here, and by tshark with RpcScope's Lua dissector
// (packaging/wireshark/rpcscope.lua), field by field against the trace.
#include "base/random.h"
#include "export/pcapngwriter.h"
#include "run/livesession.h"
#include "run/wirecapture.h"
#include "session/scenario.h"
#include "simrun.h"
#include "wire/datagram.h"

#include <QBuffer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace rpcscope;
using testsupport::scenarioConfig;
using trace::EventKind;

namespace {

const QString kDissector = QStringLiteral(RPCSCOPE_WIRESHARK_LUA);

struct Block
{
    std::uint32_t type = 0;
    QByteArray body;
};

// The blocks of a pcapng file written in little-endian order; empty (and
// `error` set) where the framing is broken.
std::vector<Block> readBlocks(const QByteArray &file, QString *error)
{
    std::vector<Block> blocks;
    qsizetype at = 0;
    while (at < file.size()) {
        if (file.size() - at < 12) {
            *error = QStringLiteral("a truncated block at %1").arg(at);
            return {};
        }
        const auto type = qFromLittleEndian<std::uint32_t>(file.constData() + at);
        const auto total = qFromLittleEndian<std::uint32_t>(file.constData() + at + 4);
        if (total % 4 != 0 || total < 12 || at + total > file.size()) {
            *error = QStringLiteral("block at %1 has length %2").arg(at).arg(total);
            return {};
        }
        if (qFromLittleEndian<std::uint32_t>(file.constData() + at + total - 4) != total) {
            *error = QStringLiteral("block at %1: trailing length differs").arg(at);
            return {};
        }
        blocks.push_back({type, file.mid(at + 8, total - 12)});
        at += total;
    }
    return blocks;
}

// Options after `from` in a block body: code -> value.
std::map<std::uint16_t, QByteArray> readOptions(const QByteArray &body, qsizetype from)
{
    std::map<std::uint16_t, QByteArray> options;
    qsizetype at = from;
    while (at + 4 <= body.size()) {
        const auto code = qFromLittleEndian<std::uint16_t>(body.constData() + at);
        const auto length = qFromLittleEndian<std::uint16_t>(body.constData() + at + 2);
        if (code == 0)
            break;
        options[code] = body.mid(at + 4, length);
        at += 4 + ((length + 3) / 4) * 4;
    }
    return options;
}

QByteArray pcapngOf(const session::SessionConfig &config)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (!session::writeWirePcapng(config, {}, buffer))
        return {};
    return buffer.data();
}

struct TsharkRun
{
    bool started = false;
    int exitCode = -1;
    QString out;
    QString err;
};

TsharkRun tshark(const QString &file, const QStringList &fields)
{
    TsharkRun r;
    QStringList args{QStringLiteral("-n"), QStringLiteral("-X"), QStringLiteral("lua_script:") + kDissector,
                     QStringLiteral("-r"), file, QStringLiteral("-T"), QStringLiteral("fields"),
                     QStringLiteral("-E"), QStringLiteral("separator=,"), QStringLiteral("-E"),
                     QStringLiteral("occurrence=f")};
    for (const QString &f : fields)
        args << QStringLiteral("-e") << f;
    QProcess p;
    p.start(QStringLiteral("tshark"), args);
    r.started = p.waitForStarted(30'000);
    if (!r.started || !p.waitForFinished(120'000))
        return r;
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace

class TestPcapng : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fileIsPcapngBlockByBlock();
    void packetsAreTheTracesDatagrams();
    void dissectorReadsEveryScenarioAsTheTraceSays();
    void dissectorVerifiesEveryChecksumKind_data();
    void dissectorVerifiesEveryChecksumKind();
    void damagedDatagramsNeverMakeTheDissectorFail();
    void liveSessionIsCapturedAsItsSocketsWroteIt();
};

void TestPcapng::initTestCase()
{
    // ./rpcscope.sh installs Debian's tshark; without it the dissector is untested, which is a failure.
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("tshark")).isEmpty(),
             "tshark is not installed: ./rpcscope.sh deps installs it (Debian package tshark)");
    QVERIFY2(QFile::exists(kDissector), qPrintable(kDissector));
}

// Section header (byte order, version, the program and the settings), one
// raw-IPv4 interface in microseconds, then one enhanced packet per datagram:
// IPv4 with a right header checksum, UDP between the hosts' ports, the
// datagram as payload and the emulator's comment.
void TestPcapng::fileIsPcapngBlockByBlock()
{
    const session::SessionConfig config = scenarioConfig(QStringLiteral("lossy"), 4);
    const QByteArray file = pcapngOf(config);
    QString error;
    const std::vector<Block> blocks = readBlocks(file, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const std::vector<session::WirePacket> packets = session::captureWire(config, {});
    QCOMPARE(blocks.size(), packets.size() + 2);

    QCOMPARE(blocks[0].type, 0x0A0D0D0Au);
    QCOMPARE(qFromLittleEndian<std::uint32_t>(blocks[0].body.constData()), 0x1A2B3C4Du);
    QCOMPARE(qFromLittleEndian<std::uint16_t>(blocks[0].body.constData() + 4), std::uint16_t(1));
    const auto shb = readOptions(blocks[0].body, 16);
    QVERIFY(QString::fromUtf8(shb.at(4)).startsWith(u"RpcScope "));
    QVERIFY2(QString::fromUtf8(shb.at(1)).contains(u"scenario=lossy"), shb.at(1).constData());
    QVERIFY(QString::fromUtf8(shb.at(1)).contains(u"seed=4"));

    QCOMPARE(blocks[1].type, 1u);
    QCOMPARE(qFromLittleEndian<std::uint16_t>(blocks[1].body.constData()), std::uint16_t(228));
    QCOMPARE(readOptions(blocks[1].body, 8).at(9), QByteArray(1, char(6)));

    int lost = 0;
    for (std::size_t i = 0; i < packets.size(); ++i) {
        const Block &b = blocks[i + 2];
        const session::WirePacket &p = packets[i];
        QCOMPARE(b.type, 6u);
        const QByteArray &body = b.body;
        const std::uint64_t ts = std::uint64_t(qFromLittleEndian<std::uint32_t>(body.constData() + 4)) << 32
                                 | qFromLittleEndian<std::uint32_t>(body.constData() + 8);
        QCOMPARE(std::int64_t(ts), p.timeUs);
        const auto captured = qFromLittleEndian<std::uint32_t>(body.constData() + 12);
        QCOMPARE(qsizetype(captured), 28 + p.bytes.size());
        const QByteArray ip = body.mid(20, captured);
        QCOMPARE(std::uint8_t(ip[0]), std::uint8_t(0x45));
        QCOMPARE(std::uint8_t(ip[9]), std::uint8_t(17));
        std::uint32_t sum = 0;
        for (int k = 0; k < 20; k += 2)
            sum += std::uint32_t(std::uint8_t(ip[k])) << 8 | std::uint8_t(ip[k + 1]);
        while (sum >> 16)
            sum = (sum & 0xFFFF) + (sum >> 16);
        QCOMPARE(sum, 0xFFFFu); // a right header checksum sums to all ones
        QCOMPARE(qFromBigEndian<std::uint32_t>(ip.constData() + 12), exporting::PcapngWriter::address(p.from));
        QCOMPARE(qFromBigEndian<std::uint32_t>(ip.constData() + 16), exporting::PcapngWriter::address(p.to));
        QCOMPARE(qFromBigEndian<std::uint16_t>(ip.constData() + 20), exporting::PcapngWriter::port(p.from));
        QCOMPARE(qFromBigEndian<std::uint16_t>(ip.constData() + 22), exporting::PcapngWriter::port(p.to));
        QCOMPARE(ip.mid(28), p.bytes);
        const auto options = readOptions(body, 20 + ((captured + 3) / 4) * 4);
        QCOMPARE(QString::fromUtf8(options.at(1)), p.comment);
        lost += p.comment.startsWith(u"lost");
    }
    QVERIFY(lost > 0); // the lossy scenario's losses are packets too
}

// One packet per Deliver (a duplicate's every copy) and per Lost, nothing
// else: checked against a plain count of the trace of the same run.
void TestPcapng::packetsAreTheTracesDatagrams()
{
    for (const session::Scenario &scenario : session::scenarios()) {
        const session::SessionConfig config = scenarioConfig(scenario.name, 6);
        const testsupport::SimRun run(config);
        qsizetype arrivals = 0, losses = 0;
        for (qsizetype i = 0; i < run.view.size(); ++i) {
            arrivals += run.view.at(i).kind == EventKind::Deliver;
            losses += run.view.at(i).kind == EventKind::Lost;
        }
        const std::vector<session::WirePacket> packets = session::captureWire(config, {});
        qsizetype delivered = 0, lost = 0;
        std::int64_t last = 0;
        for (const session::WirePacket &p : packets) {
            delivered += p.event.kind == EventKind::Deliver;
            lost += p.event.kind == EventKind::Lost;
            QVERIFY2(p.timeUs >= last, qPrintable(scenario.name)); // in the order they left
            last = p.timeUs;
            QVERIFY2(!p.bytes.isEmpty(), qPrintable(scenario.name));
            QVERIFY2(p.timeUs <= p.event.timeUs, qPrintable(scenario.name));
        }
        QCOMPARE(delivered, arrivals);
        QCOMPARE(lost, losses);
    }
}

// tshark with the dissector, every scenario: kind, call, attempt and
// fragment as the trace has them for every datagram whose checksum holds,
// and the checksum flagged bad exactly where the receiver's check failed.
void TestPcapng::dissectorReadsEveryScenarioAsTheTraceSays()
{
    QTemporaryDir dir;
    for (const session::Scenario &scenario : session::scenarios()) {
        const session::SessionConfig config = scenarioConfig(scenario.name, 1);
        const QString path = dir.filePath(scenario.name + QStringLiteral(".pcapng"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(session::writeWirePcapng(config, {}, file));
        file.close();
        const std::vector<session::WirePacket> packets = session::captureWire(config, {});
        const TsharkRun r = tshark(path, {QStringLiteral("rpcscope.kind"), QStringLiteral("rpcscope.call"),
                                          QStringLiteral("rpcscope.attempt"), QStringLiteral("rpcscope.fragment"),
                                          QStringLiteral("rpcscope.fragment_count"),
                                          QStringLiteral("rpcscope.checksum.status")});
        QVERIFY2(r.started, "tshark did not start");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(!r.err.contains(u"Lua Error") && !r.out.contains(u"Lua Error"), qPrintable(r.err));
        const QStringList rows = r.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), qsizetype(packets.size()));
        int checked = 0, bad = 0;
        for (std::size_t i = 0; i < packets.size(); ++i) {
            const session::WirePacket &p = packets[i];
            const QStringList f = rows[qsizetype(i)].split(u',');
            QCOMPARE(f.size(), 6);
            const QString where = QStringLiteral("%1 packet %2: %3").arg(scenario.name).arg(i + 1).arg(rows[qsizetype(i)]);
            const bool flagged = f[5] == u"2";
            QVERIFY2(flagged == p.checksumFailed || (flagged && p.malformed), qPrintable(where));
            bad += flagged;
            if (flagged || p.malformed)
                continue;
            const trace::Event &e = p.event;
            QVERIFY2(f[0].toUInt() == e.datagram, qPrintable(where));
            QVERIFY2(f[1].toUInt() == e.callId, qPrintable(where));
            QVERIFY2(f[2].toUInt() == e.attempt, qPrintable(where));
            // A fragment's place (a selective ack's index names the fragment
            // it answers, which the trace does not keep).
            const uint count = f[4].toUInt();
            if (e.datagram != std::uint8_t(wire::DatagramKind::FragmentAck))
                QVERIFY2((count > 1 ? f[3].toUInt() + 1 : 0) == e.fragment, qPrintable(where));
            ++checked;
        }
        QVERIFY2(checked > 0, qPrintable(scenario.name));
        if (scenario.name == u"corruption")
            QVERIFY(bad > 0);
    }
}

void TestPcapng::dissectorVerifiesEveryChecksumKind_data()
{
    QTest::addColumn<QString>("checksum");
    for (const char *kind : {"none", "sum", "xor", "fletcher16", "crc32c"})
        QTest::newRow(kind) << QString::fromLatin1(kind);
}

// The corruption scenario under each checksum: the dissector computes each
// one as the engine does, flags exactly the datagrams the receiver caught,
// and passes those the weak ones miss.
void TestPcapng::dissectorVerifiesEveryChecksumKind()
{
    QFETCH(QString, checksum);
    session::SessionConfig config = scenarioConfig(QStringLiteral("corruption"), 3);
    config.checksum = *wire::checksumFromName(checksum);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.pcapng"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(session::writeWirePcapng(config, {}, file));
    file.close();
    const std::vector<session::WirePacket> packets = session::captureWire(config, {});
    const TsharkRun r = tshark(path, {QStringLiteral("rpcscope.checksum.status"),
                                      QStringLiteral("rpcscope.flags.checksum_kind")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QStringList rows = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(rows.size(), qsizetype(packets.size()));
    int good = 0, bad = 0, caught = 0;
    for (std::size_t i = 0; i < packets.size(); ++i) {
        const QStringList f = rows[qsizetype(i)].split(u',');
        const session::WirePacket &p = packets[i];
        const QString where = QStringLiteral("packet %1: %2, %3").arg(i + 1).arg(rows[qsizetype(i)], p.comment);
        if (p.malformed)
            continue;
        // Under no checksum only damaged flags are caught (they name a
        // checksum the trailer does not hold); nothing is ever verified good.
        if (checksum == u"none")
            QVERIFY2(f[0] != u"1", qPrintable(where));
        QVERIFY2((f[0] == u"2") == p.checksumFailed, qPrintable(where));
        good += f[0] == u"1";
        bad += f[0] == u"2";
        caught += p.checksumFailed;
    }
    QCOMPARE(bad, caught);
    if (checksum != u"none") {
        QVERIFY(good > 0);
        QVERIFY(bad > 0);
    }
    QVERIFY(caught < int(packets.size())); // the weak ones and none let damage through
}

// Datagrams damaged every way (cut short, bits flipped, lengths and flags
// nonsense, random bytes behind the magic): tshark reads them all, and the
// dissector marks them instead of failing.
void TestPcapng::damagedDatagramsNeverMakeTheDissectorFail()
{
    const std::vector<session::WirePacket> good = session::captureWire(scenarioConfig(QStringLiteral("fragmentation"), 2), {});
    QVERIFY(!good.empty());
    core::Random random(42);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("damaged.pcapng"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    exporting::PcapngWriter writer(file);
    QVERIFY(writer.begin(QStringLiteral("RpcScope test"), QStringLiteral("damaged datagrams")));
    int written = 0;
    for (int i = 0; i < 600; ++i) {
        QByteArray bytes = good[std::size_t(random.next() % good.size())].bytes;
        switch (i % 6) {
        case 0: bytes.truncate(qsizetype(random.next() % std::uint64_t(bytes.size() + 1))); break;
        case 1:
            for (int k = 0; k < 3; ++k) {
                const auto at = qsizetype(random.next() % std::uint64_t(bytes.size()));
                bytes[at] = char(bytes[at] ^ char(1 << (random.next() % 8)));
            }
            break;
        case 2: bytes[28] = char(random.next()); bytes[29] = char(random.next()); break; // the body length
        case 3: bytes[4] = char(random.next()); break;                                   // the flags
        case 4:
            for (qsizetype k = 2; k < bytes.size(); ++k)
                bytes[k] = char(random.next());
            break;
        case 5: bytes = QByteArray("RS") + QByteArray(int(random.next() % 40), char(0xFF)); break;
        }
        QVERIFY(writer.packet(i * 1000, core::HostId(1), core::kServerHost, bytes, QString()));
        ++written;
    }
    file.close();
    const TsharkRun r = tshark(path, {QStringLiteral("frame.number"), QStringLiteral("rpcscope.call")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(!r.err.contains(u"Lua Error") && !r.out.contains(u"Lua Error"), qPrintable(r.err));
    QCOMPARE(r.out.split(u'\n', Qt::SkipEmptyParts).size(), written);
    // And with the dissector's own tree, where an error would show.
    QProcess verbose;
    verbose.start(QStringLiteral("tshark"), {QStringLiteral("-n"), QStringLiteral("-X"),
                                             QStringLiteral("lua_script:") + kDissector, QStringLiteral("-r"), path,
                                             QStringLiteral("-V")});
    QVERIFY(verbose.waitForFinished(120'000));
    const QString tree = QString::fromUtf8(verbose.readAllStandardOutput());
    QVERIFY(!tree.contains(u"Lua Error"));
    QVERIFY2(!tree.contains(u"Cannot be read:"),
             qPrintable(tree.mid(std::max<qsizetype>(0, tree.indexOf(u"Cannot be read:") - 200), 400)));
    QVERIFY(tree.contains(u"Malformed RpcScope datagram") || tree.contains(u"Checksum mismatch"));
}

// rpcscope-cli live --pcapng: a session on real sockets on 127.0.0.1,
// captured through the wire tap. Each datagram a core sent is one packet,
// those the sender's emulator dropped marked lost; the addresses and ports
// are the sockets' own; tshark dissects every packet as RpcScope.
void TestPcapng::liveSessionIsCapturedAsItsSocketsWroteIt()
{
    session::SessionConfig config = scenarioConfig(QStringLiteral("lossy"), 3);
    config.clients = 2;
    config.calls = 12;
    config.toServer.duplicate = config.toClient.duplicate = 0; // one packet per send
    session::LiveSession live(config);
    session::LiveWireCapture wire;
    live.setWireTap(wire.tap());
    QString error;
    QVERIFY2(live.run(&error), qPrintable(error));
    QCOMPARE(wire.leftOut(), 0);

    qsizetype sends = 0, lost = 0;
    const trace::TraceLog::View view = live.log().view();
    for (qsizetype i = 0; i < view.size(); ++i) {
        sends += view.at(i).kind == trace::EventKind::Send;
        lost += view.at(i).kind == trace::EventKind::Lost;
    }
    QVERIFY(lost > 0); // the scenario's loss reaches the capture too
    QCOMPARE(qsizetype(wire.datagrams()), sends);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("live.pcapng"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(wire.write(config, file));
    file.close();

    const TsharkRun r = tshark(path, {QStringLiteral("ip.src"), QStringLiteral("ip.dst"), QStringLiteral("rpcscope.call"),
                                      QStringLiteral("frame.comment")});
    QVERIFY2(r.started, "tshark did not start");
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QStringList rows = r.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(rows.size(), sends);
    qsizetype markedLost = 0;
    for (const QString &row : rows) {
        const QStringList f = row.split(u','); // the comment, last, may hold commas
        QVERIFY2(f.size() >= 4, qPrintable(row));
        QCOMPARE(f[0], QStringLiteral("127.0.0.1"));
        QCOMPARE(f[1], QStringLiteral("127.0.0.1"));
        QVERIFY2(!f[2].isEmpty(), qPrintable(row)); // dissected as RpcScope
        markedLost += f[3].startsWith(u"lost");
    }
    QCOMPARE(markedLost, lost);
}

QTEST_GUILESS_MAIN(TestPcapng)
#include "tst_pcapng.moc"
