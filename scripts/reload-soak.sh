#!/usr/bin/env bash
# Resident memory over many reloads: it must stay flat.
#
#   scripts/reload-soak.sh [RELOADS] [SET_DIR] [FILE]
#
# Two measurements on a scratch copy of SET_DIR (default: issue 5's large set):
#  1. in process (load_probe soak): RELOADS (default 2000) times, FILE (default plan.yaml)
#     is saved, reloaded, the views refreshed and a 200×60 frame drawn; RSS every tenth.
#  2. the real binary in tmux: RELOADS/10 saves of FILE, 250 ms apart (each reloads after
#     the 60 ms debounce); RSS every tenth.
source "$(dirname "$0")/lib.sh"

RELOADS="${1:-2000}"
build
SRC="${2:-$(large_set "${TMPDIR:-/tmp}/fleetdash-large")}"
FILE="${3:-plan.yaml}"
machine

WORK="$(mktemp -d)"
cp -r "$SRC" "$WORK/status"
SET="$WORK/status"
echo "# set: $SRC ($(du -sb "$SET" | cut -f1) bytes), saving $FILE"

echo "## in process: $RELOADS reloads"
"$PROBE" soak "$RELOADS" "$SET/$FILE" --today "$TODAY" "$SET" |
    awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
           printf "after %5d reloads: RSS %6.1f MiB, peak %6.1f MiB, %.2f ms per reload\n",
                  f["reloads"], f["rss_kb"] / 1024, f["peak_kb"] / 1024, f["secs"] * 1000 }'

N=$(( RELOADS / 10 ))
echo "## real binary: $N saves"
start_dashboard "$SET"
cleanup() { stop_dashboard; rm -rf "$WORK"; }
trap cleanup EXIT
sleep 1
orig="$(cat "$SET/$FILE")"
for ((i = 0; i <= N; i++)); do
    if (( i % (N / 10 > 0 ? N / 10 : 1) == 0 )); then
        printf 'after %5d saves: RSS %6.1f MiB, peak %6.1f MiB\n' "$i" \
            "$(bc -l <<<"$(field /proc/"$DASH_PID"/status VmRSS)/1024")" \
            "$(bc -l <<<"$(field /proc/"$DASH_PID"/status VmHWM)/1024")"
    fi
    (( i == N )) && break
    if (( i % 2 == 0 )); then
        printf '%s\n# save %d\n' "$orig" "$i" >"$SET/.$FILE.tmp"
    else
        printf '%s\n' "$orig" >"$SET/.$FILE.tmp"
    fi
    mv "$SET/.$FILE.tmp" "$SET/$FILE"
    sleep 0.25
done
