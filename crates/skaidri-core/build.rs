//! Embeds every `rules/**/*.toml` of the repository into the crate, and computes the
//! prefilter factors of their regex patterns (see `src/rules/kind/regex_factors.rs`) so
//! that a run does not parse the patterns again.
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "src/rules/kind/regex_factors.rs"]
mod regex_factors;

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "toml") {
            out.push(p);
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let rules_dir = manifest.join("../../rules");
    println!("cargo:rerun-if-changed={}", rules_dir.display());
    let mut files = Vec::new();
    collect(&rules_dir, &mut files);
    let mut code = String::from(
        "/// The embedded rule files: (path relative to the repository, contents).\npub static RULE_FILES: &[(&str, &str)] = &[\n",
    );
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let rel = f
            .strip_prefix(manifest.join("../.."))
            .unwrap_or(f)
            .to_string_lossy()
            .replace('\\', "/");
        let abs = f.canonicalize().unwrap_or(f.clone());
        let _ = writeln!(
            code,
            "    ({rel:?}, include_str!({:?})),",
            abs.to_string_lossy()
        );
    }
    code.push_str("];\n");
    code.push_str(&regex_table(&files));
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("embedded_rules.rs");
    if let Err(e) = std::fs::write(&out, code) {
        panic!("cannot write {}: {e}", out.display());
    }
}

/// The `pattern` of every regex rule in `files` that parses, with its factors. Files or
/// patterns that do not parse are left out: the run-time loader reports them.
fn regex_table(files: &[PathBuf]) -> String {
    let mut patterns = Vec::new();
    for f in files {
        let Ok(src) = std::fs::read_to_string(f) else {
            continue;
        };
        let Ok(doc) = src.parse::<toml::Table>() else {
            continue;
        };
        let Some(rules) = doc.get("rule").and_then(|r| r.as_array()) else {
            continue;
        };
        for r in rules {
            if let Some(p) = r.get("pattern").and_then(|p| p.as_str()) {
                if regex_syntax::ParserBuilder::new().build().parse(p).is_ok() {
                    patterns.push(p.to_string());
                }
            }
        }
    }
    patterns.sort();
    patterns.dedup();
    let mut code = String::from(
        "/// Embedded regex patterns that parse, sorted, with their prefilter factors (`None`: the\n/// rule runs on every text).\npub static REGEX_FACTORS: &[(&str, Option<&[&str]>)] = &[\n",
    );
    for p in &patterns {
        match regex_factors::factors(p) {
            Some(set) => {
                let _ = writeln!(code, "    ({p:?}, Some(&{set:?})),");
            }
            None => {
                let _ = writeln!(code, "    ({p:?}, None),");
            }
        }
    }
    code.push_str("];\n");
    code
}
