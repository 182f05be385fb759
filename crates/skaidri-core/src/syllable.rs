//! Latvian syllable counting.
//!
//! A syllable is a group of vowels; the diphthongs ai, au, ei, ie, ui, oi, iu, eu, ou
//! count once ("iedzīvotājs" = ie·dzī·vo·tājs, 4). Latvian "o" is itself a diphthong
//! [uo] in native words and one vowel letter here. Words with no vowel (abbreviations,
//! numbers) count as one syllable so that averages stay meaningful.

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ā' | 'e' | 'ē' | 'i' | 'ī' | 'o' | 'u' | 'ū' | 'y' | 'ō'
    )
}

fn is_diphthong(a: char, b: char) -> bool {
    matches!(
        (a, b),
        ('a', 'i')
            | ('a', 'u')
            | ('e', 'i')
            | ('i', 'e')
            | ('u', 'i')
            | ('o', 'i')
            | ('i', 'u')
            | ('e', 'u')
            | ('o', 'u')
    )
}

/// Number of syllables in `word` (at least 1).
pub fn count(word: &str) -> usize {
    let mut n = 0;
    let mut prev: Option<char> = None;
    for c in word.chars().flat_map(char::to_lowercase) {
        if is_vowel(c) {
            match prev {
                // a diphthong continues the syllable; any other vowel pair is two syllables
                Some(p) if is_vowel(p) && is_diphthong(p, c) => {
                    prev = None; // "aiu": the third vowel starts a new syllable
                    continue;
                }
                _ => n += 1,
            }
            prev = Some(c);
        } else {
            prev = None;
        }
    }
    n.max(1)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::count;

    #[test]
    fn latvian_syllables() {
        for (w, n) in [
            ("iedzīvotājs", 4),
            ("pašvaldība", 4),
            ("ministrija", 4),
            ("aizsardzība", 4),
            ("un", 1),
            ("ieguldījums", 4),
            ("Eiropas", 3),
            ("kancelejas", 4),
            ("teātris", 3),
            ("VID", 1),
            ("pieaugušais", 4),
        ] {
            assert_eq!(count(w), n, "{w}");
        }
    }
}
