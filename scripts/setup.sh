#!/usr/bin/env bash
# Installs what MOps Desk needs on Debian or Ubuntu, and only what is missing.
#   scripts/setup.sh        to build and run the desktop app
#   scripts/setup.sh test   also what the tests need (Xvfb, Chromium, ImageMagick,
#                           LibreOffice Calc and poppler to open exported workbooks,
#                           and what "dist" needs plus Wine and lintian to check packages)
#   scripts/setup.sh dist   what make dist needs: dpkg-dev, ImageMagick, MinGW-w64, NSIS
set -euo pipefail

# fonts-noto-color-emoji: WebKitGTK and Chromium draw emoji in names with
# the system's fonts; without a colour emoji font they are empty boxes.
want=(gcc pkg-config libgtk-3-dev fonts-noto-color-emoji)
dist=(dpkg-dev imagemagick gcc-mingw-w64-x86-64 nsis)
if [ "${1:-}" = dist ]; then
  want+=("${dist[@]}")
fi
if [ "${1:-}" = test ]; then
  want+=(xvfb xauth chromium imagemagick libreoffice-calc poppler-utils "${dist[@]}" wine wine64 lintian)
fi

if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
  echo "setup: this is not a Debian/Ubuntu system; install by hand: Go 1.26, Node.js 20.19+, gcc, pkg-config," >&2
  echo "setup: GTK 3 and WebKitGTK development files (see README.md, 'macOS and Windows')." >&2
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "setup: need root or sudo to install packages" >&2; exit 1; }
  sudo="sudo"
fi

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

updated=0
apt_update() {
  if [ "$updated" = 0 ]; then
    $sudo apt-get update -qq
    updated=1
  fi
}

# WebKitGTK: 4.0 where the distribution still has it, else 4.1 (the
# Makefile then builds with -tags webkit2_41).
if ! installed libwebkit2gtk-4.0-dev && ! installed libwebkit2gtk-4.1-dev; then
  apt_update
  if apt-cache show libwebkit2gtk-4.0-dev >/dev/null 2>&1; then
    want+=(libwebkit2gtk-4.0-dev)
  else
    want+=(libwebkit2gtk-4.1-dev)
  fi
fi

# Node.js 20.19 or newer builds the frontend (Vite 7).
node_ok() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'
}
if ! node_ok; then
  want+=(nodejs npm)
fi

missing=()
for p in "${want[@]}"; do
  installed "$p" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  apt_update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! node_ok; then
  echo "setup: Node.js $(node --version 2>/dev/null || echo missing) is too old; Vite needs 20.19 or newer." >&2
  exit 1
fi
if ! command -v go >/dev/null 2>&1; then
  echo "setup: Go is missing; install Go 1.26 or newer." >&2
  exit 1
fi
