#!/usr/bin/env bash
# Packages MOps Desk into dist/ from a Linux build (make dist runs it after
# make build):
#   mopsdesk_VERSION_amd64.deb                    Debian and Ubuntu
#   mopsdesk-VERSION-linux-amd64.tar.gz           other Linux distributions
#   mopsdesk-VERSION-windows-amd64.exe            the Windows program alone
#   mopsdesk-VERSION-windows-amd64-installer.exe  per-user Windows installer
#   SHA256SUMS
# macOS packages cannot be made on Linux: see .github/workflows/macos.yml.
#   scripts/dist.sh LINUX_BINARY
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "$1")
version=$(scripts/version.sh)
out=dist
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$out"
mkdir -p "$out"

# The binary must say the version the packages are named for.
got=$("$bin" version)
if [ "$got" != "mopsdesk $version" ]; then
  echo "dist: $bin says '$got', expected 'mopsdesk $version' (run make build first)" >&2
  exit 1
fi

# ---- Debian package ---------------------------------------------------------
deb_version=${version//-/.}
root="$work/deb"
install -D -m 0755 "$bin" "$root/usr/bin/mopsdesk"
install -D -m 0644 build/linux/mopsdesk.desktop "$root/usr/share/applications/mopsdesk.desktop"
for size in 16 24 32 48 64 128 256 512; do
  dir="$root/usr/share/icons/hicolor/${size}x${size}/apps"
  mkdir -p "$dir"
  convert build/appicon.png -resize "${size}x${size}" -depth 8 -strip "PNG32:$dir/mopsdesk.png"
done
install -D -m 0644 build/linux/copyright "$root/usr/share/doc/mopsdesk/copyright"
mkdir -p "$root/usr/share/man/man1"
gzip -9n <build/linux/mopsdesk.1 >"$root/usr/share/man/man1/mopsdesk.1.gz"
cat >"$work/changelog" <<CHANGES
mopsdesk ($deb_version) stable; urgency=medium

  * MOps Desk $version.

 -- MOps Desk team <team@mopsdesk.invalid>  $(date -R -d "@$(git log -1 --format=%ct)")
CHANGES
gzip -9n <"$work/changelog" >"$root/usr/share/doc/mopsdesk/changelog.gz"
chmod 0644 "$root/usr/share/man/man1/mopsdesk.1.gz" "$root/usr/share/doc/mopsdesk/changelog.gz"

# The libraries the binary links, as Debian names their packages
# (GTK 3 and WebKitGTK 4.0 or 4.1, whichever this build used).
mkdir -p "$work/shlibs/debian"
printf 'Source: mopsdesk\n\nPackage: mopsdesk\nArchitecture: amd64\n' >"$work/shlibs/debian/control"
depends=$(cd "$work/shlibs" && dpkg-shlibdeps -O -e"$root/usr/bin/mopsdesk" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "dist: dpkg-shlibdeps found no dependencies" >&2; exit 1; }

mkdir -p "$root/DEBIAN"
cat >"$root/DEBIAN/control" <<CONTROL
Package: mopsdesk
Version: $deb_version
Architecture: amd64
Maintainer: MOps Desk team <team@mopsdesk.invalid>
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: $depends
Recommends: fonts-noto-color-emoji
Section: misc
Priority: optional
Homepage: https://mopsdesk.invalid/
Description: marketing operations desk: campaigns, assets, contracts, budget
 MOps Desk keeps a marketing team's campaign calendar, brand asset
 library, SaaS and vendor contracts and marketing budget in one workspace
 on this computer, with dashboards, spreadsheet import and executive
 reports. It speaks English, Persian, Arabic, Polish, Turkish and Thai.
 .
 The mopsdesk command also serves the app to a browser on this machine
 and imports spreadsheets and writes reports from the command line.
CONTROL
deb="$out/mopsdesk_${deb_version}_amd64.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null

# ---- Tarball for other distributions ----------------------------------------
tdir="$work/mopsdesk-$version-linux-amd64"
mkdir -p "$tdir"
cp "$bin" "$tdir/mopsdesk"
cp build/linux/mopsdesk.desktop "$tdir/"
cp "$root/usr/share/icons/hicolor/256x256/apps/mopsdesk.png" "$tdir/"
cp build/linux/README-linux.txt "$tdir/README.txt"
tar -C "$work" --owner=0 --group=0 --sort=name -czf "$out/mopsdesk-$version-linux-amd64.tar.gz" "$(basename "$tdir")"

# ---- Windows: cross-compiled with MinGW, installer by NSIS ------------------
# The Wails CLI is built for this machine first: "go tool wails" under the
# MinGW compiler would build the tool itself for Windows headers.
wails=$(go tool -n wails)
rm -f build/bin/mopsdesk.exe build/bin/mopsdesk-amd64-installer.exe
CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++ \
  "$wails" build -s -skipbindings -m -nosyncgomod -trimpath -nocolour -v 0 \
  -platform windows/amd64 -tags sqlite_fts5 -nsis \
  -ldflags "-X main.version=$version" -o mopsdesk.exe
cp build/bin/mopsdesk.exe "$out/mopsdesk-$version-windows-amd64.exe"
mv build/bin/mopsdesk-amd64-installer.exe "$out/mopsdesk-$version-windows-amd64-installer.exe"

# ---- Checksums -----------------------------------------------------------------
(cd "$out" && sha256sum -- * >SHA256SUMS)
echo "dist: version $version"
(cd "$out" && ls -l --block-size=K -- *)
