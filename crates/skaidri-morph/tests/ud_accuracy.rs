//! Regression guard on lemma accuracy against the UD Latvian-LVTB dev file
//! (read from `$SKAIDRI_SHARED_DATA` or `<repo>/../shared/data`; skipped
//! with a note when absent). The full report is the `eval_lemmas` example.

#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use skaidri_morph::Morphology;

fn ud_dev() -> Option<String> {
    let base = std::env::var_os("SKAIDRI_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"));
    std::fs::read_to_string(base.join("ud-lvtb/lv_lvtb-ud-dev.v2.17.conllu")).ok()
}

#[test]
fn lemma_accuracy_on_known_words() {
    let Some(text) = ud_dev() else {
        eprintln!("note: UD dev file not found; skipping lemma accuracy");
        return;
    };
    let m = Morphology::embedded();
    let (mut known, mut top, mut any) = (0usize, 0usize, 0usize);
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 4 || !cols[0].chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        if matches!(cols[3], "PUNCT" | "SYM") || !cols[1].chars().any(char::is_alphabetic) {
            continue;
        }
        let readings = m.analyze(cols[1]);
        if readings.is_empty() {
            continue;
        }
        let gold = cols[2].to_lowercase();
        known += 1;
        top += usize::from(readings[0].lemma.to_lowercase() == gold);
        any += usize::from(readings.iter().any(|a| a.lemma.to_lowercase() == gold));
    }
    let top = top as f64 / known as f64;
    let any = any as f64 / known as f64;
    // Measured 0.941 / 0.975 when written; fail on a clear regression.
    assert!(top >= 0.93, "top-reading lemma accuracy fell to {top:.4}");
    assert!(any >= 0.965, "any-reading lemma accuracy fell to {any:.4}");
}
