//! HTML through lol_html's streaming tokenizer (see the crate doc for why
//! lol_html).
//!
//! Visible text only: `script`, `style`, `template`, `noscript`, `svg`,
//! form controls with their own text (`select`, `textarea`) and the
//! `head` (except `<title>`, which becomes a [`BlockKind::Caption`] block)
//! are skipped, and so are `nav`, `header` and `footer` when
//! [`ExtractOptions::skip_nav`] is set, and elements with a `hidden`
//! attribute. Block-level elements and `<br>` separate blocks. Runs of
//! whitespace become one space. Entities are decoded (numeric ones and a
//! table of common named ones, including every Latvian letter); an
//! unknown named entity stays as written. Blocks inside an element whose
//! `lang` is not Latvian get `skip = true`.
//!
//! lol_html does not build a tree and does not report implied end tags,
//! so this module keeps its own stack of open elements and closes `p`,
//! `li`, `td`, `tr`... implicitly the way the HTML parsing rules do for
//! common cases. Broken markup never panics; at worst a block boundary is
//! off.

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use lol_html::html_content::{Comment, Element, EndTag, TextChunk};
use lol_html::{doc_comments, doc_text, element, end_tag, HtmlRewriter, Settings};

use crate::a11y::{self, HeadingOrder};
use crate::offset_map::TextBuilder;
use crate::{
    encoding, BlockKind, Directive, Document, ExtractOptions, FormatError, SourcePos,
    StructuralFinding, StructuralKind,
};

/// Longest paragraph (in characters) that can be a fake heading.
const FAKE_HEADING_MAX_CHARS: usize = 80;

/// Elements whose content is never visible prose.
const HIDDEN: &[&str] = &[
    "script", "style", "template", "noscript", "svg", "math", "select", "textarea", "iframe",
    "object", "canvas", "head",
];

/// Elements that start and end a block.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
    "option",
    "button",
    "label",
];

/// Elements whose start closes an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "dialog",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
    "dd",
    "dt",
];

/// Elements that may stand in `<head>`.
const HEAD_CONTENT: &[&str] = &[
    "base", "link", "meta", "noscript", "script", "style", "template", "title",
];

/// Elements that stop the search for an element to close implicitly.
const SCOPE: &[&str] = &[
    "html", "table", "td", "th", "caption", "template", "button", "object",
];

/// Elements whose open count is kept (those closed implicitly).
const COUNTED: [&str; 12] = [
    "p", "li", "dt", "dd", "td", "th", "tr", "thead", "tbody", "tfoot", "option", "head",
];

fn count_slot(name: &str) -> Option<usize> {
    COUNTED.iter().position(|c| *c == name)
}

/// Extract an HTML document.
pub(crate) fn extract(bytes: &[u8], opts: &ExtractOptions) -> Result<Document, FormatError> {
    if bytes.len() > opts.max_text_bytes {
        return Err(FormatError::TooLarge {
            limit: opts.max_text_bytes,
        });
    }
    let decoded = encoding::decode(bytes)?;
    let src = Rc::new(decoded.text);
    let state = Rc::new(RefCell::new(State::new(Rc::clone(&src), opts.skip_nav)));
    {
        let on_element = Rc::clone(&state);
        let on_text = Rc::clone(&state);
        let on_comment = Rc::clone(&state);
        let settings = Settings::new()
            .append_element_content_handler(element!("*", move |el: &mut Element| {
                open_element(&on_element, el);
                Ok(())
            }))
            .append_document_content_handler(doc_text!(move |t: &mut TextChunk| {
                on_text.borrow_mut().text(t);
                Ok(())
            }))
            .append_document_content_handler(doc_comments!(move |c: &mut Comment| {
                on_comment.borrow_mut().comment(c);
                Ok(())
            }));
        let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
        let html_err = |e: lol_html::errors::RewritingError| FormatError::Html {
            reason: e.to_string(),
        };
        rewriter.write(src.as_bytes()).map_err(html_err)?;
        rewriter.end().map_err(html_err)?;
    }
    // The rewriter and every handler holding the state are gone now.
    let state = Rc::try_unwrap(state)
        .map_err(|_| FormatError::Html {
            reason: "internal: an HTML handler outlived the rewriter".to_owned(),
        })?
        .into_inner();
    let State {
        b,
        mut structure,
        directives,
        html_tag,
        ..
    } = state.finish();
    if let Some((lang, loc)) = html_tag {
        let pos = |o| SourcePos::Byte { offset: o };
        match lang {
            None => structure.push(StructuralFinding {
                kind: StructuralKind::MissingDocumentLang,
                source: pos(loc.start),
                end: pos(loc.end),
                text_range: None,
                detail: String::new(),
            }),
            Some(l) if !a11y::is_latvian(&l) => structure.push(StructuralFinding {
                kind: StructuralKind::DocumentLangNotLatvian,
                source: pos(loc.start),
                end: pos(loc.end),
                text_range: None,
                detail: l,
            }),
            Some(_) => {}
        }
    }
    let (text, blocks, map) = b.finish();
    let source_text = Rc::try_unwrap(src).unwrap_or_else(|rc| (*rc).clone());
    Ok(Document {
        text,
        map,
        source_text: Some(source_text),
        blocks,
        structure,
        directives,
        encoding_note: decoded.note,
    })
}

/// One open element.
#[derive(Debug)]
struct Open {
    id: u64,
    name: String,
    /// Effective language (own or inherited).
    lang: Option<String>,
    hidden: bool,
    /// Kind of block that text directly inside would make.
    kind: BlockKind,
    /// Source range of the start tag.
    tag: Range<usize>,
    is_block: bool,
}

struct LinkState {
    id: u64,
    text_start: usize,
    href: String,
    label: Option<String>,
    has_alt: bool,
}

struct TableState {
    id: u64,
    tag: Range<usize>,
    rows: usize,
    has_th: bool,
    presentation: bool,
}

struct ParaState {
    tag: Range<usize>,
    /// Has text been seen outside `<b>`/`<strong>`?
    plain_text: bool,
}

/// A decoded piece of HTML text.
enum Piece {
    Verbatim(usize, usize),
    Mapped(String, Range<usize>),
    Space(Range<usize>, bool),
}

struct State {
    src: Rc<String>,
    /// How many elements of each implicitly closed kind are open.
    open_counts: [usize; COUNTED.len()],
    skip_nav: bool,
    b: TextBuilder,
    stack: Vec<Open>,
    next_id: u64,
    structure: Vec<StructuralFinding>,
    directives: Vec<Directive>,
    headings: HeadingOrder,
    links: Vec<LinkState>,
    tables: Vec<TableState>,
    paras: Vec<ParaState>,
    bold: usize,
    /// Alt texts waiting for the current block to end.
    pending_alts: Vec<(Vec<Piece>, Option<String>, bool)>,
    /// Text range of the last finished link, to tag link-only blocks.
    last_link: Option<Range<usize>>,
    /// `lang` of the `<html>` tag (if there was one) and its location.
    html_tag: Option<(Option<String>, Range<usize>)>,
}

fn open_element(state: &Rc<RefCell<State>>, el: &mut Element<'_, '_>) {
    let id = state.borrow_mut().start(el);
    let Some(id) = id else { return };
    let for_end = Rc::clone(state);
    let res = el.on_end_tag(end_tag!(move |end: &mut EndTag<'_>| {
        let loc = end.source_location().bytes();
        for_end.borrow_mut().close_to(id, Some(loc.end));
        Ok(())
    }));
    if res.is_err() {
        // No end tag possible: close it right away.
        state.borrow_mut().close_to(id, None);
    }
}

impl State {
    fn new(src: Rc<String>, skip_nav: bool) -> Self {
        let capacity = src.len();
        State {
            src,
            open_counts: [0; COUNTED.len()],
            skip_nav,
            b: TextBuilder::with_capacity(capacity),
            stack: Vec::new(),
            next_id: 0,
            structure: Vec::new(),
            directives: Vec::new(),
            headings: HeadingOrder::default(),
            links: Vec::new(),
            tables: Vec::new(),
            paras: Vec::new(),
            bold: 0,
            pending_alts: Vec::new(),
            last_link: None,
            html_tag: None,
        }
    }

    fn finish(mut self) -> Self {
        while let Some(top) = self.stack.last() {
            let id = top.id;
            self.close_to(id, None);
        }
        self.end_block();
        self
    }

    fn fact(
        &mut self,
        kind: StructuralKind,
        src: Range<usize>,
        text: Option<Range<usize>>,
        detail: String,
    ) {
        self.structure.push(StructuralFinding {
            kind,
            source: SourcePos::Byte { offset: src.start },
            end: SourcePos::Byte { offset: src.end },
            text_range: text,
            detail,
        });
    }

    fn hidden(&self) -> bool {
        self.stack.last().is_some_and(|o| o.hidden)
    }

    fn lang(&self) -> Option<String> {
        self.stack.last().and_then(|o| o.lang.clone())
    }

    /// Kind of block for text at the current place.
    fn context_kind(&self) -> BlockKind {
        self.stack
            .last()
            .map_or(BlockKind::Paragraph, |o| o.kind.clone())
    }

    fn begin_block(&mut self) {
        self.end_block();
        let kind = self.context_kind();
        let lang = self.lang();
        let skip = lang.as_deref().is_some_and(|l| !a11y::is_latvian(l));
        self.b.begin_block(kind, lang, skip);
    }

    fn end_block(&mut self) {
        if let Some(range) = self.b.end_block() {
            if self.last_link.as_ref() == Some(&range)
                && self.b.last_kind() == Some(&BlockKind::Paragraph)
            {
                self.b.retag_last(BlockKind::LinkText);
            }
        }
        let lang = self.lang();
        for (pieces, alt_lang, skip) in std::mem::take(&mut self.pending_alts) {
            let l = alt_lang.or_else(|| lang.clone());
            self.b.begin_block(BlockKind::AltText, l, skip);
            self.push_pieces(&pieces);
            self.b.end_block();
        }
    }

    fn push_pieces(&mut self, pieces: &[Piece]) {
        for p in pieces {
            match p {
                Piece::Verbatim(s, e) => {
                    let src = Rc::clone(&self.src);
                    if let Some(t) = src.get(*s..*e) {
                        self.b.push_verbatim(t, *s);
                    }
                }
                Piece::Mapped(t, r) => self.b.push_mapped(t, r.clone()),
                Piece::Space(r, exact) => self.b.push_space(r.clone(), *exact),
            }
        }
    }

    /// An element starts. Returns its id when it was pushed on the stack.
    fn start(&mut self, el: &Element<'_, '_>) -> Option<u64> {
        let name = el.tag_name().to_ascii_lowercase();
        let tag = el.source_location().bytes();
        self.implicit_close(&name);
        let parent_hidden = self.hidden();
        let parent_is_head = self.stack.last().is_some_and(|o| o.name == "head");
        let own_lang = el
            .get_attribute("lang")
            .or_else(|| el.get_attribute("xml:lang"))
            .map(|l| decode_attr(&l));
        if name == "html" && self.html_tag.is_none() {
            self.html_tag = Some((
                own_lang.clone().filter(|l| !l.trim().is_empty()),
                tag.clone(),
            ));
        }
        let lang = own_lang
            .filter(|l| !l.trim().is_empty())
            .or_else(|| self.lang());
        let hidden = if name == "title" && parent_is_head {
            false
        } else {
            parent_hidden
                || HIDDEN.contains(&name.as_str())
                || el.has_attribute("hidden")
                || (self.skip_nav && matches!(name.as_str(), "nav" | "header" | "footer"))
        };
        let is_block = BLOCKS.contains(&name.as_str());
        if hidden && !parent_hidden {
            // Text so far in the block stays; what follows is a new one.
            if is_block {
                self.end_block();
            }
        }
        let id = self.next_id;
        self.next_id += 1;
        let kind = match name.as_str() {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                BlockKind::Heading(name.as_bytes()[1] - b'0')
            }
            "li" | "dd" | "dt" => BlockKind::ListItem,
            "td" | "th" => BlockKind::TableCell,
            "caption" | "figcaption" | "title" => BlockKind::Caption,
            _ => self.context_kind(),
        };
        if let Some(slot) = count_slot(&name) {
            self.open_counts[slot] += 1;
        }
        self.stack.push(Open {
            id,
            name: name.clone(),
            kind,
            lang,
            hidden,
            tag: tag.clone(),
            is_block,
        });
        if !hidden {
            self.start_visible(&name, el, id, tag);
        }
        if el.can_have_content() {
            Some(id)
        } else {
            // Void element: it is closed at once.
            self.close_to(id, None);
            None
        }
    }

    fn start_visible(&mut self, name: &str, el: &Element<'_, '_>, id: u64, tag: Range<usize>) {
        if BLOCKS.contains(&name) || name == "br" {
            self.begin_block();
        }
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = name.as_bytes()[1] - b'0';
                for (kind, detail) in self.headings.next(level) {
                    self.fact(kind, tag.clone(), None, detail);
                }
            }
            "p" => self.paras.push(ParaState {
                tag,
                plain_text: false,
            }),
            "b" | "strong" => self.bold += 1,
            "a" => {
                if let Some(href) = el.get_attribute("href") {
                    self.links.push(LinkState {
                        id,
                        text_start: self.b.len(),
                        href: decode_attr(&href),
                        label: el
                            .get_attribute("aria-label")
                            .map(|l| decode_attr(&l))
                            .filter(|l| !l.trim().is_empty()),
                        has_alt: false,
                    });
                }
            }
            "table" => {
                let role = el.get_attribute("role").unwrap_or_default();
                self.tables.push(TableState {
                    id,
                    tag,
                    rows: 0,
                    has_th: false,
                    presentation: role == "presentation" || role == "none",
                });
            }
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.rows += 1;
                }
            }
            "th" => {
                if let Some(t) = self.tables.last_mut() {
                    t.has_th = true;
                }
            }
            "img" => self.image(el, tag),
            _ => {}
        }
    }

    fn image(&mut self, el: &Element<'_, '_>, tag: Range<usize>) {
        let decorative = el
            .get_attribute("role")
            .is_some_and(|r| r == "presentation" || r == "none")
            || el.get_attribute("aria-hidden").is_some_and(|v| v == "true");
        let src_attr = el.get_attribute("src").map(|s| decode_attr(&s));
        let raw = self.src.get(tag.clone()).unwrap_or("").to_owned();
        let Some(alt_span) = attr_value_span(&raw, "alt") else {
            if !decorative {
                self.fact(
                    StructuralKind::ImageMissingAlt,
                    tag,
                    None,
                    src_attr.unwrap_or_default(),
                );
            }
            return;
        };
        let base = tag.start + alt_span.start;
        let pieces = decode_pieces(&raw[alt_span], base);
        let alt = pieces_text(&self.src, &pieces);
        if alt.trim().is_empty() {
            // alt="" marks a decorative image.
            return;
        }
        if let Some(l) = self.links.last_mut() {
            l.has_alt = true;
        }
        if a11y::alt_is_file_name(&alt, src_attr.as_deref()) {
            self.fact(
                StructuralKind::ImageAltIsFileName,
                tag,
                None,
                alt.trim().to_owned(),
            );
        }
        let lang = self.lang();
        let skip = lang.as_deref().is_some_and(|l| !a11y::is_latvian(l));
        self.pending_alts.push((pieces, lang, skip));
        if !self.b.open_block_has_text() {
            self.end_block();
        }
    }

    /// Close elements that the start of `name` closes implicitly.
    fn implicit_close(&mut self, name: &str) {
        let (targets, bounds): (&[&str], &[&str]) = match name {
            "li" => (&["li"], &["ul", "ol"]),
            "dt" | "dd" => (&["dt", "dd"], &["dl"]),
            "td" | "th" => (&["td", "th"], &["tr", "table"]),
            "tr" => (&["tr"], &["table", "tbody", "thead", "tfoot"]),
            "thead" | "tbody" | "tfoot" => (&["thead", "tbody", "tfoot"], &["table"]),
            "option" => (&["option"], &["select"]),
            _ => (&[], &[]),
        };
        if !targets.is_empty() {
            if let Some(id) = self.find_open(targets, bounds) {
                self.close_to(id, None);
            }
        }
        // Anything that cannot live in <head> ends an unclosed head.
        if !HEAD_CONTENT.contains(&name) {
            if let Some(id) = self.find_open(&["head"], &[]) {
                self.close_to(id, None);
            }
        }
        if CLOSES_P.contains(&name) {
            if let Some(id) = self.find_open(&["p"], &[]) {
                self.close_to(id, None);
            }
        }
    }

    fn find_open(&self, targets: &[&str], bounds: &[&str]) -> Option<u64> {
        // Nothing of that name is open: no need to walk a deep stack.
        if targets
            .iter()
            .all(|t| count_slot(t).is_some_and(|s| self.open_counts[s] == 0))
        {
            return None;
        }
        for o in self.stack.iter().rev() {
            if targets.contains(&o.name.as_str()) {
                return Some(o.id);
            }
            if bounds.contains(&o.name.as_str()) || SCOPE.contains(&o.name.as_str()) {
                return None;
            }
        }
        None
    }

    /// Pop the stack down to and including the element `id`, if it is
    /// still open. `end` is the end of its end tag when there is one.
    fn close_to(&mut self, id: u64, end: Option<usize>) {
        if !self.stack.iter().rev().any(|o| o.id == id) {
            return;
        }
        while let Some(o) = self.stack.pop() {
            if let Some(slot) = count_slot(&o.name) {
                self.open_counts[slot] = self.open_counts[slot].saturating_sub(1);
            }
            let done = o.id == id;
            let end = if done { end } else { None };
            self.closed(o, end);
            if done {
                break;
            }
        }
    }

    fn closed(&mut self, o: Open, end: Option<usize>) {
        let parent_hidden = self.hidden();
        if o.hidden {
            return;
        }
        let end = end.unwrap_or(o.tag.end);
        let span = o.tag.start..end;
        match o.name.as_str() {
            "b" | "strong" => self.bold = self.bold.saturating_sub(1),
            "a" if self.links.last().is_some_and(|l| l.id == o.id) => {
                if let Some(l) = self.links.pop() {
                    self.link_done(l, span.clone());
                }
            }
            "table" if self.tables.last().is_some_and(|t| t.id == o.id) => {
                if let Some(t) = self.tables.pop() {
                    if !t.has_th && t.rows >= 2 && !t.presentation {
                        self.fact(
                            StructuralKind::TableWithoutHeaders,
                            t.tag.start..end,
                            None,
                            format!("{} rows", t.rows),
                        );
                    }
                }
            }
            _ => {}
        }
        if o.name == "p" {
            if let Some(p) = self.paras.pop() {
                let start = self.b.open_block_start();
                let plain = p.plain_text;
                self.end_block_then_fake(start, plain, p.tag.start..end);
                return;
            }
        }
        if o.is_block && !parent_hidden {
            self.end_block();
        }
    }

    fn end_block_then_fake(&mut self, start: Option<usize>, plain: bool, span: Range<usize>) {
        let end_text = self.b.len();
        self.end_block();
        let Some(start) = start else { return };
        if plain {
            return;
        }
        let full = self.b.text().get(start..end_text).unwrap_or("");
        let text = full.trim();
        if text.is_empty()
            || text.chars().count() > FAKE_HEADING_MAX_CHARS
            || text.ends_with(['.', ',', ';', ':'])
        {
            return;
        }
        let s = start + (full.len() - full.trim_start().len());
        let detail = text.to_owned();
        self.fact(
            StructuralKind::FakeHeading,
            span,
            Some(s..s + detail.len()),
            detail,
        );
    }

    fn link_done(&mut self, l: LinkState, span: Range<usize>) {
        let full = self.b.text().get(l.text_start..).unwrap_or("");
        let text = full.trim().to_owned();
        let start = l.text_start + (full.len() - full.trim_start().len());
        let text_range = start..start + text.len();
        if text.is_empty() {
            if !l.has_alt && l.label.is_none() {
                self.fact(StructuralKind::EmptyLink, span, None, l.href);
            }
            return;
        }
        self.last_link = Some(text_range.clone());
        let said = l.label.clone().unwrap_or_else(|| text.clone());
        if a11y::is_vague_link_text(&said) {
            self.fact(
                StructuralKind::VagueLinkText,
                span.clone(),
                Some(text_range.clone()),
                said.clone(),
            );
        }
        if let Some(ext) = a11y::unannounced_file_type(&l.href, &said) {
            self.fact(
                StructuralKind::LinkToFileNotAnnounced,
                span,
                Some(text_range),
                ext.to_owned(),
            );
        }
    }

    fn text(&mut self, t: &TextChunk<'_>) {
        if self.hidden() {
            return;
        }
        let raw = t.as_str();
        if raw.is_empty() {
            return;
        }
        let loc = t.source_location().bytes();
        // Entities were left as written by lol_html; the chunk is a slice
        // of the source.
        let base = loc.start;
        let pieces = decode_pieces(raw, base);
        let has_words = pieces.iter().any(|p| !matches!(p, Piece::Space(..)));
        if has_words {
            if self.bold == 0 {
                if let Some(p) = self.paras.last_mut() {
                    p.plain_text = true;
                }
            }
            if !self.b.has_open_block() {
                self.begin_block();
            }
        }
        self.push_pieces(&pieces);
    }

    fn comment(&mut self, c: &Comment<'_>) {
        let loc = c.source_location().bytes();
        self.directives.push(Directive {
            text: c.text().trim().to_owned(),
            source: SourcePos::Byte { offset: loc.start },
            text_offset: self.b.len(),
        });
    }
}

/// Where the value of attribute `name` lies inside a raw start tag.
fn attr_value_span(tag: &str, name: &str) -> Option<Range<usize>> {
    let bytes = tag.as_bytes();
    // Skip "<tagname".
    let mut i = 1;
    while i < bytes.len() && !is_ws(bytes[i]) && bytes[i] != b'>' && bytes[i] != b'/' {
        i += 1;
    }
    loop {
        while i < bytes.len() && (is_ws(bytes[i]) || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() || bytes[i] == b'>' {
            return None;
        }
        let key_start = i;
        while i < bytes.len() && !is_ws(bytes[i]) && !matches!(bytes[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let key = &tag[key_start..i];
        while i < bytes.len() && is_ws(bytes[i]) {
            i += 1;
        }
        let value = if i < bytes.len() && bytes[i] == b'=' {
            i += 1;
            while i < bytes.len() && is_ws(bytes[i]) {
                i += 1;
            }
            if i < bytes.len() && (bytes[i] == b'"' || bytes[i] == b'\'') {
                let q = bytes[i];
                let s = i + 1;
                let e = memchr::memchr(q, &bytes[s..]).map_or(bytes.len(), |p| s + p);
                i = (e + 1).min(bytes.len());
                s..e
            } else {
                let s = i;
                while i < bytes.len() && !is_ws(bytes[i]) && bytes[i] != b'>' {
                    i += 1;
                }
                s..i
            }
        } else {
            i..i
        };
        if key.eq_ignore_ascii_case(name) {
            return Some(value);
        }
    }
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

fn pieces_text(src: &str, pieces: &[Piece]) -> String {
    let mut s = String::new();
    for p in pieces {
        match p {
            Piece::Verbatim(a, b) => s.push_str(src.get(*a..*b).unwrap_or("")),
            Piece::Mapped(t, _) => s.push_str(t),
            Piece::Space(..) => s.push(' '),
        }
    }
    s
}

/// Decode an attribute value to a plain string.
fn decode_attr(raw: &str) -> String {
    let mut out = String::new();
    for p in decode_pieces(raw, 0) {
        match p {
            Piece::Verbatim(a, b) => out.push_str(&raw[a..b]),
            Piece::Mapped(t, _) => out.push_str(&t),
            Piece::Space(..) => out.push(' '),
        }
    }
    out
}

/// Split raw HTML text (a slice of the source starting at `base`) into
/// verbatim runs, whitespace runs and decoded entities.
fn decode_pieces(raw: &str, base: usize) -> Vec<Piece> {
    let bytes = raw.as_bytes();
    let mut out = Vec::new();
    let mut run_start = 0;
    let mut i = 0;
    let flush = |out: &mut Vec<Piece>, from: usize, to: usize| {
        if to > from {
            out.push(Piece::Verbatim(base + from, base + to));
        }
    };
    while i < bytes.len() {
        let c = bytes[i];
        if is_ws(c) {
            flush(&mut out, run_start, i);
            let s = i;
            while i < bytes.len() && is_ws(bytes[i]) {
                i += 1;
            }
            let exact = i - s == 1 && c == b' ';
            out.push(Piece::Space(base + s..base + i, exact));
            run_start = i;
            continue;
        }
        if c == b'&' {
            if let Some((text, len)) = entity(&raw[i..]) {
                flush(&mut out, run_start, i);
                out.push(Piece::Mapped(text, base + i..base + i + len));
                i += len;
                run_start = i;
                continue;
            }
        }
        i += 1;
    }
    flush(&mut out, run_start, bytes.len());
    out
}

/// Decode the entity at the start of `s` (which starts with `&`):
/// the text and the number of bytes it covers.
fn entity(s: &str) -> Option<(String, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let (hex, digits_from) = match b.get(2) {
            Some(b'x') | Some(b'X') => (true, 3),
            _ => (false, 2),
        };
        let mut j = digits_from;
        while j < b.len()
            && j - digits_from < 8
            && (if hex {
                b[j].is_ascii_hexdigit()
            } else {
                b[j].is_ascii_digit()
            })
        {
            j += 1;
        }
        if j == digits_from {
            return None;
        }
        let n = u32::from_str_radix(&s[digits_from..j], if hex { 16 } else { 10 }).ok()?;
        let c = match n {
            0 => '\u{FFFD}',
            n => char::from_u32(n).unwrap_or('\u{FFFD}'),
        };
        let len = if b.get(j) == Some(&b';') { j + 1 } else { j };
        return Some((c.to_string(), len));
    }
    let mut j = 1;
    while j < b.len() && j < 33 && b[j].is_ascii_alphanumeric() {
        j += 1;
    }
    if j == 1 {
        return None;
    }
    let name = &s[1..j];
    if b.get(j) != Some(&b';') {
        // Browsers also read a few old entities without the semicolon.
        return LEGACY_NO_SEMICOLON
            .contains(&name)
            .then(|| named_entity(name).map(|t| (t.to_owned(), j)))
            .flatten();
    }
    let text = named_entity(name)?;
    Some((text.to_owned(), j + 1))
}

/// Entities that HTML reads even without a closing `;`.
const LEGACY_NO_SEMICOLON: &[&str] = &["amp", "lt", "gt", "quot", "nbsp", "copy", "reg", "shy"];

fn named_entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" | "AMP" => "&",
        "lt" | "LT" => "<",
        "gt" | "GT" => ">",
        "quot" | "QUOT" => "\"",
        "apos" => "'",
        "nbsp" => "\u{a0}",
        "shy" => "\u{ad}",
        "ensp" => "\u{2002}",
        "emsp" => "\u{2003}",
        "thinsp" => "\u{2009}",
        "zwnj" => "\u{200c}",
        "zwj" => "\u{200d}",
        "ndash" => "–",
        "mdash" => "—",
        "hellip" => "…",
        "laquo" => "«",
        "raquo" => "»",
        "lsquo" => "‘",
        "rsquo" => "’",
        "sbquo" => "‚",
        "ldquo" => "“",
        "rdquo" => "”",
        "bdquo" => "„",
        "bull" => "•",
        "middot" => "·",
        "copy" => "©",
        "reg" => "®",
        "trade" => "™",
        "euro" => "€",
        "deg" => "°",
        "sect" => "§",
        "para" => "¶",
        "plusmn" => "±",
        "times" => "×",
        "divide" => "÷",
        "minus" => "−",
        "frac12" => "½",
        "frac14" => "¼",
        "frac34" => "¾",
        "sup2" => "²",
        "sup3" => "³",
        "micro" => "µ",
        "larr" => "←",
        "rarr" => "→",
        "uarr" => "↑",
        "darr" => "↓",
        "amacr" => "ā",
        "Amacr" => "Ā",
        "ccaron" => "č",
        "Ccaron" => "Č",
        "emacr" => "ē",
        "Emacr" => "Ē",
        "gcedil" => "ģ",
        "Gcedil" => "Ģ",
        "imacr" => "ī",
        "Imacr" => "Ī",
        "kcedil" => "ķ",
        "Kcedil" => "Ķ",
        "lcedil" => "ļ",
        "Lcedil" => "Ļ",
        "ncedil" => "ņ",
        "Ncedil" => "Ņ",
        "scaron" => "š",
        "Scaron" => "Š",
        "umacr" => "ū",
        "Umacr" => "Ū",
        "zcaron" => "ž",
        "Zcaron" => "Ž",
        "auml" => "ä",
        "Auml" => "Ä",
        "ouml" => "ö",
        "Ouml" => "Ö",
        "uuml" => "ü",
        "Uuml" => "Ü",
        "otilde" => "õ",
        "Otilde" => "Õ",
        "eacute" => "é",
        "Eacute" => "É",
        "aacute" => "á",
        "szlig" => "ß",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities() {
        assert_eq!(entity("&amp; x"), Some(("&".into(), 5)));
        assert_eq!(entity("&#257;"), Some(("ā".into(), 6)));
        assert_eq!(entity("&#x101;"), Some(("ā".into(), 7)));
        assert_eq!(entity("&scaron;"), Some(("š".into(), 8)));
        assert_eq!(entity("&nosuch;"), None);
        assert_eq!(entity("& b"), None);
        assert_eq!(entity("&copy 2026"), Some(("©".into(), 5)));
        assert_eq!(entity("&scaron x"), None);
        assert_eq!(
            entity("&#99999999999;").map(|e| e.0),
            Some("\u{FFFD}".into())
        );
    }

    #[test]
    fn alt_span() {
        let tag = r#"<img src="a.png" ALT = 'Rīga &amp; jūra' />"#;
        let r = attr_value_span(tag, "alt").unwrap();
        assert_eq!(&tag[r], "Rīga &amp; jūra");
        assert_eq!(attr_value_span("<img src=x>", "alt"), None);
        let tag = "<img alt=bez>";
        assert_eq!(&tag[attr_value_span(tag, "alt").unwrap()], "bez");
    }
}
