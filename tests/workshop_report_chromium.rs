//! Renders the workshop HTML report in headless Chromium (Debian's `chromium`) and checks
//! what the browser built: highlights, popovers, the summary panel, the fact check, and a
//! screenshot. Skips (prints why, passes) when Chromium is not installed; `.ci/run`
//! installs it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn chromium() -> Option<PathBuf> {
    let candidates = [
        std::env::var("SKAIDRI_CHROMIUM").ok(),
        Some("chromium".to_string()),
        Some("chromium-browser".to_string()),
    ];
    candidates
        .into_iter()
        .flatten()
        .map(PathBuf::from)
        .find(|c| {
            Command::new(c)
                .arg("--version")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        })
}

/// Runs Chromium headless with the flags that work on a closed network, killing it after
/// 90 seconds.
fn run_chromium(bin: &Path, extra: &[&str], url: &str) -> Output {
    let profile = tempfile::tempdir().expect("profile dir");
    let mut child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(url)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start chromium");
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    child.wait_with_output().expect("chromium output")
}

fn skaidri(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skaidri"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run skaidri")
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn workshop_report_renders_in_chromium() {
    let Some(bin) = chromium() else {
        eprintln!("skipped: chromium is not installed (apt-get install chromium; .ci/run does)");
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let rewrite = repo().join("corpus/workshop/piemers-grupa/anna.txt");
    let html = dir.path().join("parskats.html");
    let o = skaidri(
        &[
            "workshop",
            "check",
            "17",
            rewrite.to_str().expect("utf-8 path"),
            "--html",
            html.to_str().expect("utf-8 path"),
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(1), "anna's rewrite misses the goal");
    let url = format!("file://{}", html.display());

    // The DOM Chromium built (after running the page's script).
    let o = run_chromium(&bin, &["--dump-dom"], &format!("{url}#s1f1"));
    let dom = String::from_utf8_lossy(&o.stdout);
    assert!(
        dom.contains("<html lang=\"lv\" data-js=\"1\">"),
        "page script did not run or lang is missing:\n{}",
        &dom[..dom.len().min(400)]
    );
    // Highlights: buttons with a category, each pointing at a popover that exists.
    let highlights = dom.matches("<button type=\"button\" class=\"hl\"").count();
    assert!(highlights >= 3, "only {highlights} highlights");
    for part in dom.split("popovertarget=\"").skip(1) {
        let id = &part[..part.find('"').unwrap()];
        assert!(
            dom.contains(&format!("<div popover=\"\" id=\"{id}\"")),
            "highlight opens a missing popover {id}"
        );
    }
    for cat in ["officialese", "word-complexity"] {
        assert!(
            dom.contains(&format!("data-category=\"{cat}\"")),
            "no {cat} highlight"
        );
    }
    assert!(
        dom.contains("popovertarget=\"s1f1\"") && dom.contains("<div popover=\"\" id=\"s1f1\"")
    );
    // The popover named in the URL was opened by the browser's Popover API.
    assert!(
        dom.contains("id=\"s1f1\" class=\"pop\" role=\"dialog\" aria-labelledby=\"s1f1-h\" data-opened=\"1\""),
        "popover did not open"
    );
    // Summary: gauges, histograms, score cards, goal criteria, fact check with the lost amount.
    assert!(dom.matches("class=\"gauge\"").count() >= 2);
    assert!(dom.matches("class=\"histogram\"").count() >= 2);
    assert!(dom.contains("class=\"banner unmet\""));
    assert!(dom.contains("<tr class=\"fact-missing\"><td>300 latu</td>"));
    assert!(dom.contains("<th scope=\"col\">Fakts</th>"));
    assert!(dom.contains("<main id=\"main\">"));

    // A screenshot the size of a projector screen.
    let png = dir.path().join("report.png");
    let shot = format!("--screenshot={}", png.display());
    let o = run_chromium(&bin, &[&shot, "--window-size=1600,1000"], &url);
    let bytes = std::fs::read(&png).unwrap_or_else(|e| {
        panic!(
            "no screenshot ({e}); chromium said: {}",
            String::from_utf8_lossy(&o.stderr)
        )
    });
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    assert!(
        bytes.len() > 30_000,
        "screenshot suspiciously small: {} bytes",
        bytes.len()
    );
    // Width and height from the IHDR chunk.
    let w = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
    let h = u32::from_be_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]);
    assert_eq!((w, h), (1600, 1000));
}

#[test]
fn plain_report_renders_in_chromium() {
    let Some(bin) = chromium() else {
        eprintln!("skipped: chromium is not installed");
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let text = repo().join("corpus/legal/instrukcijas-apstiprinasana.txt");
    let html = dir.path().join("r.html");
    let o = skaidri(
        &[
            "report",
            text.to_str().expect("utf-8 path"),
            "--html",
            html.to_str().expect("utf-8 path"),
            "--lang",
            "en",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0));
    let o = run_chromium(&bin, &["--dump-dom"], &format!("file://{}", html.display()));
    let dom = String::from_utf8_lossy(&o.stdout);
    assert!(dom.contains("<html lang=\"en\" data-js=\"1\">"));
    assert!(dom.contains("class=\"gauge\"") && dom.contains("class=\"histogram\""));
    assert!(dom.contains("Findings by category"));
    assert!(
        dom.contains("class=\"pill\""),
        "hard sentences get a length pill"
    );
}
