//! Lemma, part-of-speech and case accuracy against a UD Latvian-LVTB
//! `.conllu` file.
//!
//! ```text
//! cargo run --release -p skaidri-morph --example eval_lemmas -- \
//!     ../shared/data/ud-lvtb/lv_lvtb-ud-dev.v2.17.conllu [--errors N]
//! ```
//!
//! Scoring: a *word* is a token whose UPOS is not PUNCT/SYM and that
//! contains a letter. Lemmas are compared case-insensitively (UD
//! capitalises proper-noun lemmas, sentence-initial forms are capitalised
//! in text). *top* scores the first reading `analyze` returns, *any* counts
//! a hit if any reading has the gold lemma. For unknown words the lemma is
//! the lower-cased form itself (counted in "all words"). Case accuracy is
//! over NOUN/PROPN tokens with a gold `Case=` that the dictionary knows:
//! *any* = the gold case is among the readings, *top* = first reading
//! with a case has it, *unique* = share of such tokens whose readings all
//! agree on one case.

use std::collections::BTreeMap;

use skaidri_morph::{Case, Morphology, Pos};

#[derive(Default)]
struct Tally {
    words: usize,
    known: usize,
    top_all: usize,
    top_known: usize,
    any_known: usize,
}

fn gold_case(feats: &str) -> Option<Case> {
    feats
        .split('|')
        .find_map(|f| match f.strip_prefix("Case=")? {
            "Nom" => Some(Case::Nom),
            "Gen" => Some(Case::Gen),
            "Dat" => Some(Case::Dat),
            "Acc" => Some(Case::Acc),
            "Loc" => Some(Case::Loc),
            "Voc" => Some(Case::Voc),
            "Ins" => Some(Case::Ins),
            _ => None,
        })
}

fn pos_ok(upos: &str, pos: Pos) -> bool {
    matches!(
        (upos, pos),
        ("NOUN", Pos::Noun)
            | ("PROPN", Pos::ProperNoun | Pos::Noun)
            | ("VERB" | "AUX", Pos::Verb)
            | ("ADJ", Pos::Adjective)
            | ("ADV", Pos::Adverb)
            | ("PRON" | "DET", Pos::Pronoun)
            | ("NUM", Pos::Numeral)
            | ("ADP", Pos::Preposition)
            | ("CCONJ" | "SCONJ", Pos::Conjunction)
            | ("PART", Pos::Particle)
            | ("INTJ", Pos::Interjection)
    )
}

fn pct(a: usize, b: usize) -> String {
    if b == 0 {
        "-".into()
    } else {
        format!("{:.4}", a as f64 / b as f64)
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: eval_lemmas FILE.conllu [--errors N]");
        std::process::exit(2);
    };
    let show_errors: usize = args
        .iter()
        .position(|a| a == "--errors")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let dump = args.iter().any(|a| a == "--dump");
    let no_context = args.iter().any(|a| a == "--no-context");
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("note: cannot read {path}: {e}; nothing to evaluate");
            return;
        }
    };
    let t0 = std::time::Instant::now();
    let m = Morphology::embedded();
    let _ = m.analyze("warm");
    let load = t0.elapsed();

    let mut total = Tally::default();
    let mut by_pos: BTreeMap<String, Tally> = BTreeMap::new();
    let (mut case_n, mut case_any, mut case_top, mut case_unique) = (0, 0, 0, 0);
    let (mut pos_n, mut pos_top) = (0, 0);
    let mut errors: BTreeMap<(String, String, String), usize> = BTreeMap::new();
    let t1 = std::time::Instant::now();
    // Sentence by sentence: readings of every token (punctuation too, with
    // no readings), then the context preferences over the sentence.
    let mut sentences: Vec<Vec<[&str; 4]>> = vec![Vec::new()];
    for line in text.lines() {
        if line.is_empty() {
            sentences.push(Vec::new());
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 6 || cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        if let Some(sent) = sentences.last_mut() {
            sent.push([cols[1], cols[2], cols[3], cols[5]]);
        }
    }
    let (mut top_known_nocx, mut top_all_nocx) = (0usize, 0usize);
    let mut top_known_norm = 0usize;
    let mut context_time = std::time::Duration::ZERO;
    for sent in &sentences {
        let all: Vec<Vec<skaidri_morph::Analysis>> = sent
            .iter()
            .map(|[form, _, upos, _]| {
                if matches!(*upos, "PUNCT" | "SYM") || !form.chars().any(char::is_alphabetic) {
                    Vec::new()
                } else {
                    m.analyze(form)
                }
            })
            .collect();
        let toks: Vec<skaidri_morph::ContextToken<'_>> = sent
            .iter()
            .zip(&all)
            .map(|([form, ..], r)| (*form, r.as_slice()))
            .collect();
        let tc = std::time::Instant::now();
        let choices = if no_context {
            vec![None; toks.len()]
        } else {
            skaidri_morph::context_choices(&toks)
        };
        context_time += tc.elapsed();
        let prefs: Vec<Option<usize>> = choices.iter().map(|c| c.map(|(k, _)| k)).collect();
        for ((&[form, lemma, upos, feats], (r, pref)), choice) in
            sent.iter().zip(all.iter().zip(prefs)).zip(&choices)
        {
            if matches!(upos, "PUNCT" | "SYM") || !form.chars().any(char::is_alphabetic) {
                continue;
            }
            let nocx_top = r.first().map(|a| a.lemma.to_lowercase());
            let mut readings = r.clone();
            if let Some(k) = pref {
                let a = readings.remove(k);
                readings.insert(0, a);
            }
            let gold_nocx = lemma.to_lowercase();
            if dump && pref.is_some() {
                let new = readings[0].lemma.to_lowercase();
                let old = nocx_top.clone().unwrap_or_default();
                let mark = match (old == gold_nocx, new == gold_nocx) {
                    (false, true) => "+",
                    (true, false) => "-",
                    _ => "0",
                };
                let rule = choice.map_or("", |c| c.1);
                println!("CTX\t{mark}\t{rule}\t{upos}\t{form}\t{gold_nocx}\t{new}\t{old}");
            }
            let hit_nocx = nocx_top.as_deref().unwrap_or(&form.to_lowercase()) == gold_nocx;
            top_all_nocx += usize::from(hit_nocx);
            top_known_nocx += usize::from(hit_nocx && !r.is_empty());
            let gold = lemma.to_lowercase();
            let known = !readings.is_empty();
            let top = readings
                .first()
                .map(|a| a.lemma.to_lowercase())
                .unwrap_or_else(|| form.to_lowercase());
            let any = readings.iter().any(|a| a.lemma.to_lowercase() == gold);
            // Normalised scoring: a pronoun whose gendered lemma differs
            // from gold ("sava" for gold "savs") still counts when both
            // lemmas are forms of the same dictionary entry (its stem).
            let top_norm = top == gold
                || readings.first().is_some_and(|t| {
                    t.pos == skaidri_morph::Pos::Pronoun
                        && readings.iter().any(|a| {
                            a.pos == skaidri_morph::Pos::Pronoun
                                && a.lemma.to_lowercase() == gold
                                && a.stem == t.stem
                        })
                });
            if known {
                top_known_norm += usize::from(top_norm);
            }
            for t in [&mut total, by_pos.entry(upos.to_owned()).or_default()] {
                t.words += 1;
                t.top_all += usize::from(top == gold);
                if known {
                    t.known += 1;
                    t.top_known += usize::from(top == gold);
                    t.any_known += usize::from(any);
                }
            }
            if dump && known && top != gold && any {
                let rs: Vec<String> = readings
                    .iter()
                    .map(|a| {
                        format!(
                            "{}:{:?}:{:?}:{:?}:{:?}:{:?}",
                            a.lemma, a.pos, a.case, a.number, a.gender, a.verb_form
                        )
                    })
                    .collect();
                println!("DUMP\t{upos}\t{form}\t{gold}\t{feats}\t{}", rs.join(" | "));
            }
            if known && top != gold {
                *errors
                    .entry((
                        upos.to_owned(),
                        form.to_lowercase(),
                        format!("{gold} ≠ {top}"),
                    ))
                    .or_default() += 1;
            }
            if known {
                pos_n += 1;
                pos_top += usize::from(pos_ok(upos, readings[0].pos));
            }
            if known && matches!(upos, "NOUN" | "PROPN") {
                if let Some(gc) = gold_case(feats) {
                    let cases: Vec<Case> = readings.iter().filter_map(|a| a.case).collect();
                    case_n += 1;
                    case_any += usize::from(cases.contains(&gc));
                    case_top += usize::from(cases.first() == Some(&gc));
                    case_unique +=
                        usize::from(!cases.is_empty() && cases.iter().all(|c| *c == cases[0]));
                }
            }
        }
    }
    let dt = t1.elapsed();
    println!("file: {path}");
    println!("load+first analyze: {:.1} ms", load.as_secs_f64() * 1e3);
    println!(
        "words: {}  analysed in {:.1} ms ({:.0} words/s, uncached)",
        total.words,
        dt.as_secs_f64() * 1e3,
        total.words as f64 / dt.as_secs_f64()
    );
    println!(
        "  of which the sentence-context pass: {:.1} ms ({:.2} µs per word)",
        context_time.as_secs_f64() * 1e3,
        context_time.as_secs_f64() * 1e6 / total.words.max(1) as f64
    );
    println!(
        "coverage (known words / words): {}",
        pct(total.known, total.words)
    );
    println!(
        "lemma accuracy, all words, top reading:   {}",
        pct(total.top_all, total.words)
    );
    println!(
        "lemma accuracy, known words, top reading: {}",
        pct(total.top_known, total.known)
    );
    println!(
        "  without sentence context (all / known):  {} / {}",
        pct(top_all_nocx, total.words),
        pct(top_known_nocx, total.known)
    );
    println!(
        "  pronoun gender normalised (known):     {}",
        pct(top_known_norm, total.known)
    );
    println!(
        "lemma accuracy, known words, any reading: {}",
        pct(total.any_known, total.known)
    );
    println!(
        "POS of top reading (known words, UD UPOS mapped): {}",
        pct(pos_top, pos_n)
    );
    println!(
        "noun case (NOUN/PROPN, known, n={case_n}): any reading {}  top reading {}  unambiguous {}",
        pct(case_any, case_n),
        pct(case_top, case_n),
        pct(case_unique, case_n)
    );
    println!();
    println!(
        "{:<6} {:>6} {:>8} {:>9} {:>10} {:>10}",
        "UPOS", "words", "coverage", "top(all)", "top(known)", "any(known)"
    );
    for (p, t) in &by_pos {
        println!(
            "{:<6} {:>6} {:>8} {:>9} {:>10} {:>10}",
            p,
            t.words,
            pct(t.known, t.words),
            pct(t.top_all, t.words),
            pct(t.top_known, t.known),
            pct(t.any_known, t.known)
        );
    }
    if show_errors > 0 {
        let mut errs: Vec<_> = errors.into_iter().collect();
        errs.sort_by_key(|e| std::cmp::Reverse(e.1));
        println!("\nmost frequent top-reading lemma errors (gold ≠ ours):");
        for ((upos, form, what), n) in errs.into_iter().take(show_errors) {
            println!("{n:>4}  {upos:<5} {form:<20} {what}");
        }
    }
}
