//! Core findings → LSP diagnostics.
//!
//! Each diagnostic carries the rule id as `code`, `skaidri` as `source`, the severity, and
//! a `codeDescription` link to the rule's documentation. Hard sentences that no rule
//! flagged become hints with the code [`HARD_SENTENCE_CODE`].

use crate::analysis::Analysis;
use crate::config::Config;
use crate::lv;
use crate::pos_conv::{self, PositionEncoding};
use skaidri_core::readability::SentenceMetrics;
use skaidri_core::{Severity, Span};
use tower_lsp::lsp_types::{self as lsp, CodeDescription, DiagnosticSeverity, NumberOrString, Url};

/// The `source` of every diagnostic.
pub const SOURCE: &str = "skaidri";

/// The `code` of a hard-sentence hint (not a rule: it comes from readability metrics).
pub const HARD_SENTENCE_CODE: &str = "hard-sentence";

/// Maps a core severity to the LSP one.
pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// The message of a hard-sentence hint.
pub fn hard_sentence_message(s: &SentenceMetrics, english: bool) -> String {
    if english {
        format!(
            "Hard to read: sentence LIX {:.1} ({} words, {} of them long).",
            s.lix, s.words, s.long_words
        )
    } else {
        format!(
            "Grūti lasāms teikums: LIX {} ({}, no tiem {}).",
            lv::decimal(s.lix),
            lv::count(s.words, "vārds", "vārdi"),
            lv::count(s.long_words, "garš", "gari")
        )
    }
}

/// One finding as an LSP diagnostic.
pub fn one(
    a: &Analysis,
    d: &skaidri_core::Diagnostic,
    enc: PositionEncoding,
    config: &Config,
) -> lsp::Diagnostic {
    lsp::Diagnostic {
        range: pos_conv::range(&a.text, &a.index, d.span, enc),
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.rule.to_string())),
        code_description: config
            .rule_docs_url(&d.rule)
            .and_then(|u| Url::parse(&u).ok())
            .map(|href| CodeDescription { href }),
        source: Some(SOURCE.into()),
        message: d.message.clone(),
        related_information: None,
        tags: None,
        data: Some(serde_json::json!({ "category": d.category.as_str() })),
    }
}

/// A hard sentence as an LSP hint.
pub fn hard_sentence(
    a: &Analysis,
    s: &SentenceMetrics,
    enc: PositionEncoding,
    english: bool,
) -> lsp::Diagnostic {
    lsp::Diagnostic {
        range: pos_conv::range(&a.text, &a.index, Span::new(s.start, s.end), enc),
        severity: Some(DiagnosticSeverity::HINT),
        code: Some(NumberOrString::String(HARD_SENTENCE_CODE.into())),
        code_description: None,
        source: Some(SOURCE.into()),
        message: hard_sentence_message(s, english),
        related_information: None,
        tags: None,
        data: Some(serde_json::json!({ "category": "readability" })),
    }
}

/// All diagnostics of an analysis, in the client's position encoding.
pub fn to_lsp(
    a: &Analysis,
    enc: PositionEncoding,
    config: &Config,
    english: bool,
) -> Vec<lsp::Diagnostic> {
    let mut out: Vec<lsp::Diagnostic> = a
        .diagnostics
        .iter()
        .map(|d| one(a, d, enc, config))
        .collect();
    out.extend(
        a.hard_sentences
            .iter()
            .map(|s| hard_sentence(a, s, enc, english)),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyse, Engine};
    use crate::document::DocKind;
    use crate::words::UserWords;
    use skaidri_core::rules::RuleSet;
    use skaidri_core::{Analyzer, Settings};
    use tower_lsp::lsp_types::{Position, Range};

    #[test]
    fn utf16_ranges_code_source_and_link() {
        let engine = Engine {
            analyzer: Analyzer::new(RuleSet::embedded().unwrap(), Settings::default()),
            words: UserWords::default(),
            hard_sentences: true,
        };
        let text = "Labdien 👋! Ūdens ir šķidrs. 🇱🇻 Sakarā ar remontu birojs būs slēgts.";
        let a = analyse(&engine, DocKind::Plain, text.into(), 3);
        let ds = to_lsp(&a, PositionEncoding::Utf16, &Config::default(), false);
        let d = ds
            .iter()
            .find(|d| d.code == Some(NumberOrString::String("OF001".into())))
            .expect("OF001");
        // "Labdien 👋! Ūdens ir šķidrs. 🇱🇻 " is 34 UTF-16 units; "Sakarā ar" is 9.
        assert_eq!(
            d.range,
            Range::new(Position::new(0, 34), Position::new(0, 43))
        );
        assert_eq!(d.source.as_deref(), Some("skaidri"));
        assert_eq!(d.severity, Some(DiagnosticSeverity::WARNING));
        // A link only to a real page (the repository URL is still a placeholder).
        let href = d.code_description.as_ref().map(|c| c.href.to_string());
        assert_eq!(href, skaidri_config::docs::rule_docs_url("OF001"));
        let with_template = Config {
            rule_docs_url: Some("https://docs.example.lv/{id}".into()),
            ..Config::default()
        };
        let dt = to_lsp(&a, PositionEncoding::Utf16, &with_template, false);
        let of = dt.iter().find(|x| x.range == d.range).unwrap();
        assert_eq!(
            of.code_description.as_ref().unwrap().href.as_str(),
            "https://docs.example.lv/OF001"
        );
        let d8 = to_lsp(&a, PositionEncoding::Utf8, &Config::default(), false);
        let start8 = text.find("Sakarā").unwrap() as u32;
        assert!(d8.iter().any(|d| d.range.start == Position::new(0, start8)));
    }

    #[test]
    fn hard_sentence_messages() {
        let s = SentenceMetrics {
            start: 0,
            end: 1,
            words: 21,
            long_words: 11,
            lix: 73.38,
            level: skaidri_core::readability::SentenceLevel::Hard,
        };
        assert_eq!(
            hard_sentence_message(&s, false),
            "Grūti lasāms teikums: LIX 73,4 (21 vārds, no tiem 11 gari)."
        );
        assert!(hard_sentence_message(&s, true).contains("LIX 73.4"));
    }
}
