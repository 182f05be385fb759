//! Rules as data: loading TOML rule files, validating them, and compiling them into a
//! [`RuleSet`] that the [`crate::Analyzer`] runs.
//!
//! - [`schema`]: the serde types of the file format (version 1).
//! - [`load`]: parsing and validation, with errors that name file, line, column and key.
//! - [`registry`]: which rule kinds exist and how each is compiled — one line per kind.
//! - [`kind`]: one module per rule kind (`phrase`, `regex`, `metric`).

pub mod kind;
pub mod load;
pub mod registry;
pub mod schema;

use crate::diagnostic::{Category, Severity};
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

pub use load::RuleError;
pub use schema::RawExample as Example;

/// The profiles a rule can be tuned for.
pub const PROFILES: &[&str] = &["saprotama-valoda", "viegla-valoda", "normativie-akti"];

/// The default profile.
pub const DEFAULT_PROFILE: &str = "saprotama-valoda";

/// Everything a front end needs to know about one rule.
#[derive(Debug, Clone)]
pub struct RuleInfo {
    /// Stable id, e.g. `OF001`.
    pub id: Arc<str>,
    /// Readable slug, e.g. `sakara-ar` (may be empty).
    pub name: String,
    /// Kind name, e.g. `phrase`.
    pub kind: String,
    /// Category.
    pub category: Category,
    /// Default severity.
    pub severity: Severity,
    /// Latvian message template (`{text}`, `{value}`, `{max}`).
    pub message: String,
    /// English message template.
    pub message_en: Option<String>,
    /// Latvian explanation.
    pub explanation: String,
    /// English explanation.
    pub explanation_en: Option<String>,
    /// Where the advice comes from.
    pub source: Option<String>,
    /// Replacements, best first.
    pub suggestions: Vec<String>,
    /// Whether the first suggestion is safe to apply automatically.
    pub safe: bool,
    /// Profiles in which the rule is off.
    pub disabled_in: Vec<String>,
    /// If not empty: the only profiles in which the rule is on.
    pub only_in: Vec<String>,
    /// Per-profile severities.
    pub severity_in: BTreeMap<String, Severity>,
    /// Default maximum (metric rules).
    pub max: Option<f64>,
    /// Per-profile maxima (metric rules).
    pub max_in: BTreeMap<String, f64>,
    /// Bad → good examples.
    pub examples: Vec<Example>,
    /// The file the rule came from (e.g. `rules/officialese.toml` or a user path).
    pub origin: String,
    /// The patterns as written (for documentation).
    pub patterns: Vec<String>,
}

/// `template` with every run of `$N` / `${name}` references replaced by «…».
fn display_template(template: &str) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    let mut in_run = false;
    while let Some(c) = rest.chars().next() {
        let reference_len = if c == '$' {
            let after = &rest[1..];
            if let Some(braced) = after.strip_prefix('{') {
                braced.find('}').map(|e| e + 3)
            } else {
                let digits = after.chars().take_while(char::is_ascii_digit).count();
                (digits > 0).then_some(digits + 1)
            }
        } else {
            None
        };
        match reference_len {
            Some(n) => {
                if !in_run {
                    out.push('…');
                    in_run = true;
                }
                rest = &rest[n..];
            }
            None => {
                out.push(c);
                in_run = false;
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

impl RuleInfo {
    /// The suggestions as a reader should see them in documentation: a
    /// suggestion built from the matched words (`$1 nekā`, `${stem}ā`,
    /// `šād${s}${e1}`) shows each run of group references as «…» («… nekā»,
    /// «…ā», «šād…»), since the words are only known at a match.
    pub fn suggestions_for_display(&self) -> Vec<String> {
        self.suggestions
            .iter()
            .map(|s| display_template(s))
            .collect()
    }

    /// Whether the rule runs in `profile`.
    pub fn active_in(&self, profile: &str) -> bool {
        !self.disabled_in.iter().any(|p| p == profile)
            && (self.only_in.is_empty() || self.only_in.iter().any(|p| p == profile))
    }
    /// Severity in `profile` (before config overrides).
    pub fn severity_for(&self, profile: &str) -> Severity {
        self.severity_in
            .get(profile)
            .copied()
            .unwrap_or(self.severity)
    }
    /// Maximum in `profile` (metric rules).
    pub fn max_for(&self, profile: &str) -> Option<f64> {
        self.max_in.get(profile).copied().or(self.max)
    }
    /// Message template in the requested language (English falls back to Latvian).
    pub fn message_in(&self, english: bool) -> &str {
        match (&self.message_en, english) {
            (Some(en), true) => en,
            _ => &self.message,
        }
    }
    /// Explanation in the requested language (English falls back to Latvian).
    pub fn explanation_in(&self, english: bool) -> &str {
        match (&self.explanation_en, english) {
            (Some(en), true) => en,
            _ => &self.explanation,
        }
    }
}

/// A compiled set of rules.
pub struct RuleSet {
    pub(crate) rules: Vec<RuleInfo>,
    pub(crate) engines: Vec<Box<dyn kind::Engine>>,
}

impl fmt::Debug for RuleSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RuleSet")
            .field("rules", &self.rules.len())
            .finish()
    }
}

impl RuleSet {
    /// The rules embedded in the binary at build time (the project's `rules/` folder).
    pub fn embedded() -> Result<RuleSet, RuleError> {
        Self::from_sources(crate::embedded::RULE_FILES.iter().copied())
    }

    /// Compiles rules from `(file name, contents)` pairs. A rule whose id was already
    /// defined by an earlier file replaces it, so user files override embedded ones.
    pub fn from_sources<'a, I>(files: I) -> Result<RuleSet, RuleError>
    where
        I: IntoIterator<Item = (&'a str, &'a str)>,
    {
        let mut parsed: Vec<load::Parsed> = Vec::new();
        for (name, src) in files {
            for rule in load::parse_file(name, src)? {
                if let Some(old) = parsed.iter_mut().find(|r| r.info.id == rule.info.id) {
                    *old = rule;
                } else {
                    parsed.push(rule);
                }
            }
        }
        registry::compile(parsed)
    }

    /// The embedded rules plus `extra` files (overriding by id).
    pub fn embedded_with<'a, I>(extra: I) -> Result<RuleSet, RuleError>
    where
        I: IntoIterator<Item = (&'a str, &'a str)>,
    {
        Self::from_sources(crate::embedded::RULE_FILES.iter().copied().chain(extra))
    }

    /// All rules, in load order.
    pub fn rules(&self) -> &[RuleInfo] {
        &self.rules
    }

    /// Looks up a rule by id (case-insensitive) or name.
    pub fn get(&self, id_or_name: &str) -> Option<&RuleInfo> {
        self.rules.iter().find(|r| {
            r.id.eq_ignore_ascii_case(id_or_name) || (!r.name.is_empty() && r.name == id_or_name)
        })
    }

    /// Number of rules.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// Whether there are no rules.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

#[cfg(test)]
mod display_tests {
    #[test]
    fn templates_show_an_ellipsis_for_matched_words() {
        let d = super::display_template;
        assert_eq!(d("šād${s}${e1}${i}${e2}"), "šād…");
        assert_eq!(d("$1 nekā"), "… nekā");
        assert_eq!(d("${stem}ā"), "…ā");
        assert_eq!(d("turpmāk minēt${full}"), "turpmāk minēt…");
        assert_eq!(d("par"), "par");
        assert_eq!(d("maksā $"), "maksā $");
    }
}
