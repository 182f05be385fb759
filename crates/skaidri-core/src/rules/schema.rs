//! The on-disk rule format (version 1), as serde types. See `rules/SCHEMA.md`.
//!
//! A rule file holds `schema = 1` and any number of `[[rule]]` tables. Unknown keys are
//! errors, so a misspelt key never silently does nothing.

use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// A whole rule file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    /// Format version; 1 when absent.
    #[serde(default)]
    pub schema: Option<Spanned<i64>>,
    /// The rules.
    #[serde(default)]
    pub rule: Vec<Spanned<RawRule>>,
}

/// One `[[rule]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    /// Stable id, e.g. `OF001`.
    pub id: Spanned<String>,
    /// Optional readable slug, e.g. `sakara-ar`.
    #[serde(default)]
    pub name: Option<String>,
    /// Rule kind: `phrase`, `regex`, `metric`, …
    pub kind: Spanned<String>,
    /// Category name.
    pub category: Spanned<String>,
    /// Default severity.
    #[serde(default)]
    pub severity: Option<Spanned<String>>,
    /// Latvian message.
    pub message: String,
    /// English message.
    #[serde(default)]
    pub message_en: Option<String>,
    /// Latvian explanation (Ko tas pārbauda / Kāpēc tas ir svarīgi / Piemērs).
    pub explanation: String,
    /// English explanation.
    #[serde(default)]
    pub explanation_en: Option<String>,
    /// Where the advice comes from.
    #[serde(default)]
    pub source: Option<String>,
    /// Phrase patterns (kind `phrase`).
    #[serde(default)]
    pub patterns: Vec<Spanned<String>>,
    /// A regular expression (kind `regex`).
    #[serde(default)]
    pub pattern: Option<Spanned<String>>,
    /// Structural kinds (`passive`, `nominalization`, …): which construction the rule
    /// looks for (see each kind in `rules/SCHEMA.md`).
    #[serde(default)]
    pub variant: Option<Spanned<String>>,
    /// Kind `lemma`: also match the pattern's elements in reverse order.
    #[serde(default)]
    pub any_order: bool,
    /// Skip a phrase match when the words right after it match one of these patterns.
    #[serde(default)]
    pub unless_next: Vec<Spanned<String>>,
    /// Skip a phrase match when the words right before it match one of these patterns.
    #[serde(default)]
    pub unless_prev: Vec<Spanned<String>>,
    /// The measured quantity (kind `metric`).
    #[serde(default)]
    pub metric: Option<Spanned<String>>,
    /// The structural fact reported (kind `structure`).
    #[serde(default)]
    pub fact: Option<Spanned<String>>,
    /// The largest acceptable value (kind `metric`).
    #[serde(default)]
    pub max: Option<f64>,
    /// Per-profile maxima.
    #[serde(default)]
    pub max_in: BTreeMap<String, f64>,
    /// Replacements, best first.
    #[serde(default)]
    pub suggestions: Vec<String>,
    /// Whether the first suggestion may be applied automatically.
    #[serde(default)]
    pub safe: bool,
    /// Profiles in which the rule is off.
    #[serde(default)]
    pub disabled_in: Vec<Spanned<String>>,
    /// Profiles outside which the rule is off.
    #[serde(default)]
    pub only_in: Vec<Spanned<String>>,
    /// Per-profile severities.
    #[serde(default)]
    pub severity_in: BTreeMap<String, Spanned<String>>,
    /// Examples; they run as tests.
    #[serde(default)]
    pub example: Vec<RawExample>,
}

/// A bad → good example.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExample {
    /// Text the rule must flag.
    pub bad: String,
    /// A better wording the rule must leave alone.
    pub good: String,
    /// What `bad` becomes when the first safe suggestion is applied.
    #[serde(default)]
    pub fixed: Option<String>,
}
