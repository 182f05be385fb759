//! False-alarm rate of a spelling rule on FullStack-LV news: the share of
//! sentences with at least one finding, and a deterministic sample of
//! findings to classify by hand. The rule is SP001 (likely typos, info)
//! unless a third argument names another (SP002: other unknown words, hint).
//!
//! `cargo run --release -p skaidri-core --example eval_spelling -- [FILE.tsv] [SAMPLE] [RULE]`
//! (default: fullstack/fullstack.news.tsv under the shared data folder;
//! skips cleanly when absent). Also prints the cost of computing
//! suggestions for the sampled words.

#![allow(clippy::expect_used)] // a measurement tool: the embedded rules are tested to load

#[path = "support/shared_data.rs"]
mod shared_data;

use skaidri_core::rules::RuleSet;
use skaidri_core::{Analyzer, Settings};

fn main() {
    let Some(path) = shared_data::input("fullstack/fullstack.news.tsv") else {
        return;
    };
    let sample: usize = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(30);
    let sentences = shared_data::fullstack_sentences(&path);
    let rule = std::env::args().nth(3).unwrap_or_else(|| "SP001".into());
    let rules = RuleSet::embedded().expect("embedded rules");
    let a = Analyzer::new(
        rules,
        Settings {
            only: Some(vec![rule.clone()]),
            ..Settings::default()
        },
    );
    let t0 = std::time::Instant::now();
    let mut flagged = 0;
    let mut findings: Vec<(String, String)> = Vec::new();
    let mut words = 0usize;
    for s in &sentences {
        let r = a.check(s);
        words += r.metrics.words;
        if !r.diagnostics.is_empty() {
            flagged += 1;
        }
        for d in r.diagnostics {
            findings.push((d.text, s.clone()));
        }
    }
    let dt = t0.elapsed();
    println!(
        "{} {rule}: {} sentences, {} words, {} findings; sentences with a finding: {} ({:.1} %); checked in {:.2} s",
        path.display(),
        sentences.len(),
        words,
        findings.len(),
        flagged,
        100.0 * flagged as f64 / sentences.len().max(1) as f64,
        dt.as_secs_f64()
    );
    let step = (findings.len() / sample.max(1)).max(1);
    let t1 = std::time::Instant::now();
    let mut n = 0;
    for (w, s) in findings.iter().step_by(step).take(sample) {
        let sug = skaidri_core::morph::spelling_suggestions(w, 5);
        n += 1;
        let ctx: String = s.chars().take(110).collect();
        println!("{w:<20} {sug:?}\n    {ctx}");
    }
    println!(
        "suggestions for {n} words: {:.1} ms per word (first call builds the folded index)",
        t1.elapsed().as_secs_f64() * 1e3 / n.max(1) as f64
    );
}
