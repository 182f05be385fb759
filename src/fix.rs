//! Writing fixes safely and showing them as diffs.
//!
//! A file is replaced atomically: the new content goes to a temporary file in the same
//! folder, which gets the original's permissions and is renamed over it. Just before the
//! rename the file is read again; if its bytes differ from what was checked (an editor
//! saved it meanwhile), it is left alone.

use anyhow::{bail, Context, Result};
use std::io::Write;
use std::path::Path;

/// Writes `contents` to `path` atomically, keeping the permissions of the file it
/// replaces. When `expected` is given, the file must still hold exactly those bytes.
pub fn write_atomic(path: &Path, contents: &[u8], expected: Option<&[u8]>) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".skaidri-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| {
            format!(
                "{}: cannot create a temporary file next to it",
                path.display()
            )
        })?;
    tmp.write_all(contents)
        .and_then(|_| tmp.as_file().sync_all())
        .with_context(|| format!("{}: cannot write the temporary file", path.display()))?;
    if let Ok(meta) = std::fs::metadata(path) {
        std::fs::set_permissions(tmp.path(), meta.permissions())
            .with_context(|| format!("{}: cannot copy permissions", path.display()))?;
    }
    if let Some(expected) = expected {
        let now = std::fs::read(path)
            .with_context(|| format!("{}: cannot read again", path.display()))?;
        if now != expected {
            bail!(
                "{}: changed since it was read; not fixed (run skaidri again)",
                path.display()
            );
        }
    }
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("{}: cannot replace the file", path.display()))?;
    Ok(())
}

/// A unified diff of `old` → `new` with `a/` and `b/` headers; empty when equal.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_a_file_that_changed() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "jauns saturs").unwrap();
        let e = write_atomic(&p, b"labots", Some(b"vecs saturs")).unwrap_err();
        assert!(e.to_string().contains("changed since it was read"), "{e}");
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "jauns saturs");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "the temporary file is removed");
    }

    #[test]
    fn diff_has_headers() {
        let d = unified_diff("x.txt", "a\nb\n", "a\nc\n");
        assert!(d.starts_with("--- a/x.txt\n+++ b/x.txt\n"), "{d}");
        assert!(d.contains("-b\n+c\n"), "{d}");
    }
}
