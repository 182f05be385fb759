//! Kind `structure`: facts about a document's structure that a format reader found — an
//! image without alternative text, a skipped heading level, a page without a language.
//!
//! The core never sees markup, so it cannot find these itself. Front ends (the CLI, the
//! LSP) get them from `skaidri-formats`, name each with one of [`FACTS`], and pass them
//! to [`crate::Analyzer::check_facts`]. A structure rule says which fact it reports
//! (`fact = "image-missing-alt"`); everything else — message, explanation, severity,
//! profiles, config `disable`/`severity`, suppression — works as for any other rule, and
//! `run` over plain text finds nothing.
//!
//! Messages may use `{text}` (the text the fact concerns, if any) and `{detail}` (what
//! the reader reported: the file name, the link text, the heading levels).

use super::{Ctx, Engine, Hit};
use crate::diagnostic::Span;
use crate::rules::load::{Parsed, RuleError};

/// The facts a structure rule can report. Format readers map their findings onto these
/// names.
pub const FACTS: &[&str] = &[
    "image-missing-alt",
    "image-alt-is-file-name",
    "vague-link-text",
    "empty-link",
    "link-to-file-not-announced",
    "heading-level-skipped",
    "multiple-h1",
    "fake-heading",
    "missing-document-lang",
    "document-lang-not-latvian",
    "table-without-headers",
    "all-caps-text",
];

/// One structural fact about a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// One of [`FACTS`].
    pub name: String,
    /// Where to report it in the analysed text (may be empty when the fact concerns no
    /// text, e.g. an image; the front end then places it by its source position).
    pub span: Span,
    /// Detail for the message (`{detail}`).
    pub detail: String,
}

/// All structure rules: (rule index, fact name).
pub struct StructureEngine {
    entries: Vec<(usize, String)>,
}

/// Compiles the structure rules among `rules`.
pub fn compile(rules: &[(usize, &Parsed)]) -> Result<Box<dyn Engine>, RuleError> {
    let mut entries = Vec::new();
    for &(idx, p) in rules {
        let Some(f) = &p.fact else {
            return Err(RuleError {
                loc: p.kind_loc.clone(),
                key: Some("fact".into()),
                message: format!(
                    "a structure rule needs `fact = \"…\"`, one of: {}",
                    FACTS.join(", ")
                ),
            });
        };
        if !FACTS.contains(&f.value.as_str()) {
            return Err(f.err(
                "fact",
                format!(
                    "unknown fact `{}`; expected one of: {}",
                    f.value,
                    FACTS.join(", ")
                ),
            ));
        }
        entries.push((idx, f.value.clone()));
    }
    Ok(Box::new(StructureEngine { entries }))
}

impl Engine for StructureEngine {
    fn scope(&self) -> super::Scope {
        super::Scope::Sentence
    }

    fn run(&self, _ctx: &Ctx<'_>, _out: &mut Vec<Hit>) {}

    fn fact_rules(&self, fact: &str, out: &mut Vec<usize>) {
        out.extend(
            self.entries
                .iter()
                .filter(|(_, f)| f == fact)
                .map(|(i, _)| *i),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;
    use crate::{Analyzer, Settings};

    fn fact(name: &str, span: Span, detail: &str) -> Fact {
        Fact {
            name: name.into(),
            span,
            detail: detail.into(),
        }
    }

    #[test]
    fn facts_become_findings_of_their_rules() {
        let a = Analyzer::new(RuleSet::embedded().unwrap(), Settings::default());
        let text = "Lejupielādēt šeit.";
        let facts = [
            fact("image-missing-alt", Span::new(0, 0), ""),
            fact("vague-link-text", Span::new(14, 19), "šeit"),
        ];
        let got = a.check_facts(text, &facts);
        let ids: Vec<(usize, &str)> = got.iter().map(|(i, d)| (*i, &*d.rule)).collect();
        assert_eq!(ids, [(0, "AC101"), (1, "AC103")]);
        assert!(got[1].1.message.contains("«šeit»"), "{}", got[1].1.message);
        // plain checking never reports structure rules
        assert!(a
            .check(text)
            .diagnostics
            .iter()
            .all(|d| !d.rule.starts_with("AC1")));
    }

    #[test]
    fn settings_apply_to_structure_rules() {
        let s = Settings {
            disable: vec!["AC101".into()],
            ..Settings::default()
        };
        let a = Analyzer::new(RuleSet::embedded().unwrap(), s);
        assert!(a
            .check_facts("", &[fact("image-missing-alt", Span::new(0, 0), "")])
            .is_empty());
    }

    #[test]
    fn unknown_fact_is_a_rule_error() {
        let src = r#"
[[rule]]
id = "X1"
kind = "structure"
fact = "image-without-alt"
category = "accessibility"
message = "m"
explanation = "e"
[[rule.example]]
bad = "a"
good = "b"
"#;
        let e = RuleSet::from_sources([("x.toml", src)]).unwrap_err();
        assert_eq!(e.key.as_deref(), Some("fact"));
        assert_eq!(e.loc.line, 5);
    }
}
