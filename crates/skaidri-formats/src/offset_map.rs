//! The map from extracted text back to the source, and the builder that
//! every format uses to produce text, blocks and map together.
//!
//! Text formats (txt, Markdown, HTML) map to byte offsets in the decoded
//! source ([`SourcePos::Byte`]). Office formats (DOCX, ODT) have no useful
//! byte offsets (the text sits in zipped XML), so they map to a paragraph
//! number and a character offset inside that paragraph
//! ([`SourcePos::Paragraph`]).
//!
//! A byte map is a sorted list of segments. A *verbatim* segment was copied
//! from the source unchanged, so every byte inside it maps one to one. Any
//! other segment (a decoded entity, a collapsed run of whitespace, an
//! inserted block separator) maps as a whole to its source range.

use std::ops::Range;

use crate::{Block, BlockKind};

/// A place in the source document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourcePos {
    /// A byte offset into [`Document::source_text`](crate::Document).
    Byte {
        /// Byte offset into the decoded source text.
        offset: usize,
    },
    /// A place inside a paragraph of an office document.
    Paragraph {
        /// 1-based paragraph number, counting the document's paragraphs in
        /// order (body first, then footnotes for DOCX).
        index: usize,
        /// Offset in Unicode scalar values from the start of the
        /// paragraph's text.
        char_offset: usize,
        /// A few words of the paragraph starting at `char_offset`, so a
        /// person can find the place.
        excerpt: String,
    },
}

/// One stretch of the byte map.
#[derive(Debug, Clone, Copy)]
struct Seg {
    text_start: usize,
    text_len: usize,
    src_start: usize,
    src_len: usize,
    verbatim: bool,
}

/// One paragraph of an office document as it lies in the text.
#[derive(Debug, Clone)]
struct ParaSpan {
    text: Range<usize>,
    index: usize,
    /// Characters of the paragraph that come before `text.start`
    /// (leading whitespace that was trimmed).
    char_base: usize,
}

#[derive(Debug, Clone)]
enum Inner {
    Bytes { segs: Vec<Seg>, text_len: usize },
    Paragraphs { paras: Vec<ParaSpan>, text: String },
}

/// Exact map from byte offsets in [`Document::text`](crate::Document) to
/// places in the source.
#[derive(Debug, Clone)]
pub struct OffsetMap {
    inner: Inner,
}

/// Number of characters in a [`SourcePos::Paragraph`] excerpt.
const EXCERPT_CHARS: usize = 40;

impl OffsetMap {
    /// The source place of the character that starts at `text_offset`.
    ///
    /// An offset at the end of the text maps to the end of the last
    /// mapped source. Offsets inside a decoded entity or a separator map to
    /// the start of its source. To map a *range*, use
    /// [`source_range`](Self::source_range): a range's end must be mapped
    /// from the character before it, which this function cannot know.
    pub fn to_source(&self, text_offset: usize) -> SourcePos {
        match &self.inner {
            Inner::Bytes { segs, text_len } => SourcePos::Byte {
                offset: bytes_start(segs, *text_len, text_offset),
            },
            Inner::Paragraphs { paras, text } => para_pos(paras, text, text_offset, false),
        }
    }

    /// The source places of the start and the (exclusive) end of
    /// `text_range`.
    ///
    /// For byte maps, `source_text[start..end]` is exactly the source of
    /// the range: a word maps to the word, and a decoded entity at either
    /// edge is covered whole.
    pub fn source_range(&self, text_range: Range<usize>) -> (SourcePos, SourcePos) {
        let start = self.to_source(text_range.start);
        if text_range.end <= text_range.start {
            return (start.clone(), start);
        }
        let end = match &self.inner {
            Inner::Bytes { segs, text_len } => SourcePos::Byte {
                offset: bytes_end(segs, *text_len, text_range.end),
            },
            Inner::Paragraphs { paras, text } => para_pos(paras, text, text_range.end, true),
        };
        (start, end)
    }

    /// Byte offsets in the source for a text range, for byte maps only.
    ///
    /// Returns `None` for office documents, whose map is by paragraph.
    pub fn byte_range(&self, text_range: Range<usize>) -> Option<Range<usize>> {
        match self.source_range(text_range) {
            (SourcePos::Byte { offset: s }, SourcePos::Byte { offset: e }) => Some(s..e.max(s)),
            _ => None,
        }
    }

    pub(crate) fn from_paragraphs(text: &str, paras: Vec<(Range<usize>, usize, usize)>) -> Self {
        OffsetMap {
            inner: Inner::Paragraphs {
                paras: paras
                    .into_iter()
                    .map(|(text, index, char_base)| ParaSpan {
                        text,
                        index,
                        char_base,
                    })
                    .collect(),
                text: text.to_owned(),
            },
        }
    }
}

/// Index of the last segment whose text starts at or before `t`.
fn seg_at(segs: &[Seg], t: usize) -> Option<usize> {
    let i = segs.partition_point(|s| s.text_start <= t);
    i.checked_sub(1)
}

fn bytes_start(segs: &[Seg], text_len: usize, t: usize) -> usize {
    let Some(i) = seg_at(segs, t) else {
        return segs.first().map_or(0, |s| s.src_start);
    };
    let s = segs[i];
    if t >= text_len || t >= s.text_start + s.text_len {
        // At or past the end of this segment: the end of its source.
        return s.src_start + s.src_len;
    }
    if s.verbatim {
        s.src_start + (t - s.text_start)
    } else {
        s.src_start
    }
}

fn bytes_end(segs: &[Seg], text_len: usize, e: usize) -> usize {
    let e = e.min(text_len);
    if e == 0 {
        return bytes_start(segs, text_len, 0);
    }
    let Some(i) = seg_at(segs, e - 1) else {
        return 0;
    };
    let s = segs[i];
    if s.verbatim {
        s.src_start + (e - s.text_start).min(s.src_len)
    } else {
        s.src_start + s.src_len
    }
}

fn para_pos(paras: &[ParaSpan], text: &str, t: usize, end_bias: bool) -> SourcePos {
    let probe = if end_bias { t.saturating_sub(1) } else { t };
    let i = paras.partition_point(|p| p.text.start <= probe);
    let Some(p) = i.checked_sub(1).and_then(|i| paras.get(i)) else {
        return SourcePos::Paragraph {
            index: paras.first().map_or(1, |p| p.index),
            char_offset: 0,
            excerpt: String::new(),
        };
    };
    let at = t.clamp(p.text.start, p.text.end);
    let at = floor_boundary(text, at);
    let char_offset = p.char_base + text.get(p.text.start..at).map_or(0, |s| s.chars().count());
    let excerpt: String = text
        .get(at..p.text.end)
        .unwrap_or("")
        .chars()
        .take(EXCERPT_CHARS)
        .collect();
    SourcePos::Paragraph {
        index: p.index,
        char_offset,
        excerpt,
    }
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Block that is being filled.
#[derive(Debug)]
struct OpenBlock {
    kind: BlockKind,
    lang: Option<String>,
    skip: bool,
    start: Option<usize>,
}

/// Builds `text`, `blocks` and the byte map together, so they cannot
/// disagree. Formats push pieces of text with their source ranges; the
/// builder inserts `"\n\n"` between blocks, drops whitespace at block
/// edges and merges adjacent verbatim segments.
#[derive(Debug, Default)]
pub(crate) struct TextBuilder {
    text: String,
    segs: Vec<Seg>,
    blocks: Vec<Block>,
    open: Option<OpenBlock>,
    pending_space: Option<(Range<usize>, bool)>,
    last_src_end: usize,
}

impl TextBuilder {
    /// A builder whose text has room for `bytes` bytes, so a large
    /// document does not pass through doubling reallocations.
    pub(crate) fn with_capacity(bytes: usize) -> Self {
        TextBuilder {
            text: String::with_capacity(bytes),
            ..Default::default()
        }
    }

    /// Current length of the text.
    pub(crate) fn len(&self) -> usize {
        self.text.len()
    }

    /// Is a block open (begun and not ended)?
    pub(crate) fn has_open_block(&self) -> bool {
        self.open.is_some()
    }

    /// Does the open block hold any text yet?
    pub(crate) fn open_block_has_text(&self) -> bool {
        self.open.as_ref().is_some_and(|b| b.start.is_some())
    }

    /// Start of the open block's text, if it has any.
    pub(crate) fn open_block_start(&self) -> Option<usize> {
        self.open.as_ref().and_then(|b| b.start)
    }

    /// Close any open block and open a new one.
    pub(crate) fn begin_block(&mut self, kind: BlockKind, lang: Option<String>, skip: bool) {
        self.end_block();
        self.open = Some(OpenBlock {
            kind,
            lang,
            skip,
            start: None,
        });
    }

    /// Close the open block. An empty block leaves no trace. Returns the
    /// finished block's text range.
    pub(crate) fn end_block(&mut self) -> Option<Range<usize>> {
        self.pending_space = None;
        let b = self.open.take()?;
        let start = b.start?;
        let range = start..self.text.len();
        self.blocks.push(Block {
            range: range.clone(),
            kind: b.kind,
            lang: b.lang,
            skip: b.skip,
        });
        Some(range)
    }

    /// Note whitespace in the source: it becomes one space if more text
    /// follows in the same block. `exact` says the source is exactly one
    /// `' '`, so the space can map verbatim.
    pub(crate) fn push_space(&mut self, src: Range<usize>, exact: bool) {
        if !self.open_block_has_text() {
            return;
        }
        match &mut self.pending_space {
            Some((p, ex)) => {
                p.end = src.end.max(p.end);
                *ex = false;
            }
            None => self.pending_space = Some((src, exact)),
        }
    }

    /// Kind of the last finished block.
    pub(crate) fn last_kind(&self) -> Option<&BlockKind> {
        self.blocks.last().map(|b| &b.kind)
    }

    /// Give the last finished block another kind.
    pub(crate) fn retag_last(&mut self, kind: BlockKind) {
        if let Some(b) = self.blocks.last_mut() {
            b.kind = kind;
        }
    }

    /// The text so far.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// Append text copied unchanged from `src_start..src_start + s.len()`.
    pub(crate) fn push_verbatim(&mut self, s: &str, src_start: usize) {
        if s.is_empty() {
            return;
        }
        self.before_content();
        self.add_seg(s, src_start, s.len(), true);
    }

    /// Append text that stands for `src` as a whole (a decoded entity, an
    /// escape, a tab element).
    pub(crate) fn push_mapped(&mut self, s: &str, src: Range<usize>) {
        if s.is_empty() {
            return;
        }
        self.before_content();
        let len = src.end.saturating_sub(src.start);
        self.add_seg(s, src.start, len, false);
    }

    fn before_content(&mut self) {
        if self.open.is_none() {
            self.open = Some(OpenBlock {
                kind: BlockKind::Paragraph,
                lang: None,
                skip: false,
                start: None,
            });
        }
        let fresh = self.open.as_ref().is_some_and(|b| b.start.is_none());
        if fresh {
            if !self.text.is_empty() {
                let at = self.last_src_end;
                self.add_seg("\n\n", at, 0, false);
            }
            if let Some(b) = &mut self.open {
                b.start = Some(self.text.len());
            }
        } else if let Some((p, exact)) = self.pending_space.take() {
            let len = p.end.saturating_sub(p.start);
            self.add_seg(" ", p.start, len, exact && len == 1);
        }
    }

    fn add_seg(&mut self, s: &str, src_start: usize, src_len: usize, verbatim: bool) {
        let text_start = self.text.len();
        self.text.push_str(s);
        if src_len > 0 {
            self.last_src_end = src_start + src_len;
        }
        if let Some(last) = self.segs.last_mut() {
            if verbatim
                && last.verbatim
                && last.text_start + last.text_len == text_start
                && last.src_start + last.src_len == src_start
            {
                last.text_len += s.len();
                last.src_len += src_len;
                return;
            }
        }
        self.segs.push(Seg {
            text_start,
            text_len: s.len(),
            src_start,
            src_len,
            verbatim,
        });
    }

    /// Finish: the text, its blocks and a byte map.
    pub(crate) fn finish(mut self) -> (String, Vec<Block>, OffsetMap) {
        self.end_block();
        let text_len = self.text.len();
        let map = OffsetMap {
            inner: Inner::Bytes {
                segs: self.segs,
                text_len,
            },
        };
        (self.text, self.blocks, map)
    }

    /// Finish without a byte map (office formats build their own).
    pub(crate) fn finish_text(mut self) -> (String, Vec<Block>) {
        self.end_block();
        (self.text, self.blocks)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbatim_and_mapped_segments_round_trip() {
        // Source: "<p>a &amp; b</p><p>cc</p>"
        let src = "<p>a &amp; b</p><p>cc</p>";
        let mut b = TextBuilder::default();
        b.begin_block(BlockKind::Paragraph, None, false);
        b.push_verbatim("a", 3);
        b.push_space(4..5, true);
        b.push_mapped("&", 5..10);
        b.push_space(10..11, true);
        b.push_verbatim("b", 11);
        b.end_block();
        b.begin_block(BlockKind::Paragraph, None, false);
        b.push_verbatim("cc", 19);
        let (text, blocks, map) = b.finish();
        assert_eq!(text, "a & b\n\ncc");
        assert_eq!(blocks.len(), 2);
        let r = map.byte_range(2..3).unwrap();
        assert_eq!(&src[r], "&amp;");
        let r = map.byte_range(7..9).unwrap();
        assert_eq!(&src[r], "cc");
        let r = map.byte_range(4..5).unwrap();
        assert_eq!(&src[r], "b");
        // A range ending just before the separator ends at the word.
        let r = map.byte_range(0..5).unwrap();
        assert_eq!(&src[r], "a &amp; b");
    }

    #[test]
    fn paragraph_map_counts_chars() {
        let text = "āb cd\n\nēf";
        let map = OffsetMap::from_paragraphs(text, vec![(0..6, 1, 0), (8..11, 3, 0)]);
        assert_eq!(
            map.to_source(4),
            SourcePos::Paragraph {
                index: 1,
                char_offset: 3,
                excerpt: "cd".into()
            }
        );
        let (s, e) = map.source_range(8..11);
        assert!(matches!(
            s,
            SourcePos::Paragraph {
                index: 3,
                char_offset: 0,
                ..
            }
        ));
        assert!(matches!(
            e,
            SourcePos::Paragraph {
                index: 3,
                char_offset: 2,
                ..
            }
        ));
    }
}
