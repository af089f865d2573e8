// Capture files: a session written and read back is the same session; a
// truncated, damaged, foreign or newer file loads what is intact and says
// where it stopped; a simulated capture runs again to the same events.
#include "base/random.h"
#include "base/sharedsink.h"
#include "capture/capturereader.h"
#include "capture/capturewriter.h"
#include "run/simnetwork.h"
#include "run/soak.h"
#include "session/scenario.h"
#include "session/sessionoptions.h"
#include "trace/eventcodec.h"
#include "trace/tracelog.h"
#include "wire/checksum.h"

#include <QBuffer>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <cmath>
#include <functional>
#include <limits>

using namespace rpcscope;
using capture::LoadStatus;

namespace {

session::SessionConfig lossyConfig(int calls = 1500)
{
    session::SessionConfig c;
    session::findScenario(u"lossy")->apply(c);
    c.calls = calls;
    c.clients = 3;
    c.seed = 42;
    c.toServer.duplicate = c.toClient.duplicate = 0.1;
    c.toServer.corrupt = 0.05;
    c.serverRestartAt = core::Duration(2'000'000);
    return c;
}

struct Recorded
{
    std::vector<trace::Event> events;
    QByteArray bytes; // the capture file
};

// Runs a simulation with a capture written as it goes.
Recorded record(const session::SessionConfig &config, const QString &path)
{
    Recorded r;
    trace::TraceLog log;
    capture::CaptureWriter writer;
    QString error;
    if (!writer.open(path, config, {true, config.clients}, &error))
        qFatal("%s", qPrintable(error));
    trace::TeeSink tee(&log, &writer);
    session::SimNetwork sim(config, &tee);
    sim.run();
    session::Summary summary = session::SummaryBuilder::fromTrace(log.view());
    summary.wallMs = 12.5;
    summary.service = sim.service().report();
    if (!writer.finish(summary, &error))
        qFatal("%s", qPrintable(error));
    for (qsizetype i = 0; i < log.view().size(); ++i)
        r.events.push_back(log.view().at(i));
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    r.bytes = file.readAll();
    return r;
}

struct Loaded
{
    LoadStatus status;
    capture::LoadedCapture capture;
    std::vector<trace::Event> events;
    QString error;
};

Loaded load(const QByteArray &bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    Loaded l;
    trace::TraceLog log;
    l.status = capture::loadCapture(buffer, log, l.capture, &l.error);
    for (qsizetype i = 0; i < log.view().size(); ++i)
        l.events.push_back(log.view().at(i));
    return l;
}

// Byte offsets where each record starts, after the magic.
std::vector<qsizetype> recordStarts(const QByteArray &bytes)
{
    std::vector<qsizetype> starts;
    qsizetype at = sizeof capture::kMagic;
    while (at + 5 <= bytes.size()) {
        starts.push_back(at);
        at += capture::kRecordOverhead + qFromBigEndian<quint32>(bytes.constData() + at);
    }
    return starts;
}

bool isPrefix(const std::vector<trace::Event> &part, const std::vector<trace::Event> &whole)
{
    return part.size() <= whole.size() && std::equal(part.begin(), part.end(), whole.begin());
}

} // namespace

class TestCapture : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_recorded = record(lossyConfig(), m_dir.filePath(QStringLiteral("lossy.rpcscope")));
        QVERIFY(m_recorded.events.size() > std::size_t(3 * capture::kChunkEvents)); // several chunks
    }

    void roundTripGivesTheSameSession()
    {
        const Loaded l = load(m_recorded.bytes);
        QCOMPARE(l.status, LoadStatus::Complete);
        QVERIFY2(l.capture.stopped.isEmpty(), qPrintable(l.capture.stopped));
        QVERIFY(l.events == m_recorded.events);
        QCOMPARE(l.capture.events, std::uint64_t(m_recorded.events.size()));
        QVERIFY(l.capture.footer.has_value());
        QCOMPARE(l.capture.footer->events(), std::uint64_t(m_recorded.events.size()));
        QVERIFY(l.capture.header.simulated());
        QCOMPARE(l.capture.header.format_version(), capture::kFormatVersion);
        QCOMPARE(l.capture.header.options().at("loss"), std::string("0.2"));
        // Every setting comes back, faults and the restart included.
        const session::SessionConfig original = lossyConfig();
        QCOMPARE(capture::toProto(l.capture.config).SerializeAsString(),
                 capture::toProto(original).SerializeAsString());
        QVERIFY(l.capture.config.serverRestartAt.has_value());
        // What only the footer knows reaches the summary.
        const session::Summary s = l.capture.summary(session::Summary{});
        QCOMPARE(s.wallMs, 12.5);
        QCOMPARE(s.seed, std::uint64_t(42));
        QVERIFY(s.service.contains(u"counter_total"));
    }

    void rerunReproducesTheEvents()
    {
        const Loaded l = load(m_recorded.bytes);
        trace::TraceLog again;
        session::SimNetwork sim(l.capture.config, &again);
        sim.run();
        QCOMPARE(again.view().size(), qsizetype(l.events.size()));
        for (qsizetype i = 0; i < again.view().size(); ++i)
            QVERIFY2(again.view().at(i) == l.events[std::size_t(i)], qPrintable(QString::number(i)));
    }

    void saveWritesWhatTheIncrementalWriterWrote()
    {
        trace::TraceLog log;
        for (const trace::Event &e : m_recorded.events)
            log.record(e);
        const QString path = m_dir.filePath(QStringLiteral("saved.rpcscope"));
        QString error;
        QVERIFY2(capture::CaptureWriter::save(path, lossyConfig(), {true, 3}, log.view(), {}, &error),
                 qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const Loaded l = load(file.readAll());
        QCOMPARE(l.status, LoadStatus::Complete);
        QVERIFY(l.events == m_recorded.events);
    }

    // Cut at every record boundary and inside every record: what loads is
    // exactly the chunks before the cut, and the reason names truncation or
    // the missing end.
    void truncationLoadsWhatIsIntact()
    {
        const std::vector<qsizetype> starts = recordStarts(m_recorded.bytes);
        QVERIFY(starts.size() >= 5); // header, chunks, footer
        for (std::size_t r = 1; r < starts.size(); ++r) {
            for (const qsizetype cut : {starts[r], starts[r] + 3, starts[r] + 40}) {
                if (cut >= m_recorded.bytes.size())
                    continue;
                const Loaded l = load(m_recorded.bytes.first(cut));
                QCOMPARE(l.status, LoadStatus::Partial);
                QVERIFY(!l.capture.stopped.isEmpty());
                const std::size_t expected = std::min(m_recorded.events.size(),
                                                      std::size_t(r - 1) * std::size_t(capture::kChunkEvents));
                QCOMPARE(l.events.size(), expected);
                QVERIFY(isPrefix(l.events, m_recorded.events));
            }
        }
        // Cut inside the header: refused, with a reason.
        const Loaded headerCut = load(m_recorded.bytes.first(starts[0] + 20));
        QCOMPARE(headerCut.status, LoadStatus::NotACapture);
        QVERIFY(headerCut.error.contains(u"header"));
    }

    // Random damage anywhere after the header: never more than a prefix of
    // the true events, never a crash, always a reason.
    void randomDamageLoadsAPrefix()
    {
        const std::vector<qsizetype> starts = recordStarts(m_recorded.bytes);
        core::Random r(9);
        for (int trial = 0; trial < 300; ++trial) {
            QByteArray bytes = m_recorded.bytes;
            const int hits = int(r.between(1, 4));
            for (int h = 0; h < hits; ++h) {
                const qsizetype at = qsizetype(r.between(starts[1], bytes.size() - 1));
                bytes[at] = char(bytes[at] ^ char(r.between(1, 255)));
            }
            const Loaded l = load(bytes);
            QCOMPARE(l.status, LoadStatus::Partial);
            QVERIFY(!l.capture.stopped.isEmpty());
            QVERIFY(isPrefix(l.events, m_recorded.events));
        }
    }

    void notACaptureIsRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("text") << QByteArray("call-start,send,deliver\n1,2,3\n");
        QTest::newRow("magic only") << QByteArray(capture::kMagic, sizeof capture::kMagic);
        QByteArray hugeHeader(capture::kMagic, sizeof capture::kMagic);
        hugeHeader += QByteArray::fromHex("ffffffff01");
        QTest::newRow("header claims 4 GiB") << hugeHeader;
        QByteArray junk(capture::kMagic, sizeof capture::kMagic);
        junk += QByteArray(64, '\x07');
        QTest::newRow("junk after the magic") << junk;
    }

    void notACaptureIsRefused()
    {
        QFETCH(QByteArray, bytes);
        const Loaded l = load(bytes);
        QCOMPARE(l.status, LoadStatus::NotACapture);
        QVERIFY(!l.error.isEmpty());
        QVERIFY(l.events.empty());
    }

    // A capture from a later version: records this one does not know are
    // skipped, and the reader says it showed what it understood.
    void newerFormatLoadsWhatItUnderstands()
    {
        capture::Header header = capture::makeHeader(lossyConfig(), {true, 3});
        header.set_format_version(capture::kFormatVersion + 1);
        QByteArray bytes(capture::kMagic, sizeof capture::kMagic);
        bytes += capture::frameRecord(capture::RecordType::Header, header);
        capture::Footer unknown; // stands in for a record type this version lacks
        unknown.set_events(7);
        QByteArray later = capture::frameRecord(capture::RecordType::Footer, unknown);
        later[4] = char(9);
        const quint32 crc = wire::computeChecksum(wire::ChecksumKind::Crc32c, later.sliced(4, later.size() - 8));
        qToBigEndian<quint32>(crc, later.data() + later.size() - 4);
        bytes += later;
        capture::Chunk chunk;
        const std::vector<trace::Event> some(m_recorded.events.begin(), m_recorded.events.begin() + 100);
        chunk.set_count(100);
        const QByteArray packed = trace::packEvents(some, 0);
        chunk.set_events(packed.constData(), std::size_t(packed.size()));
        bytes += capture::frameRecord(capture::RecordType::Chunk, chunk);
        bytes += capture::frameRecord(capture::RecordType::Footer, capture::makeFooter(100, 0, {}));
        const Loaded l = load(bytes);
        QCOMPARE(l.status, LoadStatus::Complete);
        QVERIFY(l.events == some);
        QVERIFY(l.capture.note.contains(u"format 2"));
    }

    // Counts and varints that lie cannot make the reader allocate or read past the end.
    void lyingChunksAreDamage()
    {
        std::vector<trace::Event> out;
        const QByteArray packed = trace::packEvents(
            std::vector<trace::Event>(m_recorded.events.begin(), m_recorded.events.begin() + 10), 0);
        QVERIFY(!trace::unpackEvents(packed, 4'000'000'000u, 0, out).isEmpty());
        QVERIFY(out.empty());
        QVERIFY(!trace::unpackEvents(packed, 11, 0, out).isEmpty());
        out.clear();
        QVERIFY(!trace::unpackEvents(packed + QByteArray(3, '\0'), 10, 0, out).isEmpty()); // trailing bytes
        out.clear();
        QVERIFY(!trace::unpackEvents(QByteArray(12, '\xff'), 2, 0, out).isEmpty()); // endless varint
        out.clear();
        QVERIFY(trace::unpackEvents(packed, 10, 0, out).isEmpty());
        QCOMPARE(out.size(), std::size_t(10));
    }

    // Time deltas come from the file: a damaged one may hold any 64-bit
    // value. Adding it to the time was a signed overflow (undefined; the asan
    // preset's UBSan stops on it); deltas now add modulo 2^64, both ways, so
    // any times round-trip and any file reads without undefined behaviour.
    void extremeTimesWrapInsteadOfOverflowing()
    {
        std::vector<trace::Event> events(4);
        events[0].timeUs = std::numeric_limits<std::int64_t>::min();
        events[1].timeUs = std::numeric_limits<std::int64_t>::max();
        events[2].timeUs = -1;
        events[3].timeUs = std::numeric_limits<std::int64_t>::min() + 1;
        std::vector<trace::Event> out;
        QVERIFY(trace::unpackEvents(trace::packEvents(events, 5), 4, 5, out).isEmpty());
        QVERIFY(out == events);

        // kind 0, no optional fields, the largest time delta (zigzag: INT64_MIN), call +0, from 0.
        QByteArray chunk("\x00\x00", 2);
        chunk += QByteArray(9, '\xff') + '\x01';
        chunk += QByteArray("\x00\x00", 2);
        out.clear();
        QVERIFY(trace::unpackEvents(chunk, 1, -1, out).isEmpty());
        QCOMPARE(out.size(), std::size_t(1));
        QCOMPARE(out[0].timeUs, std::numeric_limits<std::int64_t>::max());
    }

    // The writer flushes each chunk: a session that never finished (a crash)
    // leaves a file that loads up to its last full chunk.
    void aCrashLosesAtMostTheLastChunk()
    {
        const QString path = m_dir.filePath(QStringLiteral("crash.rpcscope"));
        auto writer = std::make_unique<capture::CaptureWriter>();
        QString error;
        QVERIFY(writer->open(path, lossyConfig(), {true, 3}, &error));
        const std::size_t written = 2 * capture::kChunkEvents + 100;
        for (std::size_t i = 0; i < written; ++i)
            writer->record(m_recorded.events[i]);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const Loaded l = load(file.readAll()); // read while the writer is still open
        QCOMPARE(l.status, LoadStatus::Partial);
        QCOMPARE(l.events.size(), std::size_t(2 * capture::kChunkEvents));
        QVERIFY(l.capture.stopped.contains(u"did not finish"));
    }

    // A header is as untrusted as a command line. A capture whose CRCs all
    // check out but whose header names an unknown service, or asks for more
    // than the options allow (2^31 calls ran away to 2 GB; an unknown
    // service crashed replay --rerun), is refused before anything runs,
    // with the setting and its value named, as the command line names them.
    void headerSettingsAreHeldToTheOptionsRanges_data()
    {
        QTest::addColumn<std::function<void(capture::Session &)>>("tamper");
        QTest::addColumn<QString>("message");
        using Tamper = std::function<void(capture::Session &)>;
        QTest::newRow("unknown service") << Tamper([](capture::Session &s) { s.set_service("bogus"); })
                                         << "service 'bogus': expected one of echo, counter, file, slowjob";
        QTest::newRow("2^31 - 1 calls") << Tamper([](capture::Session &s) { s.set_calls(2147483647); })
                                        << "calls '2147483647': expected a whole number from 0 to 100000000";
        QTest::newRow("arguments past the option's 4 MiB")
            << Tamper([](capture::Session &s) { s.set_arg_bytes(256 * 1024 * 1024); }) << "arg-bytes '268435456'";
        QTest::newRow("infinite link rate")
            << Tamper([](capture::Session &s) { s.mutable_to_server()->set_rate_kbps(HUGE_VAL); }) << "rate-kbps 'inf'";
        QTest::newRow("server to client loss not a number")
            << Tamper([](capture::Session &s) { s.mutable_to_client()->set_loss(std::nan("")); })
            << "loss (server to client) 'nan'";
        QTest::newRow("100000 attempts")
            << Tamper([](capture::Session &s) { s.mutable_retry()->set_max_attempts(100'000); })
            << "max-attempts '100000'";
        QTest::newRow("no first timeout")
            << Tamper([](capture::Session &s) { s.mutable_retry()->set_timeout_us(0); }) << "timeout-ms '0'";
        QTest::newRow("negative server queue")
            << Tamper([](capture::Session &s) { s.set_server_queue(-5); }) << "server-queue '-5'";
        QTest::newRow("unknown back-off")
            << Tamper([](capture::Session &s) { s.mutable_retry()->set_backoff(99); }) << "unknown back-off 99";
    }

    void headerSettingsAreHeldToTheOptionsRanges()
    {
        QFETCH(std::function<void(capture::Session &)>, tamper);
        QFETCH(QString, message);
        capture::Header header = capture::makeHeader(lossyConfig(), {true, 3});
        tamper(*header.mutable_session());
        QByteArray bytes(capture::kMagic, sizeof capture::kMagic);
        bytes += capture::frameRecord(capture::RecordType::Header, header);
        bytes += capture::frameRecord(capture::RecordType::Footer, capture::makeFooter(0, 0, {}));
        const Loaded l = load(bytes);
        QCOMPARE(l.status, LoadStatus::NotACapture);
        QVERIFY2(l.error.contains(u"settings this program cannot use"), qPrintable(l.error));
        QVERIFY2(l.error.contains(message), qPrintable(l.error));
    }

    // What the program itself writes always reads back: every scenario's
    // preset and the soak's random sessions are within the options' ranges.
    void everySessionThisProgramMakesPassesTheCheck()
    {
        for (const session::Scenario &scenario : session::scenarios()) {
            session::SessionConfig config;
            scenario.apply(config);
            QVERIFY2(session::checkSessionConfig(config).isEmpty(),
                     qPrintable(scenario.name + QStringLiteral(": ") + session::checkSessionConfig(config)));
            session::SessionConfig again;
            QVERIFY2(capture::fromProto(capture::toProto(config), again).isEmpty(), qPrintable(scenario.name));
        }
        for (std::uint64_t seed = 1; seed <= 2000; ++seed) {
            const session::SessionConfig config = session::soakConfig(seed);
            QVERIFY2(session::checkSessionConfig(config).isEmpty(),
                     qPrintable(QStringLiteral("soak seed %1: %2").arg(seed).arg(session::checkSessionConfig(config))));
        }
    }

    // Values the options' ten-digit display would round into range are
    // still caught: the check reads back exactly what the config holds.
    void theCheckSeesPastRounding()
    {
        session::SessionConfig config;
        config.toServer.delay = config.toClient.delay = core::Duration(86'400'000'001); // a day and a microsecond
        QVERIFY2(session::checkSessionConfig(config).contains(u"delay-ms '86400000.001'"),
                 qPrintable(session::checkSessionConfig(config)));
        config = {};
        config.toClient.loss = 1.0000000000000002;
        QVERIFY2(session::checkSessionConfig(config).contains(u"loss (server to client)"),
                 qPrintable(session::checkSessionConfig(config)));
    }

    // The format version says what the settings mean: none at all is no
    // capture, and a newer one is shown but not run again as if it were ours.
    void formatVersionsThatCannotBeRunAgain()
    {
        capture::Header header = capture::makeHeader(lossyConfig(), {true, 3});
        header.set_format_version(0);
        QByteArray bytes(capture::kMagic, sizeof capture::kMagic);
        bytes += capture::frameRecord(capture::RecordType::Header, header);
        bytes += capture::frameRecord(capture::RecordType::Footer, capture::makeFooter(0, 0, {}));
        Loaded l = load(bytes);
        QCOMPARE(l.status, LoadStatus::NotACapture);
        QVERIFY2(l.error.contains(u"format version"), qPrintable(l.error));

        header.set_format_version(capture::kFormatVersion + 1);
        bytes = QByteArray(capture::kMagic, sizeof capture::kMagic);
        bytes += capture::frameRecord(capture::RecordType::Header, header);
        bytes += capture::frameRecord(capture::RecordType::Footer, capture::makeFooter(0, 0, {}));
        l = load(bytes);
        QCOMPARE(l.status, LoadStatus::Complete);
        QVERIFY2(l.capture.whyNotRerun().contains(u"format 2"), qPrintable(l.capture.whyNotRerun()));
        QVERIFY(load(m_recorded.bytes).capture.whyNotRerun().isEmpty());
    }

    void packingIsCompact()
    {
        const double perEvent = double(m_recorded.bytes.size()) / double(m_recorded.events.size());
        qInfo("%.2f bytes per event on disk (%zu events)", perEvent, m_recorded.events.size());
        QVERIFY2(perEvent <= 12.0, qPrintable(QString::number(perEvent)));
    }

private:
    QTemporaryDir m_dir;
    Recorded m_recorded;
};

QTEST_GUILESS_MAIN(TestCapture)
#include "tst_capture.moc"
