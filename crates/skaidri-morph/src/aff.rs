//! Parsing of the hunspell affix file (`.aff`): affix rules with their
//! conditions, continuation flags and morphological fields, plus the
//! directives the analyser and speller use (`TRY`, `REP`, `KEY`, `NOSUGGEST`,
//! `NEEDAFFIX`, `CIRCUMFIX`, `FORBIDDENWORD`).
//!
//! Only the default single-character flag encoding is implemented, and only
//! ASCII flag characters (lv_LV uses nothing else); anything else is an
//! [`MorphError::Unsupported`] naming the line.

use std::sync::Arc;

use rustc_hash::FxHashMap;
use smallvec::SmallVec;

use crate::error::{MorphError, Source};

/// A set of single-character ASCII flags.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub(crate) struct FlagSet(u128);

impl FlagSet {
    /// Parses a flag string; `Err(c)` names the first non-ASCII flag.
    pub(crate) fn parse(s: &str) -> Result<FlagSet, char> {
        crate::dicfmt::flag_bits(s).map(FlagSet)
    }

    /// The set with these bits (bit = ASCII code).
    pub(crate) fn from_bits(bits: u128) -> FlagSet {
        FlagSet(bits)
    }

    /// The flags in the set, in ascending ASCII order (never flag 0).
    pub(crate) fn iter(self) -> impl Iterator<Item = Flag> {
        let mut bits = self.0 & !1;
        std::iter::from_fn(move || {
            if bits == 0 {
                return None;
            }
            let f = bits.trailing_zeros();
            bits &= bits - 1;
            Some(Flag(f as u8))
        })
    }

    pub(crate) fn contains(self, flag: Flag) -> bool {
        flag.0 != 0 && self.0 & (1u128 << flag.0) != 0
    }
}

/// One flag character, or the "no flag" value 0.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub(crate) struct Flag(u8);

impl Flag {
    pub(crate) const NONE: Flag = Flag(0);

    fn parse(s: &str) -> Result<Flag, String> {
        let mut it = s.chars();
        match (it.next(), it.next()) {
            (Some(c), None) if c.is_ascii() && c != '\0' => Ok(Flag(c as u8)),
            _ => Err(format!("flag {s:?} is not a single ASCII character")),
        }
    }

    /// Index into per-flag tables of length 128.
    pub(crate) fn index(self) -> usize {
        usize::from(self.0 & 0x7f)
    }

    /// The flag as a character (`'\0'` for none).
    pub(crate) fn as_char(self) -> char {
        self.0 as char
    }
}

/// One element of an affix condition.
#[derive(Debug, Clone, PartialEq, Eq)]
enum CondElem {
    Any,
    Char(char),
    Set { negated: bool, chars: Vec<char> },
}

impl CondElem {
    fn matches(&self, c: char) -> bool {
        match self {
            CondElem::Any => true,
            CondElem::Char(x) => *x == c,
            CondElem::Set { negated, chars } => chars.contains(&c) != *negated,
        }
    }
}

/// A parsed affix condition such as `[^āēīoeū]t`; shared between the
/// rules that spell it the same way (lv_LV: 365 distinct for 3 767 rules).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Condition(Arc<[CondElem]>);

impl Default for Condition {
    fn default() -> Condition {
        Condition(Arc::from(Vec::new()))
    }
}

impl Condition {
    fn parse(s: &str) -> Result<Condition, String> {
        if s == "." {
            return Ok(Condition::default());
        }
        let mut out = Vec::new();
        let mut it = s.chars();
        while let Some(c) = it.next() {
            match c {
                '.' => out.push(CondElem::Any),
                '[' => {
                    let mut negated = false;
                    let mut chars = Vec::new();
                    let mut closed = false;
                    for (i, d) in it.by_ref().enumerate() {
                        if d == ']' {
                            closed = true;
                            break;
                        }
                        if i == 0 && d == '^' {
                            negated = true;
                        } else {
                            chars.push(d);
                        }
                    }
                    if !closed {
                        return Err(format!("unclosed '[' in condition {s:?}"));
                    }
                    out.push(CondElem::Set { negated, chars });
                }
                c => out.push(CondElem::Char(c)),
            }
        }
        Ok(Condition(out.into()))
    }

    /// Does `word` end with this condition (suffix rules)?
    pub(crate) fn matches_end(&self, word: &str) -> bool {
        let mut chars = word.chars().rev();
        for elem in self.0.iter().rev() {
            match chars.next() {
                Some(c) if elem.matches(c) => {}
                _ => return false,
            }
        }
        true
    }

    /// Does `word` start with this condition (prefix rules)?
    pub(crate) fn matches_start(&self, word: &str) -> bool {
        let mut chars = word.chars();
        for elem in self.0.iter() {
            match chars.next() {
                Some(c) if elem.matches(c) => {}
                _ => return false,
            }
        }
        true
    }
}

/// Prefix or suffix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AffixKind {
    Prefix,
    Suffix,
}

/// One affix rule line, e.g. `SFX D t u [^āēīoeū]t is:1vpt0`.
#[derive(Debug, Clone)]
pub(crate) struct AffixRule {
    pub(crate) kind: AffixKind,
    pub(crate) flag: Flag,
    pub(crate) cross_product: bool,
    pub(crate) strip: Arc<str>,
    pub(crate) add: Arc<str>,
    pub(crate) cont: FlagSet,
    pub(crate) condition: Condition,
    /// Morphological fields after the condition, space separated.
    pub(crate) morph: Arc<str>,
}

/// The parsed affix file.
#[derive(Debug, Clone, Default)]
pub(crate) struct AffixFile {
    pub(crate) rules: Vec<AffixRule>,
    pub(crate) try_chars: Vec<char>,
    pub(crate) rep: Vec<(String, String)>,
    pub(crate) key: Vec<String>,
    pub(crate) nosuggest: Flag,
    pub(crate) needaffix: Flag,
    pub(crate) circumfix: Flag,
    pub(crate) forbidden: Flag,
}

fn parse_flag_directive(value: Option<&str>, line: usize) -> Result<Flag, MorphError> {
    let v = value.ok_or_else(|| MorphError::syntax(Source::Aff, line, "missing flag"))?;
    Flag::parse(v).map_err(|m| MorphError::unsupported(Source::Aff, line, m))
}

impl AffixFile {
    pub(crate) fn parse<'t>(text: &'t str) -> Result<AffixFile, MorphError> {
        let mut aff = AffixFile::default();
        // (kind, flag) -> (cross product, remaining entries)
        let mut open: Option<(AffixKind, Flag, bool, usize, usize)> = None;
        let mut rep_left = 0usize;
        // Rules repeat their strings and conditions: parse and allocate
        // each distinct one once (this halved the load's allocations).
        let mut strings: FxHashMap<&str, Arc<str>> = FxHashMap::default();
        let mut conditions: FxHashMap<&str, Condition> = FxHashMap::default();
        for (idx, raw) in text.lines().enumerate() {
            let line = idx + 1;
            let raw = raw.trim_start_matches('\u{feff}');
            let mut fields = raw.split_whitespace();
            let Some(head) = fields.next() else { continue };
            if head.starts_with('#') {
                continue;
            }
            match head {
                "SFX" | "PFX" => {
                    let kind = if head == "SFX" {
                        AffixKind::Suffix
                    } else {
                        AffixKind::Prefix
                    };
                    // No heap: rule lines have at most a few fields.
                    let rest: SmallVec<[&str; 8]> = fields.collect();
                    let flag = rest
                        .first()
                        .ok_or_else(|| MorphError::syntax(Source::Aff, line, "missing affix flag"))
                        .and_then(|f| {
                            Flag::parse(f)
                                .map_err(|m| MorphError::unsupported(Source::Aff, line, m))
                        })?;
                    let in_block = matches!(&open, Some((k, f, _, left, _))
                        if *k == kind && *f == flag && *left > 0);
                    let is_header = !in_block && rest.len() >= 3 && matches!(rest[1], "Y" | "N");
                    if is_header {
                        if let Some((_, f, _, left, hl)) = open {
                            if left > 0 {
                                return Err(MorphError::syntax(
                                    Source::Aff,
                                    hl,
                                    format!(
                                        "affix {} header promises {left} more line(s) than given",
                                        f.as_char()
                                    ),
                                ));
                            }
                        }
                        let count: usize = rest[2].parse().map_err(|_| {
                            MorphError::syntax(
                                Source::Aff,
                                line,
                                format!("bad rule count {:?}", rest[2]),
                            )
                        })?;
                        open = Some((kind, flag, rest[1] == "Y", count, line));
                        aff.rules.reserve(count);
                        continue;
                    }
                    let cross = match &mut open {
                        Some((k, f, cross, left, _)) if *k == kind && *f == flag && *left > 0 => {
                            *left -= 1;
                            *cross
                        }
                        _ => {
                            return Err(MorphError::syntax(
                                Source::Aff,
                                line,
                                format!("{head} {} line without a matching header", flag.as_char()),
                            ))
                        }
                    };
                    if rest.len() < 4 {
                        return Err(MorphError::syntax(
                            Source::Aff,
                            line,
                            "affix rule needs flag, strip, add and condition",
                        ));
                    }
                    let strip = if rest[1] == "0" { "" } else { rest[1] };
                    let (add, cont) = match rest[2].split_once('/') {
                        Some((a, c)) => (a, c),
                        None => (rest[2], ""),
                    };
                    let add = if add == "0" { "" } else { add };
                    let cont = FlagSet::parse(cont).map_err(|c| {
                        MorphError::unsupported(Source::Aff, line, format!("non-ASCII flag {c:?}"))
                    })?;
                    let condition = match conditions.get(rest[3]) {
                        Some(c) => c.clone(),
                        None => {
                            let c = Condition::parse(rest[3])
                                .map_err(|m| MorphError::syntax(Source::Aff, line, m))?;
                            conditions.insert(rest[3], c.clone());
                            c
                        }
                    };
                    let mut intern = |s: &'t str| -> Arc<str> {
                        strings.entry(s).or_insert_with(|| Arc::from(s)).clone()
                    };
                    let strip = intern(strip);
                    let add = intern(add);
                    let morph = match &rest[4..] {
                        [] => intern(""),
                        [one] => intern(one),
                        many => Arc::from(many.join(" ")),
                    };
                    aff.rules.push(AffixRule {
                        kind,
                        flag,
                        cross_product: cross,
                        strip,
                        add,
                        cont,
                        condition,
                        morph,
                    });
                }
                "SET" => {
                    let enc = fields.next().unwrap_or("");
                    if !enc.eq_ignore_ascii_case("UTF-8") {
                        return Err(MorphError::unsupported(
                            Source::Aff,
                            line,
                            format!("encoding {enc:?} (only UTF-8)"),
                        ));
                    }
                }
                "FLAG" => {
                    return Err(MorphError::unsupported(
                        Source::Aff,
                        line,
                        "FLAG directive (only default single-character flags)",
                    ))
                }
                "AF" | "AM" => {
                    return Err(MorphError::unsupported(
                        Source::Aff,
                        line,
                        format!("{head} aliases"),
                    ))
                }
                "TRY" => aff.try_chars = fields.next().unwrap_or("").chars().collect(),
                "KEY" => {
                    aff.key = fields
                        .next()
                        .unwrap_or("")
                        .split('|')
                        .map(str::to_owned)
                        .collect()
                }
                "REP" => {
                    let a = fields.next();
                    let b = fields.next();
                    match (a, b) {
                        (Some(n), None) if rep_left == 0 => {
                            rep_left = n.parse().map_err(|_| {
                                MorphError::syntax(
                                    Source::Aff,
                                    line,
                                    format!("bad REP count {n:?}"),
                                )
                            })?;
                        }
                        (Some(from), Some(to)) => {
                            rep_left = rep_left.saturating_sub(1);
                            aff.rep.push((from.replace('_', " "), to.replace('_', " ")));
                        }
                        _ => return Err(MorphError::syntax(Source::Aff, line, "bad REP line")),
                    }
                }
                "NOSUGGEST" => aff.nosuggest = parse_flag_directive(fields.next(), line)?,
                "NEEDAFFIX" | "PSEUDOROOT" => {
                    aff.needaffix = parse_flag_directive(fields.next(), line)?
                }
                "CIRCUMFIX" => aff.circumfix = parse_flag_directive(fields.next(), line)?,
                "FORBIDDENWORD" => aff.forbidden = parse_flag_directive(fields.next(), line)?,
                // Directives that only matter for compounding or suggestion
                // tuning in C++ hunspell; not used here.
                _ => {}
            }
        }
        if let Some((_, f, _, left, hl)) = open {
            if left > 0 {
                return Err(MorphError::syntax(
                    Source::Aff,
                    hl,
                    format!(
                        "affix {} header promises {left} more line(s) than given",
                        f.as_char()
                    ),
                ));
            }
        }
        Ok(aff)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn conditions() {
        let c = Condition::parse("[^āēīoeū]t").unwrap();
        assert!(c.matches_end("veikt"));
        assert!(!c.matches_end("lasīt"));
        assert!(!c.matches_end("t"));
        assert!(Condition::parse(".").unwrap().matches_end(""));
        let p = Condition::parse("[ab]c").unwrap();
        assert!(p.matches_start("bcd"));
        assert!(!p.matches_start("cbd"));
        assert!(Condition::parse("[ab").is_err());
    }

    #[test]
    fn errors_name_the_line() {
        let err = AffixFile::parse("SET UTF-8\nSFX A Y 2\nSFX A 0 s .\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            ".aff:2: affix A header promises 1 more line(s) than given"
        );
        let err = AffixFile::parse("SFX A Y 1\nSFX B 0 s .\n").unwrap_err();
        assert!(err.to_string().starts_with(".aff:2:"), "{err}");
        let err = AffixFile::parse("SFX A Y 1\nSFX A 0 s\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            ".aff:2: affix rule needs flag, strip, add and condition"
        );
    }
}
