//! `--format json`: one JSON document, version 1. The shape is documented in README.md
//! and is an API boundary: add fields, never rename or remove them.

use super::FileResult;
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
    suggestions: Vec<Sugg<'a>>,
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    metrics: &'a DocumentMetrics,
    diagnostics: Vec<Diag<'a>>,
}

#[derive(Serialize)]
struct Doc<'a> {
    version: u32,
    files: Vec<File<'a>>,
    errors: &'a [String],
}

fn range(f: &FileResult, span: skaidri_core::Span) -> Range {
    let (start, end) = f.range(span);
    Range { start, end }
}

/// Writes the JSON document.
pub fn write(out: &mut dyn Write, files: &[FileResult], errors: &[String]) -> anyhow::Result<()> {
    let doc = Doc {
        version: 1,
        files: files
            .iter()
            .map(|f| File {
                path: &f.path,
                metrics: &f.report.metrics,
                diagnostics: f
                    .report
                    .diagnostics
                    .iter()
                    .map(|d| Diag {
                        rule: &d.rule,
                        category: d.category.as_str(),
                        severity: d.severity.as_str(),
                        message: &d.message,
                        text: &d.text,
                        range: range(f, d.span),
                        suggestions: d
                            .suggestions
                            .iter()
                            .map(|s| Sugg {
                                replacement: &s.replacement,
                                range: range(f, s.span),
                                safe: s.safe,
                                note: s.note.as_deref(),
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
        errors,
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)?;
    Ok(())
}
