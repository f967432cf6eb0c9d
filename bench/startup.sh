#!/usr/bin/env bash
# Time from launch to the first full frame of the home screen, and peak memory of the idle
# app, measured through a real terminal (tmux). Usage: bench/startup.sh [RUNS] [BINARY]
# The frame counts as drawn when the key-hint bar (the last row drawn) shows in the pane.
set -euo pipefail
runs=${1:-9}
bin=${2:-.build/release/dojo}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
sock=dojo-startup-$$
home=$(mktemp -d)
trap 'tmux -L $sock kill-server 2>/dev/null || true; rm -rf "$home"' EXIT
tmux -L $sock -f /dev/null new-session -d -s s -x 80 -y 24 "env DOJO_HOME=$home LANG=C.UTF-8 bash --norc --noprofile"
tmux -L $sock set-option -t s status off >/dev/null
"$bin" --version >/dev/null   # warm the page cache once
times=()
for i in $(seq "$runs"); do
  tmux -L $sock send-keys -t s "clear" Enter; sleep 0.3
  t0=$(date +%s%N)
  tmux -L $sock send-keys -t s "$bin" Enter
  until tmux -L $sock capture-pane -p -t s | grep -q "q quit"; do sleep 0.002; done
  t1=$(date +%s%N)
  times+=($(( (t1 - t0) / 1000000 )))
  if [ "$i" = "$runs" ]; then
    sleep 3
    pid=$(pgrep -n -f "^$bin\$" || true)
    [ -n "$pid" ] && grep -E "VmHWM|VmRSS" /proc/$pid/status | tr -s ' ' | sed 's/^/idle /'
  fi
  tmux -L $sock send-keys -t s q; sleep 0.3
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "first frame (ms): $(echo $sorted | tr '\n' ' ')"
echo "median: $(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p") ms over $runs runs"
