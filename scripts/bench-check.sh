#!/bin/sh
# Wall-clock and CPU time of `skaidri check` on a whole law and on one page,
# cold processes (the dictionary is built in every run). Needs hyperfine.
#   scripts/bench-check.sh [path/to/skaidri]
# Compare two builds: scripts/bench-check.sh old/skaidri; scripts/bench-check.sh
set -eu
cd "$(dirname "$0")/.."
BIN=${1:-target/release/skaidri}
[ -x "$BIN" ] || cargo build --release -p skaidri
LAW=corpus/acts/darba-aizsardzibas-likums.txt
PAGE=$(mktemp)
head -c 3000 "$LAW" > "$PAGE"   # about one page: 360 words
hyperfine -N --warmup 3 --runs 30 \
  "$BIN check --fail-on never --format json $LAW" \
  "$BIN check --fail-on never $PAGE"
rm -f "$PAGE"
