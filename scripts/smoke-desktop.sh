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

# run_app NAME [ENV…] starts the app on a fresh workspace with the given
# environment, waits for its first backend call and takes NAME.png.
run_app() {
  local name=$1
  shift
  env "$@" DISPLAY="$display" MOPSDESK_LOG=debug "$bin" --data "$work/data-$name" >"$out/$name.log" 2>&1 &
  app=$!
  # The UI reads the settings (Workspace.Settings) before it mounts, which
  # may come just before or after Wails' DOM-ready; the mounted page then
  # calls the backend for what it shows: any call after DOM-ready counts.
  local ok=""
  for _ in $(seq 120); do
    if ! kill -0 "$app" 2>/dev/null; then
      echo "smoke: the app exited early:" >&2; cat "$out/$name.log" >&2; exit 1
    fi
    if awk '/msg="dom ready"/{d=1} d && /msg="api call"/{found=1} END{exit !found}' "$out/$name.log"; then
      ok=1; break
    fi
    sleep 0.5
  done
  if [ -z "$ok" ]; then
    echo "smoke: no backend call after DOM ready within 60 s:" >&2; cat "$out/$name.log" >&2; exit 1
  fi
  sleep 3 # let the first paint (and its fonts) finish before the screenshot
  DISPLAY=$display import -window root "$out/$name.png"
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  echo "smoke: $name: the window loaded and called the backend; screenshot at $out/$name.png"
}

# set_display DATA LANGUAGE CALENDAR WEEKSTART saves a workspace's language
# through serve mode's API (plain bash: /dev/tcp), as Settings would.
set_display() {
  local port=$((20000 + RANDOM % 20000))
  "$bin" serve --addr "127.0.0.1:$port" --data "$1" >"$work/serve.log" 2>&1 &
  local srv=$!
  for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
  local body='[{"name":"My marketing team","baseCurrency":"USD","fiscalYearStartMonth":1,"language":"'$2'","underuseThreshold":70,"calendar":"'$3'","weekStart":'$4'}]'
  exec 3<>"/dev/tcp/127.0.0.1/$port"
  printf 'POST /api/Workspace/UpdateSettings HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s' "$port" "${#body}" "$body" >&3
  local reply
  reply=$(cat <&3)
  exec 3<&-
  kill "$srv"; wait "$srv" 2>/dev/null || true
  case "$reply" in
    "HTTP/1.1 200"*) ;;
    *) echo "smoke: could not set the language to $2: $reply" >&2; exit 1 ;;
  esac
}

run_app desktop
# The real window in Persian (right to left, Persian calendar) and in Thai:
# the bundled fonts draw them on a machine without those fonts (look for
# boxes in the screenshots).
set_display "$work/data-desktop-fa" fa persian 6
run_app desktop-fa
set_display "$work/data-desktop-th" th buddhist 0
run_app desktop-th

# A second window on a workspace another process has open still opens,
# and says which process holds it instead of exiting unseen.
"$bin" serve --addr 127.0.0.1:0 --data "$work/data-held" >"$work/held.log" 2>&1 &
held=$!
trap 'kill "$held" 2>/dev/null || true; kill "$app" 2>/dev/null || true; kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do grep -q "is serving on" "$work/held.log" && break; sleep 0.1; done
run_app held
kill "$held"; wait "$held" 2>/dev/null || true
if ! grep -q "method=Workspace.Settings code=in_use" "$out/held.log"; then
  echo "smoke: the second window did not say the workspace is held:" >&2; cat "$out/held.log" >&2; exit 1
fi
echo "smoke: held: the second window says who holds the workspace; screenshot at $out/held.png"

# The window connected to a team host on loopback with its own certificate
# (issue 18): `mopsdesk host` on a fresh data folder, which makes its own
# certificate and prints its SHA-256 fingerprint and a one-time setup code.
host_cmd=("$bin" host)
host=""
trap 'kill "$host" 2>/dev/null || true; kill "$app" 2>/dev/null || true; kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
port=$((20000 + RANDOM % 20000))
origin="https://127.0.0.1:$port"

# start_host DATA LOG starts the host on $port with that data folder (a
# new folder makes a new certificate) and waits until it answers.
start_host() {
  MOPSDESK_LOG=debug "${host_cmd[@]}" --addr "127.0.0.1:$port" --data "$1" >"$2" 2>&1 &
  host=$!
  for _ in $(seq 150); do
    curl -sk -o /dev/null "$origin/auth/state" && return 0
    kill -0 "$host" 2>/dev/null || break
    sleep 0.2
  done
  echo "smoke: the team host did not start:" >&2; cat "$2" >&2; exit 1
}
stop_host() { kill "$host" 2>/dev/null || true; wait "$host" 2>/dev/null || true; }
# served_fingerprint is the certificate's fingerprint as openssl reads it.
served_fingerprint() {
  openssl s_client -connect "127.0.0.1:$port" </dev/null 2>/dev/null | openssl x509 -noout -fingerprint -sha256 | sed 's/^.*=//'
}

start_host "$work/host-data" "$out/host.log"
printed=$(grep -oiE '([0-9a-f]{2}:){31}[0-9a-f]{2}' "$out/host.log" | head -n1 | tr a-f A-F || true)
if [ -z "$printed" ] || [ "$printed" != "$(served_fingerprint)" ]; then
  echo "smoke: the host printed fingerprint '$printed' but serves $(served_fingerprint)" >&2; exit 1
fi
code=$(grep -i 'setup code' "$out/host.log" | grep -oE '[0-9A-Z]{4}(-[0-9A-Z]{4})+' | head -n1)
jar="$work/admin.cookies"
post() { # post PATH JSON: a call as the host's own page makes it
  curl -sk --fail-with-body -c "$jar" -b "$jar" -H 'Content-Type: application/json' -H "Origin: $origin" -d "$2" "$origin$1"
}
post /auth/setup '{"code":"'"$code"'","name":"Ada Admin","login":"ada","password":"smoke-pass-1"}' >/dev/null
post /api/Workspace/UpdateSettings '[{"name":"Smoke team","baseCurrency":"USD","fiscalYearStartMonth":1,"language":"en","underuseThreshold":70,"calendar":"gregory","weekStart":1}]' >/dev/null

# This computer signs in with the fingerprint the host printed (as the
# Connect dialog does) and the window, started next, opens the team
# workspace and works against the host.
config="$work/config"
printf 'smoke-pass-1\n' | XDG_CONFIG_HOME="$config" "$bin" connect "127.0.0.1:$port" --fingerprint "$printed" --login ada >"$out/connect.log" 2>&1 ||
  { echo "smoke: connect failed:" >&2; cat "$out/connect.log" >&2; exit 1; }
mark=$(wc -l <"$out/host.log")
run_app team XDG_CONFIG_HOME="$config"
if ! grep -q "msg=\"api call\" method=Workspace.Settings host=127.0.0.1:$port code=\"\"" "$out/team.log" ||
  ! grep -q 'state=online' "$out/team.log" || ! tail -n +"$((mark + 1))" "$out/host.log" | grep -q 'msg="api call"'; then
  echo "smoke: the window did not work against the team host:" >&2; cat "$out/team.log" >&2; exit 1
fi
echo "smoke: team: the window worked against the host on loopback; screenshot at $out/team.png"

# The host comes back with another certificate: refused, nothing reaches it.
stop_host
start_host "$work/host-data-new" "$out/host-new.log"
run_app team-changed XDG_CONFIG_HOME="$config"
if ! grep -q 'code=certificate_changed' "$out/team-changed.log" || grep -q 'msg="api call"' "$out/host-new.log"; then
  echo "smoke: a changed certificate was not refused:" >&2; cat "$out/team-changed.log" >&2; exit 1
fi
echo "smoke: team-changed: the window refused the host's new certificate; screenshot at $out/team-changed.png"

# No host at all: calls fail as unreachable and the window says offline.
stop_host
run_app team-down XDG_CONFIG_HOME="$config"
if ! grep -q 'code=unreachable' "$out/team-down.log" || ! grep -q 'state=offline' "$out/team-down.log"; then
  echo "smoke: the window did not say the host is unreachable:" >&2; cat "$out/team-down.log" >&2; exit 1
fi
echo "smoke: team-down: the window says it cannot reach the host; screenshot at $out/team-down.png"
