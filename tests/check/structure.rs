//! Accessibility facts from the format readers, reported by the `structure` rules of
//! rules/accessibility-structure.toml. Every example of those rules runs here, through
//! the binary, as HTML (the core alone cannot see markup).

use crate::util::{hits, Dir};
use skaidri_core::rules::RuleSet;

#[test]
fn every_structure_rule_example_behaves() {
    let rules = RuleSet::embedded().unwrap();
    let dir = Dir::new("structure-examples");
    let mut failures = Vec::new();
    let mut n = 0;
    for r in rules.rules().iter().filter(|r| r.kind == "structure") {
        for ex in &r.examples {
            for (text, want) in [(&ex.bad, true), (&ex.good, false)] {
                n += 1;
                let out = dir
                    .check()
                    .args(["-", "--stdin-filename", "example.html", "--format", "json"])
                    .args(["--only", &r.id, "--fail-on", "never"])
                    .stdin(text)
                    .expect(0);
                let got = hits(&out.json())
                    .iter()
                    .any(|h| h.ends_with(&format!(":{}", r.id)));
                if got != want {
                    failures.push(format!(
                        "{}: {} example {}: {text}",
                        r.id,
                        if want { "bad" } else { "good" },
                        if want { "not flagged" } else { "flagged" }
                    ));
                }
            }
        }
    }
    assert!(n >= 24, "{n}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

sktest!(
    facts_point_at_the_markup_and_obey_config_and_comments,
    |dir, cmd| {
        dir.create(
        "page.html",
        "<!DOCTYPE html><html lang=\"lv\"><body>\n<h1>Pakalpojumi</h1>\n<!-- skaidri-disable-next-line AC101 -->\n<p><img src=\"a.png\"></p>\n<p>Teksts <img src=\"b.png\"></p>\n<h3>Pieteikšanās</h3>\n</body></html>\n",
    );
        let r = cmd.args(["page.html", "--format", "json"]).expect(1);
        let v = r.json();
        eqnice!("page.html:5:11:AC101\npage.html:6:1:AC106", {
            let d = v["files"][0]["diagnostics"].as_array().unwrap();
            d.iter()
                .map(|d| {
                    format!(
                        "page.html:{}:{}:{}",
                        d["range"]["start"]["line"],
                        d["range"]["start"]["column"],
                        d["rule"].as_str().unwrap()
                    )
                })
                .collect::<Vec<_>>()
                .join("\n")
        });
        assert_eq!(v["files"][0]["diagnostics"][0]["category"], "accessibility");
        dir.create(
            "skaidri.toml",
            "disable = [\"AC106\"]\n[severity]\naccessibility = \"error\"\n",
        );
        let r = dir
            .check()
            .args(["page.html", "--format", "json"])
            .expect(1);
        let v = r.json();
        eqnice!("page.html:5:AC101", hits(&v).join("\n"));
        assert_eq!(v["files"][0]["diagnostics"][0]["severity"], "error");
    }
);

sktest!(blocks_in_another_language_are_not_checked, |dir, cmd| {
    dir.create(
        "a.html",
        "<html lang=\"lv\"><body><p>Sakarā ar remontu birojs nestrādās.</p><blockquote lang=\"en\"><p>Sakarā ar is not English.</p></blockquote></body></html>\n",
    );
    let r = cmd.args(["a.html", "--format", "json"]).expect(1);
    eqnice!("a.html:1:OF001", hits(&r.json()).join("\n"));
});

/// A page with every accessibility defect the HTML reader knows gets each one flagged
/// (AC110, a non-Latvian page language, has its own page: one page cannot both lack a
/// language and declare another); a clean page gets none.
#[test]
fn a_page_with_every_defect_gets_each_flagged_and_a_clean_page_none() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("crates/skaidri-formats/tests/fixtures/html");
    let dir = Dir::new("structure-pages");
    let rules_of = |file: &str| -> Vec<String> {
        let out = dir
            .check()
            .arg(fixtures.join(file))
            .args([
                "--only",
                "accessibility",
                "--format",
                "json",
                "--fail-on",
                "never",
            ])
            .expect(0);
        let mut ids: Vec<String> = hits(&out.json())
            .iter()
            .map(|h| h.rsplit(':').next().unwrap().to_string())
            .collect();
        ids.sort();
        ids.dedup();
        ids
    };
    let defects = rules_of("defects.html");
    for id in [
        "AC101", "AC102", "AC103", "AC104", "AC105", "AC106", "AC107", "AC108", "AC109", "AC111",
        "AC112",
    ] {
        assert!(
            defects.contains(&id.to_string()),
            "{id} missing: {defects:?}"
        );
    }
    assert_eq!(rules_of("clean.html"), Vec::<String>::new());
    let en = dir.path().join("en.html");
    std::fs::write(
        &en,
        "<!DOCTYPE html><html lang=\"en\"><head><title>Page</title></head><body><h1>Pašvaldība</h1><p>Mēs strādājam.</p></body></html>",
    )
    .unwrap();
    let out = dir
        .check()
        .arg(&en)
        .args(["--only", "AC110", "--format", "json", "--fail-on", "never"])
        .expect(0);
    assert!(hits(&out.json()).iter().any(|h| h.ends_with(":AC110")));
}
