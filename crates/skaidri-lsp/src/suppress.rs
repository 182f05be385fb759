//! Suppression comments: "ignore this rule on the next line".
//!
//! The syntax is shared with the CLI (the `cicheck` work implements the same comments for
//! `skaidri check`):
//! - Markdown and HTML: `<!-- skaidri-disable-next-line OF001 BA002 -->`
//! - Plain text: a line `skaidri: disable-next-line OF001`
//!
//! Either form is recognised in any document; rule ids may be separated by spaces or
//! commas. Without ids, every rule is off for the next line. Findings on the directive
//! line itself are dropped too, since it is not prose. This is the server's own small
//! reader; it is swapped for the shared one when that lands on main.

use crate::document::DocKind;
use skaidri_core::Span;

/// One directive: the line it silences and the rules (empty = all).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Directive {
    comment: Span,
    target: Span,
    rules: Vec<String>,
}

/// The directives of one text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Directives {
    list: Vec<Directive>,
}

const MARKERS: &[&str] = &["skaidri-disable-next-line", "skaidri: disable-next-line"];

impl Directives {
    /// Finds the directives in `text`.
    pub fn parse(text: &str) -> Directives {
        let mut list = Vec::new();
        if !text.contains("skaidri") {
            return Directives { list };
        }
        let mut start = 0;
        let lines: Vec<(usize, &str)> = text
            .split_inclusive('\n')
            .map(|l| {
                let s = start;
                start += l.len();
                (s, l)
            })
            .collect();
        for (i, &(off, line)) in lines.iter().enumerate() {
            let Some((pos, marker)) = MARKERS.iter().find_map(|m| line.find(m).map(|p| (p, *m)))
            else {
                continue;
            };
            let rest = &line[pos + marker.len()..];
            let rest = rest.split("-->").next().unwrap_or("");
            let rules = rest
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            let target = lines
                .get(i + 1)
                .map(|&(o, l)| Span::new(o, o + l.len()))
                .unwrap_or(Span::new(text.len(), text.len()));
            list.push(Directive {
                comment: Span::new(off, off + line.len()),
                target,
                rules,
            });
        }
        Directives { list }
    }

    /// Whether a finding of `rule` at `span` is silenced.
    pub fn suppresses(&self, rule: &str, span: Span) -> bool {
        self.list.iter().any(|d| {
            let on_comment = span.start >= d.comment.start && span.start < d.comment.end;
            let on_target = span.start >= d.target.start && span.start < d.target.end;
            on_comment
                || (on_target
                    && (d.rules.is_empty() || d.rules.iter().any(|r| r.eq_ignore_ascii_case(rule))))
        })
    }
}

/// The line to insert above a line to silence `rule` there, in the document's syntax
/// (without indentation or line end).
pub fn comment_for(kind: DocKind, rule: &str) -> String {
    match kind {
        DocKind::Markdown | DocKind::Html => format!("<!-- skaidri-disable-next-line {rule} -->"),
        DocKind::Plain => format!("skaidri: disable-next-line {rule}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span_of(text: &str, needle: &str) -> Span {
        let s = text.find(needle).unwrap();
        Span::new(s, s + needle.len())
    }

    #[test]
    fn html_comment_silences_listed_rules_on_the_next_line_only() {
        let text =
            "<!-- skaidri-disable-next-line OF001, BA002 -->\nSakarā ar to.\nSakarā ar šo.\n";
        let d = Directives::parse(text);
        let first = span_of(text, "Sakarā ar to");
        let second = span_of(text, "Sakarā ar šo");
        assert!(d.suppresses("OF001", first));
        assert!(d.suppresses("ba002", first));
        assert!(!d.suppresses("OF002", first));
        assert!(!d.suppresses("OF001", second));
        assert!(
            d.suppresses("XX", span_of(text, "OF001")),
            "the directive itself is not prose"
        );
    }

    #[test]
    fn plain_text_form_and_all_rules() {
        let text = "skaidri: disable-next-line\nSakarā ar to.";
        let d = Directives::parse(text);
        assert!(d.suppresses("OF001", span_of(text, "Sakarā")));
        assert!(Directives::parse("Nekas.").list.is_empty());
    }

    #[test]
    fn comments_in_document_syntax() {
        assert_eq!(
            comment_for(DocKind::Markdown, "OF001"),
            "<!-- skaidri-disable-next-line OF001 -->"
        );
        assert_eq!(
            comment_for(DocKind::Plain, "OF001"),
            "skaidri: disable-next-line OF001"
        );
    }
}
