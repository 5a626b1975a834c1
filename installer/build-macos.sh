#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the macOS .dmg of CHAI Workstation ON A MAC (jpackage makes only its own OS's packages; not run in CI):
#   installer/build-macos.sh            (Apple silicon or Intel, whichever runs it; output in installer/target/packages/)
# Needs a JDK 17 with jpackage, Xcode command line tools (iconutil, codesign). Signing and notarization: README.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
case "$(uname -m)" in
  arm64) platform=macosx-arm64; target=macos-aarch64 ;;
  *) platform=macosx-x86_64; target=macos-x86_64 ;;
esac
out="$root/installer/target"
# the parent pom pins JavaCPP's natives to linux-x86_64: build the app with this Mac's FFmpeg/OpenCV natives instead
./mvnw -B -q -DskipTests -Dmaven.test.skip=true package -pl app -am -Djavacpp.platform="$platform"
jar="$(ls app/target/chai-app-*.jar | grep -v -- '-sources\|-tests' | head -n 1)"
version="$(java installer/src/JarVersion.java "$jar")"
# a .dmg version is numbers only (CFBundleShortVersionString)
pkg_version="${version%%-*}"

rm -rf "$out/input" "$out/runtime" "$out/packages" "$out/chai.iconset"
mkdir -p "$out/input/lib" "$out/packages" "$out/chai.iconset"
java installer/src/TrimNatives.java "$target" app/target/lib "$out/input/lib"
cp "$jar" "$out/input/"
jlink --add-modules "$(paste -sd, installer/jdk-modules.txt)" --strip-debug --no-header-files --no-man-pages \
  --compress=2 --output "$out/runtime"

for s in 16 32 128 256 512; do
  sips -z $s $s installer/icon/chai-256.png --out "$out/chai.iconset/icon_${s}x${s}.png" >/dev/null
done
iconutil -c icns "$out/chai.iconset" -o "$out/chai.icns"
sed "s|@ICON@|$out/chai.icns|" installer/linux/chai.properties > "$out/chai-file.properties"

jpackage --type dmg --name "CHAI Workstation" --app-version "$pkg_version" --vendor "CHAI Workstation" \
  --description "Turn video clips into structured captions" --copyright "GPL-3.0-or-later" --license-file LICENSE \
  --input "$out/input" --main-jar "$(basename "$jar")" --main-class io.chai.app.Main \
  --runtime-image "$out/runtime" --icon "$out/chai.icns" --java-options "-Dai.djl.offline=true" \
  --file-associations "$out/chai-file.properties" \
  --mac-package-identifier io.chai.workstation --mac-package-name "CHAI Workstation" \
  ${CHAI_MAC_SIGN_IDENTITY:+--mac-sign --mac-signing-key-user-name "$CHAI_MAC_SIGN_IDENTITY"} \
  --dest "$out/packages"
ls -l "$out/packages"
