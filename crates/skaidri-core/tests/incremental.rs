//! Property test of incremental checking: random edits of real corpus documents, and
//! after every edit the incremental report must equal a full check of the same text —
//! every finding (rule, place, message, suggestions), the document metrics and the
//! per-sentence metrics.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use skaidri_core::rules::RuleSet;
use skaidri_core::{Analyzer, IncrementalCache, Settings};

/// A small deterministic generator (xorshift64*), so a failure replays exactly.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Text typed into the document: findings of every rule kind, abbreviations that are
/// defined or not, sentence ends, line breaks and blank lines that merge or split
/// pieces, and letters that change a word.
const SNIPPETS: &[&str] = &[
    "Sakarā ar ",
    "VID",
    "Valsts ieņēmumu dienests (VID) ",
    " tiks veikta pārbaude",
    "Inspektori veica pārbaudi. ",
    ". ",
    ".\n",
    "\n",
    "\n\n",
    "a",
    "ē",
    " ",
    "1) ",
    "uz doto brīdi",
    "pasvaldiba ",
    "darba vides riska novērtēšanas ",
    "t. sk. ",
    "Nr. 5 ",
    "😀",
    "ES ",
];

fn corpus(name: &str) -> Option<String> {
    let path = format!("{}/../../corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    match std::fs::read_to_string(&path) {
        Ok(t) => Some(t),
        Err(e) => {
            eprintln!("note: {path}: {e}; skipping");
            None
        }
    }
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One random edit: insert a snippet, delete a short range, or replace one.
fn edit(text: &mut String, rng: &mut Rng) {
    let at = floor_char(text, rng.below(text.len() + 1));
    let del = match rng.below(3) {
        0 => 0,
        _ => floor_char(text, (at + rng.below(12)).min(text.len())) - at,
    };
    let ins = if rng.below(3) == 0 && del > 0 {
        ""
    } else {
        SNIPPETS[rng.below(SNIPPETS.len())]
    };
    text.replace_range(at..at + del, ins);
}

fn run(name: &str, max_bytes: usize, edits: usize, seed: u64) {
    let Some(full) = corpus(name) else { return };
    let mut text = full[..floor_char(&full, max_bytes.min(full.len()))].to_string();
    let analyzer = Analyzer::new(RuleSet::embedded().unwrap(), Settings::default());
    let mut cache = IncrementalCache::new();
    let mut rng = Rng(seed);
    let mut reused = 0;
    for step in 0..=edits {
        if step > 0 {
            edit(&mut text, &mut rng);
        }
        let inc = analyzer.check_incremental(&text, &mut cache);
        let whole = analyzer.check(&text);
        assert_eq!(
            inc.diagnostics, whole.diagnostics,
            "{name}, seed {seed}, step {step}: findings differ; text:\n{text}"
        );
        assert_eq!(inc.metrics, whole.metrics, "{name}, step {step}");
        assert_eq!(inc.sentences, whole.sentences, "{name}, step {step}");
        reused += cache.last_stats().reused;
    }
    // The test is only meaningful if pieces were reused.
    assert!(reused > edits, "{name}: only {reused} pieces reused");
}

#[test]
fn random_edits_of_an_act_match_a_full_check() {
    run("acts/darba-aizsardzibas-likums.txt", 6_000, 60, 0x5eed_0001);
}

#[test]
fn random_edits_of_a_court_text_match_a_full_check() {
    run(
        "legal/satversmes-tiesa-tiesvedibas-izbeigsana.txt",
        6_000,
        60,
        0x5eed_0002,
    );
}

#[test]
fn random_edits_of_a_debate_match_a_full_check() {
    run("saeima/stenogramma-2008-08-06.txt", 5_000, 60, 0x5eed_0003);
}
