#!/usr/bin/env python3
"""Lists rules whose one message or suggestion list may not fit every text they match.

A phrase, lemma or regex rule can match several different words: alternatives in a
pattern (`a|b|c`, `(?:a|b)`), several patterns, or a prefix (`sekojoš*`). When such a
rule has fixed suggestions (no `$1` / `${name}` group in them) or a message that names
concrete replacement words («…» other than «{text}»), the advice may be right for one
alternative and wrong for another («interpretācijas ceļā» → «sarunās»). This script
prints those rules as candidates; a person reads each one and decides (issue #4).

A second check: a fixed suggestion replaces the whole match, so when the match takes in
words the suggestion does not repeat (`uz _ pamata`, `\p{L}+šanas\s+rezultātā`), those
words are lost («uz iesnieguma pamata» → «pēc»). Such rules are candidates too.

Alternatives that are only inflections of one word (`izpēte|izpētes|izpēti`, regex
endings like `(?:a|as|ai)`) are not counted: they share a stem of four or more letters,
or every branch is at most three letters long.

    scripts/audit-rule-fit.py [rules/*.toml]      # default: every file under rules/
    scripts/audit-rule-fit.py --ids               # only the candidate ids, one a line
    scripts/audit-rule-fit.py --unreviewed        # only candidates not in REVIEWED below

Output per candidate: id, file, kind, why it is a candidate (the groups of different
words it matches), the message, the suggestions, and the verdict of the last review.

REVIEWED records that review (November 2026): `fixed` — the rule was split or its
suggestion is now built from regex groups, so it fits each match; `fits` — read, and the
advice fits every match (synonyms the suggestion covers, or a message that only gives
examples); `form` — the suggested word is right but given in one form (an infinitive for
«ņēma dalību»), which phrase rules cannot inflect: still to do, by moving the rule to the
lemma kind, which inflects the plain verb. A new candidate (a new rule, or a changed
pattern) shows up under --unreviewed.
"""
import glob
import os
import re
import sys
import tomllib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
KINDS = {"phrase", "lemma", "regex"}


def common_prefix(words):
    if not words:
        return ""
    p = words[0]
    for w in words[1:]:
        while not w.startswith(p):
            p = p[:-1]
    return p


def is_one_word(branches):
    """True when `branches` look like inflections of one word (or bare endings)."""
    bs = [b.strip("=*").lower() for b in branches if b.strip("=*")]
    if len(bs) <= 1:
        return True
    if all(len(b) <= 3 for b in bs):
        return True
    return len(common_prefix(bs)) >= 4


def word_alternatives(pattern):
    """Phrase / lemma pattern → the elements with alternatives of different words."""
    out = []
    for el in pattern.split():
        if "[" in el:  # constraints: `[pos=noun case=gen]`, not word alternatives
            el = re.sub(r"\[[^\]]*\]", "", el)
        branches = [b for b in el.split("|") if b]
        if len(branches) > 1 and not is_one_word(branches):
            out.append(branches)
        elif len(branches) == 1 and branches[0].endswith("*") and len(branches[0]) > 1:
            out.append([branches[0]])  # a prefix matches many words
    return out


def regex_groups(src):
    """Regex source → alternation groups (top level and each parenthesised group)
    whose branches are different words. A rough scan: character classes and escapes
    are skipped, which is enough for the rule files' patterns."""
    groups = []
    stack = [[""]]  # each level: list of branch texts
    i = 0
    in_class = False
    while i < len(src):
        c = src[i]
        if c == "\\":
            # keep escapes out of the literal text (\s, \b, \p{L}, \.)
            j = i + 2
            if src[i + 1 : i + 2] in ("p", "P") and src[j : j + 1] == "{":
                j = src.index("}", j) + 1
            stack[-1][-1] += " "
            i = j
            continue
        if in_class:
            if c == "]":
                in_class = False
            i += 1
            continue
        if c == "[":
            in_class = True
            stack[-1][-1] += " "
        elif c == "(":
            # skip group prefixes: (?:  (?i)  (?P<name>  (?<name>
            m = re.match(r"\(\?(?:P?<[A-Za-z_]\w*>|[a-zA-Z-]*:|[a-zA-Z-]*\))", src[i:])
            if m and m.group(0).endswith(")"):  # inline flags, not a group
                i += len(m.group(0))
                continue
            stack.append([""])
            i += len(m.group(0)) if m else 1
            continue
        elif c == ")":
            branches = stack.pop()
            if len(branches) > 1:
                groups.append(branches)
            stack[-1][-1] += "(" + "|".join(branches) + ")"
        elif c == "|":
            stack[-1].append("")
        elif c in "?*+{}":
            pass
        else:
            stack[-1][-1] += c
        i += 1
    if len(stack[0]) > 1:
        groups.append(stack[0])
    words = []
    for g in groups:
        # a branch's word: its letters without spaces and nested groups' markup
        bs = [re.sub(r"[\s()|]+", " ", b).strip() for b in g]
        if not is_one_word(bs):
            words.append(bs)
    return words


def only_verb_differs(pats):
    """True when several patterns differ only in their first element: the light verb
    of `veikt ..2 X` / `nodrošināt ..2 X`, which the suggestion (X's own verb) replaces
    whatever it is."""
    rests = {tuple(p.split()[1:]) for p in pats}
    return len(rests) == 1 and all(len(p.split()) > 1 for p in pats)


FITS = "fits"
FIXED = "fixed"
FORM = "form"
REVIEWED = {
    # fixed in the November 2026 audit (issue #4)
    **{i: (FIXED, "") for i in """
        OF007 OF040 OF041 OF305 OF307 OF308 OF309 OF346 OF312 OF350 OF313 OF314 OF347
        OF348 OF319 OF351 OF321 OF322 OF352 OF327 OF349 OF329 OF343 OF344 OF345 OF334
        OF335 OF338 OF339 OF340 OF341 OF342 OF336 OF120 OF138 OF147 OF155 OF169 OF210
        OF238 OF239 OF240 OF241 OF242 OF243
        BA001 BA049 BA007 BA009 BA015 BA025 BA055 BA028 BA029 BA050 BA051 BA054 BA030
        BA057 BA058 BA034 BA035 BA052 BA037 BA056 BA038 BA039 BA040 BA041 BA053 BA042
        BA043 BA044 BA047 RA005 FW108 FW141 FW146 FW166
        BA008 BA011 BA031 OF332 OF353""".split()},
    # read: the advice fits every match
    "AC003": (FITS, "message only shows a model link text"),
    "AC004": (FITS, "message only shows a model link text"),
    "AC006": (FITS, "message only shows a model wording"),
    "BA002": (FITS, "«uz doto/šo brīdi» → «pašlaik»"),
    "BA005": (FITS, "«pie kam/tam» → «turklāt»"),
    "BA010": (FITS, "noun and verb both offered (izskatīšana, izskatīt)"),
    "BA018": (FITS, "«dotajā/šajā/tajā momentā» → «pašlaik»"),
    "BA019": (FITS, "«pie nosacījuma/-iem» → «ar nosacījumu»"),
    "BA020": (FITS, "«sakarā ar ko», «kā sakarā» → «tāpēc»"),
    "BA021": (FITS, "no suggestion; message names the verbs"),
    "BA024": (FITS, "no suggestion; message is general"),
    "BA026": (FITS, "«…» placeholder: the sentence must be rewritten"),
    "BA027": (FITS, "«pēc adreses», «pa adresi» → «adresē»"),
    "BA046": (FITS, "«dotajā/pašreizējā brīdī/laikā» → «pašlaik»"),
    "FW152": (FITS, "spelling variants of one word"),
    "FW153": (FITS, "spelling variants of one word"),
    "FW154": (FITS, "spelling variants of one word; both forms offered"),
    "FW158": (FITS, "spelling variants of one word"),
    "FW160": (FITS, "noun and verb both offered (mērķis, mērķēt)"),
    "FW162": (FITS, "spelling variants of one word"),
    "FW163": (FITS, "spelling variants of one word"),
    "ND008": (FITS, "no suggestion; message shows the format"),
    "OF004": (FITS, "«ņemot vērā (iepriekš) minēto» → «tāpēc»"),
    "OF005": (FITS, "message is a model request"),
    "OF006": (FITS, "«(kā arī/un) attiecīgi» → «un»"),
    "OF008": (FITS, "«ar mērķi/nolūku» → «lai»"),
    "OF022": (FITS, "lemma: «veikt samaksu/maksājumu» → «samaksāt», inflected"),
    "OF023": (FITS, "lemma: verb alternatives only"),
    "OF032": (FITS, "«kas attiecas (uz)» → «par»"),
    "OF033": (FITS, "«šajā/šai/tajā sakarā» → «tāpēc»"),
    "OF036": (FITS, "«kā rezultātā» → «tāpēc»"),
    "OF039": (FITS, "«sakarā/saistībā ar to, ka» → «tā kā», «jo»"),
    "OF304": (FITS, "«tādā veidā/ceļā» → «tā»"),
    "OF311": (FITS, "«klātienes veidā/formā/kārtībā» → «klātienē»"),
    "OF316": (FITS, "«tiek lūgts …» → «lūdzu»"),
    "OF318": (FITS, "«tai/tajā skaitā» → «tostarp»"),
    "OF320": (FITS, "«vēlamies pateikties» → «paldies»"),
    "OF328": (FITS, "message asks for a date; suggestions are general"),
    "OF337": (FITS, "«šajā/tajā sakarā» → «tāpēc»"),
    "RA001": (FITS, "no suggestion; message shows both forms"),
    "RA002": (FITS, "no suggestion; message shows both forms"),
    "RA003": (FITS, "no suggestion"),
    "RA004": (FITS, "no suggestion; message shows the model"),
    "RA006": (FITS, "«tiek aicināts» → «aicinām»"),
    "RA007": (FITS, "«personām, kuras vēlas» → «ja vēlaties»"),
    # light verbs: the nouns of a row are synonyms that take the row's verb
    **{i: (FITS, "light verb: synonyms that take the same plain verb (inflected)") for i in """
        OF108 OF121 OF124 OF131 OF135 OF136 OF139 OF140 OF143 OF165 OF168 OF174 OF175
        OF176 OF177 OF178 OF179 OF180 OF181 OF182 OF183 OF184 OF186 OF188 OF191 OF192
        OF193 OF194 OF195 OF196 OF197 OF199 OF201 OF203 OF207 OF208 OF219 OF220 OF221
        OF222 OF223 OF224 OF225 OF226 OF228 OF231 OF234""".split()},
    # right word, one form: phrase rules give the infinitive for every tense
    **{i: (FORM, "infinitive for every verb form; move to the lemma kind") for i in """
        BA012 BA013 BA014 BA032 BA033""".split()},
    **{i: (FORM, "verb and noun both offered, uninflected") for i in """
        FW101 FW104 FW105 FW107 FW113 FW119""".split()},
}


def free_words(r):
    """True when the match may take in words that a fixed suggestion would drop."""
    if r["kind"] == "phrase":
        for p in r.get("patterns") or []:
            els = p.split()
            if any(e == "_" or e.startswith("..") or "*" in e for e in els[1:]):
                return True
        return False
    if r["kind"] == "regex":
        src = r.get("pattern", "")
        if "(?P<hit>" in src:
            return False
        return bool(re.search(r"\\s[+*].*\\p\{L\}|\\p\{L\}[+*].*\\s", src))
    return False


def names_replacements(msg):
    quoted = re.findall(r"«([^»]*)»", msg or "")
    return [q for q in quoted if "{" not in q]


def audit(path):
    with open(path, "rb") as f:
        data = tomllib.load(f)
    for r in data.get("rule", []):
        if r.get("kind") not in KINDS:
            continue
        pats = r.get("patterns") or []
        alts = []
        if r["kind"] == "regex":
            alts = regex_groups(r.get("pattern", ""))
        else:
            for p in pats:
                alts.extend(word_alternatives(p))
            if len(pats) > 1 and not only_verb_differs(pats):
                alts.append(["(%d patterns)" % len(pats)] + pats)
        sugg = r.get("suggestions") or []
        fixed = [s for s in sugg if "$" not in s]
        if fixed and free_words(r):
            alts.append(["(the match takes in words a fixed suggestion drops)"])
        if not alts:
            continue
        named = names_replacements(r.get("message"))
        if not fixed and not named:
            continue
        yield r, alts, fixed, named


def main(argv):
    ids_only = "--ids" in argv
    unreviewed = "--unreviewed" in argv
    files = [a for a in argv if not a.startswith("--")] or sorted(
        glob.glob(os.path.join(ROOT, "rules", "*.toml"))
    )
    n = 0
    for path in files:
        for r, alts, fixed, named in audit(path):
            verdict = REVIEWED.get(r["id"])
            if unreviewed and verdict:
                continue
            n += 1
            if ids_only:
                print(r["id"])
                continue
            print("%s  %s  %s" % (r["id"], os.path.basename(path), r["kind"]))
            for a in alts:
                print("   matches: " + " | ".join(a))
            print("   message: " + r.get("message", ""))
            if fixed:
                print("   suggestions: " + ", ".join(fixed))
            if verdict:
                print("   reviewed: " + verdict[0] + (" — " + verdict[1] if verdict[1] else ""))
            print()
    if not ids_only:
        print("%d candidates" % n, file=sys.stderr)
        if not unreviewed:
            counts = {}
            for st, _ in REVIEWED.values():
                counts[st] = counts.get(st, 0) + 1
            print("reviewed: " + ", ".join("%s %d" % kv for kv in sorted(counts.items())),
                  file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
