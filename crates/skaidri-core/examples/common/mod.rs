#![allow(dead_code)]

//! Shared helpers for the measurement examples: where the shared data lives and how to
//! read FullStack-style TSV files. Included with `#[path]` so each example stays one file.

use std::path::{Path, PathBuf};

/// `SKAIDRI_SHARED_DATA`, else `<repo>/../shared/data`.
pub fn shared_data() -> PathBuf {
    if let Ok(p) = std::env::var("SKAIDRI_SHARED_DATA") {
        return PathBuf::from(p);
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
}

/// Rows of a TSV file with a header line, as maps from column name to value.
pub fn read_tsv(path: &Path) -> Result<Vec<std::collections::HashMap<String, String>>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut lines = text.lines();
    let header: Vec<String> = lines
        .next()
        .ok_or_else(|| format!("{}: empty file", path.display()))?
        .split('\t')
        .map(str::to_string)
        .collect();
    let mut rows = Vec::new();
    for (n, line) in lines.enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < header.len().min(4) {
            return Err(format!(
                "{}:{}: expected {} tab-separated columns, found {}",
                path.display(),
                n + 2,
                header.len(),
                cols.len()
            ));
        }
        rows.push(
            header
                .iter()
                .zip(cols.iter().chain(std::iter::repeat(&"")))
                .map(|(h, c)| (h.clone(), c.to_string()))
                .collect(),
        );
    }
    Ok(rows)
}

/// Value at quantile `q` (0..=1) of sorted `v` (nearest rank).
pub fn quantile(v: &[usize], q: f64) -> usize {
    if v.is_empty() {
        return 0;
    }
    let i = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len()) - 1;
    v[i]
}
