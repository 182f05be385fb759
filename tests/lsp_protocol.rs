//! Protocol tests of `skaidri lsp`: spawn the real binary and speak JSON-RPC over stdio,
//! as an editor does. Each test starts its own server; every wait has a deadline.
//!
//! In-process tests of the same server (without a process) live in
//! `crates/skaidri-lsp/tests/service.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);

/// A minimal LSP client over the child's stdio.
struct Lsp {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<Value>,
    backlog: Vec<Value>,
    next_id: i64,
    /// `XDG_CACHE_HOME` of the server: rule documentation pages go here, not into the
    /// user's cache.
    cache: tempfile::TempDir,
}

fn read_message(r: &mut impl BufRead) -> Option<Value> {
    let mut len = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length: ") {
            len = v.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; len?];
    r.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

impl Lsp {
    fn start(envs: &[(&str, &str)]) -> Lsp {
        Lsp::start_with(&[], envs)
    }

    /// Starts `skaidri lsp ARGS…` with an empty cache folder of its own (`envs` may
    /// replace it).
    fn start_with(args: &[&str], envs: &[(&str, &str)]) -> Lsp {
        let cache = tempfile::tempdir().unwrap();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_skaidri"));
        cmd.arg("lsp")
            .args(args)
            .env("XDG_CACHE_HOME", cache.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        for (k, v) in envs {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("spawn skaidri lsp");
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            while let Some(m) = read_message(&mut stdout) {
                if tx.send(m).is_err() {
                    break;
                }
            }
        });
        Lsp {
            child,
            stdin,
            rx,
            backlog: Vec::new(),
            next_id: 1,
            cache,
        }
    }

    /// Starts a server and completes the handshake.
    fn initialized(root: Option<&Path>, capabilities: Value, options: Value) -> Lsp {
        Lsp::initialized_with(&[], &[], root, capabilities, options)
    }

    /// Starts `skaidri lsp ARGS…` with more environment and completes the handshake.
    fn initialized_with(
        args: &[&str],
        envs: &[(&str, &str)],
        root: Option<&Path>,
        capabilities: Value,
        options: Value,
    ) -> Lsp {
        let mut envs = envs.to_vec();
        envs.push(("SKAIDRI_LSP_TEST_HOOKS", "1"));
        let mut lsp = Lsp::start_with(args, &envs);
        let root_uri = root.map(|r| format!("file://{}", r.display()));
        let r = lsp.request(
            "initialize",
            json!({"processId": null, "rootUri": root_uri, "capabilities": capabilities,
                   "initializationOptions": options}),
        );
        assert!(r.get("result").is_some(), "{r}");
        lsp.notify("initialized", json!({}));
        lsp
    }

    fn write_bytes(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).unwrap();
        self.stdin.flush().unwrap();
    }

    fn send_raw(&mut self, body: &[u8]) {
        write!(self.stdin, "Content-Length: {}\r\n\r\n", body.len()).unwrap();
        self.stdin.write_all(body).unwrap();
        self.stdin.flush().unwrap();
    }

    fn send(&mut self, msg: Value) {
        self.send_raw(msg.to_string().as_bytes());
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn recv(&mut self, deadline: Instant) -> Value {
        let left = deadline.saturating_duration_since(Instant::now());
        match self.rx.recv_timeout(left) {
            Ok(m) => m,
            Err(RecvTimeoutError::Timeout) => panic!("timed out; seen: {:#?}", self.backlog),
            Err(RecvTimeoutError::Disconnected) => panic!("server closed its output"),
        }
    }

    /// Sends a request and returns the whole response message.
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.response(json!(id))
    }

    fn response(&mut self, id: Value) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let m = self.recv(deadline);
            if m.get("method").is_none() && m["id"] == id {
                return m;
            }
            self.backlog.push(m);
        }
    }

    /// Waits for a notification matching `pred` (looking at ones already received first).
    fn wait_for(&mut self, method: &str, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self
            .backlog
            .iter()
            .position(|m| m["method"] == method && pred(&m["params"]))
        {
            return self.backlog.remove(i)["params"].clone();
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let m = self.recv(deadline);
            if m["method"] == method && pred(&m["params"]) {
                return m["params"].clone();
            }
            self.backlog.push(m);
        }
    }

    fn diagnostics_for(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let p = self.wait_for("textDocument/publishDiagnostics", |p| {
            p["uri"] == uri && p["version"] == version
        });
        p["diagnostics"].as_array().unwrap().clone()
    }

    fn open(&mut self, uri: &str, language: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}),
        );
    }

    fn wait_exit(&mut self) -> i32 {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                return s.code().unwrap_or(-1);
            }
            assert!(Instant::now() < deadline, "server did not exit");
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Lsp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn with_code<'a>(diags: &'a [Value], code: &str) -> &'a Value {
    diags
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {diags:#?}"))
}

/// The page behind a `file://` link, which must be `rel` in the server's cache folder.
fn read_page(href: &str, cache: &tempfile::TempDir, rel: &str) -> String {
    let version = env!("CARGO_PKG_VERSION");
    let path = cache.path().join(format!("skaidri/rules/{version}/{rel}"));
    assert_eq!(href, format!("file://{}", path.display()));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn range(l0: u32, c0: u32, l1: u32, c1: u32) -> Value {
    json!({"start": {"line": l0, "character": c0}, "end": {"line": l1, "character": c1}})
}

/// Latvian text with emoji and a flag before the findings, so UTF-16 columns differ from
/// byte and character columns.
const TEXT: &str =
    "# Paziņojums 📢\n\nLabdien 👋! 🇱🇻 Sakarā ar remontu uz doto brīdi birojs ir slēgts.\n";
const URI: &str = "file:///tmp/skaidri-lsp-test/pazinojums.md";

#[test]
fn initialize_advertises_features_and_negotiates_positions() {
    let mut lsp = Lsp::start(&[]);
    let r = lsp.request("initialize", json!({"capabilities": {}}));
    let caps = &r["result"]["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(caps["hoverProvider"], true);
    assert_eq!(
        caps["codeActionProvider"]["codeActionKinds"],
        json!(["quickfix", "source.fixAll.skaidri"])
    );
    assert_eq!(r["result"]["serverInfo"]["name"], "skaidri");

    let mut lsp = Lsp::start(&[]);
    let r = lsp.request(
        "initialize",
        json!({"capabilities": {"general": {"positionEncodings": ["utf-8", "utf-16"]}}}),
    );
    assert_eq!(r["result"]["capabilities"]["positionEncoding"], "utf-8");
}

#[test]
fn diagnostics_have_utf16_ranges_codes_and_links() {
    let mut lsp = Lsp::initialized(None, json!({}), json!(null));
    lsp.open(URI, "markdown", TEXT);
    let diags = lsp.diagnostics_for(URI, 1);
    // Line 2: "Labdien 👋! 🇱🇻 " is 17 UTF-16 units (emoji 2, flag 4), 22 bytes.
    let of = with_code(&diags, "OF001");
    assert_eq!(of["range"], range(2, 17, 2, 26));
    assert_eq!(of["source"], "skaidri");
    assert_eq!(of["severity"], 2);
    // A link to the rule's documentation that works offline: the rule's definition in
    // the repository once its URL is real, until then a page the server wrote into the
    // cache folder with the rule's explanation, examples and source.
    let href = of["codeDescription"]["href"].as_str().expect("a link");
    match skaidri_config::docs::rule_docs_url("OF001") {
        Some(url) => assert_eq!(href, url),
        None => {
            let page = read_page(href, &lsp.cache, "lv/OF001.md");
            let rules = skaidri_core::rules::RuleSet::embedded().unwrap();
            let rule = rules.get("OF001").unwrap();
            assert!(page.contains(rule.explanation.trim()), "{page}");
            assert!(page.contains(&rule.examples[0].bad), "{page}");
            assert!(page.contains("*Avots:*"), "{page}");
        }
    }
    // "uz doto brīdi" starts after "Sakarā ar remontu " (18 more units).
    assert_eq!(with_code(&diags, "BA002")["range"], range(2, 35, 2, 48));
}

#[test]
fn utf8_positions_when_the_client_offers_them() {
    let mut lsp = Lsp::initialized(
        None,
        json!({"general": {"positionEncodings": ["utf-8"]}}),
        json!(null),
    );
    lsp.open(URI, "markdown", TEXT);
    let diags = lsp.diagnostics_for(URI, 1);
    let line = TEXT.lines().nth(2).unwrap();
    let col = line.find("Sakarā").unwrap() as u32;
    assert_eq!(
        with_code(&diags, "OF001")["range"],
        range(2, col, 2, col + "Sakarā ar".len() as u32)
    );
}

#[test]
fn incremental_changes_update_diagnostics_and_never_go_back_in_version() {
    let mut lsp = Lsp::initialized(None, json!({}), json!({"debounceMs": 30}));
    lsp.open(URI, "markdown", TEXT);
    lsp.diagnostics_for(URI, 1);
    // Replace "Sakarā ar remontu" (UTF-16 columns 17..34) with "Remonta dēļ", one
    // keystroke-sized edit per version, as fast as the pipe takes them.
    let edits = [
        (range(2, 17, 2, 34), ""),
        (range(2, 17, 2, 17), "R"),
        (range(2, 18, 2, 18), "emonta"),
        (range(2, 24, 2, 24), " dēļ"),
    ];
    for (i, (r, t)) in edits.iter().enumerate() {
        lsp.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": URI, "version": i + 2},
                   "contentChanges": [{"range": r, "text": t}]}),
        );
    }
    let diags = lsp.diagnostics_for(URI, 5);
    assert!(diags.iter().all(|d| d["code"] != "OF001"), "{diags:#?}");
    // "Labdien 👋! 🇱🇻 Remonta dēļ " is 17 + 12 units.
    assert_eq!(with_code(&diags, "BA002")["range"], range(2, 29, 2, 42));
    // Publications are in version order: nothing older came after something newer.
    let versions: Vec<i64> = lsp
        .backlog
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .filter_map(|m| m["params"]["version"].as_i64())
        .collect();
    assert!(versions.windows(2).all(|w| w[0] <= w[1]), "{versions:?}");
    // Hover at the moved finding confirms the server's text matches the editor's.
    let h = lsp.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 2, "character": 30}}),
    );
    assert!(h["result"]["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("BA002"));
}

#[test]
fn hover_shows_explanation_example_and_source() {
    let mut lsp = Lsp::initialized(None, json!({}), json!(null));
    lsp.open(URI, "markdown", TEXT);
    lsp.diagnostics_for(URI, 1);
    let h = lsp.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 2, "character": 18}}),
    );
    let value = h["result"]["contents"]["value"].as_str().unwrap();
    assert!(value.contains("**OF001** · kancelejas valoda"), "{value}");
    assert!(value.contains("Kāpēc tas ir svarīgi"), "{value}");
    assert!(
        value.contains("**Nevis:**") && value.contains("**bet:**"),
        "{value}"
    );
    assert!(value.contains("*Avots:*"), "{value}");
    assert_eq!(h["result"]["range"], range(2, 17, 2, 26));
    // Nothing to say on plain words.
    let none = lsp.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 2, "character": 2}}),
    );
    assert_eq!(none["result"], Value::Null);
}

#[test]
fn code_actions_offer_replacement_ignore_and_fix_all() {
    let mut lsp = Lsp::initialized(None, json!({}), json!(null));
    lsp.open(URI, "markdown", TEXT);
    lsp.diagnostics_for(URI, 1);
    let r = lsp.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": range(2, 36, 2, 36),
               "context": {"diagnostics": []}}),
    );
    let actions = r["result"].as_array().unwrap();
    let titles: Vec<&str> = actions
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    let replace = actions
        .iter()
        .find(|a| a["title"] == "Aizstāt «uz doto brīdi» ar «pašlaik»")
        .unwrap_or_else(|| panic!("{titles:?}"));
    assert_eq!(replace["kind"], "quickfix");
    assert_eq!(replace["isPreferred"], true);
    let edit = &replace["edit"]["changes"][URI][0];
    assert_eq!(edit["range"], range(2, 35, 2, 48));
    assert_eq!(edit["newText"], "pašlaik");
    let ignore = actions
        .iter()
        .find(|a| a["title"] == "Ignorēt BA002 šajā vietā")
        .unwrap_or_else(|| panic!("{titles:?}"));
    assert_eq!(
        ignore["edit"]["changes"][URI][0]["newText"],
        "<!-- skaidri-disable-next-line BA002 -->\n"
    );
    assert!(
        titles.iter().any(|t| t.starts_with("Labot visus drošos")),
        "{titles:?}"
    );
}

#[test]
fn commands_disable_a_rule_in_skaidri_toml_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let uri = format!("file://{}/a.txt", dir.path().display());
    let mut lsp = Lsp::initialized(Some(dir.path()), json!({}), json!(null));
    lsp.open(&uri, "plaintext", "Sakarā ar remontu birojs ir slēgts.");
    assert!(lsp
        .diagnostics_for(&uri, 1)
        .iter()
        .any(|d| d["code"] == "OF001"));
    let r = lsp.request(
        "workspace/executeCommand",
        json!({"command": "skaidri.disableRule", "arguments": [uri, "OF001"]}),
    );
    assert!(r.get("error").is_none(), "{r}");
    let toml = std::fs::read_to_string(dir.path().join("skaidri.toml")).unwrap();
    assert_eq!(toml, "disable = [\"OF001\"]\n");
    let p = lsp.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == uri.as_str()
            && p["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .all(|d| d["code"] != "OF001")
    });
    assert_eq!(p["version"], 1);
    // Adding a word writes the workspace dictionary.
    let r = lsp.request(
        "workspace/executeCommand",
        json!({"command": "skaidri.addWord", "arguments": [uri, "e-adrese"]}),
    );
    assert!(r.get("error").is_none(), "{r}");
    let words = std::fs::read_to_string(dir.path().join(".skaidri/words.txt")).unwrap();
    assert_eq!(words, "e-adrese\n");
}

#[test]
fn readability_code_lens_at_the_top() {
    let mut lsp = Lsp::initialized(None, json!({}), json!(null));
    lsp.open(URI, "markdown", TEXT);
    lsp.diagnostics_for(URI, 1);
    let r = lsp.request(
        "textDocument/codeLens",
        json!({"textDocument": {"uri": URI}}),
    );
    let lens = &r["result"][0];
    assert_eq!(lens["range"], range(0, 0, 0, 0));
    let title = lens["command"]["title"].as_str().unwrap();
    // e.g. "LIX 30,9 · viegls · 3 teikumi · 0 grūti teikumi"
    let parts: Vec<&str> = title.split(" · ").collect();
    assert_eq!(parts.len(), 4, "{title}");
    assert!(
        parts[0].starts_with("LIX ") && parts[0].contains(','),
        "{title}"
    );
    assert!(
        parts[2].ends_with(" teikumi") || parts[2].ends_with(" teikums"),
        "{title}"
    );
    assert_eq!(parts[3], "0 grūti teikumi", "{title}");
    assert_eq!(lens["command"]["command"], "skaidri.readability");
}

#[test]
fn malformed_messages_get_json_rpc_errors_and_the_server_keeps_serving() {
    let mut lsp = Lsp::initialized(None, json!({}), json!(null));
    // Not JSON at all.
    lsp.send_raw(b"{this is not json");
    let e = lsp.response(Value::Null);
    assert_eq!(e["error"]["code"], -32700, "{e}");
    // Wrong parameters.
    let e = lsp.request("textDocument/hover", json!({"textDocument": 5}));
    assert_eq!(e["error"]["code"], -32602, "{e}");
    // Unknown method.
    let e = lsp.request("skaidri/nope", json!({}));
    assert_eq!(e["error"]["code"], -32601, "{e}");
    // Unknown command.
    let e = lsp.request(
        "workspace/executeCommand",
        json!({"command": "nav", "arguments": []}),
    );
    assert_eq!(e["error"]["code"], -32602, "{e}");
    // JSON, but not JSON-RPC: Invalid Request, with the id kept.
    lsp.send(json!({"id": 99, "params": {}}));
    let e = lsp.response(json!(99));
    assert_eq!(e["error"]["code"], -32600, "{e}");
    // A frame without Content-Length.
    lsp.write_bytes(b"X-Nope: 1\r\n\r\n");
    let e = lsp.response(Value::Null);
    assert_eq!(e["error"]["code"], -32700, "{e}");
    // Still alive.
    lsp.open(URI, "markdown", TEXT);
    assert!(!lsp.diagnostics_for(URI, 1).is_empty());
}

#[test]
fn a_panic_in_a_request_is_caught_logged_and_survived() {
    let mut lsp = Lsp::initialized(None, json!({}), json!(null));
    let e = lsp.request(
        "workspace/executeCommand",
        json!({"command": "skaidri.test.panic", "arguments": []}),
    );
    assert_eq!(e["error"]["code"], -32603, "{e}");
    let log = lsp.wait_for("window/logMessage", |p| {
        p["message"].as_str().unwrap_or("").contains("panicked")
    });
    assert_eq!(log["type"], 1);
    lsp.open(URI, "markdown", TEXT);
    assert!(!lsp.diagnostics_for(URI, 1).is_empty());
}

#[test]
fn shutdown_then_exit_ends_with_code_0_and_exit_alone_with_1() {
    let mut lsp = Lsp::initialized(None, json!({}), json!(null));
    let r = lsp.request("shutdown", Value::Null);
    assert_eq!(r["result"], Value::Null);
    assert!(r.get("error").is_none(), "{r}");
    lsp.notify("exit", Value::Null);
    assert_eq!(lsp.wait_exit(), 0);

    let mut lsp = Lsp::initialized(None, json!({}), json!(null));
    lsp.notify("exit", Value::Null);
    assert_eq!(lsp.wait_exit(), 1);
}

fn has(diags: &[Value], pred: impl Fn(&Value) -> bool) -> bool {
    diags.iter().any(pred)
}

#[test]
fn skaidri_toml_is_read_like_the_cli_and_editor_settings_override_it() {
    // Seven words: over a `sentence_words` threshold of 5 from skaidri.toml, far under
    // the default 25. "pasvaldiba" is misspelt unless a word list says otherwise.
    let text = "Iestāde pieņēma lēmumu par jauno pasvaldiba kārtību.";
    let is_long = |d: &Value| d["code"] == "SL001";
    let is_spelling = |d: &Value| d["data"]["category"] == "spelling";

    // Without a config: no long sentence, one spelling finding.
    let bare = tempfile::tempdir().unwrap();
    let uri0 = format!("file://{}/a.txt", bare.path().display());
    let mut lsp = Lsp::initialized(Some(bare.path()), json!({}), json!(null));
    lsp.open(&uri0, "plaintext", text);
    let d = lsp.diagnostics_for(&uri0, 1);
    assert!(!has(&d, is_long) && has(&d, is_spelling), "{d:#?}");
    drop(lsp);

    // The config sets a threshold and names a word list; a subfolder's document finds it.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("skaidri.toml"),
        "dictionaries = [\"vardi.txt\"]\n[thresholds]\nsentence_words = 5\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("vardi.txt"), "# mūsu vārdi\npasvaldiba\n").unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let uri = format!("file://{}/sub/a.txt", dir.path().display());
    let mut lsp = Lsp::initialized(Some(dir.path()), json!({}), json!(null));
    lsp.open(&uri, "plaintext", text);
    let d = lsp.diagnostics_for(&uri, 1);
    let long = d
        .iter()
        .find(|d| is_long(d))
        .unwrap_or_else(|| panic!("{d:#?}"));
    assert!(long["message"].as_str().unwrap().contains('5'), "{long}");
    assert!(!has(&d, is_spelling), "{d:#?}");

    // The editor raises the threshold: the finding goes, for the same version.
    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"skaidri": {"max": {"SL001": 10}}}}),
    );
    lsp.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == uri.as_str()
            && p["version"] == 1
            && !p["diagnostics"].as_array().unwrap().iter().any(is_long)
    });

    // An invalid config is reported with file, line and column, and the server keeps
    // serving with the editor settings.
    std::fs::write(dir.path().join("skaidri.toml"), "profile = \"nav\"\n").unwrap();
    lsp.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": format!("file://{}/skaidri.toml", dir.path().display()), "type": 2}]}),
    );
    let m = lsp.wait_for("window/showMessage", |p| {
        p["message"]
            .as_str()
            .unwrap_or("")
            .contains("skaidri.toml:1:")
    });
    assert!(m["message"].as_str().unwrap().contains("nav"), "{m}");
}

#[test]
fn rule_pages_follow_the_language_and_rule_files_and_a_template_wins() {
    // English messages: English pages. A rule from the workspace's rule file gets a page
    // too, with its own explanation.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("skaidri.toml"),
        "rules = [\"local.toml\"]\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("local.toml"),
        "schema = 1\n[[rule]]\nid = \"XL900\"\nkind = \"phrase\"\ncategory = \"officialese\"\n\
         message = \"Mūsu iestādē rakstām citādi: «{text}».\"\n\
         explanation = \"Mūsu iestādes stila rokasgrāmata iesaka vienkāršāk.\"\n\
         patterns = [\"augstāk minētais\"]\n[[rule.example]]\n\
         bad = \"augstāk minētais lēmums\"\ngood = \"šis lēmums\"\n",
    )
    .unwrap();
    let uri = format!("file://{}/a.txt", dir.path().display());
    let text = "Sakarā ar remontu augstāk minētais birojs ir slēgts.";
    let mut lsp = Lsp::initialized(Some(dir.path()), json!({}), json!({"lang": "en"}));
    lsp.open(&uri, "plaintext", text);
    let d = lsp.diagnostics_for(&uri, 1);
    let local = with_code(&d, "XL900");
    let href = local["codeDescription"]["href"].as_str().expect("a link");
    let name = href.rsplit('/').next().unwrap();
    assert!(
        name.starts_with("XL900-") && name.ends_with(".md"),
        "{href}"
    );
    let page = read_page(href, &lsp.cache, &format!("en/{name}"));
    assert!(page.contains("stila rokasgrāmata"), "{page}");
    assert!(
        page.contains("**Instead of:** augstāk minētais lēmums"),
        "{page}"
    );
    if skaidri_config::docs::repository().is_none() {
        let of = with_code(&d, "OF001")["codeDescription"]["href"].clone();
        let page = read_page(of.as_str().unwrap(), &lsp.cache, "en/OF001.md");
        let rules = skaidri_core::rules::RuleSet::embedded().unwrap();
        let en = rules.get("OF001").unwrap().explanation_in(true);
        assert!(page.contains(en.trim()), "{page}");
    }
    drop(lsp);

    // The editor's template wins, and then nothing is written.
    let mut lsp = Lsp::initialized(
        None,
        json!({}),
        json!({"ruleDocsUrl": "https://docs.example.lv/{id}"}),
    );
    lsp.open(URI, "markdown", TEXT);
    let d = lsp.diagnostics_for(URI, 1);
    assert_eq!(
        with_code(&d, "OF001")["codeDescription"]["href"],
        "https://docs.example.lv/OF001"
    );
    assert!(!lsp.cache.path().join("skaidri").exists());
}

#[test]
fn an_unwritable_cache_leaves_links_out_but_diagnostics_in() {
    // The cache "folder" is a file: no page can be written under it.
    let dir = tempfile::tempdir().unwrap();
    let blocked = dir.path().join("cache");
    std::fs::write(&blocked, "").unwrap();
    let blocked = blocked.display().to_string();
    let mut lsp = Lsp::initialized_with(
        &[],
        &[("XDG_CACHE_HOME", &blocked)],
        None,
        json!({}),
        json!(null),
    );
    lsp.open(URI, "markdown", TEXT);
    let d = lsp.diagnostics_for(URI, 1);
    let of = with_code(&d, "OF001");
    if skaidri_config::docs::repository().is_none() {
        assert!(of.get("codeDescription").is_none(), "{of}");
    }
    let log = lsp.wait_for("window/logMessage", |p| {
        p["message"]
            .as_str()
            .unwrap_or("")
            .contains("cannot write rule documentation")
    });
    assert_eq!(log["type"], 2, "a warning: {log}");
}

#[test]
fn dict_word_lists_from_the_command_line_apply_to_every_document() {
    // "pasvaldiba" is misspelt unless a word list says otherwise.
    let text = "Iestāde pieņēma lēmumu par jauno pasvaldiba kārtību.";
    let is_spelling = |d: &Value| d["data"]["category"] == "spelling";
    let dir = tempfile::tempdir().unwrap();
    let uri = format!("file://{}/a.txt", dir.path().display());
    let mut lsp = Lsp::initialized(Some(dir.path()), json!({}), json!(null));
    lsp.open(&uri, "plaintext", text);
    let d = lsp.diagnostics_for(&uri, 1);
    assert!(has(&d, is_spelling), "{d:#?}");
    drop(lsp);

    let lists = tempfile::tempdir().unwrap();
    let words = lists.path().join("vardi.txt");
    std::fs::write(&words, "# iestādes vārdi\npasvaldiba\n").unwrap();
    let other = lists.path().join("citi.txt");
    std::fs::write(&other, "e-adrese\n").unwrap();
    let (words, other) = (words.display().to_string(), other.display().to_string());
    let mut lsp = Lsp::initialized_with(
        &["--dict", &other, "--dict", &words],
        &[],
        Some(dir.path()),
        json!({}),
        json!(null),
    );
    lsp.open(&uri, "plaintext", text);
    let d = lsp.diagnostics_for(&uri, 1);
    assert!(!has(&d, is_spelling), "{d:#?}");
    // Also in a document outside the workspace.
    let elsewhere = "file:///tmp/skaidri-lsp-test/cits.txt";
    lsp.open(elsewhere, "plaintext", text);
    assert!(!has(&lsp.diagnostics_for(elsewhere, 1), is_spelling));
    drop(lsp);

    // A missing list stops the server with an error naming it, like `check --dict`.
    let out = Command::new(env!("CARGO_BIN_EXE_skaidri"))
        .args(["lsp", "--dict", "/nonexistent/vardi.txt"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/nonexistent/vardi.txt"), "{err}");
}
