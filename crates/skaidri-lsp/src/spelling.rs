//! Spelling suggestions for the "replace with …" code actions on spelling findings.
//!
//! Called only when the user asks for code actions on a spelling finding, never while
//! publishing diagnostics: suggestions cost far more than checking. They come from the
//! morphology crate's hunspell lv_LV speller (diacritic restorations first), whose
//! dictionary is built once, on first use.

/// Up to `n` spellings for `word`, best first.
pub fn suggest(word: &str, n: usize) -> Vec<String> {
    skaidri_morph::Morphology::embedded().suggest(word, n)
}

#[cfg(test)]
mod tests {
    #[test]
    fn restores_diacritics() {
        let s = super::suggest("pasvaldiba", 3);
        assert_eq!(s.first().map(String::as_str), Some("pašvaldība"), "{s:?}");
    }
}
