#!/usr/bin/env bash
# Renders the HTML report of the bundled sample in headless Chromium, to look at.
#
#   scripts/render-html.sh [OUT_DIR]
#
# Writes OUT_DIR/report.html (default: target/render-html) and two screenshots of it,
# report-light.png and report-dark.png (Chromium's forced dark mode, which sets
# prefers-color-scheme: dark), and report.pdf, the print (A4 landscape). Uses the debug
# binary, built unless NO_BUILD=1. Needs `chromium` (Debian's package of that name) and
# nothing from the network: the page loads nothing, and Chromium is kept off the network
# by its proxy setting. Fails with a message naming what is wrong.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
BIN="${FLEETDASH_BIN:-$TARGET/debug/fleetdash}"
OUT="${1:-$TARGET/render-html}"
TODAY=2026-11-26

BROWSER="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$BROWSER" ]]; then
    echo "render-html: chromium is not installed (apt-get install chromium)" >&2
    exit 1
fi
if [[ "${NO_BUILD:-0}" != 1 ]]; then
    (cd "$ROOT" && cargo build --quiet --bin fleetdash)
fi

mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
(cd "$ROOT" && "$BIN" report --config config/fleetdash.yaml --today "$TODAY" --format html) \
    >"$OUT/report.html"

PROFILE="$(mktemp -d)"
trap 'rm -rf "$PROFILE"' EXIT

# shot NAME [FLAGS...]: one run of headless Chromium on the page.
shot() {
    local name="$1"
    shift
    # --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
    # A proxy that goes nowhere: a page that fetched anything would show it broken.
    timeout 120 "$BROWSER" --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --user-data-dir="$PROFILE" --proxy-server="127.0.0.1:9" \
        --no-first-run --disable-extensions "$@" "file://$OUT/report.html" \
        >"$OUT/$name.log" 2>&1 || {
        echo "render-html: chromium failed for $name; its output:" >&2
        cat "$OUT/$name.log" >&2
        exit 1
    }
}

shot light --window-size=1280,4200 --screenshot="$OUT/report-light.png"
shot dark --window-size=1280,4200 --force-dark-mode --screenshot="$OUT/report-dark.png"
shot print --no-pdf-header-footer --print-to-pdf="$OUT/report.pdf"

for f in report-light.png report-dark.png report.pdf; do
    if [[ ! -s "$OUT/$f" ]]; then
        echo "render-html: $OUT/$f was not written" >&2
        exit 1
    fi
done
echo "render-html: $OUT/report-light.png, report-dark.png, report.pdf"
