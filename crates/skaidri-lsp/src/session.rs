//! The server's data model: open documents, settings, the workspace root, and the engine
//! built from them. Owned by the backend behind one mutex; nothing here does async or
//! talks to the client.

use crate::analysis::Engine;
use crate::config::Config;
use crate::document::{DocKind, Document};
use crate::pos_conv::PositionEncoding;
use crate::project::{self, ProjectConfig};
use crate::words::UserWords;
use skaidri_core::rules::RuleSet;
use skaidri_core::Analyzer;
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
    /// The keys of `skaidri.toml` the server uses.
    pub project: ProjectConfig,
    /// The `skaidri.toml` in use, if any.
    pub project_file: Option<PathBuf>,
    /// The workspace root (where `skaidri.toml` and `.skaidri/words.txt` are written).
    pub root: Option<PathBuf>,
    /// The negotiated position encoding.
    pub encoding: PositionEncoding,
    /// All rules (embedded).
    pub rules: Arc<RuleSet>,
    /// The workspace dictionary.
    pub words: UserWords,
    /// The engine for the current settings.
    pub engine: Arc<Engine>,
    /// Set by `shutdown`: no more diagnostics are published.
    pub shut_down: bool,
}

impl Session {
    /// A session with default settings.
    pub fn new(rules: Arc<RuleSet>) -> Session {
        let engine = Arc::new(Engine {
            analyzer: Analyzer::new(rules.clone(), Default::default()),
            words: UserWords::default(),
            hard_sentences: true,
        });
        Session {
            docs: HashMap::new(),
            config: Config::default(),
            project: ProjectConfig::default(),
            project_file: None,
            root: None,
            encoding: PositionEncoding::default(),
            rules,
            words: UserWords::default(),
            engine,
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

    /// Re-reads `skaidri.toml` and the workspace dictionary from disk. Returns warnings.
    pub fn reload_files(&mut self) -> Vec<String> {
        let mut warnings = Vec::new();
        let Some(root) = self.root.clone() else {
            return warnings;
        };
        self.project_file = project::discover(&root);
        self.project = match &self.project_file {
            Some(p) => project::load(p).unwrap_or_else(|e| {
                warnings.push(format!("skaidri: {e}"));
                ProjectConfig::default()
            }),
            None => ProjectConfig::default(),
        };
        self.words = UserWords::load(&root).unwrap_or_else(|e| {
            warnings.push(format!(
                "skaidri: {}: {e}",
                root.join(crate::words::RELATIVE_PATH).display()
            ));
            UserWords::default()
        });
        warnings
    }

    /// Rebuilds the engine from the current settings and forgets every analysis (they
    /// were made under the old settings). Returns warnings about ignored settings.
    pub fn rebuild_engine(&mut self) -> Vec<String> {
        let (settings, warnings) = self.config.to_settings(&self.project, &self.rules);
        self.engine = Arc::new(Engine {
            analyzer: Analyzer::new(self.rules.clone(), settings),
            words: self.words.clone(),
            hard_sentences: self.config.hard_sentences(),
        });
        for doc in self.docs.values_mut() {
            doc.analysis = None;
        }
        warnings
    }
}
