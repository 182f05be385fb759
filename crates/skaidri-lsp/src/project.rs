//! The project's `skaidri.toml`: found and read by `skaidri-config` exactly as the CLI
//! does (nearest `skaidri.toml` or `.skaidri.toml` upwards, every key validated, errors
//! with file, line and column), plus what the server needs around it: the extra rule
//! files and word lists it names, and adding a rule to its `disable` list.

use skaidri_config::Config;
use skaidri_core::rules::RuleSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The configuration file name written when none exists yet.
pub const FILE_NAME: &str = "skaidri.toml";

/// Errors reading or editing `skaidri.toml` and the files it names.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ProjectError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The file is not valid TOML or a key has the wrong type.
    #[error("{path}: {message}")]
    Parse {
        /// The file.
        path: PathBuf,
        /// The parser's message, with line and column.
        message: String,
    },
    /// `skaidri.toml` is invalid (the message names file, line, column and key).
    #[error(transparent)]
    Config(#[from] skaidri_config::ConfigError),
    /// A rule file named by `rules = [...]` does not compile.
    #[error("{0}")]
    Rules(#[from] skaidri_core::rules::RuleError),
}

/// The nearest config file (`skaidri.toml` or `.skaidri.toml`) in `start` or a folder
/// above it, as an absolute path.
pub fn discover(start: &Path) -> Option<PathBuf> {
    skaidri_config::find_config(start).map(|p| skaidri_config::absolute(&p))
}

/// Reads and validates the config file at `path`.
pub fn load(path: &Path) -> Result<Arc<Config>, ProjectError> {
    Ok(Arc::new(Config::load(path)?))
}

/// The embedded rules plus the rule files the config names (`rules = [...]`: files or
/// folders of `*.toml`, relative to the config file), as the CLI loads them.
pub fn rule_set(config: &Config) -> Result<RuleSet, ProjectError> {
    let mut files: Vec<(String, String)> = Vec::new();
    for p in config.rule_paths() {
        collect_rule_files(&p, &mut files)?;
    }
    Ok(RuleSet::embedded_with(
        files.iter().map(|(n, s)| (n.as_str(), s.as_str())),
    )?)
}

fn collect_rule_files(p: &Path, out: &mut Vec<(String, String)>) -> Result<(), ProjectError> {
    let io = |source| ProjectError::Io {
        path: p.to_path_buf(),
        source,
    };
    if p.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
            .map_err(io)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for e in entries {
            if e.is_dir() || e.extension().is_some_and(|x| x == "toml") {
                collect_rule_files(&e, out)?;
            }
        }
    } else {
        let text = std::fs::read_to_string(p).map_err(io)?;
        out.push((p.display().to_string(), text));
    }
    Ok(())
}

/// The words of the word lists the config names (`dictionaries = [...]`): one word per
/// line, blank lines and `#` comments skipped — the same format as `--dict`.
pub fn dictionary_words(config: &Config) -> Result<Vec<String>, ProjectError> {
    let mut words = Vec::new();
    for p in config.dictionaries() {
        let text = std::fs::read_to_string(&p).map_err(|source| ProjectError::Io {
            path: p.clone(),
            source,
        })?;
        words.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_string),
        );
    }
    Ok(words)
}

/// Returns `text` (the current file, empty if there is none) with `rule` added to the
/// top-level `disable` list, keeping comments and layout. Unchanged if already there.
pub fn with_disabled_rule(path: &Path, text: &str, rule: &str) -> Result<String, ProjectError> {
    let parse_err = |message: String| ProjectError::Parse {
        path: path.to_path_buf(),
        message,
    };
    let mut doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| parse_err(e.to_string()))?;
    let item = doc
        .as_table_mut()
        .entry("disable")
        .or_insert_with(|| toml_edit::value(toml_edit::Array::new()));
    let Some(array) = item.as_array_mut() else {
        return Err(parse_err("`disable` must be an array of rule ids".into()));
    };
    if !array.iter().any(|v| v.as_str() == Some(rule)) {
        array.push(rule);
    }
    Ok(doc.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn disabled(text: &str) -> Vec<String> {
        let rules = RuleSet::embedded().unwrap();
        let c = Config::parse(Path::new("skaidri.toml"), text).unwrap();
        c.settings(Path::new("a.txt"), &rules).unwrap().disable
    }

    #[test]
    fn reads_rule_files_and_word_lists_the_config_names() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("rules")).unwrap();
        std::fs::write(
            dir.path().join("rules/local.toml"),
            crate::analysis::tests::SPELLING_RULE,
        )
        .unwrap();
        std::fs::write(dir.path().join("words.txt"), "# mūsu\nVARAM\n\n").unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(
            &path,
            "rules = [\"rules\"]\ndictionaries = [\"words.txt\"]\n",
        )
        .unwrap();
        assert_eq!(discover(&dir.path().join("rules")), Some(path.clone()));
        let c = load(&path).unwrap();
        assert!(rule_set(&c).unwrap().get("SP900").is_some());
        assert_eq!(dictionary_words(&c).unwrap(), vec!["VARAM"]);
        let bad = dir.path().join("bad/skaidri.toml");
        std::fs::create_dir(bad.parent().unwrap()).unwrap();
        std::fs::write(&bad, "profile = \"nav\"\n").unwrap();
        let e = load(&bad).unwrap_err().to_string();
        assert!(e.contains("skaidri.toml:1:"), "{e}");
    }

    #[test]
    fn adds_a_rule_to_disable_keeping_comments() {
        let p = Path::new("skaidri.toml");
        let created = with_disabled_rule(p, "", "OF001").unwrap();
        assert_eq!(created, "disable = [\"OF001\"]\n");
        let text =
            "# mūsu iestādes iestatījumi\nprofile = \"viegla-valoda\"\ndisable = [\"BA001\"]\n";
        let edited = with_disabled_rule(p, text, "OF001").unwrap();
        assert!(
            edited.starts_with("# mūsu iestādes iestatījumi\n"),
            "{edited}"
        );
        assert_eq!(disabled(&edited), vec!["BA001", "OF001"]);
        assert_eq!(with_disabled_rule(p, &edited, "OF001").unwrap(), edited);
        assert!(with_disabled_rule(p, "disable = \"x\"", "OF001").is_err());
    }

    #[test]
    fn discovers_the_nearest_file_upwards() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("a/b");
        std::fs::create_dir_all(&sub).unwrap();
        assert_eq!(discover(&sub), None);
        std::fs::write(dir.path().join(".skaidri.toml"), "").unwrap();
        assert_eq!(discover(&sub), Some(dir.path().join(".skaidri.toml")));
        std::fs::write(dir.path().join("a/skaidri.toml"), "").unwrap();
        assert_eq!(discover(&sub), Some(dir.path().join("a/skaidri.toml")));
    }
}
