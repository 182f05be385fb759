//! # skaidri-config
//!
//! Finds, reads and validates `skaidri.toml` (or `.skaidri.toml`), and turns it into the
//! core's [`skaidri_core::Settings`] for one file. Shared by the CLI and the LSP server,
//! which is why it does file I/O but no printing.
//!
//! Brief overview:
//! - [`Config::load`] / [`Config::parse`]: one config file, validated; errors are
//!   [`ConfigError`]s that name file, line, column and key.
//! - [`find_config`] walks up from a directory to the nearest config file;
//!   [`Discovery`] does the same with a cache, safe to share between threads.
//! - [`Config::settings`] applies the file's keys and the `[[overrides]]` that match a
//!   path onto [`skaidri_core::Settings`], checking rule names against a rule set.
//! - [`docs`] builds the documentation link of a rule (LSP `codeDescription`, SARIF
//!   `helpUri`).
//! - [`suppress`] parses suppression comments (`<!-- skaidri-disable RULE -->`,
//!   `skaidri: disable RULE`) and decides which findings they silence.
//!
//! ```
//! use skaidri_config::Config;
//! use skaidri_core::rules::RuleSet;
//! let cfg = Config::parse("skaidri.toml".as_ref(), "profile = \"viegla-valoda\"\ndisable = [\"officialese\"]\n").unwrap();
//! let rules = RuleSet::embedded().unwrap();
//! let settings = cfg.settings("skaidri.toml".as_ref(), &rules).unwrap();
//! assert_eq!(settings.profile, "viegla-valoda");
//! ```
#![deny(missing_docs)]

pub mod docs;
mod error;
mod pattern;
pub mod schema;
pub mod suppress;

pub use error::ConfigError;

use pattern::Pattern;
use schema::{RawConfig, RawOverride, RawThresholds, THRESHOLD_RULES};
use skaidri_core::rules::{RuleSet, PROFILES};
use skaidri_core::text::LineIndex;
use skaidri_core::{Category, Lang, Settings, Severity};
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use toml::Spanned;

/// File names of a config file, in the order they are looked for in one directory.
pub const CONFIG_NAMES: &[&str] = &["skaidri.toml", ".skaidri.toml"];

/// One loaded and validated config file.
#[derive(Debug)]
pub struct Config {
    path: PathBuf,
    dir: PathBuf,
    source: String,
    lines: LineIndex,
    raw: RawConfig,
    include: Vec<Pattern>,
    exclude: Vec<Pattern>,
    overrides: Vec<Vec<Pattern>>,
}

impl Config {
    /// Reads and validates the config file at `path`.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let source = std::fs::read_to_string(path).map_err(|e| ConfigError::Io {
            path: path.to_path_buf(),
            source: e,
        })?;
        Config::parse(path, &source)
    }

    /// Validates config text; `path` names it in errors and anchors relative paths.
    pub fn parse(path: &Path, source: &str) -> Result<Config, ConfigError> {
        let lines = LineIndex::new(source);
        let at = |span: Range<usize>, key: Option<String>, message: String| {
            let p = lines.position(source, span.start);
            ConfigError::Invalid {
                path: path.to_path_buf(),
                line: p.line,
                column: p.column,
                key,
                message,
            }
        };
        let raw: RawConfig = toml::from_str(source).map_err(|e| {
            let msg = e.message().to_string();
            let key = msg
                .strip_prefix("unknown field `")
                .and_then(|r| r.split('`').next())
                .map(str::to_string);
            at(e.span().unwrap_or(0..0), key, msg)
        })?;
        let check_common = |profile: &Option<Spanned<String>>,
                            lang: &Option<Spanned<String>>,
                            severity: &std::collections::BTreeMap<String, Spanned<String>>,
                            thresholds: &Option<RawThresholds>,
                            prefix: &str|
         -> Result<(), ConfigError> {
            if let Some(p) = profile {
                if !PROFILES.contains(&p.get_ref().as_str()) {
                    return Err(at(
                        p.span(),
                        Some(format!("{prefix}profile")),
                        format!(
                            "unknown profile `{}`; expected one of: {}",
                            p.get_ref(),
                            PROFILES.join(", ")
                        ),
                    ));
                }
            }
            if let Some(l) = lang {
                if Lang::parse(l.get_ref()).is_none() {
                    return Err(at(
                        l.span(),
                        Some(format!("{prefix}lang")),
                        format!("unknown language `{}`; expected lv or en", l.get_ref()),
                    ));
                }
            }
            for (k, v) in severity {
                if Severity::parse(v.get_ref()).is_none() {
                    return Err(at(
                        v.span(),
                        Some(format!("{prefix}severity.{k}")),
                        format!(
                            "unknown severity `{}`; expected error, warning, info or hint",
                            v.get_ref()
                        ),
                    ));
                }
            }
            if let Some(t) = thresholds {
                check_thresholds(t, &|s, k, m| {
                    at(s, Some(format!("{prefix}thresholds.{k}")), m)
                })?;
            }
            Ok(())
        };
        check_common(&raw.profile, &raw.lang, &raw.severity, &raw.thresholds, "")?;
        for (i, o) in raw.overrides.iter().enumerate() {
            let prefix = format!("overrides[{i}].");
            check_common(&o.profile, &o.lang, &o.severity, &o.thresholds, &prefix)?;
            if o.files.get_ref().is_empty() {
                return Err(at(
                    o.files.span(),
                    Some(format!("{prefix}files")),
                    "an override needs at least one glob in `files`".into(),
                ));
            }
        }
        let globs = |list: &[Spanned<String>], key: &str| -> Result<Vec<Pattern>, ConfigError> {
            list.iter()
                .map(|g| {
                    Pattern::new(g.get_ref()).map_err(|m| at(g.span(), Some(key.to_string()), m))
                })
                .collect()
        };
        let include = globs(&raw.include, "include")?;
        let exclude = globs(&raw.exclude, "exclude")?;
        let overrides = raw
            .overrides
            .iter()
            .enumerate()
            .map(|(i, o)| globs(o.files.get_ref(), &format!("overrides[{i}].files")))
            .collect::<Result<Vec<_>, _>>()?;
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let cfg = Config {
            path: path.to_path_buf(),
            dir,
            source: source.to_string(),
            lines,
            raw,
            include,
            exclude,
            overrides,
        };
        for (key, list) in [
            ("rules", &cfg.raw.rules),
            ("dictionaries", &cfg.raw.dictionaries),
        ] {
            for p in list {
                if !cfg.dir.join(p.get_ref()).exists() {
                    return Err(cfg.err(
                        p.span(),
                        key,
                        format!(
                            "`{}` does not exist (paths are relative to the config file)",
                            p.get_ref()
                        ),
                    ));
                }
            }
        }
        Ok(cfg)
    }

    fn err(&self, span: Range<usize>, key: &str, message: String) -> ConfigError {
        let p = self.lines.position(&self.source, span.start);
        ConfigError::Invalid {
            path: self.path.clone(),
            line: p.line,
            column: p.column,
            key: Some(key.to_string()),
            message,
        }
    }

    /// The config file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The directory relative paths and globs are resolved against.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Extra rule files or folders (`rules = [...]`), resolved against [`Config::dir`].
    pub fn rule_paths(&self) -> Vec<PathBuf> {
        self.raw
            .rules
            .iter()
            .map(|p| self.dir.join(p.get_ref()))
            .collect()
    }

    /// Word lists (`dictionaries = [...]`), resolved against [`Config::dir`].
    pub fn dictionaries(&self) -> Vec<PathBuf> {
        self.raw
            .dictionaries
            .iter()
            .map(|p| self.dir.join(p.get_ref()))
            .collect()
    }

    fn relative<'a>(&self, file: &'a Path) -> std::borrow::Cow<'a, Path> {
        let abs = absolute(file);
        match abs.strip_prefix(absolute(&self.dir)) {
            Ok(rel) => std::borrow::Cow::Owned(rel.to_path_buf()),
            Err(_) => std::borrow::Cow::Borrowed(file),
        }
    }

    /// Whether a file found by walking a directory should be checked: it matches
    /// `include` (when set) and neither it nor a folder above it (below the config's
    /// directory) matches `exclude`.
    pub fn selects_walked_file(&self, file: &Path) -> bool {
        let rel = self.relative(file);
        if self
            .exclude
            .iter()
            .any(|p| p.matches_path_or_ancestor(&rel))
        {
            return false;
        }
        self.include.is_empty() || self.include.iter().any(|p| p.matches(&rel))
    }

    /// Whether `include` is set (then it decides which walked files are checked, instead
    /// of the default extensions).
    pub fn has_include(&self) -> bool {
        !self.include.is_empty()
    }

    /// Indices of the `[[overrides]]` that apply to `file`, in order. Files with the same
    /// list get the same settings.
    pub fn overrides_for(&self, file: &Path) -> Vec<usize> {
        let rel = self.relative(file);
        self.overrides
            .iter()
            .enumerate()
            .filter(|(_, pats)| pats.iter().any(|p| p.matches(&rel)))
            .map(|(i, _)| i)
            .collect()
    }

    /// Whether HTML site chrome (`<nav>`, `<header>`, `<footer>`) is skipped for a file
    /// with these overrides: the last matching override that says so wins, then the top
    /// level; off by default.
    pub fn skip_nav_with(&self, overrides: &[usize]) -> bool {
        overrides
            .iter()
            .rev()
            .filter_map(|&i| self.raw.overrides.get(i).and_then(|o| o.skip_nav))
            .next()
            .or(self.raw.skip_nav)
            .unwrap_or(false)
    }

    /// Core settings for `file`: defaults, then the file's top-level keys, then every
    /// matching override in order. Rule and category names are checked against `rules`.
    pub fn settings(&self, file: &Path, rules: &RuleSet) -> Result<Settings, ConfigError> {
        self.settings_with(&self.overrides_for(file), rules)
    }

    /// Like [`Config::settings`], with the override indices already known.
    pub fn settings_with(
        &self,
        overrides: &[usize],
        rules: &RuleSet,
    ) -> Result<Settings, ConfigError> {
        let mut s = Settings::default();
        let r = &self.raw;
        let top = Layer {
            profile: &r.profile,
            lang: &r.lang,
            disable: &r.disable,
            enable: &r.enable,
            only: &r.only,
            severity: &r.severity,
            thresholds: &r.thresholds,
            prefix: String::new(),
        };
        self.apply(&mut s, &top, rules)?;
        for &i in overrides {
            let Some(o): Option<&RawOverride> = r.overrides.get(i) else {
                continue;
            };
            let layer = Layer {
                profile: &o.profile,
                lang: &o.lang,
                disable: &o.disable,
                enable: &o.enable,
                only: &o.only,
                severity: &o.severity,
                thresholds: &o.thresholds,
                prefix: format!("overrides[{i}]."),
            };
            self.apply(&mut s, &layer, rules)?;
        }
        Ok(s)
    }

    fn apply(&self, s: &mut Settings, l: &Layer<'_>, rules: &RuleSet) -> Result<(), ConfigError> {
        let check = |sel: &Spanned<String>, key: &str| -> Result<(), ConfigError> {
            if valid_selector(sel.get_ref(), rules) {
                Ok(())
            } else {
                Err(self.err(
                    sel.span(),
                    &format!("{}{key}", l.prefix),
                    format!(
                        "unknown rule or category `{}` (see `skaidri rules`)",
                        sel.get_ref()
                    ),
                ))
            }
        };
        if let Some(p) = l.profile {
            s.profile = p.get_ref().clone();
        }
        if let Some(lang) = l.lang.as_ref().and_then(|x| Lang::parse(x.get_ref())) {
            s.lang = lang;
        }
        for d in l.disable {
            check(d, "disable")?;
            let v = d.get_ref();
            s.enable.retain(|e| !e.eq_ignore_ascii_case(v));
            s.disable.push(v.clone());
        }
        for e in l.enable {
            check(e, "enable")?;
            let v = e.get_ref();
            s.disable.retain(|d| !d.eq_ignore_ascii_case(v));
            s.enable.push(v.clone());
        }
        if let Some(only) = l.only {
            for o in only {
                check(o, "only")?;
            }
            s.only = Some(only.iter().map(|o| o.get_ref().clone()).collect());
        }
        for (k, v) in l.severity {
            if !valid_selector(k, rules) {
                return Err(self.err(
                    v.span(),
                    &format!("{}severity.{k}", l.prefix),
                    format!("unknown rule or category `{k}` (see `skaidri rules`)"),
                ));
            }
            if let Some(sev) = Severity::parse(v.get_ref()) {
                let key = rules.get(k).map(|r| r.id.to_string()).unwrap_or(k.clone());
                s.severity.insert(key, sev);
            }
        }
        if let Some(t) = l.thresholds {
            let named = [
                &t.sentence_words,
                &t.very_long_sentence_words,
                &t.word_letters,
                &t.document_lix,
            ];
            for (v, (_, id)) in named.iter().zip(THRESHOLD_RULES) {
                if let Some(v) = v {
                    s.max.insert(id.to_string(), *v.get_ref());
                }
            }
            for (k, v) in &t.max {
                match rules.get(k) {
                    Some(r) if r.kind == "metric" => {
                        s.max.insert(r.id.to_string(), *v.get_ref());
                    }
                    Some(r) => {
                        return Err(self.err(
                            v.span(),
                            &format!("{}thresholds.max.{k}", l.prefix),
                            format!("rule `{}` is a {} rule and has no maximum", r.id, r.kind),
                        ))
                    }
                    None => {
                        return Err(self.err(
                            v.span(),
                            &format!("{}thresholds.max.{k}", l.prefix),
                            format!("unknown rule `{k}` (see `skaidri rules`)"),
                        ))
                    }
                }
            }
            if let Some(b) = &t.lix_bands {
                let b = b.get_ref();
                s.thresholds.lix_bands = [b[0], b[1], b[2], b[3]];
            }
            if let Some(v) = &t.hard_sentence_words {
                s.thresholds.hard_sentence_words = *v.get_ref() as usize;
            }
            if let Some(v) = &t.very_hard_sentence_words {
                s.thresholds.very_hard_sentence_words = *v.get_ref() as usize;
            }
            if let Some(v) = &t.hard_sentence_lix {
                s.thresholds.hard_sentence_lix = *v.get_ref();
            }
        }
        Ok(())
    }
}

struct Layer<'a> {
    profile: &'a Option<Spanned<String>>,
    lang: &'a Option<Spanned<String>>,
    disable: &'a [Spanned<String>],
    enable: &'a [Spanned<String>],
    only: &'a Option<Vec<Spanned<String>>>,
    severity: &'a std::collections::BTreeMap<String, Spanned<String>>,
    thresholds: &'a Option<RawThresholds>,
    prefix: String,
}

/// Whether `sel` names a rule (id or name) or a category.
pub fn valid_selector(sel: &str, rules: &RuleSet) -> bool {
    rules.get(sel).is_some() || Category::parse(sel).is_some()
}

fn check_thresholds(
    t: &RawThresholds,
    err: &dyn Fn(Range<usize>, &str, String) -> ConfigError,
) -> Result<(), ConfigError> {
    let named = [
        ("sentence_words", &t.sentence_words),
        ("very_long_sentence_words", &t.very_long_sentence_words),
        ("word_letters", &t.word_letters),
        ("document_lix", &t.document_lix),
        ("hard_sentence_lix", &t.hard_sentence_lix),
    ];
    for (k, v) in named {
        if let Some(v) = v {
            if !(v.get_ref().is_finite() && *v.get_ref() > 0.0) {
                return Err(err(
                    v.span(),
                    k,
                    format!("must be a positive number, not {}", v.get_ref()),
                ));
            }
        }
    }
    for (k, v) in [
        ("hard_sentence_words", &t.hard_sentence_words),
        ("very_hard_sentence_words", &t.very_hard_sentence_words),
    ] {
        if let Some(v) = v {
            if *v.get_ref() <= 0 {
                return Err(err(
                    v.span(),
                    k,
                    format!("must be a positive whole number, not {}", v.get_ref()),
                ));
            }
        }
    }
    for (k, v) in &t.max {
        if !(v.get_ref().is_finite() && *v.get_ref() > 0.0) {
            return Err(err(
                v.span(),
                &format!("max.{k}"),
                format!("must be a positive number, not {}", v.get_ref()),
            ));
        }
    }
    if let Some(b) = &t.lix_bands {
        let v = b.get_ref();
        if v.len() != 4 || v.windows(2).any(|w| w[0] >= w[1]) {
            return Err(err(
                b.span(),
                "lix_bands",
                "needs four rising numbers: the upper LIX of very easy, easy, medium and hard"
                    .into(),
            ));
        }
    }
    Ok(())
}

/// `path` made absolute against the current directory (without resolving symlinks).
pub fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The nearest config file in `dir` or a directory above it. The path is relative to
/// the current directory when the file lies below it (so messages stay short).
pub fn find_config(dir: &Path) -> Option<PathBuf> {
    let dir = absolute(dir);
    let cwd = std::env::current_dir().ok();
    for d in dir.ancestors() {
        for name in CONFIG_NAMES {
            let p = d.join(name);
            if p.is_file() {
                let short = cwd
                    .as_deref()
                    .and_then(|c| p.strip_prefix(c).ok())
                    .map(Path::to_path_buf);
                return Some(short.unwrap_or(p));
            }
        }
    }
    None
}

/// Finds the nearest config for many files, loading each config file once. Safe to
/// share between threads.
#[derive(Debug, Default)]
pub struct Discovery {
    by_dir: Mutex<HashMap<PathBuf, Option<PathBuf>>>,
    loaded: Mutex<HashMap<PathBuf, Arc<Config>>>,
}

impl Discovery {
    /// An empty cache.
    pub fn new() -> Self {
        Self::default()
    }

    /// The config that applies to `file` (the nearest one above it), if any.
    pub fn for_file(&self, file: &Path) -> Result<Option<Arc<Config>>, ConfigError> {
        let abs = absolute(file);
        let dir = abs.parent().unwrap_or(Path::new("/")).to_path_buf();
        self.for_dir(&dir)
    }

    /// The config that applies to files in `dir`, if any.
    pub fn for_dir(&self, dir: &Path) -> Result<Option<Arc<Config>>, ConfigError> {
        let dir = absolute(dir);
        let found = {
            let mut cache = self.by_dir.lock().unwrap_or_else(|p| p.into_inner());
            cache
                .entry(dir.clone())
                .or_insert_with(|| find_config(&dir))
                .clone()
        };
        let Some(path) = found else {
            return Ok(None);
        };
        self.load(&path).map(Some)
    }

    /// Loads the config at `path` once.
    pub fn load(&self, path: &Path) -> Result<Arc<Config>, ConfigError> {
        if let Some(c) = self
            .loaded
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(path)
        {
            return Ok(c.clone());
        }
        let cfg = Arc::new(Config::load(path)?);
        self.loaded
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(path.to_path_buf(), cfg.clone());
        Ok(cfg)
    }
}

#[cfg(test)]
mod tests;
