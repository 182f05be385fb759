//! Markdown (CommonMark with tables, footnotes and front matter) through
//! pulldown-cmark's offset iterator.
//!
//! Kept: headings, paragraphs, list items, table cells, link text,
//! footnote text, image alt text (as separate [`BlockKind::AltText`]
//! blocks after the block holding the image). Skipped: code blocks,
//! inline code, autolinks and bare URLs, raw HTML (HTML comments become
//! [`Directive`]s), front matter. Text inside raw HTML blocks is not
//! extracted.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::a11y::{self, HeadingOrder};
use crate::offset_map::TextBuilder;
use crate::{
    encoding, BlockKind, Directive, Document, ExtractOptions, FormatError, SourcePos,
    StructuralFinding, StructuralKind,
};

/// Longest paragraph (in characters) that can be a fake heading.
const FAKE_HEADING_MAX_CHARS: usize = 80;

/// Extract a Markdown document.
pub(crate) fn extract(bytes: &[u8], opts: &ExtractOptions) -> Result<Document, FormatError> {
    if bytes.len() > opts.max_text_bytes {
        return Err(FormatError::TooLarge {
            limit: opts.max_text_bytes,
        });
    }
    let decoded = encoding::decode(bytes)?;
    let src = decoded.text;
    let mut st = State::new(&src);
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    for (event, range) in Parser::new_ext(&src, options).into_offset_iter() {
        st.event(event, range);
    }
    let (text, blocks, map) = st.b.finish();
    let structure = st.structure;
    let directives = st.directives;
    Ok(Document {
        text,
        map,
        source_text: Some(src),
        blocks,
        structure,
        directives,
        encoding_note: decoded.note,
    })
}

/// A piece of alt text waiting to become its own block.
enum Piece {
    Verbatim(String, usize),
    Mapped(String, Range<usize>),
    Space(Range<usize>),
}

struct LinkState {
    text_start: usize,
    src: Range<usize>,
    dest: String,
    autolink: bool,
    has_alt: bool,
}

struct State<'s> {
    src: &'s str,
    b: TextBuilder,
    structure: Vec<StructuralFinding>,
    directives: Vec<Directive>,
    headings: HeadingOrder,
    /// Depth of things whose text is skipped (code, front matter, HTML).
    skip: usize,
    /// Tags that are open, innermost last.
    stack: Vec<Tag<'s>>,
    /// Depth of strong emphasis.
    strong: usize,
    /// Is the current paragraph all in strong emphasis so far?
    para_all_strong: bool,
    para_src: Range<usize>,
    /// Inside an image: its alt text pieces.
    image: Option<(Vec<Piece>, Range<usize>, String)>,
    pending_alts: Vec<Vec<Piece>>,
    links: Vec<LinkState>,
}

impl<'s> State<'s> {
    fn new(src: &'s str) -> Self {
        State {
            src,
            b: TextBuilder::with_capacity(src.len()),
            structure: Vec::new(),
            directives: Vec::new(),
            headings: HeadingOrder::default(),
            skip: 0,
            stack: Vec::new(),
            strong: 0,
            para_all_strong: false,
            para_src: 0..0,
            image: None,
            pending_alts: Vec::new(),
            links: Vec::new(),
        }
    }

    fn fact(&mut self, kind: StructuralKind, src: Range<usize>, detail: String) {
        self.structure.push(StructuralFinding {
            kind,
            source: SourcePos::Byte { offset: src.start },
            end: SourcePos::Byte { offset: src.end },
            text_range: None,
            detail,
        });
    }

    fn context_kind(&self) -> BlockKind {
        for t in self.stack.iter().rev() {
            match t {
                Tag::Heading { level, .. } => return BlockKind::Heading(*level as u8),
                Tag::Item => return BlockKind::ListItem,
                Tag::TableCell => return BlockKind::TableCell,
                Tag::FootnoteDefinition(_) => return BlockKind::Footnote,
                _ => {}
            }
        }
        BlockKind::Paragraph
    }

    fn end_block(&mut self) {
        self.b.end_block();
        for pieces in std::mem::take(&mut self.pending_alts) {
            self.b.begin_block(BlockKind::AltText, None, false);
            for p in pieces {
                match p {
                    Piece::Verbatim(s, at) => self.b.push_verbatim(&s, at),
                    Piece::Mapped(s, r) => self.b.push_mapped(&s, r),
                    Piece::Space(r) => self.b.push_space(r, false),
                }
            }
            self.b.end_block();
        }
    }

    fn event(&mut self, event: Event<'s>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag, range),
            Event::Text(t) if self.skip == 0 => {
                self.text(&t, range);
            }
            // Block HTML is read from the source when the block ends (a
            // comment may span several of its lines).
            Event::Html(_) => {}
            Event::InlineHtml(_) => self.html(range),
            Event::SoftBreak | Event::HardBreak if self.skip == 0 => match &mut self.image {
                Some((pieces, _, _)) => pieces.push(Piece::Space(range)),
                None => self.b.push_space(range, false),
            },
            Event::Rule => self.end_block(),
            // Inline code, footnote references, task markers and math
            // are not prose.
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'s>, range: Range<usize>) {
        match &tag {
            Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::HtmlBlock => {
                self.skip += 1;
            }
            Tag::Paragraph => {
                let kind = self.context_kind();
                // A paragraph directly inside an item or cell continues
                // that block's kind.
                self.b.begin_block(kind, None, false);
                self.para_all_strong = true;
                self.para_src = range.clone();
            }
            Tag::Heading { level, .. } => {
                let level = *level as u8;
                self.b.begin_block(BlockKind::Heading(level), None, false);
                for (kind, detail) in self.headings.next(level) {
                    self.fact(kind, range.clone(), detail);
                }
            }
            Tag::Item => self.b.begin_block(BlockKind::ListItem, None, false),
            Tag::TableCell => self.b.begin_block(BlockKind::TableCell, None, false),
            Tag::FootnoteDefinition(_) => self.b.begin_block(BlockKind::Footnote, None, false),
            Tag::List(_) | Tag::Table(_) | Tag::BlockQuote(_) => self.end_block(),
            Tag::Strong => self.strong += 1,
            Tag::Image { .. } => {
                self.image = Some((Vec::new(), range.clone(), String::new()));
                if let Some(l) = self.links.last_mut() {
                    l.has_alt = true;
                }
            }
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => {
                let autolink = matches!(link_type, LinkType::Autolink | LinkType::Email);
                if autolink {
                    self.skip += 1;
                }
                self.links.push(LinkState {
                    text_start: self.b.len(),
                    src: range.clone(),
                    dest: dest_url.to_string(),
                    autolink,
                    has_alt: false,
                });
            }
            _ => {}
        }
        self.stack.push(tag);
    }

    fn end(&mut self, tag: TagEnd, range: Range<usize>) {
        self.stack.pop();
        match tag {
            TagEnd::CodeBlock | TagEnd::MetadataBlock(_) => {
                self.skip = self.skip.saturating_sub(1);
            }
            TagEnd::HtmlBlock => {
                self.skip = self.skip.saturating_sub(1);
                self.html(range);
            }
            TagEnd::Paragraph => {
                let start = self.b.open_block_start();
                let all_strong = self.para_all_strong;
                let para_src = self.para_src.clone();
                self.end_block();
                if let Some(start) = start {
                    self.fake_heading(all_strong, start, para_src);
                }
                let kind = self.context_kind();
                if kind != BlockKind::Paragraph {
                    // Text after a paragraph inside an item stays an item.
                    self.b.begin_block(kind, None, false);
                }
            }
            TagEnd::Heading(_)
            | TagEnd::Item
            | TagEnd::TableCell
            | TagEnd::FootnoteDefinition
            | TagEnd::List(_)
            | TagEnd::Table
            | TagEnd::BlockQuote(_) => {
                self.end_block();
                let kind = self.context_kind();
                if kind != BlockKind::Paragraph {
                    self.b.begin_block(kind, None, false);
                }
            }
            TagEnd::Strong => self.strong = self.strong.saturating_sub(1),
            TagEnd::Image => {
                if let Some((pieces, src, _)) = self.image.take() {
                    self.image_done(pieces, src);
                }
            }
            TagEnd::Link => {
                if let Some(link) = self.links.pop() {
                    if link.autolink {
                        self.skip = self.skip.saturating_sub(1);
                    }
                    self.link_done(link, range);
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, t: &str, range: Range<usize>) {
        let raw = self.src.get(range.clone()).unwrap_or("");
        if self.strong == 0 && !t.trim().is_empty() {
            self.para_all_strong = false;
        }
        if raw != t {
            // An escape or entity: the text stands for the whole range.
            match &mut self.image {
                Some((pieces, _, alt)) => {
                    alt.push_str(t);
                    pieces.push(Piece::Mapped(t.to_owned(), range));
                }
                None => self.b.push_mapped(t, range),
            }
            return;
        }
        let mut at = range.start;
        for tok in split_ws(t) {
            let r = at..at + tok.len();
            at += tok.len();
            let is_ws = tok.chars().all(char::is_whitespace);
            match &mut self.image {
                Some((pieces, _, alt)) => {
                    alt.push_str(tok);
                    if is_ws {
                        pieces.push(Piece::Space(r));
                    } else {
                        pieces.push(Piece::Verbatim(tok.to_owned(), r.start));
                    }
                }
                None => {
                    if is_ws {
                        self.b.push_space(r, tok == " ");
                    } else if a11y::is_bare_url(tok) {
                        // A bare URL is not prose; leave a space in its
                        // place so the words around it stay apart.
                        self.b.push_space(r, false);
                    } else {
                        self.b.push_verbatim(tok, r.start);
                    }
                }
            }
        }
    }

    /// Report every HTML comment in `src[range]` as a directive.
    fn html(&mut self, range: Range<usize>) {
        let Some(h) = self.src.get(range.clone()) else {
            return;
        };
        let mut from = 0;
        while let Some(open) = h[from..].find("<!--") {
            let start = from + open;
            let body_start = start + 4;
            let (body, end) = match h[body_start..].find("-->") {
                Some(e) => (&h[body_start..body_start + e], body_start + e + 3),
                None => (&h[body_start..], h.len()),
            };
            self.directives.push(Directive {
                text: body.trim().to_owned(),
                source: SourcePos::Byte {
                    offset: range.start + start,
                },
                text_offset: self.b.len(),
            });
            from = end;
        }
    }

    fn image_done(&mut self, pieces: Vec<Piece>, src: Range<usize>) {
        let alt: String = pieces
            .iter()
            .map(|p| match p {
                Piece::Verbatim(s, _) | Piece::Mapped(s, _) => s.as_str(),
                Piece::Space(_) => " ",
            })
            .collect();
        let dest = self.stack_image_dest(&src).unwrap_or_default();
        if alt.trim().is_empty() {
            self.fact(StructuralKind::ImageMissingAlt, src, dest);
            return;
        }
        if a11y::alt_is_file_name(&alt, Some(&dest)) {
            self.fact(
                StructuralKind::ImageAltIsFileName,
                src.clone(),
                alt.trim().to_owned(),
            );
        }
        self.pending_alts.push(pieces);
        if !self.b.has_open_block() {
            self.end_block();
        }
    }

    /// The destination of the image whose source is `src`, read back from
    /// the source text (`![alt](dest "title")`).
    fn stack_image_dest(&self, src: &Range<usize>) -> Option<String> {
        let s = self.src.get(src.clone())?;
        let open = s.rfind("](")?;
        let rest = &s[open + 2..];
        let end = rest.find([' ', ')']).unwrap_or(rest.len());
        Some(rest[..end].trim_matches(['<', '>']).to_owned())
    }

    fn link_done(&mut self, link: LinkState, range: Range<usize>) {
        let src = link.src.start..range.end.max(link.src.end);
        let raw_text = self
            .b
            .text()
            .get(link.text_start..)
            .unwrap_or("")
            .trim()
            .to_owned();
        if link.autolink {
            self.fact(StructuralKind::VagueLinkText, src, link.dest);
            return;
        }
        if raw_text.is_empty() {
            if !link.has_alt {
                self.fact(StructuralKind::EmptyLink, src, link.dest);
            }
            return;
        }
        // The text range of the link, trimmed.
        let full = self.b.text();
        let start = link.text_start
            + (full.len() - link.text_start - full[link.text_start..].trim_start().len());
        let end = start + raw_text.len();
        let text_range = Some(start..end);
        if a11y::is_vague_link_text(&raw_text) {
            self.structure.push(StructuralFinding {
                kind: StructuralKind::VagueLinkText,
                source: SourcePos::Byte { offset: src.start },
                end: SourcePos::Byte { offset: src.end },
                text_range: text_range.clone(),
                detail: raw_text.clone(),
            });
        }
        if let Some(ext) = a11y::unannounced_file_type(&link.dest, &raw_text) {
            self.structure.push(StructuralFinding {
                kind: StructuralKind::LinkToFileNotAnnounced,
                source: SourcePos::Byte { offset: src.start },
                end: SourcePos::Byte { offset: src.end },
                text_range,
                detail: ext.to_owned(),
            });
        }
    }

    fn fake_heading(&mut self, all_strong: bool, start: usize, src: Range<usize>) {
        if !all_strong {
            return;
        }
        let text = self.b.text().get(start..).unwrap_or("").trim();
        if text.is_empty()
            || text.chars().count() > FAKE_HEADING_MAX_CHARS
            || text.ends_with(['.', ',', ';'])
        {
            return;
        }
        let detail = text.to_owned();
        let end = start + text.len();
        self.structure.push(StructuralFinding {
            kind: StructuralKind::FakeHeading,
            source: SourcePos::Byte { offset: src.start },
            end: SourcePos::Byte { offset: src.end },
            text_range: Some(start..end),
            detail,
        });
    }
}

/// Split into alternating runs of whitespace and non-whitespace.
pub(crate) fn split_ws(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let ws = first.is_whitespace();
        let end = rest
            .char_indices()
            .find(|(_, c)| c.is_whitespace() != ws)
            .map_or(rest.len(), |(i, _)| i);
        let (tok, tail) = rest.split_at(end);
        rest = tail;
        Some(tok)
    })
}
