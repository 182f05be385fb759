//! Running the core on one document version: the server's only call into
//! [`skaidri_core::Analyzer`] (incremental, with the document's cache), plus the editor-side filters the core does not know about
//! yet (suppression comments, the workspace dictionary) and the list of hard sentences.
//!
//! Pure and synchronous: the backend runs it on a blocking thread.

use crate::document::DocKind;
use crate::suppress::Directives;
use crate::words::UserWords;
use skaidri_core::readability::{DocumentMetrics, SentenceLevel, SentenceMetrics};
use skaidri_core::text::LineIndex;
use skaidri_core::{Analyzer, Category, Diagnostic, IncrementalCache, Lang, Span};
use std::sync::Arc;

/// Everything an analysis depends on besides the text. Rebuilt when settings change.
#[derive(Debug, Clone)]
pub struct Engine {
    /// The core analyser with the merged settings.
    pub analyzer: Analyzer,
    /// Words the user added to the workspace dictionary.
    pub words: UserWords,
    /// Whether to list hard sentences that no sentence-length rule flagged.
    pub hard_sentences: bool,
}

impl Engine {
    /// Whether messages are in English.
    pub fn english(&self) -> bool {
        self.analyzer.settings().lang == Lang::En
    }
}

/// The analysis of one document version.
#[derive(Debug)]
pub struct Analysis {
    /// The document version analysed.
    pub version: i32,
    /// How the text was read.
    pub kind: DocKind,
    /// The text analysed (spans point into it).
    pub text: Arc<str>,
    /// Line starts of `text`.
    pub index: LineIndex,
    /// Findings after suppression comments and the workspace dictionary.
    pub diagnostics: Vec<Diagnostic>,
    /// Hard sentences not already flagged by a sentence-length rule.
    pub hard_sentences: Vec<SentenceMetrics>,
    /// Whole-text readability.
    pub metrics: DocumentMetrics,
}

/// The checkable text of a Markdown or HTML document and a way back to source bytes, or
/// `None` to check the source as it is (plain text, or extraction failed).
fn extract(kind: DocKind, source: &str) -> Option<skaidri_formats::Document> {
    let format = match kind {
        DocKind::Plain => return None,
        DocKind::Markdown => skaidri_formats::Format::Markdown,
        DocKind::Html => skaidri_formats::Format::Html,
    };
    let opts = skaidri_formats::ExtractOptions::default();
    let doc = skaidri_formats::extract(format, source.as_bytes(), &opts).ok()?;
    // Map offsets point into the decoded source; use them only if it is the editor's text.
    (doc.source_text.as_deref() == Some(source)).then_some(doc)
}

/// Analyses one document version.
///
/// Markdown and HTML go through `skaidri-formats`: the core checks the extracted prose
/// (no markup, entities decoded, blocks apart), and every span is mapped back to the
/// editor's text. A suggestion is kept only if its source is exactly the extracted text
/// (no markup or entity inside), so applying it never eats markup.
pub fn analyse(engine: &Engine, kind: DocKind, text: Arc<str>, version: i32) -> Analysis {
    analyse_with(engine, kind, text, version, None)
}

/// [`analyse`] with the document's [`IncrementalCache`]: after an edit only the changed
/// pieces of the text are run through the sentence-level rules again, and word readings
/// stay cached for the session. The result is the same as without the cache.
pub fn analyse_with(
    engine: &Engine,
    kind: DocKind,
    text: Arc<str>,
    version: i32,
    cache: Option<&mut IncrementalCache>,
) -> Analysis {
    let found = crate::suppress::find(&text, kind);
    let blanked = crate::suppress::blank_out(&text, kind, &found);
    let extracted = extract(kind, &text);
    let checked: &str = match (&extracted, &blanked) {
        (Some(d), _) => d.text.as_str(),
        (None, Some(b)) => b.as_str(),
        (None, None) => &text,
    };
    let to_source = |s: Span| -> Span {
        match &extracted {
            None => s,
            Some(d) => d
                .map
                .byte_range(s.start..s.end)
                .map_or(s, |r| Span::new(r.start, r.end)),
        }
    };
    let mut report = match cache {
        Some(c) => engine.analyzer.check_incremental(checked, c),
        None => engine.analyzer.check(checked),
    };
    if extracted.is_some() {
        for d in &mut report.diagnostics {
            d.span = to_source(d.span);
            let source_text = &text;
            d.suggestions.retain_mut(|sg| {
                let original = &checked[sg.span.start..sg.span.end];
                sg.span = to_source(sg.span);
                source_text.get(sg.span.start..sg.span.end) == Some(original)
            });
        }
        for s in &mut report.sentences {
            let span = to_source(Span::new(s.start, s.end));
            (s.start, s.end) = (span.start, span.end);
        }
    }
    // Most texts have no suppression comments: then nothing needs looking up per finding.
    let mut directives = (!found.is_empty()).then(|| Directives::new(&text, found));
    let rules = engine.analyzer.rules();
    let diagnostics: Vec<Diagnostic> = report
        .diagnostics
        .into_iter()
        .filter(|d| {
            let Some(directives) = directives.as_mut() else {
                return true;
            };
            let name = rules.get(&d.rule).map_or("", |r| r.name.as_str());
            !directives.suppresses(&text, &[&d.rule, name, d.category.as_str()], d.span)
        })
        .filter(|d| !(d.category == Category::Spelling && engine.words.contains(&d.text)))
        .collect();
    let hard_sentences = if engine.hard_sentences {
        report
            .sentences
            .into_iter()
            .filter(|s| s.level != SentenceLevel::Ok)
            .filter(|s| {
                !diagnostics.iter().any(|d| {
                    d.category == Category::SentenceLength
                        && d.span.start < s.end
                        && s.start < d.span.end
                })
            })
            .filter(|s| {
                directives.as_mut().is_none_or(|d| {
                    !d.suppresses(
                        &text,
                        &[crate::diagnostics::HARD_SENTENCE_CODE, "readability"],
                        Span::new(s.start, s.end),
                    )
                })
            })
            .collect()
    } else {
        Vec::new()
    };
    Analysis {
        version,
        kind,
        index: LineIndex::new(&text),
        text,
        diagnostics,
        hard_sentences,
        metrics: report.metrics,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use skaidri_core::rules::RuleSet;
    use skaidri_core::Settings;

    fn engine() -> Engine {
        Engine {
            analyzer: Analyzer::new(RuleSet::embedded().unwrap(), Settings::default()),
            words: UserWords::default(),
            hard_sentences: true,
        }
    }

    #[test]
    fn suppression_comment_hides_a_finding() {
        let e = engine();
        let plain = analyse(
            &e,
            DocKind::Plain,
            "Sakarā ar remontu birojs būs slēgts.".into(),
            1,
        );
        assert!(plain.diagnostics.iter().any(|d| &*d.rule == "OF001"));
        let md = "<!-- skaidri-disable-next-line OF001 -->\nSakarā ar remontu birojs būs slēgts.";
        let a = analyse(&e, DocKind::Markdown, md.into(), 1);
        assert!(
            !a.diagnostics.iter().any(|d| &*d.rule == "OF001"),
            "{:?}",
            a.diagnostics
        );
    }

    /// A stand-in spelling rule until the morphology crate provides real ones.
    pub(crate) const SPELLING_RULE: &str = r#"
schema = 1
[[rule]]
id = "SP900"
kind = "phrase"
category = "spelling"
message = "Nepazīstams vārds «{text}»."
explanation = "Ko tas pārbauda: testa noteikums."
patterns = ["skaidrī"]
[[rule.example]]
bad = "Tas ir skaidrī."
good = "Tas ir skaidri."
"#;

    #[test]
    fn workspace_words_drop_spelling_findings_at_once() {
        let rules = RuleSet::embedded_with([("test.toml", SPELLING_RULE)]).unwrap();
        let mut e = Engine {
            analyzer: Analyzer::new(rules, Settings::default()),
            ..engine()
        };
        let text: Arc<str> = "Mēs rakstām Skaidrī.".into();
        let before = analyse(&e, DocKind::Plain, text.clone(), 1);
        assert!(before.diagnostics.iter().any(|d| &*d.rule == "SP900"));
        e.words.insert("skaidrī");
        let after = analyse(&e, DocKind::Plain, text, 1);
        assert!(!after.diagnostics.iter().any(|d| &*d.rule == "SP900"));
    }

    #[test]
    fn markdown_is_checked_as_prose_and_mapped_back() {
        let e = engine();
        let md = "# Sakarā ar remontu\n\nBirojs ir **slēgts** uz doto brīdi &amp; [šeit](https://x.lv) sakarā ar\n*remontu*.\n";
        let a = analyse(&e, DocKind::Markdown, md.into(), 1);
        let spans: Vec<(&str, &str)> = a
            .diagnostics
            .iter()
            .map(|d| (&*d.rule, &md[d.span.start..d.span.end]))
            .collect();
        assert!(spans.contains(&("OF001", "Sakarā ar")), "{spans:?}");
        assert!(spans.contains(&("BA002", "uz doto brīdi")), "{spans:?}");
        // Both "sakarā ar" are found, the second across a line break before emphasis.
        assert_eq!(
            spans.iter().filter(|(r, _)| *r == "OF001").count(),
            2,
            "{spans:?}"
        );
        // A suggestion whose source has no markup inside is kept.
        let ba = a.diagnostics.iter().find(|d| &*d.rule == "BA002").unwrap();
        assert_eq!(ba.suggestions[0].replacement, "pašlaik");
        assert_eq!(
            &md[ba.suggestions[0].span.start..ba.suggestions[0].span.end],
            "uz doto brīdi"
        );
    }

    #[test]
    fn hard_sentences_exclude_those_already_flagged_as_long() {
        let e = engine();
        // 12 words, most of them long: hard by LIX, not by length.
        let lix_hard =
            "Administratīvās teritoriālās reformas ieviešanas nodrošināšanai nepieciešamie \
            finansējuma piešķiršanas nosacījumi tiek noteikti saskaņā ar normatīvajiem aktiem.";
        let a = analyse(&e, DocKind::Plain, lix_hard.into(), 1);
        assert_eq!(a.hard_sentences.len(), 1, "{:?}", a.hard_sentences);
        let long: String = (0..45).map(|_| "vārds ").collect::<String>() + "beigas.";
        let b = analyse(&e, DocKind::Plain, long.into(), 1);
        assert!(b
            .diagnostics
            .iter()
            .any(|d| d.category == Category::SentenceLength));
        assert!(b.hard_sentences.is_empty());
        let off = Engine {
            hard_sentences: false,
            ..engine()
        };
        assert!(analyse(&off, DocKind::Plain, lix_hard.into(), 1)
            .hard_sentences
            .is_empty());
    }
}
