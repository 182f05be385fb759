//! Speed of loading the lv_LV dictionary, analysing real text (the Labour
//! Protection Law, an official act not protected by copyright) and
//! suggesting spellings. Run: `cargo bench -p skaidri-morph`.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use skaidri_morph::{AnalysisCache, Morphology, LV_AFF, LV_DIC};

const TEXT: &str = include_str!("data/darba_aizsardzibas_likums.txt");

fn words() -> Vec<&'static str> {
    TEXT.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("load");
    g.sample_size(10);
    g.bench_function("from_hunspell lv_LV", |b| {
        b.iter(|| Morphology::from_hunspell(black_box(LV_AFF), black_box(LV_DIC)))
    });
    g.finish();

    let m = Morphology::embedded();
    let ws = words();
    let mut g = c.benchmark_group("analyze");
    g.throughput(Throughput::Elements(ws.len() as u64));
    g.bench_function("labour law, every token", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for w in &ws {
                n += m.analyze(black_box(w)).len();
            }
            n
        })
    });
    g.bench_function("labour law, every token, warm AnalysisCache", |b| {
        let mut cache = AnalysisCache::new(0);
        for w in &ws {
            cache.analyze(m, w);
        }
        b.iter(|| {
            let mut n = 0usize;
            for w in &ws {
                n += cache.analyze(m, black_box(w)).len();
            }
            n
        })
    });
    g.bench_function("labour law, is_known", |b| {
        b.iter(|| ws.iter().filter(|w| m.is_known(black_box(w))).count())
    });
    g.finish();

    let mut g = c.benchmark_group("suggest");
    let _ = m.suggest("pasvaldiba", 5); // build the folded index once
    for w in ["pasvaldiba", "sniegsana", "iestdes", "nodrosinasanai"] {
        g.bench_function(w, |b| b.iter(|| m.suggest(black_box(w), 5)));
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
