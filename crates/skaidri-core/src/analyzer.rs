//! The analyser: runs a [`RuleSet`] over a text under [`Settings`].
//!
//! The life of one check: segment the text, measure readability, run every rule kind's
//! engine once, drop findings of rules that are off in the profile or the settings, apply
//! severity overrides, fill in message templates, and sort by position.

use crate::diagnostic::{Diagnostic, Severity, Span};
use crate::morph::{Annotations, LazyAnnotations, Morphology};
use crate::readability::{self, DocumentMetrics, SentenceMetrics, Thresholds};
use crate::rules::kind::{Ctx, Hit, Scope};
use crate::rules::{RuleInfo, RuleSet, DEFAULT_PROFILE};
use crate::segment::{self, Segmented};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Message language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Latvian (the default).
    #[default]
    Lv,
    /// English, where rules provide it.
    En,
}

impl Lang {
    /// Parses `lv` or `en`.
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "lv" => Some(Lang::Lv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// What to check and how: the profile, the language and user overrides.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Profile name (see [`crate::rules::PROFILES`]).
    pub profile: String,
    /// Message language.
    pub lang: Lang,
    /// Rules turned off: ids, names or category names.
    pub disable: Vec<String>,
    /// Rules turned on even if the profile or a broader `disable` entry turns them off:
    /// ids, names or category names. The more specific selector wins (an id or name beats
    /// a category); on a tie `disable` wins.
    pub enable: Vec<String>,
    /// If set, only these rules run: ids, names or category names.
    pub only: Option<Vec<String>>,
    /// Severity overrides by rule id, name or category name (a rule's own entry wins).
    pub severity: HashMap<String, Severity>,
    /// Metric thresholds by rule id (override the rule's `max`).
    pub max: HashMap<String, f64>,
    /// Readability thresholds.
    pub thresholds: Thresholds,
    /// Words from user and workspace dictionaries (`--dict`, config
    /// `dictionaries`): never reported as misspelt or rare.
    pub extra_words: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            profile: DEFAULT_PROFILE.to_string(),
            lang: Lang::Lv,
            disable: Vec::new(),
            enable: Vec::new(),
            only: None,
            severity: HashMap::new(),
            max: HashMap::new(),
            thresholds: Thresholds::default(),
            extra_words: Vec::new(),
        }
    }
}

fn selects(sel: &str, r: &RuleInfo) -> bool {
    specificity(sel, r) > 0
}

/// How specifically `sel` names rule `r`: 2 for its id or name, 1 for its category, 0 when
/// it does not name it.
pub fn specificity(sel: &str, r: &RuleInfo) -> u8 {
    if sel.eq_ignore_ascii_case(&r.id) || (!r.name.is_empty() && sel == r.name) {
        2
    } else if sel == r.category.as_str() {
        1
    } else {
        0
    }
}

/// Whether rule `r` is on under `settings` (profile, `disable`, `enable`, `only`).
pub fn rule_enabled(settings: &Settings, r: &RuleInfo) -> bool {
    let most = |list: &[String]| list.iter().map(|s| specificity(s, r)).max().unwrap_or(0);
    let (d, e) = (most(&settings.disable), most(&settings.enable));
    let on = if e > d {
        true
    } else if d > 0 {
        false
    } else {
        r.active_in(&settings.profile)
    };
    on && settings
        .only
        .as_ref()
        .is_none_or(|o| o.iter().any(|s| selects(s, r)))
}

/// The result of checking one text.
#[derive(Debug, Clone)]
pub struct Report {
    /// Findings, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// Whole-text readability.
    pub metrics: DocumentMetrics,
    /// Per-sentence readability.
    pub sentences: Vec<SentenceMetrics>,
}

/// Checks texts. Cheap to share between threads (`Send + Sync`).
#[derive(Debug, Clone)]
pub struct Analyzer {
    rules: Arc<RuleSet>,
    settings: Settings,
    enabled: Vec<bool>,
    extra_words: Arc<HashSet<String>>,
    /// Distinguishes analysers (clones share it): an [`IncrementalCache`] filled by one
    /// analyser is never reused by another with other rules or settings.
    id: u64,
}

/// The two callbacks of [`Ctx`]: a metric rule's threshold and whether a rule is on.
pub(crate) struct Hooks<'a>(
    pub(crate) &'a dyn Fn(usize) -> Option<f64>,
    pub(crate) &'a dyn Fn(usize) -> bool,
);

/// Source of [`Analyzer::id`].
static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl Analyzer {
    /// An analyser for `rules` under `settings`.
    pub fn new(rules: impl Into<Arc<RuleSet>>, settings: Settings) -> Self {
        let rules = rules.into();
        let enabled = rules
            .rules()
            .iter()
            .map(|r| rule_enabled(&settings, r))
            .collect();
        let extra_words = settings
            .extra_words
            .iter()
            .map(|w| w.trim().to_lowercase())
            .filter(|w| !w.is_empty())
            .collect();
        Analyzer {
            rules,
            settings,
            enabled,
            extra_words: Arc::new(extra_words),
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }

    /// The rule set.
    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// The settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Whether the rule with this id is on.
    pub fn is_enabled(&self, id: &str) -> bool {
        self.rules
            .rules()
            .iter()
            .position(|r| &*r.id == id)
            .is_some_and(|i| self.enabled[i])
    }

    fn severity_of(&self, r: &RuleInfo) -> Severity {
        let s = &self.settings.severity;
        s.get(&*r.id)
            .or_else(|| (!r.name.is_empty()).then(|| s.get(&r.name)).flatten())
            .or_else(|| s.get(r.category.as_str()))
            .copied()
            .unwrap_or_else(|| r.severity_for(&self.settings.profile))
    }

    /// Segments `text` (tokens and sentences) without running rules.
    pub fn segment(&self, text: &str) -> Segmented {
        segment::segment(text)
    }

    /// The morphological readings of every word token of `text` (segmented
    /// as `seg`), one analysis per distinct form.
    pub fn annotate(&self, text: &str, seg: &Segmented) -> Annotations {
        Annotations::new(text, seg, Morphology::embedded())
    }

    /// Checks `text`.
    pub fn check(&self, text: &str) -> Report {
        let seg = segment::segment(text);
        self.check_segmented(text, &seg)
    }

    /// Checks `text` that was already segmented.
    pub fn check_segmented(&self, text: &str, seg: &Segmented) -> Report {
        let (metrics, sentences) = readability::measure(text, seg, &self.settings.thresholds);
        let lower = lowercase(text, seg);
        let morph = LazyAnnotations::new(text, seg, Morphology::embedded);
        let max_for = |i| self.max_for(i);
        let enabled = |i: usize| self.enabled[i];
        let mut hits: Vec<Hit> = Vec::new();
        let ctx = self.ctx(
            Hooks(&max_for, &enabled),
            text,
            seg,
            &lower,
            &metrics,
            &sentences,
            &morph,
        );
        self.run_engines(&ctx, |_| true, &mut hits);
        self.filter_document(&ctx, &mut hits);
        let diagnostics = self.finish(text, hits);
        Report {
            diagnostics,
            metrics,
            sentences,
        }
    }

    /// The context engines see.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn ctx<'a>(
        &'a self,
        hooks: Hooks<'a>,
        text: &'a str,
        seg: &'a Segmented,
        lower: &'a [String],
        metrics: &'a DocumentMetrics,
        sentences: &'a [SentenceMetrics],
        morph: &'a LazyAnnotations<'a>,
    ) -> Ctx<'a> {
        Ctx {
            text,
            seg,
            lower,
            metrics,
            sentence_metrics: sentences,
            profile: &self.settings.profile,
            max_for: hooks.0,
            enabled: hooks.1,
            english: self.settings.lang == Lang::En,
            morph,
            extra_words: &self.extra_words,
        }
    }

    /// Runs the engines `pick` selects, keeping hits of rules that are on.
    pub(crate) fn run_engines(
        &self,
        ctx: &Ctx<'_>,
        pick: impl Fn(Scope) -> bool,
        hits: &mut Vec<Hit>,
    ) {
        let before = hits.len();
        for e in self.rules.engines.iter().filter(|e| pick(e.scope())) {
            e.run(ctx, hits);
        }
        let new = hits.split_off(before);
        hits.extend(new.into_iter().filter(|h| self.enabled[h.rule]));
    }

    /// Lets every engine drop hits that a document-wide fact rules out (see
    /// [`crate::rules::kind::Engine::filter_document`]); `ctx` covers the whole text.
    pub(crate) fn filter_document(&self, ctx: &Ctx<'_>, hits: &mut Vec<Hit>) {
        for e in &self.rules.engines {
            e.filter_document(ctx, hits);
        }
    }

    /// Threshold of metric rule `i` under the profile and settings.
    pub(crate) fn max_for(&self, i: usize) -> Option<f64> {
        let r = &self.rules.rules()[i];
        self.settings
            .max
            .get(&*r.id)
            .copied()
            .or_else(|| r.max_for(&self.settings.profile))
    }

    /// Whether rule `i` is on.
    pub(crate) fn enabled_at(&self, i: usize) -> bool {
        self.enabled[i]
    }

    /// Identifies this analyser's rules and settings (see [`Analyzer::id`]).
    pub(crate) fn id(&self) -> u64 {
        self.id
    }

    /// Hits of the whole text → sorted findings with their messages.
    pub(crate) fn finish(&self, text: &str, mut hits: Vec<Hit>) -> Vec<Diagnostic> {
        dedup(&mut hits);
        let rules = self.rules.rules();
        let english = self.settings.lang == Lang::En;
        hits.into_iter()
            .map(|h| {
                let r = &rules[h.rule];
                let matched = &text[h.span.start..h.span.end];
                Diagnostic {
                    rule: r.id.clone(),
                    category: r.category,
                    severity: self.severity_of(r),
                    message: fill(r.message_in(english), matched, &h),
                    text: matched.to_string(),
                    span: h.span,
                    suggestions: h.suggestions,
                }
            })
            .collect()
    }
}

impl Analyzer {
    /// Fills in up to five spelling suggestions for the spelling findings of
    /// `report` that have none, for at most `max_words` distinct words (the
    /// rest keep an empty list). Suggestions cost milliseconds per word, so
    /// checking never computes them; front ends call this where their
    /// output shows them (the CLI for human and JSON output, the LSP for a
    /// code action).
    pub fn fill_spelling_suggestions(&self, report: &mut Report, max_words: usize) {
        let mut done: HashMap<String, Vec<String>> = HashMap::new();
        for d in &mut report.diagnostics {
            if d.category != crate::Category::Spelling || !d.suggestions.is_empty() {
                continue;
            }
            let words = match done.get(&d.text) {
                Some(w) => w.clone(),
                None if done.len() < max_words => {
                    let w = crate::morph::spelling_suggestions(&d.text, 5);
                    done.insert(d.text.clone(), w.clone());
                    w
                }
                None => continue,
            };
            d.suggestions = words
                .into_iter()
                .map(|w| crate::Suggestion {
                    replacement: w,
                    span: d.span,
                    safe: false,
                    note: None,
                })
                .collect();
        }
    }

    /// Turns structural facts (found by a format reader) into findings of the `structure`
    /// rules that report them, under the same profile, `disable`/`enable`/`only` and
    /// severity settings as [`Analyzer::check`]. Returns each finding with the index of
    /// its fact in `facts`, so the caller can place it in the source. `text` is the
    /// analysed text the facts' spans point into.
    pub fn check_facts(&self, text: &str, facts: &[crate::Fact]) -> Vec<(usize, Diagnostic)> {
        let rules = self.rules.rules();
        let english = self.settings.lang == Lang::En;
        let mut out = Vec::new();
        let mut idx = Vec::new();
        for (i, f) in facts.iter().enumerate() {
            idx.clear();
            for e in &self.rules.engines {
                e.fact_rules(&f.name, &mut idx);
            }
            for &ri in &idx {
                if !self.enabled[ri] {
                    continue;
                }
                let r = &rules[ri];
                let matched = text.get(f.span.start..f.span.end).unwrap_or("");
                let hit = Hit {
                    rule: ri,
                    span: f.span,
                    suggestions: Vec::new(),
                    value: None,
                    max: None,
                };
                let message =
                    fill(r.message_in(english), matched, &hit).replace("{detail}", &f.detail);
                out.push((
                    i,
                    Diagnostic {
                        rule: r.id.clone(),
                        category: r.category,
                        severity: self.severity_of(r),
                        message,
                        text: if matched.is_empty() {
                            f.detail.clone()
                        } else {
                            matched.to_string()
                        },
                        span: f.span,
                        suggestions: Vec::new(),
                    },
                ));
            }
        }
        out
    }
}

/// Sorts hits by position and drops a hit of a rule that lies inside another hit of the
/// same rule.
fn dedup(hits: &mut Vec<Hit>) {
    hits.sort_by(|a, b| {
        (a.span.start, std::cmp::Reverse(a.span.end), a.rule).cmp(&(
            b.span.start,
            std::cmp::Reverse(b.span.end),
            b.rule,
        ))
    });
    let mut kept: Vec<Hit> = Vec::with_capacity(hits.len());
    for h in hits.drain(..) {
        let inside = kept
            .iter()
            .rev()
            .take_while(|k| k.span.end > h.span.start)
            .any(|k| k.rule == h.rule && k.span.contains(h.span));
        if !inside {
            kept.push(h);
        }
    }
    *hits = kept;
}

/// Lower-cased token texts, parallel to `seg.tokens`.
fn lowercase(text: &str, seg: &Segmented) -> Vec<String> {
    seg.tokens
        .iter()
        .map(|t| t.text(text).to_lowercase())
        .collect()
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v:.1}")
    }
}

fn fill(template: &str, matched: &str, h: &Hit) -> String {
    let mut s = template.replace("{text}", matched);
    if let Some(v) = h.value {
        s = s.replace("{value}", &fmt_num(v));
    }
    if let Some(m) = h.max {
        s = s.replace("{max}", &fmt_num(m));
    }
    if let Some(first) = h.suggestions.first() {
        s = s.replace("{suggestion}", &first.replacement);
    }
    s
}

/// Applies non-overlapping suggestions to `text` (the first suggestion of each
/// diagnostic for which `pick` returns true), returning the new text.
pub fn apply_suggestions(
    text: &str,
    diagnostics: &[Diagnostic],
    pick: impl Fn(&Diagnostic) -> bool,
) -> String {
    let mut edits: Vec<(Span, &str)> = diagnostics
        .iter()
        .filter(|d| pick(d))
        .filter_map(|d| {
            d.suggestions
                .first()
                .map(|s| (s.span, s.replacement.as_str()))
        })
        .collect();
    edits.sort_by_key(|e| e.0.start);
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for (span, repl) in edits {
        if span.start < pos || span.end > text.len() {
            continue; // overlaps an earlier edit
        }
        out.push_str(&text[pos..span.start]);
        out.push_str(repl);
        pos = span.end;
    }
    out.push_str(&text[pos..]);
    out
}

#[cfg(test)]
mod enable_tests {
    use super::*;

    fn on(s: Settings, id: &str) -> bool {
        let rules = RuleSet::embedded().unwrap();
        Analyzer::new(rules, s).is_enabled(id)
    }

    #[test]
    fn a_rule_beats_its_category() {
        let s = Settings {
            disable: vec!["officialese".into()],
            enable: vec!["OF001".into()],
            ..Settings::default()
        };
        assert!(on(s.clone(), "OF001"));
        assert!(!on(s, "OF002"));
        let s = Settings {
            enable: vec!["officialese".into()],
            disable: vec!["OF001".into()],
            ..Settings::default()
        };
        assert!(!on(s, "OF001"));
    }

    #[test]
    fn on_a_tie_disable_wins() {
        let s = Settings {
            disable: vec!["OF001".into()],
            enable: vec!["of001".into()],
            ..Settings::default()
        };
        assert!(!on(s, "OF001"));
    }
}
