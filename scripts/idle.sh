#!/usr/bin/env bash
# What the dashboard costs while nothing happens: no key, no file change.
#
#   scripts/idle.sh [SECONDS] [SET_DIR]
#
# Starts the real binary in a detached tmux session (200×60) on SET_DIR (default: issue 5's
# large set) on the clock's day, so that its one real timer (midnight) is set as in use,
# waits for its first frame and for any start-up note to expire, then counts
# over SECONDS (default 60): CPU time used (user + system, from /proc/PID/stat), wake-ups
# (voluntary context switches of all its threads: each is a sleep that ended) and
# preemptions, and its resident memory at the end (VmRSS) and at its peak (VmHWM).
source "$(dirname "$0")/lib.sh"

SECONDS_IDLE="${1:-60}"
build
SET="${2:-$(large_set "${TMPDIR:-/tmp}/fleetdash-large")}"
machine
echo "# set: $SET ($(du -sb "$SET" | cut -f1) bytes of YAML)"

DASH_TODAY=clock start_dashboard "$SET"
sleep 6 # A start-up flash lasts 5 s.
hz=$(getconf CLK_TCK)
c0=$(cpu_ticks "$DASH_PID")
read -r v0 n0 < <(switches "$DASH_PID")
sleep "$SECONDS_IDLE"
c1=$(cpu_ticks "$DASH_PID")
read -r v1 n1 < <(switches "$DASH_PID")
threads=$(ls "/proc/$DASH_PID/task" | wc -l)

cpu_pct=$(bc -l <<<"100 * ($c1 - $c0) / $hz / $SECONDS_IDLE")
printf 'idle %d s: CPU %.3f %% of a core (%d ticks of 1/%d s), %d wake-ups (%.3f/s), %d preemptions, %d threads\n' \
    "$SECONDS_IDLE" "$cpu_pct" "$((c1 - c0))" "$hz" "$((v1 - v0))" \
    "$(bc -l <<<"($v1 - $v0) / $SECONDS_IDLE")" "$((n1 - n0))" "$threads"
printf 'memory: idle RSS %.1f MiB, peak RSS %.1f MiB\n' \
    "$(bc -l <<<"$(field /proc/"$DASH_PID"/status VmRSS)/1024")" \
    "$(bc -l <<<"$(field /proc/"$DASH_PID"/status VmHWM)/1024")"
yaml_bytes=$(find "$SET" -maxdepth 1 -type f \( -name '*.yaml' -o -name '*.yml' \) -printf '%s\n' |
    awk '{ s += $1 } END { print s }')
printf 'idle RSS / YAML on disk: %.2f (%d kB resident, %d bytes of YAML; target < 2)\n' \
    "$(bc -l <<<"$(field /proc/"$DASH_PID"/status VmRSS) * 1024 / $yaml_bytes")" \
    "$(field /proc/"$DASH_PID"/status VmRSS)" "$yaml_bytes"
