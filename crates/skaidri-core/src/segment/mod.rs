//! Latvian segmentation: text → tokens → sentences.
//!
//! [`word`] builds tokens on Unicode word boundaries (UAX #29, via `unicode-segmentation`)
//! and then merges what Latvian writing keeps together: abbreviations with their full
//! stops ("t. sk.", "Nr."), ordinals ("7.", "2024."), numbers with thousand separators
//! ("3 895 776"), percentages ("20 %"), hyphenated words, URLs and e-mail addresses.
//! [`sentence`] finds sentence boundaries over those tokens.

pub mod abbrev;
pub mod gold;
pub mod sentence;
pub mod word;

pub use sentence::Sentence;
pub use word::{Token, TokenKind};

use std::ops::Range;

/// A segmented text: all tokens and the sentences that group them.
#[derive(Debug, Clone, Default)]
pub struct Segmented {
    /// Tokens in text order (whitespace is not a token).
    pub tokens: Vec<Token>,
    /// Sentences in text order; each covers a contiguous run of tokens.
    pub sentences: Vec<Sentence>,
}

impl Segmented {
    /// The tokens of sentence `i`.
    pub fn sentence_tokens(&self, s: &Sentence) -> &[Token] {
        &self.tokens[s.tokens.clone()]
    }
    /// Index range of the tokens inside byte range `r`.
    pub fn tokens_in(&self, r: Range<usize>) -> Range<usize> {
        let a = self.tokens.partition_point(|t| t.start < r.start);
        let b = self.tokens.partition_point(|t| t.start < r.end);
        a..b
    }
}

/// Segments `text` into tokens and sentences.
pub fn segment(text: &str) -> Segmented {
    let tokens = word::tokenize(text);
    let sentences = sentence::split(text, &tokens);
    Segmented { tokens, sentences }
}
