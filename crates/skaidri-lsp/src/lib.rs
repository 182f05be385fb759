//! # skaidri-lsp
//!
//! The skaidri language server: plain-language findings for Latvian text while you write,
//! in any editor that speaks the Language Server Protocol. `skaidri lsp` runs it over
//! stdio.
//!
//! A thin adapter over [`skaidri_core`]: the core sees a `&str` and returns byte spans;
//! this crate owns everything editor-shaped — documents and versions, UTF-16 positions,
//! debouncing, threads, the client's settings, code actions and the files they write.
//!
//! ## Layout (after ruff_server and harper-ls)
//! - [`backend`]: the `LanguageServer` impl; locking, threads, I/O, panic guards.
//! - [`session`], [`document`]: server state and per-document state.
//! - [`analysis`]: one call into the core per document version (incremental: each
//!   document keeps a [`skaidri_core::IncrementalCache`]), plus editor-side filters.
//! - [`pos_conv`]: byte offsets ↔ LSP positions (UTF-16, or UTF-8 when offered).
//! - [`diagnostics`]: core findings → LSP diagnostics.
//! - [`config`], [`project`], [`words`], [`suppress`]: editor settings, `skaidri.toml`
//!   (through `skaidri-config`, as the CLI reads it), the workspace dictionary and
//!   suppression comments.
//! - [`rule_docs`]: rule documentation pages in the cache folder, the offline target of
//!   each diagnostic's `codeDescription`.
//! - [`requests`]: hover, code actions, code lens, commands — one file each.
//!
//! ## Why tower-lsp 0.20
//! tower-lsp 0.20 (with tokio) was the named choice and it did not get in the way: it
//! speaks LSP 3.17 through lsp-types 0.94 (including `positionEncoding`), answers malformed
//! messages with JSON-RPC errors, and handles `shutdown`/`exit`. Its known weak spot —
//! handlers run concurrently, so notification order is not enforced (tower-lsp issue
//! #284) — is handled here: every `didChange` applies its edit under a mutex before its
//! first `.await`, and publication checks the document version. The maintained fork
//! tower-lsp-server (used by harper-ls) has the same design and the same caveat, with
//! `fluent-uri` URIs in place of `url::Url`; switching is a mechanical change if
//! tower-lsp stops building.
#![deny(missing_docs)]

pub mod analysis;
pub mod backend;
pub mod config;
pub mod diagnostics;
pub mod document;
mod exit;
pub mod lv;
pub mod pos_conv;
pub mod project;
pub mod requests;
pub mod rule_docs;
pub mod session;
pub mod spelling;
pub mod suppress;
pub mod transport;
pub mod words;

use backend::Backend;
use skaidri_core::rules::{RuleError, RuleSet};
use std::path::PathBuf;
use std::sync::Arc;
use tower_lsp::{ClientSocket, LspService, Server};

/// How the server is started: what `skaidri lsp` takes on its command line.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Words from `--dict` word lists: never reported as misspelt or rare, in every
    /// document, besides the lists `skaidri.toml` names and `.skaidri/words.txt`.
    pub extra_words: Vec<String>,
    /// Where rule documentation pages are written ([`rule_docs`]); `None`: the per-user
    /// cache folder ([`rule_docs::default_dir`]).
    pub rule_docs_dir: Option<PathBuf>,
}

/// How the server stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// `exit` after `shutdown`, as the protocol asks (exit code 0).
    Clean,
    /// `exit` without `shutdown`, or the input closed (exit code 1).
    WithoutShutdown,
}

/// Errors that keep the server from starting.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StartError {
    /// The embedded rules did not compile (a build problem, never user input).
    #[error("embedded rules: {0}")]
    Rules(#[from] RuleError),
}

/// The service and the socket for server-to-client messages, for running the server
/// over any transport (tests drive it in-process). Default [`Options`].
pub fn service() -> Result<(LspService<Backend>, ClientSocket), StartError> {
    service_with(Options::default())
}

/// [`service`] with options.
pub fn service_with(options: Options) -> Result<(LspService<Backend>, ClientSocket), StartError> {
    let rules = Arc::new(RuleSet::embedded()?);
    Ok(
        LspService::build(move |client| Backend::new(client, rules, options))
            .custom_method(transport::INVALID_MESSAGE, Backend::invalid_message)
            .finish(),
    )
}

/// Serves the protocol over stdin and stdout until `exit` or end of input.
///
/// tower-lsp notices `exit` only when the next message arrives, so the service is wrapped
/// to report `exit` itself and the server stops at once, as the protocol asks. Input goes
/// through [`transport::sanitize`] first, so malformed messages get JSON-RPC errors.
pub async fn run_stdio() -> Result<Exit, StartError> {
    run_stdio_with(Options::default()).await
}

/// [`run_stdio`] with options.
pub async fn run_stdio_with(options: Options) -> Result<Exit, StartError> {
    let (service, socket) = service_with(options)?;
    let backend = service.inner().clone();
    let exited = Arc::new(tokio::sync::Notify::new());
    let service = exit::ExitWatch::new(service, exited.clone());
    // Malformed input is answered with an error instead of ending tower-lsp's reader.
    let (input, guarded) = tokio::io::duplex(1 << 16);
    tokio::spawn(transport::sanitize(tokio::io::stdin(), guarded));
    let server = Server::new(input, tokio::io::stdout(), socket).serve(service);
    tokio::select! {
        _ = server => {}
        _ = exited.notified() => {}
    }
    Ok(if backend.was_shut_down() {
        Exit::Clean
    } else {
        Exit::WithoutShutdown
    })
}
