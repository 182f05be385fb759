//! Findings per rule on one whole document, for a profile: how a long real
//! text (an act, an opinion) reads in the margin.
//!
//! ```text
//! cargo run --release -p skaidri-core --example doc_rules -- [--profile P] [--show N] [FILE]
//! ```
//! (default: corpus/acts/darba-aizsardzibas-likum.txt). Prints the total, the
//! count per severity and per rule (most frequent first) with up to N
//! distinct matched texts per rule.

#![allow(clippy::expect_used)] // a measurement tool: the embedded rules are tested to load

use skaidri_core::rules::RuleSet;
use skaidri_core::{Analyzer, Settings};
use std::collections::BTreeMap;

fn main() {
    let mut settings = Settings::default();
    let mut show = 5usize;
    let mut file = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--profile" => settings.profile = args.next().unwrap_or_default(),
            "--show" => show = args.next().and_then(|s| s.parse().ok()).unwrap_or(5),
            _ => file = Some(a),
        }
    }
    let path = file.unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../corpus/acts/darba-aizsardzibas-likums.txt"
        )
        .into()
    });
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("note: cannot read {path}; skipping");
        return;
    };
    let a = Analyzer::new(RuleSet::embedded().expect("embedded rules"), settings);
    let r = a.check(&text);
    let mut by_rule: BTreeMap<String, (String, Vec<String>)> = BTreeMap::new();
    let mut by_sev: BTreeMap<String, usize> = BTreeMap::new();
    for d in &r.diagnostics {
        *by_sev.entry(format!("{:?}", d.severity)).or_default() += 1;
        let e = by_rule
            .entry(d.rule.to_string())
            .or_insert_with(|| (d.category.as_str().to_string(), Vec::new()));
        e.1.push(d.text.clone());
    }
    println!(
        "{path}: profile {}, {} findings, {} words; by severity {by_sev:?}",
        a.settings().profile,
        r.diagnostics.len(),
        r.metrics.words
    );
    let mut rows: Vec<_> = by_rule.into_iter().collect();
    rows.sort_by(|x, y| y.1 .1.len().cmp(&x.1 .1.len()).then(x.0.cmp(&y.0)));
    for (rule, (cat, texts)) in rows {
        let mut distinct: Vec<&String> = Vec::new();
        for t in &texts {
            if !distinct.contains(&t) {
                distinct.push(t);
            }
        }
        let sample: Vec<String> = distinct
            .iter()
            .take(show)
            .map(|t| format!("«{}»", t.chars().take(60).collect::<String>()))
            .collect();
        println!("{:>4} {rule} {cat}: {}", texts.len(), sample.join(" "));
    }
}
