//! The same paragraphs of a real act (Darba aizsardzības likums, 4.–5. pants; official
//! act, not protected by copyright) as .txt, .md, .html, .docx and .odt give the same
//! findings, each at the right place in its own source.

use crate::office::{docx, zip};
use crate::util::Dir;
use serde_json::Value;

const PARAS: &[&str] = &[
    "4.pants. Darba aizsardzības vispārīgie principi",
    "(1) Darba aizsardzības pasākumus darba devējs veic saskaņā ar šādiem darba aizsardzības vispārīgajiem principiem:",
    "1) darba vidi izveido tā, lai izvairītos no darba vides riska vai mazinātu nenovēršama darba vides riska ietekmi;",
    "2) novērš darba vides riska cēloņus;",
    "3) darba vidi pielāgo nodarbinātā individuālajām vajadzībām, sevišķi darba vietu iekārtojumu un darba aprīkojuma, darba un ražošanas metožu izvēli, lai izvairītos no monotona darba un darba, kas jāveic noteiktā tempā, vai mazinātu to ietekmi uz nodarbinātā veselību;",
    "(2) Sakarā ar darba vides risku darba devējs uz doto brīdi sniedz informāciju nodarbinātajiem.",
];

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn odt(paras: &[&str]) -> Vec<u8> {
    let body: String = paras
        .iter()
        .map(|p| format!("<text:p>{}</text:p>", esc(p)))
        .collect();
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:text>{body}</office:text></office:body></office:document-content>"#
    );
    zip(&[
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("content.xml", &content),
    ])
}

/// In Markdown "3) …" at the start of a line is an ordered-list marker, not text, so a
/// sentence-length finding there starts after it; compare texts without the marker.
fn without_list_marker(t: &str) -> &str {
    match t.split_once(") ") {
        Some((n, rest)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => rest,
        _ => t,
    }
}

/// (rule, matched text) of every finding, sorted.
fn findings(v: &Value) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                without_list_marker(d["text"].as_str().unwrap()).to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

fn check(dir: &Dir, name: &str) -> Value {
    let r = dir
        .check()
        .args([name, "--format", "json", "--isolated", "--fail-on", "never"])
        .expect(0);
    r.json()
}

#[test]
fn same_paragraphs_in_every_format_give_the_same_findings_at_the_right_places() {
    let dir = Dir::new("same_findings");
    let txt = PARAS.join("\n\n") + "\n";
    let md = format!("# {}\n\n{}\n", PARAS[0], PARAS[1..].join("\n\n"));
    let html = format!(
        "<!DOCTYPE html><html lang=\"lv\"><head><title>Likums</title></head><body>\n<h1>{}</h1>\n{}\n</body></html>\n",
        esc(PARAS[0]),
        PARAS[1..]
            .iter()
            .map(|p| format!("<p>{}</p>", esc(p)))
            .collect::<Vec<_>>()
            .join("\n")
    );
    dir.create("likums.txt", &txt);
    dir.create("likums.md", &md);
    dir.create("likums.html", &html);
    std::fs::write(dir.path().join("likums.docx"), docx(PARAS, None)).unwrap();
    std::fs::write(dir.path().join("likums.odt"), odt(PARAS)).unwrap();

    let base = check(&dir, "likums.txt");
    let expected = findings(&base);
    let rules: Vec<&str> = expected.iter().map(|(r, _)| r.as_str()).collect();
    for want in ["OF001", "BA002", "OF013"] {
        assert!(rules.contains(&want), "{want} in {rules:?}");
    }
    for (name, source) in [
        ("likums.md", &md),
        ("likums.html", &html),
        ("likums.txt", &txt),
    ] {
        let v = check(&dir, name);
        // text-level findings are the same in every format (the HTML page also gets
        // no structural findings: it has a title, a language and one h1)
        eqnice!(format!("{expected:#?}"), format!("{:#?}", findings(&v)));
        // and each one points at its text in the original file: line/column and offset
        let lines: Vec<&str> = source.split('\n').collect();
        for d in v["files"][0]["diagnostics"].as_array().unwrap() {
            let text = d["text"].as_str().unwrap();
            let s = &d["range"]["start"];
            let line = lines[s["line"].as_u64().unwrap() as usize - 1];
            let from: String = line
                .chars()
                .skip(s["column"].as_u64().unwrap() as usize - 1)
                .collect();
            assert!(from.starts_with(text), "{name}: {from:?} vs {text:?}");
            let (a, b) = (
                s["offset"].as_u64().unwrap() as usize,
                d["range"]["end"]["offset"].as_u64().unwrap() as usize,
            );
            assert_eq!(&source[a..b], text, "{name}");
        }
    }
    for name in ["likums.docx", "likums.odt"] {
        let v = check(&dir, name);
        // the minimal ODT built here declares no document language, which the structural
        // rule AC109 rightly reports; compare the text-level findings
        let got: Vec<_> = findings(&v)
            .into_iter()
            .filter(|(r, _)| r != "AC109")
            .collect();
        eqnice!(format!("{expected:#?}"), format!("{got:#?}"));
        // paragraph number and character offset land on the finding's text
        for d in v["files"][0]["diagnostics"].as_array().unwrap() {
            let text = d["text"].as_str().unwrap();
            let p = &d["paragraph"];
            let para = PARAS[p["index"].as_u64().unwrap() as usize - 1];
            let from: String = para
                .chars()
                .skip(p["offset"].as_u64().unwrap() as usize)
                .collect();
            assert!(from.starts_with(text), "{name}: {from:?} vs {text:?}");
        }
    }
}
