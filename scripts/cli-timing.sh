#!/usr/bin/env bash
# Wall time and peak memory of `fleetdash check` and `fleetdash print`, run as a user runs
# them: on the sample (config/status) and on the large set.
#
#   scripts/cli-timing.sh [RUNS] [LARGE_DIR]
#
# RUNS (default 30) runs per command on the sample, a third of that on the large set.
# Prints one line per command: median, min and max in ms, and the peak RSS in MiB (kB of /proc or time(1) divided by 1024).
source "$(dirname "$0")/lib.sh"

RUNS="${1:-30}"
LARGE_DIR="${2:-${TMPDIR:-/tmp}/fleetdash-large}"
build
LARGE="$(large_set "$LARGE_DIR")"
machine

# measure LABEL N CMD...: runs CMD N times, prints the time and peak RSS.
measure() {
    local label="$1" n="$2"
    shift 2
    local times=() peak=0 kb tmp
    tmp=$(mktemp)
    for ((i = 0; i < n; i++)); do
        local t0="${EPOCHREALTIME/[.,]/}"
        /usr/bin/time -o "$tmp" -f '%M' "$@" >/dev/null 2>&1 || true
        local t1="${EPOCHREALTIME/[.,]/}"
        times+=("$(( t1 - t0 ))")
        kb=$(tail -n1 "$tmp")
        (( kb > peak )) && peak=$kb
    done
    rm -f "$tmp"
    read -r med min max cnt < <(printf '%s\n' "${times[@]}" | stats)
    printf '%-40s median %8.2f ms  min %8.2f  max %8.2f  (n=%d)  peak RSS %6.1f MiB\n' \
        "$label" "$(bc -l <<<"$med/1000")" "$(bc -l <<<"$min/1000")" \
        "$(bc -l <<<"$max/1000")" "$cnt" "$(bc -l <<<"$peak/1024")"
}

cd "$ROOT"
measure "sample: check" "$RUNS" "$BIN" check --today "$TODAY" config/status
for view in overview variants queue deliveries problems; do
    measure "sample: print --view $view" "$RUNS" \
        "$BIN" print --today "$TODAY" --view "$view" --width 200 --height 60 config/status
done
LRUNS=$(( RUNS / 3 > 3 ? RUNS / 3 : 3 ))
measure "large: check" "$LRUNS" "$BIN" check --today "$TODAY" "$LARGE"
measure "large: print --view queue" "$LRUNS" \
    "$BIN" print --today "$TODAY" --view queue --width 200 --height 60 "$LARGE"
