#!/usr/bin/env bash
# Runs every fuzz target of the repository, one after another, each for
# FUZZTIME (default 30s), and prints the executions each one made.
#   scripts/fuzz.sh                 (make fuzz)
#   FUZZTIME=2m scripts/fuzz.sh
# A new interesting input is minimised for at most FUZZMINIMIZETIME (5s):
# minimising a large one without a bound once took the whole run. A
# failing input is kept in the package's testdata/fuzz/ and the script
# exits non-zero after trying every target.
set -euo pipefail
cd "$(dirname "$0")/.."
export GOTOOLCHAIN=${GOTOOLCHAIN:-auto} # the toolchain go.mod names, as in the Makefile
fuzztime=${FUZZTIME:-30s}
minimize=${FUZZMINIMIZETIME:-5s}
tags=$(scripts/go-tags.sh)
# Only packages with a fuzz function in their tests are compiled to ask
# them for the list of targets.
mapfile -t dirs < <(grep -rl --include='*_test.go' '^func Fuzz' . | xargs -r -n1 dirname | sort -u)
failed=0
summary=()
for dir in "${dirs[@]}"; do
  mapfile -t targets < <(go test -tags "$tags" -list '^Fuzz' "$dir" | grep '^Fuzz' || true)
  for target in "${targets[@]}"; do
    echo "== $dir $target ($fuzztime)"
    log=$(mktemp)
    if go test -tags "$tags" -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" -fuzzminimizetime "$minimize" "$dir" 2>&1 | tee "$log"; then
      result=ok
    else
      result=FAILED
      failed=1
    fi
    execs=$(grep -o 'execs: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
    rm -f "$log"
    summary+=("$(printf '%-8s %-28s %-20s %s executions' "$result" "$dir" "$target" "${execs:-?}")")
  done
done
echo
printf '%s\n' "${summary[@]}"
exit $failed
