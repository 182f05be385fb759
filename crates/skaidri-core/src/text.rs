//! Positions in text: byte offsets to 1-based lines and columns.
//!
//! Columns are counted in Unicode scalar values (what a person counts) and, for the LSP,
//! in UTF-16 code units. "ā" is one scalar value and one UTF-16 unit but two UTF-8 bytes;
//! an emoji is one scalar value but two UTF-16 units.

use serde::Serialize;

/// A resolved position in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Position {
    /// 1-based line number.
    pub line: u32,
    /// 1-based column, counted in Unicode scalar values.
    pub column: u32,
    /// Byte offset from the start of the text.
    pub offset: usize,
}

/// Index of line starts for fast offset → line/column conversion.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Builds the index for `text`. Lines end at `\n`; a `\r` before it belongs to the line.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// Zero-based line containing byte `offset`.
    fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Byte offset where zero-based `line` starts, if the line exists.
    pub fn line_start(&self, line0: usize) -> Option<usize> {
        self.starts.get(line0).copied()
    }

    /// Number of lines.
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Position of byte `offset` in `text` (the text the index was built from). Offsets
    /// inside a multi-byte character are moved back to the character's start; offsets past
    /// the end are clamped.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line0 = self.line_of(offset);
        let start = self.starts[line0];
        let column = text[start..offset].chars().count() as u32 + 1;
        Position {
            line: line0 as u32 + 1,
            column,
            offset,
        }
    }

    /// Zero-based line and zero-based UTF-16 column of byte `offset`, as the LSP wants them.
    pub fn utf16_position(&self, text: &str, offset: usize) -> (u32, u32) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line0 = self.line_of(offset);
        let start = self.starts[line0];
        let col: usize = text[start..offset].chars().map(char::len_utf16).sum();
        (line0 as u32, col as u32)
    }

    /// Byte offset of a zero-based line and UTF-16 column; columns past the line end are
    /// clamped to it (as the LSP specification asks).
    pub fn offset_of_utf16(&self, text: &str, line0: u32, col16: u32) -> usize {
        let Some(start) = self.line_start(line0 as usize) else {
            return text.len();
        };
        let end = self
            .line_start(line0 as usize + 1)
            .map(|e| e - 1)
            .unwrap_or(text.len());
        let mut units = 0u32;
        for (i, c) in text[start..end].char_indices() {
            if units >= col16 {
                return start + i;
            }
            units += c.len_utf16() as u32;
        }
        end
    }
}

/// The largest char boundary at or below `i`.
pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_scalar_values_and_utf16_units() {
        let text = "ā😀b\nšž";
        let idx = LineIndex::new(text);
        let b = text.find('b').unwrap();
        assert_eq!(idx.position(text, b).column, 3);
        assert_eq!(idx.utf16_position(text, b), (0, 3));
        let z = text.find('ž').unwrap();
        let p = idx.position(text, z);
        assert_eq!((p.line, p.column), (2, 2));
        assert_eq!(idx.offset_of_utf16(text, 0, 3), b);
        assert_eq!(idx.offset_of_utf16(text, 1, 99), text.len());
    }

    #[test]
    fn offsets_inside_a_character_move_back() {
        let text = "ā";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 1).offset, 0);
    }
}
