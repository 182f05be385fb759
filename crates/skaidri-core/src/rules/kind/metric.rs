//! Kind `metric`: a threshold on a measured quantity.
//!
//! Metrics:
//! - `sentence-words`: words in a sentence; reported on the sentence.
//! - `word-letters`: letters in a word; reported on the word.
//! - `word-syllables`: syllables in a word; reported on the word.
//! - `document-lix`: LIX of the whole text; reported on its first sentence.
//!
//! `max` is the largest acceptable value; `max_in` sets it per profile, and the
//! configuration can override it per rule.

use super::{Ctx, Engine, Hit};
use crate::diagnostic::Span;
use crate::readability::letters;
use crate::rules::load::{Parsed, RuleError};
use crate::segment::TokenKind;
use crate::syllable;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Metric {
    SentenceWords,
    WordLetters,
    WordSyllables,
    DocumentLix,
}

const NAMES: &[(&str, Metric)] = &[
    ("sentence-words", Metric::SentenceWords),
    ("word-letters", Metric::WordLetters),
    ("word-syllables", Metric::WordSyllables),
    ("document-lix", Metric::DocumentLix),
];

/// All metric rules.
pub struct MetricEngine {
    entries: Vec<(usize, Metric)>,
}

/// Compiles the metric rules among `rules`.
pub fn compile(rules: &[(usize, &Parsed)]) -> Result<Box<dyn Engine>, RuleError> {
    let mut entries = Vec::new();
    for &(idx, p) in rules {
        let Some(m) = &p.metric else {
            return Err(RuleError {
                loc: p.kind_loc.clone(),
                key: Some("metric".into()),
                message: "a metric rule needs `metric = \"…\"`".into(),
            });
        };
        let metric = NAMES
            .iter()
            .find(|(n, _)| *n == m.value)
            .map(|(_, k)| *k)
            .ok_or_else(|| {
                let names: Vec<_> = NAMES.iter().map(|(n, _)| *n).collect();
                m.err(
                    "metric",
                    format!(
                        "unknown metric `{}`; expected one of: {}",
                        m.value,
                        names.join(", ")
                    ),
                )
            })?;
        if p.info.max.is_none() {
            return Err(m.err("max", "a metric rule needs `max = N`"));
        }
        entries.push((idx, metric));
    }
    Ok(Box::new(MetricEngine { entries }))
}

impl MetricEngine {
    /// Where rules on the same measure flag the same span (a 45-word sentence is over both
    /// SL001's 25 and SL002's 40), keeps only the hit of the highest threshold: an editor
    /// writes one note, "very long", not two. Looks at `out[first..]`, this engine's hits;
    /// the order of the kept hits is unchanged.
    fn keep_highest_threshold(&self, out: &mut Vec<Hit>, first: usize) {
        let metric_of = |rule: usize| {
            self.entries
                .iter()
                .find(|(r, _)| *r == rule)
                .map(|(_, m)| *m)
        };
        let mut best: std::collections::HashMap<(Span, Option<Metric>), (usize, f64)> =
            std::collections::HashMap::new();
        for (k, h) in out.iter().enumerate().skip(first) {
            let max = h.max.unwrap_or(f64::NEG_INFINITY);
            let e = best.entry((h.span, metric_of(h.rule))).or_insert((k, max));
            if max > e.1 {
                *e = (k, max);
            }
        }
        if best.len() == out.len() - first {
            return;
        }
        let keep: std::collections::HashSet<usize> = best.values().map(|(k, _)| *k).collect();
        let mut k = 0;
        out.retain(|_| {
            let ok = k < first || keep.contains(&k);
            k += 1;
            ok
        });
    }
}

impl Engine for MetricEngine {
    fn run(&self, ctx: &Ctx<'_>, out: &mut Vec<Hit>) {
        let first = out.len();
        for &(rule, metric) in &self.entries {
            if !(ctx.enabled)(rule) {
                continue;
            }
            let Some(max) = (ctx.max_for)(rule) else {
                continue;
            };
            let mut hit = |span: Span, value: f64| {
                out.push(Hit {
                    rule,
                    span,
                    suggestions: Vec::new(),
                    value: Some(value),
                    max: Some(max),
                })
            };
            match metric {
                Metric::SentenceWords => {
                    for s in ctx.sentence_metrics {
                        if s.words as f64 > max {
                            hit(Span::new(s.start, s.end), s.words as f64);
                        }
                    }
                }
                Metric::WordLetters | Metric::WordSyllables => {
                    for t in &ctx.seg.tokens {
                        if t.kind != TokenKind::Word {
                            continue;
                        }
                        let w = t.text(ctx.text);
                        let v = if metric == Metric::WordLetters {
                            letters(w)
                        } else {
                            syllable::count(w)
                        } as f64;
                        if v > max {
                            hit(Span::new(t.start, t.end), v);
                        }
                    }
                }
                Metric::DocumentLix => {
                    if ctx.metrics.words >= 30 && ctx.metrics.lix > max {
                        if let Some(s) = ctx.sentence_metrics.first() {
                            hit(
                                Span::new(s.start, s.end),
                                (ctx.metrics.lix * 10.0).round() / 10.0,
                            );
                        }
                    }
                }
            }
        }
        self.keep_highest_threshold(out, first);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::RuleSet;
    use crate::{Analyzer, Settings};

    fn rules_on(text: &str) -> Vec<String> {
        let a = Analyzer::new(
            RuleSet::embedded().unwrap(),
            Settings {
                only: Some(vec!["SL001".into(), "SL002".into()]),
                ..Settings::default()
            },
        );
        a.check(text)
            .diagnostics
            .into_iter()
            .map(|d| d.rule.to_string())
            .collect()
    }

    fn sentence(words: usize) -> String {
        let mut s = vec!["vārds"; words].join(" ");
        s.replace_range(..1, "V");
        s.push('.');
        s
    }

    #[test]
    fn one_note_per_sentence_the_highest_threshold() {
        assert!(rules_on(&sentence(20)).is_empty());
        assert_eq!(rules_on(&sentence(30)), ["SL001"]);
        // over 25 and over 40: only "very long"
        assert_eq!(rules_on(&sentence(45)), ["SL002"]);
        let two = format!("{} {}", sentence(30), sentence(45));
        assert_eq!(rules_on(&two), ["SL001", "SL002"]);
    }
}
