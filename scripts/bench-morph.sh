#!/bin/sh
# Reproducible speed and accuracy numbers for crates/skaidri-morph.
#
#   scripts/bench-morph.sh            # load, throughput, suggest, accuracy
#   scripts/bench-morph.sh --criterion   # also run the criterion bench
#
# Uses hyperfine when installed (apt-get install hyperfine), otherwise
# /usr/bin/time. UD files are read from $SKAIDRI_SHARED_DATA or
# <repo>/../shared/data and skipped when absent.
set -eu
cd "$(dirname "$0")/.."
DATA="${SKAIDRI_SHARED_DATA:-../shared/data}"
cargo build --release -q -p skaidri-morph --examples
BIN=target/release/examples

echo "== cold process: load embedded lv_LV + analyse one word"
if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N --warmup 3 --runs 20 "$BIN/analyze iestāžu"
    echo "== cold process: load + first suggestion (builds the folded index)"
    hyperfine -N --warmup 1 --runs 10 "$BIN/analyze pasvaldiba"
else
    /usr/bin/time -f "%e s elapsed, %M KB max RSS" "$BIN/analyze" iestāžu >/dev/null
    /usr/bin/time -f "%e s elapsed, %M KB max RSS" "$BIN/analyze" pasvaldiba >/dev/null
fi

echo "== suggestion latency per word (warm; first call builds the folded index)"
"$BIN/analyze" pasvaldiba sniegsana iestdes nodrosinasanai parbaudde \
    informacijas administratīvaiss atbalstamu | grep -E 'suggestions'

echo "== throughput on the Labour Protection Law (uncached and cached)"
"$BIN/throughput" crates/skaidri-morph/benches/data/darba_aizsardzibas_likums.txt

for f in "$DATA/ud-lvtb/lv_lvtb-ud-dev.v2.17.conllu" "$DATA/ud-lvtb/lv_lvtb-ud-test.v2.12.conllu"; do
    if [ -f "$f" ]; then
        echo "== accuracy: $f"
        "$BIN/eval_lemmas" "$f"
    else
        echo "note: $f not found; skipping accuracy"
    fi
done

if [ "${1:-}" = "--criterion" ]; then
    cargo bench -p skaidri-morph
fi
