//! Output formats: one module per format. Each takes the checked files and writes them.

pub mod human;
pub mod json;

use skaidri_core::text::{LineIndex, Position};
use skaidri_core::{Report, Span};

/// One checked file: its name, the source text the spans point into, and the report.
pub struct FileResult {
    /// Display path.
    pub path: String,
    /// The source text.
    pub source: String,
    /// Findings and metrics; spans are byte ranges in `source`.
    pub report: Report,
    /// Line index of `source`.
    pub lines: LineIndex,
}

impl FileResult {
    pub fn new(path: String, source: String, report: Report) -> Self {
        let lines = LineIndex::new(&source);
        FileResult {
            path,
            source,
            report,
            lines,
        }
    }

    /// Start and end positions of a span.
    pub fn range(&self, span: Span) -> (Position, Position) {
        (
            self.lines.position(&self.source, span.start),
            self.lines.position(&self.source, span.end),
        )
    }
}

/// Formats a float with a decimal comma for Latvian or a point for English.
pub fn num(v: f64, english: bool) -> String {
    let s = format!("{v:.1}");
    if english {
        s
    } else {
        s.replace('.', ",")
    }
}
