//! A document ready for analysis: the format picked for it, the text the core checks,
//! the suppression directives placed on units, and the way back from a byte of the
//! checked text to a place in the source.
//!
//! Markdown, HTML, DOCX and ODT go through `skaidri-formats` (text, offset map,
//! accessibility facts, comments); plain UTF-8 text is checked as it is, so a finding's
//! span is its place in the file. Units are what suppression comments count in: source
//! lines for text formats, paragraphs for office documents.

use crate::output::ParagraphLoc;
use skaidri_config::suppress::{self, Directive};
use skaidri_core::text::{LineIndex, Position};
use skaidri_core::{Fact, Span};
use skaidri_formats::{Document, Format, OffsetMap, SourcePos, StructuralKind};
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

    /// The format for a name and its bytes: the extension, else a look at the bytes
    /// (zip contents for DOCX/ODT, markup for HTML).
    pub fn detect(path: Option<&Path>, bytes: &[u8]) -> Kind {
        match skaidri_formats::detect(path, bytes) {
            Format::Text => Kind::Text,
            Format::Markdown => Kind::Markdown,
            Format::Html => Kind::Html,
            Format::Docx => Kind::Docx,
            Format::Odt => Kind::Odt,
        }
    }

    /// The reader's format.
    pub fn format(&self) -> Format {
        match self {
            Kind::Text => Format::Text,
            Kind::Markdown => Format::Markdown,
            Kind::Html => Format::Html,
            Kind::Docx => Format::Docx,
            Kind::Odt => Format::Odt,
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

/// A structural fact placed in the source.
#[derive(Debug, Clone)]
pub struct PlacedFact {
    /// The fact as the core sees it.
    pub fact: Fact,
    /// Start in the source.
    pub start: Position,
    /// End in the source.
    pub end: Position,
    /// Paragraph place (office documents).
    pub paragraph: Option<ParagraphLoc>,
    /// Unit for suppression.
    pub unit: u32,
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
    /// Map from the checked text to the source; `None` when the checked text is the
    /// source itself (plain text).
    map: Option<OffsetMap>,
    /// Suppression directives, placed on units.
    pub directives: Vec<Directive>,
    /// Ranges of `text` that are not checked (blocks in another language).
    pub skip: Vec<Range<usize>>,
    /// Accessibility facts found by the reader.
    pub facts: Vec<PlacedFact>,
    /// Set when the source was not UTF-8 (it was decoded as Windows-1257); such files
    /// are not rewritten by `--fix`.
    pub encoding_note: Option<String>,
}

/// The core's name for a reader's accessibility finding.
fn fact_name(k: StructuralKind) -> Option<&'static str> {
    Some(match k {
        StructuralKind::ImageMissingAlt => "image-missing-alt",
        StructuralKind::ImageAltIsFileName => "image-alt-is-file-name",
        StructuralKind::VagueLinkText => "vague-link-text",
        StructuralKind::EmptyLink => "empty-link",
        StructuralKind::LinkToFileNotAnnounced => "link-to-file-not-announced",
        StructuralKind::HeadingLevelSkipped => "heading-level-skipped",
        StructuralKind::MultipleH1 => "multiple-h1",
        StructuralKind::FakeHeading => "fake-heading",
        StructuralKind::MissingDocumentLang => "missing-document-lang",
        StructuralKind::DocumentLangNotLatvian => "document-lang-not-latvian",
        StructuralKind::TableWithoutHeaders => "table-without-headers",
        StructuralKind::AllCapsText => "all-caps-text",
        _ => return None,
    })
}

impl Doc {
    /// Prepares a plain-text document. Suppression lines are found in the source and
    /// blanked out of the checked text (offsets stay the same).
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
            map: None,
            directives,
            skip: Vec::new(),
            facts: Vec::new(),
            encoding_note: None,
        }
    }

    /// Prepares a document a format reader extracted.
    pub fn from_document(d: Document) -> Doc {
        let lines = d.source_text.as_deref().map(LineIndex::new);
        let mut doc = Doc {
            text: d.text,
            source: d.source_text,
            lines,
            map: Some(d.map),
            directives: Vec::new(),
            skip: d
                .blocks
                .iter()
                .filter(|b| b.skip)
                .map(|b| b.range.clone())
                .collect(),
            facts: Vec::new(),
            encoding_note: d.encoding_note,
        };
        // suppression comments
        let mut found = Vec::new();
        for dir in &d.directives {
            let Some((kind, rules)) = suppress::parse_directive(&dir.text) else {
                continue;
            };
            match (&dir.source, doc.source.as_deref()) {
                (SourcePos::Byte { offset }, Some(src)) => {
                    let o = (*offset).min(src.len());
                    let end = src[o..].find("-->").map(|i| o + i + 3).unwrap_or(o);
                    found.push(suppress::Found {
                        kind,
                        rules,
                        range: o..end.max(o),
                        text: dir.text.trim().to_string(),
                    });
                }
                (SourcePos::Paragraph { index, .. }, _)
                | (SourcePos::Byte { offset: index }, None) => {
                    let unit = doc.unit(dir.text_offset);
                    doc.directives.push(Directive {
                        kind,
                        rules,
                        from: unit,
                        target: unit,
                        range: dir.text_offset..dir.text_offset,
                        line: *index as u32,
                        text: dir.text.trim().to_string(),
                    });
                }
            }
        }
        if let Some(src) = doc.source.as_deref() {
            doc.directives.extend(suppress::place_on_lines(src, found));
        }
        // accessibility facts
        for f in &d.structure {
            let Some(name) = fact_name(f.kind) else {
                continue;
            };
            let span = f
                .text_range
                .as_ref()
                .map(|r| Span::new(r.start, r.end))
                .unwrap_or(Span::new(0, 0));
            let (start, paragraph) = doc.source_pos(&f.source);
            let (end, _) = doc.source_pos(&f.end);
            let unit = match &f.source {
                SourcePos::Byte { .. } => start.line,
                SourcePos::Paragraph { index, .. } => *index as u32,
            };
            doc.facts.push(PlacedFact {
                fact: Fact {
                    name: name.to_string(),
                    span,
                    detail: f.detail.clone(),
                },
                start,
                end,
                paragraph,
                unit,
            });
        }
        doc
    }

    /// A source place as a position (and a paragraph place for office documents).
    fn source_pos(&self, p: &SourcePos) -> (Position, Option<ParagraphLoc>) {
        match p {
            SourcePos::Byte { offset } => (self.source_offset(*offset), None),
            SourcePos::Paragraph {
                index,
                char_offset,
                excerpt,
            } => (
                Position {
                    line: *index as u32,
                    column: *char_offset as u32 + 1,
                    offset: 0,
                },
                Some(ParagraphLoc {
                    index: *index as u32,
                    offset: *char_offset as u32,
                    excerpt: excerpt.clone(),
                }),
            ),
        }
    }

    /// Position of a byte offset in the source.
    fn source_offset(&self, offset: usize) -> Position {
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
        match &self.map {
            None => (
                self.source_offset(span.start),
                self.source_offset(span.end),
                None,
            ),
            Some(m) => {
                let (s, e) = m.source_range(span);
                let (start, para) = self.source_pos(&s);
                let (end, _) = self.source_pos(&e);
                (start, end, para)
            }
        }
    }

    /// Where a suppression directive is, for reporting it.
    pub fn directive_range(&self, d: &Directive) -> (Position, Position, Option<ParagraphLoc>) {
        if self.map.is_some() && self.source.is_none() {
            // office documents: the directive's range is in the checked text
            let (start, end, para) = self.range(d.range.clone());
            return (start, end, para);
        }
        (
            self.source_offset(d.range.start),
            self.source_offset(d.range.end),
            None,
        )
    }

    /// The unit (source line, or paragraph for office documents) of a byte of the
    /// checked text, for suppression.
    pub fn unit(&self, offset: usize) -> u32 {
        match &self.map {
            None => self.source_offset(offset).line,
            Some(m) => match m.to_source(offset) {
                SourcePos::Byte { offset } => self.source_offset(offset).line,
                SourcePos::Paragraph { index, .. } => index as u32,
            },
        }
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
        let r = match &self.map {
            None => span.clone(),
            Some(m) => m.byte_range(span.clone())?,
        };
        (src.get(r.clone())? == self.text.get(span)?).then_some(r)
    }
}
