//! Checking one input: read it, pick its format, analyse the text, drop what suppression
//! comments silence, map every finding back to the source, and (for `--fix`/`--diff`)
//! compute the fixed text. Runs on any thread; everything it needs comes in a [`Job`].

use crate::document::{Doc, Kind};
use crate::output::{FileResult, Finding, FoundSuggestion, InputError};
use skaidri_config::suppress::Suppressor;
use skaidri_core::analyzer::specificity;
use skaidri_core::{Analyzer, Diagnostic, Severity};
use std::path::PathBuf;
use std::sync::Arc;

/// Id of the meta rule that reports suppression comments that silenced nothing.
pub const UNUSED_SUPPRESSION: &str = "SK000";

/// What to do with safe suggestions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixMode {
    /// Only report.
    Off,
    /// Compute the fixed text (for `--fix` and `--diff`).
    On,
}

/// One input to check.
pub struct Job {
    /// Name shown in output.
    pub display: String,
    /// File to read; `None` when `bytes` holds standard input.
    pub path: Option<PathBuf>,
    /// The name that picks the format (the path, or `--stdin-filename`).
    pub name: Option<PathBuf>,
    /// Pre-read bytes (standard input).
    pub bytes: Option<Vec<u8>>,
    /// The analyser for this file's settings.
    pub analyzer: Arc<Analyzer>,
    /// HTML: skip `<nav>`, `<header>`, `<footer>` (config `skip_nav`).
    pub skip_nav: bool,
}

/// The outcome of a fix: the bytes read and the fixed text.
#[derive(Debug, Clone)]
pub struct Fixed {
    /// The file's bytes as read.
    pub original: Vec<u8>,
    /// The text after applying safe suggestions until none is left.
    pub text: String,
    /// How many suggestions were applied.
    pub applied: usize,
}

/// A checked input.
pub struct Checked {
    /// Findings and metrics.
    pub result: FileResult,
    /// Set when fixing was asked for and the format allows it.
    pub fixed: Option<Fixed>,
    /// The path (for writing fixes).
    pub path: Option<PathBuf>,
    /// The format.
    pub kind: Kind,
    /// Set when the file was not UTF-8 (then `--fix` leaves it alone).
    pub encoding_note: Option<String>,
}

/// Options that apply to every job.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Report unused suppression comments.
    pub report_unused: bool,
    /// Fixing.
    pub fix: FixMode,
}

fn err(display: &str, message: String) -> InputError {
    InputError {
        path: display.to_string(),
        message,
    }
}

/// Prepares the document for `bytes` in format `kind`.
pub fn prepare(display: &str, kind: Kind, bytes: &[u8], skip_nav: bool) -> Result<Doc, InputError> {
    let opts = skaidri_formats::ExtractOptions {
        skip_nav,
        ..Default::default()
    };
    let read = |format| {
        skaidri_formats::extract(format, bytes, &opts).map_err(|e| match e {
            // name the line and column as well as the byte, like every other place
            skaidri_formats::FormatError::InvalidUtf8 { offset, .. } => {
                let before = &bytes[..offset.min(bytes.len())];
                let line = before.iter().filter(|b| **b == b'\n').count() + 1;
                let line_start = before
                    .iter()
                    .rposition(|b| *b == b'\n')
                    .map_or(0, |i| i + 1);
                let col = String::from_utf8_lossy(&before[line_start..])
                    .chars()
                    .count()
                    + 1;
                err(display, format!("{display}:{line}:{col}: {e}"))
            }
            e => err(display, format!("{display}: {e}")),
        })
    };
    match kind {
        // plain text is checked as it is (so spans are places in the file and --fix can
        // edit it); the reader still decodes it (Windows-1257 too) and refuses binary or
        // oversized input
        Kind::Text => {
            let d = read(kind.format())?;
            let mut doc = Doc::from_text(kind, d.source_text.unwrap_or(d.text));
            doc.encoding_note = d.encoding_note;
            Ok(doc)
        }
        _ => Ok(Doc::from_document(read(kind.format())?)),
    }
}

/// Distinct misspelt words per file that get suggestions (see `fill_spelling_suggestions`).
const SPELLING_SUGGESTION_WORDS: usize = 50;

/// The diagnostics a document keeps after skipped blocks and suppression comments.
fn analyse(doc: &Doc, analyzer: &Analyzer) -> (Vec<Diagnostic>, Suppressor, skaidri_core::Report) {
    let mut report = analyzer.check(&doc.text);
    // Spelling suggestions cost milliseconds per word, so the core never computes them
    // while checking; fill them in here for at most this many distinct words per file.
    analyzer.fill_spelling_suggestions(&mut report, SPELLING_SUGGESTION_WORDS);
    let mut sup = Suppressor::new(doc.directives.clone());
    let rules = analyzer.rules();
    let diags = std::mem::take(&mut report.diagnostics);
    let kept = diags
        .into_iter()
        .filter(|d| !doc.skipped(&(d.span.start..d.span.end)))
        .filter(|d| {
            let info = rules.get(&d.rule);
            let names = |sel: &str| info.is_some_and(|r| specificity(sel, r) > 0);
            !sup.suppresses(doc.unit(d.span.start), names)
        })
        .collect();
    (kept, sup, report)
}

/// Applies the safe suggestions of `diags` to the source of `doc`. Returns the new
/// source and how many were applied.
fn apply_safe(doc: &Doc, diags: &[Diagnostic]) -> Option<(String, usize)> {
    let src = doc.source.as_deref()?;
    let mut edits: Vec<(std::ops::Range<usize>, &str)> = diags
        .iter()
        .filter_map(|d| d.suggestions.first())
        .filter(|s| s.safe)
        .filter_map(|s| {
            Some((
                doc.source_range(s.span.start..s.span.end)?,
                s.replacement.as_str(),
            ))
        })
        .filter(|(r, repl)| src.get(r.clone()) != Some(*repl))
        .collect();
    edits.sort_by_key(|e| (e.0.start, e.0.end));
    let mut out = String::with_capacity(src.len());
    let mut pos = 0;
    let mut applied = 0;
    for (r, repl) in edits {
        if r.start < pos {
            continue; // overlaps an edit already made; the next round takes it
        }
        out.push_str(&src[pos..r.start]);
        out.push_str(repl);
        pos = r.end;
        applied += 1;
    }
    out.push_str(&src[pos..]);
    (applied > 0).then_some((out, applied))
}

/// Most rounds of fixing; each round re-checks the text, so fixes that uncover or
/// overlap other fixes are applied too, and a second run changes nothing.
const MAX_FIX_ROUNDS: usize = 10;

/// Checks one job.
pub fn check(job: &Job, opts: Options) -> Result<Checked, InputError> {
    let bytes = match (&job.bytes, &job.path) {
        (Some(b), _) => b.clone(),
        (None, Some(p)) => {
            if p.is_dir() {
                return Err(err(
                    &job.display,
                    format!("{}: is a directory", job.display),
                ));
            }
            std::fs::read(p)
                .map_err(|e| err(&job.display, format!("{}: cannot read: {e}", job.display)))?
        }
        (None, None) => {
            return Err(err(
                &job.display,
                format!("{}: nothing to read", job.display),
            ))
        }
    };
    let kind = Kind::detect(job.name.as_deref(), &bytes);
    let mut doc = prepare(&job.display, kind, &bytes, job.skip_nav)?;
    let analyzer = &*job.analyzer;
    let mut fixed = None;
    if opts.fix == FixMode::On && kind.fixable() && doc.encoding_note.is_none() {
        let mut applied = 0;
        for _ in 0..MAX_FIX_ROUNDS {
            let (diags, _, _) = analyse(&doc, analyzer);
            let Some((text, n)) = apply_safe(&doc, &diags) else {
                break;
            };
            applied += n;
            doc = prepare(&job.display, kind, text.as_bytes(), job.skip_nav)?;
        }
        if applied > 0 {
            fixed = Some(Fixed {
                original: bytes.clone(),
                text: doc.source.clone().unwrap_or_default(),
                applied,
            });
        }
    }
    let (diags, mut sup, report) = analyse(&doc, analyzer);
    let mut findings: Vec<Finding> = diags.into_iter().map(|d| finding(&doc, d)).collect();
    // accessibility facts found by the reader, as findings of `structure` rules
    let facts: Vec<skaidri_core::Fact> = doc.facts.iter().map(|p| p.fact.clone()).collect();
    let rules = analyzer.rules();
    for (i, d) in analyzer.check_facts(&doc.text, &facts) {
        let placed = &doc.facts[i];
        let info = rules.get(&d.rule);
        let names = |sel: &str| info.is_some_and(|r| specificity(sel, r) > 0);
        if sup.suppresses(placed.unit, names) {
            continue;
        }
        let mut f = finding(&doc, d);
        f.start = placed.start;
        f.end = placed.end;
        f.paragraph = placed.paragraph.clone();
        findings.push(f);
    }
    findings.sort_by(|a, b| {
        let key = |f: &Finding| {
            (
                f.paragraph.as_ref().map(|p| (p.index, p.offset)),
                f.start.line,
                f.start.column,
                f.start.offset,
            )
        };
        key(a).cmp(&key(b))
    });
    if opts.report_unused {
        for d in sup.unused() {
            let (start, end, paragraph) = doc.directive_range(d);
            let unknown: Vec<&str> = d
                .rules
                .iter()
                .filter(|r| !skaidri_config::valid_selector(r, analyzer.rules()))
                .map(String::as_str)
                .collect();
            let english = analyzer.settings().lang == skaidri_core::Lang::En;
            let mut message = if english {
                format!("This suppression comment silences nothing: «{}».", d.text)
            } else {
                format!(
                    "Šis apklusināšanas komentārs neko neapklusina: «{}».",
                    d.text
                )
            };
            if !unknown.is_empty() {
                message.push_str(&if english {
                    format!(" Unknown rule: {}.", unknown.join(", "))
                } else {
                    format!(" Nezināms noteikums: {}.", unknown.join(", "))
                });
            }
            findings.push(Finding {
                rule: Arc::from(UNUSED_SUPPRESSION),
                category: "suppression",
                severity: Severity::Warning,
                message,
                text: d.text.clone(),
                start,
                end,
                paragraph,
                suggestions: Vec::new(),
            });
        }
        findings.sort_by_key(|f| {
            (
                f.paragraph.as_ref().map(|p| (p.index, p.offset)),
                f.start.line,
                f.start.column,
                f.start.offset,
            )
        });
    }
    let encoding_note = doc.encoding_note.clone();
    let result = FileResult {
        path: job.display.clone(),
        format: kind.name(),
        source: doc.source,
        lines: doc.lines,
        findings,
        metrics: report.metrics,
    };
    Ok(Checked {
        result,
        fixed,
        path: job.path.clone(),
        kind,
        encoding_note,
    })
}

fn finding(doc: &Doc, d: Diagnostic) -> Finding {
    let (start, end, paragraph) = doc.range(d.span.start..d.span.end);
    let suggestions = d
        .suggestions
        .iter()
        .map(|s| {
            let (start, end, _) = doc.range(s.span.start..s.span.end);
            FoundSuggestion {
                replacement: s.replacement.clone(),
                start,
                end,
                safe: s.safe,
                note: s.note.clone(),
            }
        })
        .collect();
    Finding {
        rule: d.rule,
        category: d.category.as_str(),
        severity: d.severity,
        message: d.message,
        text: d.text,
        start,
        end,
        paragraph,
        suggestions,
    }
}
