#!/usr/bin/env bash
# Prints the transcript docs/usage.md (and, for undo --preview --json, docs/json.md) quotes: a fresh sample
# workspace, then one command after another.
# Run from the repository root after `swift build`: scripts/capture-usage.sh > /tmp/usage.txt
set -uo pipefail
workspace=$(mktemp -d)/workspace
export TANDEM_WORKSPACE=$workspace
tandem=${TANDEM_BINARY:-.build/debug/tandem}
run() {
  echo "\$ tandem $*"
  "$tandem" "$@" 2>&1
  echo "(exit $?)"
  echo
}
run init
run list customers --limit 8
run list accounts --filter adatum
run show C00310
run couple C01600 --crm "Fourth Coffee London"
run set C01600 City=Potsdam
run sync C01600 C00210 C00260 C00310 C00370 --direction to-crm --preview
run sync C01600 C00210 C00260 C00310 C00370 --direction to-crm
run sync C00350 --direction merge
run sync C00320 --direction merge
run sync C00320 --direction merge --prefer crm
run match --on "Name,E-Mail@1" --create-new
run jobs --limit 6
run job 3
run errors
run set 8a320388-5ed8-4fc1-b8e9-46941278cba3 "telephone1=+33 1 706 7777"
run undo 3 --preview
run undo 3 --preview --json
run undo 3
bad=$(dirname "$workspace")/new-customers.csv
printf 'id,modifiedAt,No.,Name\n5d9e0c3a-8a51-4c5e-9d6e-2f1c0b7a6e01,2026-11-20T09:00:00Z,C09000,Neu GmbH\n1f0e2d3c-4b5a-4968-8776-a5b4c3d2e1f0,2026-02-30T09:00:00Z,C09010,Später AG\n' > "$bad"
run import erp Customer "$bad"
rm -rf "$(dirname "$workspace")"
