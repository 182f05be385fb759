//! `--statistics`: how often each rule fired, most frequent first (like ruff). `[*]`
//! marks rules whose findings `--fix` can apply.

use super::Run;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;

/// One row.
#[derive(Debug, Serialize)]
pub struct Row<'a> {
    /// Rule id.
    pub code: &'a str,
    /// Rule name.
    pub name: &'a str,
    /// Category.
    pub category: &'a str,
    /// How many findings.
    pub count: usize,
    /// Whether `--fix` can apply its first suggestion.
    pub fixable: bool,
}

/// Counts per rule, most frequent first, then by id.
pub fn rows(run: &Run) -> Vec<Row<'_>> {
    let mut counts: BTreeMap<&str, (usize, &str)> = BTreeMap::new();
    for (_, d) in run.findings() {
        counts.entry(&d.rule).or_insert((0, d.category)).0 += 1;
    }
    let mut rows: Vec<Row> = counts
        .into_iter()
        .map(|(code, (count, category))| {
            let doc = run.rules.get(code);
            Row {
                code,
                name: doc.map(|r| r.name.as_str()).unwrap_or(""),
                category,
                count,
                fixable: doc.is_some_and(|r| r.fixable),
            }
        })
        .collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
    rows
}

/// Writes the table (`json = false`) or a JSON array.
pub fn write(out: &mut dyn Write, run: &Run, json: bool) -> anyhow::Result<()> {
    let rows = rows(run);
    if json {
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    let width = rows
        .iter()
        .map(|r| r.count.to_string().len())
        .max()
        .unwrap_or(1);
    let idw = rows.iter().map(|r| r.code.len()).max().unwrap_or(5);
    for r in &rows {
        writeln!(
            out,
            "{:>width$}  {:<idw$}  {}  {:<16} {}",
            r.count,
            r.code,
            if r.fixable { "[*]" } else { "   " },
            r.category,
            r.name
        )?;
    }
    let total: usize = rows.iter().map(|r| r.count).sum();
    writeln!(
        out,
        "{total} {}",
        if run.english { "findings" } else { "piezīmes" }
    )?;
    Ok(())
}
