#include "animation.h"

#include "export/savefile.h"
#include "painter.h"
#include "scene.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHash>
#include <QPainter>
#include <QProcess>
#include <QStandardPaths>

#include <gif_lib.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>

namespace rpcscope::diagram {

std::optional<AnimationFormat> animationFormatFromName(QStringView name)
{
    if (name.compare(u"gif", Qt::CaseInsensitive) == 0)
        return AnimationFormat::Gif;
    if (name.compare(u"mp4", Qt::CaseInsensitive) == 0)
        return AnimationFormat::Mp4;
    if (name.compare(u"webm", Qt::CaseInsensitive) == 0)
        return AnimationFormat::WebM;
    if (name.compare(u"png-steps", Qt::CaseInsensitive) == 0)
        return AnimationFormat::PngSteps;
    return std::nullopt;
}

std::optional<AnimationFormat> animationFormatFromSuffix(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix();
    return suffix.compare(u"png", Qt::CaseInsensitive) == 0 ? std::nullopt : animationFormatFromName(suffix);
}

QStringList pngStepPaths(const QString &path, int count)
{
    QString base = path;
    if (base.endsWith(u".png", Qt::CaseInsensitive))
        base.chop(4);
    QStringList paths;
    const int digits = std::max(3, int(QString::number(count).size()));
    for (int i = 1; i <= count; ++i)
        paths << QStringLiteral("%1-%2.png").arg(base).arg(i, digits, 10, QChar(u'0'));
    return paths;
}

namespace {

// The most frames an animation may have: a minute at 30 frames a second.
constexpr int kMaxFrames = 1800;
constexpr int kMaxSteps = 500;

// The whole range fitted into the slide, in the diagram's own units (the
// painter scales them up by the text scale).
Geometry slideGeometry(const AnimationExport &what)
{
    const auto [from, to] = exportRange(what.diagram, what.diagram.log->view());
    Geometry g;
    g.clients = std::max(1, what.diagram.clients);
    g.tracks = 0;
    g.width = what.size.width() / what.textScale;
    g.height = what.size.height() / what.textScale;
    const double ms = std::max(1.0, double((to - from).count()) / 1000.0);
    const double room = std::max(40.0, g.height - g.header() - g.topPad() - g.bottomPad());
    g.pixelsPerMs = room / ms;
    g.scroll = double(from.count()) / 1000.0 * g.pixelsPerMs;
    return g;
}

// A GIF of frames that share one palette, made from the last frame (which
// holds every mark and colour the story reaches). Each frame stores only the
// rectangle that changed, and a frame that changes nothing lengthens the one
// before: a slide-sized story stays small. giflib writes the LZW stream;
// the palette and the change rectangles are ours, as giflib leaves them to
// its caller.
class GifWriter
{
public:
    ~GifWriter()
    {
        if (m_gif)
            EGifCloseFile(m_gif, nullptr);
        if (m_map)
            GifFreeMapObject(m_map);
    }

    bool open(const QImage &paletteSource, QString *error)
    {
        const QImage rgb = paletteSource.convertToFormat(QImage::Format_RGB32);
        m_size = rgb.size();
        const std::size_t n = std::size_t(m_size.width()) * std::size_t(m_size.height());
        std::vector<GifByteType> r(n), g(n), b(n), out(n);
        for (int y = 0; y < m_size.height(); ++y) {
            const QRgb *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
            for (int x = 0; x < m_size.width(); ++x) {
                const std::size_t i = std::size_t(y) * std::size_t(m_size.width()) + std::size_t(x);
                r[i] = GifByteType(qRed(line[x]));
                g[i] = GifByteType(qGreen(line[x]));
                b[i] = GifByteType(qBlue(line[x]));
            }
        }
        int colours = 256;
        GifColorType palette[256] = {};
        if (GifQuantizeBuffer(unsigned(m_size.width()), unsigned(m_size.height()), &colours, r.data(), g.data(),
                              b.data(), out.data(), palette)
            == GIF_ERROR) {
            *error = QStringLiteral("cannot choose the GIF's colours");
            return false;
        }
        // Median cut averages the page's white and the marks' few colours
        // with their antialiased edges; the most common colours are put back
        // exactly, each over the entry nearest to it.
        QHash<QRgb, int> counts;
        for (int y = 0; y < m_size.height(); ++y) {
            const QRgb *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
            for (int x = 0; x < m_size.width(); ++x)
                ++counts[line[x] | 0xff000000u];
        }
        std::vector<std::pair<int, QRgb>> common;
        for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
            common.emplace_back(it.value(), it.key());
        std::sort(common.begin(), common.end(), std::greater<>());
        m_palette.assign(palette, palette + 256);
        std::vector<bool> exact(256, false);
        for (std::size_t k = 0; k < std::min<std::size_t>(common.size(), 32); ++k) {
            const QRgb c = common[k].second;
            int best = -1;
            int bestDistance = INT_MAX;
            for (int i = 0; i < colours; ++i) {
                if (exact[std::size_t(i)])
                    continue;
                const int d = distance(c, m_palette[std::size_t(i)]);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = i;
                }
            }
            if (best < 0)
                break;
            exact[std::size_t(best)] = true;
            m_palette[std::size_t(best)] = GifColorType{GifByteType(qRed(c)), GifByteType(qGreen(c)), GifByteType(qBlue(c))};
        }
        std::copy(m_palette.begin(), m_palette.end(), palette);
        m_map = GifMakeMapObject(256, palette);
        int code = 0;
        m_gif = EGifOpen(&m_bytes, &GifWriter::write, &code);
        if (!m_gif || !m_map) {
            *error = QStringLiteral("cannot start the GIF: %1").arg(QString::fromUtf8(GifErrorString(code)));
            return false;
        }
        EGifSetGifVersion(m_gif, true);
        if (EGifPutScreenDesc(m_gif, m_size.width(), m_size.height(), 8, 0, m_map) == GIF_ERROR)
            return failed(error);
        // Loop for ever (the NETSCAPE2.0 application extension).
        static const GifByteType netscape[] = "NETSCAPE2.0";
        static const GifByteType loop[] = {1, 0, 0};
        if (EGifPutExtensionLeader(m_gif, APPLICATION_EXT_FUNC_CODE) == GIF_ERROR
            || EGifPutExtensionBlock(m_gif, 11, netscape) == GIF_ERROR
            || EGifPutExtensionBlock(m_gif, 3, loop) == GIF_ERROR || EGifPutExtensionTrailer(m_gif) == GIF_ERROR)
            return failed(error);
        return true;
    }

    bool add(const QImage &frame, int delayCs, QString *error)
    {
        std::vector<GifByteType> indices = map(frame);
        QRect changed(QPoint(0, 0), m_size);
        if (!m_previous.empty()) {
            changed = difference(m_previous, indices);
            if (changed.isEmpty()) {
                m_pendingDelay += delayCs; // nothing new: the frame before stays longer
                return true;
            }
        }
        if (!flush(error))
            return false;
        m_pending = indices;
        m_pendingRect = changed;
        m_pendingDelay = delayCs;
        m_previous = std::move(indices);
        return true;
    }

    bool finish(int holdCs, QByteArray *bytes, QString *error)
    {
        m_pendingDelay += holdCs;
        if (!flush(error))
            return false;
        int code = 0;
        const int closed = EGifCloseFile(m_gif, &code);
        m_gif = nullptr;
        if (closed == GIF_ERROR) {
            *error = QStringLiteral("cannot finish the GIF: %1").arg(QString::fromUtf8(GifErrorString(code)));
            return false;
        }
        *bytes = m_bytes;
        return true;
    }

private:
    static int write(GifFileType *gif, const GifByteType *data, int length)
    {
        static_cast<QByteArray *>(gif->UserData)->append(reinterpret_cast<const char *>(data), length);
        return length;
    }

    bool failed(QString *error)
    {
        *error = QStringLiteral("cannot write the GIF: %1").arg(QString::fromUtf8(GifErrorString(m_gif->Error)));
        return false;
    }

    // Each pixel's nearest palette entry; the few colours a diagram has
    // (antialiasing included) are looked up once.
    std::vector<GifByteType> map(const QImage &frame)
    {
        const QImage rgb = frame.convertToFormat(QImage::Format_RGB32);
        std::vector<GifByteType> out(std::size_t(m_size.width()) * std::size_t(m_size.height()));
        for (int y = 0; y < m_size.height(); ++y) {
            const QRgb *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
            for (int x = 0; x < m_size.width(); ++x)
                out[std::size_t(y) * std::size_t(m_size.width()) + std::size_t(x)] = nearest(line[x]);
        }
        return out;
    }

    static int distance(QRgb c, const GifColorType &p)
    {
        const int dr = qRed(c) - p.Red;
        const int dg = qGreen(c) - p.Green;
        const int db = qBlue(c) - p.Blue;
        return dr * dr + dg * dg + db * db;
    }

    GifByteType nearest(QRgb c)
    {
        const auto it = m_nearest.constFind(c);
        if (it != m_nearest.constEnd())
            return *it;
        int best = 0;
        int bestDistance = INT_MAX;
        for (int i = 0; i < int(m_palette.size()); ++i) {
            const int d = distance(c, m_palette[std::size_t(i)]);
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        m_nearest.insert(c, GifByteType(best));
        return GifByteType(best);
    }

    QRect difference(const std::vector<GifByteType> &a, const std::vector<GifByteType> &b) const
    {
        int left = m_size.width(), top = m_size.height(), right = -1, bottom = -1;
        for (int y = 0; y < m_size.height(); ++y) {
            const std::size_t row = std::size_t(y) * std::size_t(m_size.width());
            if (std::memcmp(a.data() + row, b.data() + row, std::size_t(m_size.width())) == 0)
                continue;
            top = std::min(top, y);
            bottom = y;
            for (int x = 0; x < m_size.width(); ++x) {
                if (a[row + std::size_t(x)] != b[row + std::size_t(x)]) {
                    left = std::min(left, x);
                    right = std::max(right, x);
                }
            }
        }
        return right < 0 ? QRect() : QRect(QPoint(left, top), QPoint(right, bottom));
    }

    bool flush(QString *error)
    {
        if (m_pending.empty())
            return true;
        GraphicsControlBlock gcb{};
        gcb.DisposalMode = DISPOSE_DO_NOT; // the next frame draws over this one
        gcb.UserInputFlag = false;
        gcb.DelayTime = std::max(2, m_pendingDelay);
        gcb.TransparentColor = NO_TRANSPARENT_COLOR;
        GifByteType extension[4];
        EGifGCBToExtension(&gcb, extension);
        const QRect &r = m_pendingRect;
        if (EGifPutExtension(m_gif, GRAPHICS_EXT_FUNC_CODE, 4, extension) == GIF_ERROR
            || EGifPutImageDesc(m_gif, r.x(), r.y(), r.width(), r.height(), false, nullptr) == GIF_ERROR)
            return failed(error);
        for (int y = r.top(); y <= r.bottom(); ++y) {
            GifByteType *line = m_pending.data() + std::size_t(y) * std::size_t(m_size.width()) + std::size_t(r.x());
            if (EGifPutLine(m_gif, line, r.width()) == GIF_ERROR)
                return failed(error);
        }
        m_pending.clear();
        return true;
    }

    QSize m_size;
    QByteArray m_bytes;
    GifFileType *m_gif = nullptr;
    ColorMapObject *m_map = nullptr;
    std::vector<GifColorType> m_palette;
    QHash<QRgb, GifByteType> m_nearest;
    std::vector<GifByteType> m_previous;
    std::vector<GifByteType> m_pending; // written once the next different frame (or the end) sets its delay
    QRect m_pendingRect;
    int m_pendingDelay = 0;
};

// Raw frames into ffmpeg's standard input; ffmpeg writes a temporary file
// that replaces `path` only once it is complete.
bool encodeWithFfmpeg(const AnimationExport &what, AnimationFormat format, const std::vector<core::TimePoint> &times,
                      const QString &path, QString *error, const std::function<bool(int, int)> &progress)
{
    const QString ffmpeg = what.ffmpeg.isEmpty() ? QStandardPaths::findExecutable(QStringLiteral("ffmpeg"))
                                                 : what.ffmpeg;
    if (ffmpeg.isEmpty() || !QFileInfo(ffmpeg).isExecutable()) {
        *error = QStringLiteral("MP4 and WebM are written by ffmpeg, which is not installed (on Debian: "
                                "apt install ffmpeg); GIF and PNG steps need nothing more");
        return false;
    }
    const bool mp4 = format == AnimationFormat::Mp4;
    const QString partial = path + QStringLiteral(".partial");
    QStringList args{QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"), QStringLiteral("error"),
                     QStringLiteral("-y"), QStringLiteral("-f"), QStringLiteral("rawvideo"),
                     QStringLiteral("-pix_fmt"), QStringLiteral("bgra"), QStringLiteral("-s"),
                     QStringLiteral("%1x%2").arg(what.size.width()).arg(what.size.height()), QStringLiteral("-r"),
                     QString::number(what.fps), QStringLiteral("-i"), QStringLiteral("-")};
    if (mp4)
        args << QStringLiteral("-c:v") << QStringLiteral("libx264") << QStringLiteral("-pix_fmt")
             << QStringLiteral("yuv420p") << QStringLiteral("-movflags") << QStringLiteral("+faststart")
             << QStringLiteral("-f") << QStringLiteral("mp4");
    else
        args << QStringLiteral("-c:v") << QStringLiteral("libvpx-vp9") << QStringLiteral("-b:v") << QStringLiteral("0")
             << QStringLiteral("-crf") << QStringLiteral("32") << QStringLiteral("-pix_fmt")
             << QStringLiteral("yuv420p") << QStringLiteral("-f") << QStringLiteral("webm");
    args << partial;
    QProcess process;
    process.start(ffmpeg, args);
    if (!process.waitForStarted(10'000)) {
        *error = QStringLiteral("cannot start %1: %2").arg(ffmpeg, process.errorString());
        return false;
    }
    const auto give = [&](const QImage &frame) {
        const QImage bgra = frame.convertToFormat(QImage::Format_RGB32); // B, G, R, A in memory on little-endian
        for (int y = 0; y < bgra.height(); ++y)
            process.write(reinterpret_cast<const char *>(bgra.constScanLine(y)), qint64(bgra.width()) * 4);
        while (process.bytesToWrite() > 0 && process.state() == QProcess::Running)
            process.waitForBytesWritten(30'000);
    };
    bool cancelled = false;
    QImage last;
    for (std::size_t i = 0; i < times.size() && process.state() == QProcess::Running; ++i) {
        last = animationFrame(what, times[i]);
        give(last);
        if (progress && !progress(int(i) + 1, int(times.size()))) {
            cancelled = true;
            break;
        }
    }
    // The story's end stays on screen a while.
    for (int i = 0; !cancelled && i < int(what.holdSeconds * what.fps) && process.state() == QProcess::Running; ++i)
        give(last);
    if (cancelled) {
        process.kill(); // nothing it would finish is wanted
        process.waitForFinished(10'000);
    } else {
        process.closeWriteChannel();
    }
    // A 4K VP9 encode on a small machine takes minutes; longer than ten is stuck.
    const bool finished = cancelled || process.waitForFinished(600'000);
    if (!finished) {
        process.kill();
        process.waitForFinished(10'000);
    }
    const bool ok = !cancelled && finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (!ok) {
        QFile::remove(partial);
        if (cancelled) {
            *error = QStringLiteral("cancelled");
        } else if (!finished) {
            *error = QStringLiteral("ffmpeg did not finish %1 within ten minutes").arg(QDir::toNativeSeparators(path));
        } else {
            const QString said = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
            *error = QStringLiteral("ffmpeg could not write %1: %2")
                         .arg(QDir::toNativeSeparators(path),
                              said.isEmpty() ? QStringLiteral("exit code %1").arg(process.exitCode())
                                             : said.section(u'\n', -1));
        }
        return false;
    }
    QFile::remove(path);
    if (!QFile::rename(partial, path)) {
        QFile::remove(partial);
        *error = QStringLiteral("cannot write %1").arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

} // namespace

std::vector<core::TimePoint> animationTimes(const AnimationExport &what, AnimationFormat format)
{
    std::vector<core::TimePoint> times;
    if (!what.diagram.log)
        return times;
    const auto [from, to] = exportRange(what.diagram, what.diagram.log->view());
    if (format == AnimationFormat::PngSteps) {
        // Each time something new is drawn: a datagram leaves or lands, a
        // ✗, a timer fires, a handler runs, a crash.
        const trace::TraceLog::View view = what.diagram.log->view();
        TraceDigest digest;
        digest.update(view);
        for (qsizetype i = 0; i < view.size(); ++i) {
            const trace::Event &e = view.at(i);
            if (!drawnAsItsOwn(e.kind) && e.kind != trace::EventKind::Send)
                continue;
            if (what.diagram.call && (e.client != what.diagram.call->first || e.callId != what.diagram.call->second))
                continue;
            const core::TimePoint t = revealTime(e, digest);
            if (t >= from && t <= to)
                times.push_back(t);
        }
        std::sort(times.begin(), times.end());
        times.erase(std::unique(times.begin(), times.end()), times.end());
        if (times.empty() || times.back() < to)
            times.push_back(to);
        return times;
    }
    const double speed = std::max(1e-4, what.speed);
    const double fps = std::max(1, what.fps);
    // Virtual microseconds from one frame to the next.
    const double step = 1e6 / fps * speed;
    const double span = double((to - from).count());
    const std::int64_t frames = std::int64_t(std::ceil(span / step)) + 1;
    for (std::int64_t i = 0; i < frames && i <= kMaxFrames; ++i)
        times.push_back(std::min(to, from + core::Duration(std::llround(double(i) * step))));
    return times;
}

QImage animationFrame(const AnimationExport &what, core::TimePoint now)
{
    DiagramExport d = what.diagram;
    if (!d.geometry)
        d.geometry = slideGeometry(what);
    d.now = now;
    QString error;
    const std::optional<ExportFrame> made = exportFrame(d, &error);
    QImage image(what.size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    if (!made)
        return image;
    PaintStyle style;
    style.font = made->font;
    style.showNow = false;
    style.legend = d.legend;
    style.title = d.title;
    style.subtitle = made->subtitle;
    QPainter painter(&image);
    painter.scale(what.textScale, what.textScale);
    paintFrame(painter, made->frame, made->geometry, style);
    return image;
}

bool exportAnimation(const AnimationExport &asked, AnimationFormat format, const QString &path, QString *error,
                     const std::function<bool(int done, int total)> &progress)
{
    if (!asked.diagram.log) {
        *error = QStringLiteral("nothing to draw");
        return false;
    }
    if (asked.size.width() < 320 || asked.size.height() < 180 || asked.size.width() > 7680
        || asked.size.height() > 4320) {
        *error = QStringLiteral("a frame of %1×%2 pixels: it must be from 320×180 to 7680×4320")
                     .arg(asked.size.width())
                     .arg(asked.size.height());
        return false;
    }
    if (asked.fps < 1 || asked.fps > 50) {
        *error = QStringLiteral("%1 frames a second: it must be from 1 to 50").arg(asked.fps);
        return false;
    }
    // The range fitted once, not for every frame: every frame is on one
    // scale, and the trace is read for it once.
    AnimationExport what = asked;
    if (!what.diagram.geometry)
        what.diagram.geometry = slideGeometry(what);
    const std::vector<core::TimePoint> times = animationTimes(what, format);
    const int limit = format == AnimationFormat::PngSteps ? kMaxSteps : kMaxFrames;
    if (int(times.size()) > limit) {
        *error = format == AnimationFormat::PngSteps
                     ? QStringLiteral("more than %1 steps: choose a shorter time range").arg(limit)
                     : QStringLiteral("more than %1 frames: choose a shorter time range, a faster speed or fewer "
                                      "frames a second")
                           .arg(limit);
        return false;
    }
    const auto told = [&](int done) { return !progress || progress(done, int(times.size())); };
    switch (format) {
    case AnimationFormat::PngSteps: {
        const QStringList paths = pngStepPaths(path, int(times.size()));
        for (std::size_t i = 0; i < times.size(); ++i) {
            QByteArray bytes;
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            animationFrame(what, times[i]).save(&buffer, "PNG");
            if (!exporting::saveWhole(paths.at(qsizetype(i)), bytes, error))
                return false;
            if (!told(int(i) + 1)) {
                *error = QStringLiteral("cancelled");
                return false;
            }
        }
        return true;
    }
    case AnimationFormat::Gif: {
        GifWriter gif;
        if (!gif.open(animationFrame(what, times.back()), error))
            return false;
        for (std::size_t i = 0; i < times.size(); ++i) {
            // GIF delays are whole centiseconds: each frame ends where the
            // playback's clock is due, so 30 frames a second keep to time.
            const auto due = [&](std::size_t n) { return int(std::lround(100.0 * double(n) / what.fps)); };
            if (!gif.add(animationFrame(what, times[i]), due(i + 1) - due(i), error))
                return false;
            if (!told(int(i) + 1)) {
                *error = QStringLiteral("cancelled");
                return false;
            }
        }
        QByteArray bytes;
        if (!gif.finish(int(std::lround(what.holdSeconds * 100)), &bytes, error))
            return false;
        return exporting::saveWhole(path, bytes, error);
    }
    case AnimationFormat::Mp4:
    case AnimationFormat::WebM:
        if (what.size.width() % 2 != 0 || what.size.height() % 2 != 0) {
            *error = QStringLiteral("MP4 and WebM need an even width and height, not %1×%2")
                         .arg(what.size.width())
                         .arg(what.size.height());
            return false;
        }
        return encodeWithFfmpeg(what, format, times, path, error, progress);
    }
    return false;
}

} // namespace rpcscope::diagram
