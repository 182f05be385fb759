//! Kind `numbers`: numbers in running text, after the EU Interinstitutional
//! Style Guide's Latvian rules.
//!
//! Variants (`variant = "…"`):
//! - `sentence-start`: a sentence that starts with a number in digits
//!   («15 darbinieki ieradās.»). Ordinals are not reported: a list number
//!   («1.») or a date («2024. gada 7. novembrī …») is how Latvian writes
//!   them, and a sentence may well start with a year. Neither is a number
//!   followed by anything but a lower-case word (list labels «1)»,
//!   footnotes «1 OV L 283»).
//! - `one-to-nine`: a whole number from one to nine written in digits in
//!   running text («atnāca 3 cilvēki»). Not reported: a number with a unit,
//!   symbol or abbreviation after it («5 km», «3 %», «7 EUR», «2 h»), a
//!   number in a sentence that also has a number above nine (compared
//!   figures stay in digits), after «Nr.», «§», «p.» or a bracket, in a
//!   range («3–5»), and before legal units («3. pants» is an ordinal).
//!
//! The `one-to-nine` suggestion is the numeral in words, in the
//! nominative («trīs»); the note says to inflect it where needed.

use super::{variant_of, Ctx, Engine, Hit};
use crate::diagnostic::{Span, Suggestion};
use crate::rules::load::{Parsed, RuleError};
use crate::segment::TokenKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Variant {
    SentenceStart,
    OneToNine,
}

/// All numbers rules.
pub struct NumbersEngine {
    entries: Vec<(usize, Variant)>,
}

/// Compiles the numbers rules among `rules`.
pub fn compile(rules: &[(usize, &Parsed)]) -> Result<Box<dyn Engine>, RuleError> {
    let mut entries = Vec::new();
    for &(idx, p) in rules {
        let v = match variant_of(p, &["sentence-start", "one-to-nine"])? {
            "sentence-start" => Variant::SentenceStart,
            _ => Variant::OneToNine,
        };
        entries.push((idx, v));
    }
    Ok(Box::new(NumbersEngine { entries }))
}

const WORDS: [&str; 10] = [
    "nulle", "viens", "divi", "trīs", "četri", "pieci", "seši", "septiņi", "astoņi", "deviņi",
];

/// Words after a number that make it a measurement or amount.
const UNITS: &[&str] = &[
    "km", "m", "cm", "mm", "kg", "g", "t", "l", "ml", "h", "min", "s", "st", "ha", "eur", "euro",
    "eiro", "centi", "centu", "lpp", "gb", "mb", "kw", "mw", "v", "x", "procenti", "procentu",
];

fn value(t: &str) -> Option<u64> {
    if !t.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

impl Engine for NumbersEngine {
    fn scope(&self) -> super::Scope {
        super::Scope::Sentence
    }

    fn run(&self, ctx: &Ctx<'_>, out: &mut Vec<Hit>) {
        let toks = &ctx.seg.tokens;
        let text = |i: usize| toks[i].text(ctx.text);
        for &(rule, v) in &self.entries {
            if !(ctx.enabled)(rule) {
                continue;
            }
            for s in &ctx.seg.sentences {
                let r = s.tokens.clone();
                match v {
                    Variant::SentenceStart => {
                        let first = r
                            .clone()
                            .find(|&i| !matches!(toks[i].kind, TokenKind::Punct));
                        if let Some(i) = first.filter(|&i| toks[i].kind == TokenKind::Number) {
                            // a number followed by a closing bracket or dot is a list
                            // label; one before a capital is a footnote («1 OV L 283»):
                            // running text goes on in lower case («15 darbinieki»)
                            let label = i + 1 >= r.end
                                || matches!(text(i + 1), ")" | "." | ":")
                                || !text(i + 1).chars().next().is_some_and(char::is_lowercase);
                            if !label {
                                out.push(Hit {
                                    rule,
                                    span: Span::new(toks[i].start, toks[i].end),
                                    suggestions: Vec::new(),
                                    value: None,
                                    max: None,
                                });
                            }
                        }
                    }
                    Variant::OneToNine => {
                        // compared figures above nine keep the small ones in digits too
                        let big = r.clone().any(|i| {
                            toks[i].kind == TokenKind::Number
                                && text(i).chars().filter(char::is_ascii_digit).count() > 1
                        });
                        if big {
                            continue;
                        }
                        for i in r.clone() {
                            if toks[i].kind != TokenKind::Number {
                                continue;
                            }
                            let Some(n) = value(text(i)).filter(|n| (1..=9).contains(n)) else {
                                continue;
                            };
                            if i == r.start {
                                continue; // the sentence-start rule's business
                            }
                            let prev = text(i - 1).to_lowercase();
                            if matches!(prev.as_str(), "nr." | "§" | "p." | "(" | "[" | "–" | "-")
                                || toks[i - 1].kind == TokenKind::Number
                            {
                                continue;
                            }
                            if i + 1 < r.end {
                                let next_tok = &toks[i + 1];
                                let next = text(i + 1).to_lowercase();
                                if matches!(
                                    next_tok.kind,
                                    TokenKind::Symbol | TokenKind::Abbreviation | TokenKind::Number
                                ) || matches!(next.as_str(), "–" | "-" | ")" | ":" | "/" | "x")
                                    || UNITS.contains(&next.trim_end_matches('.'))
                                {
                                    continue;
                                }
                            }
                            let span = Span::new(toks[i].start, toks[i].end);
                            out.push(Hit {
                                rule,
                                span,
                                suggestions: vec![Suggestion {
                                    replacement: WORDS[n as usize].to_string(),
                                    span,
                                    safe: false,
                                    note: Some(if ctx.english {
                                        "inflect it to fit the sentence".into()
                                    } else {
                                        "vajadzības gadījumā locījiet".into()
                                    }),
                                }],
                                value: None,
                                max: None,
                            });
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::RuleSet;
    use crate::{Analyzer, Settings};

    fn found(variant: &str, text: &str) -> Vec<String> {
        let src = format!(
            "[[rule]]\nid = \"NU\"\nkind = \"numbers\"\nvariant = \"{variant}\"\ncategory = \"numbers-dates\"\nmessage = \"m\"\nexplanation = \"e\"\n[[rule.example]]\nbad = \"x\"\ngood = \"y\"\n"
        );
        let rules = RuleSet::from_sources([("t.toml", src.as_str())]).unwrap();
        Analyzer::new(rules, Settings::default())
            .check(text)
            .diagnostics
            .into_iter()
            .map(|d| d.text)
            .collect()
    }

    #[test]
    fn sentence_start() {
        assert_eq!(found("sentence-start", "15 darbinieki ieradās."), ["15"]);
        assert!(found("sentence-start", "2024. gada 7. novembrī sēde notika.").is_empty());
        assert!(found("sentence-start", "Ieradās 15 darbinieki.").is_empty());
        assert!(found("sentence-start", "1 OV L 283, 28.10.2008.").is_empty());
    }

    #[test]
    fn one_to_nine() {
        assert_eq!(found("one-to-nine", "Uz sēdi atnāca 3 cilvēki."), ["3"]);
        for quiet in [
            "Attālums ir 5 km.",
            "Pieauga par 3 %.",
            "Atnāca 3 no 12 cilvēkiem.",
            "Skatīt 3. pantu.",
            "Termiņš ir 3–5 dienas.",
            "Atnāca trīs cilvēki.",
        ] {
            assert!(found("one-to-nine", quiet).is_empty(), "{quiet}");
        }
    }
}
