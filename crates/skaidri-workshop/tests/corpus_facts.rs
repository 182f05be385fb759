//! Fact extraction on the real corpus: a text compared with itself keeps every fact, and the
//! extractor finds the references and dates a reader of these texts relies on.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use skaidri_workshop::facts::{extract, FactIndex, FactKind};
use std::path::PathBuf;

fn corpus_files() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut v = Vec::new();
    for dir in ["acts", "legal", "saeima"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt") {
                v.push(p);
            }
        }
    }
    v.sort();
    v
}

#[test]
fn every_corpus_text_keeps_its_own_facts() {
    let files = corpus_files();
    assert!(files.len() >= 5);
    for p in files {
        let text = std::fs::read_to_string(&p).unwrap();
        let facts = extract(&text);
        assert!(!facts.is_empty(), "{}: no facts", p.display());
        let idx = FactIndex::new(&text);
        let lost: Vec<&str> = facts
            .iter()
            .filter(|f| idx.find(f).is_none())
            .map(|f| f.text.as_str())
            .collect();
        assert!(lost.is_empty(), "{}: {lost:?}", p.display());
    }
}

#[test]
fn the_labour_protection_law_has_its_references_and_dates() {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../corpus/acts/darba-aizsardzibas-likums.txt");
    let text = std::fs::read_to_string(p).unwrap();
    let facts = extract(&text);
    let has = |kind: FactKind, s: &str| facts.iter().any(|f| f.kind == kind && f.text == s);
    assert!(
        has(FactKind::Reference, "12.panta otrās daļas"),
        "article references"
    );
    assert!(has(FactKind::Date, "28.04.2010."), "numeric dates");
    assert!(
        has(FactKind::Name, "Valsts darba inspekcijas"),
        "institution names"
    );
    // One fact per name whatever the case: the first mention is "Ministru kabineta".
    let cabinet: Vec<&str> = facts
        .iter()
        .filter(|f| f.kind == FactKind::Name && f.text.starts_with("Ministru kabinet"))
        .map(|f| f.text.as_str())
        .collect();
    assert_eq!(cabinet.len(), 1, "{cabinet:?}");
}
