#!/bin/sh
# Cost of a cold `skaidri check` (a new process: rules, dictionary and automata are
# set up in every run) on one page and on a whole law.
#   scripts/bench-check.sh [path/to/skaidri]
# Compare two builds: scripts/bench-check.sh old/skaidri; scripts/bench-check.sh
#
# Prints, for each input:
#   - CPU time (user + system) and peak RSS: median of RUNS runs of /usr/bin/time
#     (perf stat's task-clock as well when perf works);
#   - instructions under valgrind (callgrind), which stay the same on a busy machine;
#   - wall time with hyperfine, when installed (noisy on a shared machine).
# The target (issue #3) is <= 50 ms CPU for the page. See docs/measurements.md.
set -eu
cd "$(dirname "$0")/.."
BIN=${1:-target/release/skaidri}
RUNS=${RUNS:-21}
[ -x "$BIN" ] || cargo build --release -p skaidri
LAW=corpus/acts/darba-aizsardzibas-likums.txt
PAGE=$(mktemp)
trap 'rm -f "$PAGE"' EXIT
head -c 3000 "$LAW" > "$PAGE"   # about one page: 362 words

median_cpu() { # prints "median CPU ms, median max RSS KiB" of RUNS runs of "$@"
    i=0
    while [ "$i" -lt "$RUNS" ]; do
        /usr/bin/time -f '%U %S %M' "$@" 2>&1 >/dev/null | tail -n 1
        i=$((i + 1))
    done | awk '{ print ($1 + $2) * 1000, $3 }' | sort -n | awk '
        { cpu[NR] = $1; rss[NR] = $2 }
        END { m = int((NR + 1) / 2); printf "%d ms CPU (median of %d; /usr/bin/time has 10 ms steps), %.1f MiB peak RSS\n", cpu[m], NR, rss[m] / 1024 }'
}

for input in page law; do
    if [ "$input" = page ]; then f=$PAGE; label="one page (3000 bytes, 362 words)"; else f=$LAW; label="whole law (4692 words)"; fi
    echo "== $label"
    set -- "$BIN" check --fail-on never --format json "$f"
    if [ -x /usr/bin/time ]; then
        printf '   '; median_cpu "$@"
    fi
    if command -v perf >/dev/null 2>&1 && perf stat -e task-clock true >/dev/null 2>&1; then
        perf stat -r "$RUNS" -e task-clock "$@" 2>&1 >/dev/null \
            | sed -n 's/^ *\([0-9.,]*\) msec task-clock.*(\(.*\))/   \1 ms task-clock (perf stat, mean, \2)/p'
    fi
    if command -v valgrind >/dev/null 2>&1; then
        valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null \
            | sed -n 's/.*Collected : \([0-9]*\).*/   \1 instructions (callgrind)/p'
    fi
done
if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N --warmup 3 --runs 30 \
        "$BIN check --fail-on never --format json $LAW" \
        "$BIN check --fail-on never --format json $PAGE"
fi
