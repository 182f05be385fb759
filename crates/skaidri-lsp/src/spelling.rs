//! Spelling suggestions for the "replace with …" code actions on spelling findings.
//!
//! Called only when the user asks for code actions on a spelling finding, never while
//! publishing diagnostics. There is no speller on main yet: until `skaidri-morph`
//! (`Morphology::embedded().suggest(word, n)`) lands this returns no suggestions, and the
//! code action list offers only "add to dictionary", "ignore" and "disable".

/// Up to `n` spellings for `word`, best first.
pub fn suggest(word: &str, n: usize) -> Vec<String> {
    let _ = (word, n);
    Vec::new()
}
