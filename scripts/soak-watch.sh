#!/usr/bin/env bash
# Soak test of `tandem watch`: a generated workspace, one watcher running every 2 s, and a person
# editing a customer every half second, for MINUTES (default 10); prints the watcher's resident
# memory (VmRSS) once a minute, and what it synchronized. The watcher opens the workspace afresh for
# each run, so nothing should grow from run to run. Run from the repository root after `swift build`
# (or TANDEM_BINARY=.build/release/tandem); WORKSPACE=postgres://… soaks a shared workspace instead
# of a temporary folder (it is replaced).
#   scripts/soak-watch.sh 10
set -euo pipefail
minutes=${1:-10}
tandem=$(realpath "${TANDEM_BINARY:-.build/debug/tandem}")
folder=$(mktemp -d)
export TANDEM_WORKSPACE=${WORKSPACE:-$folder/workspace}
trap 'kill "$watcher" 2>/dev/null || true; rm -rf "$folder"' EXIT
"$tandem" generate --customers 20000 --coupled 1 --changed-erp 0 --changed-crm 0 --conflicts 0 --force --yes >/dev/null
"$tandem" sync --all --direction to-crm >/dev/null || true
"$tandem" watch --every 2s >"$folder/watch.log" 2>&1 &
watcher=$!
rss() { awk '/VmRSS/ {print $2}' "/proc/$watcher/status"; }
echo "minute  VmRSS (kB)  runs with a job"
start=$(date +%s); edit=0; next=0
while [ $(( $(date +%s) - start )) -lt $(( minutes * 60 )) ]; do
  elapsed=$(( $(date +%s) - start ))
  if [ "$elapsed" -ge "$next" ]; then
    printf "%6d  %10d  %15d\n" $(( elapsed / 60 )) "$(rss)" "$(grep -c '(job ' "$folder/watch.log" || true)"
    next=$(( next + 60 ))
  fi
  edit=$(( edit + 1 ))
  "$tandem" set "$(printf 'C%05d' $(( (edit * 7919) % 20000 + 1 )))" "City=Soak $edit" >/dev/null 2>&1 || true
  sleep 0.5
done
printf "%6d  %10d  %15d\n" "$minutes" "$(rss)" "$(grep -c '(job ' "$folder/watch.log" || true)"
kill -TERM "$watcher"; wait "$watcher" || true
echo "edits made: $edit; the watcher's last lines:"; tail -n 3 "$folder/watch.log"
