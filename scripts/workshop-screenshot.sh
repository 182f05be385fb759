#!/usr/bin/env bash
# Renders the workshop report of the example class (exercise 17, Anna's rewrite) in headless
# Chromium and saves docs/workshop-report.png (what a trainer puts on the projector) and
# docs/workshop-report-popover.png (a highlight opened). Needs Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
./target/debug/skaidri workshop check 17 corpus/workshop/piemers-grupa/anna.txt --html "$out/r.html" >/dev/null || true
shot() {
  chromium --headless --no-sandbox --disable-gpu --disable-quic --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
    --user-data-dir="$out/profile-$RANDOM" --window-size=1600,1000 --screenshot="$2" "$1" >/dev/null 2>&1
}
shot "file://$out/r.html" docs/workshop-report.png
# open the rewrite's first officialese highlight
id=$(grep -o 'data-category="officialese" popovertarget="s1f[0-9]*"' "$out/r.html" | head -1 | sed 's/.*popovertarget="\(.*\)"/\1/')
shot "file://$out/r.html#${id:-s1f1}" docs/workshop-report-popover.png
ls -l docs/workshop-report*.png
