#!/usr/bin/env bash
# Prints real captures of every screen and dialog of the terminal UI, driven in tmux on a fresh
# sample workspace; docs/user-guide.md quotes them. Run from the repository root after `swift build`:
#   scripts/capture-tui.sh > /tmp/tui-captures.txt
set -uo pipefail
tandem=$(realpath "${TANDEM_BINARY:-.build/debug/tandem}")
home=$(mktemp -d)
socket=tandem-capture-$$
t() { tmux -L "$socket" "$@"; }
wait_for() {  # wait until the screen contains $1 (up to 20 s)
  for _ in $(seq 1 400); do t capture-pane -p | grep -qF -- "$1" && return 0; sleep 0.05; done
  echo "(timed out waiting for: $1)" >&2; return 1
}
shot() { echo "=== $1"; t capture-pane -p | sed -e 's/[[:space:]]*$//'; echo; }
t -f /dev/null new-session -d -x 100 -y 30 \
  "env -i PATH=/usr/bin:/bin HOME=$home XDG_DATA_HOME=$home/data TERM=tmux-256color LANG=C.UTF-8 $tandem"
t set-option -g status off
wait_for "ERP · Customer · 160"; shot "Customers page (first run)"
t send-keys Down Space Space Space; wait_for "3 selected"; shot "Three rows selected"
t send-keys A '?'; wait_for "Keys on this screen"; shot "Help"
t send-keys Escape / ; t send-keys -l evil; wait_for "/evil"; t send-keys Enter; shot "Filter: the hostile record"
t send-keys / Escape; wait_for " 160 customers"
t send-keys / ; t send-keys -l C00310; t send-keys Enter Enter; wait_for "ERP Customer C00310"; shot "Card with a conflict"
t send-keys s; wait_for "Synchronize now"; shot "Synchronize now: a conflict withholds Merge"
t send-keys Escape Escape / Escape; wait_for " 160 customers"
t send-keys / ; t send-keys -l C01600; t send-keys Enter; wait_for "/C01600"; t send-keys c; wait_for "Set up coupling"
t send-keys -l "Fourth Coffee L"; t send-keys F4; wait_for "coupled already"; shot "Set up coupling: the lookup list"
t send-keys Enter; wait_for "address1_city: Manchester"; shot "Set up coupling: fields side by side"
t send-keys Enter; wait_for "Coupled C01600"; shot "Coupled"
t send-keys / Escape; wait_for " 160 customers"
t send-keys Home Down Down Space Space Space Space Down Down Space s; wait_for "selected records?"; shot "Synchronize five records"
t send-keys p; wait_for "Preview"; shot "Preview"
t send-keys Enter; wait_for "Synchronized"; shot "Result"
t send-keys Enter; wait_for "Job "; shot "The job's errors"
t send-keys Escape J; wait_for "Synchronization jobs"; shot "Jobs"
t send-keys Escape m; wait_for "Match-based coupling"; shot "Match-based coupling"
t send-keys Enter; wait_for "unmatched"; shot "Match result"
t send-keys Escape E; wait_for "Coupled data synchronization errors"; shot "Coupled data errors"
t send-keys Escape M; wait_for "Mapping CUSTOMER"; shot "Mappings"
t send-keys Escape d; wait_for "Confirm"; shot "Delete coupling asks first"
t send-keys Escape; t resize-window -x 60 -y 20; sleep 0.3; wait_for "Tandem"; shot "At 60×20"
t resize-window -x 50 -y 12; wait_for "Terminal too small"; shot "Too small"
t kill-server; rm -rf "$home"
