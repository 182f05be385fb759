//! Kind `regex`: a regular expression (Rust `regex` syntax) over the text.
//!
//! Write `(?i)` for case-insensitive matching. When the expression has a group named
//! `hit`, only that group is reported; suggestions may refer to groups as `$1` or
//! `${name}`. Matches that cross a sentence boundary are dropped.

use super::{match_case, Ctx, Engine, Hit};
use crate::diagnostic::{Span, Suggestion};
use crate::rules::load::{Parsed, RuleError};
use aho_corasick::AhoCorasick;
use regex::Regex;
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use std::sync::OnceLock;

struct Entry {
    rule: usize,
    src: String,
    /// Compiled on first use: compiling all regex rules up front cost ~130 ms at every
    /// start of the CLI (Unicode classes and case folding), most of it for rules whose
    /// words a given text never contains.
    re: OnceLock<Option<Regex>>,
    suggestions: Vec<String>,
    safe: bool,
}

impl Entry {
    fn regex(&self) -> Option<&Regex> {
        self.re.get_or_init(|| Regex::new(&self.src).ok()).as_ref()
    }
}

/// All regex rules, with a literal prefilter: one Aho-Corasick pass over the text finds
/// which rules' required prefixes occur, and only those rules are compiled and run.
pub struct RegexEngine {
    entries: Vec<Entry>,
    prefilter: Option<AhoCorasick>,
    /// Prefilter pattern index → entry index.
    literal_entry: Vec<usize>,
    /// Entries without a usable prefix literal: always run.
    always: Vec<usize>,
}

/// The literals every match of `hir` must start with, if there are few enough.
fn prefix_literals(hir: &regex_syntax::hir::Hir) -> Option<Vec<Vec<u8>>> {
    let mut ex = Extractor::new();
    ex.kind(ExtractKind::Prefix);
    let seq = ex.extract(hir);
    let lits = seq.literals()?;
    if lits.is_empty() || lits.len() > 256 || lits.iter().any(|l| l.as_bytes().is_empty()) {
        return None;
    }
    Some(lits.iter().map(|l| l.as_bytes().to_vec()).collect())
}

/// Compiles the regex rules among `rules` (syntax is checked now; automata are built
/// lazily).
pub fn compile(rules: &[(usize, &Parsed)]) -> Result<Box<dyn Engine>, RuleError> {
    let mut entries = Vec::new();
    let mut literals: Vec<Vec<u8>> = Vec::new();
    let mut literal_entry = Vec::new();
    let mut always = Vec::new();
    for &(idx, p) in rules {
        let Some(src) = &p.pattern else {
            return Err(RuleError {
                loc: p.kind_loc.clone(),
                key: Some("pattern".into()),
                message: "a regex rule needs `pattern = '…'`".into(),
            });
        };
        let hir = regex_syntax::ParserBuilder::new()
            .build()
            .parse(&src.value)
            .map_err(|e| src.err("pattern", e.to_string()))?;
        let i = entries.len();
        match prefix_literals(&hir) {
            Some(lits) => {
                for l in lits {
                    literals.push(l);
                    literal_entry.push(i);
                }
            }
            None => always.push(i),
        }
        entries.push(Entry {
            rule: idx,
            src: src.value.clone(),
            re: OnceLock::new(),
            suggestions: p.info.suggestions.clone(),
            safe: p.info.safe,
        });
    }
    let prefilter = if literals.is_empty() {
        None
    } else {
        match AhoCorasick::new(&literals) {
            Ok(ac) => Some(ac),
            Err(_) => {
                // too many literals for the automaton: run every rule
                always = (0..entries.len()).collect();
                None
            }
        }
    };
    Ok(Box::new(RegexEngine {
        entries,
        prefilter,
        literal_entry,
        always,
    }))
}

impl Engine for RegexEngine {
    fn scope(&self) -> super::Scope {
        super::Scope::Sentence
    }

    fn run(&self, ctx: &Ctx<'_>, out: &mut Vec<Hit>) {
        // Each sentence is searched on its own: matches never cross a sentence boundary, and
        // on short haystacks the regex crate can use its fast bounded backtracker even for
        // patterns with Unicode `\b`, which keeps the lazy DFA off non-ASCII text.
        let mut candidate = vec![false; self.entries.len()];
        for &i in &self.always {
            candidate[i] = true;
        }
        if let Some(ac) = &self.prefilter {
            for m in ac.find_overlapping_iter(ctx.text) {
                candidate[self.literal_entry[m.pattern().as_usize()]] = true;
            }
        }
        for (e, _) in self.entries.iter().zip(&candidate).filter(|(_, c)| **c) {
            if !(ctx.enabled)(e.rule) {
                continue;
            }
            let Some(re) = e.regex() else {
                continue;
            };
            for s in &ctx.seg.sentences {
                let hay = &ctx.text[s.start..s.end];
                for caps in re.captures_iter(hay) {
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
