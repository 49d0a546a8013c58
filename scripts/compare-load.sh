#!/usr/bin/env bash
# Loading one status set three ways, in one run, each in a fresh process per measurement:
#   fleetdash  a full load with validation (load_probe fleetdash: Loader::load, as `check`)
#   floor      serde_yaml into serde::de::IgnoredAny, each file in turn (load_probe floor)
#   pyyaml     PyYAML's C loader (yaml.load with CSafeLoader), each file in turn
# fleetdash and the floor run with the allocator tuned as the fleetdash binary tunes it
# (src/mem.rs), and again with glibc's defaults (the "-default" rows), so that each is
# compared with the other under the same settings. The rounds are interleaved so that a
# change of load on the machine hits all alike. The PyYAML row is left out when PyYAML or
# libyaml is missing.
#
#   scripts/compare-load.sh [RUNS] [SET_DIR]
#
# SET_DIR is a status folder; by default issue 5's large set is generated (once) into
# $TMPDIR/fleetdash-large. Prints median, min and max of the load time and of the peak
# resident memory, then the ratios the targets are about.
source "$(dirname "$0")/lib.sh"

RUNS="${1:-7}"
build
SET="${2:-$(large_set "${TMPDIR:-/tmp}/fleetdash-large")}"
machine
echo "# set: $SET"

have_pyyaml=1
python3 "$(dirname "$0")/pyyaml_load.py" "$ROOT/config/status" >/dev/null 2>&1 || have_pyyaml=0
# PyYAML takes far longer; fewer of its runs still give a median.
PYRUNS="${PYRUNS:-$(( RUNS < 3 ? RUNS : 3 ))}"

out=$(mktemp -d)
for ((i = 0; i < RUNS; i++)); do
    "$PROBE" fleetdash --today "$TODAY" "$SET" >>"$out/fleetdash"
    "$PROBE" floor "$SET" >>"$out/floor"
    "$PROBE" fleetdash --default-malloc --today "$TODAY" "$SET" >>"$out/fleetdash-default"
    "$PROBE" floor --default-malloc "$SET" >>"$out/floor-default"
    if (( have_pyyaml && i < PYRUNS )); then
        python3 "$(dirname "$0")/pyyaml_load.py" "$SET" >>"$out/pyyaml"
    fi
done

# col FILE KEY: the values of KEY=… in FILE, one per line.
col() { grep -o "$2=[0-9.]*" "$1" | cut -d= -f2; }

printf '%-17s %10s %10s %10s %4s   %10s %10s %10s\n' \
    "" "median s" "min" "max" "n" "peak MiB" "min" "max"
declare -A med_s med_kb
for m in fleetdash floor fleetdash-default floor-default pyyaml; do
    [[ -s "$out/$m" ]] || continue
    read -r s smin smax n < <(col "$out/$m" secs | stats)
    read -r kb kmin kmax _ < <(col "$out/$m" peak_kb | stats)
    med_s[$m]=$s
    med_kb[$m]=$kb
    printf '%-17s %10.3f %10.3f %10.3f %4d   %10.1f %10.1f %10.1f\n' \
        "$m" "$s" "$smin" "$smax" "$n" "$(bc -l <<<"$kb/1024")" \
        "$(bc -l <<<"$kmin/1024")" "$(bc -l <<<"$kmax/1024")"
done
echo "bytes of YAML: $(col "$out/floor" bytes | head -n1) in $(col "$out/floor" files | head -n1) files"
ratio() { bc -l <<<"$1/$2" | xargs printf '%.2f'; }
echo "fleetdash time / floor time:     $(ratio "${med_s[fleetdash]}" "${med_s[floor]}")  (target ≤ 2)"
echo "fleetdash peak / floor peak:     $(ratio "${med_kb[fleetdash]}" "${med_kb[floor]}")  (target ≤ 1.25; both tuned)"
echo "  with glibc's defaults:           $(ratio "${med_kb[fleetdash-default]}" "${med_kb[floor-default]}")"
if [[ -n "${med_s[pyyaml]:-}" ]]; then
    echo "PyYAML time / fleetdash time:    $(ratio "${med_s[pyyaml]}" "${med_s[fleetdash]}")  (target ≥ 3)"
else
    echo "PyYAML: not measured (PyYAML with libyaml is not installed)"
fi
rm -rf "$out"
