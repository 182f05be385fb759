//! Suppression comments, read with the CLI's own reader (`skaidri_config::suppress`), so
//! the editor and `skaidri check` silence exactly the same findings:
//! - Markdown and HTML: `<!-- skaidri-disable-next-line OF001 -->`, `<!-- skaidri-disable
//!   OF001 -->` … `<!-- skaidri-enable OF001 -->`
//! - Plain text: a line `skaidri: disable-next-line OF001` (and `disable` / `enable`)
//!
//! Rules may be named by id, name or category, comma-separated; none means every rule.
//! This module adds what the editor needs on top: which line a byte span is on, and the
//! comment the "ignore this rule here" code action inserts.

use crate::document::DocKind;
use skaidri_config::suppress::{self as cfg, Found, Suppressor};
use skaidri_core::text::LineIndex;
use skaidri_core::Span;

/// The directives of one text.
#[derive(Debug, Clone)]
pub struct Directives {
    suppressor: Suppressor,
    index: LineIndex,
}

/// The directives written in `text`, in the syntax of `kind`.
pub fn find(text: &str, kind: DocKind) -> Vec<Found> {
    match kind {
        DocKind::Plain => cfg::find_in_text(text),
        DocKind::Markdown | DocKind::Html => cfg::find_in_markup(text),
    }
}

/// `text` with plain-text directive lines blanked out (offsets kept), so a directive is
/// not checked as prose; `None` if there are none.
pub fn blank_out(text: &str, kind: DocKind, found: &[Found]) -> Option<String> {
    if kind != DocKind::Plain || found.is_empty() {
        return None;
    }
    let mut t = text.to_string();
    cfg::blank_out(&mut t, found);
    Some(t)
}

impl Directives {
    /// Places directives found in `text` on its lines.
    pub fn new(text: &str, found: Vec<Found>) -> Directives {
        Directives {
            suppressor: Suppressor::new(cfg::place_on_lines(text, found)),
            index: LineIndex::new(text),
        }
    }

    /// Whether a finding at `span` of `text`, of a rule known by any of `names` (id, name,
    /// category), is silenced.
    pub fn suppresses(&mut self, text: &str, names: &[&str], span: Span) -> bool {
        let line = self.index.position(text, span.start).line;
        self.suppressor.suppresses(line, |sel| {
            names
                .iter()
                .any(|n| !n.is_empty() && sel.eq_ignore_ascii_case(n))
        })
    }
}

/// The line to insert above a line to silence `rule` there, in the document's syntax
/// (without indentation or line end).
pub fn comment_for(kind: DocKind, rule: &str) -> String {
    match kind {
        DocKind::Markdown | DocKind::Html => format!("<!-- skaidri-disable-next-line {rule} -->"),
        DocKind::Plain => format!("skaidri: disable-next-line {rule}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span_of(text: &str, needle: &str) -> Span {
        let s = text.find(needle).unwrap();
        Span::new(s, s + needle.len())
    }

    #[test]
    fn html_comment_silences_listed_rules_on_the_next_line_only() {
        let text =
            "<!-- skaidri-disable-next-line OF001, barbarism -->\nSakarā ar to.\nSakarā ar šo.\n";
        let mut d = Directives::new(text, find(text, DocKind::Markdown));
        let first = span_of(text, "Sakarā ar to");
        let second = span_of(text, "Sakarā ar šo");
        assert!(d.suppresses(text, &["OF001", "sakara-ar", "officialese"], first));
        assert!(d.suppresses(text, &["BA002", "", "barbarism"], first));
        assert!(!d.suppresses(text, &["OF002", "", "officialese"], first));
        assert!(!d.suppresses(text, &["OF001", "", "officialese"], second));
    }

    #[test]
    fn plain_text_form_is_blanked_before_checking() {
        let text = "skaidri: disable-next-line\nSakarā ar to.";
        let found = find(text, DocKind::Plain);
        let blank = blank_out(text, DocKind::Plain, &found).unwrap();
        assert_eq!(blank.len(), text.len());
        assert!(blank.trim_start().starts_with("Sakarā"));
        let mut d = Directives::new(text, found);
        assert!(d.suppresses(text, &["OF001"], span_of(text, "Sakarā")));
    }

    #[test]
    fn comments_in_document_syntax() {
        assert_eq!(
            comment_for(DocKind::Markdown, "OF001"),
            "<!-- skaidri-disable-next-line OF001 -->"
        );
        assert_eq!(
            comment_for(DocKind::Plain, "OF001"),
            "skaidri: disable-next-line OF001"
        );
    }
}
