# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Windows .msi of CHAI Workstation ON WINDOWS (jpackage makes only its own OS's packages; not run in CI):
#   powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1      (output in installer\target\packages\)
# Needs a JDK 17 with jpackage and the WiX Toolset 3.x (candle.exe, light.exe) on the PATH. Signing: README.md.
$ErrorActionPreference = "Stop"
$root = Split-Path -Parent $PSScriptRoot
Set-Location $root
$out = Join-Path $root "installer\target"
# the parent pom pins JavaCPP's natives to linux-x86_64: build the app with the Windows FFmpeg/OpenCV natives instead
& .\mvnw.cmd -B -q -DskipTests -Dmaven.test.skip=true package -pl app -am "-Djavacpp.platform=windows-x86_64"
if ($LASTEXITCODE -ne 0) { throw "maven build failed" }
$jar = Get-ChildItem app\target\chai-app-*.jar | Where-Object { $_.Name -notmatch "-sources|-tests" } | Select-Object -First 1
$version = (& java installer\src\JarVersion.java $jar.FullName).Trim()
# an .msi version is numbers only (major.minor.build)
$pkgVersion = ($version -split "-")[0]

Remove-Item -Recurse -Force -ErrorAction SilentlyContinue "$out\input", "$out\runtime", "$out\packages"
New-Item -ItemType Directory -Force "$out\input\lib", "$out\packages" | Out-Null
& java installer\src\TrimNatives.java windows-x86_64 app\target\lib "$out\input\lib"
Copy-Item $jar.FullName "$out\input\"
$modules = (Get-Content installer\jdk-modules.txt) -join ","
& jlink --add-modules $modules --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out\runtime"
(Get-Content installer\linux\chai.properties) -replace "@ICON@", "$root\installer\icon\chai.ico" |
  Set-Content "$out\chai-file.properties"
# chai-cli.exe: a console launcher of the same app, so `chai-cli --version` prints in a terminal (the GUI launcher
# has no console); both land in the install folder, which --win-per-user-install keeps out of Program Files' ACLs.
"win-console=true" | Set-Content "$out\chai-cli.properties"

& jpackage --type msi --name "CHAI Workstation" --app-version $pkgVersion --vendor "CHAI Workstation" `
  --description "Turn video clips into structured captions" --copyright "GPL-3.0-or-later" --license-file LICENSE `
  --input "$out\input" --main-jar $jar.Name --main-class io.chai.app.Main `
  --runtime-image "$out\runtime" --icon installer\icon\chai.ico --java-options "-Dai.djl.offline=true" `
  --file-associations "$out\chai-file.properties" --add-launcher "chai-cli=$out\chai-cli.properties" `
  --win-menu --win-menu-group "CHAI" --win-shortcut --win-dir-chooser `
  --win-upgrade-uuid "6f1d3c2e-5b7a-4f0e-9c1d-2a8b4e6f0c31" `
  --dest "$out\packages"
if ($LASTEXITCODE -ne 0) { throw "jpackage failed" }
Get-ChildItem "$out\packages"
