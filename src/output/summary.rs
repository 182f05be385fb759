//! `--format summary`: counts per file and category, with each file's LIX, and totals.

use super::{num, Run};
use skaidri_core::Category;
use std::collections::BTreeMap;
use std::io::Write;

/// Writes the table.
pub fn write(out: &mut dyn Write, run: &Run) -> anyhow::Result<()> {
    let en = run.english;
    let mut totals: BTreeMap<&str, usize> = BTreeMap::new();
    let label = |c: &str| -> String {
        match Category::parse(c) {
            Some(cat) if en => cat.label_en().to_string(),
            Some(cat) => cat.label_lv().to_string(),
            None => c.to_string(),
        }
    };
    for f in &run.files {
        let mut per: BTreeMap<&str, usize> = BTreeMap::new();
        for d in &f.findings {
            *per.entry(d.category).or_default() += 1;
            *totals.entry(d.category).or_default() += 1;
        }
        writeln!(
            out,
            "{}  ({} {}, LIX {})",
            f.path,
            f.findings.len(),
            if en { "findings" } else { "piezīmes" },
            num(f.metrics.lix, en)
        )?;
        for (c, n) in per {
            writeln!(out, "  {n:>5}  {}", label(c))?;
        }
    }
    let total: usize = totals.values().sum();
    writeln!(
        out,
        "{}: {total} {} {} {}",
        if en { "Total" } else { "Kopā" },
        if en { "findings in" } else { "piezīmes" },
        run.files.len(),
        if en { "file(s)" } else { "failos" }
    )?;
    for (c, n) in totals {
        writeln!(out, "  {n:>5}  {}", label(c))?;
    }
    if !run.errors.is_empty() {
        writeln!(
            out,
            "{}: {}",
            if en {
                "Inputs not checked"
            } else {
                "Nepārbaudīti faili"
            },
            run.errors.len()
        )?;
    }
    Ok(())
}
