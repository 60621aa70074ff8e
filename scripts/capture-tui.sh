#!/usr/bin/env bash
# Prints real captures of every screen and dialog of the terminal UI, driven in tmux on a fresh
# sample workspace; docs/user-guide.md quotes them. Run from the repository root after `swift build`:
#   scripts/capture-tui.sh > /tmp/tui-captures.txt
# A capture is taken only once what it shows has arrived: the text it waits for is on the screen and
# no pane still says "loading…". A wait that times out is named on stderr and the script exits 1.
set -uo pipefail
tandem=$(realpath "${TANDEM_BINARY:-.build/debug/tandem}")
home=$(mktemp -d)
socket=tandem-capture-$$
failed=0
t() { tmux -L "$socket" "$@"; }
screen() { t capture-pane -p; }
wait_for() {  # wait until the screen contains $1 (up to 20 s)
  for _ in $(seq 1 400); do screen | grep -qF -- "$1" && return 0; sleep 0.05; done
  echo "(timed out waiting for: $1)" >&2; failed=1; return 1
}
settled() {  # wait until nothing on the screen is still loading, then for one more quiet redraw
  for _ in $(seq 1 400); do screen | grep -qF "loading…" || { sleep 0.2; return 0; }; sleep 0.05; done
  echo "(still loading)" >&2; failed=1; return 1
}
shot() { settled; echo "=== $1"; screen | sed -e 's/[[:space:]]*$//'; echo; }
t -f /dev/null new-session -d -x 100 -y 30 \
  "env -i PATH=/usr/bin:/bin HOME=$home XDG_DATA_HOME=$home/data TERM=tmux-256color LANG=C.UTF-8 $tandem"
t set-option -g status off

# The list, selection, help and the filter.
wait_for "ERP · Customer · 160"; shot "Customers page (first run)"
t send-keys Down Space Space Space; wait_for "3 selected"; shot "Three rows selected"
t send-keys A Home S-Down S-Down S-Down; wait_for "4 selected"; t send-keys S-Up; wait_for "3 selected"
shot "From the top, Shift-↓ three times, then Shift-↑ once"
t send-keys A '?'; wait_for "Keys on this screen"; shot "Help"
t send-keys Escape / ; t send-keys -l evil; wait_for "/evil"; t send-keys Enter; wait_for "filter: evil"
shot "Filter: the hostile record"

# The card and the sync question.
t send-keys / Escape; wait_for " 160 customers"
t send-keys / ; t send-keys -l C00310; t send-keys Enter Enter; wait_for "ERP Customer C00310"; shot "Card with a conflict"
t send-keys s; wait_for "Synchronize now"; shot "Synchronize now: a conflict withholds Merge"
t send-keys Escape Escape / Escape; wait_for " 160 customers"

# Set up coupling.
t send-keys / ; t send-keys -l C01600; t send-keys Enter; wait_for "/C01600"; t send-keys c; wait_for "Set up coupling"
t send-keys -l "Fourth Coffee L"; t send-keys F4; wait_for "coupled already"; shot "Set up coupling: the lookup list"
t send-keys Enter; wait_for "address1_city: Manchester"; shot "Set up coupling: fields side by side"
t send-keys Enter; wait_for "Coupled C01600"; shot "Coupled: the long message wraps"

# A failed record, and its job's errors by No. and name.
t send-keys / Escape; wait_for " 160 customers"
t send-keys / ; t send-keys -l C00370; t send-keys Enter; wait_for "/C00370"
t send-keys s; wait_for "Synchronize now"; t send-keys Enter; wait_for "Enter opens job"; shot "Result: a failed record"
t send-keys Enter; wait_for "Job 3 errors"; wait_for "C00370"; shot "The job's errors"
t send-keys Escape; t send-keys / Escape; wait_for " 160 customers"

# The mappings: a filter prompt, a refused filter, then the update-conflict policy sendERP.
t send-keys M; wait_for "Mapping CUSTOMER"; shot "Mappings"
t send-keys e; wait_for "Blocked="; shot "Mappings: the ERP filter prompt"
t send-keys End; t send-keys -l ";Nope=1"; t send-keys Enter; wait_for 'no field "Nope"'; shot "Mappings: a filter that does not read"
t send-keys Escape u; wait_for "update conflicts sendERP"; shot "Mappings: update conflicts sendERP"
t send-keys Escape; wait_for " 160 customers"

# Five records: preview with overwrites, result naming them, the job with only a skip.
t send-keys Home Space Down Space Space Space Space; wait_for "5 selected"
t send-keys s; wait_for "selected records?"; shot "Synchronize five records"
t send-keys p; wait_for "Preview"; wait_for "will change"; shot "Preview: overwrites marked"
t send-keys Enter; wait_for "Synchronized"; shot "Result: overwrites named"
t send-keys Enter; wait_for "No record failed"; shot "A job that only skipped"

# The job log with the cursor job's details, and undo with its preview.
t send-keys Escape Escape J; wait_for "Synchronization jobs"; wait_for "changed by someone else"; shot "Jobs"
t send-keys u; wait_for "Undo job"; shot "Undo: the preview"
t send-keys Enter; wait_for "Undid job"; shot "Undo: the result"
t send-keys Escape Escape; wait_for " 160 customers"

# Synchronize modified records.
t send-keys S; wait_for "modified since their last sync"; shot "Synchronize modified records"
t send-keys Enter; wait_for "Enter opens job"; shot "Synchronize modified: the result"
t send-keys Escape; wait_for " 160 customers"

# Match-based coupling.
t send-keys m; wait_for "Match-based coupling"; shot "Match-based coupling"
t send-keys Enter; wait_for "unmatched"; shot "Match result"
t send-keys Escape; wait_for " 160 customers"

# Coupled data errors: C00370's CRM record is gone, so retry and sync are not offered on it.
t send-keys E; wait_for "Coupled data synchronization errors"; wait_for "C00370"; shot "Coupled data errors"
t send-keys Escape; wait_for " 160 customers"

t send-keys d; wait_for "Confirm"; shot "Delete coupling asks first"
t send-keys Escape; t resize-window -x 60 -y 20; sleep 0.3; wait_for "Tandem"; shot "At 60×20"
t resize-window -x 60 -y 16; sleep 0.3; t send-keys m; wait_for "Match-based coupling"; wait_for "[ Match ]"; shot "Match dialog at 60×16"
t send-keys Escape; t resize-window -x 100 -y 30; sleep 0.3; wait_for " 160 customers"

# The mappings again: Currency Code gets a constant and its own direction, and only-coupled goes off.
t send-keys M; wait_for "Mapping CUSTOMER"; for _ in $(seq 1 10); do t send-keys Down; done
t send-keys =; wait_for "constant of Currency Code"; t send-keys -l EUR; shot "Mappings: a field's constant"
t send-keys Enter; wait_for '= "EUR"'; t send-keys f o; wait_for "Creates uncoupled records"
shot "Mappings: constant, field direction, only-coupled off"
t send-keys Escape; wait_for " 160 customers"
t resize-window -x 50 -y 12; wait_for "Terminal too small"; shot "Too small"
t kill-server; rm -rf "$home"
exit $failed
