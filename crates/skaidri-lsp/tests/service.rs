//! In-process tests of the server through tower-lsp's `LspService`: debouncing, settings
//! pushed and pulled, language ids. Protocol tests against the real binary are in the
//! root package (`tests/lsp_protocol.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use futures::{SinkExt, StreamExt};
use serde_json::{json, Value};
use std::time::Duration;
use tower::{Service, ServiceExt};
use tower_lsp::jsonrpc::{Request, Response};
use tower_lsp::{ClientSocket, LspService};

const WAIT: Duration = Duration::from_secs(20);

struct Harness {
    service: LspService<skaidri_lsp::backend::Backend>,
    /// Server-to-client messages, and the way back for answers to server requests.
    socket: ClientSocket,
    /// Server messages that arrived while a call was in flight.
    backlog: std::collections::VecDeque<Request>,
    /// What to answer `workspace/configuration` with.
    config: Value,
    next_id: i64,
    /// Where the server writes rule documentation pages (not the user's cache).
    _cache: tempfile::TempDir,
}

impl Harness {
    async fn start(capabilities: Value, options: Value) -> Harness {
        let cache = tempfile::tempdir().unwrap();
        let server_options = skaidri_lsp::Options {
            rule_docs_dir: Some(cache.path().to_path_buf()),
            ..Default::default()
        };
        let (service, socket) = skaidri_lsp::service_with(server_options).unwrap();
        let mut h = Harness {
            service,
            socket,
            backlog: Default::default(),
            config: Value::Null,
            next_id: 1,
            _cache: cache,
        };
        let r = h
            .request(
                "initialize",
                json!({"capabilities": capabilities, "initializationOptions": options}),
            )
            .await;
        assert!(r.is_ok(), "{r:?}");
        h
    }

    /// Calls the service while answering the server's own requests (a handler may wait
    /// for `workspace/configuration` before it returns).
    async fn call(&mut self, req: Request) -> Option<Response> {
        let fut = self.service.ready().await.unwrap().call(req);
        tokio::pin!(fut);
        loop {
            tokio::select! {
                r = &mut fut => return r.unwrap(),
                Some(msg) = self.socket.next() => {
                    if let Some(msg) = self.answer(msg).await {
                        self.backlog.push_back(msg);
                    }
                }
            }
        }
    }

    /// Answers `workspace/configuration`; returns any other message.
    async fn answer(&mut self, msg: Request) -> Option<Request> {
        if msg.method() != "workspace/configuration" {
            return Some(msg);
        }
        let id = msg.id().cloned().unwrap();
        let config = self.config.clone();
        self.socket
            .send(Response::from_ok(id, json!([config])))
            .await
            .unwrap();
        None
    }

    async fn request(&mut self, method: &'static str, params: Value) -> Response {
        let id = self.next_id;
        self.next_id += 1;
        let req = Request::build(method).params(params).id(id).finish();
        self.call(req).await.expect("a response")
    }

    async fn notify(&mut self, method: &'static str, params: Value) {
        let req = Request::build(method).params(params).finish();
        assert!(self.call(req).await.is_none());
    }

    /// The next message from the server (answering `workspace/configuration`).
    async fn next(&mut self) -> Request {
        if let Some(m) = self.backlog.pop_front() {
            return m;
        }
        loop {
            let msg = tokio::time::timeout(WAIT, self.socket.next())
                .await
                .expect("server message in time")
                .expect("server still running");
            if let Some(msg) = self.answer(msg).await {
                return msg;
            }
        }
    }

    /// Waits for diagnostics of `uri` satisfying `pred`; returns every publication seen
    /// for `uri` up to and including it.
    async fn diagnostics_until(&mut self, uri: &str, pred: impl Fn(&Value) -> bool) -> Vec<Value> {
        let mut seen = Vec::new();
        loop {
            let m = self.next().await;
            if m.method() != "textDocument/publishDiagnostics" {
                continue;
            }
            let p = m.params().cloned().unwrap();
            if p["uri"] != uri {
                continue;
            }
            let done = pred(&p);
            seen.push(p);
            if done {
                return seen;
            }
        }
    }

    async fn open(&mut self, uri: &str, language: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}),
        )
        .await;
    }
}

fn codes(p: &Value) -> Vec<String> {
    p["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect()
}

const URI: &str = "file:///tmp/skaidri-service/a.txt";
const TEXT: &str = "Sakarā ar remontu uz doto brīdi birojs ir slēgts.";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rapid_changes_are_debounced_into_one_analysis_of_the_last_version() {
    let mut h = Harness::start(json!({}), json!({"debounceMs": 300})).await;
    h.notify("initialized", json!({})).await;
    h.open(URI, "plaintext", TEXT).await;
    h.diagnostics_until(URI, |p| p["version"] == 1).await;
    for v in 2..=6 {
        h.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": URI, "version": v},
                   "contentChanges": [{"range": {"start": {"line": 0, "character": 0},
                                                 "end": {"line": 0, "character": 0}},
                                       "text": "Nu. "}]}),
        )
        .await;
    }
    let seen = h.diagnostics_until(URI, |p| p["version"] == 6).await;
    let versions: Vec<&Value> = seen.iter().map(|p| &p["version"]).collect();
    assert_eq!(
        versions,
        vec![&json!(6)],
        "intermediate versions were published"
    );
    // The text is the editor's: the finding moved by five "Nu. " (20 columns).
    let d = &seen[0]["diagnostics"][0];
    assert_eq!(d["code"], "OF001");
    assert_eq!(d["range"]["start"]["character"], 20);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pushed_settings_take_effect_at_once() {
    let mut h = Harness::start(json!({}), json!(null)).await;
    h.notify("initialized", json!({})).await;
    h.open(URI, "plaintext", TEXT).await;
    let first = h.diagnostics_until(URI, |p| p["version"] == 1).await;
    assert!(codes(&first[0]).contains(&"OF001".into()));
    h.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"skaidri": {"disable": ["OF001"], "lang": "en"}}}),
    )
    .await;
    let seen = h
        .diagnostics_until(URI, |p| !codes(p).contains(&"OF001".into()))
        .await;
    let last = seen.last().unwrap();
    assert!(codes(last).contains(&"BA002".into()), "{last}");
    let msg = last["diagnostics"][0]["message"].as_str().unwrap();
    assert!(msg.contains("calque"), "English message expected: {msg}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn settings_are_pulled_when_the_client_supports_it() {
    let mut h = Harness::start(json!({"workspace": {"configuration": true}}), json!(null)).await;
    // The server asks for the `skaidri` section while handling `initialized`.
    h.config = json!({"profile": "viegla-valoda", "disable": ["BA002"]});
    h.notify("initialized", json!({})).await;
    h.open(URI, "plaintext", TEXT).await;
    let seen = h
        .diagnostics_until(URI, |p| !codes(p).contains(&"BA002".into()))
        .await;
    assert!(codes(seen.last().unwrap()).contains(&"OF001".into()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_checked_languages_get_diagnostics() {
    let mut h = Harness::start(json!({}), json!({"languageIds": ["asciidoc"]})).await;
    h.notify("initialized", json!({})).await;
    h.open("file:///tmp/skaidri-service/a.rs", "rust", TEXT)
        .await;
    h.open("file:///tmp/skaidri-service/a.adoc", "asciidoc", TEXT)
        .await;
    // Only the AsciiDoc file is analysed; a hover on the Rust file answers nothing.
    let seen = h
        .diagnostics_until("file:///tmp/skaidri-service/a.adoc", |p| p["version"] == 1)
        .await;
    assert!(codes(&seen[0]).contains(&"OF001".into()));
    let r = h
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": "file:///tmp/skaidri-service/a.rs"},
                   "position": {"line": 0, "character": 1}}),
        )
        .await;
    assert_eq!(r.result(), Some(&Value::Null));
}
