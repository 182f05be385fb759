//! Where the time of one cold `check` goes: dictionary build, per-form
//! analysis, the word-frequency list, the first spelling suggestion, and
//! the whole check.
//!
//! `cargo run --release -p skaidri-core --example profile_check -- [FILE]`
//! (default: corpus/acts/darba-aizsardzibas-likums.txt).

#![allow(clippy::expect_used)] // a measurement tool: the embedded rules are tested to load

use skaidri_core::morph::{Annotations, Morphology};
use skaidri_core::rules::RuleSet;
use skaidri_core::{segment, Analyzer, Settings};
use std::time::Instant;

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
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
    let t = Instant::now();
    let rules = RuleSet::embedded().expect("embedded rules");
    println!("load rules:            {:7.1} ms", ms(t));
    let t = Instant::now();
    let seg = segment::segment(&text);
    println!(
        "segment:               {:7.1} ms ({} tokens)",
        ms(t),
        seg.tokens.len()
    );
    let t = Instant::now();
    let m = Morphology::embedded();
    println!("build dictionary:      {:7.1} ms", ms(t));
    let t = Instant::now();
    let ann = Annotations::new(&text, &seg, m);
    let words = seg.tokens.iter().filter(|t| t.is_word()).count();
    println!(
        "annotate:              {:7.1} ms ({} words, {} distinct forms, {:.1} µs per form)",
        ms(t),
        words,
        ann.distinct_forms(),
        t.elapsed().as_secs_f64() * 1e6 / ann.distinct_forms().max(1) as f64
    );
    let t = Instant::now();
    let _ = m.zipf("un");
    println!("word frequencies:      {:7.1} ms (first use)", ms(t));
    let t = Instant::now();
    let s = m.suggest("pasvaldiba", 5);
    println!("first suggestion:      {:7.1} ms {s:?}", ms(t));
    let t = Instant::now();
    for w in [
        "sniegsana",
        "dokumnetu",
        "izraisītājfaktoru",
        "iesniegumss",
        "informacija",
    ] {
        let _ = m.suggest(w, 5);
    }
    println!("next suggestions:      {:7.1} ms per word", ms(t) / 5.0);
    let a = Analyzer::new(rules, Settings::default());
    let t = Instant::now();
    let r = a.check(&text);
    println!(
        "check (warm):          {:7.1} ms ({} findings)",
        ms(t),
        r.diagnostics.len()
    );
}
