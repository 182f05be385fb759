#!/bin/sh
# Dumps everything skaidri-morph says (readings, raw analyses, is_known,
# zipf, suggestions for unknown words) about every distinct form of the UD
# Latvian dev file and the Labour Protection Law bench text, so that speed
# work can prove results are unchanged:
#
#   scripts/morph-dump.sh > /tmp/before.dump   # on the old commit
#   scripts/morph-dump.sh > /tmp/after.dump    # on the new one
#   cmp /tmp/before.dump /tmp/after.dump
#
# The UD file is read from $SKAIDRI_SHARED_DATA or <repo>/../shared/data
# (skipped with a note when absent).
set -eu
cd "$(dirname "$0")/.."
DATA="${SKAIDRI_SHARED_DATA:-../shared/data}"
cargo build --release -q -p skaidri-morph --example dump_full
UD="$DATA/ud-lvtb/lv_lvtb-ud-dev.v2.17.conllu"
[ -f "$UD" ] || { echo "note: $UD not found; dumping the bench text only" >&2; UD=/dev/null; }
python3 - "$UD" crates/skaidri-morph/benches/data/*.txt <<'PY' | target/release/examples/dump_full
import re, sys
seen = set()
def add(w):
    if w and w not in seen:
        seen.add(w)
        print(w)
for line in open(sys.argv[1], encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if len(f) >= 10 and f[0].isdigit():
        add(f[1])
for p in sys.argv[2:]:
    for w in re.findall(r"[^\W\d_]+", open(p, encoding="utf-8").read()):
        add(w)
PY
