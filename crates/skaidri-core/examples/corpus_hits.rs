//! Which rules fire on a corpus, and on what: a noise check for rule authors.
//!
//! ```text
//! cargo run -p skaidri-core --example corpus_hits -- [--profile P] [--show N] [--rule ID] FILE.tsv…
//! ```
//! FILE is a FullStack-style TSV (a `text` column). Prints, per rule, the number of
//! sentences it fires on and up to N matched snippets with their sentence.

#[path = "common/mod.rs"]
mod common;

use skaidri_core::rules::RuleSet;
use skaidri_core::{Analyzer, Settings};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut settings = Settings::default();
    let mut show = 3usize;
    let mut only_rule: Option<String> = None;
    let mut files = Vec::new();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--profile" => settings.profile = args.next().unwrap_or_default(),
            "--show" => show = args.next().and_then(|s| s.parse().ok()).unwrap_or(3),
            "--rule" => only_rule = args.next(),
            _ => files.push(PathBuf::from(a)),
        }
    }
    let rules = match RuleSet::embedded() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("rules: {e}");
            std::process::exit(2);
        }
    };
    let analyzer = Analyzer::new(rules, settings);
    let mut hits: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let mut sentences = 0usize;
    for f in &files {
        let rows = match common::read_tsv(f) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(2);
            }
        };
        for row in rows {
            let text = row.get("text").cloned().unwrap_or_default();
            sentences += 1;
            for d in analyzer.check(&text).diagnostics {
                if only_rule.as_deref().is_some_and(|r| r != &*d.rule) {
                    continue;
                }
                hits.entry(format!("{} {}", d.rule, d.category.as_str()))
                    .or_default()
                    .push((d.text.clone(), text.clone()));
            }
        }
    }
    let mut v: Vec<_> = hits.into_iter().collect();
    v.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    println!("{sentences} sentences");
    for (rule, hs) in v {
        println!("{:5}  {rule}", hs.len());
        for (t, s) in hs.iter().take(show) {
            println!("         «{t}»  ← {s}");
        }
    }
}
