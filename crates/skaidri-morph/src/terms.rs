//! The government-terms word list (`dictionaries/terms-lv.txt`):
//! institutions, abbreviations with their full forms, municipalities and
//! administrative terms the hunspell dictionary lacks.
//!
//! Format: one entry per line, `#` starts a comment line, an optional full
//! form follows a tab: `VARAM\tVides aizsardzības un reģionālās attīstības
//! ministrija`. A word that should inflect may carry hunspell flags and
//! fields exactly as a `.dic` line: `kiberdrošība/Ss po:lietv4r`; it is then
//! added to the dictionary with those flags (the term itself is the part
//! before `/`).

use rustc_hash::FxHashMap;

/// Parsed terms list.
#[derive(Debug, Clone, Default)]
pub struct Terms {
    /// Term → full form (for abbreviations).
    map: FxHashMap<String, Option<String>>,
    /// Entries given as `.dic` lines (`word/FLAGS fields`).
    dic_lines: Vec<String>,
}

impl Terms {
    /// Parses the list; blank and `#` lines are skipped, never fails.
    pub fn parse(text: &str) -> Terms {
        let mut map = FxHashMap::default();
        let mut dic_lines = Vec::new();
        for line in text.lines() {
            let line = line.trim_end();
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let (term, full) = match line.split_once('\t') {
                Some((t, f)) if !f.trim().is_empty() => (t.trim(), Some(f.trim().to_owned())),
                Some((t, _)) => (t.trim(), None),
                None => (line.trim(), None),
            };
            let term = match term.split_once('/') {
                Some((word, _)) if !word.is_empty() && !word.contains(' ') => {
                    dic_lines.push(term.to_owned());
                    word
                }
                _ => term,
            };
            let slot = map.entry(term.to_owned()).or_insert(None);
            if slot.is_none() {
                *slot = full;
            }
        }
        Terms { map, dic_lines }
    }

    /// Entries written as `.dic` lines, to add to the affix dictionary.
    pub fn dic_lines(&self) -> impl Iterator<Item = &str> {
        self.dic_lines.iter().map(String::as_str)
    }

    /// Is `term` listed exactly (case-sensitive: abbreviations are)?
    pub fn contains(&self, term: &str) -> bool {
        self.map.contains_key(term)
    }

    /// The full form of an abbreviation, if the list gives one.
    pub fn expansion(&self, term: &str) -> Option<&str> {
        self.map.get(term).and_then(|f| f.as_deref())
    }

    /// All listed terms (single words and multi-word names).
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.map.keys().map(String::as_str)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when the list is empty.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn parses_abbreviations_and_comments() {
        let t = Terms::parse(
            "# c\nVID\tValsts ieņēmumu dienests\n\nRīga\nVID\nkiberdrošība/Ss po:lietv4r\n",
        );
        assert!(t.contains("kiberdrošība"));
        assert_eq!(
            t.dic_lines().collect::<Vec<_>>(),
            ["kiberdrošība/Ss po:lietv4r"]
        );
        assert!(t.contains("VID"));
        assert!(t.contains("Rīga"));
        assert!(!t.contains("vid"));
        assert_eq!(t.expansion("VID"), Some("Valsts ieņēmumu dienests"));
        assert_eq!(t.expansion("Rīga"), None);
        assert_eq!(t.len(), 3);
    }
}
