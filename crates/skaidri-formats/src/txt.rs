//! Plain text: decoding and splitting into paragraphs.
//!
//! When the text has blank lines, they separate paragraphs and single
//! line breaks stay inside a paragraph (hard-wrapped text). When it has
//! none, every non-empty line is a paragraph (one line per paragraph, as
//! in legal acts exported to text). The text of each paragraph is copied
//! verbatim, so the map is one segment per paragraph.

use crate::offset_map::TextBuilder;
use crate::{encoding, BlockKind, Document, ExtractOptions, FormatError};

/// Extract a plain-text document.
pub(crate) fn extract(bytes: &[u8], opts: &ExtractOptions) -> Result<Document, FormatError> {
    if bytes.len() > opts.max_text_bytes {
        return Err(FormatError::TooLarge {
            limit: opts.max_text_bytes,
        });
    }
    let decoded = encoding::decode(bytes)?;
    let src = decoded.text;
    let mut b = TextBuilder::with_capacity(src.len() + src.len() / 8);
    for range in paragraphs(&src) {
        b.begin_block(BlockKind::Paragraph, None, false);
        b.push_verbatim(&src[range.clone()], range.start);
        b.end_block();
    }
    let (text, blocks, map) = b.finish();
    Ok(Document {
        text,
        map,
        source_text: Some(src),
        blocks,
        structure: Vec::new(),
        directives: Vec::new(),
        encoding_note: decoded.note,
    })
}

/// Byte ranges of the paragraphs of `src`, trimmed of surrounding
/// whitespace.
fn paragraphs(src: &str) -> Vec<std::ops::Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for line in src.split_inclusive('\n') {
        lines.push(start..start + line.len());
        start += line.len();
    }
    let blank = |r: &std::ops::Range<usize>| src[r.clone()].trim().is_empty();
    let has_blank = {
        // A blank line between two non-blank ones.
        let first = lines.iter().position(|l| !blank(l));
        let last = lines.iter().rposition(|l| !blank(l));
        match (first, last) {
            (Some(f), Some(l)) => lines[f..=l].iter().any(blank),
            _ => false,
        }
    };
    let mut out = Vec::new();
    let mut cur: Option<std::ops::Range<usize>> = None;
    for l in &lines {
        if blank(l) {
            out.extend(cur.take());
            continue;
        }
        match &mut cur {
            Some(c) if has_blank => c.end = l.end,
            _ => {
                out.extend(cur.take());
                cur = Some(l.clone());
            }
        }
    }
    out.extend(cur);
    out.into_iter()
        .map(|r| {
            let s = &src[r.clone()];
            let lead = s.len() - s.trim_start().len();
            let trail = s.len() - s.trim_end().len();
            r.start + lead..r.end - trail
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_separate_paragraphs() {
        let s = "Pirmā rinda\nturpinās.\n\n  Otrā.\n";
        let p: Vec<_> = paragraphs(s).into_iter().map(|r| &s[r]).collect();
        assert_eq!(p, ["Pirmā rinda\nturpinās.", "Otrā."]);
    }

    #[test]
    fn without_blank_lines_each_line_is_a_paragraph() {
        let s = "Viens\r\nDivi\r\n";
        let p: Vec<_> = paragraphs(s).into_iter().map(|r| &s[r]).collect();
        assert_eq!(p, ["Viens", "Divi"]);
    }
}
