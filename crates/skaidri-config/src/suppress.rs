//! Suppression comments: finding them in a document and deciding which findings they
//! silence.
//!
//! The forms (the LSP server inserts exactly these):
//!
//! | where | form |
//! |---|---|
//! | Markdown, HTML | `<!-- skaidri-disable RULE -->`, `<!-- skaidri-enable RULE -->`, `<!-- skaidri-disable-next-line RULE -->` |
//! | plain text | a line `skaidri: disable RULE`, `skaidri: enable RULE`, `skaidri: disable-next-line RULE` |
//! | DOCX, ODT | a document comment with either form |
//!
//! `RULE` is a rule id, a rule name, a category, a comma-separated list of those, or
//! nothing (= every rule). Anything after ` -- ` is a reason for people and is ignored.
//!
//! Directives work on *units*: source lines for text formats, blocks (paragraphs) for
//! office documents. `disable` applies from its `from` unit on until a matching `enable`;
//! `disable-next-line` applies to its `target` unit only.

use std::ops::Range;

/// What a directive does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DirectiveKind {
    /// Turn rules off from here on.
    Disable,
    /// Turn rules back on from here on.
    Enable,
    /// Turn rules off for the next line (or paragraph).
    DisableNextLine,
}

impl DirectiveKind {
    /// The word used in comments.
    pub fn as_str(&self) -> &'static str {
        match self {
            DirectiveKind::Disable => "disable",
            DirectiveKind::Enable => "enable",
            DirectiveKind::DisableNextLine => "disable-next-line",
        }
    }
}

/// A parsed directive, placed in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// What it does.
    pub kind: DirectiveKind,
    /// Rule ids, names or categories; empty = all rules.
    pub rules: Vec<String>,
    /// First unit it applies to (`disable`, `enable`).
    pub from: u32,
    /// The unit it applies to (`disable-next-line`).
    pub target: u32,
    /// Where the directive itself is, for reporting: byte range in the source (or in the
    /// extracted text for office documents).
    pub range: Range<usize>,
    /// 1-based line (or paragraph) of the directive itself, for reporting.
    pub line: u32,
    /// The directive as written, for messages.
    pub text: String,
}

/// Parses the body of a comment or a text line: `skaidri-disable OF001, OF002`,
/// `skaidri: disable-next-line officialese -- reason`. Returns `None` when the text is
/// not a directive.
pub fn parse_directive(body: &str) -> Option<(DirectiveKind, Vec<String>)> {
    let b = body.trim();
    let rest = b.strip_prefix("skaidri")?;
    let rest = rest
        .strip_prefix('-')
        .or_else(|| rest.strip_prefix(':'))?
        .trim_start();
    let (word, args) = match rest.find(char::is_whitespace) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let kind = match word {
        "disable" => DirectiveKind::Disable,
        "enable" => DirectiveKind::Enable,
        "disable-next-line" => DirectiveKind::DisableNextLine,
        _ => return None,
    };
    let args = args.split(" -- ").next().unwrap_or("");
    let rules = args
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    Some((kind, rules))
}

/// A directive found in source text, before it is placed on units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// What it does.
    pub kind: DirectiveKind,
    /// Rules it names (empty = all).
    pub rules: Vec<String>,
    /// Byte range of the whole comment (or line) in the source.
    pub range: Range<usize>,
    /// The comment's body as written.
    pub text: String,
}

/// Finds `<!-- skaidri-… -->` comments in Markdown or HTML source.
pub fn find_in_markup(source: &str) -> Vec<Found> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(i) = source[pos..].find("<!--") {
        let start = pos + i;
        let body_start = start + 4;
        let Some(j) = source[body_start..].find("-->") else {
            break;
        };
        let body = &source[body_start..body_start + j];
        let end = body_start + j + 3;
        if let Some((kind, rules)) = parse_directive(body) {
            out.push(Found {
                kind,
                rules,
                range: start..end,
                text: body.trim().to_string(),
            });
        }
        pos = end;
    }
    out
}

/// Finds `skaidri: disable …` lines in plain text. The range covers the line without its
/// line break.
pub fn find_in_text(source: &str) -> Vec<Found> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in source.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let t = content.trim();
        if t.starts_with("skaidri:") {
            if let Some((kind, rules)) = parse_directive(t) {
                out.push(Found {
                    kind,
                    rules,
                    range: start..start + content.len(),
                    text: t.to_string(),
                });
            }
        }
        start += line.len();
    }
    out
}

/// Places directives found in text on source lines: a directive applies from the line
/// after the one it ends on; `disable-next-line` applies to the next line that is not
/// blank.
pub fn place_on_lines(source: &str, found: Vec<Found>) -> Vec<Directive> {
    let idx = skaidri_core::text::LineIndex::new(source);
    let line_of = |off: usize| idx.position(source, off).line;
    found
        .into_iter()
        .map(|f| {
            let line = line_of(f.range.start);
            let end_line = line_of(f.range.end.saturating_sub(1).max(f.range.start));
            let mut target = end_line + 1;
            while let Some(s) = idx.line_start(target as usize - 1) {
                let e = idx.line_start(target as usize).unwrap_or(source.len());
                if !source[s..e].trim().is_empty() {
                    break;
                }
                target += 1;
            }
            Directive {
                kind: f.kind,
                rules: f.rules,
                from: end_line + 1,
                target,
                range: f.range,
                line,
                text: f.text,
            }
        })
        .collect()
}

/// Replaces each directive's bytes with spaces (line breaks kept), so the directive is
/// not checked as text while every other byte keeps its offset.
pub fn blank_out(text: &mut String, found: &[Found]) {
    let mut bytes = std::mem::take(text).into_bytes();
    for f in found {
        for b in &mut bytes[f.range.clone()] {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
    }
    // replacing whole UTF-8 sequences by ASCII spaces keeps the text valid UTF-8
    *text = String::from_utf8(bytes).unwrap_or_default();
}

/// Decides which findings the directives of one document silence, and remembers which
/// directives were used.
#[derive(Debug, Clone)]
pub struct Suppressor {
    directives: Vec<Directive>,
    used: Vec<bool>,
}

impl Suppressor {
    /// A suppressor for a document's directives (in document order).
    pub fn new(mut directives: Vec<Directive>) -> Self {
        directives.sort_by_key(|d| (d.from, d.range.start));
        let used = vec![false; directives.len()];
        Suppressor { directives, used }
    }

    /// Whether a finding at `unit` is silenced. `names` says whether a selector (id,
    /// name or category) names the finding's rule.
    pub fn suppresses(&mut self, unit: u32, names: impl Fn(&str) -> bool) -> bool {
        let applies = |d: &Directive| d.rules.is_empty() || d.rules.iter().any(|r| names(r));
        let mut by: Option<usize> = None;
        for (i, d) in self.directives.iter().enumerate() {
            match d.kind {
                DirectiveKind::DisableNextLine if d.target == unit && applies(d) => {
                    self.used[i] = true;
                    return true;
                }
                DirectiveKind::Disable if d.from <= unit && applies(d) => by = Some(i),
                DirectiveKind::Enable if d.from <= unit && applies(d) => by = None,
                _ => {}
            }
        }
        if let Some(i) = by {
            self.used[i] = true;
            true
        } else {
            false
        }
    }

    /// `disable` and `disable-next-line` directives that silenced nothing.
    pub fn unused(&self) -> impl Iterator<Item = &Directive> {
        self.directives
            .iter()
            .zip(&self.used)
            .filter(|(d, used)| !**used && d.kind != DirectiveKind::Enable)
            .map(|(d, _)| d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_forms() {
        assert_eq!(
            parse_directive(" skaidri-disable OF001, OF002 "),
            Some((DirectiveKind::Disable, vec!["OF001".into(), "OF002".into()]))
        );
        assert_eq!(
            parse_directive("skaidri: disable-next-line officialese -- citāts"),
            Some((DirectiveKind::DisableNextLine, vec!["officialese".into()]))
        );
        assert_eq!(
            parse_directive("skaidri-enable"),
            Some((DirectiveKind::Enable, vec![]))
        );
        assert_eq!(parse_directive("skaidri-disabled OF001"), None);
        assert_eq!(parse_directive("kaut kas cits"), None);
    }

    #[test]
    fn markup_regions_and_next_line() {
        let src = "a\n<!-- skaidri-disable OF001 -->\nb\n<!-- skaidri-enable OF001 -->\nc\n<!-- skaidri-disable-next-line -->\n\nd\n";
        let ds = place_on_lines(src, find_in_markup(src));
        assert_eq!(ds.len(), 3);
        let mut s = Suppressor::new(ds);
        let is_of001 = |r: &str| r == "OF001";
        assert!(!s.suppresses(1, is_of001));
        assert!(s.suppresses(3, is_of001));
        assert!(!s.suppresses(3, |r| r == "OF002"));
        assert!(!s.suppresses(5, is_of001));
        // next-line skips the blank line 7 and applies to line 8 only
        assert!(s.suppresses(8, |r| r == "XX"));
        assert_eq!(s.unused().count(), 0);
    }

    #[test]
    fn enable_one_rule_after_disable_all() {
        let src = "skaidri: disable\nx\nskaidri: enable OF001\ny\n";
        let ds = place_on_lines(src, find_in_text(src));
        let mut s = Suppressor::new(ds);
        assert!(s.suppresses(4, |r| r == "OF002"));
        assert!(!s.suppresses(4, |r| r == "OF001"));
    }

    #[test]
    fn unused_directives_are_listed() {
        let src = "skaidri: disable-next-line OF001\nteksts\n";
        let ds = place_on_lines(src, find_in_text(src));
        let s = Suppressor::new(ds);
        let unused: Vec<_> = s.unused().collect();
        assert_eq!(unused.len(), 1);
        assert_eq!(unused[0].line, 1);
    }

    #[test]
    fn blanking_keeps_offsets() {
        let mut t = String::from("ā\nskaidri: disable ž\nb");
        let f = find_in_text(&t);
        let len = t.len();
        blank_out(&mut t, &f);
        assert_eq!(t.len(), len);
        assert!(t.starts_with("ā\n "));
        assert!(t.ends_with("\nb"));
    }
}
