//! Where the read-only shared data lives (`$SKAIDRI_SHARED_DATA` or
//! `<repo>/../shared/data`); included by the measurement examples.

use std::path::PathBuf;

/// The path of `rel` under the shared data folder, if it exists.
#[allow(dead_code)]
pub fn shared(rel: &str) -> Option<PathBuf> {
    let base = std::env::var_os("SKAIDRI_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"));
    let p = base.join(rel);
    p.exists().then_some(p)
}

/// The file given as the first argument, else `default` under the shared
/// data folder; `None` (after a note on stderr) when neither exists.
#[allow(dead_code)]
pub fn input(default: &str) -> Option<PathBuf> {
    if let Some(a) = std::env::args().nth(1) {
        let p = PathBuf::from(a);
        if p.exists() {
            return Some(p);
        }
        eprintln!("note: {} does not exist; skipping", p.display());
        return None;
    }
    let p = shared(default);
    if p.is_none() {
        eprintln!("note: shared data file {default} not found; skipping (set SKAIDRI_SHARED_DATA)");
    }
    p
}

/// Sentences of a FullStack-LV `.tsv` (column 4 is the text).
#[allow(dead_code)]
pub fn fullstack_sentences(p: &std::path::Path) -> Vec<String> {
    let text = std::fs::read_to_string(p).unwrap_or_default();
    text.lines()
        .skip(1)
        .filter_map(|l| l.split('\t').nth(3))
        .map(str::to_string)
        .filter(|s| !s.trim().is_empty())
        .collect()
}
