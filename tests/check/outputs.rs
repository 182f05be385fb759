//! Every output format, checked for shape (SARIF against the official schema, JUnit as
//! XML, GitHub lines exactly, GitLab JSON), plus `--output`, `--statistics`,
//! `--max-lix` and exit codes.

use crate::util::{Dir, CLEAN, ND001, OF001};
use serde_json::Value;

/// Two findings in a.txt (OF001 at 1:1, ND001 on line 2), one in b.md, a clean c.html.
fn fixture(name: &str) -> Dir {
    let dir = Dir::new(name);
    dir.create("a.txt", &format!("{OF001}\n{ND001}\n"));
    dir.create("b.md", &format!("# Virsraksts\n\n{OF001}\n"));
    dir.create("c.html", &format!("<p>{CLEAN}</p>\n"));
    dir
}

pub(crate) fn sarif_validator() -> jsonschema::Validator {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/sarif-schema-2.1.0.json"
    );
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

pub(crate) fn assert_valid(v: &jsonschema::Validator, doc: &Value) {
    let errors: Vec<String> = v
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn sarif_validates_against_the_schema_and_carries_rule_metadata() {
    let dir = fixture("sarif");
    let r = dir.check().args([".", "--format", "sarif"]).expect(1);
    let v = r.json();
    assert_valid(&sarif_validator(), &v);
    let run = &v["runs"][0];
    assert_eq!(v["version"], "2.1.0");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let of001 = rules.iter().find(|r| r["id"] == "OF001").unwrap();
    assert_eq!(of001["name"], "sakara-ar");
    assert_eq!(of001["defaultConfiguration"]["level"], "warning");
    assert!(of001["fullDescription"]["text"]
        .as_str()
        .unwrap()
        .contains("Ko tas pārbauda"));
    assert!(!of001["help"]["text"].as_str().unwrap().is_empty());
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    let first = &results[0];
    assert_eq!(first["ruleId"], "OF001");
    assert_eq!(
        rules[first["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "OF001"
    );
    let loc = &first["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "a.txt");
    let region = &loc["region"];
    assert_eq!(
        (
            region["startLine"].as_u64(),
            region["startColumn"].as_u64(),
            region["endLine"].as_u64(),
            region["endColumn"].as_u64()
        ),
        (Some(1), Some(1), Some(1), Some(10))
    );
}

#[test]
fn sarif_with_input_errors_is_still_valid() {
    let dir = fixture("sarif-errors");
    dir.create_bytes("bad ā.txt", b"\xff");
    let r = dir
        .check()
        .args(["a.txt", "bad ā.txt", "nav.md", "--format", "sarif"])
        .expect(2);
    let v = r.json();
    assert_valid(&sarif_validator(), &v);
    let inv = &v["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    assert_eq!(
        inv["toolExecutionNotifications"].as_array().unwrap().len(),
        2
    );
    assert_eq!(
        inv["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"]
            ["artifactLocation"]["uri"],
        "bad%20%C4%81.txt"
    );
}

#[test]
fn github_lines_are_exact_and_escaped() {
    let dir = fixture("github");
    let r = dir.check().args([".", "--format", "github"]).expect(1);
    let want = [
        "::warning file=a.txt,line=1,col=1,endLine=1,endColumn=10,title=skaidri OF001 (sakara-ar)::«Sakarā ar» — ja runa ir par iemeslu, rakstiet «… dēļ», «tā kā» vai «jo».",
        "::warning file=a.txt,line=2,col=22,endLine=2,endColumn=25,title=skaidri ND001 (procenti-ar-atstarpi)::Starp skaitli un %25 liek atstarpi: «15 %25».",
        "::warning file=b.md,line=3,col=1,endLine=3,endColumn=10,title=skaidri OF001 (sakara-ar)::«Sakarā ar» — ja runa ir par iemeslu, rakstiet «… dēļ», «tā kā» vai «jo».",
    ];
    eqnice!(want.join("\n") + "\n", r.stdout);
}

#[test]
fn gitlab_code_quality_shape_and_stable_fingerprints() {
    let dir = fixture("gitlab");
    let a = dir
        .check()
        .args([".", "--format", "gitlab"])
        .expect(1)
        .json();
    let issues = a.as_array().unwrap();
    assert_eq!(issues.len(), 3);
    for i in issues {
        for key in ["description", "check_name", "fingerprint", "severity"] {
            assert!(i[key].is_string(), "{key} in {i}");
        }
        assert!(["info", "minor", "major", "critical", "blocker"]
            .contains(&i["severity"].as_str().unwrap()));
        assert!(i["location"]["path"].is_string());
        assert!(i["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
    }
    assert_eq!(issues[0]["location"]["path"], "a.txt");
    assert_eq!(issues[0]["check_name"], "OF001");
    let fps: std::collections::HashSet<&str> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    assert_eq!(fps.len(), 3, "fingerprints are unique");
    // a line added above the finding keeps its fingerprint
    dir.create("a.txt", &format!("Ievads.\n\n{OF001}\n{ND001}\n"));
    let b = dir
        .check()
        .args([".", "--format", "gitlab"])
        .expect(1)
        .json();
    assert_eq!(b[0]["fingerprint"], a[0]["fingerprint"]);
    assert_eq!(b[0]["location"]["lines"]["begin"], 3);
}

#[test]
fn junit_is_xml_with_a_suite_per_file() {
    use quick_xml::events::Event;
    let dir = fixture("junit");
    dir.create("d&e.txt", "<Sakarā ar> & \"citāts\"\n");
    let r = dir.check().args([".", "--format", "junit"]).expect(1);
    let mut reader = quick_xml::Reader::from_str(&r.stdout);
    let (mut suites, mut cases, mut failures) = (Vec::new(), 0, 0);
    let mut texts = String::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) => match e.name().into_inner() {
                "testsuite" => {
                    let name = e.try_get_attribute("name").unwrap().unwrap();
                    suites.push(
                        name.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .unwrap()
                            .into_owned(),
                    );
                }
                "testcase" => cases += 1,
                "failure" => failures += 1,
                _ => {}
            },
            Event::Text(t) => texts.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let name = r.xml10_content();
                texts.push_str(quick_xml::escape::resolve_predefined_entity(&name).unwrap());
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(suites, ["a.txt", "b.md", "c.html", "d&e.txt"]);
    // a.txt 2 findings, b.md 1, c.html a passing case, d&e.txt 1
    assert_eq!((cases, failures), (5, 4));
    assert!(texts.contains("d&e.txt:1:2: warning[OF001]"), "{texts}");
}

#[test]
fn summary_and_statistics() {
    let dir = fixture("summary");
    let r = dir
        .check()
        .args([".", "--format", "summary", "--lang", "en"])
        .expect(1);
    assert!(r.stdout.contains("a.txt  (2 findings, LIX"), "{}", r.stdout);
    assert!(
        r.stdout.contains("Total: 3 findings in 3 file(s)"),
        "{}",
        r.stdout
    );
    let r = dir.check().args([".", "--statistics"]).expect(1);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(
        lines[0].starts_with("2  OF001") && lines[0].ends_with("sakara-ar"),
        "{}",
        r.stdout
    );
    assert!(lines[1].starts_with("1  ND001  [*]"), "{}", r.stdout);
    let r = dir
        .check()
        .args([".", "--statistics", "--format", "json"])
        .expect(1);
    let v = r.json();
    assert_eq!(v[0]["code"], "OF001");
    assert_eq!(v[0]["count"], 2);
    assert_eq!(v[1]["fixable"], true);
}

#[test]
fn output_file_is_written_and_stdout_stays_empty() {
    let dir = fixture("output");
    let r = dir
        .check()
        .args([".", "--format", "json", "--output", "report.json"])
        .expect(1);
    assert!(r.stdout.is_empty());
    let v: Value = serde_json::from_str(&dir.read("report.json")).unwrap();
    assert_eq!(v["files"].as_array().unwrap().len(), 3);
}

#[test]
fn exit_codes_fail_on_and_max_lix() {
    let dir = fixture("exit");
    dir.check().args(["c.html"]).expect(0);
    dir.check().args(["a.txt"]).expect(1);
    dir.check().args(["a.txt", "--fail-on", "error"]).expect(0);
    dir.check().args(["a.txt", "--fail-on", "never"]).expect(0);
    dir.check()
        .args(["a.txt", "nav.txt", "--fail-on", "never"])
        .expect(2);
    dir.check()
        .args(["a.txt", "--format", "nonsense"])
        .expect(2);
    // c.html is clean but its LIX is above 5
    let r = dir.check().args(["c.html", "--max-lix", "5"]).expect(1);
    assert!(r.stderr.contains("c.html: LIX"), "{}", r.stderr);
    dir.check().args(["c.html", "--max-lix", "90"]).expect(0);
}

#[test]
fn human_output_on_a_pipe_has_no_colour_and_no_progress() {
    let dir = Dir::new("human");
    for i in 0..25 {
        dir.create(&format!("f{i:02}.txt"), &format!("{OF001}\n"));
    }
    let r = dir.check().arg(".").expect(1);
    assert!(!r.stdout.contains('\u{1b}'));
    assert!(
        !r.stderr.contains('\u{1b}') && r.stderr.is_empty(),
        "{}",
        r.stderr
    );
    assert!(
        r.stdout.contains("f00.txt:1:1: brīdinājums[OF001]"),
        "{}",
        r.stdout
    );
}
