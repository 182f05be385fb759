//! Kind `phrase`: word sequences, case-insensitive, on word boundaries.
//!
//! Pattern language (elements separated by spaces):
//! - `vārds` — that word, in any case;
//! - `sekojoš*` — any word starting with `sekojoš`;
//! - `dēļ|tāpēc|sakarā*` — any of the alternatives;
//! - `_` — any one word;
//! - `..` — a gap of up to three words, `..5` of up to five.
//!
//! All phrase rules are compiled into one index keyed by the first word, so the text is
//! scanned once whatever the number of rules. A match never crosses a sentence boundary
//! or punctuation.
//!
//! A suggestion may repeat words of the match: `$1` … `$9` stand for the first … ninth
//! word of the matched text as written («vairāk kā» with `$1 nekā` → «vairāk nekā»).

use super::{prefix_key, require_patterns, suggestions_for, Ctx, Engine, Hit};
use crate::diagnostic::Span;
use crate::rules::load::{Located, Parsed, RuleError};
use crate::segment::{Token, TokenKind};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq)]
enum Alt {
    Exact(String),
    Prefix(String),
}

impl Alt {
    fn matches(&self, w: &str) -> bool {
        match self {
            Alt::Exact(e) => e == w,
            Alt::Prefix(p) => w.starts_with(p.as_str()) && w.len() > p.len(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Elem {
    Word(Vec<Alt>),
    Any,
    Gap(usize),
}

/// A compiled pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    elems: Vec<Elem>,
}

/// Parses a pattern string.
pub fn parse_pattern(src: &Located, key: &str) -> Result<Pattern, RuleError> {
    let mut elems = Vec::new();
    for part in src.value.split_whitespace() {
        let e = if part == "_" {
            Elem::Any
        } else if let Some(n) = part.strip_prefix("..") {
            let n = if n.is_empty() {
                3
            } else {
                n.parse::<usize>()
                    .map_err(|_| src.err(key, format!("gap `{part}`: expected `..` or `..N`")))?
            };
            Elem::Gap(n)
        } else {
            let mut alts = Vec::new();
            for a in part.split('|') {
                let a = a.to_lowercase();
                if a.is_empty() || a == "*" {
                    return Err(src.err(key, format!("empty alternative in `{part}`")));
                }
                alts.push(match a.strip_suffix('*') {
                    Some(p) => Alt::Prefix(p.to_string()),
                    None => Alt::Exact(a),
                });
            }
            Elem::Word(alts)
        };
        elems.push(e);
    }
    match elems.first() {
        None => return Err(src.err(key, "empty pattern")),
        Some(Elem::Word(_)) => {}
        // exceptions are tried at a fixed place, so they may start with a wildcard
        Some(_) if key != "patterns" => {}
        Some(_) => return Err(src.err(key, "a pattern must start with a word, not `_` or `..`")),
    }
    if matches!(elems.last(), Some(Elem::Gap(_))) {
        return Err(src.err(key, "a pattern cannot end with a gap"));
    }
    Ok(Pattern { elems })
}

/// Words a gap never skips: they start a new clause or join two phrases, so a match across
/// them would pair words that do not belong together ("pasākumus un veikt").
const GAP_STOPS: &[&str] = &[
    "un", "vai", "bet", "jo", "ka", "kas", "ko", "kur", "lai", "kā", "ja", "arī", "nevis", "kurš",
    "kura", "kuru", "kuri", "kuras", "kuriem", "kurām",
];

fn is_matchable(t: &Token) -> bool {
    matches!(
        t.kind,
        TokenKind::Word | TokenKind::Abbreviation | TokenKind::Number | TokenKind::Ordinal
    )
}

impl Pattern {
    /// Matches starting at token `i` (which must satisfy the first element); returns the
    /// index one past the last matched token. Only tokens in `toks[..limit]` are used.
    fn match_at(&self, toks: &[Token], lower: &[String], i: usize, limit: usize) -> Option<usize> {
        fn go(
            el: &[Elem],
            toks: &[Token],
            lower: &[String],
            i: usize,
            limit: usize,
        ) -> Option<usize> {
            let Some(first) = el.first() else {
                return Some(i);
            };
            match first {
                Elem::Gap(n) => {
                    for skip in 0..=*n {
                        let j = i + skip;
                        if j > limit {
                            break;
                        }
                        if skip > 0
                            && (!is_matchable(&toks[j - 1])
                                || GAP_STOPS.contains(&lower[j - 1].as_str()))
                        {
                            break;
                        }
                        if let Some(e) = go(&el[1..], toks, lower, j, limit) {
                            return Some(e);
                        }
                    }
                    None
                }
                Elem::Any => {
                    if i < limit && is_matchable(&toks[i]) {
                        go(&el[1..], toks, lower, i + 1, limit)
                    } else {
                        None
                    }
                }
                Elem::Word(alts) => {
                    if i < limit
                        && is_matchable(&toks[i])
                        && alts.iter().any(|a| a.matches(&lower[i]))
                    {
                        go(&el[1..], toks, lower, i + 1, limit)
                    } else {
                        None
                    }
                }
            }
        }
        go(&self.elems, toks, lower, i, limit)
    }

    /// Whether the pattern matches a run of tokens ending exactly at `end` (exclusive),
    /// starting no earlier than `from`.
    fn matches_ending_at(&self, toks: &[Token], lower: &[String], from: usize, end: usize) -> bool {
        (from..end).any(|s| self.match_at(toks, lower, s, end) == Some(end))
    }
}

/// All phrase rules, indexed by their first word.
pub struct PhraseEngine {
    entries: Vec<Entry>,
    exact: HashMap<String, Vec<usize>>,
    prefix: HashMap<String, Vec<usize>>,
    short_prefix: Vec<usize>,
}

struct Entry {
    rule: usize,
    pattern: Pattern,
    unless_next: Vec<Pattern>,
    unless_prev: Vec<Pattern>,
    suggestions: Vec<String>,
    /// Whether a suggestion refers to matched words (`$1` … `$9`).
    templated: bool,
    safe: bool,
}

/// Replaces `$1` … `$9` in `template` by the matched words (a missing word by nothing).
fn fill_words(template: &str, words: &[&str]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '$' {
            if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)).filter(|d| *d > 0) {
                chars.next();
                if let Some(w) = words.get(d as usize - 1) {
                    out.push_str(w);
                }
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Compiles the phrase rules among `rules` (by their index in the rule set).
pub fn compile(rules: &[(usize, &Parsed)]) -> Result<Box<dyn Engine>, RuleError> {
    let mut eng = PhraseEngine {
        entries: Vec::new(),
        exact: HashMap::new(),
        prefix: HashMap::new(),
        short_prefix: Vec::new(),
    };
    for &(idx, p) in rules {
        require_patterns(p)?;
        let unless_next = p
            .unless_next
            .iter()
            .map(|u| parse_pattern(u, "unless_next"))
            .collect::<Result<Vec<_>, _>>()?;
        let unless_prev = p
            .unless_prev
            .iter()
            .map(|u| parse_pattern(u, "unless_prev"))
            .collect::<Result<Vec<_>, _>>()?;
        for src in &p.patterns {
            let pattern = parse_pattern(src, "patterns")?;
            let entry_id = eng.entries.len();
            if let Some(Elem::Word(alts)) = pattern.elems.first() {
                for a in alts {
                    match a {
                        Alt::Exact(w) => eng.exact.entry(w.clone()).or_default().push(entry_id),
                        Alt::Prefix(pf) => match prefix_key(pf) {
                            Some(k) => eng.prefix.entry(k).or_default().push(entry_id),
                            None => eng.short_prefix.push(entry_id),
                        },
                    }
                }
            }
            eng.entries.push(Entry {
                rule: idx,
                pattern,
                unless_next: unless_next.clone(),
                unless_prev: unless_prev.clone(),
                suggestions: p.info.suggestions.clone(),
                templated: p.info.suggestions.iter().any(|r| {
                    r.as_bytes()
                        .windows(2)
                        .any(|w| w[0] == b'$' && w[1].is_ascii_digit())
                }),
                safe: p.info.safe,
            });
        }
    }
    Ok(Box::new(eng))
}

impl Engine for PhraseEngine {
    fn scope(&self) -> super::Scope {
        super::Scope::Sentence
    }

    fn run(&self, ctx: &Ctx<'_>, out: &mut Vec<Hit>) {
        let toks = &ctx.seg.tokens;
        let mut cands: Vec<usize> = Vec::new();
        for s in &ctx.seg.sentences {
            let limit = s.tokens.end;
            for i in s.tokens.clone() {
                if !is_matchable(&toks[i]) {
                    continue;
                }
                let w = &ctx.lower[i];
                cands.clear();
                if let Some(v) = self.exact.get(w.as_str()) {
                    cands.extend(v);
                }
                if let Some(v) = prefix_key(w).and_then(|k| self.prefix.get(&k)) {
                    cands.extend(v);
                }
                cands.extend(&self.short_prefix);
                for &e in &cands {
                    let entry = &self.entries[e];
                    if !(ctx.enabled)(entry.rule) {
                        continue;
                    }
                    let Some(end) = entry.pattern.match_at(toks, ctx.lower, i, limit) else {
                        continue;
                    };
                    if entry
                        .unless_next
                        .iter()
                        .any(|u| u.match_at(toks, ctx.lower, end, limit).is_some())
                    {
                        continue;
                    }
                    let from = i.saturating_sub(6).max(s.tokens.start);
                    if entry
                        .unless_prev
                        .iter()
                        .any(|u| u.matches_ending_at(toks, ctx.lower, from, i))
                    {
                        continue;
                    }
                    let span = Span::new(toks[i].start, toks[end - 1].end);
                    let suggestions = if entry.templated {
                        let words: Vec<&str> = toks[i..end]
                            .iter()
                            .filter(|t| is_matchable(t))
                            .map(|t| &ctx.text[t.start..t.end])
                            .collect();
                        let filled: Vec<String> = entry
                            .suggestions
                            .iter()
                            .map(|r| fill_words(r, &words))
                            .collect();
                        suggestions_for(ctx.text, span, &filled, entry.safe)
                    } else {
                        suggestions_for(ctx.text, span, &entry.suggestions, entry.safe)
                    };
                    out.push(Hit {
                        rule: entry.rule,
                        span,
                        suggestions,
                        value: None,
                        max: None,
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::kind::test_support::texts_and_suggestions;

    fn suggestions(pattern: &str, suggestion: &str, text: &str) -> Vec<Vec<String>> {
        let fields = format!(
            "kind = \"phrase\"\ncategory = \"barbarism\"\npatterns = [{pattern:?}]\nsuggestions = [{suggestion:?}]"
        );
        texts_and_suggestions(&fields, text)
            .into_iter()
            .map(|(_, s)| s)
            .collect()
    }

    #[test]
    fn a_suggestion_repeats_matched_words() {
        let p = "vairāk|augstāk* kā";
        assert_eq!(
            suggestions(p, "$1 nekā", "Pieteicās vairāk kā simts."),
            [vec!["vairāk nekā".to_string()]]
        );
        assert_eq!(
            suggestions(p, "$1 nekā", "Augstākā kā pērn."),
            [vec!["Augstākā nekā".to_string()]]
        );
        // a word the match does not have is left out; a lone `$` stays
        assert_eq!(
            suggestions(p, "$3 $ nekā", "Vairāk kā simts."),
            [vec![" $ nekā".to_string()]]
        );
    }
}
