#pragma once

#include "diagramexport.h"

#include <QImage>
#include <QSize>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace rpcscope::diagram {

// The playback of a time range for slides: frames drawn by the same layout
// and painter as the window, with the clock advancing between them (datagrams
// fly, a loss shows its ✗ when it happens) and without the clock's line.
enum class AnimationFormat {
    Gif,      // animated GIF (giflib), plays in any browser and slide program
    Mp4,      // H.264 through ffmpeg, where it is installed
    WebM,     // VP9 through ffmpeg, where it is installed
    PngSteps, // one PNG per step: each time something new shows (NAME-001.png, ...)
};

// "gif", "mp4", "webm", "png-steps" (case-insensitive), or from a file name's
// suffix (.gif, .mp4, .webm; a .png is one picture, not an animation).
std::optional<AnimationFormat> animationFormatFromName(QStringView name);
std::optional<AnimationFormat> animationFormatFromSuffix(const QString &path);

struct AnimationExport
{
    // The trace, lanes, title, subtitle, time range (from/to), one call
    // and legend; its now is set for each frame, and its geometry (unless
    // given) fits the range into the slide.
    DiagramExport diagram;
    QSize size{1920, 1080}; // a 16:9 slide, in pixels
    double textScale = 1.6; // type and marks as large as presentation mode's
    double speed = 0.1;     // virtual time per real time: 0.1 is slow motion, as in class
    int fps = 10;
    double holdSeconds = 3; // the last frame stays this long before the animation loops
    // ffmpeg's path for MP4 and WebM; empty: looked up on PATH.
    QString ffmpeg;
};

// The frames' times, in the order they play: fps frames per second of
// playback from `from` to `to` (PngSteps: the times something new shows).
std::vector<core::TimePoint> animationTimes(const AnimationExport &what, AnimationFormat format);
// Frame `now` as it will be written.
QImage animationFrame(const AnimationExport &what, core::TimePoint now);

// Writes the animation to `path` (PngSteps: PATH-001.png, PATH-002.png, ...
// beside it, the suffix .png taken off). `progress` is told frames done of
// all and may return false to cancel. Needs a QGuiApplication. MP4 and WebM
// fail with a clear error when ffmpeg is not installed.
bool exportAnimation(const AnimationExport &what, AnimationFormat format, const QString &path, QString *error,
                     const std::function<bool(int done, int total)> &progress = {});

// The files PngSteps writes for `path`, in order, for `count` steps.
QStringList pngStepPaths(const QString &path, int count);

} // namespace rpcscope::diagram
