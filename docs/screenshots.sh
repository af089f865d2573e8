#!/usr/bin/env bash
# Regenerates the pictures in docs/ from a build: the README's window
# screenshots, every scenario at its end
# (fitted) and mid-flight, the window in presentation mode at 1280×720, and
# the diagram exports of dropped-reply and overload as SVG and PDF together
# with PNGs rendered from them by rsvg-convert and pdftoppm (other programs
# than RpcScope, so an export that only RpcScope could read would show).
#   docs/screenshots.sh [BUILD_DIR]          (default: build/default)
# Needs xvfb-run, ImageMagick's import, xdotool, rsvg-convert and pdftoppm
# (apt-get install xvfb xauth imagemagick xdotool librsvg2-bin poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/default}
gui=$build/app/rpcscope
cli=$build/app/rpcscope-cli
out=docs/scenarios
mkdir -p "$out" docs/exports
scenarios=(message-ack dropped-request dropped-reply long-call server-restart corruption
           lossy many-clients fragmentation file-transfer overload ordered)

# shot OUT.png SECONDS WIDTHxHEIGHT -- ARGS: the screen after SECONDS.
shot() {
    local png=$1 secs=$2 size=$3
    shift 4
    xvfb-run -a -s "-screen 0 ${size}x24" bash -c \
        '"$0" "${@:3}" & p=$!; sleep "$2"; import -window root "$1"; kill $p; wait $p 2>/dev/null || true' \
        "$gui" "$png" "$secs" "$@" 2>/dev/null
}

for s in "${scenarios[@]}"; do
    # The whole story, fitted at its end, with its lesson in the narration.
    shot "$out/$s-end.png" 6 1600x1000 -- --scenario "$s" --speed 1000 --language en
    # Mid-flight: the single-call figures in slow motion, the statistics ones faster.
    case $s in
        lossy|many-clients|file-transfer|overload) speed=0.5 ;;
        long-call|server-restart) speed=0.2 ;;
        message-ack) speed=0.02 ;;
        ordered) speed=0.1 ;;
        *) speed=0.05 ;;
    esac
    shot "$out/$s-live.png" 3.5 1600x1000 -- --scenario "$s" --speed "$speed" --language en
done
# The README's pictures: the window as it opens on a 1400×900 screen.
shot docs/screenshot.png 6 1400x900 -- --scenario dropped-reply --speed 1000 --language en
for s in message-ack dropped-request dropped-reply; do
    shot "docs/$s.png" 6 1400x900 -- --scenario "$s" --speed 1000 --language en
done
shot docs/screenshot-zh_CN.png 6 1600x1000 -- --scenario dropped-reply --speed 1000 --language zh_CN
shot docs/presentation-1280x720.png 5 1280x720 -- --scenario dropped-reply --speed 0.1 --presentation --language en
shot docs/window-1024x768.png 5 1024x768 -- --scenario dropped-reply --speed 0.1 --language en

# The classroom tools, driven by keys as a teacher would (xdotool): a quiz
# question before the reply's fate shows and its answer after, the Moments
# list at the end of the random-loss story, the lesson path, and the timer
# ladder of exponential back-off (a capture of the dropped request at 60 %
# loss, opened whole).
mkdir -p docs/classroom
keys() { # keys OUT-PREFIX SECONDS-BETWEEN KEY... -- ARGS: a screenshot after each key
    # (sent to the window whose title holds $WINDOW, by default the main one)
    local prefix=$1 pause=$2
    shift 2
    local seq=()
    while [ "$1" != -- ]; do seq+=("$1"); shift; done
    shift
    xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
        gui=$0 prefix=$1 pause=$2 n=$3; shift 3
        seq=("${@:1:$n}"); args=("${@:$((n + 1))}")
        "$gui" "${args[@]}" & p=$!
        sleep 4
        wid=$(xdotool search --onlyvisible --name "${WINDOW:-RpcScope}" | head -1)
        i=0
        for k in "${seq[@]}"; do
            i=$((i + 1))
            if [ "$k" != shot ]; then xdotool windowfocus --sync "$wid" key "$k"; sleep "$pause"; continue; fi
            import -window root "$prefix-$i.png"
        done
        kill $p; wait $p 2>/dev/null || true' "$gui" "$prefix" "$pause" "${#seq[@]}" "${seq[@]}" "$@" 2>/dev/null
}
tmpq=$(mktemp -d)
# Space twice: past the first question and its answer, to the reply's race.
keys "$tmpq/quiz" 2 space space shot space shot -- --scenario dropped-reply --quiz --speed 0.1 --language en
mv "$tmpq/quiz-3.png" docs/classroom/quiz-question.png
mv "$tmpq/quiz-5.png" docs/classroom/quiz-answer.png
keys "$tmpq/moments" 1 alt+4 shot -- --scenario lossy --speed 1000 --language en
mv "$tmpq/moments-2.png" docs/classroom/moments.png
keys "$tmpq/lesson" 1 ctrl+l shot -- --scenario message-ack --speed 1000 --language en
mv "$tmpq/lesson-2.png" docs/classroom/lesson.png
"$cli" simulate --scenario dropped-request --seed 8 --loss 0.6 --record "$tmpq/ladder.rpcscope" >/dev/null
shot docs/classroom/timer-ladder.png 5 1400x900 -- "$tmpq/ladder.rpcscope" --language en
# The dropped reply as an animated GIF for slides, and one PNG per step.
"$cli" simulate --scenario dropped-reply --record "$tmpq/dropped-reply.rpcscope" >/dev/null
"$cli" export "$tmpq/dropped-reply.rpcscope" -o docs/classroom/dropped-reply.gif --size 960x540
# Scenario > Compare: fixed against full-jitter back-off on the overload, and
# a fork of a lossy capture at 700 ms with a longer timeout, zoomed (D) to
# where it first parts from its original.
mkdir -p docs/compare
shot docs/compare/overload-fixed-vs-full-jitter.png 8 1400x900 -- --compare --speed 1000 --language en
"$cli" simulate --scenario lossy --record "$tmpq/lossy.rpcscope" >/dev/null
WINDOW=Compare keys "$tmpq/fork" 2 d shot -- "$tmpq/lossy.rpcscope" --fork-at 700 --set timeout-ms=600 --speed 1000 \
    --language en
mv "$tmpq/fork-2.png" docs/compare/fork-lossy-timeout.png
rm -rf "$tmpq"

# Exports through the command line, no display needed.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for s in dropped-reply overload; do
    "$cli" simulate --scenario "$s" --record "$tmp/$s.rpcscope" >/dev/null
    extra=()
    # The storm's first 800 ms, with the key and the counter tracks.
    [ "$s" = overload ] && extra=(--tracks --legend --to-ms 800)
    "$cli" export "$tmp/$s.rpcscope" -o "docs/exports/$s.svg" "${extra[@]}"
    "$cli" export "$tmp/$s.rpcscope" -o "docs/exports/$s.pdf" "${extra[@]}"
    rsvg-convert -o "docs/exports/$s-svg.png" "docs/exports/$s.svg"
    pdftoppm -png -r 72 -singlefile "docs/exports/$s.pdf" "docs/exports/$s-pdf"
done
echo "pictures written under docs/"
