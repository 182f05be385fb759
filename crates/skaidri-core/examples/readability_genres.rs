//! Readability by genre on FullStack-LV: the measurements behind the LIX bands and the
//! sentence-length thresholds (docs/readability.md).
//!
//! Each document (doc_id) is rebuilt from its sentences; per genre we print the median
//! document LIX, the sentence-length distribution (words per sentence: median, p75, p90,
//! p95), the long-word share and syllables per word, and how the documents fall into the
//! bands of the default thresholds.
//!
//! Usage: cargo run --release -p skaidri-core --example readability_genres -- DIR

use skaidri_core::readability::{measure, Band, Thresholds};
use skaidri_core::segment::segment;
use std::collections::BTreeMap;

fn pct(v: &mut [f64], p: f64) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    let i = ((v.len() - 1) as f64 * p).round() as usize;
    v[i]
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/fullstack".into());
    let t = Thresholds::default();
    println!("| genre | docs | words | median doc LIX | sentence words median / p75 / p90 / p95 | long-word share | syllables/word | bands (VE/E/M/H/VH) |");
    println!("|---|---|---|---|---|---|---|---|");
    for genre in ["fiction", "news", "saeima_spoken", "academic", "legal"] {
        let path = format!("{dir}/fullstack.{genre}.tsv");
        let Ok(data) = std::fs::read_to_string(&path) else {
            eprintln!("{path}: not found");
            continue;
        };
        let mut docs: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for line in data.lines().skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() >= 4 {
                docs.entry(cols[0].to_string())
                    .or_default()
                    .push(cols[3].to_string());
            }
        }
        let mut lix = Vec::new();
        let mut sent_words = Vec::new();
        let (mut words, mut long, mut syl_sum, mut syl_words) = (0usize, 0usize, 0.0, 0usize);
        let mut bands = [0usize; 5];
        for sents in docs.values() {
            let text = sents.join(" ");
            let seg = segment(&text);
            let (m, per) = measure(&text, &seg, &t);
            if m.words < 20 {
                continue;
            }
            lix.push(m.lix);
            words += m.words;
            long += m.long_words;
            syl_sum += m.syllables as f64;
            syl_words += (m.syllables as f64 / m.syllables_per_word.max(1e-9)).round() as usize;
            sent_words.extend(per.iter().map(|s| s.words as f64));
            bands[match Band::from_lix(m.lix, &t) {
                Band::VeryEasy => 0,
                Band::Easy => 1,
                Band::Medium => 2,
                Band::Hard => 3,
                Band::VeryHard => 4,
            }] += 1;
        }
        let n = lix.len();
        println!(
            "| {genre} | {n} | {words} | {:.1} | {:.0} / {:.0} / {:.0} / {:.0} | {:.3} | {:.2} | {}/{}/{}/{}/{} |",
            pct(&mut lix, 0.5),
            pct(&mut sent_words, 0.5),
            pct(&mut sent_words, 0.75),
            pct(&mut sent_words, 0.9),
            pct(&mut sent_words, 0.95),
            long as f64 / words.max(1) as f64,
            syl_sum / syl_words.max(1) as f64,
            bands[0], bands[1], bands[2], bands[3], bands[4]
        );
    }
}
