//! Config discovery and validation through the binary.

use crate::util::{hits, ND001, OF001};

sktest!(
    config_in_a_parent_folder_applies_and_the_nearest_wins,
    |dir, cmd| {
        dir.create("skaidri.toml", "disable = [\"OF001\"]\n");
        dir.create("a.txt", &format!("{OF001} {ND001}\n"));
        dir.create("sub/.skaidri.toml", "disable = [\"ND001\"]\n");
        dir.create("sub/b.txt", &format!("{OF001} {ND001}\n"));
        let r = cmd.args([".", "--format", "json"]).expect(1);
        // the root config turns off OF001 for a.txt; sub/ has its own (nearest wins, no merging)
        eqnice!(
            "a.txt:1:ND001\nsub/b.txt:1:OF001",
            hits(&r.json()).join("\n")
        );
    }
);

sktest!(config_flag_and_isolated, |dir, cmd| {
    dir.create("skaidri.toml", "disable = [\"OF001\"]\n");
    dir.create("other.toml", "disable = [\"ND001\"]\n");
    dir.create("a.txt", &format!("{OF001} {ND001}\n"));
    let r = cmd
        .args(["a.txt", "--format", "json", "--config", "other.toml"])
        .expect(1);
    eqnice!("a.txt:1:OF001", hits(&r.json()).join("\n"));
    let r = dir
        .check()
        .args(["a.txt", "--format", "json", "--isolated"])
        .expect(1);
    eqnice!("a.txt:1:OF001\na.txt:1:ND001", hits(&r.json()).join("\n"));
});

sktest!(overrides_severity_and_cli_flags, |dir, cmd| {
    dir.create(
        "skaidri.toml",
        "[severity]\nofficialese = \"info\"\n\n[[overrides]]\nfiles = [\"legal/**\"]\ndisable = [\"officialese\"]\n",
    );
    dir.create("a.txt", &format!("{OF001}\n"));
    dir.create("legal/x/b.txt", &format!("{OF001}\n"));
    // only info left: exit 0 under the default --fail-on warning
    let r = cmd.args([".", "--format", "json"]).expect(0);
    let v = r.json();
    eqnice!("a.txt:1:OF001", hits(&v).join("\n"));
    assert_eq!(v["files"][0]["diagnostics"][0]["severity"], "info");
    dir.check().args([".", "--fail-on", "info"]).expect(1);
    // a command-line --disable wins over the config
    let r = dir
        .check()
        .args([".", "--format", "json", "--disable", "OF001"])
        .expect(0);
    assert!(hits(&r.json()).is_empty());
});

sktest!(include_and_exclude_shape_folder_searches, |dir, cmd| {
    dir.create(
        "skaidri.toml",
        "include = [\"*.md\"]\nexclude = [\"drafts\"]\n",
    );
    dir.create("a.txt", &format!("{OF001}\n"));
    dir.create("b.md", &format!("{OF001}\n"));
    dir.create("drafts/c.md", &format!("{OF001}\n"));
    let r = cmd.args([".", "--format", "json"]).expect(1);
    eqnice!("b.md:1:OF001", hits(&r.json()).join("\n"));
    // a file named on the command line is checked anyway
    let r = dir
        .check()
        .args(["drafts/c.md", "--format", "json"])
        .expect(1);
    eqnice!("drafts/c.md:1:OF001", hits(&r.json()).join("\n"));
});

sktest!(thresholds_change_metric_rules, |dir, cmd| {
    dir.create("skaidri.toml", "[thresholds]\nsentence_words = 4\n");
    dir.create(
        "a.txt",
        "Šis teikums ir mazliet garāks par četriem vārdiem.\n",
    );
    let r = cmd
        .args(["a.txt", "--format", "json", "--fail-on", "info"])
        .expect(1);
    eqnice!("a.txt:1:SL001", hits(&r.json()).join("\n"));
});

sktest!(
    unknown_key_is_an_error_naming_file_line_column_and_key,
    |dir, cmd| {
        dir.create(
            "skaidri.toml",
            "profile = \"viegla-valoda\"\n\n[thresholds]\nsentence_word = 20\n",
        );
        dir.create("a.txt", "Teksts.\n");
        let r = cmd.arg("a.txt").expect(2);
        let want = "skaidri.toml:4:1: key `sentence_word`: unknown field `sentence_word`";
        assert!(r.stderr.contains(want), "{}", r.stderr);
        assert!(r.stdout.is_empty(), "{}", r.stdout);
    }
);

sktest!(
    bad_value_and_unknown_rule_are_errors_with_their_place,
    |dir, cmd| {
        dir.create("skaidri.toml", "lang = \"de\"\n");
        dir.create("a.txt", "Teksts.\n");
        let r = cmd.arg("a.txt").expect(2);
        assert!(
            r.stderr
                .contains("skaidri.toml:1:8: key `lang`: unknown language `de`"),
            "{}",
            r.stderr
        );
        dir.create(
            "skaidri.toml",
            "\ndisable = [\n  \"OF001\",\n  \"NAV-TADA\",\n]\n",
        );
        let r = dir.check().arg("a.txt").expect(2);
        assert!(
            r.stderr
                .contains("skaidri.toml:4:3: key `disable`: unknown rule or category `NAV-TADA`"),
            "{}",
            r.stderr
        );
    }
);

const OWN_RULE: &str = r#"schema = 1

[[rule]]
id = "X001"
kind = "phrase"
category = "officialese"
message = "«{text}» — nosauciet to, par ko runa."
patterns = ["minētais|minētā|minēto"]
explanation = "Ko tas pārbauda: «minētais»."
[[rule.example]]
bad = "Minētais iesniegums ir saņemts."
good = "Jūsu iesniegums ir saņemts."
"#;

sktest!(
    rule_folders_from_the_config_are_loaded_relative_to_it,
    |dir, cmd| {
        dir.create("docs/skaidri.toml", "rules = [\"../org-rules\"]\n");
        dir.create("org-rules/own.toml", OWN_RULE);
        dir.create("docs/a.txt", "Minētais iesniegums atrodas pie mums.\n");
        dir.create("b.txt", "Minētais iesniegums atrodas pie mums.\n");
        let r = cmd.args([".", "--format", "json"]).expect(1);
        // the rule applies where the config does, and SARIF describes it
        eqnice!("docs/a.txt:1:X001", hits(&r.json()).join("\n"));
        let r = dir.check().args(["docs", "--format", "sarif"]).expect(1);
        let rules = r.json()["runs"][0]["tool"]["driver"]["rules"].clone();
        assert!(rules.as_array().unwrap().iter().any(|r| r["id"] == "X001"));
        // a broken rule file names its place
        dir.create(
            "org-rules/own.toml",
            &OWN_RULE.replace("message =", "mesage ="),
        );
        let r = dir.check().arg("docs").expect(2);
        assert!(
            r.stderr.contains("own.toml:7:1: key `mesage`"),
            "{}",
            r.stderr
        );
    }
);

sktest!(skip_nav_leaves_site_chrome_unchecked, |dir, cmd| {
    let page = format!("<html lang=\"lv\"><body><nav><a href=\"/\">{OF001}</a></nav><main><p>{OF001}</p></main></body></html>\n");
    dir.create("a.html", &page);
    let r = cmd.args(["a.html", "--format", "json"]).expect(1);
    assert_eq!(hits(&r.json()).len(), 2);
    dir.create("skaidri.toml", "skip_nav = true\n");
    let r = dir.check().args(["a.html", "--format", "json"]).expect(1);
    assert_eq!(hits(&r.json()).len(), 1);
});
