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
    # File > Export Animation's GIF
    libgif-dev
    # package: dpkg-shlibdeps computes the .deb's Depends; its test validates the AppStream file,
    # the desktop entry and the MIME type, and asks lintian about both packages
    dpkg-dev appstream desktop-file-utils libxml2-utils shared-mime-info lintian
    # bench_udp's ONC RPC baseline: rpcgen and libtirpc
    rpcsvc-proto libtirpc-dev
    # a packaging test generates and serves gRPC's own .proto files
    grpc-proto
    # tst_pcapng reads exported captures back with the Wireshark dissector
    tshark
)

# The fuzz command only: libFuzzer comes with clang, not with g++.
fuzz_packages=(clang-14 libclang-rt-14-dev)
# The targets and their input size limits, as tests/fuzz/CMakeLists.txt declares them.
mapfile -t fuzz_targets < <(sed -n 's/^rpcscope_add_fuzzer(\([a-z_]*\) .*/\1/p' "$root/tests/fuzz/CMakeLists.txt")

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
  package      install what is missing, build, and write the Debian packages
               (rpcscope and rpcscope-dev); prints their paths
  fuzz [TARGET] [SECONDS]
               install clang-14 and libFuzzer if missing, build the fuzz preset, and run
               TARGET (default: each in turn) for SECONDS (default 60) with libFuzzer;
               new inputs go to build/fuzz/corpus/TARGET, crashes to build/fuzz/crashes/TARGET.
               Targets: ${fuzz_targets[*]:0:3}
                        ${fuzz_targets[*]:3}
  soak [SEEDS] install what is missing, build, and run the chaos soak: SEEDS (default
               10000) seeded sessions with loss, duplication, reordering, corruption,
               restarts and overload; prints the invariant counts, exits 1 unless all are 0
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

# Inputs larger than this teach a target nothing new (a datagram, or a few
# dozen of them with their framing; a .proto's descriptors): its MAX_LEN.
fuzz_max_len() {
    sed -n "s/^rpcscope_add_fuzzer($1 .*MAX_LEN \([0-9]*\).*/\1/p" "$root/tests/fuzz/CMakeLists.txt"
}

fuzz() {
    local target=${1:-all} seconds=${2:-60}
    if [[ $target =~ ^[0-9]+$ ]]; then # `fuzz 300`: every target for that long
        seconds=$target
        target=all
    fi
    local targets=("${fuzz_targets[@]}")
    if [ "$target" != all ]; then
        if [[ " ${fuzz_targets[*]} " != *" $target "* ]]; then
            echo "rpcscope.sh: unknown fuzz target '$target'; one of: ${fuzz_targets[*]}" >&2
            exit 2
        fi
        targets=("$target")
    fi
    packages+=("${fuzz_packages[@]}")
    deps
    local dir="$root/build/fuzz"
    if [ ! -f "$dir/CMakeCache.txt" ]; then
        step="configuring (cmake --preset fuzz)"
        cmake -S "$root" --preset fuzz
    fi
    step="building the fuzz targets"
    cmake --build "$dir" --target "${targets[@]}"
    local t failed=()
    for t in "${targets[@]}"; do
        step="fuzzing $t"
        mkdir -p "$dir/corpus/$t" "$dir/crashes/$t" "$dir/logs"
        echo "rpcscope.sh: fuzzing $t for ${seconds} s (log: build/fuzz/logs/$t.log)"
        # libFuzzer reads every folder given and writes new inputs into the
        # first only: the committed corpus seeds the run and stays as it is.
        # A malloc limit well under the RSS limit turns a length field
        # trusted before it was checked into a report, not a slow run.
        if ! "$dir/tests/fuzz/$t" "$dir/corpus/$t" "$root/tests/fuzz/corpus/$t" \
            -max_total_time="$seconds" -max_len="$(fuzz_max_len "$t")" \
            -rss_limit_mb=2048 -malloc_limit_mb=64 -timeout=10 \
            -artifact_prefix="$dir/crashes/$t/" -print_final_stats=1 > "$dir/logs/$t.log" 2>&1; then
            failed+=("$t")
            tail -n 40 "$dir/logs/$t.log" >&2
        fi
        sed -n 's/^stat::\(number_of_executed_units\|average_exec_per_sec\|new_units_added\):[[:space:]]*/  \1 /p' \
            "$dir/logs/$t.log"
    done
    step=""
    if [ ${#failed[@]} -gt 0 ]; then
        echo "rpcscope.sh: fuzzing found problems in: ${failed[*]} (inputs in build/fuzz/crashes/)" >&2
        exit 1
    fi
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
        step="testing (ctest --preset $preset)"
        # The preset's test settings (output on failure, no tests is an
        # error, the sanitizers' options for asan), every core at once.
        cd "$root"
        ctest --preset "$preset" -j "$(nproc)"
        ;;
    build) build ;;
    package)
        build
        step="packaging (cpack)"
        (cd "$build_dir" && cpack -G DEB) > "$build_dir/cpack.log" 2>&1 || { cat "$build_dir/cpack.log" >&2; exit 1; }
        sed -n 's/^CPack: - package: \(.*\) generated\.$/\1/p' "$build_dir/cpack.log"
        ;;
    fuzz) fuzz "$@" ;;
    soak)
        seeds=${1:-10000}
        if ! [[ $seeds =~ ^[1-9][0-9]*$ ]]; then
            echo "rpcscope.sh: soak takes a number of seeds, not '$seeds'" >&2
            exit 2
        fi
        build
        step="soaking ($seeds seeds)"
        "$build_dir/app/rpcscope-cli" soak --seeds "$seeds"
        ;;
    deps) deps ;;
    help|-h|--help) usage ;;
    *)
        echo "rpcscope.sh: unknown command '$cmd'" >&2
        usage >&2
        exit 2
        ;;
esac
step=""
