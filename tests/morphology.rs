//! End-to-end tests of the morphology-driven features of the `skaidri` binary: the
//! done-means of issue 3 (lemma rules, inflected suggestions), `--dict` user word lists,
//! spelling suggestions in the output, and readings in `analyze --format json`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

fn check_json(args: &[&str], input: &str) -> Value {
    let mut child = Command::new(env!("CARGO_BIN_EXE_skaidri"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("bad JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

fn diagnostics(v: &Value) -> Vec<Value> {
    v["files"][0]["diagnostics"].as_array().unwrap().clone()
}

fn replacements(d: &Value) -> Vec<String> {
    d["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["replacement"].as_str().unwrap().to_string())
        .collect()
}

// See: issue 3 (done means)
#[test]
fn nominal_light_verb_phrase_is_flagged_through_its_lemma_rule() {
    let v = check_json(
        &["check", "--format", "json", "-"],
        "Pārbaudes veikšana tika uzticēta VID.",
    );
    let d = diagnostics(&v);
    let of009 = d.iter().find(|d| d["rule"] == "OF009").expect("OF009");
    assert_eq!(of009["text"], "Pārbaudes veikšana");
}

// See: issue 3 (done means)
#[test]
fn light_verb_gets_the_inflected_plain_verb() {
    let v = check_json(
        &["check", "--format", "json", "-"],
        "Inspektori veica pārbaudi.",
    );
    let d = diagnostics(&v);
    let of009 = d.iter().find(|d| d["rule"] == "OF009").expect("OF009");
    assert_eq!(replacements(of009), ["pārbaudīja", "pārbaudīt"]);
}

#[test]
fn misspellings_get_suggestions_and_terms_stay_quiet() {
    let v = check_json(
        &["check", "--format", "json", "--only", "SP001", "-"],
        "VARAM un VID: iesniegums jāiesniedz pasvaldibā.",
    );
    let d = diagnostics(&v);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0]["text"], "pasvaldibā");
    assert_eq!(replacements(&d[0])[0], "pašvaldībā");
}

#[test]
fn dict_words_are_not_misspelt() {
    let dir = tempfile::tempdir().unwrap();
    let dict = dir.path().join("vardi.txt");
    std::fs::write(&dict, "# mūsu vārdi\npasvaldibā\n").unwrap();
    let v = check_json(
        &[
            "check",
            "--format",
            "json",
            "--only",
            "SP001",
            "--dict",
            dict.to_str().unwrap(),
            "-",
        ],
        "Iesniegums jāiesniedz pasvaldibā.",
    );
    assert!(diagnostics(&v).is_empty());
}

#[test]
fn analyze_json_lists_readings() {
    let v = check_json(&["analyze", "--format", "json", "-"], "Pārbaudes veikšana.");
    let toks = v["sentences"][0]["tokens"].as_array().unwrap();
    let r = &toks[1]["readings"][0];
    assert_eq!(r["lemma"], "veikšana");
    assert_eq!(r["pos"], "noun");
    assert_eq!(r["case"], "nom");
    assert_eq!(r["verb"], "veikt");
    let r = toks[0]["readings"].as_array().unwrap();
    assert!(r
        .iter()
        .any(|r| r["case"] == "gen" && r["number"] == "sing"));
}
