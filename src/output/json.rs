//! `--format json`: one JSON document, version 1. The shape is documented in README.md
//! and is an API boundary: add fields, never rename or remove them.

use super::{Finding, ParagraphLoc, Run};
use serde::Serialize;
use skaidri_core::readability::DocumentMetrics;
use skaidri_core::text::Position;
use std::io::Write;

#[derive(Serialize)]
struct Range {
    start: Position,
    end: Position,
}

#[derive(Serialize)]
struct Sugg<'a> {
    replacement: &'a str,
    range: Range,
    safe: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct Diag<'a> {
    rule: &'a str,
    category: &'a str,
    severity: &'a str,
    message: &'a str,
    text: &'a str,
    range: Range,
    /// Office documents only: paragraph number, character offset and an excerpt.
    #[serde(skip_serializing_if = "Option::is_none")]
    paragraph: Option<&'a ParagraphLoc>,
    suggestions: Vec<Sugg<'a>>,
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    format: &'a str,
    metrics: &'a DocumentMetrics,
    diagnostics: Vec<Diag<'a>>,
}

#[derive(Serialize)]
struct Doc<'a> {
    version: u32,
    files: Vec<File<'a>>,
    errors: Vec<&'a str>,
}

fn diag(d: &Finding) -> Diag<'_> {
    Diag {
        rule: &d.rule,
        category: d.category,
        severity: d.severity.as_str(),
        message: &d.message,
        text: &d.text,
        range: Range {
            start: d.start,
            end: d.end,
        },
        paragraph: d.paragraph.as_ref(),
        suggestions: d
            .suggestions
            .iter()
            .map(|s| Sugg {
                replacement: &s.replacement,
                range: Range {
                    start: s.start,
                    end: s.end,
                },
                safe: s.safe,
                note: s.note.as_deref(),
            })
            .collect(),
    }
}

/// Writes the JSON document.
pub fn write(out: &mut dyn Write, run: &Run) -> anyhow::Result<()> {
    let doc = Doc {
        version: 1,
        files: run
            .files
            .iter()
            .map(|f| File {
                path: &f.path,
                format: f.format,
                metrics: &f.metrics,
                diagnostics: f.findings.iter().map(diag).collect(),
            })
            .collect(),
        errors: run.errors.iter().map(|e| e.message.as_str()).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)?;
    Ok(())
}
