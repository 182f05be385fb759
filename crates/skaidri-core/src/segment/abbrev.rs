//! The embedded list of Latvian abbreviations that end in a full stop.

use once_cell::sync::Lazy;
use std::collections::HashMap;

/// Whether an abbreviation's full stop may also end a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevClass {
    /// Never ends a sentence ("Nr.", "prof.", "t. sk.").
    Never,
    /// May end a sentence ("utt.", "u. c."): a following capital starts a new one.
    Maybe,
}

static LIST: Lazy<HashMap<String, AbbrevClass>> = Lazy::new(|| {
    let mut map = HashMap::new();
    for line in include_str!("../../data/abbreviations.tsv").lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split('\t');
        let (Some(abbr), Some(class)) = (parts.next(), parts.next()) else {
            continue;
        };
        let class = if class.trim() == "maybe" {
            AbbrevClass::Maybe
        } else {
            AbbrevClass::Never
        };
        map.insert(abbr.trim().to_string(), class);
    }
    map
});

/// Looks up an abbreviation written without spaces and with its final stop, in any case
/// ("T.sk." → `t.sk.`).
pub fn lookup(joined: &str) -> Option<AbbrevClass> {
    LIST.get(&joined.to_lowercase()).copied()
}

/// Whether any listed abbreviation starts with `prefix` (lower case, no spaces).
pub fn is_prefix(prefix: &str) -> bool {
    let p = prefix.to_lowercase();
    LIST.keys().any(|k| k.len() > p.len() && k.starts_with(&p))
}
