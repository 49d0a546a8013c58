#!/usr/bin/env bash
# The scaling table of BENCHMARKS.md: load time, peak and idle memory, a reload of one
# queue file and a frame, at 10 000, 100 000 and 1 000 000 queued vehicles, with the
# single-threaded serde_yaml floor measured in the same run.
#
#   scripts/scaling.sh [RUNS] [SCALES]
#
# RUNS rounds (default 3); in each round every measurement of every scale runs once, in a
# fresh process, so that a change of load on the machine hits all alike. SCALES is a list
# among "10k 100k 1m" (default all three). Each set is generated once (the command below)
# into $TMPDIR/fleetdash-scale-SCALE: `generate --variants 20 --queue Q --deliveries Q/5
# --seed 42 --today 2026-11-26 --no-history` (the 1m set: 151 MiB in 11 files; without
# the stage histories `generate` writes by default, so that the figures compare with the
# issue's and the earlier runs').
#
# Measured, per scale:
#   floor      load_probe floor: each file read and parsed into IgnoredAny, one by one
#   load-1     load_probe fleetdash --workers 1: the loader reading one file at a time
#   load       load_probe fleetdash: the loader on every core (as the binary)
#   check      the real `fleetdash check`: process start to exit, and its peak (time -f %M)
#   idle       load_probe soak 0: resident memory once the dashboard's data and views are
#              built and freed memory given back
#   reload     load_probe reload 2 queue-site3.yaml: the loader thread's work for one
#              queue file changed (read, merge, tidy, describe, figures, the queue view's
#              index; and its processor time), then the views' refresh and one 200×60
#              frame on the dashboard's thread
# Times are medians over the rounds (min–max after them); memory is the median peak.
# The raw lines are kept in a folder whose name is printed first; `RESULTS=DIR` prints the
# summary of such a folder again (of rounds cut short, say) without measuring.
source "$(dirname "$0")/lib.sh"

RUNS="${1:-3}"
SCALES="${2:-10k 100k 1m}"
build
machine

declare -A QUEUE=([10k]=10000 [100k]=100000 [1m]=1000000)
declare -A SET
for s in $SCALES; do
    q="${QUEUE[$s]:?unknown scale $s (10k, 100k or 1m)}"
    dir="${TMPDIR:-/tmp}/fleetdash-scale-$s"
    if [[ ! -f "$dir/status/programme.yaml" ]]; then
        "$BIN" generate --out "$dir" --variants 20 --queue "$q" --deliveries $(( q / 5 )) \
            --seed 42 --today "$TODAY" --no-history >/dev/null
    fi
    SET[$s]="$dir/status"
done

out="${RESULTS:-$(mktemp -d)}"
echo "# raw results in $out"
[[ -n "${RESULTS:-}" ]] && RUNS=0
for ((i = 0; i < RUNS; i++)); do
    echo "# round $((i + 1)) of $RUNS: load average $(cut -d' ' -f1-3 /proc/loadavg)"
    for s in $SCALES; do
        set="${SET[$s]}"
        "$PROBE" floor "$set" >>"$out/$s.floor"
        "$PROBE" fleetdash --workers 1 --today "$TODAY" "$set" >>"$out/$s.load-1"
        "$PROBE" fleetdash --today "$TODAY" "$set" >>"$out/$s.load"
        t0="$(now_us)"
        /usr/bin/time -o "$out/time" -f '%M' "$BIN" check --today "$TODAY" "$set" >/dev/null 2>&1 || true
        t1="$(now_us)"
        echo "secs=$(bc -l <<<"($t1 - $t0) / 1000000") peak_kb=$(tail -n1 "$out/time")" >>"$out/$s.check"
        "$PROBE" soak 0 "$set/plan.yaml" --today "$TODAY" "$set" >>"$out/$s.idle"
        "$PROBE" reload 2 "$set/queue-site3.yaml" --today "$TODAY" "$set" >>"$out/$s.reload"
    done
done

# col FILE KEY: the values of KEY=… in FILE, one per line.
col() { grep -o "\b$2=[0-9.]*" "$1" | cut -d= -f2; }
# med FILE KEY: "median min max n" of KEY.
med() { col "$1" "$2" | stats; }
mib() { bc -l <<<"$1/1024" | xargs printf '%.1f'; }
ratio() { bc -l <<<"$1/$2" | xargs printf '%.2f'; }
range() { printf '%.3f (%.3f–%.3f)' "$1" "$2" "$3"; }

for s in $SCALES; do
    bytes=$(col "$out/$s.floor" bytes | head -n1)
    echo
    echo "## $s: $bytes bytes of YAML ($(mib $(( bytes / 1024 ))) MiB), n=$(col "$out/$s.floor" secs | wc -l)"
    read -r f fmin fmax _ < <(med "$out/$s.floor" secs)
    read -r fcpu _ < <(med "$out/$s.floor" cpu_secs)
    read -r fpeak _ < <(med "$out/$s.floor" peak_kb)
    echo "floor           s $(range "$f" "$fmin" "$fmax")  cpu $(printf %.3f "$fcpu") s  peak $(mib "$fpeak") MiB"
    for m in load-1 load check; do
        read -r t tmin tmax _ < <(med "$out/$s.$m" secs)
        read -r peak _ < <(med "$out/$s.$m" peak_kb)
        cpu=""
        if [[ $m != check ]]; then
            read -r c _ < <(med "$out/$s.$m" cpu_secs)
            cpu="cpu $(printf %.3f "$c") s"
        fi
        printf '%-15s s %s  = %s× floor  %s  peak %s MiB = %s× floor, %s× YAML\n' "$m" \
            "$(range "$t" "$tmin" "$tmax")" "$(ratio "$t" "$f")" "$cpu" "$(mib "$peak")" \
            "$(ratio "$peak" "$fpeak")" "$(ratio "$peak*1024" "$bytes")"
    done
    read -r idle _ < <(med "$out/$s.idle" rss_kb)
    echo "idle            RSS $(mib "$idle") MiB = $(ratio "$idle*1024" "$bytes")× YAML"
    line="reload (ms)    "
    for k in read merge describe figures index loader_thread loader_cpu refresh dashboard frame; do
        read -r v vmin vmax _ < <(med "$out/$s.reload" "$k")
        line+=" $k $(printf '%.1f (%.1f–%.1f)' "$v" "$vmin" "$vmax")"
    done
    echo "$line"
    read -r rpeak _ < <(med "$out/$s.reload" peak_kb)
    echo "reload          peak $(mib "$rpeak") MiB (two programmes held while the new one is built)"
done
