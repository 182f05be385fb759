//! The project's `skaidri.toml`: finding it, reading the keys the server uses, and adding
//! a rule to its `disable` list.
//!
//! This is a deliberately small stand-in for the `skaidri-config` crate (discovery and the
//! full file format, shared with the CLI). It reads only the top-level keys the editor
//! needs — `profile = "…"`, `lang = "…"`, `disable = ["…"]` — and ignores the others, so
//! a file written for the CLI still loads here. When `skaidri-config` lands, this module
//! becomes a thin wrapper around it.

use std::path::{Path, PathBuf};

/// The configuration file name.
pub const FILE_NAME: &str = "skaidri.toml";

/// Errors reading or editing `skaidri.toml`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ProjectError {
    /// The file exists but could not be read or written.
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
}

/// The keys of `skaidri.toml` the language server uses.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
#[serde(default)]
pub struct ProjectConfig {
    /// Profile name.
    pub profile: Option<String>,
    /// Message language.
    pub lang: Option<String>,
    /// Rules or categories turned off.
    pub disable: Vec<String>,
}

/// Finds `skaidri.toml` in `start` or the nearest folder above it.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// Parses the text of a `skaidri.toml`.
pub fn parse(path: &Path, text: &str) -> Result<ProjectConfig, ProjectError> {
    toml::from_str(text).map_err(|e| ProjectError::Parse {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}

/// Reads and parses a `skaidri.toml`.
pub fn load(path: &Path) -> Result<ProjectConfig, ProjectError> {
    let text = std::fs::read_to_string(path).map_err(|source| ProjectError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse(path, &text)
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

    #[test]
    fn reads_known_keys_and_ignores_others() {
        let p = Path::new("skaidri.toml");
        let c = parse(
            p,
            "profile = \"viegla-valoda\"\ndisable = [\"OF001\"]\n[output]\nformat = \"json\"\n",
        )
        .unwrap();
        assert_eq!(c.profile.as_deref(), Some("viegla-valoda"));
        assert_eq!(c.disable, vec!["OF001"]);
        let err = parse(p, "disable = 3").unwrap_err().to_string();
        assert!(err.starts_with("skaidri.toml: "), "{err}");
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
        assert_eq!(parse(p, &edited).unwrap().disable, vec!["BA001", "OF001"]);
        assert_eq!(with_disabled_rule(p, &edited, "OF001").unwrap(), edited);
        assert!(with_disabled_rule(p, "disable = \"x\"", "OF001").is_err());
    }

    #[test]
    fn discovers_the_nearest_file_upwards() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("a/b");
        std::fs::create_dir_all(&sub).unwrap();
        assert_eq!(discover(&sub), None);
        std::fs::write(dir.path().join(FILE_NAME), "").unwrap();
        assert_eq!(discover(&sub), Some(dir.path().join(FILE_NAME)));
    }
}
