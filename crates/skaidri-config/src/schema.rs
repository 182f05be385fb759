//! The on-disk format of `skaidri.toml`, as serde types.
//!
//! Every table denies unknown keys, so a misspelt key is an error that names its line and
//! column instead of silently doing nothing. Values that need checking against the rule
//! set (selectors, severities) keep their span ([`toml::Spanned`]) so that errors found
//! after parsing can still point at them. `editors/schemas/skaidri.schema.json` describes
//! the same format for TOML editors; a test keeps the two in step.

use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// A whole `skaidri.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    /// Profile: `saprotama-valoda`, `viegla-valoda` or `normativie-akti`.
    #[serde(default)]
    pub profile: Option<Spanned<String>>,
    /// Message language: `lv` or `en`.
    #[serde(default)]
    pub lang: Option<Spanned<String>>,
    /// Rules or categories to turn off.
    #[serde(default)]
    pub disable: Vec<Spanned<String>>,
    /// Rules or categories to turn on (beats a broader `disable` and the profile).
    #[serde(default)]
    pub enable: Vec<Spanned<String>>,
    /// If set, only these rules or categories run.
    #[serde(default)]
    pub only: Option<Vec<Spanned<String>>>,
    /// Severity per rule or category.
    #[serde(default)]
    pub severity: BTreeMap<String, Spanned<String>>,
    /// Thresholds of metric rules and readability bands.
    #[serde(default)]
    pub thresholds: Option<RawThresholds>,
    /// Extra rule files or folders, relative to the config file.
    #[serde(default)]
    pub rules: Vec<Spanned<String>>,
    /// Word lists, relative to the config file.
    #[serde(default)]
    pub dictionaries: Vec<Spanned<String>>,
    /// HTML: do not check `<nav>`, `<header>` and `<footer>` (site menus and footers).
    #[serde(default)]
    pub skip_nav: Option<bool>,
    /// If set, a directory walk checks only files matching one of these globs.
    #[serde(default)]
    pub include: Vec<Spanned<String>>,
    /// A directory walk skips files and folders matching one of these globs.
    #[serde(default)]
    pub exclude: Vec<Spanned<String>>,
    /// Settings for files matching globs; later entries win.
    #[serde(default)]
    pub overrides: Vec<RawOverride>,
}

/// One `[[overrides]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOverride {
    /// Globs of the files this override applies to.
    pub files: Spanned<Vec<Spanned<String>>>,
    /// Profile.
    #[serde(default)]
    pub profile: Option<Spanned<String>>,
    /// Message language.
    #[serde(default)]
    pub lang: Option<Spanned<String>>,
    /// Rules or categories to turn off.
    #[serde(default)]
    pub disable: Vec<Spanned<String>>,
    /// Rules or categories to turn on.
    #[serde(default)]
    pub enable: Vec<Spanned<String>>,
    /// If set, only these rules or categories run.
    #[serde(default)]
    pub only: Option<Vec<Spanned<String>>>,
    /// Severity per rule or category.
    #[serde(default)]
    pub severity: BTreeMap<String, Spanned<String>>,
    /// Thresholds.
    #[serde(default)]
    pub thresholds: Option<RawThresholds>,
    /// HTML: do not check `<nav>`, `<header>` and `<footer>`.
    #[serde(default)]
    pub skip_nav: Option<bool>,
}

/// The `[thresholds]` table.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawThresholds {
    /// Most words in a sentence before `SL001` (long sentence) fires.
    #[serde(default)]
    pub sentence_words: Option<Spanned<f64>>,
    /// Most words in a sentence before `SL002` (very long sentence) fires.
    #[serde(default)]
    pub very_long_sentence_words: Option<Spanned<f64>>,
    /// Most letters in a word before `WC001` (long word) fires.
    #[serde(default)]
    pub word_letters: Option<Spanned<f64>>,
    /// Highest document LIX before `RD001` (hard text) fires.
    #[serde(default)]
    pub document_lix: Option<Spanned<f64>>,
    /// Upper LIX bounds of the bands very easy, easy, medium, hard (four rising numbers).
    #[serde(default)]
    pub lix_bands: Option<Spanned<Vec<f64>>>,
    /// A sentence with more words is counted as hard in the summary.
    #[serde(default)]
    pub hard_sentence_words: Option<Spanned<i64>>,
    /// A sentence with more words is counted as very hard in the summary.
    #[serde(default)]
    pub very_hard_sentence_words: Option<Spanned<i64>>,
    /// A sentence whose own LIX is higher is counted as hard.
    #[serde(default)]
    pub hard_sentence_lix: Option<Spanned<f64>>,
    /// The maximum of any metric rule, by id or name.
    #[serde(default)]
    pub max: BTreeMap<String, Spanned<f64>>,
}

/// Named threshold keys and the metric rule each one sets.
pub const THRESHOLD_RULES: &[(&str, &str)] = &[
    ("sentence_words", "SL001"),
    ("very_long_sentence_words", "SL002"),
    ("word_letters", "WC001"),
    ("document_lix", "RD001"),
];
