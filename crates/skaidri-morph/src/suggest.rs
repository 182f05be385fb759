//! Spelling suggestions.
//!
//! Candidates, in rank order:
//! 1. a different letter case of a known word ("rīga" → "Rīga");
//! 2. diacritic restoration: the word is analysed in a diacritic-folded copy
//!    of the dictionary (ā→a, č→c, …) and every matching analysis is
//!    regenerated as a real form, so "pasvaldiba" → "pašvaldība" costs one
//!    analysis, not 2^n variant lookups;
//! 3. the `.aff` file's `REP` replacements;
//! 4. one edit (delete, transpose, replace or insert from the `TRY`
//!    letters) of the folded word, again regenerated as real forms, so a
//!    typo and missing diacritics together are found.
//!
//! Within a class, candidates closer to the input (character edit distance)
//! and then more frequent ones (wordfreq zipf) come first. Entries flagged
//! `NOSUGGEST` are never proposed.

use rustc_hash::FxHashSet;

use crate::engine::{Engine, RawAnalysis};
use crate::{case_variants, Morphology};

/// The diacritic-folded copy of the dictionary.
#[derive(Debug)]
pub(crate) struct Folded {
    engine: Engine,
    alphabet: Vec<char>,
}

/// Removes Latvian diacritics and lower-cases.
pub(crate) fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ā' => 'a',
            'č' => 'c',
            'ē' => 'e',
            'ģ' => 'g',
            'ī' => 'i',
            'ķ' => 'k',
            'ļ' => 'l',
            'ņ' => 'n',
            'š' => 's',
            'ū' => 'u',
            'ž' => 'z',
            'ō' => 'o',
            'ŗ' => 'r',
            c => c,
        })
        .collect()
}

impl Folded {
    fn build(m: &Morphology) -> Folded {
        let engine = m.engine.folded(fold);
        let mut alphabet: Vec<char> = Vec::new();
        for c in fold(&m.engine.aff.try_chars.iter().collect::<String>()).chars() {
            if c.is_alphabetic() && !alphabet.contains(&c) {
                alphabet.push(c);
            }
        }
        if alphabet.is_empty() {
            alphabet = ('a'..='z').collect();
        }
        Folded { engine, alphabet }
    }

    /// Real forms whose folded spelling is `folded`.
    fn real_forms(&self, m: &Morphology, folded: &str, out: &mut Vec<String>) {
        let mut raws: Vec<RawAnalysis<'_>> = Vec::new();
        self.engine.analyze(folded, &mut raws);
        for r in raws {
            let real_stem: &str = r.entry.morph;
            let Some((stem, entries)) = m.engine.words.get(real_stem) else {
                continue;
            };
            for entry in entries.filter(|e| e.flags == r.entry.flags) {
                let real = RawAnalysis {
                    stem,
                    entry,
                    prefix: r.prefix,
                    inner: r.inner,
                    outer: r.outer,
                };
                if entry.flags.contains(m.engine.aff.nosuggest) {
                    continue;
                }
                if let Some(form) = m.engine.generate(&real) {
                    if fold(&form) == folded && m.engine.check(&form) && !out.contains(&form) {
                        out.push(form);
                    }
                }
            }
        }
    }
}

fn edits1(word: &str, alphabet: &[char]) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut out = Vec::new();
    let s = |v: &[char]| v.iter().collect::<String>();
    for i in 0..chars.len() {
        let mut v = chars.clone();
        v.remove(i);
        out.push(s(&v));
        if i + 1 < chars.len() && chars[i] != chars[i + 1] {
            let mut v = chars.clone();
            v.swap(i, i + 1);
            out.push(s(&v));
        }
        for &c in alphabet {
            if c != chars[i] {
                let mut v = chars.clone();
                v[i] = c;
                out.push(s(&v));
            }
        }
    }
    for i in 0..=chars.len() {
        for &c in alphabet {
            let mut v = chars.clone();
            v.insert(i, c);
            out.push(s(&v));
        }
    }
    out
}

fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Restores the input's capitalisation on a suggestion.
fn match_case(input: &str, cand: &str) -> String {
    let letters: Vec<char> = input.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() > 1 && letters.iter().all(|c| c.is_uppercase());
    if all_caps {
        return cand.to_uppercase();
    }
    if input.chars().next().is_some_and(char::is_uppercase) {
        let mut chars = cand.chars();
        if let Some(c) = chars.next() {
            return c.to_uppercase().chain(chars).collect();
        }
    }
    cand.to_owned()
}

/// Longest word (in characters) for which edit candidates are generated.
const MAX_EDIT_CHARS: usize = 30;

pub(crate) fn suggest(m: &Morphology, word: &str, max: usize) -> Vec<String> {
    if max == 0 || word.is_empty() || m.is_known(word) {
        return Vec::new();
    }
    let folded_idx = m.folded.get_or_init(|| Folded::build(m));
    let lower = word.to_lowercase();
    let mut seen: FxHashSet<String> = FxHashSet::default();
    // (class, distance, -zipf, text)
    let mut cands: Vec<(u8, usize, f32, String)> = Vec::new();
    let mut push = |class: u8, cand: String, cands: &mut Vec<(u8, usize, f32, String)>| {
        let key = cand.to_lowercase();
        if seen.insert(key.clone()) {
            let d = levenshtein(&lower, &key);
            cands.push((class, d, -m.zipf(&key), cand));
        }
    };
    // 1. Letter case.
    for v in case_variants(word).into_iter().skip(1) {
        if m.engine.check(&v) {
            push(0, v, &mut cands);
        }
    }
    // 2. Diacritics.
    let folded = fold(word);
    let mut forms = Vec::new();
    folded_idx.real_forms(m, &folded, &mut forms);
    for f in forms.drain(..) {
        push(1, f, &mut cands);
    }
    // 3. REP.
    for (from, to) in &m.engine.aff.rep {
        for (i, _) in lower.match_indices(from.as_str()) {
            let cand = format!("{}{}{}", &lower[..i], to, &lower[i + from.len()..]);
            if cand.split(' ').all(|p| !p.is_empty() && m.is_known(p)) {
                push(2, cand, &mut cands);
            }
        }
    }
    // 4. One edit in folded space (skipped for very long tokens, whose
    // edit set would cost tens of milliseconds and which are rarely words).
    if cands.len() < max && folded.chars().count() <= MAX_EDIT_CHARS {
        for e in edits1(&folded, &folded_idx.alphabet) {
            folded_idx.real_forms(m, &e, &mut forms);
        }
        for f in forms.drain(..) {
            push(3, f, &mut cands);
        }
    }
    cands.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(a.1.cmp(&b.1))
            .then(a.2.total_cmp(&b.2))
            .then(a.3.cmp(&b.3))
    });
    cands
        .into_iter()
        .take(max)
        .map(|c| match_case(word, &c.3))
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn folding_and_distance() {
        assert_eq!(fold("Pašvaldība"), "pasvaldiba");
        assert_eq!(levenshtein("sniegsana", "sniegšana"), 1);
        assert_eq!(levenshtein("", "ab"), 2);
        assert_eq!(match_case("Pasvaldiba", "pašvaldība"), "Pašvaldība");
        assert_eq!(match_case("VID", "vid"), "VID");
        assert!(edits1("ab", &['c']).contains(&"acb".to_owned()));
    }
}
