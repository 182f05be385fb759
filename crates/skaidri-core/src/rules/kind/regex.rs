//! Kind `regex`: a regular expression (Rust `regex` syntax) over the text.
//!
//! Write `(?i)` for case-insensitive matching. When the expression has a group named
//! `hit`, only that group is reported, and a match in which `hit` takes no part is not
//! reported at all: an alternative without `hit` vetoes a match by its context (what
//! `unless_prev` does for phrase rules). Suggestions may refer to groups as `$1` or
//! `${name}`. Matches that cross a sentence boundary are dropped.

use super::{match_case, Ctx, Engine, Hit};
use crate::diagnostic::{Span, Suggestion};
use crate::rules::load::{Parsed, RuleError};
use aho_corasick::AhoCorasick;
use regex_automata::meta::{self, Regex};
use std::sync::OnceLock;

use super::regex_factors;

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
        self.re.get_or_init(|| build(&self.src)).as_ref()
    }
}

/// Compiles `src` as `regex::Regex::new` does (same syntax, match kind and size limits,
/// so the same matches), but with only the engines that report captures on sentence-
/// sized haystacks: the bounded backtracker and the PikeVM. The lazy DFA and the
/// one-pass DFA would double the cost of compiling a rule, and the lazy DFA gives up on
/// non-ASCII text anyway when the pattern has a Unicode `\b`, as nearly all rules do.
fn build(src: &str) -> Option<Regex> {
    let config = meta::Config::new()
        .match_kind(regex_automata::MatchKind::LeftmostFirst)
        .utf8_empty(true)
        .nfa_size_limit(Some(10 * (1 << 20)))
        .hybrid_cache_capacity(2 * (1 << 20))
        .hybrid(false)
        .dfa(false)
        .onepass(false);
    meta::Builder::new()
        .configure(config)
        .syntax(regex_automata::util::syntax::Config::new().utf8(true))
        .build(src)
        .ok()
}

/// All regex rules, with a literal prefilter: one Aho-Corasick pass over the case-folded
/// text finds which rules' factors (see [`super::regex_factors`]) occur, and only those
/// rules are compiled and run.
pub struct RegexEngine {
    entries: Vec<Entry>,
    prefilter: Option<AhoCorasick>,
    /// Prefilter pattern index → entry index.
    literal_entry: Vec<usize>,
    /// Entries without a usable factor set: always run.
    always: Vec<usize>,
}

/// The factor set of `pattern`: precomputed at build time for the embedded rules, else
/// computed now after checking the syntax (so a user's rule file gets its error here).
fn factors_of(src: &crate::rules::load::Located) -> Result<Option<Vec<String>>, RuleError> {
    if let Some(pre) = crate::embedded::regex_factors(&src.value) {
        return Ok(pre.map(|set| set.iter().map(|s| (*s).to_string()).collect()));
    }
    regex_syntax::ParserBuilder::new()
        .build()
        .parse(&src.value)
        .map_err(|e| src.err("pattern", e.to_string()))?;
    Ok(regex_factors::factors(&src.value))
}

/// Compiles the regex rules among `rules` (syntax is checked now; automata are built
/// lazily).
pub fn compile(rules: &[(usize, &Parsed)]) -> Result<Box<dyn Engine>, RuleError> {
    let mut entries = Vec::new();
    let mut literals: Vec<String> = Vec::new();
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
        let i = entries.len();
        match factors_of(src)? {
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
        // Which sentences hold one of each rule's required words: a rule is searched only
        // in those (every sentence for a rule without required words). On a whole law this
        // keeps a large case-insensitive pattern from being run over hundreds of sentences
        // that cannot match.
        let sentences = &ctx.seg.sentences;
        let mut in_sentences: Vec<Vec<usize>> = vec![Vec::new(); self.entries.len()];
        let mut everywhere = vec![false; self.entries.len()];
        for &i in &self.always {
            everywhere[i] = true;
        }
        if let Some(ac) = &self.prefilter {
            let mut memo = Vec::new();
            for (k, s) in sentences.iter().enumerate() {
                let folded = regex_factors::fold_str(&ctx.text[s.start..s.end], &mut memo);
                for m in ac.find_overlapping_iter(&folded) {
                    let list = &mut in_sentences[self.literal_entry[m.pattern().as_usize()]];
                    if list.last() != Some(&k) {
                        list.push(k);
                    }
                }
            }
        }
        let all: Vec<usize> = (0..sentences.len()).collect();
        for (n, e) in self.entries.iter().enumerate() {
            let which = if everywhere[n] {
                &all
            } else {
                &in_sentences[n]
            };
            if which.is_empty() || !(ctx.enabled)(e.rule) {
                continue;
            }
            let Some(re) = e.regex() else {
                continue;
            };
            let has_hit = re
                .group_info()
                .to_index(regex_automata::PatternID::ZERO, "hit")
                .is_some();
            for s in which.iter().map(|&k| &sentences[k]) {
                let hay = &ctx.text[s.start..s.end];
                for caps in re.captures_iter(hay) {
                    let m = if has_hit {
                        caps.get_group_by_name("hit")
                    } else {
                        caps.get_group(0)
                    };
                    let Some(m) = m else {
                        continue;
                    };
                    if m.start == m.end {
                        continue;
                    }
                    let span = Span::new(s.start + m.start, s.start + m.end);
                    let matched = &hay[m.range()];
                    let suggestions = e
                        .suggestions
                        .iter()
                        .enumerate()
                        .map(|(i, r)| {
                            let mut dst = String::new();
                            caps.interpolate_string_into(hay, r, &mut dst);
                            Suggestion {
                                replacement: match_case(matched, &dst),
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

#[cfg(test)]
mod tests {
    use crate::rules::kind::test_support::texts_and_suggestions;

    fn hits(pattern: &str, suggestions: &str, text: &str) -> Vec<(String, Vec<String>)> {
        let fields = format!(
            "kind = \"regex\"\ncategory = \"officialese\"\npattern = '{pattern}'\nsuggestions = [{suggestions}]"
        );
        texts_and_suggestions(&fields, text)
    }

    #[test]
    fn suggestions_are_built_from_groups_and_follow_the_case() {
        let p = r"(?i)\b(?:(?P<a>projekt|likum)a|(?P<as>programm)as)\s+ietvaros\b";
        let s = r#""${a}${as}ā""#;
        assert_eq!(
            hits(p, s, "Tas notiek likuma ietvaros."),
            [("likuma ietvaros".into(), vec!["likumā".into()])]
        );
        assert_eq!(
            hits(p, s, "Programmas ietvaros brauksim."),
            [("Programmas ietvaros".into(), vec!["Programmā".into()])]
        );
    }

    #[test]
    fn a_match_without_the_hit_group_is_vetoed() {
        let p = r"(?i)\bvērā\s+iepriekš\s+minēt\p{L}*|\b(?P<hit>iepriekš\s+minēt(?P<end>\p{L}*))";
        let s = r#""minēt${end}""#;
        assert_eq!(
            hits(p, s, "Iepriekš minētajā vēstulē tas ir."),
            [("Iepriekš minētajā".into(), vec!["Minētajā".into()])]
        );
        assert!(hits(p, s, "Ņemot vērā iepriekš minēto, atsakām.").is_empty());
    }
}
