#!/usr/bin/env bash
# Desktop smoke test: starts the production binary under Xvfb on a fresh
# workspace, waits until the page has loaded (Wails' DOM-ready) and the
# frontend has then called the backend, and keeps a screenshot.
#   scripts/smoke-desktop.sh BINARY ARTEFACT_DIR
set -euo pipefail
bin=$(realpath "$1")
out=$(mkdir -p "$2" && realpath "$2")
work=$(mktemp -d)
trap 'kill "$app" 2>/dev/null || true; kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT

display=":$((90 + RANDOM % 400))"
Xvfb "$display" -screen 0 1280x860x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done

DISPLAY=$display MOPSDESK_LOG=debug "$bin" --data "$work/data" >"$out/desktop.log" 2>&1 &
app=$!

# The first backend call the UI makes at start is Workspace.Settings.
ok=""
for _ in $(seq 120); do
  if ! kill -0 "$app" 2>/dev/null; then
    echo "smoke: the app exited early:" >&2; cat "$out/desktop.log" >&2; exit 1
  fi
  if awk '/msg="dom ready"/{d=1} d && /method=Workspace.Settings/{found=1} END{exit !found}' "$out/desktop.log"; then
    ok=1; break
  fi
  sleep 0.5
done
if [ -z "$ok" ]; then
  echo "smoke: no backend call after DOM ready within 60 s:" >&2; cat "$out/desktop.log" >&2; exit 1
fi
sleep 2 # let the first paint finish before the screenshot
DISPLAY=$display import -window root "$out/desktop.png"
echo "smoke: desktop window loaded and called the backend; screenshot at $out/desktop.png"
