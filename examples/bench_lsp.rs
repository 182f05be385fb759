//! Benchmark of `skaidri lsp` over stdio (not a test: run it, read the numbers).
//!
//! 1. Latency: a 50 kB Latvian document built from `corpus/` is opened; then 200 small
//!    edits are sent one at a time and the time from writing each `didChange` to reading
//!    the `publishDiagnostics` for that version is measured. Debounce is set to 0 ms for
//!    the measurement (the editor default is 200 ms, which would only add a constant).
//!    The server's CPU time over the 200 edits is reported too: on a busy machine wall
//!    time includes waiting for a core, CPU time does not.
//! 2. Memory: 20 such documents are opened and the server's resident memory (VmRSS and
//!    its peak VmHWM from /proc) is read once all of them have diagnostics.
//!
//! Usage: `scripts/bench-lsp.sh` (builds in release mode and runs this), or
//! `cargo run --release --example bench_lsp -- target/release/skaidri [LANGUAGE_ID]`
//! (`plaintext` by default; `markdown` sends the same text through Markdown extraction).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

const DOC_BYTES: usize = 50_000;
const EDITS: usize = 200;
const DOCS: usize = 20;

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

fn send(w: &mut ChildStdin, msg: Value) {
    let body = msg.to_string();
    write!(w, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
    w.flush().unwrap();
}

fn wait_for(rx: &Receiver<Value>, pred: impl Fn(&Value) -> bool) -> Value {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let m = rx.recv_timeout(left).expect("server answered within 60 s");
        if pred(&m) {
            return m;
        }
    }
}

/// Corpus texts, concatenated (repeated if needed) and cut at a line end near 50 kB.
fn document(root: &Path) -> String {
    let mut files: Vec<_> = walk(&root.join("corpus"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let texts: Vec<String> = files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let mut doc = String::new();
    while doc.len() < DOC_BYTES {
        for t in &texts {
            doc.push_str(t);
            doc.push('\n');
        }
    }
    let cut = doc[..DOC_BYTES].rfind('\n').unwrap_or(DOC_BYTES);
    doc.truncate(cut + 1);
    doc
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn rss_kib(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// CPU time (user + system) the process `pid` has used so far, from /proc (Linux).
fn cpu_time(pid: u32) -> Duration {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit(')')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    // utime and stime are fields 14 and 15 of the line; clock ticks are 100 Hz on Linux.
    Duration::from_millis((ticks(11) + ticks(12)) * 10)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let bin = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/release/skaidri".into());
    let language = std::env::args()
        .nth(2)
        .unwrap_or_else(|| "plaintext".into());
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = document(root);
    let lines = doc.lines().count();

    let mut child = Command::new(&bin)
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{bin}: {e}"));
    let pid = child.id();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        while let Some(m) = read_message(&mut stdout) {
            if tx.send(m).is_err() {
                break;
            }
        }
    });

    send(
        &mut stdin,
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
               "params": {"capabilities": {}, "initializationOptions": {"debounceMs": 0}}}),
    );
    wait_for(&rx, |m| m["id"] == 1);
    send(
        &mut stdin,
        json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
    );
    let rss_idle = rss_kib(pid, "VmRSS:");

    let uri = "file:///bench/doc0.txt";
    let t = Instant::now();
    send(
        &mut stdin,
        json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument":
            {"uri": uri, "languageId": language, "version": 1, "text": doc}}}),
    );
    let first = wait_for(&rx, |m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == 1
    });
    let open_time = t.elapsed();
    let findings = first["params"]["diagnostics"]
        .as_array()
        .map_or(0, Vec::len);

    // 200 edits: type a word into a line, then delete it again, walking through the text.
    let mut times = Vec::with_capacity(EDITS);
    let cpu_before = cpu_time(pid);
    for i in 0..EDITS {
        let version = i as i64 + 2;
        let line = (i / 2 * 7) % lines;
        let change = if i % 2 == 0 {
            json!({"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}},
                   "text": "Sakarā ar "})
        } else {
            json!({"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 10}},
                   "text": ""})
        };
        let t = Instant::now();
        send(
            &mut stdin,
            json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                "textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}}),
        );
        wait_for(&rx, |m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == version
        });
        times.push(t.elapsed());
    }
    let server_cpu = cpu_time(pid) - cpu_before;
    times.sort();
    let mean = times.iter().sum::<Duration>() / times.len() as u32;

    // 20 documents open at once.
    for d in 1..DOCS {
        let uri = format!("file:///bench/doc{d}.txt");
        send(
            &mut stdin,
            json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument":
                {"uri": uri, "languageId": language, "version": 1, "text": doc}}}),
        );
    }
    let mut seen = std::collections::HashSet::new();
    while seen.len() < DOCS - 1 {
        let m = wait_for(&rx, |m| m["method"] == "textDocument/publishDiagnostics");
        seen.insert(m["params"]["uri"].as_str().unwrap_or("").to_string());
        seen.remove(uri);
    }
    let rss = rss_kib(pid, "VmRSS:");
    let hwm = rss_kib(pid, "VmHWM:");

    send(
        &mut stdin,
        json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}),
    );
    wait_for(&rx, |m| m["id"] == 2);
    send(&mut stdin, json!({"jsonrpc": "2.0", "method": "exit"}));
    let _ = child.wait();

    println!("skaidri lsp benchmark ({bin})");
    println!(
        "document: {} bytes, {lines} lines, {findings} findings, language id {language}; debounce 0 ms",
        doc.len()
    );
    println!("didOpen → publishDiagnostics: {:.1} ms", ms(open_time));
    println!(
        "didChange → publishDiagnostics over {EDITS} edits: p50 {:.1} ms, p95 {:.1} ms, mean {:.1} ms, max {:.1} ms",
        ms(percentile(&times, 0.50)),
        ms(percentile(&times, 0.95)),
        ms(mean),
        ms(*times.last().unwrap())
    );
    println!(
        "server CPU time per edit (user + system, all threads): {:.1} ms",
        ms(server_cpu) / EDITS as f64
    );
    println!(
        "memory: idle {:.1} MiB; {DOCS} documents open: VmRSS {:.1} MiB (peak VmHWM {:.1} MiB)",
        rss_idle as f64 / 1024.0,
        rss as f64 / 1024.0,
        hwm as f64 / 1024.0
    );
    println!("targets: p95 ≤ 30 ms, RSS ≤ 150 MiB");
}
