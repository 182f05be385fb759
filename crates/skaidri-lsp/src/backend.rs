//! The `LanguageServer` implementation: protocol plumbing, threads and I/O.
//!
//! - State lives in one [`Session`] behind a `std::sync::Mutex`, never held across an
//!   `.await`. Notification handlers change it before their first `.await`, so edits are
//!   applied in the order they arrive even though tower-lsp runs handlers concurrently.
//! - Analysis runs on tokio's blocking pool (`spawn_blocking`) so requests stay answered
//!   while a long text is checked. Changes are debounced per document (a generation
//!   counter); opening a document analyses it at once.
//! - Before publishing, the document's version is compared with the analysed one under the
//!   lock, and publishing itself is serialised, so results for older text never replace
//!   results for newer text.
//! - Every handler runs inside `catch_unwind`: a panic is logged with `window/logMessage`,
//!   the request gets an `InternalError`, and the server keeps serving.

use crate::analysis::{self, Analysis};
use crate::config::Config;
use crate::diagnostics;
use crate::document::Document;
use crate::pos_conv::PositionEncoding;
use crate::requests::code_action::{self, ActionCtx, FIX_ALL_KIND};
use crate::requests::execute_command::{self, Parsed, COMMANDS, TEST_PANIC};
use crate::requests::{code_lens, hover};
use crate::session::Session;
use crate::{spelling, words};
use futures::FutureExt;
use serde_json::Value;
use skaidri_core::rules::RuleSet;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use tower_lsp::jsonrpc::{self, ErrorCode};
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer};

/// The parameters of [`crate::transport::INVALID_MESSAGE`].
#[derive(Debug, serde::Deserialize)]
pub struct InvalidMessage {
    /// JSON-RPC error code.
    pub code: i64,
    /// What was wrong.
    pub message: String,
}

/// The language server.
#[derive(Clone)]
pub struct Backend {
    shared: Arc<Shared>,
}

struct Shared {
    client: Client,
    session: Mutex<Session>,
    /// Held while checking a version and sending its diagnostics, so two publications for
    /// one document never overtake each other.
    publish: tokio::sync::Mutex<()>,
    /// Whether the test-only panic command is available.
    test_hooks: bool,
    /// Whether the client answers `workspace/configuration`.
    pull_config: Mutex<bool>,
}

fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

impl Backend {
    /// A backend talking to `client`, with the embedded rules and the command line's
    /// options.
    pub fn new(client: Client, rules: Arc<RuleSet>, options: crate::Options) -> Backend {
        let test_hooks = std::env::var("SKAIDRI_LSP_TEST_HOOKS").is_ok_and(|v| v == "1");
        Backend {
            shared: Arc::new(Shared {
                client,
                session: Mutex::new(Session::new(rules, &options)),
                publish: tokio::sync::Mutex::new(()),
                test_hooks,
                pull_config: Mutex::new(false),
            }),
        }
    }

    /// Answers a malformed message (see [`crate::transport`]) with its JSON-RPC error.
    pub async fn invalid_message(&self, params: InvalidMessage) -> jsonrpc::Result<()> {
        self.log(
            MessageType::ERROR,
            format!(
                "skaidri: malformed message from the client: {}",
                params.message
            ),
        )
        .await;
        Err(jsonrpc::Error {
            code: ErrorCode::from(params.code),
            message: params.message.into(),
            data: None,
        })
    }

    /// Whether `shutdown` was received.
    pub fn was_shut_down(&self) -> bool {
        self.session().shut_down
    }

    fn session(&self) -> MutexGuard<'_, Session> {
        // A panic while the lock was held leaves the data usable: every mutation is a
        // single assignment or a completed edit.
        self.shared
            .session
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn client(&self) -> &Client {
        &self.shared.client
    }

    async fn log(&self, typ: MessageType, msg: impl std::fmt::Display) {
        self.client().log_message(typ, msg).await;
    }

    async fn warn_all(&self, warnings: Vec<String>) {
        for w in warnings {
            self.log(MessageType::WARNING, &w).await;
            self.client().show_message(MessageType::WARNING, w).await;
        }
    }

    /// Runs a request handler, turning a panic into a logged `InternalError`.
    async fn guard<T>(
        &self,
        method: &str,
        fut: impl Future<Output = jsonrpc::Result<T>>,
    ) -> jsonrpc::Result<T> {
        match AssertUnwindSafe(fut).catch_unwind().await {
            Ok(r) => r,
            Err(p) => {
                let msg = format!("skaidri: {method} panicked: {}", panic_message(&*p));
                self.log(MessageType::ERROR, &msg).await;
                Err(jsonrpc::Error {
                    code: ErrorCode::InternalError,
                    message: msg.into(),
                    data: None,
                })
            }
        }
    }

    /// Runs a notification handler, logging a panic.
    async fn guard_notification(&self, method: &str, fut: impl Future<Output = ()>) {
        let _ = self
            .guard(method, async {
                fut.await;
                Ok(())
            })
            .await;
    }

    /// Schedules analysis of `uri` after `delay`, if no newer change arrives meanwhile.
    fn schedule(&self, uri: Url, delay: Duration) {
        let generation = match self.session().docs.get(&uri) {
            Some(d) => d.generation,
            None => return,
        };
        let this = self.clone();
        tokio::spawn(async move {
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            this.analyse_and_publish(uri, Some(generation)).await;
        });
    }

    /// Schedules analysis of every open document now (after a settings change).
    fn schedule_all(&self) {
        let uris: Vec<Url> = self.session().docs.keys().cloned().collect();
        for uri in uris {
            self.schedule(uri, Duration::ZERO);
        }
    }

    /// Analyses the current text of `uri` on a blocking thread. With `generation`, gives
    /// up if the document changed since it was scheduled. Returns the analysis if it
    /// is still of the current version.
    async fn analyse_now(&self, uri: &Url, generation: Option<u64>) -> Option<Arc<Analysis>> {
        let (engine, kind, text, version, cache) = {
            let mut s = self.session();
            let engine = s.engine_for(uri);
            let doc = s.docs.get(uri)?;
            if generation.is_some_and(|g| g != doc.generation) {
                return None;
            }
            if let Some(a) = doc.current_analysis() {
                return Some(a);
            }
            let kind = s.kind_of(doc)?;
            let text: Arc<str> = Arc::from(doc.text.as_str());
            (engine, kind, text, doc.version, doc.cache.clone())
        };
        let job_engine = engine.clone();
        let job = tokio::task::spawn_blocking(move || {
            std::panic::catch_unwind(AssertUnwindSafe(|| {
                // A panic while the cache was held leaves it poisoned; start afresh.
                let mut cache = cache.lock().unwrap_or_else(|p| {
                    cache.clear_poison();
                    let mut c = p.into_inner();
                    *c = Default::default();
                    c
                });
                analysis::analyse_with(&job_engine, kind, text, version, Some(&mut cache))
            }))
        });
        let analysis = match job.await {
            Ok(Ok(a)) => Arc::new(a),
            Ok(Err(p)) => {
                let msg = format!(
                    "skaidri: analysis of {uri} panicked: {}",
                    panic_message(&*p)
                );
                self.log(MessageType::ERROR, msg).await;
                return None;
            }
            Err(e) => {
                self.log(
                    MessageType::ERROR,
                    format!("skaidri: analysis of {uri} failed: {e}"),
                )
                .await;
                return None;
            }
        };
        let mut s = self.session();
        let current_engine = Arc::ptr_eq(&engine, &s.engine_for(uri));
        let doc = s.docs.get_mut(uri)?;
        if doc.version != version || !current_engine {
            return None; // the text or the settings changed meanwhile
        }
        doc.analysis = Some(analysis.clone());
        Some(analysis)
    }

    async fn analyse_and_publish(&self, uri: Url, generation: Option<u64>) {
        let Some(a) = self.analyse_now(&uri, generation).await else {
            return;
        };
        self.write_rule_docs(&a).await;
        let _publishing = self.shared.publish.lock().await;
        let diags = {
            let s = self.session();
            let still_current = s.docs.get(&uri).is_some_and(|d| d.version == a.version);
            if s.shut_down || !still_current {
                return;
            }
            diagnostics::to_lsp(&a, s.encoding, &s.config, &s.rule_docs, s.english())
        };
        self.client()
            .publish_diagnostics(uri, diags, Some(a.version))
            .await;
    }

    /// Writes the documentation pages of rules seen for the first time in `a` (on a
    /// blocking thread), so their diagnostics link to them. A failure is logged and only
    /// leaves the links out.
    async fn write_rule_docs(&self, a: &Analysis) {
        let job = {
            let s = self.session();
            let codes = diagnostics::codes_needing_pages(a, &s.config);
            s.rule_docs.job(codes, s.english(), &s.rules)
        };
        let Some(job) = job else { return };
        let written = match tokio::task::spawn_blocking(move || job.run()).await {
            Ok(w) => w,
            Err(e) => {
                let msg = format!("skaidri: writing rule documentation failed: {e}");
                self.log(MessageType::ERROR, msg).await;
                return;
            }
        };
        let warnings = self.session().rule_docs.record(written);
        for w in warnings {
            self.log(MessageType::WARNING, w).await;
        }
    }

    /// Reads settings pushed by the client or pulls them with `workspace/configuration`.
    async fn apply_settings(&self, value: Option<Value>) {
        let value = match value {
            Some(v) if Config::present_in(&v) => Some(v),
            _ if *self
                .shared
                .pull_config
                .lock()
                .unwrap_or_else(|p| p.into_inner()) =>
            {
                let item = ConfigurationItem {
                    scope_uri: None,
                    section: Some("skaidri".into()),
                };
                match self.client().configuration(vec![item]).await {
                    Ok(mut v) if !v.is_empty() => Some(v.remove(0)),
                    Ok(_) => None,
                    Err(e) => {
                        self.log(
                            MessageType::WARNING,
                            format!("skaidri: workspace/configuration failed: {e}"),
                        )
                        .await;
                        None
                    }
                }
            }
            _ => None,
        };
        let Some(value) = value else { return };
        let (config, mut warnings) = Config::from_json(&value);
        {
            let mut s = self.session();
            s.config = config;
            warnings.extend(s.rebuild_engine());
        }
        self.warn_all(warnings).await;
        self.schedule_all();
    }

    async fn reload_files(&self) {
        let warnings = {
            let mut s = self.session();
            let mut w = s.reload_files();
            w.extend(s.rebuild_engine());
            w
        };
        self.warn_all(warnings).await;
        self.schedule_all();
    }

    async fn execute(&self, params: ExecuteCommandParams) -> jsonrpc::Result<Option<Value>> {
        let parsed =
            execute_command::parse(&params.command, &params.arguments, self.shared.test_hooks)?;
        let root = || {
            self.session().root.clone().ok_or_else(|| {
                jsonrpc::Error::invalid_params("skaidri: no workspace folder is open")
            })
        };
        match parsed {
            Parsed::AddWord { word, .. } => {
                let root = root()?;
                let path = words::append(&root, &word).map_err(|e| {
                    jsonrpc::Error::invalid_params(format!(
                        "skaidri: {}: {e}",
                        root.join(words::RELATIVE_PATH).display()
                    ))
                })?;
                {
                    let mut s = self.session();
                    s.words.insert(&word);
                    s.rebuild_engine();
                }
                self.log(
                    MessageType::INFO,
                    format!("skaidri: added «{word}» to {}", path.display()),
                )
                .await;
                self.schedule_all();
                Ok(None)
            }
            Parsed::DisableRule { rule, .. } => {
                let root = root()?;
                let file = self
                    .session()
                    .project_file
                    .clone()
                    .unwrap_or_else(|| root.join(crate::project::FILE_NAME));
                let path = execute_command::disable_rule_in_file(&file, &rule)
                    .map_err(|e| jsonrpc::Error::invalid_params(format!("skaidri: {e}")))?;
                self.log(
                    MessageType::INFO,
                    format!("skaidri: disabled {rule} in {}", path.display()),
                )
                .await;
                self.reload_files().await;
                Ok(None)
            }
            Parsed::Readability { uri } => {
                let a = self.analyse_now(&uri, None).await.ok_or_else(|| {
                    jsonrpc::Error::invalid_params(format!("skaidri: {uri} is not open"))
                })?;
                let english = self.session().english();
                let report = execute_command::readability_report(&a, english);
                self.client()
                    .show_message(MessageType::INFO, report.clone())
                    .await;
                Ok(Some(Value::String(report)))
            }
            Parsed::TestPanic => panic!("test panic requested with {TEST_PANIC}"),
        }
    }
}

#[tower_lsp::async_trait]
impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> jsonrpc::Result<InitializeResult> {
        self.guard("initialize", async {
            let root = params
                .workspace_folders
                .as_ref()
                .and_then(|f| f.first())
                .map(|f| f.uri.clone())
                .or(params.root_uri.clone())
                .and_then(|u| u.to_file_path().ok());
            let pull = params
                .capabilities
                .workspace
                .as_ref()
                .and_then(|w| w.configuration)
                .unwrap_or(false);
            *self
                .shared
                .pull_config
                .lock()
                .unwrap_or_else(|p| p.into_inner()) = pull;
            let (config, mut warnings) = params
                .initialization_options
                .as_ref()
                .map(Config::from_json)
                .unwrap_or_default();
            let encoding = PositionEncoding::negotiate(&params.capabilities);
            {
                let mut s = self.session();
                s.encoding = encoding;
                s.root = root;
                s.config = config;
                warnings.extend(s.reload_files());
                warnings.extend(s.rebuild_engine());
            }
            for w in warnings {
                self.log(MessageType::WARNING, w).await;
            }
            Ok(InitializeResult {
                capabilities: ServerCapabilities {
                    position_encoding: Some(encoding.kind()),
                    text_document_sync: Some(TextDocumentSyncCapability::Options(
                        TextDocumentSyncOptions {
                            open_close: Some(true),
                            change: Some(TextDocumentSyncKind::INCREMENTAL),
                            save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                            ..Default::default()
                        },
                    )),
                    hover_provider: Some(HoverProviderCapability::Simple(true)),
                    code_action_provider: Some(CodeActionProviderCapability::Options(
                        CodeActionOptions {
                            code_action_kinds: Some(vec![
                                CodeActionKind::QUICKFIX,
                                CodeActionKind::new(FIX_ALL_KIND),
                            ]),
                            ..Default::default()
                        },
                    )),
                    code_lens_provider: Some(CodeLensOptions {
                        resolve_provider: Some(false),
                    }),
                    execute_command_provider: Some(ExecuteCommandOptions {
                        commands: COMMANDS.iter().map(|c| c.to_string()).collect(),
                        ..Default::default()
                    }),
                    ..Default::default()
                },
                server_info: Some(ServerInfo {
                    name: "skaidri".into(),
                    version: Some(env!("CARGO_PKG_VERSION").into()),
                }),
            })
        })
        .await
    }

    async fn initialized(&self, _: InitializedParams) {
        self.guard_notification("initialized", async {
            let (rules, enc, root) = {
                let s = self.session();
                (s.rules.len(), s.encoding, s.root.clone())
            };
            self.log(
                MessageType::INFO,
                format!(
                    "skaidri {} ready: {rules} rules, positions in {}, workspace {}",
                    env!("CARGO_PKG_VERSION"),
                    enc.kind().as_str(),
                    root.map(|r| r.display().to_string())
                        .unwrap_or_else(|| "(none)".into())
                ),
            )
            .await;
            let pushed = self.session().config.ne(&Config::default());
            if !pushed {
                self.apply_settings(None).await;
            }
        })
        .await
    }

    async fn shutdown(&self) -> jsonrpc::Result<()> {
        self.session().shut_down = true;
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        self.guard_notification("textDocument/didOpen", async {
            let doc = params.text_document;
            let reload = {
                let mut s = self.session();
                let adopted = s.adopt_root_from(&doc.uri);
                s.docs.insert(
                    doc.uri.clone(),
                    Document::new(doc.language_id, doc.text, doc.version),
                );
                adopted
            };
            if reload {
                self.reload_files().await;
            } else {
                self.schedule(doc.uri, Duration::ZERO);
            }
        })
        .await
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        self.guard_notification("textDocument/didChange", async {
            let uri = params.text_document.uri;
            let delay = {
                let mut s = self.session();
                let enc = s.encoding;
                let delay = Duration::from_millis(s.config.debounce_ms());
                s.docs.get_mut(&uri).map(|doc| {
                    doc.apply_changes(params.content_changes, params.text_document.version, enc);
                    delay
                })
            };
            let Some(delay) = delay else {
                self.log(
                    MessageType::WARNING,
                    format!("skaidri: didChange for {uri}, which is not open"),
                )
                .await;
                return;
            };
            self.schedule(uri, delay);
        })
        .await
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        self.guard_notification("textDocument/didSave", async {
            let path = params.text_document.uri.path();
            let config_file = skaidri_config::CONFIG_NAMES
                .iter()
                .any(|n| path.ends_with(n));
            if config_file || path.ends_with(words::RELATIVE_PATH) {
                self.reload_files().await;
            }
        })
        .await
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        self.guard_notification("textDocument/didClose", async {
            let uri = params.text_document.uri;
            let _publishing = self.shared.publish.lock().await;
            let was_open = self.session().docs.remove(&uri).is_some();
            if was_open {
                self.client()
                    .publish_diagnostics(uri, Vec::new(), None)
                    .await;
            }
        })
        .await
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        self.guard_notification("workspace/didChangeConfiguration", async {
            self.apply_settings(Some(params.settings)).await;
        })
        .await
    }

    async fn did_change_watched_files(&self, _: DidChangeWatchedFilesParams) {
        self.guard_notification("workspace/didChangeWatchedFiles", async {
            self.reload_files().await;
        })
        .await
    }

    async fn hover(&self, params: HoverParams) -> jsonrpc::Result<Option<Hover>> {
        self.guard("textDocument/hover", async {
            let p = params.text_document_position_params;
            let Some(a) = self.analyse_now(&p.text_document.uri, None).await else {
                return Ok(None);
            };
            let s = self.session();
            Ok(hover::hover(
                &a,
                &s.rules,
                p.position,
                s.encoding,
                s.english(),
            ))
        })
        .await
    }

    async fn code_action(
        &self,
        params: CodeActionParams,
    ) -> jsonrpc::Result<Option<CodeActionResponse>> {
        self.guard("textDocument/codeAction", async {
            let uri = params.text_document.uri;
            let Some(a) = self.analyse_now(&uri, None).await else {
                return Ok(None);
            };
            let (config, docs, enc, english, has_root) = {
                let s = self.session();
                let docs = s.rule_docs.clone();
                (
                    s.config.clone(),
                    docs,
                    s.encoding,
                    s.english(),
                    s.root.is_some(),
                )
            };
            // Spelling suggestions can take a few milliseconds each: off the async threads.
            let only = params.context.only;
            let range = params.range;
            let actions = tokio::task::spawn_blocking(move || {
                std::panic::catch_unwind(AssertUnwindSafe(|| {
                    let ctx = ActionCtx {
                        uri: &uri,
                        analysis: &a,
                        enc,
                        config: &config,
                        docs: &docs,
                        english,
                        has_root,
                        speller: &spelling::suggest,
                    };
                    code_action::code_actions(&ctx, range, only.as_deref())
                }))
            })
            .await;
            match actions {
                Ok(Ok(v)) => Ok(Some(v)),
                Ok(Err(p)) => std::panic::resume_unwind(p),
                Err(e) => Err(jsonrpc::Error {
                    code: ErrorCode::InternalError,
                    message: format!("skaidri: code actions failed: {e}").into(),
                    data: None,
                }),
            }
        })
        .await
    }

    async fn code_lens(&self, params: CodeLensParams) -> jsonrpc::Result<Option<Vec<CodeLens>>> {
        self.guard("textDocument/codeLens", async {
            let uri = params.text_document.uri;
            if !self.session().config.code_lens() {
                return Ok(None);
            }
            let Some(a) = self.analyse_now(&uri, None).await else {
                return Ok(None);
            };
            let english = self.session().english();
            Ok(Some(code_lens::code_lens(&a, &uri, english)))
        })
        .await
    }

    async fn execute_command(
        &self,
        params: ExecuteCommandParams,
    ) -> jsonrpc::Result<Option<Value>> {
        self.guard("workspace/executeCommand", self.execute(params))
            .await
    }
}
