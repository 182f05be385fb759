//! Calibrates the rare-word threshold (rule FW100, kind `rare-word`): for
//! each Zipf threshold, the share of FullStack-LV news sentences that would
//! get a finding. The rule's default is the highest threshold under 3 %.
//!
//! `cargo run --release -p skaidri-core --example calibrate_rare -- [FILE.tsv]`
//! (default: fullstack/fullstack.news.tsv; skips cleanly when absent).

#[path = "support/shared_data.rs"]
mod shared_data;

use skaidri_core::morph::{Annotations, Morphology};
use skaidri_core::rules::kind::rare::zipf_for;
use skaidri_core::segment::{segment, TokenKind};

fn main() {
    let Some(path) = shared_data::input("fullstack/fullstack.news.tsv") else {
        return;
    };
    let sentences = shared_data::fullstack_sentences(&path);
    let m = Morphology::embedded();
    // the rarest eligible word of each sentence, and the longest unlisted one
    let mut mins: Vec<(f32, String)> = Vec::new();
    let mut longest: Vec<(usize, bool, String)> = Vec::new();
    for s in &sentences {
        let seg = segment(s);
        let ann = Annotations::new(s, &seg, m);
        let mut best: Option<(f32, String)> = None;
        let mut long: Option<(usize, bool, String)> = None;
        for sent in &seg.sentences {
            let first = sent
                .tokens
                .clone()
                .find(|&i| seg.tokens[i].kind == TokenKind::Word);
            for i in sent.tokens.clone() {
                if seg.tokens[i].kind != TokenKind::Word {
                    continue;
                }
                let w = seg.tokens[i].text(s);
                if let Some(z) = zipf_for(m, w, ann.analyses(i), Some(i) == first) {
                    let n = w.chars().count();
                    let foreign =
                        skaidri_core::rules::kind::rare::looks_borrowed(&w.to_lowercase());
                    if z < 3.0 && long.as_ref().is_none_or(|l| n > l.0) {
                        long = Some((n, foreign, w.to_string()));
                    }
                    if best.as_ref().is_none_or(|b| z < b.0) {
                        best = Some((z, w.to_string()));
                    }
                }
            }
        }
        if let Some(b) = best {
            mins.push(b);
        }
        if let Some(l) = long {
            longest.push(l);
        }
    }
    let n = sentences.len() as f64;
    println!("{}: {} sentences", path.display(), sentences.len());
    for t10 in 5..=35 {
        let t = t10 as f32 / 10.0;
        let c = mins.iter().filter(|m| m.0 < t).count();
        println!("zipf < {t:.1}: {:5.2} % of sentences", 100.0 * c as f64 / n);
    }
    println!(
        "the wordfreq list stops at zipf 3.0, so a lower threshold only means \"not listed\":"
    );
    for len in 6..=16 {
        let c = longest.iter().filter(|l| l.0 >= len).count();
        let cf = longest.iter().filter(|l| l.0 >= len && l.1).count();
        println!(
            "unlisted, {len:2}+ letters: {:5.2} % of sentences; and borrowed-looking: {:5.2} %",
            100.0 * c as f64 / n,
            100.0 * cf as f64 / n
        );
    }
    let mut ex: Vec<&(f32, String)> = mins.iter().filter(|m| m.0 < 3.0).collect();
    ex.sort_by(|a, b| a.0.total_cmp(&b.0));
    let step = (ex.len() / 30).max(1);
    let words: Vec<String> = ex
        .iter()
        .step_by(step)
        .take(30)
        .map(|(z, w)| format!("{w} ({z:.1})"))
        .collect();
    println!("sample of unlisted words: {}", words.join(", "));
    let reported: Vec<&str> = longest
        .iter()
        .filter(|l| l.0 >= skaidri_core::rules::kind::rare::MIN_LETTERS && l.1)
        .map(|l| l.2.as_str())
        .take(40)
        .collect();
    println!("reported by FW100 (first 40): {}", reported.join(", "));
}
