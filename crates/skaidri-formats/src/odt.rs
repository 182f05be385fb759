//! OpenDocument text (`.odt`).
//!
//! Reads `content.xml` (required): `text:p` and `text:h` (with
//! `text:outline-level`), lists, tables, notes (`text:note`, as
//! [`BlockKind::Footnote`] blocks after the paragraph that cites them),
//! frames with text boxes. Left out: annotations (`office:annotation`,
//! whose text becomes a [`Directive`](crate::Directive)), tracked changes
//! (`text:tracked-changes`, which holds the deleted text), note
//! citations. Styles from `styles.xml` and the automatic styles of
//! `content.xml` tell bold and large text (for fake headings); the
//! default paragraph style or `meta.xml` tells the document language.
//!
//! A paragraph whose text is all in styles with a language other than
//! Latvian (`fo:language` on a paragraph or span style) gets that `lang`
//! and `skip = true`; the default style's language is only reported as
//! a fact.
//!
//! Paragraphs are numbered in document order (notes where they are
//! cited), the order LibreOffice's navigator shows them.

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::a11y;
use crate::office::{self, Collected, Comment, Fact, LangCount, Para, LARGE_FONT_PT};
use crate::zipfile::Archive;
use crate::{xml, BlockKind, Document, ExtractOptions, FormatError, StructuralKind};

const CONTENT: &str = "content.xml";

/// Extract an ODT document.
pub(crate) fn extract(bytes: &[u8], opts: &ExtractOptions) -> Result<Document, FormatError> {
    let mut zip = Archive::open(bytes, opts)?;
    let content = zip.require(CONTENT)?;
    let mut styles = Styles::default();
    if let Some(s) = zip.read("styles.xml")? {
        styles.parse("styles.xml", &s)?;
    }
    // The automatic styles at the top of content.xml.
    styles.parse(CONTENT, &content)?;
    if styles.lang.is_none() {
        if let Some(m) = zip.read("meta.xml")? {
            styles.lang = meta_language("meta.xml", &m)?;
        }
    }
    let mut r = ContentReader {
        styles,
        out: Collected::default(),
        next_index: 1,
    };
    r.read(CONTENT, &content)?;
    let mut c = r.out;
    c.lang = r.styles.lang.clone();
    office::assemble(c, opts)
}

#[derive(Debug, Default, Clone)]
struct Style {
    parent: Option<String>,
    bold: Option<bool>,
    size_pt: Option<f32>,
    outline: Option<u8>,
    lang: Option<String>,
}

#[derive(Debug, Default)]
struct Styles {
    by_name: HashMap<String, Style>,
    lang: Option<String>,
}

fn parse_pt(v: &str) -> Option<f32> {
    let v = v.trim();
    if let Some(n) = v.strip_suffix("pt") {
        n.trim().parse().ok()
    } else if let Some(n) = v.strip_suffix("cm") {
        n.trim().parse::<f32>().ok().map(|c| c * 72.0 / 2.54)
    } else if let Some(n) = v.strip_suffix("in") {
        n.trim().parse::<f32>().ok().map(|i| i * 72.0)
    } else {
        None
    }
}

impl Styles {
    /// Read `style:style` elements (named or automatic) and the default
    /// paragraph style's language.
    fn parse(&mut self, part: &str, bytes: &[u8]) -> Result<(), FormatError> {
        let s = xml::as_str(part, bytes)?;
        let mut reader = Reader::from_str(s);
        let mut cur: Option<(String, Style)> = None;
        let mut in_default_para = false;
        loop {
            let ev = reader
                .read_event()
                .map_err(|e| xml::error(part, reader.error_position(), e))?;
            match ev {
                Event::Eof => break,
                // Styles end where the body starts.
                Event::Start(e) if e.name().as_ref() == "office:body" => break,
                Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                    "style:style" => {
                        let name = xml::attr(&e, "style:name").unwrap_or_default();
                        let st = Style {
                            parent: xml::attr(&e, "style:parent-style-name"),
                            outline: xml::attr(&e, "style:default-outline-level")
                                .and_then(|v| v.parse().ok()),
                            ..Style::default()
                        };
                        cur = Some((name, st));
                    }
                    "style:default-style" => {
                        in_default_para =
                            xml::attr(&e, "style:family").as_deref() == Some("paragraph");
                    }
                    "style:text-properties" => {
                        if let Some((_, st)) = &mut cur {
                            if let Some(w) = xml::attr(&e, "fo:font-weight") {
                                st.bold =
                                    Some(w == "bold" || w.parse::<u32>().is_ok_and(|n| n >= 600));
                            }
                            if let Some(sz) = xml::attr(&e, "fo:font-size") {
                                st.size_pt = parse_pt(&sz);
                            }
                            if let Some(l) = xml::attr(&e, "fo:language") {
                                st.lang = Some(lang_tag(l, xml::attr(&e, "fo:country")));
                            }
                        } else if in_default_para {
                            if let Some(l) = xml::attr(&e, "fo:language") {
                                self.lang = Some(lang_tag(l, xml::attr(&e, "fo:country")));
                            }
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match e.name().as_ref() {
                    "style:style" => {
                        if let Some((name, st)) = cur.take() {
                            self.by_name.insert(name, st);
                        }
                    }
                    "style:default-style" => in_default_para = false,
                    _ => {}
                },
                _ => {}
            }
        }
        Ok(())
    }

    fn find<T>(&self, name: &str, get: impl Fn(&Style) -> Option<T>) -> Option<T> {
        let mut name = name.to_owned();
        for _ in 0..10 {
            let st = self.by_name.get(&name)?;
            if let Some(v) = get(st) {
                return Some(v);
            }
            name = st.parent.clone()?;
        }
        None
    }

    fn emphasised(&self, name: &str) -> Option<bool> {
        let bold = self.find(name, |s| s.bold);
        let size = self.find(name, |s| s.size_pt);
        match (bold, size) {
            (None, None) => None,
            (b, s) => Some(b.unwrap_or(false) || s.is_some_and(|s| s >= LARGE_FONT_PT)),
        }
    }

    fn lang(&self, name: &str) -> Option<String> {
        self.find(name, |s| s.lang.clone())
    }

    fn outline(&self, name: &str) -> Option<u8> {
        self.find(name, |s| s.outline)
    }
}

/// `lv` + `LV` -> `lv-LV`.
fn lang_tag(language: String, country: Option<String>) -> String {
    match country {
        Some(c) if !c.is_empty() && c != "none" => format!("{language}-{c}"),
        _ => language,
    }
}

fn meta_language(part: &str, bytes: &[u8]) -> Result<Option<String>, FormatError> {
    let s = xml::as_str(part, bytes)?;
    let mut reader = Reader::from_str(s);
    let mut in_lang = false;
    loop {
        match reader
            .read_event()
            .map_err(|e| xml::error(part, reader.error_position(), e))?
        {
            Event::Eof => return Ok(None),
            Event::Start(e) if e.name().as_ref() == "dc:language" => in_lang = true,
            Event::Text(t) if in_lang => return Ok(Some(t.xml10_content().trim().to_owned())),
            _ => {}
        }
    }
}

#[derive(Debug)]
struct OpenPara {
    index: usize,
    kind: BlockKind,
    text: String,
    chars: usize,
    style: Option<String>,
    emphasised: usize,
    langs: LangCount,
}

#[derive(Debug)]
struct Frame {
    index: usize,
    chars: usize,
    has_image: bool,
    alt: String,
    decorative: bool,
}

/// A subtree being skipped; an annotation's text is kept.
struct Skip {
    depth: usize,
    annotation: bool,
    in_p: usize,
    text: String,
    index: usize,
    at: usize,
}

struct ContentReader {
    styles: Styles,
    out: Collected,
    next_index: usize,
}

/// Elements whose whole subtree is left out.
fn skipped(name: &str) -> bool {
    matches!(
        name,
        "office:annotation"
            | "text:tracked-changes"
            | "text:note-citation"
            | "office:automatic-styles"
    )
}

impl ContentReader {
    fn read(&mut self, part: &str, bytes: &[u8]) -> Result<(), FormatError> {
        let s = xml::as_str(part, bytes)?;
        let mut reader = Reader::from_str(s);
        let mut paras: Vec<OpenPara> = Vec::new();
        let mut deferred: Vec<Para> = Vec::new();
        // Span style names, innermost last.
        let mut spans: Vec<Option<String>> = Vec::new();
        let mut links: Vec<(String, usize)> = Vec::new();
        let mut frames: Vec<Frame> = Vec::new();
        // (first paragraph, rows, has header rows)
        let mut tables: Vec<(usize, usize, bool)> = Vec::new();
        let mut lists = 0usize;
        let mut cells = 0usize;
        let mut notes = 0usize;
        let mut in_alt = 0usize;
        // Skipped subtree (annotation, tracked changes...).
        let mut skip: Option<Skip> = None;
        loop {
            let ev = reader
                .read_event()
                .map_err(|e| xml::error(part, reader.error_position(), e))?;
            if let Some(sk) = &mut skip {
                match &ev {
                    Event::Start(e) => {
                        sk.depth += 1;
                        if e.name().as_ref() == "text:p" {
                            sk.in_p += 1;
                        }
                    }
                    Event::End(e) => {
                        sk.depth -= 1;
                        if e.name().as_ref() == "text:p" {
                            sk.in_p = sk.in_p.saturating_sub(1);
                            sk.text.push('\n');
                        }
                        if sk.depth == 0 {
                            if sk.annotation {
                                self.out.comments.push(Comment {
                                    text: sk.text.trim().to_owned(),
                                    index: sk.index,
                                    char_offset: sk.at,
                                });
                            }
                            skip = None;
                        }
                    }
                    Event::Text(t) if sk.annotation && sk.in_p > 0 => {
                        sk.text.push_str(&t.xml10_content())
                    }
                    Event::GeneralRef(r) if sk.annotation && sk.in_p > 0 => {
                        sk.text.push_str(&xml::general_ref(r).unwrap_or_default())
                    }
                    Event::Eof => break,
                    _ => {}
                }
                continue;
            }
            match ev {
                Event::Eof => break,
                Event::Start(e) if skipped(e.name().as_ref()) => {
                    let idx = paras.last().map_or(self.next_index, |p| p.index);
                    let at = paras.last().map_or(0, |p| p.chars);
                    skip = Some(Skip {
                        depth: 1,
                        annotation: e.name().as_ref() == "office:annotation",
                        in_p: 0,
                        text: String::new(),
                        index: idx,
                        at,
                    });
                }
                Event::Start(e) => self.start(
                    &e,
                    false,
                    &mut paras,
                    &mut spans,
                    &mut links,
                    &mut frames,
                    &mut tables,
                    &mut lists,
                    &mut cells,
                    &mut notes,
                    &mut in_alt,
                ),
                Event::Empty(e) => self.start(
                    &e,
                    true,
                    &mut paras,
                    &mut spans,
                    &mut links,
                    &mut frames,
                    &mut tables,
                    &mut lists,
                    &mut cells,
                    &mut notes,
                    &mut in_alt,
                ),
                Event::End(e) => match e.name().as_ref() {
                    "text:p" | "text:h" => {
                        if let Some(p) = paras.pop() {
                            let para = self.finish_para(p, cells > 0, lists > 0);
                            if paras.is_empty() {
                                self.out.paras.push(para);
                                self.out.paras.append(&mut deferred);
                            } else {
                                deferred.push(para);
                            }
                        }
                    }
                    "text:span" => {
                        spans.pop();
                    }
                    "text:a" => {
                        if let (Some((href, start)), Some(p)) = (links.pop(), paras.last()) {
                            let text: String = p.text.chars().skip(start).collect();
                            let (index, end) = (p.index, p.chars);
                            self.link(index, start..end, &text, &href);
                        }
                    }
                    "text:list" => lists = lists.saturating_sub(1),
                    "table:table-cell" => cells = cells.saturating_sub(1),
                    "text:note-body" => notes = notes.saturating_sub(1),
                    "svg:title" | "svg:desc" => in_alt = in_alt.saturating_sub(1),
                    "table:table" => {
                        if let Some((first, rows, header)) = tables.pop() {
                            if !header && rows >= 2 {
                                self.out.facts.push(Fact {
                                    kind: StructuralKind::TableWithoutHeaders,
                                    index: first,
                                    chars: 0..0,
                                    detail: format!("{rows} rows"),
                                });
                            }
                        }
                    }
                    "draw:frame" => {
                        if let Some(f) = frames.pop() {
                            self.frame_done(f);
                        }
                    }
                    _ => {}
                },
                Event::Text(t) => {
                    let s = t.xml10_content();
                    if in_alt > 0 {
                        if let Some(f) = frames.last_mut() {
                            f.alt.push_str(&s);
                        }
                    } else {
                        self.push(&mut paras, &spans, &s);
                    }
                }
                Event::GeneralRef(r) => {
                    if let Some(s) = xml::general_ref(&r) {
                        if in_alt > 0 {
                            if let Some(f) = frames.last_mut() {
                                f.alt.push_str(&s);
                            }
                        } else {
                            self.push(&mut paras, &spans, &s);
                        }
                    }
                }
                _ => {}
            }
        }
        while let Some(p) = paras.pop() {
            let para = self.finish_para(p, cells > 0, lists > 0);
            self.out.paras.push(para);
        }
        self.out.paras.append(&mut deferred);
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn start(
        &mut self,
        e: &BytesStart<'_>,
        empty: bool,
        paras: &mut Vec<OpenPara>,
        spans: &mut Vec<Option<String>>,
        links: &mut Vec<(String, usize)>,
        frames: &mut Vec<Frame>,
        tables: &mut Vec<(usize, usize, bool)>,
        lists: &mut usize,
        cells: &mut usize,
        notes: &mut usize,
        in_alt: &mut usize,
    ) {
        match e.name().as_ref() {
            name @ ("text:p" | "text:h") => {
                let index = self.next_index;
                self.next_index += 1;
                if empty {
                    return;
                }
                let style = xml::attr(e, "text:style-name");
                let level = if name == "text:h" {
                    Some(
                        xml::attr(e, "text:outline-level")
                            .and_then(|l| l.parse::<u8>().ok())
                            .unwrap_or(1)
                            .clamp(1, 10),
                    )
                } else {
                    style.as_deref().and_then(|s| self.styles.outline(s))
                };
                let kind = if *notes > 0 {
                    BlockKind::Footnote
                } else if let Some(l) = level {
                    BlockKind::Heading(l)
                } else if !frames.is_empty() && *cells == 0 {
                    BlockKind::Caption
                } else {
                    BlockKind::Paragraph
                };
                paras.push(OpenPara {
                    index,
                    kind,
                    text: String::new(),
                    chars: 0,
                    style,
                    emphasised: 0,
                    langs: LangCount::default(),
                });
            }
            "text:span" if !empty => spans.push(xml::attr(e, "text:style-name")),
            "text:a" if !empty => {
                let at = paras.last().map_or(0, |p| p.chars);
                links.push((xml::attr(e, "xlink:href").unwrap_or_default(), at));
            }
            "text:s" => {
                let n = xml::attr(e, "text:c")
                    .and_then(|c| c.parse::<usize>().ok())
                    .unwrap_or(1)
                    .min(1000);
                self.push(paras, spans, &" ".repeat(n));
            }
            "text:tab" => self.push(paras, spans, "\t"),
            "text:line-break" => self.push(paras, spans, "\n"),
            "text:list" if !empty => *lists += 1,
            "table:table" if !empty => tables.push((self.next_index, 0, false)),
            "table:table-header-rows" => {
                if let Some(t) = tables.last_mut() {
                    t.2 = true;
                }
            }
            "table:table-row" => {
                if let Some(t) = tables.last_mut() {
                    t.1 += 1;
                }
            }
            "table:table-cell" if !empty => *cells += 1,
            "text:note-body" if !empty => *notes += 1,
            "draw:frame" if !empty => {
                let decorative = e.attributes().flatten().any(|a| {
                    a.key.local_name().as_ref() == "decorative" && a.value.as_ref() == "true"
                });
                frames.push(Frame {
                    index: paras.last().map_or(self.next_index, |p| p.index),
                    chars: paras.last().map_or(0, |p| p.chars),
                    has_image: false,
                    alt: String::new(),
                    decorative,
                });
            }
            "draw:image" => {
                if let Some(f) = frames.last_mut() {
                    f.has_image = true;
                }
            }
            "svg:title" | "svg:desc" if !empty => {
                if let Some(f) = frames.last_mut() {
                    if !f.alt.is_empty() {
                        f.alt.push(' ');
                    }
                }
                *in_alt += 1;
            }
            _ => {}
        }
    }

    fn push(&self, paras: &mut [OpenPara], spans: &[Option<String>], s: &str) {
        let Some(p) = paras.last_mut() else { return };
        let n = s.chars().count();
        let lang = spans
            .iter()
            .rev()
            .flatten()
            .find_map(|name| self.styles.lang(name))
            .or_else(|| p.style.as_deref().and_then(|st| self.styles.lang(st)));
        p.langs.add(s, lang.as_deref());
        p.text.push_str(s);
        p.chars += n;
        let span_emph = spans
            .iter()
            .rev()
            .flatten()
            .find_map(|name| self.styles.emphasised(name));
        let emph = span_emph
            .or_else(|| p.style.as_deref().and_then(|st| self.styles.emphasised(st)))
            .unwrap_or(false);
        if emph {
            p.emphasised += s.chars().filter(|c| !c.is_whitespace()).count();
        }
    }

    fn finish_para(&mut self, p: OpenPara, in_cell: bool, in_list: bool) -> Para {
        let kind = match p.kind {
            BlockKind::Paragraph if in_cell => BlockKind::TableCell,
            BlockKind::Paragraph if in_list => BlockKind::ListItem,
            k => k,
        };
        Para {
            index: p.index,
            may_be_heading: kind == BlockKind::Paragraph,
            kind,
            foreign_lang: p.langs.result(&p.text),
            text: p.text,
            emphasised_chars: p.emphasised,
        }
    }

    fn link(&mut self, index: usize, chars: std::ops::Range<usize>, text: &str, href: &str) {
        let detail = text.trim().to_owned();
        if detail.is_empty() {
            self.out.facts.push(Fact {
                kind: StructuralKind::EmptyLink,
                index,
                chars,
                detail: href.to_owned(),
            });
            return;
        }
        if a11y::is_vague_link_text(text) {
            self.out.facts.push(Fact {
                kind: StructuralKind::VagueLinkText,
                index,
                chars: chars.clone(),
                detail: detail.clone(),
            });
        }
        if let Some(ext) = a11y::unannounced_file_type(href, text) {
            self.out.facts.push(Fact {
                kind: StructuralKind::LinkToFileNotAnnounced,
                index,
                chars,
                detail: ext.to_owned(),
            });
        }
    }

    fn frame_done(&mut self, f: Frame) {
        if !f.has_image || f.decorative {
            return;
        }
        let alt = f.alt.trim().to_owned();
        if alt.is_empty() {
            self.out.facts.push(Fact {
                kind: StructuralKind::ImageMissingAlt,
                index: f.index,
                chars: f.chars..f.chars,
                detail: String::new(),
            });
            return;
        }
        if a11y::alt_is_file_name(&alt, None) {
            self.out.facts.push(Fact {
                kind: StructuralKind::ImageAltIsFileName,
                index: f.index,
                chars: f.chars..f.chars,
                detail: alt.clone(),
            });
        }
        self.out.paras.push(Para {
            index: f.index,
            kind: BlockKind::AltText,
            text: alt,
            emphasised_chars: 0,
            foreign_lang: None,
            may_be_heading: false,
        });
    }
}
