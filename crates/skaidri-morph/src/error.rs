//! Errors raised while loading dictionary data.

/// Which input a [`MorphError`] refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Source {
    /// The hunspell affix file (`.aff`).
    Aff,
    /// The hunspell dictionary file (`.dic`).
    Dic,
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Aff => f.write_str(".aff"),
            Source::Dic => f.write_str(".dic"),
        }
    }
}

/// An error in dictionary data; always names the file kind and line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MorphError {
    /// A line could not be parsed (wrong number of fields, bad count, ...).
    #[error("{file}:{line}: {message}")]
    Syntax {
        /// File kind.
        file: Source,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A directive or flag encoding this analyser does not implement.
    #[error("{file}:{line}: unsupported: {message}")]
    Unsupported {
        /// File kind.
        file: Source,
        /// 1-based line number.
        line: usize,
        /// What is not supported.
        message: String,
    },
}

impl MorphError {
    pub(crate) fn syntax(source: Source, line: usize, message: impl Into<String>) -> Self {
        MorphError::Syntax {
            file: source,
            line,
            message: message.into(),
        }
    }

    pub(crate) fn unsupported(source: Source, line: usize, message: impl Into<String>) -> Self {
        MorphError::Unsupported {
            file: source,
            line,
            message: message.into(),
        }
    }
}
