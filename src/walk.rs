//! Turning the paths on the command line into the list of files to check: files as
//! given, folders searched recursively (respecting `.gitignore`, `.ignore` and hidden
//! files through the `ignore` crate), globs, and `--files-from`.

use crate::output::InputError;
use anyhow::{Context, Result};
use globset::GlobBuilder;
use ignore::WalkBuilder;
use std::io::Read;
use std::path::{Path, PathBuf};

/// One file found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The path as given or found.
    pub path: PathBuf,
    /// Named on the command line (or in `--files-from`): checked whatever its
    /// extension; config `include`/`exclude` do not apply.
    pub explicit: bool,
}

/// How to search folders.
#[derive(Debug, Clone, Copy)]
pub struct WalkOptions {
    /// Visit hidden files and folders.
    pub hidden: bool,
    /// Respect ignore files.
    pub ignore: bool,
}

/// What was asked for.
#[derive(Debug, Default)]
pub struct Inputs {
    /// Files to check.
    pub files: Vec<Found>,
    /// Whether standard input is one of the inputs.
    pub stdin: bool,
    /// Paths that do not exist or could not be searched.
    pub errors: Vec<InputError>,
    /// Globs that matched nothing (a warning).
    pub empty_globs: Vec<String>,
}

fn is_glob(s: &str) -> bool {
    s.contains(['*', '?', '[', '{'])
}

fn walker(root: &Path, o: WalkOptions) -> WalkBuilder {
    let mut w = WalkBuilder::new(root);
    w.hidden(!o.hidden)
        .ignore(o.ignore)
        .git_ignore(o.ignore)
        .git_global(o.ignore)
        .git_exclude(o.ignore)
        .parents(o.ignore)
        .require_git(false)
        .sort_by_file_path(|a, b| a.cmp(b));
    w
}

/// A walked path without a leading `./`.
fn tidy(p: &Path) -> PathBuf {
    p.strip_prefix(".")
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| p.to_path_buf())
}

fn walk_dir(root: &Path, o: WalkOptions, out: &mut Inputs, keep: &dyn Fn(&Path) -> bool) {
    for entry in walker(root, o).build() {
        match entry {
            Ok(e) => {
                if e.file_type().is_some_and(|t| t.is_file()) {
                    let p = tidy(e.path());
                    if keep(&p) {
                        out.files.push(Found {
                            path: p,
                            explicit: false,
                        });
                    }
                }
            }
            Err(e) => out.errors.push(InputError {
                path: root.display().to_string(),
                message: format!("{}: {e}", root.display()),
            }),
        }
    }
}

fn expand_glob(pattern: &str, o: WalkOptions, out: &mut Inputs) {
    let pat = pattern.strip_prefix("./").unwrap_or(pattern);
    let glob = match GlobBuilder::new(pat).literal_separator(true).build() {
        Ok(g) => g.compile_matcher(),
        Err(e) => {
            out.errors.push(InputError {
                path: pattern.to_string(),
                message: format!("{pattern}: bad glob: {}", e.kind()),
            });
            return;
        }
    };
    // search from the longest leading part without glob characters
    let mut base = PathBuf::new();
    for c in Path::new(pat).components() {
        let s = c.as_os_str().to_string_lossy();
        if is_glob(&s) {
            break;
        }
        base.push(c);
    }
    if base == Path::new(pat) {
        base.pop();
    }
    let root = if base.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        base
    };
    let before = out.files.len();
    walk_dir(&root, o, out, &|p| glob.is_match(p));
    for f in &mut out.files[before..] {
        f.explicit = true;
    }
    if out.files.len() == before {
        out.empty_globs.push(pattern.to_string());
    }
}

/// Collects the inputs named by `paths` and `files_from`. `keep_walked` says whether a
/// file found in a folder is checked (extensions and config include/exclude).
pub fn collect(
    paths: &[PathBuf],
    files_from: Option<&Path>,
    o: WalkOptions,
    keep_walked: &dyn Fn(&Path) -> bool,
) -> Result<Inputs> {
    let mut out = Inputs::default();
    let mut all: Vec<PathBuf> = paths.to_vec();
    if let Some(list) = files_from {
        let text = if list.as_os_str() == "-" {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .context("<stdin>: cannot read the list of files")?;
            s
        } else {
            std::fs::read_to_string(list)
                .with_context(|| format!("{}: cannot read the list of files", list.display()))?
        };
        all.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(PathBuf::from),
        );
    }
    for p in &all {
        let s = p.to_string_lossy();
        if s == "-" {
            out.stdin = true;
        } else if p.is_dir() {
            walk_dir(p, o, &mut out, keep_walked);
        } else if p.exists() {
            out.files.push(Found {
                path: p.clone(),
                explicit: true,
            });
        } else if is_glob(&s) {
            expand_glob(&s, o, &mut out);
        } else {
            out.errors.push(InputError {
                path: s.to_string(),
                message: format!("{s}: no such file or folder"),
            });
        }
    }
    out.files.sort_by(|a, b| a.path.cmp(&b.path));
    out.files.dedup_by(|a, b| {
        let same = a.path == b.path;
        if same {
            b.explicit |= a.explicit;
        }
        same
    });
    Ok(out)
}
