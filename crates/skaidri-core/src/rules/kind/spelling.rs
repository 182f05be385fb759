//! Kind `spelling`: words the lv_LV dictionary, the terms list and the user's
//! dictionaries do not know.
//!
//! Never flagged: numbers, URLs and e-mail addresses (other token kinds),
//! tokens with digits, ALL-CAPS tokens of up to six letters (abbreviations),
//! terms-list entries ("VARAM"), user and workspace words, words with
//! letters Latvian does not use (w, q, x, y, ö, ä, ü, õ: foreign names and
//! quotations), single letters, and — by default — capitalised words inside
//! a sentence, which are mostly proper names the dictionary lacks. The first
//! word of a sentence and ALL-CAPS headings are checked case-insensitively
//! (`Morphology::is_known` falls back to lower case); an unknown
//! capitalised first word is reported only when it is one edit or a few
//! missing diacritics from a known word («Pasvaldiba»), since most are
//! names («Erdogans»). A hyphenated word is
//! known when the whole or every part is; a word that splits into a known
//! first part (or noun stem) and a known second part of four or more
//! letters is a compound and known. Words with inner capitals («iPhone»)
//! or full stops (initials, «I.Āboliņš») are names.
//!
//! Suggestions are *not* computed here: `suggest` costs milliseconds per
//! word, and a batch run over a thousand unknown words must not pay seconds
//! for suggestions nobody reads. The finding carries the word (its `text`);
//! front ends call [`crate::Analyzer::fill_spelling_suggestions`] (or
//! [`crate::morph::spelling_suggestions`] for one word) where output shows
//! them.

use super::{Ctx, Engine, Hit};
use crate::diagnostic::Span;
use crate::rules::load::{Parsed, RuleError};
use crate::segment::TokenKind;

/// All spelling rules (normally one).
pub struct SpellingEngine {
    rules: Vec<usize>,
}

/// Compiles the spelling rules among `rules`.
pub fn compile(rules: &[(usize, &Parsed)]) -> Result<Box<dyn Engine>, RuleError> {
    Ok(Box::new(SpellingEngine {
        rules: rules.iter().map(|(i, _)| *i).collect(),
    }))
}

/// Letters of the Latin alphabet that Latvian spelling does not use.
fn has_foreign_letter(w: &str) -> bool {
    w.chars().any(|c| {
        matches!(
            c.to_lowercase().next().unwrap_or(c),
            'w' | 'q' | 'x' | 'y' | 'ö' | 'ä' | 'ü' | 'õ' | 'é' | 'á' | 'ó' | 'ß'
        )
    })
}

/// Is token `w` (not sentence-initial unless `first`) exempt from checking?
pub(crate) fn exempt(ctx: &Ctx<'_>, w: &str, first: bool) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || w.chars().any(|c| c.is_ascii_digit() || c == '.') || has_foreign_letter(w) {
        return true;
    }
    // «iPhone», «McDonald»: inner capitals are names and brands
    if w.chars().skip(1).any(char::is_uppercase) && w.chars().any(char::is_lowercase) {
        return true;
    }
    let all_caps = !w.chars().any(char::is_lowercase);
    if all_caps && letters <= 6 {
        return true;
    }
    let capitalised = w.chars().next().is_some_and(char::is_uppercase);
    if capitalised && !all_caps && !first {
        return true;
    }
    ctx.is_extra_word(w) || ctx.morphology().is_known_term(w)
}

/// Is the word known to the dictionary (whole, or every hyphenated part)?
fn known(ctx: &Ctx<'_>, i: usize, w: &str) -> bool {
    if ctx.morph.get().is_analysed(i) || ctx.morphology().is_known(w) {
        return true;
    }
    if w.contains('-') {
        return w.split('-').all(|p| {
            p.is_empty()
                || p.chars().count() < 2
                || ctx.morphology().is_known(p)
                || ctx.is_extra_word(p)
        });
    }
    compound(ctx, &w.to_lowercase())
}

/// Is `w` (lower case) one edit or a few missing diacritics away from a
/// known word? Used for capitalised words at the start of a sentence:
/// unknown ones there are mostly names («Erdogans», «Hosē»), so only
/// those that look like a misspelt known word are reported.
fn near_known(ctx: &Ctx<'_>, w: &str) -> bool {
    let m = ctx.morphology();
    let chars: Vec<char> = w.chars().collect();
    // diacritics: every combination over the letters that can carry one
    let marks = |c: char| -> Option<char> {
        Some(match c {
            'a' => 'ā',
            'c' => 'č',
            'e' => 'ē',
            'g' => 'ģ',
            'i' => 'ī',
            'k' => 'ķ',
            'l' => 'ļ',
            'n' => 'ņ',
            's' => 'š',
            'u' => 'ū',
            'z' => 'ž',
            _ => return None,
        })
    };
    let slots: Vec<usize> = (0..chars.len())
        .filter(|&i| marks(chars[i]).is_some())
        .collect();
    if !slots.is_empty() && slots.len() <= 10 {
        for mask in 1u32..(1 << slots.len()) {
            let mut v = chars.clone();
            for (b, &i) in slots.iter().enumerate() {
                if mask & (1 << b) != 0 {
                    if let Some(c) = marks(v[i]) {
                        v[i] = c;
                    }
                }
            }
            if m.is_known(&v.iter().collect::<String>()) {
                return true;
            }
        }
    }
    // one edit: delete, transpose, replace, insert
    const ALPHABET: &str = "aābcčdeēfgģhiījkķlļmnņoprsštuūvzž";
    let known = |v: &[char]| m.is_known(&v.iter().collect::<String>());
    for i in 0..chars.len() {
        let mut v = chars.clone();
        v.remove(i);
        if v.len() > 1 && known(&v) {
            return true;
        }
        if i + 1 < chars.len() {
            let mut v = chars.clone();
            v.swap(i, i + 1);
            if known(&v) {
                return true;
            }
        }
        for c in ALPHABET.chars() {
            if c != chars[i] {
                let mut v = chars.clone();
                v[i] = c;
                if known(&v) {
                    return true;
                }
            }
        }
    }
    for i in 0..=chars.len() {
        for c in ALPHABET.chars() {
            let mut v = chars.clone();
            v.insert(i, c);
            if known(&v) {
                return true;
            }
        }
    }
    false
}

/// Latvian writes compounds as one word and the dictionary lists few
/// («trīslitru», «asinssagatavošanas», «finālsērijā»): accept a word that
/// splits into a known first part (a word, or a noun stem that takes
/// -s, -a, -e or -is) and a known second part of at least four letters.
fn compound(ctx: &Ctx<'_>, w: &str) -> bool {
    let m = ctx.morphology();
    let idx: Vec<usize> = w.char_indices().map(|(i, _)| i).collect();
    let n = idx.len();
    if n < 7 {
        return false;
    }
    for &at in idx.iter().take(n.saturating_sub(3)).skip(3) {
        let (left, right) = w.split_at(at);
        if !m.is_known(right) {
            continue;
        }
        if m.is_known(left)
            || ["s", "a", "e", "is", "š"]
                .iter()
                .any(|e| m.is_known(&format!("{left}{e}")))
        {
            return true;
        }
    }
    false
}

impl Engine for SpellingEngine {
    fn scope(&self) -> super::Scope {
        super::Scope::Sentence
    }

    fn run(&self, ctx: &Ctx<'_>, out: &mut Vec<Hit>) {
        let rules: Vec<usize> = self
            .rules
            .iter()
            .copied()
            .filter(|&r| (ctx.enabled)(r))
            .collect();
        if rules.is_empty() {
            return;
        }
        let toks = &ctx.seg.tokens;
        for s in &ctx.seg.sentences {
            let mut first = true;
            for i in s.tokens.clone() {
                let t = &toks[i];
                match t.kind {
                    TokenKind::Word => {}
                    TokenKind::Punct | TokenKind::Symbol | TokenKind::Ordinal => continue,
                    _ => {
                        first = false;
                        continue;
                    }
                }
                let w = t.text(ctx.text);
                let was_first = std::mem::replace(&mut first, false);
                if exempt(ctx, w, was_first) || known(ctx, i, w) {
                    continue;
                }
                let capitalised = w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().any(char::is_lowercase);
                if capitalised && !near_known(ctx, &w.to_lowercase()) {
                    continue; // most likely a name
                }
                for &rule in &rules {
                    out.push(Hit {
                        rule,
                        span: Span::new(t.start, t.end),
                        suggestions: Vec::new(),
                        value: None,
                        max: None,
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::RuleSet;
    use crate::{Analyzer, Settings};

    const RULE: &str = r#"
[[rule]]
id = "SP"
kind = "spelling"
category = "spelling"
message = "m"
explanation = "e"
[[rule.example]]
bad = "x"
good = "y"
"#;

    fn flagged_with(text: &str, settings: Settings) -> Vec<String> {
        let rules = RuleSet::from_sources([("t.toml", RULE)]).unwrap();
        let a = Analyzer::new(rules, settings);
        a.check(text)
            .diagnostics
            .into_iter()
            .map(|d| d.text)
            .collect()
    }

    fn flagged(text: &str) -> Vec<String> {
        flagged_with(text, Settings::default())
    }

    #[test]
    fn unknown_words_are_flagged() {
        assert_eq!(flagged("Iesniegums jāiesniedz pasvaldibā."), ["pasvaldibā"]);
        assert_eq!(flagged("Pasvaldiba atbalsta ģimenes."), ["Pasvaldiba"]);
    }

    #[test]
    fn what_is_never_flagged() {
        let quiet = [
            "VARAM un VID strādā kopā.",
            "Rakstiet uz info@example.lv vai skatiet https://example.lv/abc.",
            "Maksa ir 12,50 eiro un 3A klase.",
            "Sveiks, Jānis Bērziņš un Smits ieradās.",
            "LIKUMS PAR PAŠVALDĪBĀM.",
            "Darbs e-pastā un tiešsaistē.",
            "Viņš citēja Goethe un Schwarz.",
        ];
        for t in quiet {
            assert!(flagged(t).is_empty(), "{t}: {:?}", flagged(t));
        }
    }

    #[test]
    fn user_words_are_known() {
        let s = Settings {
            extra_words: vec!["pasvaldibā".into()],
            ..Settings::default()
        };
        assert!(flagged_with("Iesniegums jāiesniedz pasvaldibā.", s).is_empty());
    }

    #[test]
    fn suggestions_are_filled_on_request() {
        let rules = RuleSet::from_sources([("t.toml", RULE)]).unwrap();
        let a = Analyzer::new(rules, Settings::default());
        let mut r = a.check("Iesniegums jāiesniedz pasvaldibā.");
        assert!(r.diagnostics[0].suggestions.is_empty());
        a.fill_spelling_suggestions(&mut r, 10);
        assert_eq!(r.diagnostics[0].suggestions[0].replacement, "pašvaldībā");
    }
}
