//! Incremental checking: the same report as [`Analyzer::check`], computed again after an
//! edit by re-running the sentence-level rules only where the text changed.
//!
//! An editor checks the same document after every keystroke. Most rule kinds look at one
//! sentence at a time ([`Scope::Sentence`]); their findings in a sentence do not change
//! when another sentence does. So [`Analyzer::check_incremental`]:
//!
//! 1. segments the whole text and measures its readability (cheap, linear);
//! 2. cuts it into *pieces*: runs of whole sentences, cut where a line break lies between
//!    two sentences (a paragraph, a list item, a line of an act);
//! 3. for each piece, looks up its text and tokens in an [`IncrementalCache`]; only a
//!    piece not seen in the previous check is run through the sentence-scope engines,
//!    on its own text, and its raw findings are stored relative to its start;
//! 4. runs the document-scope engines (first use of an abbreviation, a term reported
//!    once, document readability) over the whole text, with word readings from the
//!    cache's [`FormCache`], so no word form is analysed twice in a session;
//! 5. shifts the cached findings into place and finishes them exactly as a full check
//!    does (the same de-duplication, order and messages).
//!
//! The result is identical to [`Analyzer::check`] of the same text; the tests compare
//! the two over random edits of real documents.

use crate::analyzer::{Analyzer, Hooks, Report};
use crate::diagnostic::Span;
use crate::morph::{FormCache, LazyAnnotations, Morphology};
use crate::readability;
use crate::rules::kind::{Hit, Scope};
use crate::segment::{self, Segmented, Sentence, Token};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// What [`Analyzer::check_incremental`] keeps between checks of one document: the raw
/// findings of each piece of the last checked text and the readings of every word form
/// seen. Belongs to one document and one analyser; handed another analyser (other rules
/// or settings) it forgets the findings and keeps the readings.
#[derive(Debug, Default)]
pub struct IncrementalCache {
    analyzer: u64,
    pieces: FxHashMap<u64, Vec<Arc<Piece>>>,
    forms: RefCell<FormCache>,
    last: IncrementalStats,
}

/// How much of the last check was reused.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IncrementalStats {
    /// Pieces the text was cut into.
    pub pieces: usize,
    /// Pieces whose findings came from the cache.
    pub reused: usize,
}

impl IncrementalCache {
    /// An empty cache.
    pub fn new() -> IncrementalCache {
        IncrementalCache::default()
    }

    /// What the last check reused.
    pub fn last_stats(&self) -> IncrementalStats {
        self.last
    }

    /// Number of distinct word forms whose readings are kept.
    pub fn cached_forms(&self) -> usize {
        self.forms.borrow().len()
    }
}

/// One piece of a checked text, positions relative to its start.
#[derive(Debug)]
struct Piece {
    text: Box<str>,
    tokens: Vec<Token>,
    sentences: Vec<Sentence>,
    /// Findings of the sentence-scope engines (rules that are on), relative.
    hits: Vec<Hit>,
}

/// Where one piece lies in the text.
struct Cut {
    /// Byte range.
    start: usize,
    end: usize,
    /// Sentence index range.
    sentences: std::ops::Range<usize>,
}

/// Cuts the sentences into pieces at line breaks between sentences.
fn cuts(text: &str, seg: &Segmented) -> Vec<Cut> {
    let mut out: Vec<Cut> = Vec::new();
    for (i, s) in seg.sentences.iter().enumerate() {
        let joined = out
            .last()
            .is_some_and(|c| !text[c.end..s.start].contains('\n'));
        match out.last_mut() {
            Some(c) if joined => {
                c.end = s.end;
                c.sentences.end = i + 1;
            }
            _ => out.push(Cut {
                start: s.start,
                end: s.end,
                sentences: i..i + 1,
            }),
        }
    }
    out
}

fn shift(t: &Token, by: isize) -> Token {
    Token {
        start: t.start.wrapping_add_signed(by),
        end: t.end.wrapping_add_signed(by),
        ..*t
    }
}

fn shift_hit(h: &Hit, by: isize) -> Hit {
    let sp = |s: Span| {
        Span::new(
            s.start.wrapping_add_signed(by),
            s.end.wrapping_add_signed(by),
        )
    };
    let mut h = h.clone();
    h.span = sp(h.span);
    for s in &mut h.suggestions {
        s.span = sp(s.span);
    }
    h
}

/// The piece's tokens and sentences relative to its start.
fn relative(seg: &Segmented, cut: &Cut) -> (Vec<Token>, Vec<Sentence>) {
    let (t0, t1) = token_range(seg, cut);
    let by = -(cut.start as isize);
    let tokens = seg.tokens[t0..t1].iter().map(|t| shift(t, by)).collect();
    let sentences = seg.sentences[cut.sentences.clone()]
        .iter()
        .map(|s| Sentence {
            start: s.start - cut.start,
            end: s.end - cut.start,
            tokens: s.tokens.start - t0..s.tokens.end - t0,
        })
        .collect();
    (tokens, sentences)
}

/// The index range of the piece's tokens in the whole text's tokens.
fn token_range(seg: &Segmented, cut: &Cut) -> (usize, usize) {
    (
        seg.sentences[cut.sentences.start].tokens.start,
        seg.sentences[cut.sentences.end - 1].tokens.end,
    )
}

/// A hash of the piece's text, tokens and sentences (relative to the piece), computed
/// in place.
fn key(text: &str, seg: &Segmented, cut: &Cut) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    text[cut.start..cut.end].hash(&mut h);
    let (t0, t1) = token_range(seg, cut);
    for t in &seg.tokens[t0..t1] {
        (
            t.start - cut.start,
            t.end - cut.start,
            t.kind as u8,
            t.may_end_sentence,
        )
            .hash(&mut h);
    }
    for s in &seg.sentences[cut.sentences.clone()] {
        (s.tokens.start - t0, s.tokens.end - t0).hash(&mut h);
    }
    h.finish()
}

/// Whether a cached piece is exactly this piece of `text` (same text, tokens, sentences).
fn same(p: &Piece, text: &str, seg: &Segmented, cut: &Cut) -> bool {
    let (t0, t1) = token_range(seg, cut);
    let sents = &seg.sentences[cut.sentences.clone()];
    *p.text == text[cut.start..cut.end]
        && p.tokens.len() == t1 - t0
        && p.sentences.len() == sents.len()
        && p.tokens
            .iter()
            .zip(&seg.tokens[t0..t1])
            .all(|(a, b)| *a == shift(b, -(cut.start as isize)))
        && p.sentences.iter().zip(sents).all(|(a, b)| {
            a.tokens.start + t0 == b.tokens.start && a.tokens.end + t0 == b.tokens.end
        })
}

impl Analyzer {
    /// Checks `text` like [`Analyzer::check`], reusing from `cache` the findings of the
    /// pieces of text that did not change since the last call with the same cache (see
    /// the [module docs](crate::incremental)). Keep one cache per document.
    pub fn check_incremental(&self, text: &str, cache: &mut IncrementalCache) -> Report {
        if cache.analyzer != self.id() {
            cache.pieces.clear();
            cache.analyzer = self.id();
        }
        let seg = segment::segment(text);
        let thresholds = &self.settings().thresholds;
        let (metrics, sentences) = readability::measure(text, &seg, thresholds);
        let lower: Vec<String> = seg
            .tokens
            .iter()
            .map(|t| t.text(text).to_lowercase())
            .collect();
        let max_for = |i| self.max_for(i);
        let enabled = |i: usize| self.enabled_at(i);
        let hooks = || Hooks(&max_for, &enabled);

        // Sentence-scope engines, a piece at a time.
        let none = readability::measure("", &Segmented::default(), thresholds).0;
        let mut hits: Vec<Hit> = Vec::new();
        let mut kept: FxHashMap<u64, Vec<Arc<Piece>>> = FxHashMap::default();
        let cut_list = cuts(text, &seg);
        let mut stats = IncrementalStats {
            pieces: cut_list.len(),
            reused: 0,
        };
        for cut in &cut_list {
            let piece_text = &text[cut.start..cut.end];
            let k = key(text, &seg, cut);
            let is_same = |p: &&Arc<Piece>| same(p, text, &seg, cut);
            let found = cache
                .pieces
                .get(&k)
                .and_then(|v| v.iter().find(is_same))
                .or_else(|| kept.get(&k).and_then(|v| v.iter().find(is_same)))
                .cloned();
            let piece = match found {
                Some(p) => {
                    stats.reused += 1;
                    p
                }
                None => {
                    let (tokens, sentences) = relative(&seg, cut);
                    let (t0, _) = token_range(&seg, cut);
                    let piece_seg = Segmented { tokens, sentences };
                    let piece_lower = &lower[t0..t0 + piece_seg.tokens.len()];
                    let morph = LazyAnnotations::with_cache(
                        piece_text,
                        &piece_seg,
                        Morphology::embedded,
                        &cache.forms,
                    );
                    let ctx = self.ctx(
                        hooks(),
                        piece_text,
                        &piece_seg,
                        piece_lower,
                        &none,
                        &[],
                        &morph,
                    );
                    let mut piece_hits = Vec::new();
                    self.run_engines(&ctx, |s| s == Scope::Sentence, &mut piece_hits);
                    drop(morph);
                    Arc::new(Piece {
                        text: piece_text.into(),
                        tokens: piece_seg.tokens,
                        sentences: piece_seg.sentences,
                        hits: piece_hits,
                    })
                }
            };
            let by = cut.start as isize;
            hits.extend(piece.hits.iter().map(|h| shift_hit(h, by)));
            let slot = kept.entry(k).or_default();
            if !slot.iter().any(|p| Arc::ptr_eq(p, &piece)) {
                slot.push(piece);
            }
        }
        cache.pieces = kept;
        cache.last = stats;

        // Document-scope engines over the whole text.
        let morph = LazyAnnotations::with_cache(text, &seg, Morphology::embedded, &cache.forms);
        let ctx = self.ctx(hooks(), text, &seg, &lower, &metrics, &sentences, &morph);
        self.run_engines(&ctx, |s| s == Scope::Document, &mut hits);
        self.filter_document(&ctx, &mut hits);
        drop(morph);

        Report {
            diagnostics: self.finish(text, hits),
            metrics,
            sentences,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;
    use crate::Settings;

    fn analyzer() -> Analyzer {
        Analyzer::new(RuleSet::embedded().unwrap(), Settings::default())
    }

    #[test]
    fn a_name_in_another_paragraph_is_decided_on_every_check() {
        // «Krūzs» at the start of a sentence is a possible typo unless another sentence
        // writes it with a capital inside; that sentence is in another piece
        let a = analyzer();
        let mut cache = IncrementalCache::new();
        let with = "Filmā spēlē Toms Krūzs.\n\nKrūzs piebilda.\n";
        let without = "Filmā spēlē Toms.\n\nKrūzs piebilda.\n";
        let spelled = |r: &Report| r.diagnostics.iter().filter(|d| &*d.rule == "SP001").count();
        for text in [with, without, with] {
            let inc = a.check_incremental(text, &mut cache);
            assert_eq!(inc.diagnostics, a.check(text).diagnostics, "{text}");
        }
        assert_eq!(spelled(&a.check(with)), 0);
        assert_eq!(spelled(&a.check(without)), 1);
    }

    #[test]
    fn an_edit_reanalyses_only_its_piece() {
        let a = analyzer();
        let mut cache = IncrementalCache::new();
        let text = "Sakarā ar remontu birojs būs slēgts. VID atbildēs.\n\nIesniegumu izskatīs VID. Tas tiks izskatīts.\nTrešā rinda ir īsa.\n";
        let r1 = a.check_incremental(text, &mut cache);
        assert_eq!(r1.diagnostics, a.check(text).diagnostics);
        assert_eq!(
            cache.last_stats(),
            IncrementalStats {
                pieces: 3,
                reused: 0
            }
        );
        let edited = text.replace("Trešā rinda", "Trešā garā rinda");
        let r2 = a.check_incremental(&edited, &mut cache);
        assert_eq!(
            cache.last_stats(),
            IncrementalStats {
                pieces: 3,
                reused: 2
            }
        );
        assert_eq!(r2.diagnostics, a.check(&edited).diagnostics);
        // Another analyser does not reuse findings made under other settings.
        let b = Analyzer::new(
            RuleSet::embedded().unwrap(),
            Settings {
                disable: vec!["OF001".into()],
                ..Settings::default()
            },
        );
        let r3 = b.check_incremental(&edited, &mut cache);
        assert_eq!(cache.last_stats().reused, 0);
        assert_eq!(r3.diagnostics, b.check(&edited).diagnostics);
        assert!(cache.cached_forms() > 10);
    }

    #[test]
    fn document_scope_findings_follow_the_whole_text() {
        // The first use of "VID" moves when a paragraph before it is added.
        let a = analyzer();
        let mut cache = IncrementalCache::new();
        let text = "Iesniegumu izskatīs iestāde.\n\nPēc tam VID atbildēs.\n";
        let r1 = a.check_incremental(text, &mut cache);
        let edited = format!("Vispirms VID pārbaudīs.\n\n{text}");
        let r2 = a.check_incremental(&edited, &mut cache);
        assert_eq!(r1.diagnostics, a.check(text).diagnostics);
        assert_eq!(r2.diagnostics, a.check(&edited).diagnostics);
        assert_eq!(r2.metrics, a.check(&edited).metrics);
    }
}
