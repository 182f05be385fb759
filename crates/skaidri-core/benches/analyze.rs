//! Benchmarks: loading and compiling the embedded rules, segmenting and checking a whole
//! real law (corpus/acts/darba-aizsardzibas-likums.txt, ~40 kB).
//! Run: cargo bench -p skaidri-core

#![allow(clippy::expect_used)] // a measurement tool: the embedded rules are tested to load

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use skaidri_core::rules::RuleSet;
use skaidri_core::{segment, Analyzer, Settings};
use std::hint::black_box;
use std::sync::Arc;

const LAW: &str = include_str!("../../../corpus/acts/darba-aizsardzibas-likums.txt");

fn benches(c: &mut Criterion) {
    c.bench_function("load embedded rules", |b| {
        b.iter(|| black_box(RuleSet::embedded().map(|r| r.len())))
    });
    let rules = Arc::new(RuleSet::embedded().expect("rules"));
    let analyzer = Analyzer::new(rules, Settings::default());
    let mut g = c.benchmark_group("law");
    g.throughput(Throughput::Bytes(LAW.len() as u64));
    g.bench_function("segment", |b| {
        b.iter(|| black_box(segment::segment(LAW).tokens.len()))
    });
    g.bench_function("check", |b| {
        b.iter(|| black_box(analyzer.check(LAW).diagnostics.len()))
    });
    g.finish();
}

criterion_group!(all, benches);
criterion_main!(all);
