//! Turns command-line options into a validated rule set and core `Settings`.

use crate::args::RuleOpts;
use anyhow::{bail, Context, Result};
use skaidri_core::rules::{RuleSet, PROFILES};
use skaidri_core::{Lang, Settings};
use std::path::{Path, PathBuf};

/// Reads rule files given with `--rules` (files or folders of `*.toml`).
pub fn load_rules(extra: &[PathBuf]) -> Result<RuleSet> {
    let mut files: Vec<(String, String)> = Vec::new();
    for p in extra {
        collect_rule_files(p, &mut files)?;
    }
    let rules = RuleSet::embedded_with(files.iter().map(|(n, s)| (n.as_str(), s.as_str())))?;
    Ok(rules)
}

fn collect_rule_files(p: &Path, out: &mut Vec<(String, String)>) -> Result<()> {
    let meta =
        std::fs::metadata(p).with_context(|| format!("{}: cannot read rules", p.display()))?;
    if meta.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
            .with_context(|| format!("{}: cannot list rule folder", p.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for e in entries {
            if e.is_dir() || e.extension().is_some_and(|x| x == "toml") {
                collect_rule_files(&e, out)?;
            }
        }
    } else {
        let text = std::fs::read_to_string(p)
            .with_context(|| format!("{}: cannot read rule file", p.display()))?;
        out.push((p.display().to_string(), text));
    }
    Ok(())
}

/// Builds core settings from options.
pub fn settings(opts: &RuleOpts, rules: &RuleSet) -> Result<Settings> {
    let mut s = Settings::default();
    if let Some(p) = &opts.profile {
        if !PROFILES.contains(&p.as_str()) {
            bail!(
                "unknown profile `{p}`; expected one of: {}",
                PROFILES.join(", ")
            );
        }
        s.profile = p.clone();
    }
    if let Some(l) = &opts.lang {
        s.lang =
            Lang::parse(l).with_context(|| format!("unknown language `{l}`; expected lv or en"))?;
    }
    for sel in opts.disable.iter().chain(&opts.only) {
        check_selector(sel, rules)?;
    }
    for d in &opts.dict {
        s.extra_words.extend(read_word_list(d)?);
    }
    s.disable = opts.disable.clone();
    if !opts.only.is_empty() {
        s.only = Some(opts.only.clone());
    }
    Ok(s)
}

/// Reads a user word list: one word per line; blank lines and `#` comments are skipped.
pub fn read_word_list(p: &Path) -> Result<Vec<String>> {
    let text = std::fs::read_to_string(p)
        .with_context(|| format!("{}: cannot read word list", p.display()))?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect())
}

/// A selector must name a rule (id or name) or a category.
pub fn check_selector(sel: &str, rules: &RuleSet) -> Result<()> {
    if rules.get(sel).is_some() || skaidri_core::Category::parse(sel).is_some() {
        Ok(())
    } else {
        bail!("unknown rule or category `{sel}` (see `skaidri rules`)")
    }
}

/// Whether English was asked for.
pub fn english(opts: &RuleOpts) -> bool {
    opts.lang.as_deref() == Some("en")
}

/// Applies command-line rule options on top of settings from a config file: `--profile`
/// and `--lang` replace, `--disable` adds (and wins over the config's `enable` of the
/// same selector), `--only` replaces. A field that [`settings`] learns to fill from a
/// new flag must be carried over here too.
pub fn apply_cli(s: &mut Settings, opts: &RuleOpts, rules: &RuleSet) -> Result<()> {
    let cli = settings(opts, rules)?;
    if opts.profile.is_some() {
        s.profile = cli.profile;
    }
    if opts.lang.is_some() {
        s.lang = cli.lang;
    }
    for d in cli.disable {
        s.enable.retain(|e| !e.eq_ignore_ascii_case(&d));
        s.disable.push(d);
    }
    if cli.only.is_some() {
        s.only = cli.only;
    }
    s.extra_words.extend(cli.extra_words);
    Ok(())
}
