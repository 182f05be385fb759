//! Regression guard on the annotated gold corpus (corpus/gold/gold.tsv): the knowledge rules
//! must keep their recall and stay quiet on plain sentences. The full report (all
//! categories, misses) is `cargo run --release -p skaidri-core --example eval_gold`.

use skaidri_core::rules::RuleSet;
use skaidri_core::{Analyzer, Category, Settings, Severity};
use std::collections::{BTreeMap, BTreeSet};

/// Categories whose rules are plain data (phrase, regex, lemma, metric) rather than
/// morphology detectors.
const KNOWLEDGE: &[&str] = &[
    "officialese",
    "barbarism",
    "foreign-word",
    "numbers-dates",
    "reader-address",
    "accessibility",
    "sentence-length",
];

#[test]
fn gold_corpus_recall_and_quiet_plain_sentences() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/gold/gold.tsv");
    let text = std::fs::read_to_string(path).expect("corpus/gold/gold.tsv is in the repository");
    let analyzer = Analyzer::new(RuleSet::embedded().unwrap(), Settings::default());
    let mut expected: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let (mut plain, mut plain_flagged) = (0usize, Vec::new());
    for (n, line) in text.lines().enumerate().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(cols.len() >= 4, "gold.tsv:{}: expected 4 columns", n + 1);
        let want: BTreeSet<&str> = cols[2]
            .split(',')
            .map(str::trim)
            .filter(|c| !c.is_empty() && *c != "-")
            .collect();
        for c in &want {
            assert!(
                Category::parse(c).is_some(),
                "gold.tsv:{}: unknown category {c}",
                n + 1
            );
        }
        let found: BTreeSet<&str> = analyzer
            .check(cols[3])
            .diagnostics
            .iter()
            .filter(|d| d.severity != Severity::Hint)
            .map(|d| d.category.as_str())
            .filter(|c| KNOWLEDGE.contains(c))
            .collect();
        if want.is_empty() {
            plain += 1;
            if !found.is_empty() {
                plain_flagged.push(format!("{}: {:?}", cols[0], found));
            }
        }
        for c in want.iter().filter(|c| KNOWLEDGE.contains(c)) {
            let e = expected.entry(c.to_string()).or_default();
            e.0 += 1;
            if found.contains(c) {
                e.1 += 1;
            }
        }
    }
    let recall = |c: &str| {
        let (e, f) = expected.get(c).copied().unwrap_or((0, 0));
        f as f64 / e.max(1) as f64
    };
    assert!(plain >= 50, "at least 50 plain sentences, found {plain}");
    assert!(
        recall("officialese") >= 0.8,
        "officialese recall {}",
        recall("officialese")
    );
    assert!(
        recall("sentence-length") >= 0.95,
        "sentence-length recall {}",
        recall("sentence-length")
    );
    assert!(
        recall("numbers-dates") >= 0.85,
        "numbers-dates recall {}",
        recall("numbers-dates")
    );
    assert!(
        recall("foreign-word") >= 0.85,
        "foreign-word recall {}",
        recall("foreign-word")
    );
    assert!(
        plain_flagged.len() * 100 <= plain * 5,
        "knowledge rules flag {} of {plain} plain sentences: {plain_flagged:?}",
        plain_flagged.len()
    );
}
