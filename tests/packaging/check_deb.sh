#!/usr/bin/env bash
# check_deb.sh BUILD_DIR WORK_DIR VERSION
#
# Builds the Debian packages from BUILD_DIR with cpack into WORK_DIR and
# checks what a user gets: control fields (Depends from dpkg-shlibdeps and
# the ones we add), the files each package holds and none it must not (test
# programs, benchmarks), the extracted programs running against the
# extracted engine library, the desktop entry, icons, AppStream metadata and
# man pages, and that the man page names every option `rpcscope-cli` has.
set -euo pipefail

build_dir=$1
work=$2
version=$3
soversion=${version%.*} # MAJOR.MINOR, the engine library's SONAME version

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

rm -rf "$work"
mkdir -p "$work"
cpack -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work/out" > "$work/cpack.log" 2>&1 || {
    cat "$work/cpack.log" >&2
    echo "FAIL: cpack" >&2
    exit 1
}

arch=$(dpkg --print-architecture)
runtime="$work/out/rpcscope_${version}_${arch}.deb"
dev="$work/out/rpcscope-dev_${version}_${arch}.deb"
for deb in "$runtime" "$dev"; do
    [ -f "$deb" ] || { ls "$work/out" >&2; echo "FAIL: no $deb" >&2; exit 1; }
done

field() { dpkg-deb --field "$1" "$2"; }

# Control fields.
[ "$(field "$runtime" Package)" = rpcscope ] || fail "runtime package is not named rpcscope"
[ "$(field "$dev" Package)" = rpcscope-dev ] || fail "development package is not named rpcscope-dev"
[ "$(field "$runtime" Version)" = "$version" ] || fail "runtime version is not $version"
runtime_depends=$(field "$runtime" Depends)
dev_depends=$(field "$dev" Depends)
echo "rpcscope Depends: $runtime_depends"
echo "rpcscope-dev Depends: $dev_depends"
# From dpkg-shlibdeps: the programs' libraries, with versions.
for dep in libqt6core6 libqt6network6 libqt6widgets6 libqt6charts6 'libprotobuf[0-9]+' libc6 'libstdc\+\+6'; do
    grep -Eq "(^|, )$dep \(>= " <<<"$runtime_depends" || fail "rpcscope does not depend on $dep (dpkg-shlibdeps)"
done
grep -Eq "(^|, )qt6-qpa-plugins($|,)" <<<"$runtime_depends" || fail "rpcscope does not depend on qt6-qpa-plugins"
for dep in "rpcscope \\(= $version\\)" libprotobuf-dev protobuf-compiler qt6-base-dev 'libprotoc[0-9]+ \(>= '; do
    grep -Eq "(^|, )$dep" <<<"$dev_depends" || fail "rpcscope-dev does not depend on $dep"
done
dpkg-deb --info "$runtime" shlibs 2>/dev/null | grep -q "^librpcscope_engine $soversion rpcscope" \
    || fail "rpcscope has no shlibs entry for librpcscope_engine"

# Files.
dpkg-deb --contents "$runtime" | awk '{print $6}' | sed 's|^\./|/|' > "$work/runtime.list"
dpkg-deb --contents "$dev" | awk '{print $6}' | sed 's|^\./|/|' > "$work/dev.list"
app=io.github.rpcscope.RpcScope
expect() {
    local list=$1 path=$2
    grep -qxF "$path" "$work/$list.list" || fail "$list package lacks $path"
}
for path in /usr/bin/rpcscope /usr/bin/rpcscope-cli \
        "/usr/lib/librpcscope_engine.so.$version" "/usr/lib/librpcscope_engine.so.$soversion" \
        "/usr/share/applications/$app.desktop" "/usr/share/metainfo/$app.metainfo.xml" \
        "/usr/share/mime/packages/$app.xml" "/usr/share/icons/hicolor/scalable/apps/$app.svg" \
        /usr/share/man/man1/rpcscope.1.gz /usr/share/man/man1/rpcscope-cli.1.gz; do
    expect runtime "$path"
done
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch)
expect runtime "/usr/lib/$multiarch/wireshark/plugins/rpcscope.lua"
for size in 16 32 48 64 128 256; do
    expect runtime "/usr/share/icons/hicolor/${size}x${size}/apps/$app.png"
done
for path in /usr/bin/protoc-gen-rpcscope /usr/lib/librpcscope_engine.so \
        /usr/include/rpcscope/codegen/stubs.h /usr/include/rpcscope/codegen/callresult.h \
        /usr/include/rpcscope/codegen/handlerstatus.h /usr/include/rpcscope/rpc/rpcclient.h \
        /usr/include/rpcscope/rpc/rpcserver.h /usr/include/rpcscope/wire/bodies.pb.h \
        /usr/include/rpcscope/rpcscope/version.h \
        /usr/lib/cmake/RpcScope/RpcScopeConfig.cmake /usr/lib/cmake/RpcScope/RpcScopeConfigVersion.cmake \
        /usr/lib/cmake/RpcScope/RpcScopeTargets.cmake /usr/lib/cmake/RpcScope/RpcScopeGenerate.cmake \
        /usr/share/man/man1/protoc-gen-rpcscope.1.gz; do
    expect dev "$path"
done
if grep -E '/(tst_[^/]*|bench_[^/]*|tests?/.*|consumer)$|\.a$|/codegen/plugin/' "$work/runtime.list" "$work/dev.list"; then
    fail "a package holds test programs, benchmarks, static libraries or plugin sources (above)"
fi
if sort "$work/runtime.list" "$work/dev.list" | grep -v '/$' | uniq -d | grep .; then
    fail "the packages share files (above): they could not be installed together"
fi

# The programs as installed, against the engine library from the package.
root="$work/root"
dpkg-deb -x "$runtime" "$root"
dpkg-deb -x "$dev" "$root"
export LD_LIBRARY_PATH="$root/usr/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
cli="$root/usr/bin/rpcscope-cli"
out=$("$cli" --version) || fail "rpcscope-cli --version exits $?"
[ "$out" = "rpcscope-cli $version" ] || fail "rpcscope-cli --version prints '$out'"
if ldd "$cli" | grep -q 'librpcscope_engine.*not found'; then fail "rpcscope-cli does not find librpcscope_engine"; fi
engine=$(ldd "$cli" | sed -n "s/^[[:space:]]*librpcscope_engine\.so\.$soversion => \([^ ]*\) .*/\1/p")
[ -n "$engine" ] && [ "$(readlink -f "$engine")" = "$(readlink -f "$root/usr/lib/librpcscope_engine.so.$soversion")" ] \
    || fail "rpcscope-cli uses '$engine', not the packaged engine library"
summary=$("$cli" simulate --scenario dropped-reply --json) || fail "rpcscope-cli simulate exits $?"
grep -q '"ok": *1' <<<"$summary" || fail "rpcscope-cli simulate --scenario dropped-reply did not complete its call: $summary"
QT_QPA_PLATFORM=offscreen "$root/usr/bin/rpcscope" --version | grep -qx "RpcScope $version" || fail "rpcscope --version"
# An empty request (no files) is valid protobuf: the plugin loads libprotoc and answers it.
"$root/usr/bin/protoc-gen-rpcscope" < /dev/null > "$work/plugin.out" || fail "protoc-gen-rpcscope exits $? on an empty request"
[ -s "$work/plugin.out" ] || fail "protoc-gen-rpcscope wrote no response"

# Desktop entry: valid, launching a packaged program, with an icon that exists.
desktop="$root/usr/share/applications/$app.desktop"
if command -v desktop-file-validate > /dev/null; then
    desktop-file-validate "$desktop" || fail "desktop-file-validate $app.desktop"
fi
grep -qx 'Type=Application' "$desktop" || fail "desktop entry: Type"
# One main category, so menus list the program once (Network and
# Development are main categories too; they are keywords here).
grep -qx 'Categories=Education;ComputerScience;' "$desktop" || fail "desktop entry: Categories"
exec_name=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
[ -x "$root/usr/bin/$exec_name" ] || fail "desktop entry: Exec=$exec_name is not a packaged program"
icon_name=$(sed -n 's/^Icon=//p' "$desktop")
[ -f "$root/usr/share/icons/hicolor/scalable/apps/$icon_name.svg" ] || fail "desktop entry: no icon named $icon_name"

# The capture file type: well-formed XML (apt's trigger rejects the file
# otherwise), and registered once shared-mime-info has read it.
mime="$root/usr/share/mime/packages/$app.xml"
for tool in xmllint update-mime-database lintian; do
    command -v "$tool" > /dev/null || fail "$tool is not installed (./rpcscope.sh installs it)"
done
xmllint --noout "$mime" || fail "$app.xml is not well-formed XML"
if command -v update-mime-database > /dev/null; then
    update-mime-database "$root/usr/share/mime" > "$work/mime.log" 2>&1 || { cat "$work/mime.log" >&2; fail "update-mime-database"; }
    grep -q 'Failed to parse' "$work/mime.log" && { cat "$work/mime.log" >&2; fail "update-mime-database could not parse $app.xml"; }
    grep -qx '[0-9]*:application/x-rpcscope-capture:\*\.rpcscope' "$root/usr/share/mime/globs2" \
        || fail "a .rpcscope file is not recognised as application/x-rpcscope-capture"
fi

# Debian's own documents, and lintian's judgement: no error on either
# package; each warning kept has its reason here.
for package in rpcscope rpcscope-dev; do
    doc="$root/usr/share/doc/$package"
    grep -q '^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' "$doc/copyright" 2>/dev/null \
        || fail "$package has no machine-readable copyright file"
    gzip -t "$doc/changelog.gz" 2>/dev/null || fail "$package has no changelog.gz"
done
dpkg-deb --info "$runtime" triggers 2>/dev/null | grep -qx 'activate-noawait ldconfig' || fail "rpcscope has no ldconfig trigger"
declare -A kept=(
    [maintscript-calls-ldconfig]="CPack 3.25 writes a postinst and postrm calling ldconfig for any library under /usr/lib; the ldconfig trigger does the work, the calls are redundant"
    [package-name-doesnt-match-sonames]="the engine library ships inside rpcscope, the one program package that uses it; rpcscope-dev depends on the exact version, and the SONAME carries MAJOR.MINOR"
)
if command -v lintian > /dev/null; then
    lintian --tag-display-limit 0 "$runtime" "$dev" > "$work/lintian.log" 2>&1 || true
    while read -r level package tag rest; do
        case $level in
            E:) fail "lintian error: $package $tag $rest" ;;
            W:)
                tag=${tag%:}
                if [ -n "${kept[$tag]:-}" ]; then
                    echo "lintian warning kept: $package $tag $rest: ${kept[$tag]}"
                else
                    fail "lintian warning with no reason to keep it: $package $tag $rest"
                fi ;;
        esac
    done < <(grep -E '^[EW]: ' "$work/lintian.log" | sed 's/^\([EW]:\) \([^:]*\): /\1 \2 /')
fi

# Icons: each PNG is the size its folder says (the width and height in the IHDR chunk).
for size in 16 32 48 64 128 256; do
    png="$root/usr/share/icons/hicolor/${size}x${size}/apps/$app.png"
    [ -f "$png" ] || continue
    read -r w h < <(od -An -tu1 -j16 -N8 "$png" | awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
    [ "$w" = "$size" ] && [ "$h" = "$size" ] || fail "icon ${size}x${size} is ${w}x${h}"
done
grep -q '<svg' "$root/usr/share/icons/hicolor/scalable/apps/$app.svg" || fail "the scalable icon is not SVG"

# AppStream metadata.
metainfo="$root/usr/share/metainfo/$app.metainfo.xml"
if command -v appstreamcli > /dev/null; then
    appstreamcli validate --no-net "$metainfo" || fail "appstreamcli validate $app.metainfo.xml"
fi
grep -q "<id>$app</id>" "$metainfo" || fail "metainfo: id"
grep -q "<launchable type=\"desktop-id\">$app.desktop</launchable>" "$metainfo" || fail "metainfo: launchable"
grep -q "<release version=\"$version\"" "$metainfo" || fail "metainfo: no release $version"

# Man pages: compressed, and rpcscope-cli's names every command and option.
for page in rpcscope rpcscope-cli protoc-gen-rpcscope; do
    gz="$root/usr/share/man/man1/$page.1.gz"
    gzip -t "$gz" 2>/dev/null && zcat "$gz" | grep -q '^\.TH ' || fail "man page $page.1.gz"
done
cli_page=$(zcat "$root/usr/share/man/man1/rpcscope-cli.1.gz")
# An option is documented when it heads a .TP paragraph of its own, not
# merely named in the synopsis or in passing.
documented=$(awk '/^\.TP/ { getline; print }' <<<"$cli_page" | sed 's/\\-/-/g' | grep -oE -- '--[a-z0-9-]+' | sort -u)
commands=$("$cli" --help | sed -n '/^Commands:/,/^$/p' | awk 'NF > 1 {print $1}')
[ -n "$commands" ] || fail "rpcscope-cli --help lists no commands"
for command in $commands; do
    grep -q "^\.B $command\$" <<<"$cli_page" || fail "rpcscope-cli.1 does not describe the command $command"
    [ "$command" = version ] && continue
    for option in $("$cli" "$command" --help | grep -oE '^ +(-[a-z], )?--[a-z0-9-]+' | grep -oE -- '--[a-z0-9-]+'); do
        grep -qxF -- "$option" <<<"$documented" || fail "rpcscope-cli.1 does not describe $command $option"
    done
done

gui_page=$(zcat "$root/usr/share/man/man1/rpcscope.1.gz")
gui_documented=$(awk '/^\.TP/ { getline; print }' <<<"$gui_page" | sed 's/\\-/-/g' | grep -oE -- '--[a-z0-9-]+' | sort -u)
for option in $(QT_QPA_PLATFORM=offscreen "$root/usr/bin/rpcscope" --help 2>/dev/null | grep -oE '^ +(-[a-z], )?--[a-z0-9-]+' | grep -oE -- '--[a-z0-9-]+'); do
    grep -qxF -- "$option" <<<"$gui_documented" || fail "rpcscope.1 does not describe $option"
done

if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed; packages in $work/out" >&2
    exit 1
fi
echo "ok: $(basename "$runtime") ($(du -k "$runtime" | cut -f1) KiB), $(basename "$dev") ($(du -k "$dev" | cut -f1) KiB)"
