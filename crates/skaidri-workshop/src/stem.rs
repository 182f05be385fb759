//! Latvian-aware stem comparison: enough morphology to tell that "dienests", "dienestam"
//! and "dienesta" are one word, or "trešā" and "trešajā", without a dictionary.
//!
//! [`stem`] lower-cases a word, strips the longest common noun, adjective or ordinal
//! ending (keeping at least two letters), and folds the consonant alternations of Latvian
//! declension ("iestāde" → "iestāžu", "brālis" → "brāļa", "zivs" → "zivju") in the last
//! two letters into one class, so that two forms of a word give the same key. It is a
//! comparison key, not a linguistic stem: never show it to a reader.
//!
//! [`crate::facts`] also asks `skaidri-morph` (hunspell lemmas) where the dictionary knows
//! a word; [`stem`] is what decides for words it does not know (names, new institutions).

/// Endings stripped by [`stem`], longest first. Nouns of all six declensions, definite and
/// indefinite adjectives and ordinals, in every case and number.
const ENDINGS: &[&str] = &[
    "ajiem", "ajām", "ajās", "ajai", "ajam", "ajos", "ajā", "iem", "ais", "ām", "ās", "ēm", "ēs",
    "īm", "īs", "ij", "ai", "ei", "am", "em", "im", "um", "os", "us", "ūs", "is", "as", "es", "ie",
    "a", "e", "i", "u", "s", "š", "ā", "ē", "ī", "o", "ū",
];

/// The comparison key of a word: lower-cased, ending stripped, alternations folded.
///
/// ```
/// use skaidri_workshop::stem::stem;
/// assert_eq!(stem("Dienests"), stem("dienestam"));
/// assert_eq!(stem("iestāde"), stem("iestāžu"));
/// assert_eq!(stem("trešā"), stem("trešajā"));
/// assert_ne!(stem("daļa"), stem("pants"));
/// ```
pub fn stem(word: &str) -> String {
    let lower = word.to_lowercase();
    let chars: Vec<char> = lower.chars().collect();
    if chars.iter().any(|c| c.is_ascii_digit()) {
        return lower;
    }
    let mut cut = chars.len();
    for e in ENDINGS {
        let n = e.chars().count();
        if chars.len() >= n + 2 && lower.ends_with(e) {
            cut = chars.len() - n;
            break;
        }
    }
    let mut s: Vec<char> = chars[..cut].to_vec();
    // "zivj-u", "ziv-s": j after a labial is an alternation, not part of the stem.
    if s.len() > 2
        && s.last() == Some(&'j')
        && matches!(s[s.len() - 2], 'p' | 'b' | 'm' | 'v' | 'f')
    {
        s.pop();
    }
    let n = s.len();
    for c in s.iter_mut().skip(n.saturating_sub(2)) {
        *c = fold(*c);
    }
    s.into_iter().collect()
}

/// Folds consonants that alternate in Latvian declension into one class letter.
fn fold(c: char) -> char {
    match c {
        's' | 'š' | 't' => 'S',
        'z' | 'ž' | 'd' => 'Z',
        'c' | 'č' => 'C',
        'l' | 'ļ' => 'L',
        'n' | 'ņ' => 'N',
        'g' | 'ģ' => 'G',
        'k' | 'ķ' => 'K',
        other => other,
    }
}

/// Whether two words are forms of the same word by [`stem`].
pub fn same_word(a: &str, b: &str) -> bool {
    stem(a) == stem(b)
}

/// The value of a Latvian ordinal word in any form ("trešā", "trešajā", "otrās", "pirmo"),
/// for 1–20.
pub fn ordinal_value(word: &str) -> Option<u32> {
    const ORD: &[(&str, u32)] = &[
        ("pirmais", 1),
        ("otrais", 2),
        ("trešais", 3),
        ("ceturtais", 4),
        ("piektais", 5),
        ("sestais", 6),
        ("septītais", 7),
        ("astotais", 8),
        ("devītais", 9),
        ("desmitais", 10),
        ("vienpadsmitais", 11),
        ("divpadsmitais", 12),
        ("trīspadsmitais", 13),
        ("četrpadsmitais", 14),
        ("piecpadsmitais", 15),
        ("sešpadsmitais", 16),
        ("septiņpadsmitais", 17),
        ("astoņpadsmitais", 18),
        ("deviņpadsmitais", 19),
        ("divdesmitais", 20),
    ];
    let k = stem(word);
    ORD.iter().find(|(s, _)| stem(s) == k).map(|&(_, v)| v)
}

/// The value of a Latvian cardinal word 1–10 in any form ("trīs", "divas", "piecu",
/// "četriem"), so that a rewrite may spell out a small number.
pub fn cardinal_value(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    let v = match w.as_str() {
        "viens" | "viena" | "vienu" | "vienam" | "vienai" | "vienā" => 1,
        "divi" | "divas" | "divu" | "diviem" | "divām" | "divos" | "divās" => 2,
        "trīs" | "triju" | "trim" | "trijos" | "trijās" | "trijiem" | "trijām" => 3,
        "četri" | "četras" | "četru" | "četriem" | "četrām" | "četros" | "četrās" => 4,
        "pieci" | "piecas" | "piecu" | "pieciem" | "piecām" | "piecos" | "piecās" => 5,
        "seši" | "sešas" | "sešu" | "sešiem" | "sešām" | "sešos" | "sešās" => 6,
        "septiņi" | "septiņas" | "septiņu" | "septiņiem" | "septiņām" => 7,
        "astoņi" | "astoņas" | "astoņu" | "astoņiem" | "astoņām" => 8,
        "deviņi" | "deviņas" | "deviņu" | "deviņiem" | "deviņām" => 9,
        "desmit" => 10,
        _ => return None,
    };
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_forms_of_one_noun_agree() {
        for w in [
            "dienests",
            "dienesta",
            "dienestam",
            "dienestu",
            "dienestā",
            "dienesti",
        ] {
            assert_eq!(stem(w), stem("dienests"), "{w}");
        }
        for w in ["daļa", "daļas", "daļai", "daļu", "daļā", "daļām", "daļās"] {
            assert_eq!(stem(w), stem("daļa"), "{w}");
        }
        for w in [
            "ministrija",
            "ministrijas",
            "ministrijai",
            "ministrijā",
            "ministrijām",
        ] {
            assert_eq!(stem(w), stem("ministrija"), "{w}");
        }
        for w in ["valsts", "valstij", "valsti", "valstu", "valstīm"] {
            assert_eq!(stem(w), stem("valsts"), "{w}");
        }
        for w in ["novembris", "novembra", "novembrī", "novembrim"] {
            assert_eq!(stem(w), stem("novembris"), "{w}");
        }
    }

    #[test]
    fn alternations_are_folded() {
        assert_eq!(stem("iestāde"), stem("iestāžu"));
        assert_eq!(stem("brālis"), stem("brāļa"));
        assert_eq!(stem("zivs"), stem("zivju"));
        assert_eq!(stem("Satversme"), stem("Satversmes"));
    }

    #[test]
    fn definite_adjectives_and_ordinals() {
        assert_eq!(stem("trešā"), stem("trešajā"));
        assert_eq!(stem("valsts"), stem("Valsts"));
        assert_eq!(stem("Nacionālais"), stem("Nacionālajam"));
        assert_eq!(ordinal_value("trešajā"), Some(3));
        assert_eq!(ordinal_value("otrās"), Some(2));
        assert_eq!(ordinal_value("pirmo"), Some(1));
        assert_eq!(ordinal_value("dienests"), None);
    }

    #[test]
    fn different_words_stay_different() {
        assert_ne!(stem("daļa"), stem("dome"));
        assert_ne!(stem("pants"), stem("punkts"));
        assert_ne!(stem("likums"), stem("līgums"));
        assert!(!same_word("Rīga", "Riga"));
    }

    #[test]
    fn short_words_keep_two_letters() {
        assert_eq!(stem("ES"), "eS");
        assert_eq!(stem("un"), "uN");
        assert_eq!(cardinal_value("trīs"), Some(3));
        assert_eq!(cardinal_value("divām"), Some(2));
        assert_eq!(cardinal_value("trīsdesmit"), None);
    }
}
