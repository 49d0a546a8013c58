# Shared by the measurement scripts: where the binaries are, the large set, statistics.
# Source it; it is not a script of its own.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
BIN="${FLEETDASH_BIN:-$TARGET/release/fleetdash}"
PROBE="${LOAD_PROBE_BIN:-$TARGET/release/examples/load_probe}"
# Every figure is computed for this day, so that runs compare.
TODAY=2026-11-26

# Builds the release binary and the probe, unless NO_BUILD=1.
build() {
    if [[ "${NO_BUILD:-0}" != 1 ]]; then
        (cd "$ROOT" && cargo build --quiet --release --bin fleetdash --example load_probe)
    fi
}

# large_set DIR: generates issue 5's large set (100 000 queued, 20 000 deliveries, no stage
# histories, as when it was first measured) into DIR
# unless it is there already; prints its status folder.
large_set() {
    local dir="$1"
    if [[ ! -f "$dir/status/programme.yaml" ]]; then
        "$BIN" generate --out "$dir" --variants 20 --queue 100000 --deliveries 20000 \
            --seed 42 --today "$TODAY" --no-history >/dev/null
    fi
    echo "$dir/status"
}

# Reads numbers, one per line; prints "median min max n".
stats() {
    sort -g | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "- - - 0"; exit }
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "%.6f %.6f %.6f %d\n", m, v[1], v[NR], NR }'
}

# now_us: the wall clock in microseconds, without starting a process (bash 5).
now_us() { local t="${EPOCHREALTIME/[.,]/}"; echo "$t"; }

# The machine's load, to write down next to every figure.
machine() {
    echo "# $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
}

# field FILE KEY: the number after "KEY:" in a /proc status file.
field() { awk -v k="$2:" '$1 == k { print $2 }' "$1"; }

# The dashboard in a detached tmux session of its own (a private server socket, so no other
# tmux session is touched), 200×60, on the status folder $1. Sets DASH_PID.
TMUX_SOCKET="fleetdash-bench-$$"
tm() { tmux -L "$TMUX_SOCKET" "$@"; }

start_dashboard() {
    local set="$1"
    command -v tmux >/dev/null || { echo "tmux is needed" >&2; exit 2; }
    # DASH_TODAY=clock runs on the clock's day (with its midnight timer), as users do.
    local today="--today $TODAY"
    [[ "${DASH_TODAY:-}" == clock ]] && today=""
    tm -f /dev/null new-session -d -s dash -x 200 -y 60 \
        "XDG_CONFIG_HOME=/nonexistent exec '$BIN' $today '$set'"
    tm set-option -g status off >/dev/null
    DASH_PID="$(tm list-panes -t dash -F '#{pane_pid}')"
    trap stop_dashboard EXIT
    # Wait for the first frame: the header names the programme.
    for _ in $(seq 1 600); do
        if screen | grep -q '│\|Overview'; then return 0; fi
        sleep 0.05
    done
    echo "the dashboard did not draw within 30 s" >&2
    exit 1
}

stop_dashboard() {
    local socket
    socket="$(tm display-message -p '#{socket_path}' 2>/dev/null || true)"
    tm kill-server 2>/dev/null || true
    # tmux leaves its socket file behind.
    if [[ -n "$socket" ]]; then rm -f "$socket"; fi
}

# The dashboard's screen as text.
screen() { tm capture-pane -p -t dash; }

# CPU ticks (user + system) of a process.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# Context switches of every thread of a process: "voluntary nonvoluntary".
switches() {
    local v=0 n=0 t a b
    for t in /proc/"$1"/task/*; do
        a=$(field "$t/status" voluntary_ctxt_switches || echo 0)
        b=$(field "$t/status" nonvoluntary_ctxt_switches || echo 0)
        v=$(( v + ${a:-0} )); n=$(( n + ${b:-0} ))
    done
    echo "$v $n"
}
