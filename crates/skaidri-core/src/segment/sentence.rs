//! Sentence boundaries over tokens.
//!
//! A boundary falls after `.`, `!`, `?` or `…` (with any closing quotes and brackets)
//! when the next token starts a sentence: a capital letter, a digit, an opening quote or
//! bracket followed by one of those, or a list marker. It also falls after an
//! abbreviation that may end a sentence ("utt.", "u. c.") when a capital follows, at blank
//! lines, and at a line break unless the next line clearly continues the sentence (it
//! starts in lower case and is not a list item). So headings and list lines without final
//! punctuation are sentences of their own, while hard-wrapped paragraphs are not split.

use super::word::{Token, TokenKind};
use serde::Serialize;
use std::ops::Range;

/// A sentence: its byte range and the indices of its tokens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// First byte (the first token's start).
    pub start: usize,
    /// One past the last byte (the last token's end).
    pub end: usize,
    /// Indices into the token list.
    #[serde(skip)]
    pub tokens: Range<usize>,
}

fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or(' ')
}

fn is_closing(s: &str) -> bool {
    matches!(s, "”" | "\"" | "»" | ")" | "]" | "’" | "'" | "“")
}

fn is_opening(s: &str) -> bool {
    matches!(s, "„" | "“" | "\"" | "«" | "(" | "[" | "‘" | "'")
}

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…") || s.chars().all(|c| c == '.') && !s.is_empty()
}

/// Whether the token at `i` opens a list item: "1)", "a)", "(1)", "1.", "-", "•".
fn is_list_marker(text: &str, tokens: &[Token], i: usize) -> bool {
    let Some(t) = tokens.get(i) else { return false };
    let s = t.text(text);
    match t.kind {
        TokenKind::Ordinal => true,
        TokenKind::Punct | TokenKind::Symbol => {
            if matches!(s, "-" | "•" | "–" | "—" | "*" | "·" | "▪" | "◦") {
                return true;
            }
            // "(1)", "(a)"
            s == "("
                && tokens.get(i + 2).is_some_and(|c| c.text(text) == ")")
                && tokens
                    .get(i + 1)
                    .is_some_and(|n| n.text(text).chars().count() <= 3)
        }
        TokenKind::Number | TokenKind::Word => {
            // "1)", "a)", "1.1)"
            s.chars().count() <= 4
                && tokens
                    .get(i + 1)
                    .is_some_and(|n| n.start == t.end && n.text(text) == ")")
        }
        _ => false,
    }
}

/// Whether a sentence may start at token `i`.
fn starts_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let Some(t) = tokens.get(i) else { return true };
    let s = t.text(text);
    let c = first_char(s);
    if c.is_uppercase() || c.is_ascii_digit() || is_list_marker(text, tokens, i) {
        return true;
    }
    if is_opening(s) {
        return tokens.get(i + 1).is_some_and(|n| {
            let c = first_char(n.text(text));
            c.is_uppercase() || c.is_ascii_digit()
        });
    }
    !(c.is_lowercase() || matches!(s, "," | ";" | ":" | ")" | "]"))
}

/// A dash after "?" or "!" followed by a lower-case word continues the sentence as a
/// dialogue tag: "- Vai varu apsēsties? - es jautāju."
fn dialogue_tag(text: &str, tokens: &[Token], terminal: &str, i: usize) -> bool {
    matches!(terminal, "?" | "!" | "…" | "...")
        && tokens
            .get(i)
            .is_some_and(|t| matches!(t.text(text), "-" | "–" | "—"))
        && tokens
            .get(i + 1)
            .is_some_and(|n| first_char(n.text(text)).is_lowercase())
}

/// Splits the token stream into sentences.
pub fn split(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut begin = 0usize;
    let mut i = 0usize;
    while i < tokens.len() {
        let t = tokens[i];
        let s = t.text(text);
        let mut cut_after: Option<usize> = None;
        if t.kind == TokenKind::Punct && is_terminal(s) {
            // absorb further terminals and closing quotes/brackets glued to it
            let mut j = i;
            while let Some(n) = tokens.get(j + 1) {
                let ns = n.text(text);
                if n.start == tokens[j].end && (is_closing(ns) || is_terminal(ns)) {
                    j += 1;
                } else {
                    break;
                }
            }
            let gap = tokens.get(j + 1).map(|n| &text[tokens[j].end..n.start]);
            let gap_newline = gap.is_some_and(|g| g.contains('\n'));
            let glued = gap.is_some_and(str::is_empty);
            if j + 1 >= tokens.len()
                || gap_newline
                || (!glued
                    && starts_sentence(text, tokens, j + 1)
                    && !dialogue_tag(text, tokens, s, j + 1))
            {
                cut_after = Some(j);
            } else {
                i = j;
            }
        } else if t.kind == TokenKind::Abbreviation && t.may_end_sentence {
            if let Some(n) = tokens.get(i + 1) {
                let c = first_char(n.text(text));
                if c.is_uppercase() {
                    cut_after = Some(i);
                }
            }
        }
        if cut_after.is_none() {
            // line breaks
            if let Some(n) = tokens.get(i + 1) {
                let gap = &text[t.end..n.start];
                let newlines = gap.matches('\n').count();
                if newlines >= 2 {
                    cut_after = Some(i);
                } else if newlines == 1 {
                    let c = first_char(n.text(text));
                    let continues = c.is_lowercase() && !is_list_marker(text, tokens, i + 1);
                    let soft_end = matches!(s, "," | "-" | "–" | "(" | "„" | "\"");
                    if !continues && !soft_end {
                        cut_after = Some(i);
                    }
                }
            }
        }
        if let Some(j) = cut_after {
            push(&mut out, tokens, begin, j + 1);
            begin = j + 1;
            i = j + 1;
        } else {
            i += 1;
        }
    }
    push(&mut out, tokens, begin, tokens.len());
    out
}

fn push(out: &mut Vec<Sentence>, tokens: &[Token], a: usize, b: usize) {
    if a < b {
        out.push(Sentence {
            start: tokens[a].start,
            end: tokens[b - 1].end,
            tokens: a..b,
        });
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use crate::segment::segment;

    fn sents(text: &str) -> Vec<String> {
        let s = segment(text);
        s.sentences
            .iter()
            .map(|x| text[x.start..x.end].to_string())
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let t = "Dokumenti, t. sk. līgumi, ir jāiesniedz līdz plkst. 17.00. Skatīt Nr. 12 un prof. Kalniņa darbu. Ar A. Bērziņu u.c. ekspertiem.";
        assert_eq!(sents(t).len(), 3, "{:?}", sents(t));
    }

    #[test]
    fn ordinals_and_months() {
        let t = "Likums pieņemts 2024. gada 7. novembrī. Tas stājas spēkā 1. janvārī. Skatīt 13. panta trešo daļu.";
        assert_eq!(sents(t).len(), 3, "{:?}", sents(t));
    }

    #[test]
    fn maybe_abbreviations_end_before_capitals() {
        let t = "Pērk ābolus, bumbierus utt. Tad dodas mājās.";
        assert_eq!(sents(t).len(), 2, "{:?}", sents(t));
    }

    #[test]
    fn headings_and_list_lines() {
        let t = "Vispārīgie noteikumi\n1.pants. Termini\nLikumā ir lietoti šādi termini:\n1) darba aizsardzība — drošība;\n2) darba vide — vieta.\nTurpinājums ar\nlielo burtu nav.";
        let s = sents(t);
        assert_eq!(s[0], "Vispārīgie noteikumi");
        assert!(
            s.contains(&"1) darba aizsardzība — drošība;".to_string()),
            "{s:?}"
        );
        assert!(
            s.last().unwrap().starts_with("Turpinājums ar\nlielo"),
            "{s:?}"
        );
    }

    #[test]
    fn quotes_close_sentences() {
        let t = "Viņš teica: „Nāciet rīt.” Mēs atnācām. Vai tiešām? Jā!";
        assert_eq!(sents(t).len(), 4, "{:?}", sents(t));
    }

    #[test]
    fn numbered_items() {
        let t = "Skatīt 1.1. apakšpunktu un 2.3. punktu. Nākamais teikums.";
        assert_eq!(sents(t).len(), 2, "{:?}", sents(t));
    }
}
