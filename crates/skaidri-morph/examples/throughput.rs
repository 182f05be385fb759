//! Analysis throughput over a text file, uncached and with a warm
//! [`AnalysisCache`], repeated to smooth out noise:
//! `cargo run --release -p skaidri-morph --example throughput -- FILE`

use std::time::Instant;

use skaidri_morph::{AnalysisCache, Morphology};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: throughput FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("note: cannot read {path}: {e}");
            return;
        }
    };
    let mut best = f64::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        let m = Morphology::from_hunspell(skaidri_morph::LV_AFF, skaidri_morph::LV_DIC);
        best = best.min(t.elapsed().as_secs_f64());
        drop(m);
    }
    println!("from_hunspell(lv_LV): {:.1} ms (best of 5)", best * 1e3);
    let t = Instant::now();
    let m = Morphology::embedded();
    let _ = m.analyze("iestāžu");
    println!(
        "load embedded + first analyze: {:.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let rounds = 5;
    let mut best = f64::MAX;
    for _ in 0..rounds {
        let t = Instant::now();
        let mut n = 0usize;
        for w in &words {
            n += m.analyze(w).len();
        }
        std::hint::black_box(n);
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "uncached: {} words in {:.1} ms = {:.0} words/s (best of {rounds})",
        words.len(),
        best * 1e3,
        words.len() as f64 / best
    );
    let mut cache = AnalysisCache::new(0);
    let t = Instant::now();
    for w in &words {
        std::hint::black_box(cache.analyze(m, w).len());
    }
    let cold = t.elapsed().as_secs_f64();
    let mut best = f64::MAX;
    for _ in 0..rounds {
        let t = Instant::now();
        for w in &words {
            std::hint::black_box(cache.analyze(m, w).len());
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "cached, first pass: {:.0} words/s; warm: {:.0} words/s ({} distinct forms)",
        words.len() as f64 / cold,
        words.len() as f64 / best,
        cache.len()
    );
}
