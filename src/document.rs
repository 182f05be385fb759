//! A document ready for analysis: the format picked for it, the text the core checks,
//! the suppression directives placed on units, and the way back from a byte of the
//! checked text to a place in the source.
//!
//! Units are what suppression comments count in: source lines for text formats.

use crate::output::ParagraphLoc;
use skaidri_config::suppress::{self, Directive};
use skaidri_core::text::{LineIndex, Position};
use std::ops::Range;
use std::path::Path;

/// The formats `check` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// HTML.
    Html,
    /// Word (DOCX).
    Docx,
    /// OpenDocument text (ODT).
    Odt,
}

/// Extensions checked when a folder is searched.
pub const DEFAULT_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm", "docx", "odt"];

impl Kind {
    /// The format for a file name's extension.
    pub fn from_path(path: &Path) -> Option<Kind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => Kind::Text,
            "md" | "markdown" | "mdown" | "mkd" => Kind::Markdown,
            "html" | "htm" | "xhtml" => Kind::Html,
            "docx" => Kind::Docx,
            "odt" => Kind::Odt,
            _ => return None,
        })
    }

    /// The format for a name and its bytes: the extension, else a look at the bytes.
    pub fn detect(path: Option<&Path>, bytes: &[u8]) -> Kind {
        if let Some(k) = path.and_then(Kind::from_path) {
            return k;
        }
        if bytes.starts_with(b"PK\x03\x04") {
            let head = &bytes[..bytes.len().min(200)];
            let has = |n: &[u8]| head.windows(n.len()).any(|w| w == n);
            return if has(b"opendocument.text") {
                Kind::Odt
            } else {
                Kind::Docx
            };
        }
        let start = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_ascii_lowercase();
        let t = start.trim_start_matches('\u{feff}').trim_start();
        if t.starts_with("<!doctype html")
            || t.starts_with("<html")
            || t.starts_with("<!--") && t.contains("<p")
        {
            Kind::Html
        } else {
            Kind::Text
        }
    }

    /// Short name used in output.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Text => "txt",
            Kind::Markdown => "markdown",
            Kind::Html => "html",
            Kind::Docx => "docx",
            Kind::Odt => "odt",
        }
    }

    /// Whether `--fix` may rewrite files of this format.
    pub fn fixable(&self) -> bool {
        matches!(self, Kind::Text | Kind::Markdown | Kind::Html)
    }
}

/// A document prepared for the analyser.
#[derive(Debug)]
pub struct Doc {
    /// The text the analyser checks.
    pub text: String,
    /// The source text (text formats).
    pub source: Option<String>,
    /// Line index of the source.
    pub lines: Option<LineIndex>,
    /// Suppression directives, placed on units.
    pub directives: Vec<Directive>,
    /// Ranges of `text` that are not checked (other languages).
    pub skip: Vec<Range<usize>>,
}

impl Doc {
    /// Prepares a text-format document. Suppression comments are found in the source
    /// and blanked out of the checked text (offsets stay the same).
    pub fn from_text(kind: Kind, source: String) -> Doc {
        let found = match kind {
            Kind::Markdown | Kind::Html => suppress::find_in_markup(&source),
            _ => suppress::find_in_text(&source),
        };
        let mut text = source.clone();
        suppress::blank_out(&mut text, &found);
        let directives = suppress::place_on_lines(&source, found);
        let lines = LineIndex::new(&source);
        Doc {
            text,
            source: Some(source),
            lines: Some(lines),
            directives,
            skip: Vec::new(),
        }
    }

    /// Source position of a byte of the checked text.
    pub fn position(&self, offset: usize) -> Position {
        match (&self.source, &self.lines) {
            (Some(s), Some(l)) => l.position(s, offset),
            _ => Position {
                line: 1,
                column: 1,
                offset,
            },
        }
    }

    /// Start and end of a span of the checked text in the source, plus a paragraph place
    /// for office documents.
    pub fn range(&self, span: Range<usize>) -> (Position, Position, Option<ParagraphLoc>) {
        (self.position(span.start), self.position(span.end), None)
    }

    /// The unit (source line) of a byte of the checked text, for suppression.
    pub fn unit(&self, offset: usize) -> u32 {
        self.position(offset).line
    }

    /// Whether a span lies in a part of the text that is not checked.
    pub fn skipped(&self, span: &Range<usize>) -> bool {
        self.skip
            .iter()
            .any(|r| r.start <= span.start && span.start < r.end)
    }

    /// The source byte range of a span of the checked text, when the source there is
    /// exactly the checked text (so a replacement can be written back safely).
    pub fn source_range(&self, span: Range<usize>) -> Option<Range<usize>> {
        let src = self.source.as_deref()?;
        (src.get(span.clone())? == self.text.get(span.clone())?).then_some(span)
    }
}
