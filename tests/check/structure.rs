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
