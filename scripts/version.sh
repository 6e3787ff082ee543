#!/usr/bin/env bash
# Prints MOps Desk's version, one string for the binary (mopsdesk version,
# Settings → About) and every package name: a release tag as it is
# (v1.2.0 → 1.2.0, commits after it → 1.2.0+3.gabc1234), otherwise the
# product version in wails.json with the commit (0.1.0+git.abc1234).
# A work tree with uncommitted changes adds ".dirty".
set -euo pipefail
cd "$(dirname "$0")/.."
product=$(sed -n 's/.*"productVersion": *"\([0-9.]*\)".*/\1/p' wails.json)
desc=$(git describe --tags --always --dirty 2>/dev/null || echo unknown)
dirty=""
case "$desc" in *-dirty) dirty=".dirty"; desc=${desc%-dirty} ;; esac
if [[ "$desc" =~ ^v?([0-9]+\.[0-9]+\.[0-9]+)(-([0-9]+)-g([0-9a-f]+))?$ ]]; then
  v=${BASH_REMATCH[1]}
  [ -n "${BASH_REMATCH[3]}" ] && v="$v+${BASH_REMATCH[3]}.g${BASH_REMATCH[4]}"
else
  v="$product+git.$desc"
fi
echo "$v$dirty"
