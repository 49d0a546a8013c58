#!/usr/bin/env bash
# Renders the HTML report of the bundled sample in headless Chromium, to look at.
#
#   scripts/render-html.sh [OUT_DIR]
#   SECTION=flow HEIGHT=1600 scripts/render-html.sh [OUT_DIR]   # one section, a shorter shot
#
# Writes OUT_DIR/report.html (default: target/render-html) and two screenshots of it,
# report-light.png and report-dark.png (Chromium's forced dark mode, which sets
# prefers-color-scheme: dark), report.pdf, the print (A4 landscape), and
# report-print.png, a look at the print without a PDF reader: the page with its print rules
# applied on screen, 1032 px wide (A4 landscape's 297 mm less the 2 × 12 mm margins, at
# 96 px an inch), so that a table wider than the printed page shows cut at its right edge. Uses the debug
# binary, built unless NO_BUILD=1. Needs `chromium` (Debian's package of that name) and
# nothing from the network: the page loads nothing, and Chromium is kept off the network
# by its proxy setting. Fails with a message naming what is wrong.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
BIN="${FLEETDASH_BIN:-$TARGET/debug/fleetdash}"
OUT="${1:-$TARGET/render-html}"
TODAY=2026-11-26
HEIGHT="${HEIGHT:-12000}"
SECTION_ARGS=()
if [[ -n "${SECTION:-}" ]]; then
    SECTION_ARGS=(--section "$SECTION")
fi

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
(cd "$ROOT" && "$BIN" report --config config/fleetdash.yaml --today "$TODAY" --format html \
    "${SECTION_ARGS[@]}") \
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

shot light --window-size=1280,"$HEIGHT" --screenshot="$OUT/report-light.png"
shot dark --window-size=1280,"$HEIGHT" --force-dark-mode --screenshot="$OUT/report-dark.png"
shot print --no-pdf-header-footer --print-to-pdf="$OUT/report.pdf"

# The print rules on screen: `@media print` made `@media all`, the overflow of every block
# hidden as paper would, the page as wide as A4 landscape's printable width.
sed -e 's/@media print {/@media all {/' \
    -e 's|</style>|.block, div.wide { overflow: hidden !important; }</style>|' \
    "$OUT/report.html" >"$OUT/report-print.html"
timeout 120 "$BROWSER" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --user-data-dir="$PROFILE" --proxy-server="127.0.0.1:9" --no-first-run \
    --disable-extensions --window-size=1032,"$HEIGHT" \
    --screenshot="$OUT/report-print.png" "file://$OUT/report-print.html" \
    >"$OUT/print-preview.log" 2>&1 || {
    echo "render-html: chromium failed for the print preview; its output:" >&2
    cat "$OUT/print-preview.log" >&2
    exit 1
}

# Every table within the printed page's width: a copy of the preview with a script that
# writes each table's width beside the page's, read back from Chromium's DOM.
MEASURE='<script>document.body.insertAdjacentHTML("beforeend","<pre id=widths>"+
Array.from(document.querySelectorAll("table")).map(function(t){return t.dataset.section+
" "+Math.ceil(t.getBoundingClientRect().width)+" "+document.body.clientWidth}).join(";")+
"</pre>")</script></body>'
awk -v m="$MEASURE" '{ sub("</body>", m); print }' "$OUT/report-print.html" >"$OUT/measure.html"
timeout 120 "$BROWSER" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --user-data-dir="$PROFILE" --proxy-server="127.0.0.1:9" --no-first-run \
    --disable-extensions --window-size=1032,2000 --dump-dom "file://$OUT/measure.html" \
    2>"$OUT/measure.log" | sed -n 's|.*<pre id="widths">\([^<]*\)</pre>.*|\1|p' | tr ';' '\n' \
    >"$OUT/print-widths.txt"
if [[ ! -s "$OUT/print-widths.txt" ]]; then
    echo "render-html: the printed tables' widths could not be measured" >&2
    exit 1
fi
if awk '$2 > $3 { print "render-html: table " $1 " is " $2 " px wide in print, the page " $3; bad = 1 }
        END { exit bad }' "$OUT/print-widths.txt" >&2; then
    :
else
    exit 1
fi

for f in report-light.png report-dark.png report.pdf report-print.png; do
    if [[ ! -s "$OUT/$f" ]]; then
        echo "render-html: $OUT/$f was not written" >&2
        exit 1
    fi
done
echo "render-html: $OUT/report-light.png, report-dark.png, report.pdf, report-print.png"
