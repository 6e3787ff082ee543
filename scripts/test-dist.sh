#!/usr/bin/env bash
# Checks the packages that make dist wrote, as a user would meet them:
#  - lintian on the .deb (errors fail; warnings are kept in the artefacts);
#  - apt installs the .deb with its dependencies, mopsdesk is on the PATH,
#    says its version, has its menu entry and icons, and the installed
#    binary passes the desktop smoke test; apt removes it again;
#  - the tarball's binary runs;
#  - under Wine: mopsdesk.exe's verbs (version, help, import --dry-run
#    --json, report) work and the import gives the same JSON as on Linux;
#    the installer runs silently, per user, puts the program, its Start-menu
#    entry and its uninstall entry where it says, and the uninstaller
#    removes them. The window needs WebView2, which Wine lacks, so it is
#    not opened there.
#   scripts/test-dist.sh DIST_DIR ARTEFACT_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
dist=$(realpath "$1")
out=$(mkdir -p "$2/dist" && realpath "$2/dist")
version=$(scripts/version.sh)
work=$(mktemp -d)
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
cleanup() {
  if dpkg-query -W -f='${Status}' mopsdesk 2>/dev/null | grep -q "install ok installed"; then
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq mopsdesk >/dev/null 2>&1 || true
  fi
  wineserver -k 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "test-dist: $*" >&2; exit 1; }
sample=backend/sheet/testdata/subscriptions-minimal.xlsx

deb=$(ls "$dist"/mopsdesk_*_amd64.deb)
tarball=$(ls "$dist"/mopsdesk-*-linux-amd64.tar.gz)
exe=$(ls "$dist"/mopsdesk-*-windows-amd64.exe | grep -v installer)
installer=$(ls "$dist"/mopsdesk-*-windows-amd64-installer.exe)
(cd "$dist" && sha256sum --quiet -c SHA256SUMS) || fail "SHA256SUMS does not match the files"
ls -l --block-size=K "$dist" | tee "$out/sizes.txt"

# ---- .deb -----------------------------------------------------------------------
lintian --no-tag-display-limit "$deb" >"$out/lintian.txt" 2>&1 || true
if grep -q '^E: ' "$out/lintian.txt"; then
  cat "$out/lintian.txt" >&2
  fail "lintian reports errors"
fi
echo "test-dist: lintian: $(grep -c '^W: ' "$out/lintian.txt" || true) warnings, no errors ($out/lintian.txt)"
dpkg-deb -f "$deb" Depends | grep -Eq 'libwebkit2gtk-4\.[01]-' || fail "the .deb does not depend on WebKitGTK"
dpkg-deb -f "$deb" Depends | grep -q 'libgtk-3-0' || fail "the .deb does not depend on GTK 3"

$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >"$out/apt-install.log" 2>&1 ||
  { cat "$out/apt-install.log" >&2; fail "apt could not install $deb"; }
[ "$(command -v mopsdesk)" = /usr/bin/mopsdesk ] || fail "mopsdesk is not on the PATH after installing"
[ "$(mopsdesk version)" = "mopsdesk $version" ] || fail "installed mopsdesk says '$(mopsdesk version)', expected $version"
[ -f /usr/share/applications/mopsdesk.desktop ] || fail "no menu entry"
[ -f /usr/share/icons/hicolor/256x256/apps/mopsdesk.png ] || fail "no icon"
mopsdesk import "$sample" --dry-run --json --data "$work/deb-data" >"$work/linux.json" || fail "installed mopsdesk cannot import"
scripts/smoke-desktop.sh /usr/bin/mopsdesk "$out/installed"
$sudo env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq mopsdesk >/dev/null
[ ! -e /usr/bin/mopsdesk ] || fail "apt remove left /usr/bin/mopsdesk"
echo "test-dist: the .deb installs, runs, passes the desktop smoke test and removes cleanly"

# ---- tarball --------------------------------------------------------------------
tar -C "$work" -xzf "$tarball"
tbin=$(ls "$work"/mopsdesk-*-linux-amd64/mopsdesk)
[ "$("$tbin" version)" = "mopsdesk $version" ] || fail "the tarball's binary does not run"
for f in README.txt mopsdesk.desktop mopsdesk.png; do
  [ -f "$(dirname "$tbin")/$f" ] || fail "the tarball lacks $f"
done
echo "test-dist: the tarball's binary runs"

# ---- Windows, under Wine --------------------------------------------------------
export WINEPREFIX="$work/wine" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
wineboot -i >/dev/null 2>&1 || true
# The installer, like Wails apps, requires Windows 10 or later.
winecfg /v win10 >/dev/null 2>&1
# Wine 8.0 lacks bcryptprimitives.dll (see scripts/wine/bcryptprimitives.c).
x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
  scripts/wine/bcryptprimitives.c scripts/wine/bcryptprimitives.def -lbcrypt
cp "$exe" "$work/mopsdesk.exe"
cp "$sample" "$work/sample.xlsx"
wrun() { (cd "$work" && timeout 180 wine "$@" </dev/null); }
[ "$(wrun mopsdesk.exe version | tr -d '\r')" = "mopsdesk $version" ] || fail "mopsdesk.exe version under Wine: '$(wrun mopsdesk.exe version)'"
wrun mopsdesk.exe help | grep -q "Usage:" || fail "mopsdesk.exe help prints no usage"
wrun mopsdesk.exe import sample.xlsx --dry-run --json --data 'C:\mops-win' | tr -d '\r' >"$work/windows.json" ||
  fail "mopsdesk.exe import under Wine failed"
diff <(python3 -m json.tool --sort-keys "$work/linux.json") <(python3 -m json.tool --sort-keys "$work/windows.json") >"$out/import-diff.txt" ||
  { cat "$out/import-diff.txt" >&2; fail "the Windows import's JSON differs from Linux's"; }
wrun mopsdesk.exe report --from 2025-01-01 --to 2025-12-31 --out 'C:\report.xlsx' --data 'C:\mops-win' >/dev/null ||
  fail "mopsdesk.exe report under Wine failed"
unzip -tq "$WINEPREFIX/drive_c/report.xlsx" >/dev/null || fail "the report written under Wine is not a workbook"
echo "test-dist: mopsdesk.exe version, help, import --dry-run --json (same JSON as Linux) and report work under Wine"

cp "$installer" "$work/setup.exe"
wrun setup.exe /S || fail "the installer failed under Wine"
user_dir=$(ls -d "$WINEPREFIX"/drive_c/users/*/AppData | grep -v /Public/ | head -1)
appdir="$user_dir/Local/Programs/MOps Desk"
[ -f "$appdir/mopsdesk.exe" ] || fail "the installer did not put mopsdesk.exe in $appdir"
[ -f "$appdir/uninstall.exe" ] || fail "the installer wrote no uninstaller"
[ -f "$user_dir/Roaming/Microsoft/Windows/Start Menu/Programs/MOps Desk.lnk" ] || fail "no Start-menu entry"
wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\MOpsDesk' /v DisplayName 2>/dev/null | grep -q "MOps Desk" ||
  fail "no per-user uninstall entry"
[ "$(cd "$appdir" && timeout 60 wine mopsdesk.exe version </dev/null | tr -d '\r')" = "mopsdesk $version" ] || fail "the installed program does not run"
# The uninstaller copies itself to a temporary folder and runs from there;
# wineserver -w waits until it has finished.
(cd "$appdir" && timeout 120 wine uninstall.exe /S </dev/null) || fail "the uninstaller failed"
timeout 120 wineserver -w
[ ! -e "$appdir" ] || fail "the uninstaller left $appdir: $(ls "$appdir")"
[ ! -e "$user_dir/Roaming/Microsoft/Windows/Start Menu/Programs/MOps Desk.lnk" ] || fail "the uninstaller left the Start-menu entry"
echo "test-dist: the installer installs per user (program, Start-menu entry, uninstall entry) and the uninstaller removes it"
