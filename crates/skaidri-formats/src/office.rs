//! What DOCX and ODT share once their XML is read: a list of paragraphs
//! (numbered in document order), facts and comments that point into
//! them. This module assembles them into a [`Document`] with a
//! paragraph-based [`OffsetMap`].

use std::collections::HashMap;
use std::ops::Range;

use crate::a11y::HeadingOrder;
use crate::offset_map::{OffsetMap, TextBuilder};
use crate::{
    BlockKind, Directive, Document, ExtractOptions, FormatError, SourcePos, StructuralFinding,
    StructuralKind,
};

/// Longest paragraph (in characters) that can be a fake heading.
pub(crate) const FAKE_HEADING_MAX_CHARS: usize = 80;

/// Font size (in points) from which a short paragraph looks like a
/// heading.
pub(crate) const LARGE_FONT_PT: f32 = 14.0;

/// One finished paragraph.
#[derive(Debug, Clone)]
pub(crate) struct Para {
    /// 1-based paragraph number in document order.
    pub index: usize,
    pub kind: BlockKind,
    pub text: String,
    /// Characters of `text` that are bold or large, for fake headings.
    pub emphasised_chars: usize,
    /// Language set explicitly on all of the paragraph's text, when it is
    /// not Latvian (the block is then skipped).
    pub foreign_lang: Option<String>,
    /// True when the paragraph may be a fake heading at all (not in a
    /// table, list or note, not a title or caption style).
    pub may_be_heading: bool,
}

/// Tracks the explicit language of a paragraph's text.
#[derive(Debug, Default)]
pub(crate) struct LangCount {
    foreign_chars: usize,
    lang: Option<String>,
}

impl LangCount {
    /// Note `s` written in explicit language `lang` (or none).
    pub(crate) fn add(&mut self, s: &str, lang: Option<&str>) {
        if let Some(l) = lang.filter(|l| !crate::a11y::is_latvian(l)) {
            self.foreign_chars += s.chars().filter(|c| !c.is_whitespace()).count();
            self.lang = Some(l.to_owned());
        }
    }

    /// The foreign language, if it covers all non-space characters of
    /// `text`.
    pub(crate) fn result(self, text: &str) -> Option<String> {
        let n = text.chars().filter(|c| !c.is_whitespace()).count();
        (n > 0 && self.foreign_chars >= n)
            .then_some(self.lang)
            .flatten()
    }
}

/// A fact pointing into a paragraph by character range.
#[derive(Debug, Clone)]
pub(crate) struct Fact {
    pub kind: StructuralKind,
    pub index: usize,
    pub chars: Range<usize>,
    pub detail: String,
}

/// A comment anchored in a paragraph.
#[derive(Debug, Clone)]
pub(crate) struct Comment {
    pub text: String,
    pub index: usize,
    pub char_offset: usize,
}

/// Everything a reader collected.
#[derive(Debug, Default)]
pub(crate) struct Collected {
    pub paras: Vec<Para>,
    pub facts: Vec<Fact>,
    pub comments: Vec<Comment>,
    /// Document language, `None` when not declared.
    pub lang: Option<String>,
}

/// Byte offset of the `n`th character of `s` (or its end).
fn char_to_byte(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)
}

/// Build the document. Heading order and fake headings are checked here,
/// in paragraph order.
pub(crate) fn assemble(mut c: Collected, opts: &ExtractOptions) -> Result<Document, FormatError> {
    // Alt texts follow the paragraph holding their image.
    c.paras
        .sort_by_key(|p| (p.index, p.kind == BlockKind::AltText));
    let mut b = TextBuilder::default();
    let mut spans = Vec::new();
    // Paragraph index -> (text start of its block, chars trimmed before).
    let mut starts: HashMap<usize, (usize, usize, usize)> = HashMap::new();
    let mut headings = HeadingOrder::default();
    let mut facts = c.facts;
    for p in &c.paras {
        let trimmed = p.text.trim();
        if let BlockKind::Heading(level) = p.kind {
            for (kind, detail) in headings.next_office(level) {
                facts.push(Fact {
                    kind,
                    index: p.index,
                    chars: 0..p.text.chars().count(),
                    detail,
                });
            }
        }
        if trimmed.is_empty() {
            continue;
        }
        let lead = p.text.len() - p.text.trim_start().len();
        let char_base = p.text[..lead].chars().count();
        let skip = p.foreign_lang.is_some();
        b.begin_block(p.kind.clone(), p.foreign_lang.clone(), skip);
        b.push_verbatim(trimmed, 0);
        let Some(range) = b.end_block() else { continue };
        if range.end > opts.max_text_bytes {
            return Err(FormatError::TooLarge {
                limit: opts.max_text_bytes,
            });
        }
        if p.kind != BlockKind::AltText {
            starts.insert(p.index, (range.start, char_base, range.end));
        }
        spans.push((range, p.index, char_base));
        let chars = trimmed.chars().count();
        if p.may_be_heading
            && p.kind == BlockKind::Paragraph
            && chars <= FAKE_HEADING_MAX_CHARS
            && p.emphasised_chars >= p.text.chars().filter(|c| !c.is_whitespace()).count()
            && !trimmed.ends_with(['.', ',', ';', ':'])
        {
            facts.push(Fact {
                kind: StructuralKind::FakeHeading,
                index: p.index,
                chars: char_base..char_base + chars,
                detail: trimmed.to_owned(),
            });
        }
    }
    let (text, blocks) = b.finish_text();
    let map = OffsetMap::from_paragraphs(&text, spans);
    let para_text: HashMap<usize, &str> = c
        .paras
        .iter()
        .filter(|p| p.kind != BlockKind::AltText)
        .map(|p| (p.index, p.text.as_str()))
        .collect();
    let pos = |index: usize, char_offset: usize| {
        let excerpt = para_text
            .get(&index)
            .map(|t| t.chars().skip(char_offset).take(40).collect())
            .unwrap_or_default();
        SourcePos::Paragraph {
            index,
            char_offset,
            excerpt,
        }
    };
    // Character offset in paragraph -> byte offset in text.
    let to_text = |index: usize, char_offset: usize| -> Option<usize> {
        let (start, base, end) = *starts.get(&index)?;
        let within = char_offset.saturating_sub(base);
        let s = text.get(start..end)?;
        Some(start + char_to_byte(s, within))
    };
    let mut structure: Vec<StructuralFinding> = facts
        .iter()
        .map(|f| StructuralFinding {
            kind: f.kind,
            source: pos(f.index, f.chars.start),
            end: pos(f.index, f.chars.end),
            text_range: match (
                to_text(f.index, f.chars.start),
                to_text(f.index, f.chars.end),
            ) {
                (Some(s), Some(e)) if e > s => Some(s..e),
                _ => None,
            },
            detail: f.detail.clone(),
        })
        .collect();
    match &c.lang {
        None => structure.push(StructuralFinding {
            kind: StructuralKind::MissingDocumentLang,
            source: pos(1, 0),
            end: pos(1, 0),
            text_range: None,
            detail: String::new(),
        }),
        Some(l) if !crate::a11y::is_latvian(l) => structure.push(StructuralFinding {
            kind: StructuralKind::DocumentLangNotLatvian,
            source: pos(1, 0),
            end: pos(1, 0),
            text_range: None,
            detail: l.clone(),
        }),
        Some(_) => {}
    }
    let mut directives: Vec<Directive> = c
        .comments
        .iter()
        .map(|cm| {
            let text_offset = to_text(cm.index, cm.char_offset)
                .or_else(|| {
                    // The paragraph is empty: the next one that has text.
                    starts
                        .iter()
                        .filter(|(i, _)| **i > cm.index)
                        .min_by_key(|(i, _)| **i)
                        .map(|(_, (s, _, _))| *s)
                })
                .unwrap_or(text.len());
            Directive {
                text: cm.text.trim().to_owned(),
                source: pos(cm.index, cm.char_offset),
                text_offset,
            }
        })
        .collect();
    directives.sort_by_key(|d| d.text_offset);
    Ok(Document {
        text,
        map,
        source_text: None,
        blocks,
        structure,
        directives,
        encoding_note: None,
    })
}
