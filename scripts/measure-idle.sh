#!/usr/bin/env bash
# Measures the terminal UI sitting idle: starts tandem in tmux on a fresh sample workspace, waits for
# the first frame, then reads the process's CPU ticks (all threads) and every thread's context
# switches before and after SECONDS (default 30) of no input. Run from the repository root after
# `swift build` (or TANDEM_BINARY=.build/release/tandem):
#   scripts/measure-idle.sh 30
set -euo pipefail
seconds=${1:-30}
tandem=$(realpath "${TANDEM_BINARY:-.build/debug/tandem}")
home=$(mktemp -d)
socket=tandem-idle-$$
tmux -L "$socket" -f /dev/null new-session -d -x 100 -y 30 \
  "env HOME=$home XDG_DATA_HOME=$home/data TERM=tmux-256color LANG=C.UTF-8 $tandem"
trap 'tmux -L "$socket" kill-server 2>/dev/null; rm -rf "$home"' EXIT
for _ in $(seq 1 200); do tmux -L "$socket" capture-pane -p | grep -q "ERP · Customer" && break; sleep 0.05; done
sleep 1
pid=$(tmux -L "$socket" list-panes -F '#{pane_pid}')
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
# "thread switches" per thread, so a thread that ends meanwhile does not count against the rest.
switches() { for task in /proc/"$pid"/task/*; do
  echo "${task##*/} $(awk '/ctxt_switches/ {sum += $2} END {print sum}' "$task/status" 2>/dev/null)"; done; }
t0=$(ticks); before=$(switches)
sleep "$seconds"
t1=$(ticks); after=$(switches)
s0=0; s1=$(join <(sort <<<"$before") <(sort <<<"$after") | awk '{sum += $3 - $2} END {print sum + 0}')
hz=$(getconf CLK_TCK)
awk -v t="$((t1 - t0))" -v hz="$hz" -v s="$seconds" -v w="$((s1 - s0))" 'BEGIN {
  printf "idle %d s: %d CPU ticks (%.3f s, %.3f %% of a core), %d context switches (%.2f wake-ups/s)\n",
         s, t, t / hz, 100 * t / hz / s, w, w / s }'
