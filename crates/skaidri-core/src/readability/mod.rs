//! Readability: words, sentences, syllables, LIX and a Latvian difficulty band.
//!
//! LIX = words / sentences + 100 × long words / words, where a long word has more than six
//! letters. LIX needs no language-specific weights, which makes it usable for Latvian, but
//! Latvian words are long (inflection endings, compounds), so the Swedish bands do not
//! carry over: the bands below were calibrated on FullStack-LV genres (see
//! `docs/readability.md` and the `readability_genres` example, which reproduces them).

use crate::segment::{Segmented, TokenKind};
use crate::syllable;
use serde::Serialize;

/// Thresholds used to grade a text. The defaults are the calibrated Latvian values.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Thresholds {
    /// Upper LIX bounds of the bands "ļoti viegls", "viegls", "vidējs", "grūts"; above the
    /// last is "ļoti grūts".
    pub lix_bands: [f64; 4],
    /// A sentence with more words than this is "hard".
    pub hard_sentence_words: usize,
    /// A sentence with more words than this is "very hard".
    pub very_hard_sentence_words: usize,
    /// A sentence whose own LIX is above this (and with at least 10 words) is "hard".
    pub hard_sentence_lix: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            lix_bands: [35.0, 45.0, 60.0, 70.0],
            hard_sentence_words: 25,
            very_hard_sentence_words: 40,
            hard_sentence_lix: 65.0,
        }
    }
}

/// The difficulty band of a whole document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Band {
    /// Very easy: children's books, easy-to-read texts.
    VeryEasy,
    /// Easy: fiction, plain-language web pages.
    Easy,
    /// Medium: news.
    Medium,
    /// Hard: official reports, academic prose.
    Hard,
    /// Very hard: legal acts.
    VeryHard,
}

impl Band {
    /// Latvian name.
    pub fn label_lv(&self) -> &'static str {
        match self {
            Band::VeryEasy => "ļoti viegls",
            Band::Easy => "viegls",
            Band::Medium => "vidēji grūts",
            Band::Hard => "grūts",
            Band::VeryHard => "ļoti grūts",
        }
    }
    /// English name.
    pub fn label_en(&self) -> &'static str {
        match self {
            Band::VeryEasy => "very easy",
            Band::Easy => "easy",
            Band::Medium => "medium",
            Band::Hard => "hard",
            Band::VeryHard => "very hard",
        }
    }
    /// Grades a LIX value.
    pub fn from_lix(lix: f64, t: &Thresholds) -> Band {
        let b = t.lix_bands;
        if lix < b[0] {
            Band::VeryEasy
        } else if lix < b[1] {
            Band::Easy
        } else if lix < b[2] {
            Band::Medium
        } else if lix < b[3] {
            Band::Hard
        } else {
            Band::VeryHard
        }
    }
}

/// How hard one sentence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SentenceLevel {
    /// Fine.
    Ok,
    /// Hard to read.
    Hard,
    /// Very hard to read.
    VeryHard,
}

/// Metrics of one sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentenceMetrics {
    /// Byte range in the text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Words (including numbers and abbreviations).
    pub words: usize,
    /// Words longer than six letters.
    pub long_words: usize,
    /// The sentence's own LIX.
    pub lix: f64,
    /// Hard, very hard or fine.
    pub level: SentenceLevel,
}

/// Metrics of a whole text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentMetrics {
    /// Words (including numbers and abbreviations).
    pub words: usize,
    /// Sentences that contain at least one word.
    pub sentences: usize,
    /// Syllables in letter words.
    pub syllables: usize,
    /// Words longer than six letters.
    pub long_words: usize,
    /// Average words per sentence.
    pub avg_sentence_words: f64,
    /// Share of long words (0–1).
    pub long_word_share: f64,
    /// Average syllables per letter word.
    pub syllables_per_word: f64,
    /// LIX of the whole text.
    pub lix: f64,
    /// Difficulty band from LIX.
    pub band: Band,
    /// Sentences graded hard.
    pub hard_sentences: usize,
    /// Sentences graded very hard.
    pub very_hard_sentences: usize,
}

fn is_counted(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Word
            | TokenKind::Number
            | TokenKind::Ordinal
            | TokenKind::Abbreviation
            | TokenKind::Url
            | TokenKind::Email
    )
}

/// Letters in a word (hyphens and digits excluded).
pub fn letters(word: &str) -> usize {
    word.chars().filter(|c| c.is_alphabetic()).count()
}

/// Computes per-sentence and document metrics.
pub fn measure(
    text: &str,
    seg: &Segmented,
    t: &Thresholds,
) -> (DocumentMetrics, Vec<SentenceMetrics>) {
    let mut per = Vec::with_capacity(seg.sentences.len());
    let (mut words, mut long, mut syl, mut letter_words) = (0usize, 0usize, 0usize, 0usize);
    let mut counted_sentences = 0usize;
    for s in &seg.sentences {
        let (mut w, mut l) = (0usize, 0usize);
        for tok in seg.sentence_tokens(s) {
            if !is_counted(tok.kind) {
                continue;
            }
            w += 1;
            if tok.kind == TokenKind::Word {
                let word = tok.text(text);
                letter_words += 1;
                syl += syllable::count(word);
                if letters(word) > 6 {
                    l += 1;
                }
            }
        }
        if w == 0 {
            continue;
        }
        counted_sentences += 1;
        words += w;
        long += l;
        let lix = w as f64 + 100.0 * l as f64 / w as f64;
        let level = if w > t.very_hard_sentence_words {
            SentenceLevel::VeryHard
        } else if w > t.hard_sentence_words || (w >= 10 && lix > t.hard_sentence_lix) {
            SentenceLevel::Hard
        } else {
            SentenceLevel::Ok
        };
        per.push(SentenceMetrics {
            start: s.start,
            end: s.end,
            words: w,
            long_words: l,
            lix,
            level,
        });
    }
    let div = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let lix = if words == 0 {
        0.0
    } else {
        div(words, counted_sentences) + 100.0 * div(long, words)
    };
    let doc = DocumentMetrics {
        words,
        sentences: counted_sentences,
        syllables: syl,
        long_words: long,
        avg_sentence_words: div(words, counted_sentences),
        long_word_share: div(long, words),
        syllables_per_word: div(syl, letter_words),
        lix,
        band: Band::from_lix(lix, t),
        hard_sentences: per
            .iter()
            .filter(|m| m.level == SentenceLevel::Hard)
            .count(),
        very_hard_sentences: per
            .iter()
            .filter(|m| m.level == SentenceLevel::VeryHard)
            .count(),
    };
    (doc, per)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::segment::segment;

    #[test]
    fn lix_of_a_small_text() {
        let text = "Mēs strādājam. Jūs saņemsiet atbildi.";
        let seg = segment(text);
        let (m, per) = measure(text, &seg, &Thresholds::default());
        assert_eq!(m.words, 5);
        assert_eq!(m.sentences, 2);
        // long words: strādājam (9), saņemsiet (9), atbildi (7) → 3 of 5
        assert_eq!(m.long_words, 3);
        assert!((m.lix - (2.5 + 60.0)).abs() < 1e-9);
        assert_eq!(per.len(), 2);
    }

    #[test]
    fn long_sentences_are_hard() {
        let long: String = (0..30).map(|_| "vārds ").collect::<String>() + "beigas.";
        let seg = segment(&long);
        let (_, per) = measure(&long, &seg, &Thresholds::default());
        assert_eq!(per[0].level, SentenceLevel::Hard);
    }
}
