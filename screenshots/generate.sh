#!/usr/bin/env bash
# Regenerates every screenshot from the built binary: runs it in tmux at the given size, types the
# keys, captures the screen with colours (NAME.ansi, not kept) and as text (NAME.txt), and renders
# the PNG in DejaVu Sans Mono. Needs tmux, python3 with Pillow and fontTools, and fonts-dejavu-core:
#   apt-get install tmux fonts-dejavu-core && pip install pillow fonttools
# Run from anywhere: bash screenshots/generate.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
cd "$repo"
swift build -q
bin="$repo/.build/debug/tanacs"
socket=""
trap '[ -n "$socket" ] && tmux -L "$socket" kill-server 2>/dev/null || true' EXIT

# Each line of shots.txt: name | size | arguments | keys (tmux send-keys words) | text to wait for.
# Tests/TanacsEndToEndTests/ScreenshotTests.swift renders the same lines headless and checks that the
# committed NAME.txt captures still match what the build draws.
mapfile -t shots < <(grep -v '^#' "$here/shots.txt" | grep -v '^$')

wait_for() { # text, seconds
  local deadline=$((SECONDS + ${2:-20}))
  local screen
  while screen=$(tmux -L "$socket" capture-pane -p -t shot 2>/dev/null); [[ "$screen" != *"$1"* ]]; do
    (( SECONDS < deadline )) || { echo "timed out waiting for: $1" >&2; tmux -L "$socket" capture-pane -p -t shot >&2; return 1; }
    sleep 0.1
  done
}

for spec in "${shots[@]}"; do
  IFS='|' read -r name size args keys expect <<<"$spec"
  w=${size%x*}; h=${size#*x}
  socket="tanacs-shots-$$-$name" # a server per shot: reusing one races with its shutdown
  tmux -L "$socket" -f /dev/null new-session -d -s shot -x "$w" -y "$h" \
    "env LANG=C.UTF-8 TERM=xterm-256color '$bin' $args; sleep 30"
  wait_for "┘"
  for key in $keys; do tmux -L "$socket" send-keys -t shot "$key"; done
  wait_for "$expect"
  sleep 0.3 # let the last frame settle after the text appeared
  tmux -L "$socket" capture-pane -e -p -t shot > "$here/$name.ansi"
  tmux -L "$socket" capture-pane -p -t shot > "$here/$name.txt"
  python3 "$here/render_ansi.py" "$here/$name.ansi" "$here/$name.png" "$w" "$h"
  rm -f "$here/$name.ansi"
  tmux -L "$socket" kill-server 2>/dev/null || true
  echo "screenshots/$name.png"
done
