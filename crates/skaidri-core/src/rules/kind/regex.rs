//! Kind `regex`: a regular expression (Rust `regex` syntax) over the text.
//!
//! Write `(?i)` for case-insensitive matching. When the expression has a group named
//! `hit`, only that group is reported; suggestions may refer to groups as `$1` or
//! `${name}`. Matches that cross a sentence boundary are dropped.

use super::{match_case, Ctx, Engine, Hit};
use crate::diagnostic::{Span, Suggestion};
use crate::rules::load::{Parsed, RuleError};
use regex::Regex;

struct Entry {
    rule: usize,
    re: Regex,
    suggestions: Vec<String>,
    safe: bool,
}

/// All regex rules.
pub struct RegexEngine {
    entries: Vec<Entry>,
}

/// Compiles the regex rules among `rules`.
pub fn compile(rules: &[(usize, &Parsed)]) -> Result<Box<dyn Engine>, RuleError> {
    let mut entries = Vec::new();
    for &(idx, p) in rules {
        let Some(src) = &p.pattern else {
            return Err(RuleError {
                loc: p.kind_loc.clone(),
                key: Some("pattern".into()),
                message: "a regex rule needs `pattern = '…'`".into(),
            });
        };
        let re = Regex::new(&src.value).map_err(|e| src.err("pattern", e.to_string()))?;
        entries.push(Entry {
            rule: idx,
            re,
            suggestions: p.info.suggestions.clone(),
            safe: p.info.safe,
        });
    }
    Ok(Box::new(RegexEngine { entries }))
}

impl Engine for RegexEngine {
    fn run(&self, ctx: &Ctx<'_>, out: &mut Vec<Hit>) {
        // Each sentence is searched on its own: matches never cross a sentence boundary, and
        // on short haystacks the regex crate can use its fast bounded backtracker even for
        // patterns with Unicode `\b`, which keeps the lazy DFA off non-ASCII text.
        for e in &self.entries {
            if !(ctx.enabled)(e.rule) {
                continue;
            }
            for s in &ctx.seg.sentences {
                let hay = &ctx.text[s.start..s.end];
                for caps in e.re.captures_iter(hay) {
                    let Some(m) = caps.name("hit").or_else(|| caps.get(0)) else {
                        continue;
                    };
                    if m.start() == m.end() {
                        continue;
                    }
                    let span = Span::new(s.start + m.start(), s.start + m.end());
                    let suggestions = e
                        .suggestions
                        .iter()
                        .enumerate()
                        .map(|(i, r)| {
                            let mut dst = String::new();
                            caps.expand(r, &mut dst);
                            Suggestion {
                                replacement: match_case(m.as_str(), &dst),
                                span,
                                safe: e.safe && i == 0,
                                note: None,
                            }
                        })
                        .collect();
                    out.push(Hit {
                        rule: e.rule,
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
