#!/usr/bin/env bash
# Start-up of the app through a real terminal (tmux, 80×24), and peak memory once idle.
#   bench/startup.sh [RUNS] [BINARY...]        default: 9 runs of .build/release/dojo
# Two times per launch, from pressing Enter:
#   frame    the first full frame: the key-hint bar (the last row drawn) is in the pane
#   content  the card count is in the title: content and database have loaded
# With several binaries the runs are interleaved (A B A B …) so all see the same load,
# and the medians are given as ratios to the first binary.
set -euo pipefail
runs=${1:-9}
shift || true
[ $# -gt 0 ] || set -- .build/release/dojo
repo=$(cd "$(dirname "$0")/.." && pwd)
bins=()
for b in "$@"; do bins+=("$(cd "$(dirname "$b")" && pwd)/$(basename "$b")"); done
sock=dojo-startup-$$
home=$(mktemp -d)
trap 'tmux -L $sock kill-server 2>/dev/null || true; rm -rf "$home"' EXIT
tmux -L $sock -f /dev/null new-session -d -s s -x 80 -y 24 \
  "env DOJO_HOME=$home DOJO_CONTENT=$repo/content DOJO_LANG=en LANG=C.UTF-8 TERM=xterm-256color bash --norc --noprofile"
tmux -L $sock set-option -t s status off >/dev/null
shell=$(tmux -L $sock display-message -p -t s '#{pane_pid}')
for b in "${bins[@]}"; do "$b" --version >/dev/null; done   # warm the page cache once

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
declare -A frame content hwm rss
for i in $(seq "$runs"); do
  for b in "${bins[@]}"; do
    tmux -L $sock send-keys -t s "clear" Enter; sleep 0.3
    t0=$(date +%s%N)
    tmux -L $sock send-keys -t s "$b" Enter
    f=""
    while true; do
      pane=$(tmux -L $sock capture-pane -p -t s)
      if [ -z "$f" ] && grep -q "q quit" <<<"$pane"; then f=$(ms "$t0"); fi
      if [ -n "$f" ] && head -1 <<<"$pane" | grep -Eq "[1-9][0-9]* cards"; then c=$(ms "$t0"); break; fi
      sleep 0.002
    done
    frame[$b]+="$f "; content[$b]+="$c "
    if [ "$i" = "$runs" ]; then
      sleep 3
      pid=$(pgrep -P "$shell" | head -1 || true)
      if [ -n "$pid" ]; then
        hwm[$b]=$(awk '/VmHWM/ {print $2}' /proc/$pid/status); rss[$b]=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
      fi
    fi
    tmux -L $sock send-keys -t s q; sleep 0.3
  done
done
first=""
for b in "${bins[@]}"; do
  mf=$(median ${frame[$b]}); mc=$(median ${content[$b]})
  echo "$b"
  echo "  frame   (ms): $(printf '%s\n' ${frame[$b]} | sort -n | tr '\n' ' ')→ median $mf"
  echo "  content (ms): $(printf '%s\n' ${content[$b]} | sort -n | tr '\n' ' ')→ median $mc"
  echo "  idle: VmHWM ${hwm[$b]:-?} kB, VmRSS ${rss[$b]:-?} kB"
  if [ -z "$first" ]; then first="$mf $mc"; else
    set -- $first
    echo "  vs first binary: frame $(awk "BEGIN {printf \"%.2f\", $mf / $1}")×, content $(awk "BEGIN {printf \"%.2f\", $mc / $2}")×"
  fi
done
