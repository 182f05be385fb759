//! Data embedded at build time: the project's rule files (`rules/**/*.toml`), so an
//! installed binary works with no files beside it. `build.rs` generates the list.

include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));

/// The prefilter factors computed at build time for an embedded regex `pattern`: `None`
/// when the pattern is not one of the embedded ones (or does not parse), `Some(None)`
/// when it has no usable factor set.
pub fn regex_factors(pattern: &str) -> Option<Option<&'static [&'static str]>> {
    REGEX_FACTORS
        .binary_search_by(|(p, _)| (*p).cmp(pattern))
        .ok()
        .map(|i| REGEX_FACTORS[i].1)
}
