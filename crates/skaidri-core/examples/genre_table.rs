//! Genre check: officialese, nominalization and passive findings per 1 000 words, and the
//! sentence-length distribution, for each FullStack-LV genre.
//!
//! ```text
//! cargo run --release -p skaidri-core --example genre_table [-- --profile P]
//! ```
//! Reads `fullstack/fullstack.<genre>.tsv` from the shared data folder
//! (`SKAIDRI_SHARED_DATA`, else `<repo>/../shared/data`) and prints a Markdown table.

#[path = "common/mod.rs"]
mod common;

use skaidri_core::rules::RuleSet;
use skaidri_core::{Analyzer, Category, Settings};

const GENRES: &[&str] = &[
    "legal",
    "saeima_spoken",
    "academic",
    "news",
    "other",
    "fiction",
];
const COUNTED: &[Category] = &[
    Category::Officialese,
    Category::Nominalization,
    Category::Passive,
];

fn main() {
    let mut settings = Settings::default();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--profile" {
            settings.profile = args.next().unwrap_or_default();
        }
    }
    let dir = common::shared_data().join("fullstack");
    if !dir.is_dir() {
        println!("note: {} not found; nothing to measure", dir.display());
        return;
    }
    let rules = match RuleSet::embedded() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("rules: {e}");
            std::process::exit(2);
        }
    };
    let analyzer = Analyzer::new(rules, settings);
    println!("| genre | sentences | words | officialese /1k | nominalization /1k | passive /1k | all three /1k | words/sentence median | p75 | p90 | > 25 words | > 40 words |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let mut fiction_rate = None;
    let mut legal_rate = None;
    for g in GENRES {
        let path = dir.join(format!("fullstack.{g}.tsv"));
        let rows = match common::read_tsv(&path) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{e}");
                continue;
            }
        };
        let mut words = 0usize;
        let mut counts = [0usize; 3];
        let mut lens = Vec::new();
        for row in &rows {
            let text = row.get("text").map(String::as_str).unwrap_or("");
            let r = analyzer.check(text);
            words += r.metrics.words;
            lens.extend(r.sentences.iter().map(|s| s.words).filter(|&w| w > 0));
            for d in &r.diagnostics {
                if let Some(i) = COUNTED.iter().position(|c| *c == d.category) {
                    counts[i] += 1;
                }
            }
        }
        lens.sort_unstable();
        let per_k = |n: usize| 1000.0 * n as f64 / words.max(1) as f64;
        let all = per_k(counts.iter().sum());
        if *g == "fiction" {
            fiction_rate = Some(all);
        }
        if *g == "legal" {
            legal_rate = Some(all);
        }
        let over = |n: usize| {
            100.0 * lens.iter().filter(|&&l| l > n).count() as f64 / lens.len().max(1) as f64
        };
        println!(
            "| {g} | {} | {words} | {:.1} | {:.1} | {:.1} | {all:.1} | {} | {} | {} | {:.0} % | {:.0} % |",
            lens.len(),
            per_k(counts[0]),
            per_k(counts[1]),
            per_k(counts[2]),
            common::quantile(&lens, 0.5),
            common::quantile(&lens, 0.75),
            common::quantile(&lens, 0.9),
            over(25),
            over(40),
        );
    }
    if let (Some(l), Some(f)) = (legal_rate, fiction_rate) {
        let ratio = if f > 0.0 { l / f } else { f64::INFINITY };
        println!();
        println!(
            "legal / fiction (officialese + nominalization + passive per 1 000 words): {ratio:.1}×"
        );
    }
}
