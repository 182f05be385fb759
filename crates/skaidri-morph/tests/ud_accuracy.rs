//! Regression guard on lemma accuracy against the UD Latvian-LVTB dev file
//! (read from `$SKAIDRI_SHARED_DATA` or `<repo>/../shared/data`; skipped
//! with a note when absent), with the sentence-context preferences applied
//! as skaidri-core applies them. The full report is the `eval_lemmas` example.

#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use skaidri_morph::{context_preferences, Analysis, ContextToken, Morphology};

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
    for sent in text.split("\n\n") {
        // (form, gold lemma, is a word) per token, and its readings.
        let mut toks: Vec<(&str, &str, bool)> = Vec::new();
        for line in sent.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 4 || !cols[0].chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            let word =
                !matches!(cols[3], "PUNCT" | "SYM") && cols[1].chars().any(char::is_alphabetic);
            toks.push((cols[1], cols[2], word));
        }
        let readings: Vec<Vec<Analysis>> = toks
            .iter()
            .map(|&(f, _, w)| if w { m.analyze(f) } else { Vec::new() })
            .collect();
        let ctx: Vec<ContextToken<'_>> = toks
            .iter()
            .zip(&readings)
            .map(|(t, r)| (t.0, r.as_slice()))
            .collect();
        let prefs = context_preferences(&ctx);
        for ((_, gold, _), (r, pref)) in toks.iter().zip(readings.iter().zip(prefs)) {
            let Some(first) = r.get(pref.unwrap_or(0)) else {
                continue;
            };
            let gold = gold.to_lowercase();
            known += 1;
            top += usize::from(first.lemma.to_lowercase() == gold);
            any += usize::from(r.iter().any(|a| a.lemma.to_lowercase() == gold));
        }
    }
    let top = top as f64 / known as f64;
    let any = any as f64 / known as f64;
    // Measured 0.955 / 0.979 with sentence context (0.941 / 0.975 when
    // first written, without); fail below the 0.95 target.
    assert!(top >= 0.95, "top-reading lemma accuracy fell to {top:.4}");
    assert!(any >= 0.965, "any-reading lemma accuracy fell to {any:.4}");
}
