//! Integration tests for skaidri-formats.
//!
//! * `round_trip_*`: every word of the extracted text maps back to the
//!   same word in the source (byte maps), or to the same word at the
//!   given paragraph and character (office maps). Includes a
//!   property-style test over real Latvian text with random markup.
//! * `same_paragraphs_every_format`: one legal text as txt, md, html,
//!   docx and odt gives the same blocks.
//! * `bad_*`: broken inputs give the right error and never panic.
//! * `a11y_*`: accessibility facts.
//!
//! DOCX and ODT files are built here by zipping XML strings (see
//! `office`), so the fixtures stay readable.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::ops::Range;
use std::path::{Path, PathBuf};

use skaidri_formats::{
    detect, extract, BlockKind, Document, ExtractOptions, Format, FormatError, SourcePos,
    StructuralKind,
};

fn fixture(rel: &str) -> Vec<u8> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn get(format: Format, bytes: &[u8]) -> Document {
    extract(format, bytes, &ExtractOptions::default())
        .unwrap_or_else(|e| panic!("{}: {e}", format.name()))
}

/// Words of `text`: runs of letters/digits, or of emoji.
fn words(text: &str) -> Vec<(Range<usize>, &str)> {
    let class = |c: char| {
        if c.is_alphanumeric() {
            1
        } else if (c as u32) >= 0x1F000 {
            2
        } else {
            0
        }
    };
    let mut out = Vec::new();
    let mut start: Option<(usize, u8)> = None;
    for (i, c) in text.char_indices() {
        let k = class(c);
        match start {
            Some((s, sk)) if sk != k => {
                out.push((s..i, &text[s..i]));
                start = (k != 0).then_some((i, k));
            }
            None if k != 0 => start = Some((i, k)),
            _ => {}
        }
    }
    if let Some((s, _)) = start {
        out.push((s..text.len(), &text[s..]));
    }
    out
}

/// Decode the HTML entities the fixtures use (test-side, independent of
/// the crate's decoder).
fn decode_entities(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest.find(';') else { break };
        let name = &rest[1..end];
        let dec = if let Some(hex) = name.strip_prefix("#x") {
            u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
        } else if let Some(dec) = name.strip_prefix('#') {
            dec.parse().ok().and_then(char::from_u32)
        } else {
            match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "nbsp" => Some('\u{a0}'),
                "mdash" => Some('—'),
                "copy" => Some('©'),
                "Ncedil" => Some('Ņ'),
                "scaron" => Some('š'),
                _ => None,
            }
        };
        match dec {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every word maps back to itself in the source.
#[track_caller]
fn assert_byte_round_trip(doc: &Document) {
    let src = doc
        .source_text
        .as_deref()
        .expect("text formats keep the source");
    let ws = words(&doc.text);
    assert!(!ws.is_empty(), "no words extracted");
    for (range, word) in ws {
        let r = doc.map.byte_range(range.clone()).expect("byte map");
        let slice = &src[r.clone()];
        assert_eq!(
            decode_entities(slice),
            word,
            "word {word:?} at text {range:?} maps to source {r:?} = {slice:?}"
        );
        // The start position alone lands on the word too.
        match doc.map.to_source(range.start) {
            SourcePos::Byte { offset } => assert_eq!(offset, r.start),
            other => panic!("{other:?}"),
        }
    }
}

/// Every word lands on itself in the given paragraph texts (1-based).
#[track_caller]
fn assert_paragraph_round_trip(doc: &Document, paras: &[String]) {
    let ws = words(&doc.text);
    assert!(!ws.is_empty(), "no words extracted");
    for (range, word) in ws {
        let (start, end) = doc.map.source_range(range.clone());
        let (
            SourcePos::Paragraph {
                index,
                char_offset,
                excerpt,
            },
            SourcePos::Paragraph {
                index: end_index,
                char_offset: end_offset,
                ..
            },
        ) = (start, end)
        else {
            panic!("office documents map by paragraph");
        };
        assert_eq!(index, end_index, "{word:?}");
        let para = &paras[index - 1];
        let n = word.chars().count();
        let found: String = para.chars().skip(char_offset).take(n).collect();
        assert_eq!(
            found, word,
            "word {word:?} -> paragraph {index} char {char_offset}"
        );
        assert_eq!(end_offset, char_offset + n, "{word:?}");
        assert!(excerpt.starts_with(word), "{excerpt:?} / {word:?}");
    }
}

fn block_texts(doc: &Document) -> Vec<&str> {
    doc.blocks
        .iter()
        .map(|b| &doc.text[b.range.clone()])
        .collect()
}

/// Building DOCX and ODT files from XML strings.
mod office {
    use std::io::{Cursor, Write};

    use zip::write::SimpleFileOptions;
    use zip::CompressionMethod;

    pub fn zip(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, body) in parts {
            let method = if *name == "mimetype" {
                CompressionMethod::Stored
            } else {
                CompressionMethod::Deflated
            };
            w.start_file(
                *name,
                SimpleFileOptions::default().compression_method(method),
            )
            .unwrap();
            w.write_all(body.as_bytes()).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    pub fn esc(s: &str) -> String {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    }

    pub const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

    pub const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/><w:lang w:val="lv-LV"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Virsraksts1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style>
</w:styles>"#;

    /// A DOCX with `body` inside `<w:body>`, plus extra parts.
    pub fn docx(body: &str, extra: &[(&str, &str)]) -> Vec<u8> {
        let doc = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>"#
        );
        let mut parts = vec![
            (
                "[Content_Types].xml",
                r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#,
            ),
            ("word/document.xml", doc.as_str()),
            ("word/styles.xml", STYLES),
        ];
        parts.extend_from_slice(extra);
        zip(&parts)
    }

    /// A plain DOCX paragraph, its text split into runs at `|`, runs
    /// starting with `*` in bold.
    pub fn w_p(style: Option<&str>, runs: &str) -> String {
        let ppr = style
            .map(|s| format!(r#"<w:pPr><w:pStyle w:val="{s}"/></w:pPr>"#))
            .unwrap_or_default();
        let mut out = format!("<w:p>{ppr}");
        for run in runs.split('|') {
            let (bold, t) = match run.strip_prefix('*') {
                Some(t) => ("<w:rPr><w:b/></w:rPr>", t),
                None => ("", run),
            };
            out.push_str(&format!(
                r#"<w:r>{bold}<w:t xml:space="preserve">{}</w:t></w:r>"#,
                esc(t)
            ));
        }
        out.push_str("</w:p>");
        out
    }

    pub const ODT_NS: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3""#;

    /// An ODT with `body` inside `<office:text>` and the given automatic
    /// styles.
    pub fn odt(body: &str, auto_styles: &str) -> Vec<u8> {
        let content = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NS}><office:automatic-styles>{auto_styles}</office:automatic-styles><office:body><office:text>{body}</office:text></office:body></office:document-content>"#
        );
        let styles = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-styles {ODT_NS}><office:styles><style:default-style style:family="paragraph"><style:text-properties fo:language="lv" fo:country="LV" fo:font-size="12pt"/></style:default-style><style:style style:name="Standard" style:family="paragraph"/></office:styles></office:document-styles>"#
        );
        zip(&[
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("content.xml", &content),
            ("styles.xml", &styles),
            (
                "META-INF/manifest.xml",
                r#"<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>"#,
            ),
        ])
    }

    /// An ODT paragraph with runs split at `|`; runs starting with `*`
    /// use the bold automatic style `T1`.
    pub fn t_p(runs: &str) -> String {
        let mut out = String::from(r#"<text:p text:style-name="Standard">"#);
        for run in runs.split('|') {
            match run.strip_prefix('*') {
                Some(t) => out.push_str(&format!(
                    r#"<text:span text:style-name="T1">{}</text:span>"#,
                    esc(t)
                )),
                None => out.push_str(&esc(run)),
            }
        }
        out.push_str("</text:p>");
        out
    }

    pub const BOLD_T1: &str = r#"<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style><style:style style:name="P9" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="16pt"/></style:style>"#;
}

// ---------------------------------------------------------------------
// Round trips

#[test]
fn round_trip_txt() {
    let doc = get(Format::Text, &fixture("txt/latvian.txt"));
    assert_byte_round_trip(&doc);
    assert_eq!(doc.blocks.len(), 3);
    assert!(doc.text.contains("🙂"));
    assert!(
        doc.text.contains("rindkopā ar"),
        "hard-wrapped lines stay in one block"
    );
}

#[test]
fn round_trip_markdown() {
    let doc = get(Format::Markdown, &fixture("md/latvian.md"));
    assert_byte_round_trip(&doc);
    let blocks = block_texts(&doc);
    assert_eq!(blocks[0], "Ģimenes ārsta ieteikumi 🙂");
    assert_eq!(doc.blocks[0].kind, BlockKind::Heading(1));
    assert!(blocks[1].starts_with("Ģimenes ārsts ieteica ēst ķiršus un šķiņķi, ļoti žēl — ūdens"));
    assert!(
        !doc.text.contains("kods"),
        "code is skipped: {:?}",
        doc.text
    );
    assert!(
        !doc.text.contains("https://"),
        "URLs are skipped: {:?}",
        doc.text
    );
    assert!(blocks.contains(&"Čaklā Ņina gāja uz pļavu;"));
    assert!(blocks.contains(&"Ēriks"));
    let alt = doc
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::AltText)
        .unwrap();
    assert_eq!(&doc.text[alt.range.clone()], "Rīgas pils un Daugava");
    let note = doc
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Footnote)
        .unwrap();
    assert_eq!(
        &doc.text[note.range.clone()],
        "Piezīmē arī ir ģērbšanās vārdi."
    );
    // The autolink is a bare URL as link text.
    assert!(doc
        .structure
        .iter()
        .any(|s| s.kind == StructuralKind::VagueLinkText));
}

#[test]
fn round_trip_html() {
    let doc = get(Format::Html, &fixture("html/latvian.html"));
    assert_byte_round_trip(&doc);
    let blocks = block_texts(&doc);
    assert_eq!(blocks[0], "Ģimenes & ārsta ieteikumi");
    assert_eq!(doc.blocks[0].kind, BlockKind::Caption);
    assert!(blocks.contains(&"Ģimenes ārsts ieteica ēst ķiršus un šķiņķi, ļoti žēl\u{a0}— ūdens pietrūka. Čaklā Ņina & draugi."), "{blocks:#?}");
    assert!(blocks.contains(&"Čaklā Ņina gāja uz pļavu;"));
    assert!(blocks.contains(&"Pēdējais teksts"));
    assert!(blocks.contains(&"pēc rindas pārtraukuma."));
    assert!(!doc.text.contains("nav teksts"));
    let en = doc
        .blocks
        .iter()
        .find(|b| doc.text[b.range.clone()].starts_with("This"))
        .unwrap();
    assert!(en.skip);
    assert_eq!(en.lang.as_deref(), Some("en"));
    assert!(doc.blocks.iter().filter(|b| b.skip).count() == 1);
    let d = &doc.directives[0];
    assert_eq!(d.text, "skaidri: disable SK0002");
    assert!(doc.text[d.text_offset..].starts_with("Pēdējais teksts"));
    // An entity at the edge of a range is covered whole.
    let i = doc.text.find("& draugi").unwrap();
    let r = doc.map.byte_range(i..i + 1).unwrap();
    assert_eq!(&doc.source_text.as_deref().unwrap()[r], "&amp;");
}

/// Real-world breakage: unclosed head and paragraphs, stray end tags,
/// nested tables, `<` in text, entities without `;`, a script writing
/// markup, CDATA in HTML.
#[test]
fn round_trip_broken_html() {
    let doc = get(Format::Html, &fixture("html/broken.html"));
    assert_byte_round_trip(&doc);
    let blocks = block_texts(&doc);
    assert_eq!(
        blocks,
        [
            "Salauzta lapa",
            "Pirmā rindkopa bez beigām",
            "Otrā rindkopa ar a < b un R&D © 2026 &unknown; zīmēm",
            "Šūna viens",
            "Šūna divi",
            "Iekšējā",
            "tabula",
            "Trešā",
            "Punkts viens",
            "Iekšējais",
            "Punkts divi",
            "Teksts saite trekna turpinās beigās.",
            "Pēdējā ar emoji 🙂 un\u{a0}nbsp",
        ]
    );
    assert!(doc.blocks.iter().all(|b| !b.skip));
}

fn latvian_paragraphs() -> Vec<String> {
    vec![
        "Ģimenes ārsta ieteikumi 🙂".into(),
        "Ģimenes ārsts ieteica ēst ķiršus un šķiņķi, ļoti žēl — ūdens pietrūka.".into(),
        String::new(),
        "Čaklā Ņina gāja uz pļavu; tur ziedēja rudzupuķes.".into(),
        "Ēriks".into(),
        "Žagars".into(),
        "Piezīmē arī ir ģērbšanās vārdi.".into(),
    ]
}

fn latvian_docx() -> Vec<u8> {
    use office::*;
    let p = latvian_paragraphs();
    let body = format!(
        "{}{}{}{}{}",
        w_p(Some("Virsraksts1"), &p[0]),
        // Runs split inside words, a tracked deletion, an insertion.
        r#"<w:p><w:r><w:t>Ģimenes ār</w:t></w:r><w:r><w:t xml:space="preserve">sts ieteica </w:t></w:r><w:del w:id="1"><w:r><w:delText>negribīgi </w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t xml:space="preserve">ēst ķiršus un šķiņķi, </w:t></w:r></w:ins><w:r><w:t>ļoti žēl — ūdens pietrūka.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>"#,
        "<w:p/>",
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:commentRangeStart w:id="7"/><w:r><w:t>Čaklā Ņina gāja uz pļavu; tur ziedēja rudzupuķes.</w:t></w:r></w:p>"#,
        r#"<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:p><w:r><w:t>Ēriks</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Žagars</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
    );
    let footnotes = format!(
        r#"<?xml version="1.0"?><w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>Piezīmē arī ir ģērbšanās vārdi.</w:t></w:r></w:p></w:footnote></w:footnotes>"#
    );
    let comments = format!(
        r#"<?xml version="1.0"?><w:comments {W}><w:comment w:id="7" w:author="A"><w:p><w:r><w:t>skaidri: disable SK0003</w:t></w:r></w:p></w:comment></w:comments>"#
    );
    docx(
        &body,
        &[
            ("word/footnotes.xml", &footnotes),
            ("word/comments.xml", &comments),
        ],
    )
}

#[test]
fn round_trip_docx() {
    let doc = get(Format::Docx, &latvian_docx());
    // Body paragraphs, then the footnote (the separator is not counted).
    assert_paragraph_round_trip(&doc, &latvian_paragraphs());
    let blocks = block_texts(&doc);
    assert_eq!(
        blocks,
        [
            "Ģimenes ārsta ieteikumi 🙂",
            "Ģimenes ārsts ieteica ēst ķiršus un šķiņķi, ļoti žēl — ūdens pietrūka.",
            "Čaklā Ņina gāja uz pļavu; tur ziedēja rudzupuķes.",
            "Ēriks",
            "Žagars",
            "Piezīmē arī ir ģērbšanās vārdi.",
        ]
    );
    let kinds: Vec<_> = doc.blocks.iter().map(|b| b.kind.clone()).collect();
    assert_eq!(
        kinds,
        [
            BlockKind::Heading(1),
            BlockKind::Paragraph,
            BlockKind::ListItem,
            BlockKind::TableCell,
            BlockKind::TableCell,
            BlockKind::Footnote
        ]
    );
    assert!(doc.source_text.is_none());
    assert_eq!(doc.directives.len(), 1);
    assert_eq!(doc.directives[0].text, "skaidri: disable SK0003");
    assert!(doc.text[doc.directives[0].text_offset..].starts_with("Čaklā"));
    assert!(doc.structure.is_empty(), "{:#?}", doc.structure);
}

fn latvian_odt() -> Vec<u8> {
    use office::*;
    let p = latvian_paragraphs();
    let body = format!(
        r#"<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>izdzēsts teksts</text:p></text:deletion></text:changed-region></text:tracked-changes><text:h text:outline-level="1">{}</text:h><text:p>Ģimenes ār<text:span>sts</text:span> ieteica<text:s/>ēst ķiršus un šķiņķi, ļoti žēl — ūdens pietrūka.<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Piezīmē arī ir ģērbšanās vārdi.</text:p></text:note-body></text:note></text:p><text:p/><text:list><text:list-item><text:p><office:annotation><dc:creator>A</dc:creator><text:p>skaidri: disable SK0003</text:p></office:annotation>Čaklā Ņina gāja uz pļavu; tur ziedēja rudzupuķes.</text:p></text:list-item></text:list><table:table><table:table-header-rows><table:table-row><table:table-cell><text:p>Ēriks</text:p></table:table-cell><table:table-cell><text:p>Žagars</text:p></table:table-cell></table:table-row></table:table-header-rows></table:table>"#,
        esc(&p[0])
    );
    odt(&body, "")
}

#[test]
fn round_trip_odt() {
    let doc = get(Format::Odt, &latvian_odt());
    // ODT numbers notes where they are cited: the note is paragraph 3.
    let p = latvian_paragraphs();
    let paras = vec![
        p[0].clone(),
        p[1].clone(),
        p[6].clone(),
        String::new(),
        p[3].clone(),
        p[4].clone(),
        p[5].clone(),
    ];
    assert_paragraph_round_trip(&doc, &paras);
    let blocks = block_texts(&doc);
    assert_eq!(
        blocks,
        [
            "Ģimenes ārsta ieteikumi 🙂",
            "Ģimenes ārsts ieteica ēst ķiršus un šķiņķi, ļoti žēl — ūdens pietrūka.",
            "Piezīmē arī ir ģērbšanās vārdi.",
            "Čaklā Ņina gāja uz pļavu; tur ziedēja rudzupuķes.",
            "Ēriks",
            "Žagars",
        ]
    );
    assert_eq!(doc.blocks[0].kind, BlockKind::Heading(1));
    assert_eq!(doc.blocks[2].kind, BlockKind::Footnote);
    assert_eq!(doc.blocks[3].kind, BlockKind::ListItem);
    assert_eq!(doc.blocks[4].kind, BlockKind::TableCell);
    assert!(!doc.text.contains("izdzēsts"));
    assert_eq!(doc.directives.len(), 1);
    assert_eq!(doc.directives[0].text, "skaidri: disable SK0003");
    assert!(doc.text[doc.directives[0].text_offset..].starts_with("Čaklā"));
    assert!(doc.structure.is_empty(), "{:#?}", doc.structure);
}

/// Tiny deterministic PRNG for the property-style test.
struct XorShift(u64);
impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn chance(&mut self, n: u64) -> bool {
        self.next().is_multiple_of(n)
    }
}

fn shared_data() -> Option<PathBuf> {
    let dir = std::env::var_os("SKAIDRI_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"));
    dir.is_dir().then_some(dir)
}

/// Real Latvian paragraphs: the whole labour protection law and news
/// sentences, dressed in random markup in every format; every word must
/// map back to itself.
#[test]
fn round_trip_property_real_text() {
    let Some(data) = shared_data() else {
        eprintln!("note: shared data not found, skipping round_trip_property_real_text");
        return;
    };
    let law = std::fs::read_to_string(data.join("acts/darba_aizsardzibas_likums.txt")).unwrap();
    let mut paras: Vec<String> = law
        .lines()
        .skip(1)
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect();
    if let Ok(news) = std::fs::read_to_string(data.join("fullstack/fullstack.news.tsv")) {
        paras.extend(
            news.lines()
                .skip(1)
                .take(300)
                .filter_map(|l| l.split('\t').nth(3))
                .map(str::to_owned),
        );
    }
    // Markdown would read "1)" and "-" at a line start as list markers
    // and "*", "_", "[" as markup; keep those paragraphs plain words.
    let md_safe = |p: &str| {
        !p.contains(['*', '_', '[', ']', '`', '<', '>', '#', '\\', '|', '&'])
            && !p.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '+')
    };
    let mut rng = XorShift(0x5EED_1A7F_2026);
    for (n, chunk) in paras.chunks(40).enumerate() {
        // Markdown: random bold/links/line wraps.
        let mut md = String::new();
        let mut html = String::from("<html lang=\"lv\"><body>\n");
        let mut docx_body = String::new();
        let mut odt_body = String::new();
        let mut office_paras = Vec::new();
        for p in chunk {
            let ws: Vec<&str> = p.split(' ').collect();
            // Markdown
            if md_safe(p) {
                let mut line = String::new();
                for (i, w) in ws.iter().enumerate() {
                    if i > 0 {
                        line.push(if rng.chance(7) { '\n' } else { ' ' });
                    }
                    if rng.chance(9) && w.chars().all(char::is_alphanumeric) {
                        line.push_str(&format!("**{w}**"));
                    } else if rng.chance(11) && w.chars().all(char::is_alphanumeric) {
                        line.push_str(&format!("[{w}](https://example.lv/{i})"));
                    } else {
                        line.push_str(w);
                    }
                }
                md.push_str(&line);
                md.push_str("\n\n");
            }
            // HTML: entities for some letters, inline tags, odd spacing.
            html.push_str("<p>");
            for (i, w) in ws.iter().enumerate() {
                if i > 0 {
                    html.push_str(if rng.chance(5) { "\n   " } else { " " });
                }
                let mut e = String::new();
                for c in w.chars() {
                    match c {
                        '&' => e.push_str("&amp;"),
                        '<' => e.push_str("&lt;"),
                        '>' => e.push_str("&gt;"),
                        c if !c.is_ascii() && rng.chance(4) => {
                            e.push_str(&format!("&#{};", c as u32))
                        }
                        c => e.push(c),
                    }
                }
                if rng.chance(8) {
                    html.push_str(&format!("<b>{e}</b>"));
                } else {
                    html.push_str(&e);
                }
            }
            html.push_str("</p>\n");
            // DOCX/ODT: random run splits (also inside words).
            let mut runs = String::new();
            for (i, c) in p.chars().enumerate() {
                if i > 0 && rng.chance(13) {
                    runs.push('|');
                }
                if c != '|' && c != '*' {
                    runs.push(c);
                } else {
                    runs.push('/');
                }
            }
            let plain: String = runs.replace('|', "");
            docx_body.push_str(&office::w_p(None, &runs));
            odt_body.push_str(&office::t_p(&runs));
            office_paras.push(plain);
        }
        html.push_str("</body></html>\n");
        let ctx = format!("chunk {n}");
        let d = get(Format::Markdown, md.as_bytes());
        assert_byte_round_trip(&d);
        let d = get(Format::Html, html.as_bytes());
        assert_byte_round_trip(&d);
        assert_eq!(d.blocks.len(), chunk.len(), "{ctx}");
        let d = get(Format::Docx, &office::docx(&docx_body, &[]));
        assert_paragraph_round_trip(&d, &office_paras);
        let d = get(Format::Odt, &office::odt(&odt_body, ""));
        assert_paragraph_round_trip(&d, &office_paras);
        let d = get(Format::Text, chunk.join("\n").as_bytes());
        assert_byte_round_trip(&d);
    }
}

// ---------------------------------------------------------------------
// Same paragraphs, every format

fn law_paragraphs() -> Vec<String> {
    String::from_utf8(fixture("txt/law.txt"))
        .unwrap()
        .lines()
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn same_paragraphs_every_format() {
    use office::*;
    let paras = law_paragraphs();
    assert_eq!(paras.len(), 8);
    let styles = [
        Some("Virsraksts1"),
        Some("Heading2"),
        Some("Heading3"),
        None,
        None,
        Some("ListParagraph"),
        Some("ListParagraph"),
        Some("ListParagraph"),
    ];
    let docx_body: String = paras
        .iter()
        .zip(styles)
        .map(|(p, s)| {
            // Split every paragraph into two runs in the middle of a word.
            let mid = p.char_indices().nth(p.chars().count() / 2).unwrap().0;
            w_p(s, &format!("{}|{}", &p[..mid], &p[mid..]))
        })
        .collect();
    let odt_body: String = paras
        .iter()
        .enumerate()
        .map(|(i, p)| match i {
            0..=2 => format!(
                r#"<text:h text:outline-level="{}">{}</text:h>"#,
                i + 1,
                esc(p)
            ),
            5.. => format!(
                "<text:list><text:list-item>{}</text:list-item></text:list>",
                t_p(p)
            ),
            _ => t_p(p),
        })
        .collect();
    let docs = [
        ("txt", get(Format::Text, &fixture("txt/law.txt"))),
        ("md", get(Format::Markdown, &fixture("md/law.md"))),
        ("html", get(Format::Html, &fixture("html/law.html"))),
        ("docx", get(Format::Docx, &docx(&docx_body, &[]))),
        ("odt", get(Format::Odt, &odt(&odt_body, ""))),
    ];
    for (name, doc) in &docs {
        assert_eq!(block_texts(doc), paras, "{name}");
        // And the text is exactly the blocks joined by blank lines.
        assert_eq!(doc.text, paras.join("\n\n"), "{name}");
    }
    // Headings are recognised wherever the format marks them.
    for (name, doc) in &docs[1..] {
        assert_eq!(doc.blocks[0].kind, BlockKind::Heading(1), "{name}");
        assert_eq!(doc.blocks[2].kind, BlockKind::Heading(3), "{name}");
    }
    // The Markdown front matter and comment are not text; the comment is a
    // directive applying from the first heading.
    let md = &docs[1].1;
    assert_eq!(md.directives.len(), 1);
    assert_eq!(md.directives[0].text_offset, 0);
}

// ---------------------------------------------------------------------
// Bad inputs

#[test]
fn bad_windows_1257_text_decodes() {
    let doc = get(Format::Text, &fixture("txt/windows1257.txt"));
    assert_eq!(
        doc.encoding_note.as_deref(),
        Some("decoded as Windows-1257")
    );
    assert_eq!(
        block_texts(&doc),
        [
            "Ģimenes ārsts ieteica ēst ķiršus un šķiņķi.",
            "Čaklā Ņina gāja uz pļavu."
        ]
    );
    assert_byte_round_trip(&doc);
}

#[test]
fn bad_invalid_utf8_names_offset() {
    let mut bytes = "Labdien, pasaule".as_bytes().to_vec();
    bytes.insert(9, 0xFF);
    let err = extract(Format::Text, &bytes, &ExtractOptions::default()).unwrap_err();
    assert!(
        matches!(err, FormatError::InvalidUtf8 { offset: 9 }),
        "{err}"
    );
    assert!(err.to_string().contains("byte 9"));
}

#[test]
fn bad_binary_input() {
    let mut rng = XorShift(42);
    let bytes: Vec<u8> = (0..4096).map(|_| rng.next() as u8).chain([0]).collect();
    for f in [Format::Text, Format::Markdown, Format::Html] {
        let err = extract(f, &bytes, &ExtractOptions::default()).unwrap_err();
        assert!(matches!(err, FormatError::Binary { .. }), "{f:?}: {err}");
    }
}

#[test]
fn bad_docx_not_a_zip() {
    let err = extract(
        Format::Docx,
        b"Sveiki, esmu teksts",
        &ExtractOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(err, FormatError::NotZip { .. }), "{err}");
    let err = extract(
        Format::Odt,
        b"PK\x03\x04garbage",
        &ExtractOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(err, FormatError::NotZip { .. }), "{err}");
}

#[test]
fn bad_missing_part() {
    let z = office::zip(&[("word/styles.xml", office::STYLES)]);
    let err = extract(Format::Docx, &z, &ExtractOptions::default()).unwrap_err();
    assert!(
        matches!(&err, FormatError::MissingPart { part } if part == "word/document.xml"),
        "{err}"
    );
    let err = extract(Format::Odt, &z, &ExtractOptions::default()).unwrap_err();
    assert!(
        matches!(&err, FormatError::MissingPart { part } if part == "content.xml"),
        "{err}"
    );
}

/// A zip whose `word/document.xml` is `size` zero bytes, written
/// streaming so the test stays cheap.
fn zeros_docx(size: usize) -> Vec<u8> {
    use std::io::{Cursor, Write};
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(size > u32::MAX as usize);
    w.start_file("word/document.xml", opts).unwrap();
    let chunk = vec![0u8; 64 * 1024];
    let mut left = size;
    while left > 0 {
        let n = left.min(chunk.len());
        w.write_all(&chunk[..n]).unwrap();
        left -= n;
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn bad_zip_bomb_ratio() {
    // 4 MB of zeros packs to a few KB: far above 100:1.
    let z = zeros_docx(4 * 1024 * 1024);
    assert!(z.len() < 100 * 1024);
    let err = extract(Format::Docx, &z, &ExtractOptions::default()).unwrap_err();
    assert!(
        matches!(&err, FormatError::ZipBomb { part, .. } if part == "word/document.xml"),
        "{err}"
    );
}

#[test]
fn bad_zip_bomb_total_size() {
    // Lower the limits instead of packing 300 MB.
    let z = zeros_docx(2 * 1024 * 1024);
    let opts = ExtractOptions {
        max_zip_uncompressed: 1024 * 1024,
        max_zip_ratio: u64::MAX,
        ..ExtractOptions::default()
    };
    let err = extract(Format::Docx, &z, &opts).unwrap_err();
    assert!(matches!(err, FormatError::ZipBomb { .. }), "{err}");
}

#[test]
fn bad_too_large() {
    let opts = ExtractOptions {
        max_text_bytes: 10,
        ..ExtractOptions::default()
    };
    for f in [Format::Text, Format::Markdown, Format::Html, Format::Docx] {
        let bytes = match f {
            Format::Docx => latvian_docx(),
            _ => "Šis teksts ir garāks par desmit baitiem."
                .as_bytes()
                .to_vec(),
        };
        let err = extract(f, &bytes, &opts).unwrap_err();
        assert!(
            matches!(err, FormatError::TooLarge { limit: 10 }),
            "{f:?}: {err}"
        );
    }
}

#[test]
fn bad_malformed_xml_names_part() {
    let z = office::zip(&[(
        "word/document.xml",
        "<w:document><w:body><w:p></w:r></w:body>",
    )]);
    match extract(Format::Docx, &z, &ExtractOptions::default()) {
        Err(FormatError::Xml { part, .. }) => assert_eq!(part, "word/document.xml"),
        other => panic!("{other:?}"),
    }
}

/// Truncated and garbled versions of every fixture give Ok or Err, never
/// a panic.
#[test]
fn bad_truncated_and_garbled_never_panic() {
    let inputs: Vec<(Format, Vec<u8>)> = vec![
        (Format::Text, fixture("txt/latvian.txt")),
        (Format::Markdown, fixture("md/latvian.md")),
        (Format::Html, fixture("html/latvian.html")),
        (Format::Html, fixture("html/defects.html")),
        (Format::Html, fixture("html/broken.html")),
        (Format::Docx, latvian_docx()),
        (Format::Odt, latvian_odt()),
    ];
    let mut rng = XorShift(7);
    for (f, bytes) in inputs {
        let mut cases = Vec::new();
        for cut in (0..bytes.len()).step_by((bytes.len() / 60).max(1)) {
            cases.push(bytes[..cut].to_vec());
        }
        for _ in 0..60 {
            let mut b = bytes.clone();
            for _ in 0..4 {
                let i = (rng.next() as usize) % b.len();
                b[i] = rng.next() as u8;
            }
            cases.push(b);
        }
        for case in cases {
            let r = std::panic::catch_unwind(|| extract(f, &case, &ExtractOptions::default()));
            assert!(r.is_ok(), "{f:?} panicked on {} bytes", case.len());
            // Whatever was extracted still maps back inside the source.
            if let Ok(Ok(doc)) = r {
                if let Some(src) = &doc.source_text {
                    for b in &doc.blocks {
                        let r = doc.map.byte_range(b.range.clone()).unwrap();
                        assert!(r.end <= src.len());
                    }
                }
            }
        }
    }
}

/// Deeply nested and never-closed elements stay linear (this would take
/// minutes if every tag walked the whole stack).
#[test]
fn bad_deep_nesting_html() {
    let n = 20_000;
    let mut html = String::new();
    for _ in 0..n {
        html.push_str("<div><span>");
    }
    for i in 0..n {
        html.push_str(&format!("<p>Rindkopa {i}<li>punkts"));
    }
    let doc = get(Format::Html, html.as_bytes());
    assert_eq!(doc.blocks.len(), 2 * n);
    assert_byte_round_trip(&doc);
}

// ---------------------------------------------------------------------
// Detection

#[test]
fn detect_by_extension_and_content() {
    assert_eq!(detect(Some(Path::new("a.docx")), b""), Format::Docx);
    assert_eq!(detect(None, &latvian_docx()), Format::Docx);
    assert_eq!(detect(None, &latvian_odt()), Format::Odt);
    assert_eq!(detect(None, &fixture("html/latvian.html")), Format::Html);
    assert_eq!(detect(None, &fixture("md/latvian.md")), Format::Text);
    assert_eq!(Format::from_path(Path::new("X.HTM")), Some(Format::Html));
    assert_eq!(Format::Odt.name(), "odt");
}

// ---------------------------------------------------------------------
// Accessibility facts

fn kinds(doc: &Document) -> Vec<StructuralKind> {
    let mut k: Vec<_> = doc.structure.iter().map(|s| s.kind).collect();
    k.sort_by_key(|k| format!("{k:?}"));
    k.dedup();
    k
}

#[test]
fn a11y_html_every_defect() {
    let doc = get(Format::Html, &fixture("html/defects.html"));
    let found = kinds(&doc);
    for k in [
        StructuralKind::ImageMissingAlt,
        StructuralKind::ImageAltIsFileName,
        StructuralKind::VagueLinkText,
        StructuralKind::HeadingLevelSkipped,
        StructuralKind::MultipleH1,
        StructuralKind::MissingDocumentLang,
        StructuralKind::TableWithoutHeaders,
        StructuralKind::LinkToFileNotAnnounced,
        StructuralKind::AllCapsText,
        StructuralKind::FakeHeading,
        StructuralKind::EmptyLink,
    ] {
        assert!(found.contains(&k), "{k:?} missing from {found:?}");
    }
    // Both vague links: "šeit" and the bare URL.
    let vague: Vec<_> = doc
        .structure
        .iter()
        .filter(|s| s.kind == StructuralKind::VagueLinkText)
        .map(|s| s.detail.as_str())
        .collect();
    assert_eq!(vague, ["šeit", "https://www.vvc.gov.lv/lv/pieteiksanas"]);
    // Facts point at the source.
    let src = doc.source_text.as_deref().unwrap();
    let f = doc
        .structure
        .iter()
        .find(|s| s.kind == StructuralKind::VagueLinkText)
        .unwrap();
    let (SourcePos::Byte { offset: s }, SourcePos::Byte { offset: e }) = (&f.source, &f.end) else {
        panic!()
    };
    assert_eq!(&src[*s..*e], r#"<a href="/veidlapa">šeit</a>"#);
    let caps = doc
        .structure
        .iter()
        .find(|s| s.kind == StructuralKind::AllCapsText)
        .unwrap();
    assert_eq!(
        caps.detail,
        "TERMIŅŠ IR STINGRI NOTEIKTS UN NETIKS PAGARINĀTS"
    );
    // A page in another language.
    let en = get(
        Format::Html,
        b"<html lang=\"en\"><body><p>Hello</p></body></html>",
    );
    assert_eq!(kinds(&en), [StructuralKind::DocumentLangNotLatvian]);
    assert!(en.blocks[0].skip);
}

#[test]
fn a11y_html_clean_page_has_none() {
    let doc = get(Format::Html, &fixture("html/clean.html"));
    assert!(doc.structure.is_empty(), "{:#?}", doc.structure);
}

#[test]
fn a11y_markdown() {
    let md = "# Virsraksts\n\n### Trešais līmenis\n\n![](bilde.png) un ![IMG_0001.jpg](x.jpg)\n\n\
              Skatīt [šeit](/x) un [nolikums](/n.docx).\n\n**Izcelts teksts bez punkta**\n\n# Otrs\n";
    let doc = get(Format::Markdown, md.as_bytes());
    let found = kinds(&doc);
    for k in [
        StructuralKind::HeadingLevelSkipped,
        StructuralKind::ImageMissingAlt,
        StructuralKind::ImageAltIsFileName,
        StructuralKind::VagueLinkText,
        StructuralKind::LinkToFileNotAnnounced,
        StructuralKind::FakeHeading,
        StructuralKind::MultipleH1,
    ] {
        assert!(found.contains(&k), "{k:?} missing from {found:?}");
    }
}

#[test]
fn a11y_docx() {
    use office::*;
    let body = format!(
        "{}{}{}{}{}{}",
        w_p(Some("Virsraksts1"), "Ievads"),
        w_p(Some("Heading3"), "Pārlēkts līmenis"),
        w_p(None, "*Izskatās pēc virsraksta"),
        r#"<w:p><w:r><w:drawing><wp:inline><wp:docPr id="1" name="Attēls 1"/></wp:inline></w:drawing></w:r></w:p>"#,
        r#"<w:p><w:r><w:t xml:space="preserve">Skatīt </w:t></w:r><w:hyperlink r:id="rId9"><w:r><w:t>šeit</w:t></w:r></w:hyperlink></w:p>"#,
        r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
    );
    let rels = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="hyperlink" Target="https://example.lv/a.pdf" TargetMode="External"/></Relationships>"#;
    let doc = get(
        Format::Docx,
        &docx(&body, &[("word/_rels/document.xml.rels", rels)]),
    );
    let found = kinds(&doc);
    for k in [
        StructuralKind::HeadingLevelSkipped,
        StructuralKind::FakeHeading,
        StructuralKind::ImageMissingAlt,
        StructuralKind::VagueLinkText,
        StructuralKind::LinkToFileNotAnnounced,
        StructuralKind::TableWithoutHeaders,
    ] {
        assert!(found.contains(&k), "{k:?} missing from {found:?}");
    }
    let fake = doc
        .structure
        .iter()
        .find(|s| s.kind == StructuralKind::FakeHeading)
        .unwrap();
    assert!(matches!(
        &fake.source,
        SourcePos::Paragraph {
            index: 3,
            char_offset: 0,
            ..
        }
    ));
    assert_eq!(
        &doc.text[fake.text_range.clone().unwrap()],
        "Izskatās pēc virsraksta"
    );
}

#[test]
fn a11y_odt() {
    use office::*;
    let body = format!(
        "{}{}{}{}{}",
        r#"<text:h text:outline-level="1">Ievads</text:h><text:h text:outline-level="3">Pārlēkts</text:h>"#,
        t_p("*Izskatās pēc virsraksta"),
        r#"<text:p text:style-name="P9">Liels teksts</text:p>"#,
        r#"<text:p><draw:frame draw:name="Attēls1"><draw:image xlink:href="Pictures/a.png"/></draw:frame>Teksts ar <text:a xlink:href="faili/nolikums.xlsx">nolikumu</text:a>.</text:p>"#,
        r#"<table:table><table:table-row><table:table-cell><text:p>a</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell><text:p>b</text:p></table:table-cell></table:table-row></table:table>"#,
    );
    let doc = get(Format::Odt, &odt(&body, BOLD_T1));
    let found = kinds(&doc);
    for k in [
        StructuralKind::HeadingLevelSkipped,
        StructuralKind::FakeHeading,
        StructuralKind::ImageMissingAlt,
        StructuralKind::LinkToFileNotAnnounced,
        StructuralKind::TableWithoutHeaders,
    ] {
        assert!(found.contains(&k), "{k:?} missing from {found:?}");
    }
    let fakes: Vec<_> = doc
        .structure
        .iter()
        .filter(|s| s.kind == StructuralKind::FakeHeading)
        .map(|s| s.detail.as_str())
        .collect();
    assert_eq!(fakes, ["Izskatās pēc virsraksta", "Liels teksts"]);
}

#[test]
fn skip_nav_option() {
    let html = "<html lang=lv><body><nav><a href=/>Sākums</a></nav><header>Galvene</header>\
                <main><p>Saturs.</p></main><footer>Kājene</footer></body></html>"
        .as_bytes();
    let all = get(Format::Html, html);
    assert_eq!(
        block_texts(&all),
        ["Sākums", "Galvene", "Saturs.", "Kājene"]
    );
    assert_eq!(all.blocks[0].kind, BlockKind::LinkText);
    let opts = ExtractOptions {
        skip_nav: true,
        ..ExtractOptions::default()
    };
    let main = extract(Format::Html, html, &opts).unwrap();
    // A list item that is one link stays a list item.
    let li = get(Format::Html, b"<ul><li><a href=/a>Pirmais</a></li></ul>");
    assert_eq!(li.blocks[0].kind, BlockKind::ListItem);
    assert_eq!(block_texts(&main), ["Saturs."]);
}

// ---------------------------------------------------------------------
// Files written by LibreOffice 7.4 (from tests/fixtures/odt/libreoffice-source.fodt)

fn libreoffice_paragraphs() -> Vec<&'static str> {
    vec![
        "Darba aizsardzības likums",
        "Likumā ir lietoti šādi termini, un darba devējs ir fiziskā persona.",
        "Vispārīgie noteikumi",
        "Čaklā Ņina gāja uz pļavu 🙂. Vairāk informācijas šeit.",
        "Pirmais punkts ar ķiršiem.",
        "Otrais punkts ar šķiņķi.",
        "Vārds",
        "Uzvārds",
        "Ēriks",
        "Žagars",
        "Pēdējā rindkopa.",
        "Zemsvītras piezīme ar ģērbšanās vārdu.",
    ]
}

#[track_caller]
fn check_libreoffice(doc: &Document, paras_in_order: &[&str]) {
    let mut blocks = block_texts(doc);
    let mut want: Vec<&str> = paras_in_order.to_vec();
    blocks.sort();
    want.sort();
    assert_eq!(blocks, want);
    assert_paragraph_round_trip(
        doc,
        &paras_in_order
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>(),
    );
    assert_eq!(doc.blocks[0].kind, BlockKind::Heading(1));
    let kinds: Vec<_> = doc.blocks.iter().map(|b| b.kind.clone()).collect();
    assert!(kinds.contains(&BlockKind::Heading(2)));
    assert_eq!(
        kinds.iter().filter(|k| **k == BlockKind::ListItem).count(),
        2
    );
    assert_eq!(
        kinds.iter().filter(|k| **k == BlockKind::TableCell).count(),
        4
    );
    assert_eq!(
        kinds.iter().filter(|k| **k == BlockKind::Footnote).count(),
        1
    );
    assert_eq!(doc.directives.len(), 1, "{:?}", doc.directives);
    assert_eq!(doc.directives[0].text, "skaidri: disable SK0100");
    assert!(doc.text[doc.directives[0].text_offset..].starts_with("Čaklā"));
    let mut facts: Vec<_> = doc.structure.iter().map(|s| s.kind).collect();
    facts.sort_by_key(|k| format!("{k:?}"));
    assert_eq!(
        facts,
        [
            StructuralKind::LinkToFileNotAnnounced,
            StructuralKind::VagueLinkText
        ]
    );
}

#[test]
fn libreoffice_docx() {
    let doc = get(Format::Docx, &fixture("docx/libreoffice.docx"));
    // Word numbering: body paragraphs, then the footnote.
    check_libreoffice(&doc, &libreoffice_paragraphs());
}

#[test]
fn libreoffice_odt() {
    let doc = get(Format::Odt, &fixture("odt/libreoffice.odt"));
    // ODT numbering: the note where it is cited.
    let mut paras = libreoffice_paragraphs();
    let note = paras.pop().unwrap();
    paras.insert(2, note);
    check_libreoffice(&doc, &paras);
}

#[test]
fn office_foreign_language_paragraphs_are_skipped() {
    use office::*;
    let en = r#"<w:p><w:r><w:rPr><w:lang w:val="en-GB"/></w:rPr><w:t>This is English.</w:t></w:r></w:p>"#;
    let mixed = r#"<w:p><w:r><w:t xml:space="preserve">Latviski un </w:t></w:r><w:r><w:rPr><w:lang w:val="en-GB"/></w:rPr><w:t>English</w:t></w:r></w:p>"#;
    let lv = r#"<w:p><w:r><w:rPr><w:lang w:val="lv-LV"/></w:rPr><w:t>Latviski.</w:t></w:r></w:p>"#;
    let doc = get(Format::Docx, &docx(&format!("{en}{mixed}{lv}"), &[]));
    let skips: Vec<_> = doc
        .blocks
        .iter()
        .map(|b| (b.skip, b.lang.as_deref()))
        .collect();
    assert_eq!(skips, [(true, Some("en-GB")), (false, None), (false, None)]);

    let styles = r#"<style:style style:name="T2" style:family="text"><style:text-properties fo:language="en" fo:country="US"/></style:style><style:style style:name="P2" style:family="paragraph"><style:text-properties fo:language="ru" fo:country="RU"/></style:style>"#;
    let body = r#"<text:p><text:span text:style-name="T2">This is English.</text:span></text:p><text:p text:style-name="P2">Русский текст.</text:p><text:p>Latviski <text:span text:style-name="T2">English</text:span></text:p>"#;
    let doc = get(Format::Odt, &odt(body, styles));
    let skips: Vec<_> = doc
        .blocks
        .iter()
        .map(|b| (b.skip, b.lang.as_deref()))
        .collect();
    assert_eq!(
        skips,
        [(true, Some("en-US")), (true, Some("ru-RU")), (false, None)]
    );
}

#[test]
fn markdown_comments_become_directives() {
    let md = "Pirmā rindkopa.\n\n<!--\nskaidri: disable SK0001\n-->\n\nOtrā <!-- skaidri: disable-line SK0002 --> rindkopa.\n";
    let doc = get(Format::Markdown, md.as_bytes());
    let d: Vec<_> = doc.directives.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(
        d,
        ["skaidri: disable SK0001", "skaidri: disable-line SK0002"]
    );
    assert!(doc.text[doc.directives[0].text_offset..].starts_with("Otrā"));
    let SourcePos::Byte { offset } = doc.directives[0].source else {
        panic!()
    };
    assert!(md[offset..].starts_with("<!--\nskaidri"));
    assert_eq!(block_texts(&doc), ["Pirmā rindkopa.", "Otrā rindkopa."]);
}
