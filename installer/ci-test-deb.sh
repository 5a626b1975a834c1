#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# CI check of the Linux packages (run by .ci/run after the tests; root or sudo; changes this machine's packages):
# builds the .deb and .rpm, installs the .deb with dpkg -i (+ apt-get -f install for its dependencies), runs
# `chai --version` and a headless workflow (init, import, index, export) from the installed binary, opens that
# project's project.chai in the GUI under Xvfb to screenshots, checks the desktop entry, MIME type and /usr/bin/chai,
# then purges the package and checks that its files are gone and the user's project and settings are not. Prints
# the time of each step.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DEBIAN_FRONTEND=noninteractive
sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
pkg=chai-workstation
prefix=/opt/$pkg
step() { printf '\n[ci-test-deb %4ss] %s\n' "$SECONDS" "$*"; }
fail() { echo "ci-test-deb: FAILED: $*" >&2; exit 1; }

# everything the "user" makes lives here (projects, settings, logs), never in the real home's settings
work="$(mktemp -d /tmp/chai-ci-deb.XXXXXX)"
export XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache"
export CHAI_USER=ci

step "build the packages"
installer/build-linux.sh deb rpm
deb="$(ls installer/target/packages/${pkg}_*_amd64.deb)"
rpm="$(ls installer/target/packages/${pkg}-*.x86_64.rpm)"
ls -l "$deb" "$rpm"

step "rpm: payload and requirements"
rpm -qlp "$rpm" 2>/dev/null | grep -qx "$prefix/bin/chai" || fail "rpm lacks $prefix/bin/chai"
rpm -qlp "$rpm" 2>/dev/null | grep -qx /usr/bin/chai || fail "rpm lacks /usr/bin/chai"
rpm -qlp "$rpm" 2>/dev/null | grep -qx "/usr/bin\|/opt\|/usr" && fail "rpm claims a system folder"
rpm -qpR "$rpm" 2>/dev/null | grep -qx gtk3 || fail "rpm does not require gtk3"

step "install the .deb"
if dpkg -s "$pkg" >/dev/null 2>&1; then $sudo_cmd dpkg -P "$pkg"; fi
if ! $sudo_cmd dpkg -i "$deb"; then
  # missing dependencies leave it unconfigured: apt brings them in and finishes the configuration
  $sudo_cmd apt-get update -q
  $sudo_cmd apt-get -f install -y -q --no-install-recommends
fi
[ "$(dpkg-query -W -f='${Status}' "$pkg")" = "install ok installed" ] || fail "$pkg is not installed"
dpkg-query -W -f='${Depends}\n' "$pkg" | grep -q 'libvlc5' || fail "$pkg does not depend on libvlc5"

step "chai on the PATH, desktop entry, MIME type"
[ "$(command -v chai)" = /usr/bin/chai ] || fail "chai on the PATH is $(command -v chai || echo nothing)"
[ "$(readlink -f /usr/bin/chai)" = "$prefix/bin/chai" ] || fail "/usr/bin/chai -> $(readlink -f /usr/bin/chai)"
desktop=/usr/share/applications/$pkg-chai.desktop
grep -qx "Exec=$prefix/bin/chai workstation %f" "$desktop" || fail "$desktop: no 'chai workstation %f'"
grep -qx 'MimeType=application/x-chai-project;' "$desktop" || fail "$desktop: no MIME type"
grep -q 'pattern="\*.chai"' /usr/share/mime/packages/$pkg-chai.xml || fail "no shared-mime-info glob for *.chai"
ls /usr/share/icons/hicolor/*/apps/*chai*.png >/dev/null || fail "no icon in the hicolor theme"

step "chai --version (installed binary, no display)"
version_out="$(env -u DISPLAY chai --version)"
echo "$version_out"
expected="$(java installer/src/JarVersion.java "$(ls app/target/chai-app-*.jar | grep -v -- '-sources\|-tests' | head -n 1)")"
echo "$version_out" | grep -qx "chai $expected" || fail "--version does not say chai $expected"
echo "$version_out" | grep -q '^built .* from commit [0-9a-f]\{12\}' || fail "--version has no build commit"
echo "$version_out" | grep -q '^FFmpeg [0-9]' || fail "--version found no FFmpeg"
echo "$version_out" | grep -q '^JavaFX [0-9]' || fail "--version found no JavaFX"
echo "$version_out" | grep -q '^libVLC [0-9]' || fail "--version found no libVLC (libvlc5 is a dependency)"

step "headless workflow: init, import, index, export"
proj="$work/projects/ci-project"
mkdir -p "$work/media"
ffmpeg -hide_banner -loglevel error -f lavfi -i testsrc2=size=320x240:rate=25 -t 2 -pix_fmt yuv420p "$work/media/clip.mp4"
chai init "$proj" --name "CI project"
(cd "$proj" && chai import "$work/media")
chai index "$work/media/clip.mp4"
chai list --project "$proj"
chai export full --project "$proj" --out "$work/export"
ls -l "$work/export"
[ -s "$work/export/manifest.json" ] || fail "export wrote no manifest.json"

step "GUI under Xvfb: open project.chai as a double-click does (the desktop entry's 'chai workstation %f')"
[ -s "$proj/project.chai" ] || fail "chai init wrote no project.chai"
shots="$work/shots"
xvfb-run -a -s "-screen 0 1600x1000x24" timeout 300 chai workstation "$proj/project.chai" --screenshots "$shots"
ls "$shots"
# the main window on the imported clip, and Help > About with the versions found
java installer/src/CheckPng.java "$shots/workstation-light.png" "$shots/about.png"

step "uninstall (purge)"
$sudo_cmd dpkg -P "$pkg"
dpkg -s "$pkg" >/dev/null 2>&1 && fail "$pkg still installed"
[ ! -e "$prefix" ] || fail "$prefix remains"
[ ! -e /usr/bin/chai ] && [ ! -L /usr/bin/chai ] || fail "/usr/bin/chai remains"
[ ! -e "$desktop" ] || fail "$desktop remains"
[ ! -e /usr/share/mime/packages/$pkg-chai.xml ] || fail "the *.chai MIME type remains"
[ -s "$proj/chai-project.db" ] || fail "the user's project database is gone"
[ -d "$XDG_CONFIG_HOME/chai" ] || fail "the user's settings folder is gone"
echo "user's project kept: $(ls "$proj" | tr '\n' ' ')"
rm -rf "$work"
step "ok: .deb built, installed, used, screenshotted and purged; .rpm built and checked"
