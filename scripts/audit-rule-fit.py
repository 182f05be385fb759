#!/usr/bin/env python3
"""Lists rules whose one message or suggestion list may not fit every text they match.

A phrase, lemma or regex rule can match several different words: alternatives in a
pattern (`a|b|c`, `(?:a|b)`), several patterns, or a prefix (`sekojoš*`). When such a
rule has fixed suggestions (no `$1` / `${name}` group in them) or a message that names
concrete replacement words («…» other than «{text}»), the advice may be right for one
alternative and wrong for another («interpretācijas ceļā» → «sarunās»). This script
prints those rules as candidates; a person reads each one and decides (issue #4).

Alternatives that are only inflections of one word (`izpēte|izpētes|izpēti`, regex
endings like `(?:a|as|ai)`) are not counted: they share a stem of four or more letters,
or every branch is at most three letters long.

    scripts/audit-rule-fit.py [rules/*.toml]      # default: every file under rules/
    scripts/audit-rule-fit.py --ids               # only the candidate ids, one a line

Output per candidate: id, file, kind, why it is a candidate (the groups of different
words it matches), the message, the suggestions.
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
        if not alts:
            continue
        sugg = r.get("suggestions") or []
        fixed = [s for s in sugg if "$" not in s]
        named = names_replacements(r.get("message"))
        if not fixed and not named:
            continue
        yield r, alts, fixed, named


def main(argv):
    ids_only = "--ids" in argv
    files = [a for a in argv if not a.startswith("--")] or sorted(
        glob.glob(os.path.join(ROOT, "rules", "*.toml"))
    )
    n = 0
    for path in files:
        for r, alts, fixed, named in audit(path):
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
            print()
    if not ids_only:
        print("%d candidates" % n, file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
