//! Word documents (Office Open XML, `.docx`).
//!
//! Reads `word/document.xml` (required), then `word/footnotes.xml` and
//! `word/endnotes.xml`; `word/styles.xml` maps style ids to heading
//! levels (`outlineLvl`, or the names `heading N` / `HeadingN` /
//! `VirsrakstsN`), bold and size; `word/comments.xml` gives the comments
//! that become [`Directive`](crate::Directive)s; the relationships give
//! hyperlink targets.
//!
//! Paragraphs (`w:p`) are numbered in document order, body first, then
//! footnotes and endnotes; empty paragraphs count too, so the number is
//! the one a person counts in Word. Tracked deletions (`w:del`,
//! `w:moveFrom`, `w:delText`), field instructions and the fallback copy
//! of text boxes (`mc:Fallback`) are left out; insertions are kept.
//! A paragraph whose text is all in runs marked (`w:lang`) with a
//! language other than Latvian gets that `lang` and `skip = true`; the
//! document default language is only reported as a fact, since Latvian
//! documents are often left with an English default.
//! A comment is anchored where its range starts (Word) or where it is
//! referenced (LibreOffice); a comment with neither is not reported.

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::a11y;
use crate::office::{self, Collected, Comment, Fact, LangCount, Para, LARGE_FONT_PT};
use crate::zipfile::Archive;
use crate::{xml, BlockKind, Document, ExtractOptions, FormatError, StructuralKind};

const DOCUMENT: &str = "word/document.xml";

/// Extract a DOCX document.
pub(crate) fn extract(bytes: &[u8], opts: &ExtractOptions) -> Result<Document, FormatError> {
    let mut zip = Archive::open(bytes, opts)?;
    let body = zip.require(DOCUMENT)?;
    let styles = match zip.read("word/styles.xml")? {
        Some(s) => Styles::parse("word/styles.xml", &s)?,
        None => Styles::default(),
    };
    let rels = match zip.read("word/_rels/document.xml.rels")? {
        Some(r) => read_rels("word/_rels/document.xml.rels", &r)?,
        None => HashMap::new(),
    };
    let comments = match zip.read("word/comments.xml")? {
        Some(c) => read_comments("word/comments.xml", &c)?,
        None => HashMap::new(),
    };
    let mut r = BodyReader::new(&styles, &rels);
    r.read(DOCUMENT, &body, BlockKind::Paragraph)?;
    for part in ["word/footnotes.xml", "word/endnotes.xml"] {
        if let Some(notes) = zip.read(part)? {
            r.read(part, &notes, BlockKind::Footnote)?;
        }
    }
    let mut c = r.out;
    c.lang = styles.lang.clone();
    let mut seen = std::collections::HashSet::new();
    c.comments = r
        .anchors
        .into_iter()
        .filter(|(id, _, _)| seen.insert(id.clone()))
        .filter_map(|(id, index, char_offset)| {
            comments.get(&id).map(|text| Comment {
                text: text.clone(),
                index,
                char_offset,
            })
        })
        .collect();
    office::assemble(c, opts)
}

/// What a style says about its paragraphs.
#[derive(Debug, Default, Clone)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    bold: Option<bool>,
    /// Font size in half-points.
    size: Option<u32>,
    list: bool,
}

#[derive(Debug, Default)]
struct Styles {
    by_id: HashMap<String, Style>,
    lang: Option<String>,
    default_size: Option<u32>,
}

/// Heading level from a style id or name like `Heading2`, `heading 2`,
/// `Virsraksts2`.
fn level_from_name(name: &str) -> Option<u8> {
    let lower = name.to_lowercase().replace(' ', "");
    for prefix in ["heading", "virsraksts"] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            if let Ok(n) = rest.parse::<u8>() {
                if (1..=9).contains(&n) {
                    return Some(n);
                }
            }
        }
    }
    None
}

fn on_off(e: &BytesStart<'_>) -> bool {
    !matches!(
        xml::attr(e, "w:val").as_deref(),
        Some("0") | Some("false") | Some("off")
    )
}

impl Styles {
    fn parse(part: &str, bytes: &[u8]) -> Result<Self, FormatError> {
        let s = xml::as_str(part, bytes)?;
        let mut reader = Reader::from_str(s);
        let mut styles = Styles::default();
        let mut cur: Option<(String, Style)> = None;
        let mut in_defaults = false;
        let mut in_ppr = false;
        loop {
            let ev = reader
                .read_event()
                .map_err(|e| xml::error(part, reader.error_position(), e))?;
            match ev {
                Event::Eof => break,
                Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                    "w:docDefaults" => in_defaults = true,
                    "w:style" => {
                        let id = xml::attr(&e, "w:styleId").unwrap_or_default();
                        cur = Some((id, Style::default()));
                    }
                    "w:pPr" => in_ppr = true,
                    "w:name" => {
                        if let Some((_, st)) = &mut cur {
                            st.name = xml::attr(&e, "w:val").unwrap_or_default();
                        }
                    }
                    "w:basedOn" => {
                        if let Some((_, st)) = &mut cur {
                            st.based_on = xml::attr(&e, "w:val");
                        }
                    }
                    "w:outlineLvl" => {
                        if let Some((_, st)) = &mut cur {
                            st.outline = xml::attr(&e, "w:val")
                                .and_then(|v| v.parse::<u8>().ok())
                                .filter(|l| *l < 9)
                                .map(|l| l + 1);
                        }
                    }
                    "w:numPr" => {
                        if let Some((_, st)) = &mut cur {
                            st.list = true;
                        }
                    }
                    "w:b" if !in_ppr => {
                        if let Some((_, st)) = &mut cur {
                            st.bold = Some(on_off(&e));
                        }
                    }
                    "w:sz" if !in_ppr => {
                        let v = xml::attr(&e, "w:val").and_then(|v| v.parse().ok());
                        match &mut cur {
                            Some((_, st)) => st.size = v,
                            None if in_defaults => styles.default_size = v,
                            None => {}
                        }
                    }
                    "w:lang" if in_defaults && cur.is_none() => {
                        styles.lang = xml::attr(&e, "w:val");
                    }
                    _ => {}
                },
                Event::End(e) => match e.name().as_ref() {
                    "w:docDefaults" => in_defaults = false,
                    "w:pPr" => in_ppr = false,
                    "w:style" => {
                        if let Some((id, st)) = cur.take() {
                            styles.by_id.insert(id, st);
                        }
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        Ok(styles)
    }

    /// Follow `basedOn` (at most 10 steps) to find a property.
    fn find<T>(&self, id: &str, get: impl Fn(&Style, &str) -> Option<T>) -> Option<T> {
        let mut id = id.to_owned();
        for _ in 0..10 {
            let st = self.by_id.get(&id)?;
            if let Some(v) = get(st, &id) {
                return Some(v);
            }
            id = st.based_on.clone()?;
        }
        None
    }

    fn heading_level(&self, id: &str) -> Option<u8> {
        if let Some(l) = self.find(id, |st, id| {
            st.outline
                .or_else(|| level_from_name(&st.name))
                .or_else(|| level_from_name(id))
        }) {
            return Some(l);
        }
        if self.by_id.contains_key(id) {
            None
        } else {
            level_from_name(id)
        }
    }

    fn is_list(&self, id: &str) -> bool {
        self.find(id, |st, _| st.list.then_some(true))
            .unwrap_or(false)
    }

    fn bold(&self, id: &str) -> bool {
        self.find(id, |st, _| st.bold).unwrap_or(false)
    }

    fn size(&self, id: &str) -> Option<u32> {
        self.find(id, |st, _| st.size).or(self.default_size)
    }

    /// Title, subtitle and caption styles are not fake headings.
    fn is_title_or_caption(&self, id: &str) -> bool {
        let name = self
            .by_id
            .get(id)
            .map(|s| s.name.to_lowercase())
            .unwrap_or_else(|| id.to_lowercase());
        [
            "title",
            "subtitle",
            "caption",
            "nosaukums",
            "apakšvirsraksts",
            "paraksts",
        ]
        .iter()
        .any(|n| name.contains(n))
    }
}

fn read_rels(part: &str, bytes: &[u8]) -> Result<HashMap<String, String>, FormatError> {
    let s = xml::as_str(part, bytes)?;
    let mut reader = Reader::from_str(s);
    let mut out = HashMap::new();
    loop {
        match reader
            .read_event()
            .map_err(|e| xml::error(part, reader.error_position(), e))?
        {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                if let (Some(id), Some(target)) = (xml::attr(&e, "Id"), xml::attr(&e, "Target")) {
                    out.insert(id, target);
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

fn read_comments(part: &str, bytes: &[u8]) -> Result<HashMap<String, String>, FormatError> {
    let s = xml::as_str(part, bytes)?;
    let mut reader = Reader::from_str(s);
    let mut out = HashMap::new();
    let mut cur: Option<(String, String)> = None;
    let mut in_t = false;
    loop {
        match reader
            .read_event()
            .map_err(|e| xml::error(part, reader.error_position(), e))?
        {
            Event::Eof => break,
            Event::Start(e) => match e.name().as_ref() {
                "w:comment" => {
                    cur = Some((xml::attr(&e, "w:id").unwrap_or_default(), String::new()))
                }
                "w:t" => in_t = true,
                "w:p" => {
                    if let Some((_, t)) = &mut cur {
                        if !t.is_empty() {
                            t.push('\n');
                        }
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                "w:comment" => {
                    if let Some((id, t)) = cur.take() {
                        out.insert(id, t);
                    }
                }
                "w:t" => in_t = false,
                _ => {}
            },
            Event::Text(t) if in_t => {
                if let Some((_, s)) = &mut cur {
                    s.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) if in_t => {
                if let Some((_, s)) = &mut cur {
                    s.push_str(&xml::general_ref(&r).unwrap_or_default());
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

/// A paragraph being read.
#[derive(Debug)]
struct OpenPara {
    index: usize,
    text: String,
    chars: usize,
    style: Option<String>,
    outline: Option<u8>,
    list: bool,
    emphasised: usize,
    langs: LangCount,
    links: Vec<(Option<String>, usize)>,
}

/// A table being read.
#[derive(Debug)]
struct Table {
    first_para: usize,
    rows: usize,
    header: bool,
}

struct BodyReader<'a> {
    styles: &'a Styles,
    rels: &'a HashMap<String, String>,
    out: Collected,
    next_index: usize,
    /// Comment anchors: (comment id, paragraph, char offset).
    anchors: Vec<(String, usize, usize)>,
}

/// Run properties in force.
#[derive(Debug, Default, Clone)]
struct RunProps {
    bold: Option<bool>,
    size: Option<u32>,
    /// Language set on the run itself.
    lang: Option<String>,
}

impl<'a> BodyReader<'a> {
    fn new(styles: &'a Styles, rels: &'a HashMap<String, String>) -> Self {
        BodyReader {
            styles,
            rels,
            out: Collected::default(),
            next_index: 1,
            anchors: Vec::new(),
        }
    }

    fn read(&mut self, part: &str, bytes: &[u8], base_kind: BlockKind) -> Result<(), FormatError> {
        let s = xml::as_str(part, bytes)?;
        let mut reader = Reader::from_str(s);
        let mut paras: Vec<OpenPara> = Vec::new();
        // Finished inner paragraphs (text boxes) wait for the outer one.
        let mut deferred: Vec<Para> = Vec::new();
        let mut tables: Vec<Table> = Vec::new();
        // Depth of skipped subtrees (deletions, fallbacks, instructions).
        let mut skip = 0usize;
        let mut in_t = false;
        let mut in_ppr = false;
        let mut in_rpr = false;
        let mut run = RunProps::default();
        let mut cells = 0usize;
        let mut image: Option<(Option<String>, Option<String>, bool)> = None;
        let mut notes_skip_type = false;
        loop {
            let ev = reader
                .read_event()
                .map_err(|e| xml::error(part, reader.error_position(), e))?;
            let (e, empty) = match &ev {
                Event::Eof => break,
                Event::Start(e) => (Some(e.clone()), false),
                Event::Empty(e) => (Some(e.clone()), true),
                _ => (None, false),
            };
            if let Some(e) = e {
                let name = e.name();
                let name = name.as_ref();
                if skip > 0 {
                    if !empty
                        && matches!(
                            name,
                            "w:del" | "w:moveFrom" | "mc:Fallback" | "w:instrText" | "w:delText"
                        )
                    {
                        skip += 1;
                    }
                    continue;
                }
                match name {
                    "w:del" | "w:moveFrom" | "mc:Fallback" | "w:instrText" | "w:delText" => {
                        if !empty {
                            skip += 1;
                        }
                    }
                    "w:footnote" | "w:endnote" => {
                        notes_skip_type = matches!(
                            xml::attr(&e, "w:type").as_deref(),
                            Some("separator")
                                | Some("continuationSeparator")
                                | Some("continuationNotice")
                        );
                    }
                    // Separator "notes" are not paragraphs a person sees.
                    "w:p" if notes_skip_type => {}
                    "w:p" => {
                        let index = self.next_index;
                        self.next_index += 1;
                        if !empty {
                            paras.push(OpenPara {
                                index,
                                text: String::new(),
                                chars: 0,
                                style: None,
                                outline: None,
                                list: false,
                                emphasised: 0,
                                langs: LangCount::default(),
                                links: Vec::new(),
                            });
                        }
                    }
                    "w:pPr" => in_ppr = !empty,
                    "w:rPr" => in_rpr = !empty,
                    "w:pStyle" if in_ppr => {
                        if let Some(p) = paras.last_mut() {
                            p.style = xml::attr(&e, "w:val");
                        }
                    }
                    "w:outlineLvl" if in_ppr => {
                        if let Some(p) = paras.last_mut() {
                            p.outline = xml::attr(&e, "w:val")
                                .and_then(|v| v.parse::<u8>().ok())
                                .filter(|l| *l < 9)
                                .map(|l| l + 1);
                        }
                    }
                    "w:numPr" if in_ppr => {
                        if let Some(p) = paras.last_mut() {
                            p.list = true;
                        }
                    }
                    "w:r" => run = RunProps::default(),
                    "w:b" if in_rpr && !in_ppr => run.bold = Some(on_off(&e)),
                    "w:lang" if in_rpr && !in_ppr => run.lang = xml::attr(&e, "w:val"),
                    "w:sz" if in_rpr && !in_ppr => {
                        run.size = xml::attr(&e, "w:val").and_then(|v| v.parse().ok())
                    }
                    "w:t" => in_t = !empty,
                    "w:tab" if !in_ppr => self.push(&mut paras, "\t", &run),
                    "w:br" | "w:cr" => self.push(&mut paras, "\n", &run),
                    "w:noBreakHyphen" => self.push(&mut paras, "\u{2011}", &run),
                    "w:hyperlink" if !empty => {
                        if let Some(p) = paras.last_mut() {
                            let target = xml::attr(&e, "r:id")
                                .and_then(|id| self.rels.get(&id).cloned())
                                .or_else(|| xml::attr(&e, "w:anchor").map(|a| format!("#{a}")));
                            p.links.push((target, p.chars));
                        }
                    }
                    // Word marks a range; LibreOffice only a reference.
                    // The first mark of a comment anchors it.
                    "w:commentRangeStart" | "w:commentReference" => {
                        if let (Some(id), Some(p)) = (xml::attr(&e, "w:id"), paras.last()) {
                            self.anchors.push((id, p.index, p.chars));
                        } else if let Some(id) = xml::attr(&e, "w:id") {
                            self.anchors.push((id, self.next_index, 0));
                        }
                    }
                    "w:tbl" if !empty => tables.push(Table {
                        first_para: self.next_index,
                        rows: 0,
                        header: false,
                    }),
                    "w:tr" => {
                        if let Some(t) = tables.last_mut() {
                            t.rows += 1;
                        }
                    }
                    "w:tblHeader" => {
                        if let Some(t) = tables.last_mut() {
                            if on_off(&e) {
                                t.header = true;
                            }
                        }
                    }
                    "w:tc" if !empty => cells += 1,
                    "wp:docPr" => {
                        let descr = xml::attr(&e, "descr").filter(|d| !d.trim().is_empty());
                        let title = xml::attr(&e, "title").filter(|d| !d.trim().is_empty());
                        if empty {
                            self.image(&paras, descr, title, false);
                        } else {
                            image = Some((descr, title, false));
                        }
                    }
                    _ => {
                        if e.local_name().as_ref() == "decorative" {
                            if let Some(img) = &mut image {
                                img.2 =
                                    xml::attr(&e, "val").is_none_or(|v| v == "1" || v == "true");
                            }
                        }
                    }
                }
                continue;
            }
            match ev {
                Event::End(e) => {
                    let name = e.name();
                    let name = name.as_ref();
                    if skip > 0 {
                        if matches!(
                            name,
                            "w:del" | "w:moveFrom" | "mc:Fallback" | "w:instrText" | "w:delText"
                        ) {
                            skip -= 1;
                        }
                        continue;
                    }
                    match name {
                        "w:t" => in_t = false,
                        "w:pPr" => in_ppr = false,
                        "w:rPr" => in_rpr = false,
                        "w:footnote" | "w:endnote" => notes_skip_type = false,
                        "w:hyperlink" => {
                            if let Some(p) = paras.last_mut() {
                                if let Some((target, start)) = p.links.pop() {
                                    let text: String = p.text.chars().skip(start).collect();
                                    let (index, end) = (p.index, p.chars);
                                    self.link(index, start..end, &text, target);
                                }
                            }
                        }
                        "wp:docPr" => {
                            if let Some((d, t, dec)) = image.take() {
                                self.image(&paras, d, t, dec);
                            }
                        }
                        "w:tc" => cells = cells.saturating_sub(1),
                        "w:tbl" => {
                            if let Some(t) = tables.pop() {
                                if !t.header && t.rows >= 2 {
                                    self.out.facts.push(Fact {
                                        kind: StructuralKind::TableWithoutHeaders,
                                        index: t.first_para,
                                        chars: 0..0,
                                        detail: format!("{} rows", t.rows),
                                    });
                                }
                            }
                        }
                        "w:p" => {
                            if let Some(p) = paras.pop() {
                                let para = self.finish_para(p, &base_kind, cells > 0);
                                if paras.is_empty() {
                                    self.out.paras.push(para);
                                    self.out.paras.append(&mut deferred);
                                } else {
                                    deferred.push(para);
                                }
                            }
                        }
                        _ => {}
                    }
                }
                Event::Text(t) if in_t && skip == 0 => {
                    let s = t.xml10_content();
                    self.push(&mut paras, &s, &run);
                }
                Event::GeneralRef(r) if in_t && skip == 0 => {
                    if let Some(s) = xml::general_ref(&r) {
                        self.push(&mut paras, &s, &run);
                    }
                }
                _ => {}
            }
        }
        // Unclosed paragraphs in a truncated part: keep what was read.
        while let Some(p) = paras.pop() {
            let para = self.finish_para(p, &base_kind, cells > 0);
            self.out.paras.push(para);
        }
        self.out.paras.append(&mut deferred);
        Ok(())
    }

    fn push(&self, paras: &mut [OpenPara], s: &str, run: &RunProps) {
        let Some(p) = paras.last_mut() else { return };
        let n = s.chars().count();
        p.langs.add(s, run.lang.as_deref());
        p.text.push_str(s);
        p.chars += n;
        let style = p.style.as_deref().unwrap_or("Normal");
        let bold = run.bold.unwrap_or_else(|| self.styles.bold(style));
        let size = run.size.or_else(|| self.styles.size(style));
        let large = size.is_some_and(|hp| hp as f32 / 2.0 >= LARGE_FONT_PT);
        if bold || large {
            p.emphasised += s.chars().filter(|c| !c.is_whitespace()).count();
        }
    }

    fn finish_para(&mut self, p: OpenPara, base_kind: &BlockKind, in_cell: bool) -> Para {
        let style = p.style.as_deref().unwrap_or("");
        let level = p.outline.or_else(|| {
            (!style.is_empty())
                .then(|| self.styles.heading_level(style))
                .flatten()
        });
        let list = p.list || (!style.is_empty() && self.styles.is_list(style));
        let kind = if *base_kind == BlockKind::Footnote {
            BlockKind::Footnote
        } else if let Some(l) = level {
            BlockKind::Heading(l)
        } else if in_cell {
            BlockKind::TableCell
        } else if list {
            BlockKind::ListItem
        } else if style.is_empty() || !self.styles.is_title_or_caption(style) {
            BlockKind::Paragraph
        } else {
            BlockKind::Caption
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

    fn link(
        &mut self,
        index: usize,
        chars: std::ops::Range<usize>,
        text: &str,
        target: Option<String>,
    ) {
        let target = target.unwrap_or_default();
        let detail = text.trim().to_owned();
        if detail.is_empty() {
            self.out.facts.push(Fact {
                kind: StructuralKind::EmptyLink,
                index,
                chars,
                detail: target,
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
        if let Some(ext) = a11y::unannounced_file_type(&target, text) {
            self.out.facts.push(Fact {
                kind: StructuralKind::LinkToFileNotAnnounced,
                index,
                chars,
                detail: ext.to_owned(),
            });
        }
    }

    fn image(
        &mut self,
        paras: &[OpenPara],
        descr: Option<String>,
        title: Option<String>,
        decorative: bool,
    ) {
        let index = paras.last().map_or(self.next_index, |p| p.index);
        let at = paras.last().map_or(0, |p| p.chars);
        if decorative {
            return;
        }
        match descr.or(title) {
            None => self.out.facts.push(Fact {
                kind: StructuralKind::ImageMissingAlt,
                index,
                chars: at..at,
                detail: String::new(),
            }),
            Some(alt) => {
                if a11y::alt_is_file_name(&alt, None) {
                    self.out.facts.push(Fact {
                        kind: StructuralKind::ImageAltIsFileName,
                        index,
                        chars: at..at,
                        detail: alt.clone(),
                    });
                }
                // The alt text is checked too, as its own block mapped to
                // the image's paragraph.
                self.out.paras.push(Para {
                    index,
                    kind: BlockKind::AltText,
                    text: alt,
                    emphasised_chars: 0,
                    foreign_lang: None,
                    may_be_heading: false,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_names() {
        assert_eq!(level_from_name("Heading2"), Some(2));
        assert_eq!(level_from_name("heading 3"), Some(3));
        assert_eq!(level_from_name("Virsraksts1"), Some(1));
        assert_eq!(level_from_name("Normal"), None);
    }
}
