#!/usr/bin/env python3
"""Rebuilds corpus/ texts from the shared Latvian data (run from the repository root).

Paragraphs are rebuilt from FullStack-LV sentence rows (doc_id, par_id, sent_id), in
document order. The output files are committed; this script documents where they come from.
Usage: python3 scripts/build-corpus.py [../shared/data]
"""
import csv, os, re, sys, shutil

data = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
csv.field_size_limit(10**8)

def num(s):
    m = re.findall(r"\d+", s)
    return [int(x) for x in m]

def rebuild(genre, doc):
    rows = []
    with open(f"{data}/fullstack/fullstack.{genre}.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if r["doc_id"] == doc:
                rows.append(r)
    rows.sort(key=lambda r: (num(r["par_id"].split("-p")[-1]), num(r["sent_id"].split("s")[-1])))
    pars, cur, last = [], [], None
    for r in rows:
        if r["par_id"] != last and cur:
            pars.append(" ".join(cur)); cur = []
        cur.append(r["text"].strip()); last = r["par_id"]
    if cur:
        pars.append(" ".join(cur))
    return "\n\n".join(pars) + "\n", rows[0]["source_reference"] if rows else ""

TEXTS = [
    ("legal", "n136", "corpus/legal/es-fondu-atbalsta-merkis-6-1-3.txt"),
    ("legal", "n410", "corpus/legal/satversmes-tiesa-tiesvedibas-izbeigsana.txt"),
    ("legal", "n484", "corpus/legal/instrukcijas-apstiprinasana.txt"),
    ("legal", "n247", "corpus/legal/pavilostas-saistosie-noteikumi.txt"),
    ("saeima_spoken", "s9", "corpus/saeima/stenogramma-2008-08-06.txt"),
]
rows = []
for genre, doc, out in TEXTS:
    os.makedirs(os.path.dirname(out), exist_ok=True)
    text, src = rebuild(genre, doc)
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)
    rows.append((out, f"FullStack-LV {genre} {doc}", src.replace("\t", " ")))
os.makedirs("corpus/acts", exist_ok=True)
law = open(f"{data}/acts/darba_aizsardzibas_likums.txt", encoding="utf-8").read()
law = "\n".join(l for l in law.splitlines() if not l.startswith("# SOURCE")) + "\n"
open("corpus/acts/darba-aizsardzibas-likums.txt", "w", encoding="utf-8").write(law)
rows.append(("corpus/acts/darba-aizsardzibas-likums.txt", "shared acts/darba_aizsardzibas_likums.txt",
             "Darba aizsardzības likums (2001), konsolidēta versija; github.com/pdonald/latvian Latvian.Tests/Resources/DarbaLikums.txt"))
with open("corpus/SOURCES.tsv", "w", encoding="utf-8") as f:
    f.write("file\tfrom\tsource_reference\n")
    for r in rows:
        f.write("\t".join(r) + "\n")
print("\n".join(r[0] for r in rows))
