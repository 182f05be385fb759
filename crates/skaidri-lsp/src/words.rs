//! The workspace dictionary: words the user marked as correct.
//!
//! Stored one word per line in `.skaidri/words.txt` at the workspace root (lines starting
//! with `#` are comments). The server keeps the words in memory and drops spelling
//! findings for them, so a word stops being flagged as soon as it is added — until the
//! core takes user dictionaries itself.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Folder and file name of the workspace dictionary, relative to the workspace root.
pub const RELATIVE_PATH: &str = ".skaidri/words.txt";

/// A set of words compared case-insensitively.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UserWords {
    words: BTreeSet<String>,
}

impl UserWords {
    /// Parses the file's text.
    pub fn parse(text: &str) -> UserWords {
        let words = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_lowercase)
            .collect();
        UserWords { words }
    }

    /// Reads the dictionary under `root`; a missing file is an empty dictionary.
    pub fn load(root: &Path) -> std::io::Result<UserWords> {
        match std::fs::read_to_string(root.join(RELATIVE_PATH)) {
            Ok(t) => Ok(UserWords::parse(&t)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(UserWords::default()),
            Err(e) => Err(e),
        }
    }

    /// Whether `word` is in the dictionary (case-insensitive).
    pub fn contains(&self, word: &str) -> bool {
        !self.words.is_empty() && self.words.contains(&word.trim().to_lowercase())
    }

    /// Adds a word in memory; returns false if it was already there.
    pub fn insert(&mut self, word: &str) -> bool {
        self.words.insert(word.trim().to_lowercase())
    }

    /// The words, in lower case.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(String::as_str)
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the dictionary is empty.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Appends `word` to the dictionary file under `root`, creating the folder and file as
/// needed. Returns the file's path.
pub fn append(root: &Path, word: &str) -> std::io::Result<PathBuf> {
    let path = root.join(RELATIVE_PATH);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let existing = std::fs::read_to_string(&path).unwrap_or_default();
    if UserWords::parse(&existing).contains(word) {
        return Ok(path);
    }
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)?;
    if !existing.is_empty() && !existing.ends_with('\n') {
        f.write_all(b"\n")?;
    }
    writeln!(f, "{}", word.trim())?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_case_insensitive_and_comments_skipped() {
        let w = UserWords::parse("# mūsu vārdi\nVARAM\n\n  e-adrese \n");
        assert_eq!(w.len(), 2);
        assert!(w.contains("varam") && w.contains("E-adrese"));
        assert!(!w.contains("mūsu"));
    }

    #[test]
    fn append_creates_and_extends_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = append(dir.path(), "Latvija.lv").unwrap();
        std::fs::write(&p, std::fs::read_to_string(&p).unwrap().trim_end()).unwrap();
        append(dir.path(), "e-klase").unwrap();
        append(dir.path(), "E-KLASE").unwrap();
        assert_eq!(
            std::fs::read_to_string(&p).unwrap(),
            "Latvija.lv\ne-klase\n"
        );
        let w = UserWords::load(dir.path()).unwrap();
        assert!(w.contains("latvija.lv") && w.contains("e-klase"));
        let empty = tempfile::tempdir().unwrap();
        assert!(UserWords::load(empty.path()).unwrap().is_empty());
    }
}
