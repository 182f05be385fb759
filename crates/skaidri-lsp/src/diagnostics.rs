//! Core findings → LSP diagnostics.
//!
//! Each diagnostic carries the rule id as `code`, `skaidri` as `source`, the severity, and
//! a `codeDescription` link to the rule's documentation: the editor's `ruleDocsUrl`
//! template or the repository ([`Config::rule_docs_url`]), else the page
//! [`crate::rule_docs`] wrote to the cache folder. Hard sentences that no rule flagged
//! become hints with the code [`HARD_SENTENCE_CODE`].

use crate::analysis::Analysis;
use crate::config::Config;
use crate::lv;
use crate::pos_conv::{self, PositionEncoding};
use crate::rule_docs::RuleDocs;
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

/// What sentence LIX means and what to do about a hard sentence (hover and page).
pub fn hard_sentence_explanation(english: bool) -> &'static str {
    if english {
        "Sentence LIX = words + 100 × long words (over six letters) / words. Above 65 a \
         sentence is hard for most readers: split it, or replace long nouns with verbs."
    } else {
        "Teikuma LIX = vārdi + 100 × garie vārdi (vairāk par sešiem burtiem) / vārdi. \
         Ja tas pārsniedz 65, teikums lielākajai daļai lasītāju ir grūts: sadaliet to \
         vai aizstājiet garos lietvārdus ar darbības vārdiem."
    }
}

/// The documentation link of rule `id`: the configured or repository link, else the
/// page written to the cache folder.
fn link(id: &str, config: &Config, docs: &RuleDocs, english: bool) -> Option<CodeDescription> {
    config
        .rule_docs_url(id)
        .and_then(|u| Url::parse(&u).ok())
        .or_else(|| docs.link(id, english))
        .map(|href| CodeDescription { href })
}

/// One finding as an LSP diagnostic.
pub fn one(
    a: &Analysis,
    d: &skaidri_core::Diagnostic,
    enc: PositionEncoding,
    config: &Config,
    docs: &RuleDocs,
    english: bool,
) -> lsp::Diagnostic {
    lsp::Diagnostic {
        range: pos_conv::range(&a.text, &a.index, d.span, enc),
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.rule.to_string())),
        code_description: link(&d.rule, config, docs, english),
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
    docs: &RuleDocs,
    english: bool,
) -> lsp::Diagnostic {
    lsp::Diagnostic {
        range: pos_conv::range(&a.text, &a.index, Span::new(s.start, s.end), enc),
        severity: Some(DiagnosticSeverity::HINT),
        code: Some(NumberOrString::String(HARD_SENTENCE_CODE.into())),
        code_description: docs
            .link(HARD_SENTENCE_CODE, english)
            .map(|href| CodeDescription { href }),
        source: Some(SOURCE.into()),
        message: hard_sentence_message(s, english),
        related_information: None,
        tags: None,
        data: Some(serde_json::json!({ "category": "readability" })),
    }
}

/// All diagnostics of an analysis, in the client's position encoding, with links to the
/// pages `docs` has written.
pub fn to_lsp(
    a: &Analysis,
    enc: PositionEncoding,
    config: &Config,
    docs: &RuleDocs,
    english: bool,
) -> Vec<lsp::Diagnostic> {
    let mut out: Vec<lsp::Diagnostic> = a
        .diagnostics
        .iter()
        .map(|d| one(a, d, enc, config, docs, english))
        .collect();
    out.extend(
        a.hard_sentences
            .iter()
            .map(|s| hard_sentence(a, s, enc, docs, english)),
    );
    out
}

/// The codes of `a`'s diagnostics that need a page from [`crate::rule_docs`]: those with
/// no configured or repository link.
pub fn codes_needing_pages<'a>(a: &'a Analysis, config: &'a Config) -> Vec<&'a str> {
    let mut codes: Vec<&str> = a
        .diagnostics
        .iter()
        .map(|d| &*d.rule)
        .filter(|id| config.rule_docs_url(id).is_none())
        .collect();
    if !a.hard_sentences.is_empty() {
        codes.push(HARD_SENTENCE_CODE);
    }
    codes
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
        let no_pages = RuleDocs::default();
        let ds = to_lsp(
            &a,
            PositionEncoding::Utf16,
            &Config::default(),
            &no_pages,
            false,
        );
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
        // With the pages written: links to them, for findings and hard sentences alike.
        let cache = tempfile::tempdir().unwrap();
        let mut docs = RuleDocs::new(Some(cache.path().to_path_buf()));
        let rules = std::sync::Arc::new(RuleSet::embedded().unwrap());
        let job = docs
            .job(["OF001", HARD_SENTENCE_CODE], false, &rules)
            .unwrap();
        assert!(docs.record(job.run()).is_empty());
        let dp = to_lsp(
            &a,
            PositionEncoding::Utf16,
            &Config::default(),
            &docs,
            false,
        );
        let of = dp.iter().find(|x| x.range == d.range).unwrap();
        let want = skaidri_config::docs::rule_docs_url("OF001")
            .unwrap_or_else(|| docs.link("OF001", false).unwrap().to_string());
        assert_eq!(of.code_description.as_ref().unwrap().href.as_str(), want);
        let with_template = Config {
            rule_docs_url: Some("https://docs.example.lv/{id}".into()),
            ..Config::default()
        };
        let dt = to_lsp(&a, PositionEncoding::Utf16, &with_template, &docs, false);
        let of = dt.iter().find(|x| x.range == d.range).unwrap();
        assert_eq!(
            of.code_description.as_ref().unwrap().href.as_str(),
            "https://docs.example.lv/OF001"
        );
        let d8 = to_lsp(
            &a,
            PositionEncoding::Utf8,
            &Config::default(),
            &no_pages,
            false,
        );
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
