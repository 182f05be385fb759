//! `skaidri check`: find the inputs, resolve each file's config into an analyser, check
//! the files in parallel, apply or show fixes, write the report, choose the exit code.
//!
//! Exit codes: 0 nothing at or above `--fail-on` and no document above `--max-lix`; 1
//! there was; 2 a usage, config, rule-file or input error (the other files are still
//! checked and reported). With `--diff`: 1 when there is something to fix, else 0.

use crate::args::{CheckArgs, CheckFormat, FailOn, FetchOpts};
use crate::document::{Kind, DEFAULT_EXTENSIONS};
use crate::engine::{self, Checked, FixMode, Job, Options, UNUSED_SUPPRESSION};
use crate::output::{self, InputError, RuleDoc, Run};
use crate::walk::{self, WalkOptions};
use crate::{fetch, fix, settings, EXIT_ERROR, EXIT_FINDINGS, EXIT_OK};
use anyhow::{bail, Result};
use rayon::prelude::*;
use skaidri_config::{Config, Discovery};
use skaidri_core::rules::RuleSet;
use skaidri_core::{Analyzer, Lang, Severity};
use std::collections::HashMap;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where configs come from.
enum Configs {
    /// The nearest `skaidri.toml` above each file.
    Discover(Discovery),
    /// One config for everything (`--config`), or none (`--isolated`).
    Fixed(Option<Arc<Config>>),
}

impl Configs {
    fn for_file(&self, file: &Path) -> Result<Option<Arc<Config>>, skaidri_config::ConfigError> {
        match self {
            Configs::Discover(d) => d.for_file(file),
            Configs::Fixed(c) => Ok(c.clone()),
        }
    }
}

/// Builds one analyser per distinct (config, matching overrides), and one rule set per
/// distinct list of extra rule folders.
struct Analyzers<'a> {
    args: &'a CheckArgs,
    rule_sets: HashMap<Vec<PathBuf>, Arc<RuleSet>>,
    made: HashMap<(Option<PathBuf>, Vec<usize>), Arc<Analyzer>>,
}

impl Analyzers<'_> {
    fn rule_set(&mut self, extra: Vec<PathBuf>) -> Result<Arc<RuleSet>> {
        if let Some(r) = self.rule_sets.get(&extra) {
            return Ok(r.clone());
        }
        let r = Arc::new(settings::load_rules(&extra)?);
        self.rule_sets.insert(extra, r.clone());
        Ok(r)
    }

    fn for_file(&mut self, cfg: Option<&Arc<Config>>, file: &Path) -> Result<Arc<Analyzer>> {
        let overrides = cfg.map(|c| c.overrides_for(file)).unwrap_or_default();
        let key = (cfg.map(|c| c.path().to_path_buf()), overrides);
        if let Some(a) = self.made.get(&key) {
            return Ok(a.clone());
        }
        let mut extra = self.args.rules.rules.clone();
        if let Some(c) = cfg {
            extra.extend(c.rule_paths());
        }
        let rules = self.rule_set(extra)?;
        let mut s = match cfg {
            Some(c) => c.settings_with(&key.1, &rules)?,
            None => skaidri_core::Settings::default(),
        };
        if let Some(c) = cfg {
            for d in c.dictionaries() {
                s.extra_words.extend(settings::read_word_list(&d)?);
            }
        }
        settings::apply_cli(&mut s, &self.args.rules, &rules)?;
        let a = Arc::new(Analyzer::new(rules, s));
        self.made.insert(key, a.clone());
        Ok(a)
    }
}

fn stdin_bytes() -> Result<Vec<u8>> {
    let mut b = Vec::new();
    std::io::stdin()
        .read_to_end(&mut b)
        .map_err(|e| anyhow::anyhow!("<stdin>: cannot read standard input: {e}"))?;
    Ok(b)
}

/// Runs `skaidri check`.
pub fn run(args: CheckArgs) -> Result<u8> {
    let configs = if args.isolated {
        Configs::Fixed(None)
    } else if let Some(p) = &args.config {
        Configs::Fixed(Some(Arc::new(Config::load(p)?)))
    } else {
        Configs::Discover(Discovery::new())
    };
    // inputs; URLs of published pages are fetched below, everything else is a path
    let (urls, local) = split_urls(&args.paths);
    let paths =
        if args.paths.is_empty() && args.files_from.is_none() && args.fetch.sitemap.is_empty() {
            vec![PathBuf::from("-")]
        } else {
            local
        };
    let keep = |p: &Path| -> bool {
        match configs.for_file(p) {
            Ok(Some(c)) => {
                c.selects_walked_file(p) && (c.has_include() || has_default_extension(p))
            }
            // a config error is reported when the file's analyser is built
            Ok(None) | Err(_) => has_default_extension(p),
        }
    };
    let opts = WalkOptions {
        hidden: args.hidden,
        ignore: !args.no_ignore,
    };
    let mut inputs = walk::collect(&paths, args.files_from.as_deref(), opts, &keep)?;
    for g in &inputs.empty_globs {
        eprintln!("skaidri: warning: no files match `{g}`");
    }
    if inputs.stdin && args.fix {
        bail!("--fix cannot rewrite standard input; use --diff to see the changes");
    }
    if args.fix && !(urls.is_empty() && args.fetch.sitemap.is_empty()) {
        bail!("--fix cannot rewrite published pages; use --diff to see the changes");
    }
    // one analyser per file
    let mut analyzers = Analyzers {
        args: &args,
        rule_sets: HashMap::new(),
        made: HashMap::new(),
    };
    let mut jobs: Vec<Job> = Vec::new();
    if inputs.stdin {
        let name = args.stdin_filename.clone();
        let cfg_anchor = name.clone().unwrap_or_else(|| PathBuf::from("<stdin>"));
        let cfg = configs.for_file(&cfg_anchor)?;
        let analyzer = analyzers.for_file(cfg.as_ref(), &cfg_anchor)?;
        jobs.push(Job {
            display: name
                .as_ref()
                .map(|n| n.display().to_string())
                .unwrap_or_else(|| "<stdin>".into()),
            path: None,
            name,
            bytes: Some(stdin_bytes()?),
            analyzer,
            skip_nav: skip_nav(cfg.as_ref(), &cfg_anchor),
        });
    }
    for f in &inputs.files {
        let cfg = configs.for_file(&f.path)?;
        let analyzer = analyzers.for_file(cfg.as_ref(), &f.path)?;
        jobs.push(Job {
            display: f.path.display().to_string(),
            path: Some(f.path.clone()),
            name: Some(f.path.clone()),
            bytes: None,
            analyzer,
            skip_nav: skip_nav(cfg.as_ref(), &f.path),
        });
    }
    // published pages: fetched one after the other (politely), then checked like files
    if !urls.is_empty() || !args.fetch.sitemap.is_empty() {
        let page_name = PathBuf::from(fetch::PAGE_NAME);
        let cfg = configs.for_file(&page_name)?;
        let analyzer = analyzers.for_file(cfg.as_ref(), &page_name)?;
        let fetched = fetch_pages(&urls, &args.fetch);
        for p in fetched.pages {
            jobs.push(Job {
                display: p.url,
                path: None,
                name: Some(page_name.clone()),
                bytes: Some(p.bytes),
                analyzer: analyzer.clone(),
                skip_nav: skip_nav(cfg.as_ref(), &page_name),
            });
        }
        inputs
            .errors
            .extend(fetched.errors.iter().map(|e| InputError {
                path: e.url().to_string(),
                message: e.to_string(),
            }));
    }
    let english = match &args.rules.lang {
        Some(l) => l == "en",
        None => jobs
            .first()
            .is_some_and(|j| j.analyzer.settings().lang == Lang::En),
    };
    // check, in parallel
    let engine_opts = Options {
        report_unused: args.report_unused_suppressions,
        fix: if args.fix || args.diff {
            FixMode::On
        } else {
            FixMode::Off
        },
    };
    let bar = progress_bar(&args, jobs.len());
    let outcomes: Vec<Result<Checked, InputError>> = jobs
        .par_iter()
        .map(|j| {
            let r = engine::check(j, engine_opts);
            if let Some(b) = &bar {
                b.inc(1);
            }
            r
        })
        .collect();
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let mut run = Run {
        english,
        errors: inputs.errors,
        ..Run::default()
    };
    let mut checked = Vec::new();
    for o in outcomes {
        match o {
            Ok(c) => checked.push(c),
            Err(e) => run.errors.push(e),
        }
    }
    checked.sort_by(|a, b| a.result.path.cmp(&b.result.path));
    run.errors.sort_by(|a, b| a.path.cmp(&b.path));
    // fixes
    let mut diff_changed = false;
    let stdout = std::io::stdout();
    if args.diff {
        let mut out = stdout.lock();
        for c in &checked {
            if let Some(fx) = &c.fixed {
                let old = String::from_utf8_lossy(&fx.original);
                let old = old.strip_prefix('\u{feff}').unwrap_or(&old);
                let d = fix::unified_diff(&c.result.path, old, &fx.text);
                if !d.is_empty() {
                    diff_changed = true;
                    out.write_all(d.as_bytes())?;
                }
            }
        }
    }
    if args.fix {
        let (mut applied, mut files) = (0, 0);
        for c in &checked {
            if !c.kind.fixable() {
                eprintln!(
                    "skaidri: note: {}: --fix does not change {} files; apply the suggestions in a word processor",
                    c.result.path,
                    c.kind.name().to_uppercase()
                );
                continue;
            }
            if let Some(note) = &c.encoding_note {
                eprintln!(
                    "skaidri: note: {}: {note}; --fix rewrites only UTF-8 files",
                    c.result.path
                );
                continue;
            }
            let (Some(fx), Some(path)) = (&c.fixed, &c.path) else {
                continue;
            };
            let mut text = fx.text.clone().into_bytes();
            if fx.original.starts_with(b"\xef\xbb\xbf") {
                text.splice(0..0, *b"\xef\xbb\xbf");
            }
            match fix::write_atomic(path, &text, Some(&fx.original)) {
                Ok(()) => {
                    applied += fx.applied;
                    files += 1;
                }
                Err(e) => run.errors.push(InputError {
                    path: c.result.path.clone(),
                    message: format!("{e:#}"),
                }),
            }
        }
        if applied > 0 {
            eprintln!("skaidri: fixed {applied} finding(s) in {files} file(s)");
        }
    }
    let mut over_lix = false;
    if let Some(max) = args.max_lix {
        for c in &checked {
            let m = &c.result.metrics;
            if m.words > 0 && m.lix > max {
                over_lix = true;
                eprintln!(
                    "skaidri: {}: LIX {} is above --max-lix {}",
                    c.result.path,
                    output::num(m.lix, true),
                    max
                );
            }
        }
    }
    run.files = checked.into_iter().map(|c| c.result).collect();
    for rs in analyzers.rule_sets.values() {
        for r in rs.rules() {
            run.rules
                .entry(r.id.to_string())
                .or_insert_with(|| RuleDoc::from_rule(r, english));
        }
    }
    if args.report_unused_suppressions {
        run.rules
            .insert(UNUSED_SUPPRESSION.into(), unused_suppression_doc(english));
    }
    for e in &run.errors {
        eprintln!("skaidri: error: {}", e.message);
    }
    // report
    if !args.diff {
        let mut buf: Vec<u8> = Vec::new();
        if args.statistics {
            output::statistics::write(&mut buf, &run, args.format == CheckFormat::Json)?;
        } else {
            let color = args.output.is_none() && output::human::stdout_wants_color();
            output::write(&mut buf, args.format, &run, color)?;
        }
        match &args.output {
            Some(p) => fix::write_atomic(p, &buf, None)?,
            None => {
                let mut out = stdout.lock();
                out.write_all(&buf)?;
                out.flush()?;
            }
        }
    }
    // `skaidri check` ends the process next: freeing the rule sets and their automata
    // would cost ~6 M instructions (1 ms of a one-page check) for nothing
    std::mem::forget(analyzers);
    if !run.errors.is_empty() {
        return Ok(EXIT_ERROR);
    }
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    if args.diff {
        // like `ruff --diff`: the exit code says whether there is anything to fix
        return Ok(if diff_changed { EXIT_FINDINGS } else { EXIT_OK });
    }
    let failed = threshold.is_some_and(|t| run.findings().any(|(_, d)| d.severity >= t));
    Ok(if failed || over_lix {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

/// Splits the arguments into URLs (anything with a `scheme://`, so that `ftp://…` is
/// refused as a URL rather than looked for as a file) and paths.
fn split_urls(args: &[PathBuf]) -> (Vec<String>, Vec<PathBuf>) {
    let mut urls = Vec::new();
    let mut paths = Vec::new();
    for a in args {
        match a.to_str() {
            Some(s) if fetch::looks_like_url(s) => urls.push(s.to_string()),
            _ => paths.push(a.clone()),
        }
    }
    (urls, paths)
}

/// Fetches the pages of the URLs and sitemaps with the limits from the command line.
fn fetch_pages(urls: &[String], o: &FetchOpts) -> fetch::Pages {
    let limits = fetch::Limits {
        timeout: o.timeout,
        delay: std::time::Duration::from_millis(o.delay),
        ..fetch::Limits::default()
    };
    fetch::fetch_pages(urls, &o.sitemap, limits, o.max_pages as usize, &mut |n| {
        eprintln!("skaidri: {n}")
    })
}

fn skip_nav(cfg: Option<&Arc<Config>>, file: &Path) -> bool {
    cfg.is_some_and(|c| c.skip_nav_with(&c.overrides_for(file)))
}

fn has_default_extension(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| DEFAULT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        && Kind::from_path(p).is_some()
}

fn progress_bar(args: &CheckArgs, n: usize) -> Option<indicatif::ProgressBar> {
    const MIN_FILES: usize = 20;
    if args.no_progress
        || args.format != CheckFormat::Human
        || args.diff
        || n < MIN_FILES
        || !std::io::stderr().is_terminal()
    {
        return None;
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(n as u64),
        indicatif::ProgressDrawTarget::stderr(),
    );
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{spinner} {bar:30} {pos}/{len} {elapsed_precise}")
    {
        bar.set_style(style);
    }
    Some(bar)
}

/// Metadata of the meta rule SK000 (unused suppression comment).
pub fn unused_suppression_doc(english: bool) -> RuleDoc {
    RuleDoc {
        id: UNUSED_SUPPRESSION.into(),
        name: "lieks-apklusinajums".into(),
        category: "suppression",
        severity: Severity::Warning,
        message: if english {
            "This suppression comment silences nothing.".into()
        } else {
            "Šis apklusināšanas komentārs neko neapklusina.".into()
        },
        explanation: if english {
            "What it checks: suppression comments (skaidri-disable, skaidri-disable-next-line) that silenced no finding; reported with --report-unused-suppressions.\n\nWhy it matters: a comment left behind after the text was fixed would silence a real finding later.".into()
        } else {
            "Ko tas pārbauda: apklusināšanas komentārus (skaidri-disable, skaidri-disable-next-line), kas neapklusināja nevienu piezīmi; ziņo ar --report-unused-suppressions.\n\nKāpēc tas ir svarīgi: komentārs, kas palicis pēc teksta labošanas, vēlāk apklusinātu īstu piezīmi.".into()
        },
        source: None,
        fixable: false,
    }
}
