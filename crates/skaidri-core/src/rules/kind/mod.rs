//! Rule kinds: one module per kind. Each compiles its rules into an [`Engine`] that runs
//! over a segmented text once, however many rules it holds.

pub mod abbreviation;
pub mod lemma;
pub mod metric;
pub mod nominalization;
pub mod noun_chain;
pub mod numbers;
pub mod passive;
pub mod phrase;
pub mod rare;
pub mod regex;
pub mod regex_factors;
pub mod spelling;
pub mod structure;

use crate::diagnostic::{Span, Suggestion};
use crate::morph::{Analysis, LazyAnnotations, Morphology};
use crate::readability::{DocumentMetrics, SentenceMetrics};
use crate::segment::Segmented;
use std::collections::HashSet;

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
    /// Whether messages and notes should be in English.
    pub english: bool,
    /// Morphological readings of the tokens, computed on first use.
    pub morph: &'a LazyAnnotations<'a>,
    /// Words from user and workspace dictionaries, in lower case: always
    /// spelled correctly, never rare.
    pub extra_words: &'a HashSet<String>,
}

impl Ctx<'_> {
    /// The readings of token `i` (empty for non-words and unknown words).
    pub fn analyses(&self, i: usize) -> &[Analysis] {
        self.morph.get().analyses(i)
    }

    /// The dictionary.
    pub fn morphology(&self) -> &Morphology {
        self.morph.morphology()
    }

    /// Whether `word` is in a user or workspace dictionary.
    pub fn is_extra_word(&self, word: &str) -> bool {
        !self.extra_words.is_empty()
            && (self.extra_words.contains(word) || self.extra_words.contains(&word.to_lowercase()))
    }
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

/// How much of the text an engine's findings depend on. The analyser uses it to check a
/// document a piece at a time and reuse the findings of unchanged pieces
/// ([`crate::Analyzer::check_incremental`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every finding lies inside one sentence and depends only on that sentence's tokens
    /// and text (and on the rule set and settings): never on other sentences, on
    /// [`Ctx::metrics`] or [`Ctx::sentence_metrics`], or on what was found elsewhere.
    /// Such an engine gives the same findings, shifted, when it is run on any run of
    /// whole sentences cut out of the document.
    Sentence,
    /// Findings may depend on the whole document (first use of an abbreviation, a term
    /// reported once, document readability). The safe default.
    Document,
}

/// A compiled rule kind.
pub trait Engine: Send + Sync {
    /// Runs every rule of this kind over the text.
    fn run(&self, ctx: &Ctx<'_>, out: &mut Vec<Hit>);

    /// How much of the text this engine's findings depend on (see [`Scope`]).
    fn scope(&self) -> Scope {
        Scope::Document
    }

    /// After every engine has run on the whole document, drops hits of this engine that a
    /// document-wide fact rules out. This lets a [`Scope::Sentence`] engine keep one cheap
    /// whole-document decision: its per-sentence findings are cached by the incremental
    /// check, and this filter runs again over all of them on every check (spelling: a
    /// capitalised word at the start of a sentence is a name if another sentence writes it
    /// with a capital inside). Must only remove hits, never add or change them.
    fn filter_document(&self, _ctx: &Ctx<'_>, _hits: &mut Vec<Hit>) {}

    /// Adds the indices of this kind's rules that report the structural fact `fact` (see
    /// [`structure`]). Kinds that look at text report none.
    fn fact_rules(&self, _fact: &str, _out: &mut Vec<usize>) {}
}

/// How many leading characters key the index of word-prefix patterns («nodrošin*»).
pub(crate) const KEY_CHARS: usize = 3;

/// The index key of a word prefix: its first [`KEY_CHARS`] characters, or `None` when it
/// is shorter (such patterns are tried at every word).
pub(crate) fn prefix_key(s: &str) -> Option<String> {
    let k: String = s.chars().take(KEY_CHARS).collect();
    (k.chars().count() == KEY_CHARS).then_some(k)
}

/// A rule of a pattern kind (phrase, lemma) must have `patterns = […]`.
pub(crate) fn require_patterns(
    p: &crate::rules::load::Parsed,
) -> Result<(), crate::rules::RuleError> {
    if p.patterns.is_empty() {
        return Err(crate::rules::RuleError {
            loc: p.kind_loc.clone(),
            key: Some("patterns".into()),
            message: format!("a {} rule needs `patterns = [\"…\"]`", p.info.kind),
        });
    }
    Ok(())
}

/// Reads a structural rule's `variant` key, which must be one of `names`.
pub fn variant_of<'n>(
    p: &crate::rules::load::Parsed,
    names: &[&'n str],
) -> Result<&'n str, crate::rules::RuleError> {
    let Some(v) = &p.variant else {
        return Err(crate::rules::RuleError {
            loc: p.kind_loc.clone(),
            key: Some("variant".into()),
            message: format!(
                "a `{}` rule needs `variant = \"…\"`: one of {}",
                p.info.kind,
                names.join(", ")
            ),
        });
    };
    names
        .iter()
        .copied()
        .find(|n| *n == v.value)
        .ok_or_else(|| {
            v.err(
                "variant",
                format!(
                    "unknown variant `{}`; expected one of: {}",
                    v.value,
                    names.join(", ")
                ),
            )
        })
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

/// One-rule rule sets for the unit tests of the kinds.
#[cfg(test)]
pub(crate) mod test_support {
    use crate::diagnostic::Diagnostic;
    use crate::rules::RuleSet;
    use crate::{Analyzer, Settings};

    /// The findings on `text`, default settings, of a rule `R` with the kind-specific
    /// `fields` (TOML lines such as `kind = "passive"`, `category = "passive"`) plus the
    /// keys every rule needs: a message, an explanation and an example.
    pub(crate) fn check(fields: &str, text: &str) -> Vec<Diagnostic> {
        let src = format!(
            "[[rule]]\nid = \"R\"\n{fields}\nmessage = \"m\"\nexplanation = \"e\"\n[[rule.example]]\nbad = \"x\"\ngood = \"y\"\n"
        );
        let rules = RuleSet::from_sources([("t.toml", src.as_str())]).unwrap();
        Analyzer::new(rules, Settings::default())
            .check(text)
            .diagnostics
    }

    /// The matched texts of [`check`].
    pub(crate) fn texts(fields: &str, text: &str) -> Vec<String> {
        check(fields, text).into_iter().map(|d| d.text).collect()
    }

    /// The matched texts of [`check`] with their suggested replacements.
    pub(crate) fn texts_and_suggestions(fields: &str, text: &str) -> Vec<(String, Vec<String>)> {
        check(fields, text)
            .into_iter()
            .map(|d| {
                let s = d.suggestions.into_iter().map(|s| s.replacement).collect();
                (d.text, s)
            })
            .collect()
    }
}
