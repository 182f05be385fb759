//! Rule kinds: one module per kind. Each compiles its rules into an [`Engine`] that runs
//! over a segmented text once, however many rules it holds.

pub mod metric;
pub mod phrase;
pub mod regex;
pub mod structure;

use crate::diagnostic::{Span, Suggestion};
use crate::readability::{DocumentMetrics, SentenceMetrics};
use crate::segment::Segmented;

/// What an engine sees of a text.
pub struct Ctx<'a> {
    /// The text.
    pub text: &'a str,
    /// Its tokens and sentences.
    pub seg: &'a Segmented,
    /// Lower-cased token texts, parallel to `seg.tokens`.
    pub lower: &'a [String],
    /// Document metrics.
    pub metrics: &'a DocumentMetrics,
    /// Per-sentence metrics.
    pub sentence_metrics: &'a [SentenceMetrics],
    /// The active profile.
    pub profile: &'a str,
    /// Threshold for metric rules, by rule index (after profile and config overrides).
    pub max_for: &'a dyn Fn(usize) -> Option<f64>,
    /// Whether the rule with this index is on (engines may skip work for rules that are off).
    pub enabled: &'a dyn Fn(usize) -> bool,
}

/// One raw finding of an engine.
#[derive(Debug, Clone)]
pub struct Hit {
    /// Index of the rule in the rule set.
    pub rule: usize,
    /// Where.
    pub span: Span,
    /// Replacements (already adapted to the matched text's case).
    pub suggestions: Vec<Suggestion>,
    /// Measured value (metric rules).
    pub value: Option<f64>,
    /// Threshold that was exceeded (metric rules).
    pub max: Option<f64>,
}

/// A compiled rule kind.
pub trait Engine: Send + Sync {
    /// Runs every rule of this kind over the text.
    fn run(&self, ctx: &Ctx<'_>, out: &mut Vec<Hit>);

    /// Adds the indices of this kind's rules that report the structural fact `fact` (see
    /// [`structure`]). Kinds that look at text report none.
    fn fact_rules(&self, _fact: &str, _out: &mut Vec<usize>) {}
}

/// Adapts a replacement to the case of the text it replaces: "Sakarā ar" → "Dēļ".
pub fn match_case(original: &str, replacement: &str) -> String {
    let mut chars = original.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    let all_upper = first_upper
        && original.chars().filter(|c| c.is_alphabetic()).count() > 1
        && original
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    if all_upper {
        return replacement.to_uppercase();
    }
    if first_upper {
        let mut r = replacement.chars();
        return match r.next() {
            Some(f) => f.to_uppercase().chain(r).collect(),
            None => String::new(),
        };
    }
    replacement.to_string()
}

/// Builds suggestions over `span` from a rule's replacement list.
pub fn suggestions_for(
    text: &str,
    span: Span,
    replacements: &[String],
    safe: bool,
) -> Vec<Suggestion> {
    let original = &text[span.start..span.end];
    replacements
        .iter()
        .enumerate()
        .map(|(i, r)| Suggestion {
            replacement: match_case(original, r),
            span,
            safe: safe && i == 0,
            note: None,
        })
        .collect()
}
