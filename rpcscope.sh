#!/usr/bin/env bash
# RpcScope's one-command set-up: installs what is missing, configures, builds,
# and runs the GUI or the test suite. See `./rpcscope.sh help`.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
preset=${RPCSCOPE_PRESET:-default}
build_dir="$root/build/$preset"

# Debian 12 packages needed to build, test and run.
packages=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-qpa-plugins libgl-dev fonts-dejavu-core
    qt6-translations-l10n fonts-droid-fallback
    libprotobuf-dev protobuf-compiler libprotoc-dev
)

step=""
trap 'status=$?; [ $status -ne 0 ] && [ -n "$step" ] && echo "rpcscope.sh: $step failed (exit $status)" >&2' EXIT

usage() {
    cat <<USAGE
Usage: ./rpcscope.sh COMMAND [ARGS...]

Commands:
  run [ARGS]   install what is missing, build, and start the GUI with a live demo
               (without a display: the headless demo of rpcscope-cli); ARGS go to the program
  test         install what is missing, build, and run the whole test suite (CTest)
  build        install what is missing and build
  deps         install the missing Debian packages only
  help         show this help

Environment:
  RPCSCOPE_PRESET  CMake preset to use (default, debug, asan); default: default
USAGE
}

missing_packages() {
    local p
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
    done
}

deps() {
    step="installing Debian packages"
    local missing
    mapfile -t missing < <(missing_packages)
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "rpcscope.sh: installing ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "rpcscope.sh: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
        sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
}

build() {
    deps
    if [ ! -f "$build_dir/CMakeCache.txt" ]; then
        step="configuring (cmake --preset $preset)"
        cmake -S "$root" --preset "$preset"
    fi
    step="building (cmake --build --preset $preset)"
    cmake --build "$build_dir"
}

cmd=${1:-help}
[ $# -gt 0 ] && shift
case "$cmd" in
    run)
        build
        step="running"
        if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
            echo "rpcscope.sh: no display (DISPLAY and WAYLAND_DISPLAY are unset); running the headless demo instead."
            exec "$build_dir/app/rpcscope-cli" simulate --scenario dropped-reply --trace "$@"
        fi
        exec "$build_dir/app/rpcscope" "$@"
        ;;
    test)
        build
        step="testing (ctest)"
        cd "$build_dir"
        ctest --output-on-failure --no-tests=error -j "$(nproc)"
        ;;
    build) build ;;
    deps) deps ;;
    help|-h|--help) usage ;;
    *)
        echo "rpcscope.sh: unknown command '$cmd'" >&2
        usage >&2
        exit 2
        ;;
esac
step=""
