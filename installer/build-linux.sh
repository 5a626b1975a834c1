#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Linux x86-64 packages of CHAI Workstation with their own trimmed Java runtime:
#   installer/build-linux.sh [--jdeps] [deb] [rpm]   (default: both; output in installer/target/packages/)
# Uses app/target/chai-app-*.jar and app/target/lib (built first when missing). Steps: copy the jars, dropping other
# platforms' natives (installer/src/TrimNatives.java); jlink a runtime of the JDK modules in installer/jdk-modules.txt
# (--jdeps recomputes that list with jdeps over every jar, plus the service modules jdeps cannot see: rerun it after
# adding a dependency); jpackage it. See installer/README.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
types=()
jdeps=0
for a in "$@"; do
  case "$a" in
    --jdeps) jdeps=1 ;;
    deb|rpm) types+=("$a") ;;
    *) echo "usage: installer/build-linux.sh [--jdeps] [deb] [rpm]" >&2; exit 1 ;;
  esac
done
[ "${#types[@]}" -gt 0 ] || types=(deb rpm)
out="$root/installer/target"
step() { printf '[%5ss] %s\n' "$SECONDS" "$*"; }

find_jar() { ls app/target/chai-app-*.jar 2>/dev/null | grep -v -- '-sources\|-tests' | head -n 1 || true; }
jar="$(find_jar)"
if [ -z "$jar" ] || [ ! -d app/target/lib ]; then
  step "building the app jars"
  ./mvnw -B -q -DskipTests -Dmaven.test.skip=true package -pl app -am
  jar="$(find_jar)"
fi
version="$(java "$root/installer/src/JarVersion.java" "$jar")"
[ -n "$version" ] || { echo "build-linux: no version in $jar" >&2; exit 1; }
# Debian and RPM order "1.0~SNAPSHOT" before "1.0"; neither allows "-" in the upstream version.
pkg_version="${version/-/\~}"
step "CHAI $version (package version $pkg_version) from $jar"

rm -rf "$out/input" "$out/runtime" "$out/resources" "$out/jdeps" "$out/jp" "$out/packages"
mkdir -p "$out/input/lib" "$out/resources" "$out/packages"

step "copying jars, dropping other platforms' natives"
java "$root/installer/src/TrimNatives.java" linux-x86_64 app/target/lib "$out/input/lib"
cp "$jar" "$out/input/"
main_jar="$(basename "$jar")"

modules_file="$root/installer/jdk-modules.txt"
if [ "$jdeps" = 1 ] || [ ! -s "$modules_file" ]; then
  step "jdeps: JDK modules the jars use (writes installer/jdk-modules.txt)"
  # jdeps cannot resolve modular jars whose optional requires are absent (javacv): it reads copies without module-info
  mkdir -p "$out/jdeps"
  cp "$out/input/lib/"*.jar "$out/input/$main_jar" "$out/jdeps/"
  for j in "$out/jdeps/"*.jar; do zip -q -d "$j" 'module-info.class' 'META-INF/versions/*/module-info.class' >/dev/null 2>&1 || true; done
  found="$(jdeps -q --multi-release 17 --ignore-missing-deps --print-module-deps --class-path "$out/jdeps/*" "$out/jdeps/"*.jar)"
  rm -rf "$out/jdeps"
  # Loaded as services, invisible to jdeps: EC key exchange for TLS (model servers over https) and the accessibility
  # bridge of the desktop toolkits.
  echo "$found,jdk.crypto.ec,jdk.accessibility" | tr ',' '\n' | sort -u > "$modules_file"
fi
modules="$(paste -sd, "$modules_file")"
step "JDK modules: $modules"

step "jlink"
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress=2 --output "$out/runtime"

cp installer/icon/chai-256.png "$out/resources/chai.png"
cp installer/linux/chai.desktop installer/linux/postinst installer/linux/prerm "$out/resources/"
sed "s|@ICON@|$root/installer/icon/chai-project-128.png|" installer/linux/chai.properties > "$out/chai-file.properties"
# The .rpm gets /usr/bin/chai in its payload: the spec is the JDK's own jpackage template (read from this JDK, not
# kept here) with two lines added to %install. The .deb makes the link in its postinst (installer/linux/postinst).
java_home="$(dirname "$(dirname "$(readlink -f "$(command -v jpackage)")")")"
jimage extract --dir "$out/jp" --include 'regex:.*/resources/template\.spec' "$java_home/lib/modules"
# (and, built on a distro without rpm's "filesystem" package, the template's fallback list of system folders is
# echoed on one line, so the package would claim /opt, /usr and /usr/bin: tr gives one folder per line)
sed -e '/^cp -r %{_sourcedir}APPLICATION_DIRECTORY/a install -d -m 755 %{buildroot}/usr/bin\nln -s APPLICATION_DIRECTORY/bin/chai %{buildroot}/usr/bin/chai' \
    -e 's|^%define default_filesystem .*|& /usr/share /usr/share/licenses|' \
    -e "s/|| echo %{default_filesystem}; }/|| echo %{default_filesystem} | tr ' ' '\\\\n'; }/" \
  "$(find "$out/jp" -name template.spec)" > "$out/resources/chai-workstation.spec"
grep -q "usr/bin/chai" "$out/resources/chai-workstation.spec" || { echo "build-linux: could not add /usr/bin/chai to the rpm spec" >&2; exit 1; }
rm -rf "$out/jp"

common=(
  --name chai --app-version "$pkg_version" --vendor "CHAI Workstation"
  --description "CHAI Workstation: turn video clips into structured captions (training data for video-language models)"
  --copyright "GPL-3.0-or-later" --license-file LICENSE
  --input "$out/input" --main-jar "$main_jar" --main-class io.chai.app.Main
  --runtime-image "$out/runtime" --icon "$out/resources/chai.png" --resource-dir "$out/resources"
  --java-options "-Dai.djl.offline=true"
  --file-associations "$out/chai-file.properties"
  --install-dir /opt
  --linux-package-name chai-workstation --linux-app-category video --linux-menu-group "AudioVideo;Video;"
  --linux-shortcut
  --dest "$out/packages"
)
# The payload is mostly jars and shared libraries that are compressed already: xz (dpkg-deb's default) takes
# minutes on 2 cores to save ~3%; gzip takes seconds. DPKG_DEB_COMPRESSOR_TYPE=xz for a release if wanted.
export DPKG_DEB_COMPRESSOR_TYPE="${DPKG_DEB_COMPRESSOR_TYPE:-gzip}"
for t in "${types[@]}"; do
  case "$t" in
    deb) step "jpackage .deb"
         jpackage --type deb "${common[@]}" --linux-deb-maintainer "chai@localhost" \
           --linux-package-deps "libgtk-3-0, libvlc5, vlc-plugin-base" ;;
    rpm) step "jpackage .rpm"
         # RPM distros ship libVLC outside their base repos (RPM Fusion): only GTK is required there
         jpackage --type rpm "${common[@]}" --linux-rpm-license-type "GPLv3+" --linux-package-deps "gtk3" ;;
    *) echo "build-linux: unknown package type $t (deb or rpm)" >&2; exit 1 ;;
  esac
done
step "done"
du -sh "$out/runtime" "$out/input" | sed 's/^/  /'
ls -l "$out/packages" | sed 's/^/  /'
