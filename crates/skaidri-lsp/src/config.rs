//! Editor settings: what the client sends in `initializationOptions` and
//! `workspace/didChangeConfiguration`, and how they combine with `skaidri.toml`.
//!
//! Settings arrive as JSON, either flat (`{"profile": "…"}`) or under a `skaidri` key
//! (`{"skaidri": {"profile": "…"}}`, as VS Code sends a configuration section). Every key
//! is optional; a missing key keeps the value from `skaidri.toml`, then the default.
//! The VS Code extension's `package.json` mirrors this struct key by key.
//!
//! Precedence, lowest first: built-in defaults → `skaidri.toml` as `skaidri-config` reads
//! it for the document (every key, its `[[overrides]]`, dictionaries) → editor settings.
//! Disabled rules from both places add up (an editor `disable` also beats the file's
//! `enable` of the same selector, as `--disable` does on the command line); editor
//! thresholds replace only the values they set.

use serde::Deserialize;
use skaidri_core::rules::{RuleSet, PROFILES};
use skaidri_core::{Category, Lang, Settings};
use std::collections::HashMap;

/// Default debounce between the last keystroke and analysis, in milliseconds.
pub const DEFAULT_DEBOUNCE_MS: u64 = 200;

/// Readability thresholds as the editor sends them; unset fields keep the defaults.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ThresholdSettings {
    /// Upper LIX bounds of the bands "ļoti viegls", "viegls", "vidēji grūts", "grūts".
    pub lix_bands: Option<[f64; 4]>,
    /// A sentence with more words than this is hard.
    pub hard_sentence_words: Option<usize>,
    /// A sentence with more words than this is very hard.
    pub very_hard_sentence_words: Option<usize>,
    /// A sentence whose own LIX is above this (and with at least 10 words) is hard.
    pub hard_sentence_lix: Option<f64>,
}

/// Settings from the editor.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Config {
    /// Profile: `saprotama-valoda`, `viegla-valoda` or `normativie-akti`.
    pub profile: Option<String>,
    /// Message language: `lv` or `en`.
    pub lang: Option<String>,
    /// Rules or categories to turn off (ids, names or category names).
    pub disable: Vec<String>,
    /// Readability thresholds.
    pub thresholds: ThresholdSettings,
    /// Metric maxima by rule id, e.g. `{"SL001": 30}`.
    pub max: HashMap<String, f64>,
    /// Milliseconds to wait after the last change before analysing.
    pub debounce_ms: Option<u64>,
    /// Extra language ids to check as plain text (besides plaintext, markdown, html).
    pub language_ids: Vec<String>,
    /// Show hard sentences that no sentence-length rule flagged (as hints).
    pub hard_sentences: Option<bool>,
    /// Show the readability code lens at the top of the document.
    pub code_lens: Option<bool>,
    /// Link for a rule's documentation; `{id}` is replaced by the rule id. Unset: the
    /// rule's definition in the repository (see [`skaidri_config::docs`]) if the
    /// repository URL is real, else a page in the cache folder ([`crate::rule_docs`]).
    pub rule_docs_url: Option<String>,
}

/// Keys editor extensions keep in the same settings section for themselves.
const CLIENT_SIDE_KEYS: &[&str] = &["path", "trace", "enable", "serverPath"];

impl Config {
    /// Reads settings from the JSON the client sent. Returns the settings and warnings
    /// about values that could not be used (the rest is kept).
    pub fn from_json(value: &serde_json::Value) -> (Config, Vec<String>) {
        let inner = value.get("skaidri").unwrap_or(value);
        if inner.is_null() {
            return (Config::default(), Vec::new());
        }
        let Some(obj) = inner.as_object() else {
            return (
                Config::default(),
                vec![format!(
                    "skaidri: editor settings must be an object, not {inner}"
                )],
            );
        };
        // Key by key, so one bad value does not throw away the others.
        let mut warnings = Vec::new();
        let mut good = serde_json::Map::new();
        for (k, v) in obj {
            if CLIENT_SIDE_KEYS.contains(&k.as_str()) {
                continue;
            }
            let one =
                serde_json::Value::Object(serde_json::Map::from_iter([(k.clone(), v.clone())]));
            match serde_json::from_value::<Config>(one) {
                Ok(_) => {
                    good.insert(k.clone(), v.clone());
                }
                Err(e) => warnings.push(format!("skaidri: setting `{k}` ignored: {e}")),
            }
        }
        let config = serde_json::from_value(serde_json::Value::Object(good)).unwrap_or_default();
        (config, warnings)
    }

    /// Whether JSON looks like skaidri settings (used to decide whether to pull them).
    pub fn present_in(value: &serde_json::Value) -> bool {
        let inner = value.get("skaidri").unwrap_or(value);
        inner.as_object().is_some_and(|o| !o.is_empty())
    }

    /// Debounce in milliseconds.
    pub fn debounce_ms(&self) -> u64 {
        self.debounce_ms.unwrap_or(DEFAULT_DEBOUNCE_MS)
    }

    /// Whether hard-sentence hints are shown.
    pub fn hard_sentences(&self) -> bool {
        self.hard_sentences.unwrap_or(true)
    }

    /// Whether the readability code lens is shown.
    pub fn code_lens(&self) -> bool {
        self.code_lens.unwrap_or(true)
    }

    /// The documentation link of a rule: the editor's `ruleDocsUrl` template if set,
    /// else the rule's definition in the repository ([`skaidri_config::docs`]); `None`
    /// when there is no real page to link to (then [`crate::rule_docs`] writes one).
    pub fn rule_docs_url(&self, id: &str) -> Option<String> {
        match &self.rule_docs_url {
            Some(t) => Some(t.replace("{id}", id)),
            None => skaidri_config::docs::rule_docs_url(id),
        }
    }

    /// Applies these settings on top of `base` (the settings `skaidri.toml` gives the
    /// document, or the defaults). Returns the settings and warnings about values that
    /// were ignored (unknown profile, language or rule).
    pub fn to_settings(&self, base: Settings, rules: &RuleSet) -> (Settings, Vec<String>) {
        let mut warnings = Vec::new();
        let mut s = base;
        let origin = "editor settings";
        if let Some(p) = &self.profile {
            if PROFILES.contains(&p.as_str()) {
                s.profile = p.clone();
            } else {
                warnings.push(format!(
                    "{origin}: unknown profile `{p}`; expected one of: {}",
                    PROFILES.join(", ")
                ));
            }
        }
        if let Some(l) = &self.lang {
            match Lang::parse(l) {
                Some(l) => s.lang = l,
                None => warnings.push(format!(
                    "{origin}: unknown language `{l}`; expected lv or en"
                )),
            }
        }
        for sel in &self.disable {
            if rules.get(sel).is_none() && Category::parse(sel).is_none() {
                warnings.push(format!("{origin}: unknown rule or category `{sel}`"));
            }
            s.enable.retain(|e| !e.eq_ignore_ascii_case(sel));
            s.disable.push(sel.clone());
        }
        let t = &self.thresholds;
        if let Some(v) = t.lix_bands {
            s.thresholds.lix_bands = v;
        }
        if let Some(v) = t.hard_sentence_words {
            s.thresholds.hard_sentence_words = v;
        }
        if let Some(v) = t.very_hard_sentence_words {
            s.thresholds.very_hard_sentence_words = v;
        }
        if let Some(v) = t.hard_sentence_lix {
            s.thresholds.hard_sentence_lix = v;
        }
        for (k, v) in &self.max {
            match rules.get(k) {
                Some(r) => {
                    s.max.insert(r.id.to_string(), *v);
                }
                None => warnings.push(format!("{origin}: `max` names unknown rule `{k}`")),
            }
        }
        (s, warnings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use skaidri_core::readability::Thresholds;

    fn rules() -> RuleSet {
        RuleSet::embedded().unwrap()
    }

    #[test]
    fn reads_flat_and_nested_settings() {
        let flat = json!({"profile": "viegla-valoda", "debounceMs": 50});
        let nested = json!({"skaidri": {"profile": "viegla-valoda", "debounceMs": 50}});
        let (a, wa) = Config::from_json(&flat);
        let (b, wb) = Config::from_json(&nested);
        assert_eq!(a, b);
        assert!(wa.is_empty() && wb.is_empty());
        assert_eq!(a.debounce_ms(), 50);
        assert_eq!(Config::default().debounce_ms(), DEFAULT_DEBOUNCE_MS);
    }

    #[test]
    fn bad_settings_are_reported_not_fatal() {
        let (c, w) = Config::from_json(
            &json!({"debounceMs": "soon", "profile": "viegla-valoda", "profil": "x", "trace": {"server": "off"}}),
        );
        assert_eq!(c.profile.as_deref(), Some("viegla-valoda"));
        assert_eq!(c.debounce_ms(), DEFAULT_DEBOUNCE_MS);
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(w.iter().any(|w| w.contains("`debounceMs`")), "{w:?}");
        assert!(w.iter().any(|w| w.contains("`profil`")), "{w:?}");
    }

    #[test]
    fn editor_settings_override_project_file() {
        let file = skaidri_config::Config::parse(
            std::path::Path::new("skaidri.toml"),
            "profile = \"normativie-akti\"\nlang = \"en\"\ndisable = [\"OF001\"]\n\
             enable = [\"BA001\"]\n[thresholds]\nsentence_words = 12\nhard_sentence_words = 15\n",
        )
        .unwrap();
        let base = file
            .settings(std::path::Path::new("a.txt"), &rules())
            .unwrap();
        let (c, _) = Config::from_json(&json!({"profile": "viegla-valoda", "disable": ["BA001"],
            "thresholds": {"hardSentenceLix": 70.0}, "max": {"SL001": 40}}));
        let (s, w) = c.to_settings(base, &rules());
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(s.profile, "viegla-valoda");
        assert_eq!(s.lang, Lang::En);
        assert_eq!(s.disable, vec!["OF001".to_string(), "BA001".to_string()]);
        assert!(s.enable.is_empty(), "{:?}", s.enable);
        // The file's thresholds stay unless the editor sets the same one.
        assert_eq!(s.thresholds.hard_sentence_words, 15);
        assert_eq!(s.thresholds.hard_sentence_lix, 70.0);
        assert_eq!(s.max.get("SL001"), Some(&40.0));
    }

    #[test]
    fn unknown_values_warn_and_keep_defaults() {
        let (c, _) = Config::from_json(
            &json!({"profile": "nav", "lang": "de", "disable": ["XX999"], "thresholds": {"hardSentenceWords": 12}}),
        );
        let (s, w) = c.to_settings(Settings::default(), &rules());
        assert_eq!(w.len(), 3, "{w:?}");
        assert_eq!(s.profile, skaidri_core::rules::DEFAULT_PROFILE);
        assert_eq!(s.lang, Lang::Lv);
        assert_eq!(s.thresholds.hard_sentence_words, 12);
        assert_eq!(s.thresholds.lix_bands, Thresholds::default().lix_bands);
    }

    #[test]
    fn rule_docs_url_template() {
        let c = Config {
            rule_docs_url: Some("https://docs.example/r/{id}".into()),
            ..Config::default()
        };
        assert_eq!(
            c.rule_docs_url("OF001").as_deref(),
            Some("https://docs.example/r/OF001")
        );
        // Without a template: the shared link, which is never the placeholder host.
        assert_eq!(
            Config::default().rule_docs_url("OF001"),
            skaidri_config::docs::rule_docs_url("OF001")
        );
        assert!(!Config::default()
            .rule_docs_url("OF001")
            .is_some_and(|u| u.contains(".invalid")));
    }
}
