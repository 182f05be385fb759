//! Golden results: every reading, `is_known` and suggestion for a few
//! hundred diverse forms (a sample of UD Latvian dev forms and of the
//! Labour Protection Law, plus case variants, terms and misspellings)
//! must equal `tests/data/golden_expected.txt`. Guards speed work on the
//! loader and engine against any change in results. After an intended
//! change of results, regenerate with
//! `SKAIDRI_BLESS=1 cargo test -p skaidri-morph --test golden` and review
//! the diff.

#![allow(clippy::unwrap_used)]

use std::fmt::Write;

use skaidri_morph::Morphology;

const WORDS: &str = include_str!("data/golden_words.txt");
const EXPECTED_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/golden_expected.txt"
);

fn render() -> String {
    let m = Morphology::embedded();
    let mut out = String::new();
    for w in WORDS.lines().map(str::trim).filter(|w| !w.is_empty()) {
        let known = m.is_known(w);
        writeln!(out, "{w}\tknown={known} term={}", m.is_known_term(w)).unwrap();
        for a in m.analyze(w) {
            writeln!(
                out,
                "  {}|{}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{}|{}|{}",
                a.lemma,
                a.stem,
                a.pos,
                a.case,
                a.number,
                a.gender,
                a.person,
                a.tense,
                a.verb_form,
                a.degree,
                a.derivation,
                a.reflexive,
                a.negated,
                a.raw
            )
            .unwrap();
        }
        if !known {
            writeln!(out, "  suggest {:?}", m.suggest(w, 5)).unwrap();
        }
    }
    out
}

#[test]
fn analyses_match_the_golden_file() {
    let got = render();
    if std::env::var_os("SKAIDRI_BLESS").is_some() {
        std::fs::write(EXPECTED_PATH, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(EXPECTED_PATH).unwrap();
    if got != want {
        let first = got
            .lines()
            .zip(want.lines())
            .position(|(g, w)| g != w)
            .unwrap_or(got.lines().count().min(want.lines().count()));
        panic!(
            "results differ from tests/data/golden_expected.txt at line {}:\n got: {:?}\nwant: {:?}",
            first + 1,
            got.lines().nth(first),
            want.lines().nth(first)
        );
    }
}
