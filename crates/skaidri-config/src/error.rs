//! Errors of loading a config file. Every one names the file; invalid content also names
//! the line, column and key, so an editor or a CI log can point at it.

use std::fmt;
use std::path::PathBuf;

/// A config file that cannot be read or is not valid.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The file could not be read.
    #[error("{}: cannot read config file: {source}", path.display())]
    Io {
        /// The config file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not valid TOML, has an unknown key or a bad value.
    #[error("{}", Located { path, line: *line, column: *column, key: key.as_deref(), message })]
    Invalid {
        /// The config file.
        path: PathBuf,
        /// 1-based line of the offending key or value.
        line: u32,
        /// 1-based column, in characters.
        column: u32,
        /// The key at fault (dotted, e.g. `thresholds.lix_bands`), if one is.
        key: Option<String>,
        /// What is wrong.
        message: String,
    },
}

struct Located<'a> {
    path: &'a PathBuf,
    line: u32,
    column: u32,
    key: Option<&'a str>,
    message: &'a str,
}

impl fmt::Display for Located<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.path.display(), self.line, self.column)?;
        if let Some(k) = self.key {
            write!(f, "key `{k}`: ")?;
        }
        // toml's messages span lines; keep the error on one line
        let mut lines = self
            .message
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty());
        if let Some(first) = lines.next() {
            f.write_str(first)?;
        }
        for l in lines {
            write!(f, "; {l}")?;
        }
        Ok(())
    }
}
