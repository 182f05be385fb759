//! Position conversion: byte offsets in a document ↔ LSP positions.
//!
//! This module is the only place that knows about UTF-16. skaidri-core speaks byte offsets
//! into UTF-8 text; the LSP speaks zero-based lines and columns counted in UTF-16 code
//! units unless the client and server agree on another encoding at `initialize`. We accept
//! `utf-8` when the client offers it (columns are then byte offsets within the line), and
//! fall back to the mandatory `utf-16` otherwise.
//!
//! "ā" is one UTF-16 unit but two UTF-8 bytes; "😀" is two UTF-16 units and four bytes.
//! Offsets that fall inside a character are moved back to its start; positions past the
//! end of a line are clamped to the line end, as the specification asks.

use skaidri_core::text::{floor_char_boundary, LineIndex};
use skaidri_core::Span;
use tower_lsp::lsp_types::{ClientCapabilities, Position, PositionEncodingKind, Range};

/// How columns are counted in positions exchanged with the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PositionEncoding {
    /// Columns are UTF-8 bytes within the line.
    Utf8,
    /// Columns are UTF-16 code units within the line (the LSP default).
    #[default]
    Utf16,
}

impl PositionEncoding {
    /// Picks `utf-8` if the client offers it, else `utf-16`.
    pub fn negotiate(caps: &ClientCapabilities) -> PositionEncoding {
        let offered = caps
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref());
        match offered {
            Some(list) if list.contains(&PositionEncodingKind::UTF8) => PositionEncoding::Utf8,
            _ => PositionEncoding::Utf16,
        }
    }

    /// The LSP name of this encoding, for the server capabilities.
    pub fn kind(self) -> PositionEncodingKind {
        match self {
            PositionEncoding::Utf8 => PositionEncodingKind::UTF8,
            PositionEncoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }
}

/// The byte range of zero-based `line0` without its line terminator (`\n` or `\r\n`).
fn line_bounds(text: &str, index: &LineIndex, line0: usize) -> Option<(usize, usize)> {
    let start = index.line_start(line0)?;
    let mut end = index
        .line_start(line0 + 1)
        .map(|next| next - 1)
        .unwrap_or(text.len());
    if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
        end -= 1;
    }
    Some((start, end))
}

/// Zero-based line containing byte `offset` (which must be a char boundary).
fn line_of(text: &str, index: &LineIndex, offset: usize) -> usize {
    index.position(text, offset).line as usize - 1
}

/// The LSP position of byte `offset` in `text`.
pub fn position(text: &str, index: &LineIndex, offset: usize, enc: PositionEncoding) -> Position {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let line0 = line_of(text, index, offset);
    let start = index.line_start(line0).unwrap_or(0);
    let before = &text[start..offset];
    let character = match enc {
        PositionEncoding::Utf8 => before.len(),
        PositionEncoding::Utf16 => before.chars().map(char::len_utf16).sum(),
    };
    Position::new(line0 as u32, character as u32)
}

/// The LSP range of a byte span.
pub fn range(text: &str, index: &LineIndex, span: Span, enc: PositionEncoding) -> Range {
    Range::new(
        position(text, index, span.start, enc),
        position(text, index, span.end, enc),
    )
}

/// The byte offset of an LSP position. Lines past the end give the text's length; columns
/// past the line end give the line end; a column inside a character gives its start.
pub fn offset(text: &str, index: &LineIndex, pos: Position, enc: PositionEncoding) -> usize {
    let Some((start, end)) = line_bounds(text, index, pos.line as usize) else {
        return text.len();
    };
    let line = &text[start..end];
    match enc {
        PositionEncoding::Utf8 => {
            let col = (pos.character as usize).min(line.len());
            start + floor_char_boundary(line, col)
        }
        PositionEncoding::Utf16 => {
            let mut units = 0u32;
            for (i, c) in line.char_indices() {
                let next = units + c.len_utf16() as u32;
                if next > pos.character {
                    return start + i;
                }
                units = next;
            }
            end
        }
    }
}

/// The byte span of an LSP range (start and end ordered).
pub fn span(text: &str, index: &LineIndex, r: Range, enc: PositionEncoding) -> Span {
    let a = offset(text, index, r.start, enc);
    let b = offset(text, index, r.end, enc);
    Span::new(a.min(b), a.max(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use PositionEncoding::{Utf16, Utf8};

    const TEXT: &str = "Šī ir ūdens 😀 zīme.\r\nŽēl, ka 🇱🇻 karogs ir garš.\nāēīūšž";

    fn at(text: &str, needle: &str) -> usize {
        text.find(needle).unwrap()
    }

    #[test]
    fn utf16_columns_count_code_units() {
        let idx = LineIndex::new(TEXT);
        // "Šī ir ūdens " is 12 UTF-16 units; the emoji takes two.
        assert_eq!(
            position(TEXT, &idx, at(TEXT, "😀"), Utf16),
            Position::new(0, 12)
        );
        assert_eq!(
            position(TEXT, &idx, at(TEXT, " zīme"), Utf16),
            Position::new(0, 14)
        );
        // A flag is two regional indicators: four UTF-16 units.
        assert_eq!(
            position(TEXT, &idx, at(TEXT, " karogs"), Utf16),
            Position::new(1, 12)
        );
        assert_eq!(
            position(TEXT, &idx, at(TEXT, "šž"), Utf16),
            Position::new(2, 4)
        );
    }

    #[test]
    fn utf8_columns_count_bytes() {
        let idx = LineIndex::new(TEXT);
        // "Šī ir ūdens " is 15 bytes (Š, ī, ū take two each).
        assert_eq!(
            position(TEXT, &idx, at(TEXT, "😀"), Utf8),
            Position::new(0, 15)
        );
        assert_eq!(
            position(TEXT, &idx, at(TEXT, " zīme"), Utf8),
            Position::new(0, 19)
        );
    }

    #[test]
    fn round_trip_every_char_boundary() {
        let idx = LineIndex::new(TEXT);
        for enc in [Utf8, Utf16] {
            for (i, _) in TEXT.char_indices() {
                if TEXT.as_bytes()[i] == b'\n' || TEXT.as_bytes()[i] == b'\r' {
                    continue; // a line terminator maps to the line end, not itself
                }
                let p = position(TEXT, &idx, i, enc);
                assert_eq!(offset(TEXT, &idx, p, enc), i, "{enc:?} at byte {i} ({p:?})");
            }
        }
    }

    #[test]
    fn offsets_inside_a_character_move_back() {
        let idx = LineIndex::new(TEXT);
        let e = at(TEXT, "😀");
        assert_eq!(
            position(TEXT, &idx, e + 2, Utf16),
            position(TEXT, &idx, e, Utf16)
        );
        // UTF-16 column 13 is between the emoji's two surrogates.
        assert_eq!(offset(TEXT, &idx, Position::new(0, 13), Utf16), e);
        // UTF-8 column 16 is inside the emoji's four bytes.
        assert_eq!(offset(TEXT, &idx, Position::new(0, 16), Utf8), e);
    }

    #[test]
    fn out_of_range_positions_are_clamped() {
        let idx = LineIndex::new(TEXT);
        let line0_end = at(TEXT, "\r\n");
        assert_eq!(offset(TEXT, &idx, Position::new(0, 999), Utf16), line0_end);
        assert_eq!(offset(TEXT, &idx, Position::new(0, 999), Utf8), line0_end);
        assert_eq!(offset(TEXT, &idx, Position::new(99, 0), Utf16), TEXT.len());
        assert_eq!(
            position(TEXT, &idx, TEXT.len() + 5, Utf16),
            Position::new(2, 6)
        );
    }

    #[test]
    fn span_and_range_agree() {
        let idx = LineIndex::new(TEXT);
        let s = Span::new(at(TEXT, "Žēl"), at(TEXT, ", ka"));
        let r = range(TEXT, &idx, s, Utf16);
        assert_eq!(r, Range::new(Position::new(1, 0), Position::new(1, 3)));
        assert_eq!(span(TEXT, &idx, r, Utf16), s);
        // Reversed ranges are ordered.
        let rev = Range::new(r.end, r.start);
        assert_eq!(span(TEXT, &idx, rev, Utf16), s);
    }

    #[test]
    fn negotiation_prefers_utf8_only_when_offered() {
        let mut caps = ClientCapabilities::default();
        assert_eq!(PositionEncoding::negotiate(&caps), Utf16);
        caps.general = Some(tower_lsp::lsp_types::GeneralClientCapabilities {
            position_encodings: Some(vec![PositionEncodingKind::UTF16]),
            ..Default::default()
        });
        assert_eq!(PositionEncoding::negotiate(&caps), Utf16);
        caps.general = Some(tower_lsp::lsp_types::GeneralClientCapabilities {
            position_encodings: Some(vec![
                PositionEncodingKind::UTF16,
                PositionEncodingKind::UTF8,
            ]),
            ..Default::default()
        });
        assert_eq!(PositionEncoding::negotiate(&caps), Utf8);
    }
}
