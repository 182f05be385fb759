//! Literal factors of a regular expression, for the prefilter of regex rules.
//!
//! A *factor set* of a pattern is a set of strings such that the case-folded text of
//! every match contains at least one of them. The regex engine folds the text once,
//! finds every factor with one Aho-Corasick pass, and compiles and runs only the rules
//! whose factors occur; compiling a rule costs far more than scanning for its words.
//!
//! Case folding maps each character to the smallest member of its simple case-folding
//! orbit (the characters `(?i)` treats as equal), so "Ā", "ā" fold alike and so do "s",
//! "S" and "ſ". Factors are taken from the pattern with its `i` flags removed, then
//! folded: when `(?i)R` matches a text, `R` matches the text with some characters
//! replaced by members of their orbits, which folds to the same string, so a factor of
//! `R`, folded, occurs in the folded text.
//!
//! Factors are prefix literals (`regex_syntax`'s extractor) of the whole pattern or of
//! any tail of a concatenation (so `\p{L}+šanas\s+rezultātā` gets «rezultātā»), unions
//! over alternations, and factors of mandatory groups and repetitions.
//!
//! This file has no dependency on the rest of the crate: `build.rs` includes it to
//! compute the factors of the embedded rules at build time.

use regex_syntax::ast::{self, Ast};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind};

/// The smallest member of `c`'s simple case-folding orbit. (The orbit of an ASCII letter
/// holds only that letter's two cases and characters above ASCII such as «ſ» and the
/// Kelvin sign, so its smallest member is the ASCII capital.)
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_uppercase();
    }
    let mut class = ClassUnicode::new([ClassUnicodeRange::new(c, c)]);
    class.case_fold_simple();
    class.ranges().first().map_or(c, |r| r.start())
}

/// Folds `text` character by character with [`fold_char`], remembering the folds of
/// non-ASCII characters in `memo`.
pub fn fold_str(text: &str, memo: &mut Vec<(char, char)>) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_uppercase());
        } else if let Some(&(_, f)) = memo.iter().find(|(k, _)| *k == c) {
            out.push(f);
        } else {
            let f = fold_char(c);
            memo.push((c, f));
            out.push(f);
        }
    }
    out
}

/// Removes every case-insensitivity flag (`(?i)`, `(?i:…)`, `(?-i)`) from `ast`.
fn strip_case_flags(ast: &mut Ast) {
    let strip = |items: &mut Vec<ast::FlagsItem>| {
        items.retain(|it| it.kind != ast::FlagsItemKind::Flag(ast::Flag::CaseInsensitive));
    };
    match ast {
        Ast::Flags(f) => strip(&mut f.flags.items),
        Ast::Group(g) => {
            if let ast::GroupKind::NonCapturing(f) = &mut g.kind {
                strip(&mut f.items);
            }
            strip_case_flags(&mut g.ast);
        }
        Ast::Repetition(r) => strip_case_flags(&mut r.ast),
        Ast::Alternation(a) => a.asts.iter_mut().for_each(strip_case_flags),
        Ast::Concat(c) => c.asts.iter_mut().for_each(strip_case_flags),
        Ast::Empty(_)
        | Ast::Literal(_)
        | Ast::Dot(_)
        | Ast::Assertion(_)
        | Ast::ClassUnicode(_)
        | Ast::ClassPerl(_)
        | Ast::ClassBracketed(_) => {}
    }
}

/// The folded prefix literals of `hir`, if every match starts with one of a few.
fn prefixes(hir: &Hir) -> Option<Vec<String>> {
    let mut ex = Extractor::new();
    ex.kind(ExtractKind::Prefix);
    let seq = ex.extract(hir);
    let lits = seq.literals()?;
    if lits.is_empty() || lits.len() > 256 {
        return None;
    }
    let mut memo = Vec::new();
    let mut out = Vec::with_capacity(lits.len());
    for l in lits {
        let b = l.as_bytes();
        // the extractor may cut a literal inside a character: keep the whole ones
        let valid = match std::str::from_utf8(b) {
            Ok(s) => s,
            Err(e) => std::str::from_utf8(&b[..e.valid_up_to()]).ok()?,
        };
        if valid.is_empty() {
            return None;
        }
        out.push(fold_str(valid, &mut memo));
    }
    out.sort();
    out.dedup();
    Some(out)
}

/// How good a factor set is: longer shortest factor first, then fewer factors.
fn score(set: &[String]) -> (usize, std::cmp::Reverse<usize>) {
    let shortest = set.iter().map(|s| s.chars().count()).min().unwrap_or(0);
    (shortest, std::cmp::Reverse(set.len()))
}

fn better(a: Option<Vec<String>>, b: Option<Vec<String>>) -> Option<Vec<String>> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if score(&b) > score(&a) { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// The best factor set of `hir` (see the module documentation).
fn factors_of(hir: &Hir) -> Option<Vec<String>> {
    match hir.kind() {
        HirKind::Alternation(alts) => {
            let mut all = Vec::new();
            for a in alts {
                all.extend(factors_of(a)?);
            }
            all.sort();
            all.dedup();
            Some(all)
        }
        HirKind::Capture(c) => factors_of(&c.sub),
        HirKind::Repetition(r) if r.min >= 1 => factors_of(&r.sub),
        HirKind::Concat(subs) => {
            let mut best = None;
            for k in 0..subs.len() {
                best = better(best, prefixes(&Hir::concat(subs[k..].to_vec())));
                best = better(best, factors_of(&subs[k]));
            }
            best
        }
        HirKind::Class(Class::Unicode(_) | Class::Bytes(_)) | HirKind::Literal(_) => prefixes(hir),
        _ => None,
    }
}

/// The folded factor set of `pattern`, or `None` when some match may contain none of a
/// usable set of literals (then the rule runs on every text). A pattern that does not
/// parse has no factors.
pub fn factors(pattern: &str) -> Option<Vec<String>> {
    let mut ast = ast::parse::Parser::new().parse(pattern).ok()?;
    strip_case_flags(&mut ast);
    let hir = regex_syntax::hir::translate::Translator::new()
        .translate(pattern, &ast)
        .ok()?;
    factors_of(&hir)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn f(p: &str) -> Option<Vec<String>> {
        factors(p)
    }

    fn folded(s: &str) -> String {
        fold_str(s, &mut Vec::new())
    }

    #[test]
    fn folds_case_orbits_alike() {
        for (a, b) in [
            ('Ā', 'ā'),
            ('s', 'ſ'),
            ('S', 'ſ'),
            ('k', '\u{212A}'),
            ('Š', 'š'),
        ] {
            assert_eq!(fold_char(a), fold_char(b), "{a} {b}");
        }
        assert_eq!(fold_char('s'), 'S');
        assert_eq!(fold_char('7'), '7');
        assert_eq!(folded("Ķēķis"), folded("ĶĒĶIS"));
    }

    #[test]
    fn case_insensitive_prefix_is_one_folded_literal() {
        // «(?:jā)?» is optional, so the tail after it gives one factor instead of two
        let s = f(r"(?i)\b(?:jā)?esenciāl\p{L}*").unwrap();
        assert_eq!(s, vec![folded("esenciāl")]);
    }

    #[test]
    fn takes_a_factor_from_the_middle_or_the_end() {
        assert_eq!(
            f(r"(?i)\b\p{L}+šanas\s+rezultātā\b").unwrap(),
            vec![folded("rezultātā")]
        );
        assert_eq!(f(r"(\d+(?:[.,]\d+)?)%").unwrap(), vec!["%".to_string()]);
    }

    #[test]
    fn no_factor_when_any_letter_may_start_a_match() {
        assert_eq!(f(r"\b\p{Lu}{4,}\b"), None);
        assert_eq!(f(r"a|\p{L}"), None);
    }

    #[test]
    fn every_match_contains_a_factor() {
        let pats = [
            r"(?i)\b(?:jā)?esenciāl\p{L}*",
            r"(?i:\bpieliet)(o\w*|ošan\w*)",
            r"\b(?P<a>[tuš])\.(?P<b>i|sk|c|tml|g)\.",
            r"(?i)\b(?:likuma|noteikumu)\s+ietvaros\b",
            r"\b(\d{1,4})\.((?:gad|pant|punkt)\p{L}*)",
        ];
        let texts = [
            "JĀESENCIĀLS ir Esenciālā lieta, eſenciāls",
            "Pielietošana un PIELIETOT",
            "t.i. un u.c. un š.g.",
            "LIKUMA  Ietvaros un noteikumu ietvaros",
            "2024.gada 5.pantā",
        ];
        for (p, t) in pats.iter().zip(texts) {
            let set = f(p).unwrap();
            let re = regex::Regex::new(p).unwrap();
            let mut memo = Vec::new();
            let mut n = 0;
            for m in re.find_iter(t) {
                n += 1;
                let folded = fold_str(m.as_str(), &mut memo);
                assert!(
                    set.iter().any(|s| folded.contains(s.as_str())),
                    "{p}: {m:?} has none of {set:?}"
                );
            }
            assert!(n > 0, "{p} should match {t}");
        }
    }
}
