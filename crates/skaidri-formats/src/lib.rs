//! Turns a document's bytes into the plain text that skaidri checks, plus
//! an exact map from every byte of that text back to the source.
//!
//! # Brief overview
//!
//! * [`detect`] picks a [`Format`] from a path and the bytes.
//! * [`extract`] turns the bytes into a [`Document`]: the text, its
//!   [`Block`]s (paragraphs, headings, list items, cells, alt texts), an
//!   [`OffsetMap`] back to the source, accessibility facts
//!   ([`StructuralFinding`]) and comments that may hold suppression
//!   directives ([`Directive`]).
//!
//! Blocks are separated by `"\n\n"` in [`Document::text`], so a sentence
//! never spans two blocks.
//!
//! ```
//! use skaidri_formats::{extract, ExtractOptions, Format};
//! let doc = extract(
//!     Format::Html,
//!     b"<p>Sveiki, <b>pasaule</b>!</p><p>Otrs &amp; tre\xc5\xa1ais</p>",
//!     &ExtractOptions::default(),
//! )
//! .unwrap();
//! assert_eq!(doc.text, "Sveiki, pasaule!\n\nOtrs & trešais");
//! let src = doc.source_text.as_deref().unwrap();
//! let range = doc.map.byte_range(8..15).unwrap();
//! assert_eq!(&src[range], "pasaule");
//! ```
//!
//! # Architecture invariant
//!
//! This crate knows nothing of rules, diagnostics or rule ids. It reports
//! *facts* (an image has no alt text); the caller decides what they mean.
//! Every extracted byte maps back to the source.
//!
//! # Choice of HTML parser
//!
//! HTML goes through [`lol_html`] rather than `tl`. lol_html is a
//! streaming, spec-following tokenizer (Cloudflare runs it on arbitrary
//! web pages), so broken real-world markup and `<script>` bodies
//! containing `</p>` are tokenized the way browsers do (implied end tags
//! are handled in `html.rs`), and it never builds a DOM. Its current
//! versions give the exact source byte range of every text chunk, tag and comment, which is
//! all the offset map needs; text chunks come raw, so entities are decoded
//! here, piece by piece, with the map kept exact. `tl` would also give
//! borrowed slices (offsets by pointer arithmetic), but it builds a whole
//! DOM and does not aim to follow the HTML parsing rules, so raw-text
//! elements and broken markup are less likely to come out as a browser
//! shows them.
#![deny(missing_docs)]

mod a11y;
mod docx;
mod encoding;
mod error;
mod html;
mod md;
mod odt;
mod office;
mod offset_map;
mod sniff;
mod txt;
mod xml;
mod zipfile;

use std::ops::Range;
use std::path::Path;

pub use error::FormatError;
pub use offset_map::{OffsetMap, SourcePos};
pub use sniff::detect;

/// The document formats skaidri reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text (UTF-8, or Latvian Windows-1257).
    Text,
    /// CommonMark Markdown with tables and footnotes.
    Markdown,
    /// HTML pages and fragments.
    Html,
    /// Word documents (Office Open XML).
    Docx,
    /// OpenDocument text.
    Odt,
}

impl Format {
    /// The format for a file name's extension, if skaidri knows it.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" | "mdown" | "mkd" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "docx" => Some(Format::Docx),
            "odt" => Some(Format::Odt),
            _ => None,
        }
    }

    /// Short lowercase name (`"txt"`, `"markdown"`, `"html"`, `"docx"`,
    /// `"odt"`).
    pub fn name(&self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Odt => "odt",
        }
    }
}

/// Knobs for [`extract`].
#[derive(Debug, Clone)]
pub struct ExtractOptions {
    /// Skip `<nav>`, `<header>` and `<footer>` in HTML (site chrome).
    pub skip_nav: bool,
    /// Refuse text inputs above this many bytes, and stop office
    /// documents whose text grows above it ([`FormatError::TooLarge`]).
    pub max_text_bytes: usize,
    /// Largest total uncompressed size of the zip parts read from a
    /// DOCX/ODT file.
    pub max_zip_uncompressed: u64,
    /// Largest compression ratio allowed for a zip part bigger than
    /// [`Self::zip_ratio_min_size`].
    pub max_zip_ratio: u64,
    /// Parts at most this big (uncompressed) are not ratio-checked.
    pub zip_ratio_min_size: u64,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions {
            skip_nav: false,
            max_text_bytes: 20 * 1024 * 1024,
            max_zip_uncompressed: 200 * 1024 * 1024,
            max_zip_ratio: 100,
            zip_ratio_min_size: 1024 * 1024,
        }
    }
}

/// What kind of block a stretch of text came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    /// An ordinary paragraph (also text lying loose in a container).
    Paragraph,
    /// A heading with its level (1 = top).
    Heading(u8),
    /// An item of a bulleted or numbered list.
    ListItem,
    /// A table cell (header or data).
    TableCell,
    /// The alternative text of an image.
    AltText,
    /// A block made of one link's text alone (e.g. a menu entry).
    LinkText,
    /// A figure or table caption, or an HTML `<title>`.
    Caption,
    /// A footnote or endnote.
    Footnote,
}

/// One block of the extracted text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Byte range in [`Document::text`].
    pub range: Range<usize>,
    /// Where the block came from.
    pub kind: BlockKind,
    /// Language tag in force for the block, when the source sets one.
    pub lang: Option<String>,
    /// True when the block is marked as not Latvian and should not be
    /// checked.
    pub skip: bool,
}

/// Kinds of accessibility facts a format can report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum StructuralKind {
    /// An image has no alternative text at all.
    ImageMissingAlt,
    /// An image's alternative text is a file name.
    ImageAltIsFileName,
    /// A link's text says nothing about where it leads ("šeit", a URL).
    VagueLinkText,
    /// A heading is more than one level below the previous heading.
    HeadingLevelSkipped,
    /// The page has more than one top-level heading.
    MultipleH1,
    /// The document does not declare its language.
    MissingDocumentLang,
    /// The document declares a language other than Latvian.
    DocumentLangNotLatvian,
    /// A data table has no header cells.
    TableWithoutHeaders,
    /// A link to a file does not say the file's type.
    LinkToFileNotAnnounced,
    /// Three or more words in a row are written in capitals.
    AllCapsText,
    /// A paragraph looks like a heading (bold or large) but is not marked
    /// as one.
    FakeHeading,
    /// A link has no text at all.
    EmptyLink,
}

/// An accessibility fact about the document's structure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StructuralFinding {
    /// What was found.
    pub kind: StructuralKind,
    /// Where it starts in the source.
    pub source: SourcePos,
    /// Where it ends in the source.
    pub end: SourcePos,
    /// The text it concerns, when that text is in [`Document::text`].
    pub text_range: Option<Range<usize>>,
    /// Detail for the message (the link text, the file name, the levels).
    pub detail: String,
}

/// A comment that may hold a suppression directive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// The comment's body, trimmed.
    pub text: String,
    /// Where the comment is in the source.
    pub source: SourcePos,
    /// Where in [`Document::text`] the content after the comment starts.
    pub text_offset: usize,
}

/// The result of [`extract`].
#[derive(Debug, Clone)]
pub struct Document {
    /// Extracted text; blocks separated by `"\n\n"`.
    pub text: String,
    /// Map from byte offsets in `text` to source places.
    pub map: OffsetMap,
    /// The decoded source for txt/Markdown/HTML (byte map offsets point
    /// into it; a UTF-8 BOM is removed); `None` for DOCX/ODT.
    pub source_text: Option<String>,
    /// The blocks of `text`, in order.
    pub blocks: Vec<Block>,
    /// Accessibility facts.
    pub structure: Vec<StructuralFinding>,
    /// Comments that may hold suppression directives, in source order.
    pub directives: Vec<Directive>,
    /// Set when the input was not UTF-8, e.g. `"decoded as
    /// Windows-1257"`.
    pub encoding_note: Option<String>,
}

/// Turn `bytes` in `format` into a [`Document`].
pub fn extract(
    format: Format,
    bytes: &[u8],
    opts: &ExtractOptions,
) -> Result<Document, FormatError> {
    let mut doc = match format {
        Format::Text => txt::extract(bytes, opts)?,
        Format::Markdown => md::extract(bytes, opts)?,
        Format::Html => html::extract(bytes, opts)?,
        Format::Docx => docx::extract(bytes, opts)?,
        Format::Odt => odt::extract(bytes, opts)?,
    };
    if doc.text.len() > opts.max_text_bytes {
        return Err(FormatError::TooLarge {
            limit: opts.max_text_bytes,
        });
    }
    finish(&mut doc);
    Ok(doc)
}

/// Steps shared by all formats once the text is built.
fn finish(doc: &mut Document) {
    // A directive applies from the next block that starts at or after it.
    for d in &mut doc.directives {
        // First block that ends after the directive.
        let i = doc.blocks.partition_point(|b| b.range.end <= d.text_offset);
        d.text_offset = match doc.blocks.get(i) {
            // Inside a block (an inline comment): keep the place.
            Some(b) if b.range.start < d.text_offset => d.text_offset,
            Some(b) => b.range.start,
            None => doc.text.len(),
        };
    }
    for b in &doc.blocks {
        if b.skip {
            continue;
        }
        for r in a11y::all_caps_runs(&doc.text, b.range.clone()) {
            let (source, end) = doc.map.source_range(r.clone());
            let detail = doc.text[r.clone()].to_owned();
            doc.structure.push(StructuralFinding {
                kind: StructuralKind::AllCapsText,
                source,
                end,
                text_range: Some(r),
                detail,
            });
        }
    }
}
