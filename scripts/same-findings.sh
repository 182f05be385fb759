#!/bin/sh
# Proves that two builds of skaidri find exactly the same things: runs
# `skaidri check --format json` with each build over every file of corpus/, the
# gold sentences as one text and, when ../shared/data is there, the FullStack-LV
# sentences of every genre (one text per genre), in every profile, and compares
# the outputs byte for byte. Use it for changes that should only make checking
# faster.
#   scripts/same-findings.sh OLD_BIN NEW_BIN
set -eu
cd "$(dirname "$0")/.."
OLD=$1
NEW=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
DATA="${SKAIDRI_SHARED_DATA:-../shared/data}"
cut -f4 corpus/gold/gold.tsv > "$TMP/gold.txt"
for f in "$DATA"/fullstack/fullstack.*.tsv; do
    [ -f "$f" ] || continue
    cut -f4 "$f" > "$TMP/$(basename "$f" .tsv).txt"
done
status=0
for profile in saprotama-valoda viegla-valoda normativie-akti; do
    for bin in OLD NEW; do
        eval b=\$$bin
        "$b" check --isolated --fail-on never --format json --profile "$profile" \
            corpus "$TMP"/*.txt > "$TMP/$bin.$profile.json" 2>&1 || true
    done
    if cmp -s "$TMP/OLD.$profile.json" "$TMP/NEW.$profile.json"; then
        n=$(grep -o '"rule"' "$TMP/NEW.$profile.json" | wc -l)
        echo "$profile: same findings ($n)"
    else
        echo "$profile: DIFFERENT"
        diff "$TMP/OLD.$profile.json" "$TMP/NEW.$profile.json" | head -20
        status=1
    fi
done
exit $status
