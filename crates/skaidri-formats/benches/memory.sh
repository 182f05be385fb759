#!/usr/bin/env bash
# Peak memory of extraction on ~100 MB inputs, as a multiple of the input.
# Builds the measure example in release mode, writes txt/md/html files of
# about SIZE_MB (default 100) from the labour protection law, and runs each
# under /usr/bin/time -v. Needs the shared data (../shared/data beside the
# repository, or SKAIDRI_SHARED_DATA).
#
# Measured on the 2-core dev machine (release build, ~100 MB inputs):
#   txt 4.1x input (407 MB), md 6.4x (643 MB), html 5.7x (566 MB).
# The input, the decoded source, the text and the per-block map each hold
# a copy-sized share; pulldown-cmark's block tree is the Markdown extra.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
data="${SKAIDRI_SHARED_DATA:-$here/../../../shared/data}"
law="$data/acts/darba_aizsardzibas_likums.txt"
size_mb="${SIZE_MB:-100}"
[ -f "$law" ] || { echo "note: $law not found; nothing measured"; exit 0; }
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
cargo build --quiet --release --example measure --manifest-path "$here/Cargo.toml"
bin="$(cargo metadata --format-version 1 --no-deps --manifest-path "$here/Cargo.toml" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/release/examples/measure"
python3 - "$law" "$tmp" "$size_mb" <<'PY'
import sys, html
law, out, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
paras = [l.strip() for l in open(law, encoding="utf-8").read().splitlines()[1:] if l.strip()]
target = mb * 1024 * 1024
def write(name, render):
    with open(f"{out}/{name}", "w", encoding="utf-8") as f:
        n = 0
        while n < target:
            for p in paras:
                s = render(p)
                f.write(s)
                n += len(s.encode())
write("big.txt", lambda p: p + "\n\n")
write("big.md", lambda p: "**" + p.split(" ", 1)[0] + "** " + p + "\n\n")
write("big.html", lambda p: "<p>" + html.escape(p).replace("ā", "&#257;") + "</p>\n")
PY
for f in big.txt big.md big.html; do
  in_kb=$(( $(stat -c %s "$tmp/$f") / 1024 ))
  /usr/bin/time -f "%M" -o "$tmp/rss" "$bin" "$tmp/$f" $(( (size_mb + 10) * 1024 * 1024 ))
  rss=$(cat "$tmp/rss")
  python3 -c "print(f'  {\"$f\"}: peak RSS {$rss/1024:.0f} MB = {$rss/$in_kb:.1f} x input')"
done
