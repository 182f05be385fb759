//! Output formats: one module per format, registered in [`write`]. Each takes the whole
//! [`Run`] (checked files with findings already mapped to source places, input errors and
//! rule metadata) and writes it.

pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod statistics;
pub mod summary;

use crate::args::CheckFormat;
use skaidri_core::readability::DocumentMetrics;
use skaidri_core::rules::RuleInfo;
use skaidri_core::text::{LineIndex, Position};
use skaidri_core::Severity;
use std::collections::BTreeMap;
use std::io::Write;
use std::sync::Arc;

/// A place inside a paragraph of an office document (DOCX, ODT), where lines and
/// columns mean nothing to a person.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ParagraphLoc {
    /// 1-based paragraph number in document order.
    pub index: u32,
    /// Offset in characters from the start of the paragraph.
    pub offset: u32,
    /// A few words from that place, so a person can find it.
    pub excerpt: String,
}

/// A replacement with its place in the source.
#[derive(Debug, Clone)]
pub struct FoundSuggestion {
    /// The text to write instead.
    pub replacement: String,
    /// Start in the source.
    pub start: Position,
    /// End in the source.
    pub end: Position,
    /// Whether `--fix` applies it.
    pub safe: bool,
    /// A note for the reader.
    pub note: Option<String>,
}

/// One finding, resolved to a place in the source document.
#[derive(Debug, Clone)]
pub struct Finding {
    /// Rule id.
    pub rule: Arc<str>,
    /// Category name (kebab-case); `suppression` for the meta rule SK000.
    pub category: &'static str,
    /// Severity after profile and config.
    pub severity: Severity,
    /// The message.
    pub message: String,
    /// The text the finding is about.
    pub text: String,
    /// Start in the source: line and column for text files; for office documents the
    /// line is the paragraph number and the column the character offset in it plus one.
    pub start: Position,
    /// End in the source (exclusive).
    pub end: Position,
    /// For office documents: the paragraph place.
    pub paragraph: Option<ParagraphLoc>,
    /// Replacements, best first.
    pub suggestions: Vec<FoundSuggestion>,
}

/// One checked file.
#[derive(Debug, Clone)]
pub struct FileResult {
    /// Display path (as given or found; `<stdin>` or the `--stdin-filename`).
    pub path: String,
    /// Format name (`txt`, `markdown`, `html`, `docx`, `odt`).
    pub format: &'static str,
    /// The source text, for text formats (shown under findings).
    pub source: Option<String>,
    /// Line index of `source`.
    pub lines: Option<LineIndex>,
    /// Findings in source order.
    pub findings: Vec<Finding>,
    /// Readability of the checked text.
    pub metrics: DocumentMetrics,
}

impl FileResult {
    /// The source line `line` (1-based), without its line break.
    pub fn source_line(&self, line: u32) -> Option<&str> {
        let (src, idx) = (self.source.as_deref()?, self.lines.as_ref()?);
        let l0 = (line as usize).checked_sub(1)?;
        let s = idx.line_start(l0)?;
        let e = idx
            .line_start(l0 + 1)
            .map(|e| e.saturating_sub(1))
            .unwrap_or(src.len());
        Some(src[s..e.max(s)].trim_end_matches('\r'))
    }
}

/// An input that could not be checked.
#[derive(Debug, Clone)]
pub struct InputError {
    /// The path as given (or `<stdin>`); empty when the error is not about one file.
    pub path: String,
    /// What went wrong, including the path and place.
    pub message: String,
}

/// Metadata of a rule, for formats that describe rules (SARIF) and for statistics.
#[derive(Debug, Clone)]
pub struct RuleDoc {
    /// Id.
    pub id: String,
    /// Readable slug.
    pub name: String,
    /// Category name.
    pub category: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// Message template (the short description).
    pub message: String,
    /// The explanation (Ko tas pārbauda / Kāpēc tas ir svarīgi / Piemērs).
    pub explanation: String,
    /// Where the advice comes from.
    pub source: Option<String>,
    /// Whether its first suggestion is safe for `--fix`.
    pub fixable: bool,
}

impl RuleDoc {
    /// Metadata of a rule from a rule set.
    pub fn from_rule(r: &RuleInfo, english: bool) -> Self {
        RuleDoc {
            id: r.id.to_string(),
            name: r.name.clone(),
            category: r.category.as_str(),
            severity: r.severity,
            message: r.message_in(english).to_string(),
            explanation: r.explanation_in(english).trim().to_string(),
            source: r.source.clone(),
            fixable: r.safe,
        }
    }
}

/// Everything a format writes.
#[derive(Debug, Default)]
pub struct Run {
    /// Checked files, sorted by path.
    pub files: Vec<FileResult>,
    /// Inputs that could not be checked, sorted by path.
    pub errors: Vec<InputError>,
    /// Metadata of every rule that may appear, by id.
    pub rules: BTreeMap<String, RuleDoc>,
    /// English messages and labels.
    pub english: bool,
}

impl Run {
    /// All findings with their file.
    pub fn findings(&self) -> impl Iterator<Item = (&FileResult, &Finding)> {
        self.files
            .iter()
            .flat_map(|f| f.findings.iter().map(move |d| (f, d)))
    }
}

/// Writes `run` in `format`.
pub fn write(
    out: &mut dyn Write,
    format: CheckFormat,
    run: &Run,
    color: bool,
) -> anyhow::Result<()> {
    match format {
        CheckFormat::Human => human::write(out, run, color),
        CheckFormat::Json => json::write(out, run),
        CheckFormat::Sarif => sarif::write(out, run),
        CheckFormat::Github => github::write(out, run),
        CheckFormat::Gitlab => gitlab::write(out, run),
        CheckFormat::Junit => junit::write(out, run),
        CheckFormat::Summary => summary::write(out, run),
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

/// A path with `\` turned into `/`, as CI systems want it.
pub fn slash_path(p: &str) -> String {
    p.replace('\\', "/")
}
