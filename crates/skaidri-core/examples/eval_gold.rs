//! Measures the rule set against the annotated gold corpus.
//!
//! ```text
//! cargo run --release -p skaidri-core --example eval_gold -- corpus/gold/gold.tsv [--profile P] [--verbose]
//! ```
//! The gold file is TSV with the columns `id`, `source`, `expected`, `text` (and an optional
//! `note`): `expected` lists the categories a careful editor flags in the sentence,
//! separated by commas, or `-` for a plain sentence that must stay quiet. Prints recall per
//! category (sentences where the rule set finds an expected category / sentences that
//! expect it), findings outside the annotation, and the false-alarm rate on plain
//! sentences (any finding of severity info or above; hints are counted separately).
//! The document-level `readability` (LIX) finding is ignored: each gold line is one
//! sentence, not a document.

#[path = "common/mod.rs"]
mod common;

use skaidri_core::rules::RuleSet;
use skaidri_core::{Analyzer, Category, Settings, Severity};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

fn main() {
    let mut settings = Settings::default();
    let mut verbose = false;
    let mut file = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--profile" => settings.profile = args.next().unwrap_or_default(),
            "--verbose" | "-v" => verbose = true,
            _ => file = Some(PathBuf::from(a)),
        }
    }
    let file = file.unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus/gold/gold.tsv")
    });
    let rows = match common::read_tsv(&file) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let rules = match RuleSet::embedded() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("rules: {e}");
            std::process::exit(2);
        }
    };
    let analyzer = Analyzer::new(rules, settings);
    let mut expected_n: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut found_n: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut extra_n: BTreeMap<&'static str, usize> = BTreeMap::new();
    let (mut plain, mut plain_alarm, mut plain_hint) = (0usize, 0usize, 0usize);
    let mut plain_by_cat: BTreeMap<&'static str, usize> = BTreeMap::new();
    for (n, row) in rows.iter().enumerate() {
        let id = row.get("id").cloned().unwrap_or_default();
        let text = row.get("text").cloned().unwrap_or_default();
        let exp_raw = row.get("expected").cloned().unwrap_or_default();
        let mut expected = BTreeSet::new();
        for c in exp_raw
            .split(',')
            .map(str::trim)
            .filter(|c| !c.is_empty() && *c != "-")
        {
            match Category::parse(c) {
                Some(cat) => {
                    expected.insert(cat.as_str());
                }
                None => {
                    eprintln!(
                        "{}:{}: unknown category `{c}` ({id})",
                        file.display(),
                        n + 2
                    );
                    std::process::exit(2);
                }
            }
        }
        let report = analyzer.check(&text);
        let found: BTreeSet<&'static str> = report
            .diagnostics
            .iter()
            // document-level LIX means nothing for one sentence
            .filter(|d| d.severity != Severity::Hint && d.category != Category::Readability)
            .map(|d| d.category.as_str())
            .collect();
        let hints = report
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Hint);
        if expected.is_empty() {
            plain += 1;
            if !found.is_empty() {
                plain_alarm += 1;
            }
            for c in &found {
                *plain_by_cat.entry(c).or_default() += 1;
            }
            if hints {
                plain_hint += 1;
            }
        }
        for c in &expected {
            *expected_n.entry(c).or_default() += 1;
            if found.contains(c) {
                *found_n.entry(c).or_default() += 1;
            }
        }
        for c in found.difference(&expected) {
            *extra_n.entry(c).or_default() += 1;
        }
        let missed: Vec<_> = expected.difference(&found).collect();
        let extra: Vec<_> = found.difference(&expected).collect();
        if verbose && (!missed.is_empty() || !extra.is_empty()) {
            println!("{id}: missed {missed:?} extra {extra:?}: {text}");
            for d in &report.diagnostics {
                println!("    {} {} «{}»", d.rule, d.category.as_str(), d.text);
            }
        }
    }
    println!(
        "gold: {} ({} sentences, {} plain)",
        file.display(),
        rows.len(),
        plain
    );
    println!("profile: {}", analyzer.settings().profile);
    println!();
    println!("| category | expected | found | recall | flagged outside the annotation |");
    println!("|---|---:|---:|---:|---:|");
    let cats: BTreeSet<&str> = expected_n.keys().chain(extra_n.keys()).copied().collect();
    for c in cats {
        let e = expected_n.get(c).copied().unwrap_or(0);
        let f = found_n.get(c).copied().unwrap_or(0);
        let recall = if e > 0 {
            format!("{:.2}", f as f64 / e as f64)
        } else {
            "–".to_string()
        };
        println!(
            "| {c} | {e} | {f} | {recall} | {} |",
            extra_n.get(c).copied().unwrap_or(0)
        );
    }
    println!();
    println!(
        "false alarms on plain sentences: {plain_alarm}/{plain} = {:.1} % (findings of severity info or above)",
        100.0 * plain_alarm as f64 / plain.max(1) as f64
    );
    println!("plain sentences with a hint (not counted above): {plain_hint}/{plain}");
    let by: Vec<String> = plain_by_cat
        .iter()
        .map(|(c, n)| format!("{c} {n}"))
        .collect();
    println!("plain sentences flagged, by category: {}", by.join(", "));
}
