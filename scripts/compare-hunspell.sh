#!/bin/sh
# Agreement of skaidri-morph's analyser with C++ hunspell (`hunspell -m`)
# on up to 20 000 distinct word forms from UD Latvian-LVTB.
#   apt-get install -y hunspell   (the only prerequisite)
set -eu
cd "$(dirname "$0")/.."
DATA="${SKAIDRI_SHARED_DATA:-../shared/data}"
N="${1:-20000}"
command -v hunspell >/dev/null || { echo "note: hunspell not installed; skipping"; exit 0; }
UD="$DATA/ud-lvtb/lv_lvtb-ud-dev.v2.17.conllu"
[ -f "$UD" ] || { echo "note: $UD not found; skipping"; exit 0; }
cargo build --release -q -p skaidri-morph --examples
TMP="${TMPDIR:-/tmp}/skaidri-compare.$$"
mkdir -p "$TMP"
awk -F'\t' 'NF==10 && $1 ~ /^[0-9]+$/ && $4 != "PUNCT" && $2 ~ /[[:alpha:]]/ && $2 !~ /[0-9]/ {print $2}' \
    "$UD" "$DATA/ud-lvtb/lv_lvtb-ud-test.v2.12.conllu" | awk '!seen[$0]++' | head -n "$N" > "$TMP/forms"
echo "forms: $(wc -l < "$TMP/forms")"
/usr/bin/time -f "hunspell -m: %e s, %M KB" hunspell -d dictionaries/hunspell-lv/lv_LV -m < "$TMP/forms" > "$TMP/hun" 
/usr/bin/time -f "skaidri-morph: %e s, %M KB" target/release/examples/dump_analyses < "$TMP/forms" > "$TMP/ours"
python3 - "$TMP/forms" "$TMP/hun" "$TMP/ours" <<'PY'
import sys, re
forms = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8")]
hun = {}
for block in open(sys.argv[2], encoding="utf-8").read().split("\n\n"):
    for line in block.splitlines():
        parts = line.split(None, 1)
        if not parts:
            continue
        w = parts[0]
        hun.setdefault(w, set())
        if len(parts) == 2 and "st:" in parts[1]:
            hun[w].add(parts[1].strip())
ours = {}
for line in open(sys.argv[3], encoding="utf-8"):
    w, _, rest = line.rstrip("\n").partition("\t")
    ours[w] = set(r for r in rest.split("|") if r)
def key(a):
    # stem + is: code, order-insensitive
    st = re.search(r"st:(\S+)", a)
    is_ = re.findall(r"is:(\S+)", a)
    return (st.group(1) if st else "", is_[-1] if is_ else "")
n = len(forms); known_agree = stems_agree = full_agree = 0
only_h = only_o = 0; examples = []
for w in forms:
    h = hun.get(w, set()); o = ours.get(w, set())
    if bool(h) == bool(o): known_agree += 1
    elif h: only_h += 1; examples.append(("hunspell only", w, sorted(h)[:2]))
    else: only_o += 1; examples.append(("ours only", w, sorted(o)[:2]))
    if {key(a)[0] for a in h} == {key(a)[0] for a in o}: stems_agree += 1
    elif h and o and len(examples) < 40: examples.append(("stems differ", w, sorted({key(a)[0] for a in h}), sorted({key(a)[0] for a in o})))
    if {key(a) for a in h} == {key(a) for a in o}: full_agree += 1
print(f"known/unknown agreement: {known_agree/n:.4f} (known only to hunspell: {only_h}, only to us: {only_o})")
print(f"same set of stems (lemmas): {stems_agree/n:.4f}")
print(f"same set of (stem, is:) analyses: {full_agree/n:.4f}")
for e in examples[:30]: print("  ", *e)
PY
rm -rf "$TMP"
