#!/usr/bin/env bash
# Every number issue #4 asks for, in one command: recall per category and false alarms on
# plain sentences (tuning set corpus/gold/gold.tsv and held-out set corpus/gold/heldout.tsv,
# totals only), passive precision/recall/F1 against UD Latvian-LVTB Voice=Pass (dev, and the
# test file when present), findings per 1 000 words by FullStack genre, the number of rules,
# and the findings on the Labour Protection Law in each profile.
#
#   scripts/measure-rules.sh            # from the repository root
#
# The UD and FullStack parts read ../shared/data (or $SKAIDRI_SHARED_DATA) and are skipped
# with a note when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${SKAIDRI_SHARED_DATA:-../shared/data}"
cargo build --release -q -p skaidri -p skaidri-core --examples --bins
bin=target/release
ex=target/release/examples

echo "## Gold corpus: tuning set"
"$ex/eval_gold" corpus/gold/gold.tsv
echo
echo "## Gold corpus: held-out set (never tuned on)"
"$ex/eval_gold" corpus/gold/heldout.tsv
echo
echo "## Passive against UD Latvian-LVTB"
for f in ud-lvtb/lv_lvtb-ud-dev.v2.17.conllu ud-lvtb/lv_lvtb-ud-test.v2.12.conllu; do
  if [ -f "$shared/$f" ]; then "$ex/eval_passive" "$shared/$f"; else echo "(skipped: $shared/$f not found)"; fi
done
echo
echo "## Genres (FullStack-LV)"
if [ -d "$shared/fullstack" ]; then "$ex/genre_table"; else echo "(skipped: $shared/fullstack not found)"; fi
echo
echo "## Rules"
"$bin/skaidri" rules --format json | python3 -c 'import json,sys,collections
d=json.load(sys.stdin); c=collections.Counter(r["category"] for r in d)
print(len(d), "rules:", ", ".join(f"{k} {v}" for k,v in sorted(c.items())))'
echo
echo "## Labour Protection Law (corpus/acts), findings per profile"
for p in saprotama-valoda viegla-valoda normativie-akti; do
  n=$("$bin/skaidri" check --profile "$p" --format json --fail-on never corpus/acts/darba-aizsardzibas-likums.txt \
      | python3 -c 'import json,sys,collections
d=json.load(sys.stdin)["files"][0]["diagnostics"]; s=collections.Counter(x["severity"] for x in d)
print(len(d), dict(sorted(s.items())))')
  echo "$p: $n"
done
