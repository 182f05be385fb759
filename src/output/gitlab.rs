//! `--format gitlab`: a GitLab Code Quality report (a JSON array of issues), shown in
//! merge requests when a job uploads it as `artifacts:reports:codequality`.
//!
//! Fingerprints are SHA-256 over the path, rule id, matched text and the occurrence
//! number of that (path, rule, text), so they stay the same across runs even when lines
//! above a finding move.

use super::{slash_path, Run};
use serde::Serialize;
use sha2::{Digest, Sha256};
use skaidri_core::Severity;
use std::collections::HashMap;
use std::io::Write;

#[derive(Serialize)]
struct Lines {
    begin: u32,
    end: u32,
}

#[derive(Serialize)]
struct Location {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Issue {
    #[serde(rename = "type")]
    kind: &'static str,
    description: String,
    check_name: String,
    fingerprint: String,
    severity: &'static str,
    categories: Vec<&'static str>,
    location: Location,
}

/// GitLab severity of a skaidri severity.
pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Hint | Severity::Info => "info",
        Severity::Warning => "minor",
        Severity::Error => "major",
    }
}

/// Writes the report.
pub fn write(out: &mut dyn Write, run: &Run) -> anyhow::Result<()> {
    let mut seen: HashMap<(String, String, String), u32> = HashMap::new();
    let mut issues = Vec::new();
    for (f, d) in run.findings() {
        let path = slash_path(&f.path);
        let n = seen
            .entry((path.clone(), d.rule.to_string(), d.text.clone()))
            .or_insert(0);
        *n += 1;
        let mut h = Sha256::new();
        for part in [path.as_str(), &d.rule, &d.text, &n.to_string()] {
            h.update(part.as_bytes());
            h.update([0u8]);
        }
        let fingerprint = h
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>();
        let (begin, end) = match &d.paragraph {
            Some(p) => (p.index, p.index),
            None => (d.start.line, d.end.line.max(d.start.line)),
        };
        issues.push(Issue {
            kind: "issue",
            description: format!("{}: {}", d.rule, d.message),
            check_name: d.rule.to_string(),
            fingerprint,
            severity: severity(d.severity),
            categories: vec!["Style"],
            location: Location {
                path,
                lines: Lines { begin, end },
            },
        });
    }
    serde_json::to_writer_pretty(&mut *out, &issues)?;
    writeln!(out)?;
    Ok(())
}
