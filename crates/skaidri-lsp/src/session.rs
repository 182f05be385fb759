//! The server's data model: open documents, settings, the workspace root, and the engine
//! built from them. Owned by the backend behind one mutex; nothing here does async or
//! talks to the client.

use crate::analysis::Engine;
use crate::config::Config;
use crate::document::{DocKind, Document};
use crate::pos_conv::PositionEncoding;
use crate::project;
use crate::rule_docs::{self, RuleDocs};
use crate::words::UserWords;
use crate::Options;
use skaidri_core::rules::RuleSet;
use skaidri_core::{Analyzer, Settings};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use tower_lsp::lsp_types::Url;

/// All server state.
#[derive(Debug)]
pub struct Session {
    /// Open documents by URI.
    pub docs: HashMap<Url, Document>,
    /// Editor settings.
    pub config: Config,
    /// The `skaidri.toml` in use, read by `skaidri-config`, if there is one and it is valid.
    pub project: Option<Arc<skaidri_config::Config>>,
    /// The `skaidri.toml` in use, if any.
    pub project_file: Option<PathBuf>,
    /// Words from the word lists `skaidri.toml` names (`dictionaries`).
    pub project_words: Vec<String>,
    /// Words from the word lists given on the command line (`skaidri lsp --dict`).
    pub cli_words: Vec<String>,
    /// Rule documentation pages written so far (links for `codeDescription`).
    pub rule_docs: RuleDocs,
    /// The embedded rules, kept to fall back on when the config's rule files change.
    pub embedded_rules: Arc<RuleSet>,
    /// The workspace root (where `skaidri.toml` and `.skaidri/words.txt` are written).
    pub root: Option<PathBuf>,
    /// The negotiated position encoding.
    pub encoding: PositionEncoding,
    /// All rules: embedded plus the rule files `skaidri.toml` names.
    pub rules: Arc<RuleSet>,
    /// The workspace dictionary.
    pub words: UserWords,
    /// The engine for the current settings, for documents no `[[overrides]]` entry of
    /// `skaidri.toml` applies to.
    pub engine: Arc<Engine>,
    /// Engines for documents with `[[overrides]]`, by the override indices that apply.
    pub override_engines: HashMap<Vec<usize>, Arc<Engine>>,
    /// Set by `shutdown`: no more diagnostics are published.
    pub shut_down: bool,
}

impl Session {
    /// A session with default settings and the command line's options.
    pub fn new(rules: Arc<RuleSet>, options: &Options) -> Session {
        let engine = Arc::new(Engine {
            analyzer: Analyzer::new(rules.clone(), Default::default()),
            words: UserWords::default(),
            hard_sentences: true,
        });
        Session {
            docs: HashMap::new(),
            config: Config::default(),
            project: None,
            project_file: None,
            project_words: Vec::new(),
            cli_words: options.extra_words.clone(),
            rule_docs: RuleDocs::new(
                options
                    .rule_docs_dir
                    .clone()
                    .or_else(rule_docs::default_dir),
            ),
            embedded_rules: rules.clone(),
            root: None,
            encoding: PositionEncoding::default(),
            rules,
            words: UserWords::default(),
            engine,
            override_engines: HashMap::new(),
            shut_down: false,
        }
    }

    /// Whether messages are in English.
    pub fn english(&self) -> bool {
        self.engine.english()
    }

    /// How a document is checked, or `None` if its language is not checked.
    pub fn kind_of(&self, doc: &Document) -> Option<DocKind> {
        DocKind::from_language_id(&doc.language_id, &self.config.language_ids)
    }

    /// Sets the workspace root from a document when the client gave none: the folder of
    /// the nearest `skaidri.toml` above it, else the document's folder.
    pub fn adopt_root_from(&mut self, uri: &Url) -> bool {
        if self.root.is_some() {
            return false;
        }
        let Some(dir) = uri
            .to_file_path()
            .ok()
            .and_then(|p| p.parent().map(|d| d.to_path_buf()))
        else {
            return false;
        };
        self.root = Some(
            project::discover(&dir)
                .and_then(|f| f.parent().map(|d| d.to_path_buf()))
                .unwrap_or(dir),
        );
        true
    }

    /// Re-reads `skaidri.toml` (with the rule files and word lists it names) and the
    /// workspace dictionary from disk. Returns warnings; a broken file is reported and
    /// left out, the rest still applies.
    pub fn reload_files(&mut self) -> Vec<String> {
        let mut warnings = Vec::new();
        self.project = None;
        self.project_words.clear();
        self.rules = self.embedded_rules.clone();
        // A rule file's rule may read differently now: its page is made afresh.
        self.rule_docs.forget();
        let Some(root) = self.root.clone() else {
            return warnings;
        };
        self.project_file = project::discover(&root);
        if let Some(path) = &self.project_file {
            match project::load(path) {
                Ok(c) => {
                    match project::rule_set(&c) {
                        Ok(r) => self.rules = Arc::new(r),
                        Err(e) => warnings.push(format!("skaidri: {e}")),
                    }
                    match project::dictionary_words(&c) {
                        Ok(w) => self.project_words = w,
                        Err(e) => warnings.push(format!("skaidri: {e}")),
                    }
                    self.project = Some(c);
                }
                Err(e) => warnings.push(format!("skaidri: {e}")),
            }
        }
        self.words = UserWords::load(&root).unwrap_or_else(|e| {
            warnings.push(format!(
                "skaidri: {}: {e}",
                root.join(crate::words::RELATIVE_PATH).display()
            ));
            UserWords::default()
        });
        warnings
    }

    /// Builds the engine for documents with these `[[overrides]]` of `skaidri.toml`:
    /// defaults, then the file as the CLI applies it, then its dictionaries, the
    /// `--dict` word lists and the workspace dictionary, then the editor settings.
    fn build_engine(&self, overrides: &[usize]) -> (Engine, Vec<String>) {
        let mut warnings = Vec::new();
        let mut base = match &self.project {
            Some(c) => c.settings_with(overrides, &self.rules).unwrap_or_else(|e| {
                warnings.push(format!("skaidri: {e}"));
                Settings::default()
            }),
            None => Settings::default(),
        };
        base.extra_words.extend(self.project_words.iter().cloned());
        base.extra_words.extend(self.cli_words.iter().cloned());
        base.extra_words
            .extend(self.words.iter().map(str::to_string));
        let (settings, w) = self.config.to_settings(base, &self.rules);
        warnings.extend(w);
        let engine = Engine {
            analyzer: Analyzer::new(self.rules.clone(), settings),
            words: self.words.clone(),
            hard_sentences: self.config.hard_sentences(),
        };
        (engine, warnings)
    }

    /// Rebuilds the engine from the current settings and forgets every analysis (they
    /// were made under the old settings). Returns warnings about ignored settings.
    pub fn rebuild_engine(&mut self) -> Vec<String> {
        let (engine, warnings) = self.build_engine(&[]);
        self.engine = Arc::new(engine);
        self.override_engines.clear();
        for doc in self.docs.values_mut() {
            doc.analysis = None;
        }
        warnings
    }

    /// The engine for the document at `uri`: the one for the `[[overrides]]` of
    /// `skaidri.toml` that match its path, built on first use.
    pub fn engine_for(&mut self, uri: &Url) -> Arc<Engine> {
        let overrides = match (&self.project, uri.to_file_path()) {
            (Some(c), Ok(path)) => c.overrides_for(&path),
            _ => Vec::new(),
        };
        if overrides.is_empty() {
            return self.engine.clone();
        }
        if let Some(e) = self.override_engines.get(&overrides) {
            return e.clone();
        }
        let (engine, _) = self.build_engine(&overrides);
        let engine = Arc::new(engine);
        self.override_engines.insert(overrides, engine.clone());
        engine
    }
}
