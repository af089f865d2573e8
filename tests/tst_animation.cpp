// File > Export Animation and `rpcscope-cli export talk.gif`: the playback
// of a time range as an animated GIF that decodes to the frames the painter
// drew, one PNG per step, and MP4/WebM through ffmpeg (here a stand-in that
// keeps what it is given, so the frames handed over can be counted).
#include "animation.h"
#include "animationdialog.h"
#include "run/simnetwork.h"
#include "session/scenario.h"
#include "trace/tracelog.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFormLayout>
#include <QLabel>
#include <QGuiApplication>
#include <QImageReader>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <gif_lib.h>

using namespace rpcscope;
using diagram::AnimationExport;
using diagram::AnimationFormat;

namespace {

struct Story
{
    explicit Story(const char *scenario)
        : config(session::scenarioConfig(scenario))
    {
        session::SimNetwork sim(config, &log);
        sim.run();
    }
    AnimationExport animation(QSize size = {640, 360}) const
    {
        AnimationExport a;
        a.diagram.log = &log;
        a.diagram.clients = config.clients;
        a.diagram.title = QStringLiteral("Dropped reply");
        a.size = size;
        a.textScale = 1.0;
        return a;
    }
    session::SessionConfig config;
    trace::TraceLog log;
};

// Mean difference per channel between two pictures of one size.
double difference(const QImage &a, const QImage &b)
{
    const QImage x = a.convertToFormat(QImage::Format_RGB32);
    const QImage y = b.convertToFormat(QImage::Format_RGB32);
    double sum = 0;
    for (int row = 0; row < x.height(); ++row) {
        const QRgb *p = reinterpret_cast<const QRgb *>(x.constScanLine(row));
        const QRgb *q = reinterpret_cast<const QRgb *>(y.constScanLine(row));
        for (int col = 0; col < x.width(); ++col)
            sum += std::abs(qRed(p[col]) - qRed(q[col])) + std::abs(qGreen(p[col]) - qGreen(q[col]))
                   + std::abs(qBlue(p[col]) - qBlue(q[col]));
    }
    return sum / (3.0 * x.width() * x.height());
}

} // namespace

class TestAnimation : public QObject
{
    Q_OBJECT

private slots:
    void formatsByNameAndSuffix()
    {
        QCOMPARE(diagram::animationFormatFromSuffix(QStringLiteral("talk.GIF")), AnimationFormat::Gif);
        QCOMPARE(diagram::animationFormatFromSuffix(QStringLiteral("talk.webm")), AnimationFormat::WebM);
        QCOMPARE(diagram::animationFormatFromSuffix(QStringLiteral("talk.mp4")), AnimationFormat::Mp4);
        QCOMPARE(diagram::animationFormatFromSuffix(QStringLiteral("talk.png")), std::nullopt);
        QCOMPARE(diagram::animationFormatFromName(u"png-steps"), AnimationFormat::PngSteps);
        QCOMPARE(diagram::pngStepPaths(QStringLiteral("/d/talk.png"), 2),
                 QStringList({QStringLiteral("/d/talk-001.png"), QStringLiteral("/d/talk-002.png")}));
    }

    // The dropped reply at 0.1× and 10 frames a second: 280 ms of story in
    // 2.8 s, a frame every 10 ms of it; the GIF holds each frame that
    // differs from the one before, decodes to what the painter drew, loops,
    // and lasts as long as the playback plus the hold at its end.
    void gifDecodesToThePaintedFrames()
    {
        const Story story("dropped-reply");
        const AnimationExport a = story.animation();
        const std::vector<core::TimePoint> times = diagram::animationTimes(a, AnimationFormat::Gif);
        QCOMPARE(int(times.size()), 29);
        QCOMPARE(times.front(), core::TimePoint(0));
        QCOMPARE(times.back(), core::TimePoint(280'000));
        QCOMPARE(times[1], core::TimePoint(10'000));

        std::vector<QImage> painted;
        std::vector<int> delays; // centiseconds of each distinct frame
        for (const core::TimePoint t : times) {
            QImage frame = diagram::animationFrame(a, t);
            if (!painted.empty() && frame == painted.back()) {
                delays.back() += 10;
                continue;
            }
            painted.push_back(frame);
            delays.push_back(10);
        }
        delays.back() += 300;
        QVERIFY(painted.size() > 10); // the datagrams fly: most frames differ

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("talk.gif"));
        QString error;
        int reported = 0;
        QVERIFY2(diagram::exportAnimation(a, AnimationFormat::Gif, path, &error,
                                          [&](int done, int total) {
                                              reported = done;
                                              return total == int(times.size());
                                          }),
                 qPrintable(error));
        QCOMPARE(reported, int(times.size()));

        QImageReader reader(path);
        QCOMPARE(reader.format(), QByteArray("gif"));
        QCOMPARE(reader.size(), QSize(640, 360));
        QCOMPARE(reader.imageCount(), int(painted.size()));
        QCOMPARE(reader.loopCount(), -1); // for ever
        for (std::size_t i = 0; i < painted.size(); ++i) {
            const QImage decoded = reader.read();
            QVERIFY2(!decoded.isNull(), qPrintable(reader.errorString()));
            QCOMPARE(decoded.size(), QSize(640, 360));
            QCOMPARE(reader.nextImageDelay(), delays[i] * 10);
            const double d = difference(decoded, painted[i]);
            QVERIFY2(d < 2.0, qPrintable(QStringLiteral("frame %1 differs by %2").arg(i).arg(d)));
        }
        // The page's white is exactly white.
        QImageReader again(path);
        QCOMPARE(again.read().pixel(2, 300), qRgb(255, 255, 255));

        // giflib reads it too.
        int code = 0;
        GifFileType *gif = DGifOpenFileName(QFile::encodeName(path).constData(), &code);
        QVERIFY(gif);
        QCOMPARE(DGifSlurp(gif), GIF_OK);
        QCOMPARE(gif->ImageCount, int(painted.size()));
        QCOMPARE(gif->SWidth, 640);
        DGifCloseFile(gif, &code);
    }

    void pngPerStep()
    {
        const Story story("dropped-reply");
        const AnimationExport a = story.animation();
        // Request out, in; reply out, lost; timeout and resend; resend in
        // (answered from the cache); reply in.
        const std::vector<core::TimePoint> times = diagram::animationTimes(a, AnimationFormat::PngSteps);
        QCOMPARE(int(times.size()), 7);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("steps.png"));
        QString error;
        QVERIFY2(diagram::exportAnimation(a, AnimationFormat::PngSteps, path, &error), qPrintable(error));
        const QStringList files = diagram::pngStepPaths(path, 7);
        QImage before;
        for (const QString &file : files) {
            const QImage step(file);
            QCOMPARE(step.size(), QSize(640, 360));
            QVERIFY(step != before); // each step shows something new
            before = step;
        }
        QVERIFY(!QFile::exists(diagram::pngStepPaths(path, 8).constLast()));
    }

    void mp4AndWebmNeedFfmpeg()
    {
        const Story story("dropped-reply");
        AnimationExport a = story.animation(QSize(320, 180));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("talk.mp4"));
        QString error;
        a.ffmpeg = dir.filePath(QStringLiteral("no-ffmpeg-here"));
        QVERIFY(!diagram::exportAnimation(a, AnimationFormat::Mp4, path, &error));
        QVERIFY2(error.contains(QStringLiteral("ffmpeg, which is not installed")), qPrintable(error));
        QVERIFY(!QFile::exists(path));

        // A stand-in that keeps the raw frames as its "video": every frame
        // and the held end arrive, each width × height × 4 bytes.
        const QString fake = dir.filePath(QStringLiteral("ffmpeg"));
        QFile script(fake);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\nfor last; do :; done\ncat > \"$last\"\n");
        script.close();
        script.setPermissions(script.permissions() | QFileDevice::ExeOwner);
        a.ffmpeg = fake;
        const QString webm = dir.filePath(QStringLiteral("talk.webm"));
        QVERIFY2(diagram::exportAnimation(a, AnimationFormat::WebM, webm, &error), qPrintable(error));
        const qint64 frames = qint64(diagram::animationTimes(a, AnimationFormat::WebM).size()) + 3 * 10;
        QCOMPARE(QFileInfo(webm).size(), frames * 320 * 180 * 4);
        QVERIFY(!QFile::exists(webm + QStringLiteral(".partial")));

        // One that fails leaves nothing behind and says what it said.
        QVERIFY(script.open(QIODevice::WriteOnly | QIODevice::Truncate));
        script.write("#!/bin/sh\ncat > /dev/null\necho 'Unknown encoder libvpx-vp9' >&2\nexit 1\n");
        script.close();
        const QString failed = dir.filePath(QStringLiteral("failed.webm"));
        QVERIFY(!diagram::exportAnimation(a, AnimationFormat::WebM, failed, &error));
        QVERIFY2(error.contains(QStringLiteral("Unknown encoder libvpx-vp9")), qPrintable(error));
        QVERIFY(!QFile::exists(failed));
        QVERIFY(!QFile::exists(failed + QStringLiteral(".partial")));
    }

    // File > Export Animation's choices, as the export takes them.
    void dialogChoices()
    {
        const Story story("dropped-reply");
        const std::pair range{core::TimePoint(40'000), core::TimePoint(250'000)};
        widgets::AnimationDialog withoutCall(range, false, 0.25);
        auto *ranges = withoutCall.findChild<QComboBox *>(QStringLiteral("range"));
        QCOMPARE(ranges->count(), 2); // no selected call to offer
        AnimationExport base = story.animation();
        base.diagram.call = std::pair{core::HostId(1), std::uint32_t(1)};
        AnimationExport a = withoutCall.animation(base);
        QCOMPARE(a.diagram.from, core::TimePoint(40'000)); // what is in view, by default
        QCOMPARE(a.diagram.to, core::TimePoint(250'000));
        QCOMPARE(a.diagram.call, std::nullopt);
        QCOMPARE(a.speed, 0.25);
        QCOMPARE(a.fps, 10);
        QCOMPARE(a.size, QSize(1920, 1080));
        QCOMPARE(withoutCall.format(), AnimationFormat::Gif);
        QCOMPARE(withoutCall.suffix(), QStringLiteral("gif"));

        widgets::AnimationDialog dialog(range, true, 0.1);
        // Every field says what it is.
        for (const char *name : {"format", "range", "speed", "fps", "size"}) {
            auto *form = dialog.findChild<QFormLayout *>();
            auto *label = qobject_cast<QLabel *>(form->labelForField(dialog.findChild<QWidget *>(name)));
            QVERIFY2(label && !label->text().isEmpty(), name);
        }
        dialog.findChild<QComboBox *>(QStringLiteral("range"))->setCurrentIndex(2);
        dialog.findChild<QComboBox *>(QStringLiteral("size"))->setCurrentIndex(1);
        dialog.findChild<QSpinBox *>(QStringLiteral("fps"))->setValue(25);
        a = dialog.animation(base);
        QCOMPARE(a.diagram.call, base.diagram.call);
        QCOMPARE(a.diagram.from, std::nullopt); // the call's own range
        QCOMPARE(a.size, QSize(1280, 720));
        QCOMPARE(a.fps, 25);
        dialog.findChild<QComboBox *>(QStringLiteral("format"))->setCurrentIndex(3);
        QCOMPARE(dialog.format(), AnimationFormat::PngSteps);
        QVERIFY(!dialog.findChild<QDoubleSpinBox *>(QStringLiteral("speed"))->isEnabled());
        QVERIFY(dialog.fileFilter().contains(QStringLiteral("*.png")));
    }

    void refusesWhatCannotBeMade()
    {
        const Story story("lossy");
        AnimationExport a = story.animation();
        QTemporaryDir dir;
        QString error;
        a.speed = 0.001; // seconds of story at a thousandth of real time
        QVERIFY(!diagram::exportAnimation(a, AnimationFormat::Gif, dir.filePath(QStringLiteral("x.gif")), &error));
        QVERIFY2(error.contains(QStringLiteral("more than 1800 frames")), qPrintable(error));
        a = story.animation(QSize(321, 181));
        QVERIFY(!diagram::exportAnimation(a, AnimationFormat::Mp4, dir.filePath(QStringLiteral("x.mp4")), &error));
        QVERIFY2(error.contains(QStringLiteral("even width and height")), qPrintable(error));
        QVERIFY(QDir(dir.path()).isEmpty());
    }
};

QTEST_MAIN(TestAnimation)
#include "tst_animation.moc"
