//! Kind `rare-word`: words most readers rarely meet, by word frequency
//! (WCAG 2.2 success criterion 3.1.3 "Unusual Words").
//!
//! A word is rare when the Zipf frequency (wordfreq 3.1.1 Latvian list in
//! `skaidri-morph`) of its form, its lemma and — for a -šana noun — its
//! verb is below the rule's `max` (default [`DEFAULT_ZIPF`]: not in the
//! list). It is reported when it is also long ([`MIN_LETTERS`]) and looks
//! borrowed ([`looks_borrowed`]) — calibrated on FullStack-LV news so that
//! under 3 % of news sentences get a finding (2.2 %; see the
//! `calibrate_rare` example). Skipped: words the dictionary does not
//! know (the spelling rule's business), adjectives and adverbs (derived
//! from known roots), capitalised words inside a sentence (names), ALL-CAPS words, words with digits, terms-list and user
//! words, and words shorter than four letters.

use super::{Ctx, Engine, Hit};
use crate::diagnostic::Span;
use crate::morph::{Analysis, Morphology, Pos};
use crate::rules::load::{Parsed, RuleError};
use crate::segment::TokenKind;

/// Zipf threshold: words whose form, lemma and verb are all rarer are
/// rare. The embedded wordfreq "small" list stops at 3.0 (once per million
/// words), so 3.0 means "not listed at all".
pub const DEFAULT_ZIPF: f64 = 3.0;

/// Rare words are reported only from this length on, and only when they
/// look borrowed ([`looks_borrowed`]): measured with `calibrate_rare` on
/// FullStack-LV news, unlisted words alone hit 46 % of sentences, unlisted
/// borrowed-looking nouns and verbs of 13+ letters 2.2 % (12+: 3.5 %).
pub const MIN_LETTERS: usize = 13;

/// All rare-word rules.
pub struct RareEngine {
    rules: Vec<usize>,
}

/// Compiles the rare-word rules among `rules`.
pub fn compile(rules: &[(usize, &Parsed)]) -> Result<Box<dyn Engine>, RuleError> {
    Ok(Box::new(RareEngine {
        rules: rules.iter().map(|(i, _)| *i).collect(),
    }))
}

/// The highest Zipf frequency of a word's form, lemmas and base verbs,
/// or `None` when the word is not eligible (see the module docs; terms and
/// user words are checked by the caller).
pub fn zipf_for(
    m: &Morphology,
    w: &str,
    readings: &[Analysis],
    first_in_sentence: bool,
) -> Option<f32> {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 4 || w.chars().any(|c| c.is_ascii_digit()) || !w.chars().any(char::is_lowercase) {
        return None;
    }
    if !first_in_sentence && w.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    if readings.is_empty() || m.is_known_term(w) {
        return None;
    }
    // adjectives and adverbs derived with -isks, -āls («organizatoriski»,
    // «individuālajiem») are transparent to readers who know the root
    if readings
        .first()
        .is_some_and(|a| matches!(a.pos, Pos::Adjective | Pos::Adverb))
    {
        return None;
    }
    let lower = w.to_lowercase();
    let mut z = m.zipf(&lower);
    for a in readings {
        z = z
            .max(m.zipf(&a.lemma.to_lowercase()))
            .max(m.zipf(&a.base_lemma().to_lowercase()));
    }
    if f64::from(z) < DEFAULT_ZIPF {
        z = z.max(compound_zipf(m, &lower));
    }
    Some(z)
}

/// A compound is as familiar as the rarer of its two parts: Latvian writes
/// «kontaktinformācija», «personālsabiedrība» as one word, and the
/// frequency list lacks most compounds though a reader knows both parts.
/// The best split into a first part (a word, or a stem that takes -s, -a,
/// -e, -is or -š) and a second part, each of at least four letters; 0.0
/// when there is none.
fn compound_zipf(m: &Morphology, w: &str) -> f32 {
    let idx: Vec<usize> = w.char_indices().map(|(i, _)| i).collect();
    let mut best = 0.0f32;
    for &at in idx.iter().skip(4).take(idx.len().saturating_sub(8) + 1) {
        let (left, right) = w.split_at(at);
        if right.chars().count() < 4 {
            break;
        }
        let rz = m.zipf(right);
        if rz <= best {
            continue;
        }
        let lz = ["", "s", "a", "e", "is", "š"]
            .iter()
            .map(|e| m.zipf(&format!("{left}{e}")))
            .fold(0.0f32, f32::max);
        best = best.max(lz.min(rz));
    }
    best
}

/// Does a lower-case word carry a suffix typical of international
/// borrowings («verificēt», «implementācija», «efektivizēt»,
/// «institucionāls», «pasivitāte»)?
pub fn looks_borrowed(w: &str) -> bool {
    const MARKS: &[&str] = &[
        "izē", "ificē", "ācij", "itāt", "isms", "ism", "isk", "istisk", "āl", "ār", "ēt", "ors",
        "ori", "ēr", "ants", "ent", "ance", "ence", "ifik", "tīv", "loģ",
    ];
    MARKS.iter().any(|m| w.contains(m))
}

fn word_zipf(ctx: &Ctx<'_>, i: usize, first_in_sentence: bool) -> Option<f32> {
    let t = &ctx.seg.tokens[i];
    if t.kind != TokenKind::Word {
        return None;
    }
    let w = t.text(ctx.text);
    if ctx.is_extra_word(w) {
        return None;
    }
    zipf_for(ctx.morphology(), w, ctx.analyses(i), first_in_sentence)
}

impl Engine for RareEngine {
    fn scope(&self) -> super::Scope {
        super::Scope::Sentence
    }

    fn run(&self, ctx: &Ctx<'_>, out: &mut Vec<Hit>) {
        for &rule in &self.rules {
            if !(ctx.enabled)(rule) {
                continue;
            }
            let max = (ctx.max_for)(rule).unwrap_or(DEFAULT_ZIPF);
            let toks = &ctx.seg.tokens;
            for s in &ctx.seg.sentences {
                let first = s.tokens.clone().find(|&i| toks[i].kind == TokenKind::Word);
                for i in s.tokens.clone() {
                    let Some(z) = word_zipf(ctx, i, Some(i) == first) else {
                        continue;
                    };
                    let w = toks[i].text(ctx.text);
                    if f64::from(z) < max
                        && w.chars().count() >= MIN_LETTERS
                        && looks_borrowed(&w.to_lowercase())
                    {
                        out.push(Hit {
                            rule,
                            span: Span::new(toks[i].start, toks[i].end),
                            suggestions: Vec::new(),
                            value: Some(f64::from(z)),
                            max: Some(max),
                        });
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::kind::test_support::texts;

    fn found(text: &str) -> Vec<String> {
        texts("kind = \"rare-word\"\ncategory = \"foreign-word\"", text)
    }

    #[test]
    fn compounds_of_common_words_are_not_rare() {
        assert!(found("Lūdzu, norādiet kontaktinformāciju.").is_empty());
        assert!(found("Dibināta jauna personālsabiedrība.").is_empty());
        // not a compound: still rare
        assert_eq!(
            found("Jāievēro proporcionalitātes princips."),
            ["proporcionalitātes"]
        );
    }

    #[test]
    fn common_words_are_quiet() {
        assert!(found("Pašvaldība atbalsta jaunās ģimenes.").is_empty());
        assert!(found("Ministrija pārbaudīja dokumentus un atbildēja.").is_empty());
    }
}
