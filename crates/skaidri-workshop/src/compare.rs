//! Before/after comparison of an original text and a rewrite: readability, findings fixed
//! and introduced (by rule and by category), sentence lengths, and the fact check.
//!
//! Input is two texts with the [`Report`]s the analyser gave for them; the result is plain
//! data that the CLI prints and [`crate::html`] renders.

use crate::facts::{self, Fact, FactIndex};
use serde::Serialize;
use skaidri_core::readability::DocumentMetrics;
use skaidri_core::{Category, Report, Span};
use std::collections::BTreeMap;

/// How the count of one rule's (or category's) findings changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CountDelta<K> {
    /// Rule id or category.
    pub key: K,
    /// Findings in the original.
    pub before: usize,
    /// Findings in the rewrite.
    pub after: usize,
}

impl<K> CountDelta<K> {
    /// Findings that went away.
    pub fn fixed(&self) -> usize {
        self.before.saturating_sub(self.after)
    }
    /// Findings that are new.
    pub fn introduced(&self) -> usize {
        self.after.saturating_sub(self.before)
    }
}

/// One fact of the original and where it is in the rewrite.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactCheck {
    /// The fact, as found in the original.
    pub fact: Fact,
    /// Where the rewrite has it; `None` when it is missing.
    pub found: Option<Span>,
}

impl FactCheck {
    /// Whether the rewrite kept it.
    pub fn kept(&self) -> bool {
        self.found.is_some()
    }
}

/// The comparison of a rewrite with its original.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// Readability of the original.
    pub before: DocumentMetrics,
    /// Readability of the rewrite.
    pub after: DocumentMetrics,
    /// Words per sentence of the original, in order.
    pub before_sentence_words: Vec<usize>,
    /// Words per sentence of the rewrite, in order.
    pub after_sentence_words: Vec<usize>,
    /// Per rule (id), every rule found in either text, in id order.
    pub rules: Vec<CountDelta<String>>,
    /// Per category, every category found in either text, in category order.
    pub categories: Vec<CountDelta<Category>>,
    /// Every fact of the original, kept or not.
    pub facts: Vec<FactCheck>,
}

impl Comparison {
    /// LIX of the original minus LIX of the rewrite: positive is better.
    pub fn lix_gain(&self) -> f64 {
        self.before.lix - self.after.lix
    }
    /// Findings fixed, summed over rules.
    pub fn fixed(&self) -> usize {
        self.rules.iter().map(CountDelta::fixed).sum()
    }
    /// Findings introduced, summed over rules.
    pub fn introduced(&self) -> usize {
        self.rules.iter().map(CountDelta::introduced).sum()
    }
    /// Facts the rewrite kept.
    pub fn facts_kept(&self) -> usize {
        self.facts.iter().filter(|f| f.kept()).count()
    }
    /// Facts the rewrite lost.
    pub fn missing(&self) -> impl Iterator<Item = &Fact> {
        self.facts.iter().filter(|f| !f.kept()).map(|f| &f.fact)
    }
    /// Whether every fact survived.
    pub fn all_facts_kept(&self) -> bool {
        self.facts.iter().all(FactCheck::kept)
    }
    /// Findings of `category` left in the rewrite.
    pub fn after_in(&self, category: Category) -> usize {
        self.categories
            .iter()
            .find(|c| c.key == category)
            .map_or(0, |c| c.after)
    }
    /// Words in the longest sentence of the rewrite.
    pub fn longest_after(&self) -> usize {
        self.after_sentence_words.iter().copied().max().unwrap_or(0)
    }
}

fn counts<K: Ord + Clone>(a: BTreeMap<K, usize>, b: BTreeMap<K, usize>) -> Vec<CountDelta<K>> {
    let mut keys: Vec<K> = a.keys().chain(b.keys()).cloned().collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .map(|k| CountDelta {
            before: a.get(&k).copied().unwrap_or(0),
            after: b.get(&k).copied().unwrap_or(0),
            key: k,
        })
        .collect()
}

/// Compares `rewrite` (checked as `after`) with `original` (checked as `before`).
pub fn compare(original: &str, before: &Report, rewrite: &str, after: &Report) -> Comparison {
    let by_rule = |r: &Report| {
        let mut m: BTreeMap<String, usize> = BTreeMap::new();
        for d in &r.diagnostics {
            *m.entry(d.rule.to_string()).or_default() += 1;
        }
        m
    };
    let by_cat = |r: &Report| {
        let mut m: BTreeMap<Category, usize> = BTreeMap::new();
        for d in &r.diagnostics {
            *m.entry(d.category).or_default() += 1;
        }
        m
    };
    let index = FactIndex::with_morphology(rewrite, skaidri_morph::Morphology::embedded());
    let facts = facts::extract(original)
        .into_iter()
        .map(|fact| FactCheck {
            found: index.find(&fact),
            fact,
        })
        .collect();
    Comparison {
        before: before.metrics.clone(),
        after: after.metrics.clone(),
        before_sentence_words: before.sentences.iter().map(|s| s.words).collect(),
        after_sentence_words: after.sentences.iter().map(|s| s.words).collect(),
        rules: counts(by_rule(before), by_rule(after)),
        categories: counts(by_cat(before), by_cat(after)),
        facts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use skaidri_core::rules::RuleSet;
    use skaidri_core::{Analyzer, Settings};

    fn analyzer() -> Analyzer {
        Analyzer::new(RuleSet::embedded().unwrap(), Settings::default())
    }

    fn cmp(a: &str, b: &str) -> Comparison {
        let an = analyzer();
        compare(a, &an.check(a), b, &an.check(b))
    }

    #[test]
    fn fixed_and_introduced_by_rule_and_category() {
        let c = cmp(
            "Sakarā ar remontu birojs būs slēgts līdz 5. maijam.",
            "Remonta dēļ birojs būs slēgts līdz 5. maijam. Saistībā ar to zvaniet.",
        );
        let of001 = c.rules.iter().find(|r| r.key == "OF001").unwrap();
        assert_eq!((of001.before, of001.after, of001.fixed()), (1, 0, 1));
        let of002 = c.rules.iter().find(|r| r.key == "OF002").unwrap();
        assert_eq!((of002.before, of002.after, of002.introduced()), (0, 1, 1));
        let cat = c
            .categories
            .iter()
            .find(|r| r.key == Category::Officialese)
            .unwrap();
        assert_eq!((cat.before, cat.after), (1, 1));
        assert_eq!(c.after_in(Category::Officialese), 1);
        assert_eq!(c.after_sentence_words.len(), 2);
        assert!(c.all_facts_kept());
    }

    #[test]
    fn a_dropped_amount_or_reference_is_missing() {
        let c = cmp(
            "Saskaņā ar likuma 13. panta trešo daļu pabalsts ir 300,94 euro mēnesī.",
            "Pabalsts ir 300 euro mēnesī.",
        );
        let missing: Vec<&str> = c.missing().map(|f| f.text.as_str()).collect();
        assert_eq!(missing, vec!["13. panta trešo daļu", "300,94 euro"]);
        assert_eq!(c.facts_kept(), 0);
        assert!(!c.all_facts_kept());
    }

    #[test]
    fn shorter_sentences_gain_readability() {
        let c = cmp(
            "Darba devējs nodrošina, lai nodarbinātie tiktu instruēti darba aizsardzības jautājumos, kā arī nodrošina, lai instruktāža tiktu veikta darba vietā, ievērojot darba vides iekšējās uzraudzības rezultātus un nodarbināto pienākumus.",
            "Darba devējs instruē darbiniekus par darba aizsardzību. Instruktāža notiek darba vietā. Tajā ņem vērā darba vides uzraudzības rezultātus un darbinieku pienākumus.",
        );
        assert!(c.lix_gain() > 0.0, "{}", c.lix_gain());
        assert!(c.longest_after() < c.before_sentence_words[0]);
    }
}
