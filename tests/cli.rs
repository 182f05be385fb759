//! End-to-end tests of the real `skaidri` binary on the corpus: JSON shape, positions,
//! exit codes and error output.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_skaidri"));
    c.env("NO_COLOR", "1");
    c
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> Output {
    bin()
        .args(args)
        .current_dir(root())
        .output()
        .expect("run skaidri")
}

fn run_stdin(args: &[&str], input: &str) -> Output {
    let mut child = bin()
        .args(args)
        .current_dir(root())
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
    child.wait_with_output().unwrap()
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("bad JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

const LAW: &str = "corpus/acts/darba-aizsardzibas-likums.txt";

#[test]
fn json_has_the_documented_shape_and_positions_point_at_the_text() {
    let out = run(&["check", "--format", "json", LAW]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    assert_eq!(v["version"], 1);
    let file = &v["files"][0];
    assert_eq!(file["path"], LAW);
    for key in [
        "words",
        "sentences",
        "lix",
        "band",
        "avg_sentence_words",
        "hard_sentences",
    ] {
        assert!(!file["metrics"][key].is_null(), "metrics.{key}");
    }
    let source = std::fs::read_to_string(root().join(LAW)).unwrap();
    let lines: Vec<&str> = source.split('\n').collect();
    let diags = file["diagnostics"].as_array().unwrap();
    assert!(
        diags.len() > 10,
        "expected findings in a real law, got {}",
        diags.len()
    );
    for d in diags {
        for key in ["rule", "category", "severity", "message", "text"] {
            assert!(d[key].is_string(), "{key} in {d}");
        }
        let start = &d["range"]["start"];
        let end = &d["range"]["end"];
        let (so, eo) = (
            start["offset"].as_u64().unwrap() as usize,
            end["offset"].as_u64().unwrap() as usize,
        );
        // byte offsets slice out exactly the reported text
        assert_eq!(&source[so..eo], d["text"].as_str().unwrap());
        // line and column (Unicode scalar values) point at the same place
        let line = lines[start["line"].as_u64().unwrap() as usize - 1];
        let col = start["column"].as_u64().unwrap() as usize;
        let from_col: String = line.chars().skip(col - 1).collect();
        let text = d["text"].as_str().unwrap();
        let first_line = text.split('\n').next().unwrap();
        assert!(from_col.starts_with(first_line), "{from_col:?} vs {text:?}");
    }
}

#[test]
fn human_output_shows_the_line_a_marker_and_a_summary() {
    let out = run_stdin(
        &["check", "-"],
        "Ievads.\nSakarā ar remontu birojs būs slēgts.\n",
    );
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("<stdin>:2:1: brīdinājums[OF001]"), "{s}");
    assert!(
        s.contains("2 | Sakarā ar remontu birojs būs slēgts."),
        "{s}"
    );
    assert!(s.contains("  | ^^^^^^^^^ ieteikums: Dēļ"), "{s}");
    assert!(s.contains("LIX"), "{s}");
    assert!(
        !s.contains('\u{1b}'),
        "no colour when NO_COLOR is set / not a terminal"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn english_messages_on_request() {
    let out = run_stdin(
        &["check", "--lang", "en", "-"],
        "Sakarā ar remontu birojs būs slēgts.\n",
    );
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        s.contains("warning[OF001]") && s.contains("for a cause"),
        "{s}"
    );
}

#[test]
fn clean_text_exits_zero_and_fail_on_controls_the_threshold() {
    let out = run_stdin(&["check", "-"], "Mēs strādājam katru dienu.\n");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let info_only = "Padome pieņēma lēmumu slēgt skolu.\n"; // OF030 is info
    assert_eq!(run_stdin(&["check", "-"], info_only).status.code(), Some(0));
    assert_eq!(
        run_stdin(&["check", "--fail-on", "info", "-"], info_only)
            .status
            .code(),
        Some(1)
    );
    let warn = "Sakarā ar remontu birojs būs slēgts.\n";
    assert_eq!(
        run_stdin(&["check", "--fail-on", "never", "-"], warn)
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn missing_file_is_reported_and_other_files_still_checked() {
    let out = run(&["check", "--format", "json", "nav-tada-faila.txt", LAW]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nav-tada-faila.txt"), "{err}");
    let v = json(&out);
    assert_eq!(v["files"].as_array().unwrap().len(), 1);
    assert_eq!(v["errors"].as_array().unwrap().len(), 1);
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("slikts.txt");
    // not UTF-8 and not plausible Latvian Windows-1257 either (which would be decoded)
    std::fs::write(&p, b"Labdien, \xffpasaule").unwrap();
    let out = run(&["check", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("slikts.txt:1:10:") && err.contains("byte 9"),
        "{err}"
    );
}

fn write_rule(dir: &Path, body: &str) -> PathBuf {
    let p = dir.join("mani.toml");
    std::fs::write(&p, body).unwrap();
    p
}

#[test]
fn user_rules_add_and_override_and_bad_rules_name_file_line_column_key() {
    let dir = tempfile::tempdir().unwrap();
    let rule = r#"schema = 1
[[rule]]
id = "X001"
kind = "phrase"
category = "officialese"
message = "Mūsu iestādē neraksta «{text}»."
explanation = "Iekšējais stila noteikums."
patterns = ["kafijas pauze"]
[[rule.example]]
bad = "Tagad kafijas pauze."
good = "Tagad pārtraukums."
"#;
    let p = write_rule(dir.path(), rule);
    let out = run_stdin(
        &[
            "check",
            "--format",
            "json",
            "--rules",
            p.to_str().unwrap(),
            "-",
        ],
        "Tagad kafijas pauze.\n",
    );
    let v = json(&out);
    assert_eq!(v["files"][0]["diagnostics"][0]["rule"], "X001");

    let bad = rule.replace("category = \"officialese\"", "category = \"birokrātija\"");
    let p = write_rule(dir.path(), &bad);
    let out = run(&["check", "--rules", p.to_str().unwrap(), LAW]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("mani.toml:5:12: key `category`: unknown category `birokrātija`"),
        "{err}"
    );
}

#[test]
fn explain_and_rules_list() {
    let out = run(&["explain", "OF001"]);
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        s.contains("Ko tas pārbauda") && s.contains("Remonta dēļ"),
        "{s}"
    );
    let out = run(&["explain", "NAV01"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["rules", "--format", "json"]);
    let v = json(&out);
    let rules = v.as_array().unwrap();
    assert!(rules.len() >= 40);
    assert!(rules
        .iter()
        .all(|r| r["id"].is_string() && r["category"].is_string() && r["message"].is_string()));
}

#[test]
fn analyze_gives_sentences_and_tokens_with_byte_ranges() {
    let text =
        "Likums pieņemts 2024. gada 7. novembrī, t. sk. 13. panta trešā daļa. Nr. 12 ir spēkā.";
    let out = run_stdin(&["analyze", "--format", "json", "-"], text);
    let v = json(&out);
    let sents = v["sentences"].as_array().unwrap();
    assert_eq!(sents.len(), 2, "{v}");
    for s in sents {
        for t in s["tokens"].as_array().unwrap() {
            let (a, b) = (
                t["start"].as_u64().unwrap() as usize,
                t["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[a..b], t["text"].as_str().unwrap());
        }
    }
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(
        run(&["check", "--profile", "nav-tads", LAW]).status.code(),
        Some(2)
    );
    assert_eq!(run(&["check", "--nav-tada-opcija"]).status.code(), Some(2));
    assert_eq!(
        run(&["check", "--disable", "NAV999", LAW]).status.code(),
        Some(2)
    );
}

#[test]
fn profiles_change_thresholds() {
    // 18 words: fine for saprotama-valoda (25), long for viegla-valoda (15)
    let text = "Iesniegumu var iesniegt klātienē vai elektroniski pašvaldības mājaslapā līdz mēneša beigām kopā ar visiem dokumentiem par ienākumiem un izdevumiem.\n";
    let ids = |profile: &str| -> Vec<String> {
        let v = json(&run_stdin(
            &["check", "--format", "json", "--profile", profile, "-"],
            text,
        ));
        v["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["rule"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(!ids("saprotama-valoda").contains(&"SL001".to_string()));
    assert!(ids("viegla-valoda").contains(&"SL001".to_string()));
}
