//! Links to a rule's documentation, built the same way for editor diagnostics (LSP
//! `codeDescription`) and SARIF (`helpUri`).
//!
//! A rule is documented where it is defined: its explanation, bad → good examples and
//! source sit beside its id in a file under `rules/`. The link for an embedded rule is
//! that file in the repository, at the line of its `id = "…"`:
//! `{repository}/blob/main/rules/officialese.toml#L12`.
//!
//! The repository is the workspace's `package.repository`. While that is a placeholder
//! (a host under `.invalid`, RFC 2606), there is no page to link to, so no link is given
//! rather than a dead one; editors let the user set their own (`ruleDocsUrl`).

use std::collections::HashMap;
use std::sync::OnceLock;

/// The workspace's `package.repository`.
pub const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

/// The repository URL if it is a real one (not a placeholder such as
/// `https://example.invalid/…`).
pub fn repository() -> Option<&'static str> {
    real_repository(REPOSITORY)
}

fn real_repository(url: &str) -> Option<&str> {
    let host = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?
        .split('/')
        .next()?;
    let placeholder = host.is_empty()
        || host.ends_with(".invalid")
        || host.ends_with(".example")
        || host.ends_with(".test")
        || host == "example.com"
        || host == "example.org";
    (!placeholder).then_some(url.trim_end_matches('/'))
}

/// Embedded rule id (upper case) → (rule file, 1-based line of its `id = "…"`).
fn index() -> &'static HashMap<String, (&'static str, usize)> {
    static INDEX: OnceLock<HashMap<String, (&'static str, usize)>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut map = HashMap::new();
        for (file, text) in skaidri_core::embedded::RULE_FILES {
            for (n, line) in text.lines().enumerate() {
                if let Some(id) = rule_id(line) {
                    // A later file's rule replaces an earlier one with the same id.
                    map.insert(id.to_ascii_uppercase(), (*file, n + 1));
                }
            }
        }
        map
    })
}

/// The id in a line `id = "OF001"` (spaces around `=` optional).
fn rule_id(line: &str) -> Option<&str> {
    let rest = line.trim_start().strip_prefix("id")?.trim_start();
    let rest = rest.strip_prefix('=')?.trim();
    let id = rest.strip_prefix('"')?.split('"').next()?;
    (!id.is_empty()).then_some(id)
}

/// The documentation link of the embedded rule `id`, or `None` if it is not an
/// embedded rule or the repository URL is a placeholder.
pub fn rule_docs_url(id: &str) -> Option<String> {
    rule_docs_url_in(repository()?, id)
}

fn rule_docs_url_in(repository: &str, id: &str) -> Option<String> {
    let (file, line) = index().get(&id.to_ascii_uppercase())?;
    Some(format!("{repository}/blob/main/{file}#L{line}"))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_give_no_repository() {
        assert_eq!(real_repository("https://example.invalid/skaidri"), None);
        assert_eq!(real_repository("https://example.com/x"), None);
        assert_eq!(real_repository("not a url"), None);
        assert_eq!(
            real_repository("https://github.com/vvc/skaidri/"),
            Some("https://github.com/vvc/skaidri")
        );
    }

    #[test]
    fn links_point_at_the_line_defining_the_rule() {
        let url = rule_docs_url_in("https://github.com/vvc/skaidri", "of001").unwrap();
        let (path, line) = url
            .strip_prefix("https://github.com/vvc/skaidri/blob/main/")
            .unwrap()
            .split_once("#L")
            .unwrap();
        let (_, text) = skaidri_core::embedded::RULE_FILES
            .iter()
            .find(|(f, _)| *f == path)
            .unwrap();
        let n: usize = line.parse().unwrap();
        assert_eq!(rule_id(text.lines().nth(n - 1).unwrap()), Some("OF001"));
        assert!(
            path.starts_with("rules/") && path.ends_with(".toml"),
            "{path}"
        );
        assert_eq!(rule_docs_url_in("https://x.lv", "XX999"), None);
        // Every embedded rule has a link.
        let rules = skaidri_core::rules::RuleSet::embedded().unwrap();
        for r in rules.rules() {
            assert!(
                rule_docs_url_in("https://x.lv", &r.id).is_some(),
                "{}",
                r.id
            );
        }
    }
}
