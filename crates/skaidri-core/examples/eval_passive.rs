//! Precision, recall and F1 of the passive rules (PA001 tikt + participle,
//! PA002 būt + participle, PA006 the same negated) against UD Latvian-LVTB gold.
//!
//! `cargo run --release -p skaidri-core --example eval_passive -- [FILE.conllu]`
//! (default: the dev file under the shared data folder; skips cleanly when
//! it is absent).
//!
//! Unit: one passive construction, identified by its participle. Gold: a
//! token with `Voice=Pass` and `Tense=Past` (a -ts/-ta participle) that has
//! a dependent *tikt* or *būt* attached as `aux` or `aux:pass`. Predicted:
//! a PA001/PA002/PA006 finding, whose span ends at the participle. A prediction
//! is right when its end offset equals the gold participle's end offset in
//! the sentence text (`# text`). PA003 (būt + -ams) is not scored: LVTB
//! annotates those as copula + adjective-like participle, not `aux:pass`.

#![allow(clippy::expect_used)] // a measurement tool: the embedded rules are tested to load

#[path = "support/shared_data.rs"]
mod shared_data;

use skaidri_core::rules::RuleSet;
use skaidri_core::{Analyzer, Settings};
use std::collections::HashSet;

struct Tok {
    id: String,
    form: String,
    lemma: String,
    feats: String,
    head: String,
    deprel: String,
}

fn main() {
    let Some(path) = shared_data::input("ud-lvtb/lv_lvtb-ud-dev.v2.17.conllu") else {
        return;
    };
    let verbose = std::env::args().any(|a| a == "-v");
    let data = std::fs::read_to_string(&path).unwrap_or_default();
    let rules = RuleSet::embedded().expect("embedded rules");
    let rules = std::sync::Arc::new(rules);
    let analyzer = |ids: &[&str]| {
        Analyzer::new(
            rules.clone(),
            Settings {
                only: Some(ids.iter().map(|s| s.to_string()).collect()),
                ..Settings::default()
            },
        )
    };
    let variants: [(&str, Vec<&str>, Option<&str>); 3] = [
        ("tikt (PA001)", vec!["PA001"], Some("tikt")),
        (
            "būt (PA002 + PA006 negated)",
            vec!["PA002", "PA006"],
            Some("būt"),
        ),
        ("both", vec!["PA001", "PA002", "PA006"], None),
    ];
    let mut sentences: Vec<(String, Vec<Tok>)> = Vec::new();
    let mut text = String::new();
    let mut toks = Vec::new();
    for line in data.lines() {
        if let Some(t) = line.strip_prefix("# text = ") {
            text = t.to_string();
        } else if line.is_empty() {
            if !toks.is_empty() {
                sentences.push((std::mem::take(&mut text), std::mem::take(&mut toks)));
            }
        } else if !line.starts_with('#') {
            let c: Vec<&str> = line.split('\t').collect();
            if c.len() == 10 && !c[0].contains('-') && !c[0].contains('.') {
                toks.push(Tok {
                    id: c[0].into(),
                    form: c[1].into(),
                    lemma: c[2].into(),
                    feats: c[5].into(),
                    head: c[6].into(),
                    deprel: c[7].into(),
                });
            }
        }
    }
    if !toks.is_empty() {
        sentences.push((text, toks));
    }
    println!("{}: {} sentences", path.display(), sentences.len());
    println!(
        "{:<14} {:>5} {:>5} {:>5} {:>7} {:>7} {:>7}",
        "rules", "gold", "pred", "tp", "P", "R", "F1"
    );
    for (name, ids, aux) in &variants {
        let a = analyzer(ids);
        let (mut gold_n, mut pred_n, mut tp) = (0usize, 0usize, 0usize);
        for (text, toks) in &sentences {
            // token end offsets by sequential search
            let mut ends = Vec::with_capacity(toks.len());
            let mut pos = 0;
            for t in toks {
                match text[pos..].find(&t.form) {
                    Some(i) => {
                        pos += i + t.form.len();
                        ends.push(Some(pos));
                    }
                    None => ends.push(None),
                }
            }
            let gold: HashSet<usize> = toks
                .iter()
                .enumerate()
                .filter(|(_, t)| t.feats.contains("Voice=Pass") && t.feats.contains("Tense=Past"))
                .filter(|(_, t)| {
                    toks.iter().any(|k| {
                        k.head == t.id
                            && matches!(k.deprel.as_str(), "aux" | "aux:pass")
                            && match aux {
                                Some(l) => k.lemma == *l,
                                None => k.lemma == "tikt" || k.lemma == "būt",
                            }
                    })
                })
                .filter_map(|(i, _)| ends[i])
                .collect();
            let report = a.check(text);
            let pred: HashSet<usize> = report.diagnostics.iter().map(|d| d.span.end).collect();
            let hit = gold.intersection(&pred).count();
            if verbose && (hit < gold.len() || hit < pred.len()) && ids.len() == 2 {
                let fp: Vec<&str> = report
                    .diagnostics
                    .iter()
                    .filter(|d| !gold.contains(&d.span.end))
                    .map(|d| d.text.as_str())
                    .collect();
                let fnn: Vec<&str> = toks
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| {
                        ends[*i].is_some_and(|e| gold.contains(&e) && !pred.contains(&e))
                    })
                    .map(|(_, t)| t.form.as_str())
                    .collect();
                println!("  FP {fp:?} FN {fnn:?} :: {text}");
            }
            gold_n += gold.len();
            pred_n += pred.len();
            tp += hit;
        }
        let p = tp as f64 / pred_n.max(1) as f64;
        let r = tp as f64 / gold_n.max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        println!("{name:<14} {gold_n:>5} {pred_n:>5} {tp:>5} {p:>7.3} {r:>7.3} {f:>7.3}");
    }
}
