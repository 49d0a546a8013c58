#!/usr/bin/env bash
# Reload latency of the real binary: from the moment a status file is saved to the moment
# the terminal shows the change.
#
#   scripts/reload-latency.sh [TRIES] [SET_DIR] [FILE]
#
# Copies SET_DIR (default: issue 5's large set) to a scratch folder, starts the dashboard on
# the copy in a detached tmux session (200×60), then TRIES times (default 20): saves FILE
# (default programme.yaml) the way editors do (write a temporary file, rename it over the
# original) with the programme's name changed to a new token, and polls the screen until
# the header shows that token. The time includes the dashboard's 60 ms debounce (editors
# write in bursts) and the polling step (one `tmux capture-pane`, a few ms). Prints median,
# min and max, and the resident memory before and after.
source "$(dirname "$0")/lib.sh"

TRIES="${1:-20}"
build
SRC="${2:-$(large_set "${TMPDIR:-/tmp}/fleetdash-large")}"
FILE="${3:-programme.yaml}"
machine

WORK="$(mktemp -d)"
cp -r "$SRC" "$WORK/status"
SET="$WORK/status"
TARGET_FILE="$SET/$FILE"
grep -q '^  name: ' "$TARGET_FILE" || { echo "$FILE has no programme name to change" >&2; exit 2; }
echo "# set: $SRC ($(du -sb "$SET" | cut -f1) bytes), saving $FILE"

start_dashboard "$SET"
cleanup() { stop_dashboard; rm -rf "$WORK"; }
trap cleanup EXIT
sleep 1
rss0=$(field "/proc/$DASH_PID/status" VmRSS)

lat=()
for ((i = 1; i <= TRIES; i++)); do
    token="Reload probe $i-$RANDOM"
    sed "s/^  name: .*/  name: $token/" "$TARGET_FILE" >"$SET/.$FILE.tmp"
    t0="${EPOCHREALTIME/[.,]/}"
    mv "$SET/.$FILE.tmp" "$TARGET_FILE"
    until screen | grep -q "$token"; do
        now="${EPOCHREALTIME/[.,]/}"
        if (( now - t0 > 10000000 )); then echo "no change on screen after 10 s" >&2; exit 1; fi
    done
    t1="${EPOCHREALTIME/[.,]/}"
    lat+=("$(( t1 - t0 ))")
    sleep 0.3 # Let the dashboard settle, as between two real saves.
done
rss1=$(field "/proc/$DASH_PID/status" VmRSS)

read -r med min max n < <(printf '%s\n' "${lat[@]}" | stats)
printf 'write → screen: median %.1f ms, min %.1f, max %.1f (n=%d; includes the 60 ms debounce)\n' \
    "$(bc -l <<<"$med/1000")" "$(bc -l <<<"$min/1000")" "$(bc -l <<<"$max/1000")" "$n"
printf 'RSS before %.1f MiB, after %d saves %.1f MiB, peak %.1f MiB\n' \
    "$(bc -l <<<"$rss0/1024")" "$TRIES" "$(bc -l <<<"$rss1/1024")" \
    "$(bc -l <<<"$(field /proc/"$DASH_PID"/status VmHWM)/1024")"
