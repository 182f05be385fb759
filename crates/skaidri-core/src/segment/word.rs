//! Tokens: Unicode word boundaries plus the Latvian merges described in [`super`].

use super::abbrev::{self, AbbrevClass};
use once_cell::sync::Lazy;
use regex::Regex;
use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TokenKind {
    /// A word, possibly hyphenated ("e-pasts").
    Word,
    /// A number: "12", "300,94", "3 895 776", "5.1", "20 %".
    Number,
    /// An ordinal or list number with its stop: "7.", "2024.", "1.1.".
    Ordinal,
    /// An abbreviation with its stop(s): "Nr.", "t. sk.", "u.c.", an initial "A.".
    Abbreviation,
    /// A URL.
    Url,
    /// An e-mail address.
    Email,
    /// Punctuation: . , ; : ! ? … quotes, brackets, dashes.
    Punct,
    /// Any other symbol: §, %, €, emoji.
    Symbol,
}

/// A token: a byte range of the text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Token {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What it is.
    pub kind: TokenKind,
    /// For abbreviations: whether the stop may also end the sentence.
    #[serde(skip)]
    pub may_end_sentence: bool,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
    /// Whether it is a word (letters).
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

static PROTECTED: Lazy<Regex> = Lazy::new(|| {
    #[allow(clippy::expect_used)]
    // No `\b` and no `(?i)` around `\w`: a Unicode word boundary keeps the regex off its
    // fast DFA engine on Latvian text (8–16 ms per 40 kB instead of well under 1 ms).
    Regex::new(
        r#"(?:[hH][tT][tT][pP][sS]?://|[wW][wW][wW]\.)[^\s<>"«»„“”]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"#,
    )
    .expect("static regex")
});

fn is_space_sep(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| matches!(c, ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}'))
}

fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or(' ')
}

/// Raw UAX #29 pieces, whitespace excluded.
fn raw_pieces(text: &str) -> Vec<(usize, &str)> {
    text.split_word_bound_indices().collect()
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    // Spans kept whole: URLs and e-mail addresses (trailing punctuation trimmed).
    let mut protected: Vec<(usize, usize, TokenKind)> = Vec::new();
    // most texts have no URL or e-mail: skip the regex (and its start-up cost) for them
    let maybe_protected =
        text.contains('@') || text.contains("://") || text.contains("ww.") || text.contains("WW.");
    // (`maybe_protected.then(..)`: not even touch the Lazy, whose first use compiles it)
    let found = maybe_protected.then(|| PROTECTED.find_iter(text));
    for m in found.into_iter().flatten() {
        let s = m.as_str();
        let trimmed = s.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '\'']);
        let kind = if s.contains('@') && !s.contains("://") {
            TokenKind::Email
        } else {
            TokenKind::Url
        };
        if !trimmed.is_empty() {
            protected.push((m.start(), m.start() + trimmed.len(), kind));
        }
    }

    let pieces = raw_pieces(text);
    let mut out: Vec<Token> = Vec::with_capacity(pieces.len() / 2);
    let mut i = 0;
    let mut prot = protected.iter().peekable();
    while i < pieces.len() {
        let (start, piece) = pieces[i];
        // Protected spans.
        while prot.peek().is_some_and(|p| p.1 <= start) {
            prot.next();
        }
        if let Some(&&(ps, pe, kind)) = prot.peek() {
            if start >= ps && start < pe {
                out.push(tok(ps, pe, kind));
                while i < pieces.len() && pieces[i].0 < pe {
                    i += 1;
                }
                continue;
            }
        }
        let c = first_char(piece);
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphabetic() {
            i = word_or_abbrev(text, &pieces, i, &mut out);
            continue;
        }
        if c.is_ascii_digit() {
            i = number(text, &pieces, i, &mut out);
            continue;
        }
        let kind = if c.is_ascii_punctuation()
            && !matches!(
                c,
                '%' | '§' | '&' | '$' | '+' | '=' | '<' | '>' | '|' | '~' | '^' | '#' | '@' | '*'
            )
            || matches!(
                c,
                '„' | '“' | '”' | '«' | '»' | '‘' | '’' | '–' | '—' | '…' | '‚'
            ) {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        };
        out.push(tok(start, start + piece.len(), kind));
        i += 1;
    }
    out
}

fn tok(start: usize, end: usize, kind: TokenKind) -> Token {
    Token {
        start,
        end,
        kind,
        may_end_sentence: false,
    }
}

/// A word, a hyphenated word, or an abbreviation with its stops. Returns the next index.
fn word_or_abbrev(text: &str, p: &[(usize, &str)], i: usize, out: &mut Vec<Token>) -> usize {
    let (start, piece) = p[i];
    // Abbreviations: up to three parts "t." "sk." with single spaces between.
    if p.get(i + 1).is_some_and(|n| n.1 == ".") {
        let mut joined = format!("{piece}.");
        let mut best: Option<(usize, AbbrevClass)> = None;
        let mut j = i + 2; // index after the stop
        let initials = piece.chars().enumerate().all(|(k, c)| {
            if k % 2 == 0 {
                c.is_uppercase()
            } else {
                c == '.'
            }
        });
        if initials && piece.chars().count() % 2 == 1 {
            best = Some((j, AbbrevClass::Never)); // an initial: "A. Bērziņš", "G. Teterovskis"
        } else if let Some(class) = abbrev::lookup(&joined) {
            best = Some((j, class));
        }
        for _ in 0..2 {
            if !abbrev::is_prefix(&joined) {
                break;
            }
            // optional single space, then a word piece, then a stop
            let mut k = j;
            if p.get(k).is_some_and(|x| is_space_sep(x.1)) {
                k += 1;
            }
            let (Some(w), Some(dot)) = (p.get(k), p.get(k + 1)) else {
                break;
            };
            if !first_char(w.1).is_alphabetic() || dot.1 != "." {
                break;
            }
            joined.push_str(w.1);
            joined.push('.');
            j = k + 2;
            if let Some(class) = abbrev::lookup(&joined) {
                best = Some((j, class));
            }
        }
        if let Some((next, class)) = best {
            let last = p[next - 1];
            let mut t = tok(start, last.0 + last.1.len(), TokenKind::Abbreviation);
            t.may_end_sentence = class == AbbrevClass::Maybe;
            out.push(t);
            return next;
        }
    }
    // Hyphenated words: "e-pasts", "Rīga-Jūrmala" (no spaces around the hyphen).
    let mut end = start + piece.len();
    let mut j = i + 1;
    while let (Some(h), Some(w)) = (p.get(j), p.get(j + 1)) {
        if h.1 == "-" && first_char(w.1).is_alphanumeric() {
            end = w.0 + w.1.len();
            j += 2;
        } else {
            break;
        }
    }
    let _ = text;
    out.push(tok(start, end, TokenKind::Word));
    j
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// A number, with thousand groups, a percent sign, or an ordinal stop.
fn number(text: &str, p: &[(usize, &str)], i: usize, out: &mut Vec<Token>) -> usize {
    let (start, piece) = p[i];
    let mut end = start + piece.len();
    let mut j = i + 1;
    // Thousand groups: "3 895 776" (1–3 digits, then groups of exactly three).
    if is_digits(piece) && piece.len() <= 3 {
        while let (Some(sp), Some(g)) = (p.get(j), p.get(j + 1)) {
            if is_space_sep(sp.1) && sp.1.chars().count() == 1 && is_digits(g.1) && g.1.len() == 3 {
                // "2024 100" where the next piece is followed by a stop reads as an ordinal
                end = g.0 + g.1.len();
                j += 2;
            } else {
                break;
            }
        }
    }
    // Percent: "20 %" or "20%".
    let mut k = j;
    if p.get(k)
        .is_some_and(|x| is_space_sep(x.1) && x.1.chars().count() == 1)
    {
        k += 1;
    }
    if p.get(k).is_some_and(|x| x.1 == "%") {
        let x = p[k];
        out.push(tok(start, x.0 + x.1.len(), TokenKind::Number));
        return k + 1;
    }
    // Ordinal: a stop right after the number, followed by a lower-case word, another
    // number, a month, or the number starts a line (a list item "1.").
    if p.get(j).is_some_and(|x| x.1 == ".") {
        let after = next_visible(p, j + 1);
        let at_line_start = text[..start]
            .chars()
            .rev()
            .find(|c| !matches!(c, ' ' | '\t'))
            .is_none_or(|c| c == '\n');
        // the stop is glued to what follows: "9.Saeima", "6.II", "2020.gadam"
        let glued = p
            .get(j + 1)
            .is_some_and(|x| first_char(x.1).is_alphanumeric());
        // a range of ordinals: "24.-38. km", "1. – 9. klase"
        let range = after.is_some_and(|n| matches!(n, "-" | "–" | "—"))
            && p[j + 1..]
                .iter()
                .map(|x| x.1)
                .filter(|s| !s.chars().all(char::is_whitespace))
                .nth(1)
                .is_some_and(|n| first_char(n).is_ascii_digit());
        let ordinal = match after {
            None => false,
            Some(n) => {
                let c = first_char(n);
                c.is_lowercase()
                    || c.is_ascii_digit()
                    || at_line_start
                    || n == "§"
                    || glued
                    || range
            }
        };
        if ordinal {
            out.push(tok(start, end + 1, TokenKind::Ordinal));
            return j + 1;
        }
    }
    out.push(tok(start, end, TokenKind::Number));
    j
}

fn next_visible<'a>(p: &[(usize, &'a str)], from: usize) -> Option<&'a str> {
    p[from.min(p.len())..]
        .iter()
        .map(|x| x.1)
        .find(|s| !s.chars().all(char::is_whitespace))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(String, TokenKind)> {
        tokenize(text)
            .into_iter()
            .map(|t| (t.text(text).to_string(), t.kind))
            .collect()
    }

    fn texts(text: &str) -> Vec<String> {
        toks(text).into_iter().map(|t| t.0).collect()
    }

    #[test]
    fn numbers_keep_their_groups_decimals_and_percent() {
        assert_eq!(
            texts("kopā 3 895 776 euro, 300,94 un 20 % vai 20%"),
            [
                "kopā",
                "3 895 776",
                "euro",
                ",",
                "300,94",
                "un",
                "20 %",
                "vai",
                "20%"
            ]
        );
    }

    #[test]
    fn ordinals_and_legal_references() {
        let t = toks("2024. gada 7. novembrī 13. panta trešā daļa, Nr. 12, § 38, 5.1 punkts");
        assert_eq!(t[0], ("2024.".into(), TokenKind::Ordinal));
        assert_eq!(t[2], ("7.".into(), TokenKind::Ordinal));
        assert_eq!(t[4], ("13.".into(), TokenKind::Ordinal));
        assert!(t.contains(&("Nr.".into(), TokenKind::Abbreviation)));
        assert!(t.contains(&("§".into(), TokenKind::Symbol)));
        assert!(t.contains(&("5.1".into(), TokenKind::Number)));
    }

    #[test]
    fn abbreviations_with_and_without_spaces() {
        let t = texts("t. sk. dokumenti u.c. lietas, t.i. viss, u. c. un utt. beigas");
        for a in ["t. sk.", "u.c.", "t.i.", "u. c.", "utt."] {
            assert!(t.contains(&a.to_string()), "{a} in {t:?}");
        }
    }

    #[test]
    fn urls_emails_and_hyphens() {
        let t = toks("Raksti uz info@vid.gov.lv vai skaties https://www.vid.gov.lv/lv/e-pakalpojumi. Arī e-pasts.");
        assert!(t.contains(&("info@vid.gov.lv".into(), TokenKind::Email)));
        assert!(t.contains(&(
            "https://www.vid.gov.lv/lv/e-pakalpojumi".into(),
            TokenKind::Url
        )));
        assert!(t.contains(&("e-pasts".into(), TokenKind::Word)));
    }

    #[test]
    fn quotes_are_punctuation() {
        let t = toks("„Labi” un «slikti» un \"tā\"");
        assert_eq!(t[0].1, TokenKind::Punct);
        assert!(t.iter().filter(|x| x.1 == TokenKind::Punct).count() >= 6);
    }
}
