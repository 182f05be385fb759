//! Analysis time per edit without the language server around it: the same 50 kB
//! document and the same 200 edits as `examples/bench_lsp.rs` (type "Sakarā ar " at the
//! start of a line, delete it again, walking through the text), checked after every edit
//! with [`Analyzer::check_incremental`] (one cache, as the server keeps per document)
//! and, for comparison, with a full [`Analyzer::check`].
//!
//! `cargo run --release -p skaidri-core --example bench_incremental` (also run by
//! `scripts/bench-lsp.sh`). Prints p50/p95/mean wall time and the process CPU time of
//! each loop; on a busy machine trust the CPU time.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::manual_is_multiple_of
)]

use skaidri_core::rules::RuleSet;
use skaidri_core::{Analyzer, IncrementalCache, Settings};
use std::path::Path;
use std::time::{Duration, Instant};

const DOC_BYTES: usize = 50_000;
const EDITS: usize = 200;

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
}

/// Corpus texts concatenated and cut at a line end near 50 kB (as `bench_lsp`).
fn document() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut files = Vec::new();
    walk(&root, &mut files);
    files.sort();
    let texts: Vec<String> = files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let mut doc = String::new();
    while doc.len() < DOC_BYTES {
        for t in &texts {
            doc.push_str(t);
            doc.push('\n');
        }
    }
    let cut = doc[..DOC_BYTES].rfind('\n').unwrap_or(DOC_BYTES);
    doc.truncate(cut + 1);
    doc
}

/// The text after edit `i` (applied to the text after edit `i - 1`).
fn apply(doc: &mut String, i: usize, lines: usize) {
    let line = (i / 2 * 7) % lines;
    let start = doc
        .split_inclusive('\n')
        .take(line)
        .map(str::len)
        .sum::<usize>();
    if i % 2 == 0 {
        doc.insert_str(start, "Sakarā ar ");
    } else {
        doc.replace_range(start..start + "Sakarā ar ".len(), "");
    }
}

fn cpu() -> Duration {
    // utime + stime of this process, from /proc (Linux); zero elsewhere.
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit(')')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    Duration::from_millis((ticks(11) + ticks(12)) * 10)
}

fn report(name: &str, mut times: Vec<Duration>, cpu: Duration) {
    times.sort();
    let p = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let mean = times.iter().sum::<Duration>() / times.len() as u32;
    println!(
        "{name}: p50 {:.2} ms, p95 {:.2} ms, mean {:.2} ms, max {:.2} ms; CPU {:.2} ms per edit",
        ms(p(0.5)),
        ms(p(0.95)),
        ms(mean),
        ms(*times.last().unwrap()),
        ms(cpu) / times.len() as f64
    );
}

fn main() {
    let analyzer = Analyzer::new(RuleSet::embedded().unwrap(), Settings::default());
    let mut doc = document();
    let lines = doc.lines().count();
    println!(
        "document: {} bytes, {lines} lines; {EDITS} edits",
        doc.len()
    );
    let mut cache = IncrementalCache::new();
    let t = Instant::now();
    let first = analyzer.check_incremental(&doc, &mut cache);
    println!(
        "first check (cold cache, dictionary built): {:.1} ms, {} findings, {} pieces",
        t.elapsed().as_secs_f64() * 1e3,
        first.diagnostics.len(),
        cache.last_stats().pieces
    );
    let original = doc.clone();
    // `--incremental-only` skips the full-check loop (for profiling).
    let only = std::env::args().any(|a| a == "--incremental-only");
    for (name, incremental) in [("incremental check", true), ("full check", false)] {
        if only && !incremental {
            continue;
        }
        doc.clone_from(&original);
        let mut times = Vec::with_capacity(EDITS);
        let mut reused = 0;
        let c0 = cpu();
        for i in 0..EDITS {
            apply(&mut doc, i, lines);
            let t = Instant::now();
            let r = if incremental {
                let r = analyzer.check_incremental(&doc, &mut cache);
                reused += cache.last_stats().reused;
                r
            } else {
                analyzer.check(&doc)
            };
            times.push(t.elapsed());
            std::hint::black_box(r);
        }
        report(name, times, cpu() - c0);
        if incremental {
            println!(
                "  pieces reused per edit: {:.1} of {}",
                reused as f64 / EDITS as f64,
                cache.last_stats().pieces
            );
        }
    }
}
