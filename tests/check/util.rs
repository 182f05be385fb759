//! Test helpers: a temporary folder with files, and a `skaidri` command run in it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Defines a test that gets a fresh [`Dir`] and a `skaidri check` [`Cmd`] in it.
macro_rules! sktest {
    ($name:ident, |$dir:ident, $cmd:ident| $body:block) => {
        #[test]
        fn $name() {
            let $dir = $crate::util::Dir::new(stringify!($name));
            #[allow(unused_mut)]
            let mut $cmd = $dir.check();
            $body
        }
    };
}

/// Asserts equality and prints both sides in full when they differ.
macro_rules! eqnice {
    ($expected:expr, $got:expr) => {{
        let (expected, got) = (&$expected, &$got);
        if expected != got {
            panic!(
                "\n===== expected =====\n{}\n===== got =====\n{}\n====================\n",
                expected, got
            );
        }
    }};
}

/// A temporary folder that is removed when the test ends.
pub struct Dir {
    tmp: tempfile::TempDir,
}

impl Dir {
    /// A new empty folder.
    pub fn new(name: &str) -> Dir {
        let tmp = tempfile::Builder::new()
            .prefix(&format!("skaidri-{name}-"))
            .tempdir()
            .unwrap();
        Dir { tmp }
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        self.tmp.path()
    }

    /// Writes a file (creating folders).
    pub fn create(&self, rel: &str, contents: &str) -> PathBuf {
        self.create_bytes(rel, contents.as_bytes())
    }

    /// Writes a file with raw bytes.
    pub fn create_bytes(&self, rel: &str, contents: &[u8]) -> PathBuf {
        let p = self.path().join(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&p, contents).unwrap();
        p
    }

    /// Reads a file.
    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path().join(rel)).unwrap()
    }

    /// `skaidri check` in this folder.
    pub fn check(&self) -> Cmd {
        let mut c = Cmd::new(self.path());
        c.arg("check");
        c
    }

    /// `skaidri` (no subcommand yet) in this folder.
    pub fn skaidri(&self) -> Cmd {
        Cmd::new(self.path())
    }
}

/// A `skaidri` command.
pub struct Cmd {
    cmd: Command,
    stdin: Option<Vec<u8>>,
}

/// The result of a run.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Cmd {
    fn new(dir: &Path) -> Cmd {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_skaidri"));
        cmd.current_dir(dir)
            .env("NO_COLOR", "1")
            .env_remove("RAYON_NUM_THREADS");
        Cmd { cmd, stdin: None }
    }

    /// Adds an argument.
    pub fn arg(&mut self, a: impl AsRef<std::ffi::OsStr>) -> &mut Cmd {
        self.cmd.arg(a);
        self
    }

    /// Adds arguments.
    pub fn args<I, S>(&mut self, a: I) -> &mut Cmd
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        self.cmd.args(a);
        self
    }

    /// Sets an environment variable.
    pub fn env(&mut self, k: &str, v: &str) -> &mut Cmd {
        self.cmd.env(k, v);
        self
    }

    /// Feeds standard input.
    pub fn stdin(&mut self, s: &str) -> &mut Cmd {
        self.stdin = Some(s.as_bytes().to_vec());
        self
    }

    /// Runs the command.
    pub fn run(&mut self) -> Run {
        self.cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = self.cmd.spawn().expect("spawn skaidri");
        let input = self.stdin.take().unwrap_or_default();
        // the program may exit before reading its input (e.g. a usage error)
        let _ = child.stdin.take().unwrap().write_all(&input);
        let out: Output = child.wait_with_output().unwrap();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Runs and asserts the exit code.
    pub fn expect(&mut self, code: i32) -> Run {
        let r = self.run();
        assert_eq!(
            r.code, code,
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            r.stdout, r.stderr
        );
        r
    }
}

impl Run {
    /// Standard output as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("bad JSON ({e}):\n{}", self.stdout))
    }
}

/// One sentence that fires OF001 ("Sakarā ar") and nothing else in the default profile.
pub const OF001: &str = "Sakarā ar remontu birojs nestrādās.";
/// A sentence that fires ND001 (percent without a space), whose fix is safe.
pub const ND001: &str = "Bezdarbs pieauga par 15%.";
/// A clean sentence.
pub const CLEAN: &str = "Remonta dēļ birojs nestrādās.";

/// The paths and rule ids of a JSON report, as `path:line:RULE` lines.
pub fn hits(v: &serde_json::Value) -> Vec<String> {
    let mut out = Vec::new();
    for f in v["files"].as_array().unwrap() {
        for d in f["diagnostics"].as_array().unwrap() {
            out.push(format!(
                "{}:{}:{}",
                f["path"].as_str().unwrap(),
                d["range"]["start"]["line"],
                d["rule"].as_str().unwrap()
            ));
        }
    }
    out
}
