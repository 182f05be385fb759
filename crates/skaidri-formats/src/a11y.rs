//! Accessibility tests shared by the formats: what counts as vague link
//! text, a file name used as alt text, an unannounced file link, text in
//! capitals, and heading order. Only facts; no rule ids.

use std::ops::Range;

use crate::StructuralKind;

/// Link texts that say nothing about the target (compared lowercased,
/// without surrounding punctuation).
const VAGUE_LINK_TEXTS: &[&str] = &[
    "šeit",
    "spied šeit",
    "spiediet šeit",
    "klikšķini šeit",
    "klikšķiniet šeit",
    "noklikšķiniet šeit",
    "vairāk",
    "lasīt vairāk",
    "lasiet vairāk",
    "uzzini vairāk",
    "uzziniet vairāk",
    "saite",
    "šī saite",
    "here",
    "click here",
    "more",
    "read more",
    "link",
];

/// File types whose links should say the type, with the words that
/// announce each.
const FILE_TYPES: &[(&str, &[&str])] = &[
    ("pdf", &["pdf"]),
    ("doc", &["doc", "word"]),
    ("docx", &["doc", "word"]),
    ("odt", &["odt", "opendocument", "open document"]),
    ("xls", &["xls", "excel"]),
    ("xlsx", &["xls", "excel"]),
];

const IMAGE_EXTS: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "tif", "tiff", "emf", "wmf",
];

fn normalise(text: &str) -> String {
    let t = text.trim_matches(|c: char| {
        c.is_whitespace() || c.is_ascii_punctuation() || c == '…' || c == '»'
    });
    t.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Does the text look like a bare URL?
pub(crate) fn is_bare_url(text: &str) -> bool {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www."))
        && !t.contains(char::is_whitespace)
}

/// Is this link text vague (from the list, or a bare URL)?
pub(crate) fn is_vague_link_text(text: &str) -> bool {
    let n = normalise(text);
    VAGUE_LINK_TEXTS.contains(&n.as_str()) || is_bare_url(text)
}

/// If `href` points to a document file whose type `text` does not
/// mention, the file extension.
pub(crate) fn unannounced_file_type(href: &str, text: &str) -> Option<&'static str> {
    let path = href.split(['?', '#']).next().unwrap_or("");
    let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
    let (name, words) = FILE_TYPES.iter().find(|(e, _)| *e == ext)?;
    let lower = text.to_lowercase();
    if words.iter().any(|w| lower.contains(w)) {
        None
    } else {
        Some(name)
    }
}

/// Does the alt text look like a file name (`IMG_1234.jpg`, the `src`'s
/// own name)?
pub(crate) fn alt_is_file_name(alt: &str, src: Option<&str>) -> bool {
    let alt = alt.trim();
    if alt.is_empty() {
        return false;
    }
    if let Some((_, ext)) = alt.rsplit_once('.') {
        if IMAGE_EXTS.contains(&ext.to_ascii_lowercase().as_str()) && !alt.contains(' ') {
            return true;
        }
    }
    if let Some(src) = src {
        let file = src
            .split(['?', '#'])
            .next()
            .unwrap_or("")
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or("");
        let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
        if !stem.is_empty() && (alt.eq_ignore_ascii_case(file) || alt.eq_ignore_ascii_case(stem)) {
            return true;
        }
    }
    let upper = alt.to_ascii_uppercase();
    (upper.starts_with("IMG_") || upper.starts_with("DSC_") || upper.starts_with("DSC0"))
        && !alt.contains(' ')
}

/// Runs of three or more words in capitals inside `range` of `text`, with
/// at least one word of four letters or more (so a row of abbreviations
/// like "LR VID ES" does not count).
pub(crate) fn all_caps_runs(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let Some(block) = text.get(range.clone()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut run: Option<(usize, usize, usize, bool)> = None; // start, end, words, long
    let flush = |run: &mut Option<(usize, usize, usize, bool)>, out: &mut Vec<Range<usize>>| {
        if let Some((s, e, n, long)) = run.take() {
            if n >= 3 && long {
                out.push(range.start + s..range.start + e);
            }
        }
    };
    let mut i = 0;
    for word in block.split_inclusive(|c: char| !c.is_alphanumeric()) {
        let start = i;
        i += word.len();
        let w = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            // Pure punctuation or whitespace between words keeps the run
            // alive unless it ends a sentence.
            if word.contains(['.', '!', '?', '\n']) {
                flush(&mut run, &mut out);
            }
            continue;
        }
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let caps = letters >= 2 && w.chars().all(|c| !c.is_lowercase());
        if caps {
            let end = start + w.len();
            run = match run {
                Some((s, _, n, long)) => Some((s, end, n + 1, long || letters >= 4)),
                None => Some((start, end, 1, letters >= 4)),
            };
            if word.contains(['.', '!', '?', '\n']) {
                flush(&mut run, &mut out);
            }
        } else if letters > 0 {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Follows heading levels through a document and reports skips and
/// repeated top-level headings.
#[derive(Debug, Default)]
pub(crate) struct HeadingOrder {
    last: Option<u8>,
    h1: usize,
}

impl HeadingOrder {
    /// Feed the next heading; returns the facts it gives rise to.
    pub(crate) fn next(&mut self, level: u8) -> Vec<(StructuralKind, String)> {
        let mut out = Vec::new();
        let prev = self.last.unwrap_or(0);
        if level > prev + 1 {
            out.push((
                StructuralKind::HeadingLevelSkipped,
                match self.last {
                    Some(p) => format!("heading level {level} follows level {p}"),
                    None => format!("first heading has level {level}"),
                },
            ));
        }
        if level == 1 {
            self.h1 += 1;
            if self.h1 == 2 {
                out.push((
                    StructuralKind::MultipleH1,
                    "second top-level heading".to_owned(),
                ));
            }
        }
        self.last = Some(level);
        out
    }

    /// Like [`next`](Self::next) but without the one-top-heading check
    /// (office documents use several "Heading 1" chapters by design).
    pub(crate) fn next_office(&mut self, level: u8) -> Vec<(StructuralKind, String)> {
        let mut v = self.next(level);
        v.retain(|(k, _)| *k != StructuralKind::MultipleH1);
        v
    }
}

/// Does this language tag mean Latvian?
pub(crate) fn is_latvian(lang: &str) -> bool {
    let l = lang.trim().to_ascii_lowercase();
    l == "lv" || l.starts_with("lv-") || l.starts_with("lv_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vague_texts() {
        assert!(is_vague_link_text("Šeit"));
        assert!(is_vague_link_text(" lasīt  vairāk… "));
        assert!(is_vague_link_text("https://likumi.lv/ta/id/26020"));
        assert!(!is_vague_link_text("Darba aizsardzības likums"));
    }

    #[test]
    fn file_links() {
        assert_eq!(
            unannounced_file_type("/a/b.PDF?x=1", "Nolikums"),
            Some("pdf")
        );
        assert_eq!(
            unannounced_file_type("/a/b.pdf", "Nolikums (PDF, 2 MB)"),
            None
        );
        assert_eq!(unannounced_file_type("/a/b.html", "Nolikums"), None);
    }

    #[test]
    fn alt_file_names() {
        assert!(alt_is_file_name("IMG_2041.JPG", None));
        assert!(alt_is_file_name("logo", Some("/img/logo.png")));
        assert!(!alt_is_file_name("Rīgas pils", Some("/img/pils.png")));
    }

    #[test]
    fn caps_runs() {
        let t = "Ievērojiet: ŠIS IR ĻOTI SVARĪGI. Bet LR VID ES nav.";
        let runs = all_caps_runs(t, 0..t.len());
        assert_eq!(runs.len(), 1);
        assert_eq!(&t[runs[0].clone()], "ŠIS IR ĻOTI SVARĪGI");
    }

    #[test]
    fn heading_order() {
        let mut h = HeadingOrder::default();
        assert!(h.next(1).is_empty());
        assert_eq!(h.next(3)[0].0, StructuralKind::HeadingLevelSkipped);
        assert!(h.next(2).is_empty());
        assert_eq!(h.next(1)[0].0, StructuralKind::MultipleH1);
    }
}
