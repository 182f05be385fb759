#!/bin/sh
# Proves that two builds of skaidri find exactly the same things: runs
# `skaidri check --format json` with each build over every file of corpus/, the
# gold sentences as one text and, when ../shared/data is there, the FullStack-LV
# sentences of every genre (one text per genre), in every profile, and compares
# the outputs byte for byte. Use it for changes that should only make checking
# faster.
#   scripts/same-findings.sh OLD_BIN NEW_BIN
#   scripts/same-findings.sh --spans OLD_BIN NEW_BIN
# With --spans only the places are compared (file, category, severity, range): use it
# for changes to rule wording, suggestions or ids (a rule split in two). It then also
# counts the findings whose rule id, message or suggestions changed.
set -eu
cd "$(dirname "$0")/.."
SPANS=
if [ "${1:-}" = "--spans" ]; then
    SPANS=1
    shift
fi
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
    if [ -n "$SPANS" ]; then
        python3 - "$profile" "$TMP/OLD.$profile.json" "$TMP/NEW.$profile.json" <<'PY' || status=1
import collections, json, sys
profile, old_path, new_path = sys.argv[1:4]

def findings(path):
    out = collections.Counter()
    words = {}
    for f in json.load(open(path))["files"]:
        for d in f["diagnostics"]:
            r = d["range"]
            key = (f["path"], d["category"], d["severity"], r["start"]["offset"], r["end"]["offset"])
            out[key] += 1
            sugg = tuple(s["replacement"] for s in d.get("suggestions", []))
            words.setdefault(key, []).append((d["rule"], d["message"], sugg))
    return out, words

old, old_words = findings(old_path)
new, new_words = findings(new_path)
if old == new:
    changed = collections.Counter()
    for key, ws in new_words.items():
        for (ro, mo, so), (rn, mn, sn) in zip(sorted(old_words[key]), sorted(ws)):
            if ro != rn:
                changed["rule id"] += 1
            if mo != mn:
                changed["message"] += 1
            if so != sn:
                changed["suggestions"] += 1
    what = ", ".join(f"{k} changed in {v}" for k, v in sorted(changed.items())) or "nothing else changed"
    print(f"{profile}: same places ({sum(new.values())}); {what}")
else:
    print(f"{profile}: DIFFERENT places")
    for key in sorted((old - new).elements()):
        print("  - " + " ".join(map(str, key)) + "  " + repr(old_words[key][0][:2]))
    for key in sorted((new - old).elements()):
        print("  + " + " ".join(map(str, key)) + "  " + repr(new_words[key][0][:2]))
    sys.exit(1)
PY
        continue
    fi
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
