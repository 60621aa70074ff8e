#!/usr/bin/env bash
# Prints real captures of the terminal UI in Spanish (LANG=es_ES.UTF-8, which this machine does not
# generate: the terminal falls back to C.UTF-8 and keeps the language), driven in tmux on a fresh
# sample workspace; the Spanish section of docs/user-guide.md quotes them. Run after `swift build`:
#   scripts/capture-tui-es.sh > /tmp/tui-captures-es.txt
set -uo pipefail
tandem=$(realpath "${TANDEM_BINARY:-.build/debug/tandem}")
home=$(mktemp -d)
socket=tandem-capture-es-$$
t() { tmux -L "$socket" "$@"; }
wait_for() {  # wait until the screen contains $1 and nothing says it is loading (up to 20 s)
  for _ in $(seq 1 400); do
    screen=$(t capture-pane -p)
    grep -qF -- "$1" <<<"$screen" && ! grep -qE "cargando|loading" <<<"$screen" && return 0
    sleep 0.05
  done
  echo "(timed out waiting for: $1)" >&2; exit 1
}
shot() { echo "=== $1"; t capture-pane -p | sed -e 's/[[:space:]]*$//'; echo; }
t -f /dev/null new-session -d -x 100 -y 30 \
  "env -i PATH=/usr/bin:/bin HOME=$home XDG_DATA_HOME=$home/data TERM=tmux-256color LANG=es_ES.UTF-8 $tandem"
t set-option -g status off
wait_for "ERP · Cliente · 160"; shot "Clientes"
t send-keys '?'; wait_for "Teclas de esta pantalla"; shot "Ayuda"
t send-keys Escape / ; t send-keys -l C00310; t send-keys Enter Enter; wait_for "ERP Cliente C00310"; shot "Ficha con un conflicto"
t send-keys s; wait_for "Sincronizar ahora"; shot "Sincronizar ahora"
t send-keys Escape Escape / Escape; wait_for " 160 clientes"
t send-keys / ; t send-keys -l C01600; t send-keys Enter; wait_for "/C01600"; t send-keys c; wait_for "Configurar emparejamiento"
t send-keys -l "Fourth Coffee L"; sleep 0.5; shot "Configurar emparejamiento"
t send-keys Escape / Escape; wait_for " 160 clientes"
t send-keys Home Down Down Space Space Space Space Down Down Space s; wait_for "Sincronizar ahora"; t send-keys Enter
wait_for "Sincronizados"; shot "Resultado"
t send-keys Escape J; wait_for "Movs. log sincronización"; shot "Movs. log sincronización"
t send-keys Escape m; wait_for "Emparejamiento basado en coincidencias"; shot "Emparejamiento basado en coincidencias"
t kill-server; rm -rf "$home"
