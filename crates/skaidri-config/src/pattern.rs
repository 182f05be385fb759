//! Globs of `include`, `exclude` and `[[overrides]] files`.
//!
//! A glob without `/` matches a file name (`*.md`) — or, for `exclude`, any folder name
//! on the way (`drafts`). A glob with `/` matches the path relative to the config file's
//! folder (`docs/**/*.md`); `*` does not cross `/`, `**` does.

use globset::{Glob, GlobBuilder, GlobMatcher};
use std::path::Path;

/// One compiled glob.
#[derive(Debug, Clone)]
pub(crate) struct Pattern {
    matcher: GlobMatcher,
    basename: bool,
}

impl Pattern {
    pub(crate) fn new(glob: &str) -> Result<Pattern, String> {
        let g = glob.trim_start_matches("./").trim_end_matches('/');
        let basename = !g.contains('/');
        let g = g.trim_start_matches('/');
        let built: Result<Glob, _> = GlobBuilder::new(g).literal_separator(true).build();
        let glob = built.map_err(|e| format!("bad glob `{glob}`: {}", e.kind()))?;
        Ok(Pattern {
            matcher: glob.compile_matcher(),
            basename,
        })
    }

    /// Whether the file at relative path `rel` matches.
    pub(crate) fn matches(&self, rel: &Path) -> bool {
        if self.basename {
            rel.file_name().is_some_and(|n| self.matcher.is_match(n))
        } else {
            self.matcher.is_match(rel)
        }
    }

    /// Whether `rel` or a folder above it matches.
    pub(crate) fn matches_path_or_ancestor(&self, rel: &Path) -> bool {
        rel.ancestors()
            .filter(|a| !a.as_os_str().is_empty())
            .any(|a| self.matches(a))
    }
}
