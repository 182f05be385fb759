//! Compares `Morphology::suggest` with spellbook 0.4 (pure-Rust hunspell
//! checker/speller) on misspellings made from UD Latvian-LVTB word forms
//! that the dictionary knows:
//! * "nodiacritics": every diacritic removed (drafts typed without them);
//! * "typo": one deterministic edit (delete, swap, or double a letter).
//!
//! `cargo run --release -p skaidri-morph --example compare_suggest -- FILE.conllu [N]`

use std::time::Instant;

use skaidri_morph::{Morphology, LV_AFF, LV_DIC};

fn strip_diacritics(w: &str) -> String {
    w.chars()
        .map(|c| match c {
            'ā' => 'a',
            'č' => 'c',
            'ē' => 'e',
            'ģ' => 'g',
            'ī' => 'i',
            'ķ' => 'k',
            'ļ' => 'l',
            'ņ' => 'n',
            'š' => 's',
            'ū' => 'u',
            'ž' => 'z',
            c => c,
        })
        .collect()
}

fn typo(w: &str, i: usize) -> String {
    let mut c: Vec<char> = w.chars().collect();
    let pos = 1 + i % (c.len() - 2);
    match i % 3 {
        0 => {
            c.remove(pos);
        }
        1 => c.swap(pos, pos + 1),
        _ => c.insert(pos, c[pos]),
    }
    c.into_iter().collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: compare_suggest FILE.conllu [N]");
        std::process::exit(2);
    };
    let n: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(300);
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("note: cannot read {path}; skipping");
        return;
    };
    let m = Morphology::embedded();
    let t = Instant::now();
    let sb = match spellbook::Dictionary::new(LV_AFF, LV_DIC) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("spellbook failed to load lv_LV: {e:?}");
            return;
        }
    };
    println!("spellbook load: {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
    // Distinct lower-case word forms of 5+ letters the dictionary knows.
    let mut forms: Vec<String> = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 4 || matches!(cols[3], "PUNCT" | "PROPN" | "X" | "SYM") {
            continue;
        }
        let w = cols[1];
        if w.chars().count() >= 5
            && w.chars().all(|c| c.is_lowercase())
            && m.is_known(w)
            && !forms.iter().any(|f| f == w)
        {
            forms.push(w.to_owned());
        }
    }
    let _ = m.suggest("pasvaldiba", 5); // build the folded index first
    for kind in ["nodiacritics", "typo"] {
        let mut cases: Vec<(String, String)> = Vec::new();
        for (i, w) in forms.iter().enumerate() {
            let bad = if kind == "typo" {
                typo(w, i)
            } else {
                strip_diacritics(w)
            };
            if bad != *w && !m.is_known(&bad) && !sb.check(&bad) {
                cases.push((bad, w.clone()));
            }
            if cases.len() >= n {
                break;
            }
        }
        for (name, which) in [("skaidri-morph", 0), ("spellbook", 1)] {
            let (mut top1, mut top5) = (0, 0);
            let mut worst = 0f64;
            let t = Instant::now();
            for (bad, good) in &cases {
                let t1 = Instant::now();
                let s: Vec<String> = if which == 0 {
                    m.suggest(bad, 5)
                } else {
                    let mut out = Vec::new();
                    sb.suggest(bad, &mut out);
                    out.truncate(5);
                    out
                };
                worst = worst.max(t1.elapsed().as_secs_f64());
                top1 += usize::from(s.first() == Some(good));
                top5 += usize::from(s.contains(good));
            }
            let dt = t.elapsed().as_secs_f64();
            println!(
                "{kind:<12} {name:<13} n={:<4} top1 {:.3}  top5 {:.3}  mean {:.2} ms  max {:.1} ms",
                cases.len(),
                top1 as f64 / cases.len() as f64,
                top5 as f64 / cases.len() as f64,
                dt * 1e3 / cases.len() as f64,
                worst * 1e3
            );
        }
    }
}
