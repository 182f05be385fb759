//! Per-document state: the text as the editor has it, its version, a line index, and the
//! latest analysis of exactly that version.
//!
//! Edits arrive as incremental `didChange` events with ranges in the negotiated position
//! encoding; they are applied in order, and the line index is rebuilt after each event
//! (a 50 kB text is indexed in microseconds).

use crate::analysis::Analysis;
use crate::pos_conv::{self, PositionEncoding};
use skaidri_core::text::LineIndex;
use skaidri_core::IncrementalCache;
use std::sync::{Arc, Mutex};
use tower_lsp::lsp_types::TextDocumentContentChangeEvent;

/// How a document's text is read, and which comment syntax it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    /// Plain text.
    Plain,
    /// Markdown.
    Markdown,
    /// HTML.
    Html,
}

impl DocKind {
    /// The kind for an LSP language id, if skaidri checks that language: `plaintext`,
    /// `markdown`, `html`, or one of `extra` (checked as plain text).
    pub fn from_language_id(id: &str, extra: &[String]) -> Option<DocKind> {
        match id {
            "plaintext" | "text" => Some(DocKind::Plain),
            "markdown" => Some(DocKind::Markdown),
            "html" => Some(DocKind::Html),
            _ if extra.iter().any(|e| e == id) => Some(DocKind::Plain),
            _ => None,
        }
    }
}

/// One open document.
#[derive(Debug)]
pub struct Document {
    /// The language id the client gave at `didOpen`.
    pub language_id: String,
    /// The current text.
    pub text: String,
    /// The current version.
    pub version: i32,
    /// Line starts of `text`.
    pub index: LineIndex,
    /// Bumped on every change; a debounced analysis runs only if it is still current.
    pub generation: u64,
    /// The latest analysis, if it is of the current version.
    pub analysis: Option<Arc<Analysis>>,
    /// What the analysis of the previous version leaves for the next one (findings per
    /// unchanged piece of text, word readings). Locked by the analysing thread.
    pub cache: Arc<Mutex<IncrementalCache>>,
}

impl Document {
    /// A freshly opened document.
    pub fn new(language_id: String, text: String, version: i32) -> Document {
        let index = LineIndex::new(&text);
        Document {
            language_id,
            text,
            version,
            index,
            generation: 0,
            analysis: None,
            cache: Arc::default(),
        }
    }

    /// Applies `didChange` events in order and sets the new version.
    pub fn apply_changes(
        &mut self,
        changes: Vec<TextDocumentContentChangeEvent>,
        version: i32,
        enc: PositionEncoding,
    ) {
        for change in changes {
            match change.range {
                Some(range) => {
                    let span = pos_conv::span(&self.text, &self.index, range, enc);
                    self.text.replace_range(span.start..span.end, &change.text);
                }
                None => self.text = change.text,
            }
            self.index = LineIndex::new(&self.text);
        }
        self.version = version;
        self.generation += 1;
        self.analysis = None;
    }

    /// The latest analysis if it matches the current version.
    pub fn current_analysis(&self) -> Option<Arc<Analysis>> {
        self.analysis
            .as_ref()
            .filter(|a| a.version == self.version)
            .cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp::lsp_types::{Position, Range};

    fn change(l0: u32, c0: u32, l1: u32, c1: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(l0, c0), Position::new(l1, c1))),
            range_length: None,
            text: text.into(),
        }
    }

    #[test]
    fn incremental_edits_apply_in_order_with_utf16_columns() {
        let mut d = Document::new("plaintext".into(), "Sveiki 😀 ūdens\nžēl".into(), 1);
        // Replace "ūdens" (after the emoji: UTF-16 columns 10..15).
        d.apply_changes(
            vec![change(0, 10, 0, 15, "ezers"), change(1, 0, 1, 0, "ļoti ")],
            2,
            PositionEncoding::Utf16,
        );
        assert_eq!(d.text, "Sveiki 😀 ezers\nļoti žēl");
        assert_eq!(d.version, 2);
        // A multi-line deletion, then a whole-text replacement.
        d.apply_changes(vec![change(0, 15, 1, 5, " ")], 3, PositionEncoding::Utf16);
        assert_eq!(d.text, "Sveiki 😀 ezers žēl");
        d.apply_changes(
            vec![TextDocumentContentChangeEvent {
                range: None,
                range_length: None,
                text: "jauns".into(),
            }],
            4,
            PositionEncoding::Utf16,
        );
        assert_eq!(d.text, "jauns");
        assert_eq!(d.index.line_count(), 1);
    }

    #[test]
    fn utf8_columns_are_bytes() {
        let mut d = Document::new("plaintext".into(), "āb".into(), 1);
        d.apply_changes(vec![change(0, 2, 0, 3, "c")], 2, PositionEncoding::Utf8);
        assert_eq!(d.text, "āc");
    }

    #[test]
    fn language_ids() {
        assert_eq!(
            DocKind::from_language_id("markdown", &[]),
            Some(DocKind::Markdown)
        );
        assert_eq!(DocKind::from_language_id("rust", &[]), None);
        let extra = vec!["asciidoc".to_string()];
        assert_eq!(
            DocKind::from_language_id("asciidoc", &extra),
            Some(DocKind::Plain)
        );
    }
}
