//! Rule documentation pages on disk, so that every diagnostic's `codeDescription` links
//! to a page that exists even with no network and no public repository.
//!
//! When neither the editor's `ruleDocsUrl` template nor a real repository URL gives a
//! rule a link ([`crate::config::Config::rule_docs_url`]), the server writes the rule's
//! explanation, bad → good examples, suggestions and source — the text hover shows,
//! with every example — as a Markdown page in the per-user cache folder, and links it
//! as `file://…`:
//!
//! ```text
//! $XDG_CACHE_HOME/skaidri/rules/<version>/<lv|en>/OF001.md        (embedded rules)
//! $XDG_CACHE_HOME/skaidri/rules/<version>/<lv|en>/SP900-<hash>.md (rules from rule files)
//! ```
//!
//! (`~/.cache` when `XDG_CACHE_HOME` is unset; the platform's cache folder elsewhere, via
//! the `dirs` crate.) A rule from a user rule file carries a hash of its page in the name,
//! so two workspaces whose rule files define the same id differently do not overwrite
//! each other's page.
//!
//! Pages are written lazily, the first time a rule appears in a document's diagnostics
//! (a [`Job`] on a blocking thread, before the diagnostics are sent), and only if the
//! file is missing or differs. Measured in a debug build (2026-11-28): writing 30 new
//! pages takes about 2–3.5 ms, once per rule per server; checking 30 existing pages after
//! a restart 0.4 ms; later publications only look links up (under 1 µs each). Writing
//! all 405 pages at start would take 40–50 ms, hence lazily. Each write is atomic (a temporary file in the same folder,
//! then a rename), so an editor never opens half a page. A failed write (read-only home,
//! full disk) leaves that rule without a link and is logged once; diagnostics are
//! published either way.

use crate::diagnostics::{hard_sentence_explanation, HARD_SENTENCE_CODE};
use skaidri_core::rules::{RuleInfo, RuleSet};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tower_lsp::lsp_types::Url;

/// Errors writing a rule documentation page.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RuleDocsError {
    /// The page or its folder could not be written.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The page's path is not absolute, so it has no `file://` URL.
    #[error("{0}: not an absolute path, so it cannot be linked")]
    NotAbsolute(PathBuf),
}

/// The folder pages are written to when none is given: `<cache>/skaidri/rules/<version>`,
/// where `<cache>` is `$XDG_CACHE_HOME` or `~/.cache` on Linux. `None` if there is no home.
pub fn default_dir() -> Option<PathBuf> {
    dirs::cache_dir().map(|d| {
        d.join("skaidri")
            .join("rules")
            .join(env!("CARGO_PKG_VERSION"))
    })
}

/// Links to the pages written so far, by message language and rule id. Cheap to clone
/// (the maps are shared until the next [`RuleDocs::record`]).
#[derive(Debug, Default, Clone)]
pub struct RuleDocs {
    /// Where pages go; `None` when there is no cache folder or it cannot be written.
    dir: Option<PathBuf>,
    /// `[latvian, english]`: rule id → link, or `None` if its page could not be written
    /// (so it is not tried again on every keystroke).
    links: [Arc<HashMap<Arc<str>, Option<Url>>>; 2],
    /// Bumped by [`RuleDocs::forget`]; results of older jobs are dropped.
    generation: u64,
}

/// Pages to write, made under the session lock by [`RuleDocs::job`] and run on a blocking
/// thread.
#[derive(Debug)]
pub struct Job {
    dir: PathBuf,
    generation: u64,
    english: bool,
    rules: Arc<RuleSet>,
    ids: Vec<Arc<str>>,
}

/// What a [`Job`] wrote, handed back to [`RuleDocs::record`].
#[derive(Debug)]
pub struct Written {
    generation: u64,
    english: bool,
    /// Rule id → link (`None`: not written, or not a rule this server knows).
    links: Vec<(Arc<str>, Option<Url>)>,
    /// What failed.
    errors: Vec<RuleDocsError>,
    /// The language folder itself could not be made: stop trying.
    folder_failed: bool,
}

impl RuleDocs {
    /// Pages go under `dir` (`None`: no pages, no links).
    pub fn new(dir: Option<PathBuf>) -> RuleDocs {
        RuleDocs {
            dir,
            ..RuleDocs::default()
        }
    }

    /// The folder pages are written to, if any.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// The link to the page of rule `id` in the message language, if it was written.
    pub fn link(&self, id: &str, english: bool) -> Option<Url> {
        self.links[usize::from(english)].get(id).cloned().flatten()
    }

    /// Forgets every page (the rules changed: a rule file's rule may read differently now).
    pub fn forget(&mut self) {
        self.links = Default::default();
        self.generation += 1;
    }

    /// The pages still to write among `ids`, or `None` if there is nothing to do.
    pub fn job<'a>(
        &self,
        ids: impl IntoIterator<Item = &'a str>,
        english: bool,
        rules: &Arc<RuleSet>,
    ) -> Option<Job> {
        let dir = self.dir.clone()?;
        let known = &self.links[usize::from(english)];
        let mut ids: Vec<Arc<str>> = ids
            .into_iter()
            .filter(|id| !known.contains_key(*id))
            .map(Arc::from)
            .collect();
        ids.sort();
        ids.dedup();
        (!ids.is_empty()).then(|| Job {
            dir,
            generation: self.generation,
            english,
            rules: rules.clone(),
            ids,
        })
    }

    /// Takes in what a job wrote. Returns warnings to log (at most one per job).
    pub fn record(&mut self, w: Written) -> Vec<String> {
        if w.generation != self.generation {
            return Vec::new(); // the rules changed while it ran
        }
        let mut warnings = Vec::new();
        if let Some(first) = w.errors.first() {
            let more = match w.errors.len() {
                1 => String::new(),
                n => format!(" (and {} more)", n - 1),
            };
            let consequence = if w.folder_failed {
                "diagnostics go without documentation links"
            } else {
                "those rules' diagnostics go without a documentation link"
            };
            warnings.push(format!(
                "skaidri: cannot write rule documentation: {first}{more}; {consequence}"
            ));
        }
        if w.folder_failed {
            self.dir = None;
        }
        Arc::make_mut(&mut self.links[usize::from(w.english)]).extend(w.links);
        warnings
    }
}

impl Job {
    /// Renders and writes the pages (blocking file I/O).
    pub fn run(self) -> Written {
        let lang = if self.english { "en" } else { "lv" };
        let folder = self.dir.join(lang);
        let mut written = Written {
            generation: self.generation,
            english: self.english,
            links: Vec::new(),
            errors: Vec::new(),
            folder_failed: false,
        };
        if let Err(source) = std::fs::create_dir_all(&folder) {
            written.errors.push(RuleDocsError::Io {
                path: folder,
                source,
            });
            written.folder_failed = true;
            written.links = self.ids.into_iter().map(|id| (id, None)).collect();
            return written;
        }
        for id in self.ids {
            let page = if &*id == HARD_SENTENCE_CODE {
                Some((id.to_string(), hard_sentence_page(self.english)))
            } else {
                self.rules.get(&id).map(|rule| {
                    let page = rule_page(rule, self.english);
                    (file_stem(rule, &page), page)
                })
            };
            let link = page.and_then(|(stem, page)| {
                let path = folder.join(format!("{stem}.md"));
                match write_if_changed(&path, &page).and_then(|()| file_url(&path)) {
                    Ok(url) => Some(url),
                    Err(e) => {
                        written.errors.push(e);
                        None
                    }
                }
            });
            written.links.push((id, link));
        }
        written
    }
}

/// `OF001` for an embedded rule; `SP900-<hash of the page>` for a rule from a rule file.
fn file_stem(rule: &RuleInfo, page: &str) -> String {
    let embedded = skaidri_core::embedded::RULE_FILES
        .iter()
        .any(|(f, _)| *f == rule.origin);
    let id = sanitize(&rule.id);
    if embedded {
        id
    } else {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        page.hash(&mut h);
        format!("{id}-{:016x}", h.finish())
    }
}

/// A rule id as a file name: letters, digits, `-` and `_` kept, anything else `_`.
fn sanitize(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

fn file_url(path: &Path) -> Result<Url, RuleDocsError> {
    Url::from_file_path(path).map_err(|()| RuleDocsError::NotAbsolute(path.to_path_buf()))
}

/// Writes `text` to `path` atomically (temporary file in the same folder, then rename),
/// unless the file already holds exactly that text.
fn write_if_changed(path: &Path, text: &str) -> Result<(), RuleDocsError> {
    if std::fs::read(path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(());
    }
    let io = |source| RuleDocsError::Io {
        path: path.to_path_buf(),
        source,
    };
    let folder = path.parent().unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".page-").suffix(".tmp");
    // A page, not a secret: readable like any file the user writes (the umask applies),
    // not tempfile's owner-only default.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    let mut tmp = builder.tempfile_in(folder).map_err(io)?;
    tmp.write_all(text.as_bytes()).map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

/// A rule's explanation, up to `examples` bad → good examples and its source, in
/// Markdown: the body of the hover on a finding and of the rule's page.
pub fn rule_details(rule: &RuleInfo, english: bool, examples: usize) -> String {
    let mut s = rule.explanation_in(english).trim().to_string();
    let (bad, good) = if english {
        ("Instead of", "write")
    } else {
        ("Nevis", "bet")
    };
    for ex in rule.examples.iter().take(examples) {
        s.push_str(&format!(
            "\n\n**{bad}:** {}  \n**{good}:** {}",
            ex.bad, ex.good
        ));
    }
    if let Some(src) = &rule.source {
        let label = if english { "Source" } else { "Avots" };
        s.push_str(&format!("\n\n*{label}:* {src}"));
    }
    s
}

/// The whole page of a rule.
pub fn rule_page(rule: &RuleInfo, english: bool) -> String {
    let (category, severity, suggestions) = if english {
        (rule.category.label_en(), "Severity", "Suggestions")
    } else {
        (rule.category.label_lv(), "Nopietnība", "Ieteikumi")
    };
    let mut s = format!("# {}", rule.id);
    if !rule.name.is_empty() {
        s.push_str(&format!(" · {}", rule.name));
    }
    s.push_str(&format!(
        "\n\n*{category}* · {severity}: {}\n\n",
        rule.severity
    ));
    s.push_str(&rule_details(rule, english, usize::MAX));
    if !rule.suggestions.is_empty() {
        s.push_str(&format!(
            "\n\n**{suggestions}:** {}",
            rule.suggestions_for_display().join(", ")
        ));
    }
    s.push_str(&footer(&rule.origin));
    s
}

/// The page of the hard-sentence hint (not a rule: readability metrics).
pub fn hard_sentence_page(english: bool) -> String {
    let title = if english {
        "Hard sentence"
    } else {
        "Grūti lasāms teikums"
    };
    format!(
        "# {HARD_SENTENCE_CODE} · {title}\n\n{}{}",
        hard_sentence_explanation(english),
        footer("readability")
    )
}

fn footer(origin: &str) -> String {
    format!(
        "\n\n---\n\n*skaidri {} · {origin}*\n",
        env!("CARGO_PKG_VERSION")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> Arc<RuleSet> {
        Arc::new(RuleSet::embedded().unwrap())
    }

    #[test]
    fn pages_hold_explanation_examples_and_source() {
        let rules = rules();
        let r = rules.get("OF001").unwrap();
        let lv = rule_page(r, false);
        assert!(lv.starts_with("# OF001 · "), "{lv}");
        assert!(lv.contains(r.explanation.trim()), "{lv}");
        for ex in &r.examples {
            assert!(lv.contains(&format!("**Nevis:** {}", ex.bad)), "{lv}");
        }
        assert!(lv.contains("*Avots:*"), "{lv}");
        let en = rule_page(r, true);
        assert!(en.contains("**Instead of:**"), "{en}");
        assert!(hard_sentence_page(false).contains("Teikuma LIX"));
    }

    #[test]
    fn writes_pages_once_and_links_them() {
        let cache = tempfile::tempdir().unwrap();
        let rules = rules();
        let mut docs = RuleDocs::new(Some(cache.path().join("rules")));
        let job = docs
            .job(
                ["OF001", "BA002", "OF001", HARD_SENTENCE_CODE, "XX999"],
                false,
                &rules,
            )
            .unwrap();
        assert!(docs.record(job.run()).is_empty());
        let url = docs.link("OF001", false).unwrap();
        let path = url.to_file_path().unwrap();
        assert_eq!(path, cache.path().join("rules/lv/OF001.md"));
        let page = std::fs::read_to_string(&path).unwrap();
        assert_eq!(page, rule_page(rules.get("OF001").unwrap(), false));
        assert!(docs.link(HARD_SENTENCE_CODE, false).is_some());
        assert_eq!(docs.link("XX999", false), None);
        assert_eq!(docs.link("OF001", true), None, "English not written yet");
        // Known ids make no new job; a changed page is rewritten on the next run.
        assert!(docs.job(["OF001", "XX999"], false, &rules).is_none());
        std::fs::write(&path, "old").unwrap();
        docs.forget();
        let job = docs.job(["OF001"], false, &rules).unwrap();
        assert!(docs.record(job.run()).is_empty());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), page);
        // No temporary files are left behind.
        let names: Vec<String> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(names.iter().all(|n| n.ends_with(".md")), "{names:?}");
    }

    #[test]
    fn rules_from_rule_files_get_their_own_page_name() {
        let cache = tempfile::tempdir().unwrap();
        let rules = Arc::new(
            RuleSet::embedded_with([(
                "/home/x/rules/local.toml",
                crate::analysis::tests::SPELLING_RULE,
            )])
            .unwrap(),
        );
        let mut docs = RuleDocs::new(Some(cache.path().to_path_buf()));
        let job = docs.job(["SP900"], true, &rules).unwrap();
        assert!(docs.record(job.run()).is_empty());
        let path = docs.link("SP900", true).unwrap().to_file_path().unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name.starts_with("SP900-") && name.ends_with(".md"),
            "{name}"
        );
        assert!(std::fs::read_to_string(&path)
            .unwrap()
            .contains("/home/x/rules/local.toml"));
    }

    #[test]
    fn an_unwritable_folder_means_no_links_and_one_warning() {
        let dir = tempfile::tempdir().unwrap();
        // A file where the folder should be: creating the folder fails on any platform.
        let blocker = dir.path().join("cache");
        std::fs::write(&blocker, "").unwrap();
        let rules = rules();
        let mut docs = RuleDocs::new(Some(blocker.join("rules")));
        let job = docs.job(["OF001", "BA002"], false, &rules).unwrap();
        let warnings = docs.record(job.run());
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("cannot write rule documentation"));
        assert_eq!(docs.link("OF001", false), None);
        // It gives up instead of failing again on every document.
        assert!(docs.dir().is_none());
        assert!(docs.job(["OF002"], false, &rules).is_none());
    }

    #[test]
    fn results_of_a_job_from_before_a_rule_change_are_dropped() {
        let cache = tempfile::tempdir().unwrap();
        let rules = rules();
        let mut docs = RuleDocs::new(Some(cache.path().to_path_buf()));
        let job = docs.job(["OF001"], false, &rules).unwrap();
        docs.forget();
        docs.record(job.run());
        assert_eq!(docs.link("OF001", false), None);
    }
}
