//! The JSON Schemas in editors/schemas against the repository's own rule files and the
//! example configs (which skaidri itself must accept too).

use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn validator(name: &str) -> jsonschema::Validator {
    let p = root().join("editors/schemas").join(name);
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn toml_as_json(p: &Path) -> Value {
    let text = std::fs::read_to_string(p).unwrap();
    let v: toml::Value = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    serde_json::to_value(v).unwrap()
}

fn toml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            toml_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "toml") {
            out.push(p);
        }
    }
}

fn errors(v: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect()
}

#[test]
fn repository_rule_files_validate_against_the_rules_schema() {
    let v = validator("skaidri-rules.schema.json");
    let mut files = Vec::new();
    toml_files(&root().join("rules"), &mut files);
    toml_files(
        &root().join("editors/schemas/examples/extra-rules"),
        &mut files,
    );
    assert!(files.len() >= 5, "{files:?}");
    let mut failures = Vec::new();
    for f in &files {
        for e in errors(&v, &toml_as_json(f)) {
            failures.push(format!("{}: {e}", f.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "rule files do not match editors/schemas/skaidri-rules.schema.json (add new keys there):\n{}",
        failures.join("\n")
    );
}

#[test]
fn rules_schema_rejects_unknown_keys() {
    let v = validator("skaidri-rules.schema.json");
    let doc: Value = serde_json::json!({"rule": [{"id": "X1", "kind": "phrase", "category": "officialese",
        "message": "m", "explanation": "e", "example": [{"bad": "a", "good": "b"}], "mesage": "typo"}]});
    assert!(!errors(&v, &doc).is_empty());
}

#[test]
fn example_configs_validate_and_skaidri_accepts_them() {
    let v = validator("skaidri.schema.json");
    let dir = root().join("editors/schemas/examples");
    let rules = skaidri_core::rules::RuleSet::embedded().unwrap();
    let mut n = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_none_or(|x| x != "toml") {
            continue;
        }
        n += 1;
        let errs = errors(&v, &toml_as_json(&p));
        assert!(errs.is_empty(), "{}: {}", p.display(), errs.join("\n"));
        let cfg = skaidri_config::Config::load(&p).unwrap_or_else(|e| panic!("{e}"));
        let extra: Vec<(String, String)> = cfg
            .rule_paths()
            .iter()
            .flat_map(|d| {
                let mut fs = Vec::new();
                if d.is_dir() {
                    toml_files(d, &mut fs)
                } else {
                    fs.push(d.clone())
                }
                fs
            })
            .map(|f| {
                (
                    f.display().to_string(),
                    std::fs::read_to_string(&f).unwrap(),
                )
            })
            .collect();
        let rules = if extra.is_empty() {
            skaidri_core::rules::RuleSet::embedded().unwrap()
        } else {
            skaidri_core::rules::RuleSet::embedded_with(
                extra.iter().map(|(a, b)| (a.as_str(), b.as_str())),
            )
            .unwrap()
        };
        cfg.settings(&dir.join("x.md"), &rules)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    assert!(n >= 2);
    let _ = rules;
}

#[test]
fn config_schema_rejects_what_skaidri_rejects() {
    let v = validator("skaidri.schema.json");
    for bad in [
        "profil = \"viegla-valoda\"",
        "profile = \"viegla\"",
        "[thresholds]\nsentence_word = 3",
        "[severity]\nOF001 = \"loud\"",
        "[[overrides]]\nprofile = \"viegla-valoda\"",
    ] {
        let doc = serde_json::to_value(toml::from_str::<toml::Value>(bad).unwrap()).unwrap();
        assert!(!errors(&v, &doc).is_empty(), "schema accepts: {bad}");
        assert!(
            skaidri_config::Config::parse(Path::new("skaidri.toml"), bad).is_err(),
            "skaidri accepts: {bad}"
        );
    }
}
