//! End-to-end: `skaidri lsp` in a real editor. Headless Neovim opens a Latvian Markdown
//! file, receives skaidri's diagnostics, shows hover and the readability lens, applies two
//! code actions, and `tests/nvim/e2e.lua` checks the resulting buffer text.
//!
//! Skips (prints why, passes) only when `nvim` is not installed; CI installs it through
//! `.ci/apt-packages`. Bounded: Neovim is killed after 30 s.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const LIMIT: Duration = Duration::from_secs(30);

fn nvim_available() -> bool {
    Command::new("nvim")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// A notice in Latvian government style with emoji, a flag and findings, followed by a
/// real municipal regulation from the corpus.
fn document() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus =
        std::fs::read_to_string(root.join("corpus/legal/pavilostas-saistosie-noteikumi.txt"))
            .expect("corpus text");
    format!(
        "# Paziņojums iedzīvotājiem 📢\n\n\
         Labdien 👋! Sakarā ar remontu uz doto brīdi birojs ir slēgts.\n\n\
         🇱🇻 Lūdzam iesniegt sekojošus dokumentus līdz 1. decembrim.\n\n\
         ## Saistošie noteikumi\n\n{corpus}"
    )
}

#[test]
fn neovim_shows_diagnostics_hover_lens_and_applies_code_actions() {
    if !nvim_available() {
        eprintln!("skipping: `nvim` is not installed (Debian package `neovim`)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pazinojums.md");
    std::fs::write(&file, document()).unwrap();
    let result = dir.path().join("result.txt");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/nvim/e2e.lua");

    let mut child = Command::new("nvim")
        .args(["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c"])
        .arg(format!("luafile {}", script.display()))
        .env("SKAIDRI_BIN", env!("CARGO_BIN_EXE_skaidri"))
        .env("SKAIDRI_FILE", &file)
        .env("SKAIDRI_RESULT", &result)
        .env("XDG_STATE_HOME", dir.path())
        .env("XDG_CACHE_HOME", dir.path())
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start nvim");
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break Some(s);
        }
        if start.elapsed() > LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let report = std::fs::read_to_string(&result).unwrap_or_else(|_| "(no result file)".into());
    let mut stderr = String::new();
    if let Some(mut e) = child.stderr.take() {
        use std::io::Read;
        let _ = e.read_to_string(&mut stderr);
    }
    eprintln!("{report}");
    let status = status.unwrap_or_else(|| panic!("nvim ran over {LIMIT:?}\n{report}\n{stderr}"));
    assert!(
        status.success(),
        "nvim failed ({status})\n{report}\n{stderr}"
    );
    assert!(report.trim_end().ends_with("OK"), "{report}");
    // The file on disk is untouched: the edits are in the buffer, as in a real session.
    assert_eq!(std::fs::read_to_string(&file).unwrap(), document());
}
