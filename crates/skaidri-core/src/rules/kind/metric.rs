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

#[derive(Debug, Clone, Copy, PartialEq)]
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

impl Engine for MetricEngine {
    fn run(&self, ctx: &Ctx<'_>, out: &mut Vec<Hit>) {
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
    }
}
