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
//! - `date-digits`: a date in figures in running text («07.11.2012.»),
//!   not after a comma («OV L 175, 10.7.1999.» cites the Official Journal).
//! - `ordinal-space`: an ordinal without a space after its dot before a
//!   word («2012.gada», «1.pants»), each occurrence, when the document has
//!   fewer than [`HOUSE_STYLE`] of them — a slip.
//! - `ordinal-space-throughout`: the same, when the document has
//!   [`HOUSE_STYLE`] or more: that is a convention the whole text follows
//!   (acts of the 2000s were drafted «1.pants», «2004.gada»), not a slip,
//!   and a margin note on every article heading is noise. One finding at
//!   the first occurrence carries the count (`{value}`).
//!
//! Dates and ordinals inside the editorial notes of a consolidated act
//! («(Ar grozījumiem, kas izdarīti ar 16.12.2004. likumu, kas stājas
//! spēkā 11.01.2005.)», «(25.03.2010. likuma redakcijā …)») are skipped:
//! the publisher (likumi.lv) adds them in its own fixed format, and the
//! person checking the act cannot and should not rewrite them.
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
    DateDigits,
    OrdinalSpace,
    OrdinalSpaceThroughout,
}

/// From this many ordinals without a space, a document follows that
/// convention throughout and gets one finding instead of one per ordinal.
pub const HOUSE_STYLE: usize = 5;

/// A date in figures; the group `hit` is the date.
const DATE: &str =
    r"(?:^|[^,\s]\s+|\()(?P<hit>(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:19|20)\d\d\.?)";

/// An ordinal glued to the word after it: group 1 the number, 2 the word.
const ORDINAL: &str = r"\b(\d{1,4})\.((?:gad|janvār|februār|mart|aprīl|maij|jūnij|jūlij|august|septembr|oktobr|novembr|decembr|pant|punkt|daļ|nodaļ|lpp|gs|klas|viet|Saeim|sēd|lasījum|apakšpunkt)\p{L}*)";

fn date_re() -> Option<&'static regex::Regex> {
    static RE: once_cell::sync::Lazy<Option<regex::Regex>> =
        once_cell::sync::Lazy::new(|| regex::Regex::new(DATE).ok());
    RE.as_ref()
}

fn ordinal_re() -> Option<&'static regex::Regex> {
    static RE: once_cell::sync::Lazy<Option<regex::Regex>> =
        once_cell::sync::Lazy::new(|| regex::Regex::new(ORDINAL).ok());
    RE.as_ref()
}

/// Is the line around byte `at` of `text` an editorial note of a
/// consolidated act: a whole line in brackets that records amendments
/// («(Ar grozījumiem, kas izdarīti ar … likumu …)», «(… likuma redakcijā,
/// kas stājas spēkā …)», «(Izslēgts ar … likumu)»)?
pub fn in_consolidation_note(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = text[start..end].trim();
    if !(line.starts_with('(') && line.ends_with(')')) {
        return false;
    }
    let l = line.to_lowercase();
    (l.contains("likum") || l.contains("noteikum"))
        && [
            "grozījum",
            "redakcijā",
            "izslēgt",
            "stājas spēkā",
            "zaudē spēku",
        ]
        .iter()
        .any(|k| l.contains(k))
}

/// Does `hay` have a digit, a dot and then a byte `after` accepts? A cheap
/// test that lets the regexes skip sentences that cannot match (they use
/// Unicode word boundaries, which the fast regex engines do not support).
fn digit_dot(hay: &str, after: impl Fn(u8) -> bool) -> bool {
    hay.as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b'.' && after(w[2]))
}

/// Every ordinal glued to its word, outside consolidation notes, as
/// (span, suggestion).
fn glued_ordinals(ctx: &Ctx<'_>) -> Vec<(Span, String)> {
    let Some(re) = ordinal_re() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for s in &ctx.seg.sentences {
        let hay = &ctx.text[s.start..s.end];
        if !digit_dot(hay, |b| b.is_ascii_alphabetic() || b >= 0x80) {
            continue; // no «1.p…» at all: skip the regex (most sentences)
        }
        for c in re.captures_iter(hay) {
            let (Some(m), Some(n), Some(w)) = (c.get(0), c.get(1), c.get(2)) else {
                continue;
            };
            if in_consolidation_note(ctx.text, s.start + m.start()) {
                continue;
            }
            let span = Span::new(s.start + m.start(), s.start + m.end());
            out.push((span, format!("{}. {}", n.as_str(), w.as_str())));
        }
    }
    out
}

/// All numbers rules.
pub struct NumbersEngine {
    entries: Vec<(usize, Variant)>,
}

/// Compiles the numbers rules among `rules`.
pub fn compile(rules: &[(usize, &Parsed)]) -> Result<Box<dyn Engine>, RuleError> {
    let mut entries = Vec::new();
    for &(idx, p) in rules {
        let v = match variant_of(
            p,
            &[
                "sentence-start",
                "one-to-nine",
                "date-digits",
                "ordinal-space",
                "ordinal-space-throughout",
            ],
        )? {
            "sentence-start" => Variant::SentenceStart,
            "date-digits" => Variant::DateDigits,
            "ordinal-space" => Variant::OrdinalSpace,
            "ordinal-space-throughout" => Variant::OrdinalSpaceThroughout,
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
        // `ordinal-space` vs `ordinal-space-throughout` depends on how many ordinals without
        // a space the whole document has
        super::Scope::Document
    }

    fn run(&self, ctx: &Ctx<'_>, out: &mut Vec<Hit>) {
        let toks = &ctx.seg.tokens;
        let text = |i: usize| toks[i].text(ctx.text);
        let mut glued: Option<Vec<(Span, String)>> = None;
        for &(rule, v) in &self.entries {
            if !(ctx.enabled)(rule) {
                continue;
            }
            match v {
                Variant::OrdinalSpace | Variant::OrdinalSpaceThroughout => {
                    let all = glued.get_or_insert_with(|| glued_ordinals(ctx));
                    let throughout = all.len() >= HOUSE_STYLE;
                    let fix = |span: Span, replacement: &String| Suggestion {
                        replacement: replacement.clone(),
                        span,
                        safe: true,
                        note: None,
                    };
                    if v == Variant::OrdinalSpaceThroughout && throughout {
                        if let Some((span, r)) = all.first() {
                            out.push(Hit {
                                rule,
                                span: *span,
                                suggestions: vec![fix(*span, r)],
                                value: Some(all.len() as f64),
                                max: None,
                            });
                        }
                    } else if v == Variant::OrdinalSpace && !throughout {
                        for (span, r) in all.iter() {
                            out.push(Hit {
                                rule,
                                span: *span,
                                suggestions: vec![fix(*span, r)],
                                value: None,
                                max: None,
                            });
                        }
                    }
                    continue;
                }
                Variant::DateDigits => {
                    let Some(re) = date_re() else { continue };
                    for s in &ctx.seg.sentences {
                        let hay = &ctx.text[s.start..s.end];
                        if !digit_dot(hay, |b| b.is_ascii_digit()) {
                            continue;
                        }
                        for c in re.captures_iter(hay) {
                            let Some(m) = c.name("hit") else { continue };
                            let at = s.start + m.start();
                            if in_consolidation_note(ctx.text, at) {
                                continue;
                            }
                            out.push(Hit {
                                rule,
                                span: Span::new(at, s.start + m.end()),
                                suggestions: Vec::new(),
                                value: None,
                                max: None,
                            });
                        }
                    }
                    continue;
                }
                Variant::SentenceStart | Variant::OneToNine => {}
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
                    Variant::DateDigits
                    | Variant::OrdinalSpace
                    | Variant::OrdinalSpaceThroughout => {}
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
    use crate::rules::kind::test_support::texts;

    fn found(variant: &str, text: &str) -> Vec<String> {
        let fields =
            format!("kind = \"numbers\"\nvariant = \"{variant}\"\ncategory = \"numbers-dates\"");
        texts(&fields, text)
    }

    #[test]
    fn sentence_start() {
        assert_eq!(found("sentence-start", "15 darbinieki ieradās."), ["15"]);
        assert!(found("sentence-start", "2024. gada 7. novembrī sēde notika.").is_empty());
        assert!(found("sentence-start", "Ieradās 15 darbinieki.").is_empty());
        assert!(found("sentence-start", "1 OV L 283, 28.10.2008.").is_empty());
    }

    #[test]
    fn dates_in_figures_but_not_in_consolidation_notes() {
        assert_eq!(
            found("date-digits", "Iesniegt līdz 07.11.2012. plkst. 12."),
            ["07.11.2012."]
        );
        assert!(found("date-digits", "Skatīt OV L 175, 10.7.1999.").is_empty());
        let act = "1.pants. Termini\n(1) Likumā ir termini.\n\
                   (Ar grozījumiem, kas izdarīti ar 16.12.2004. likumu, kas stājas spēkā 11.01.2005.)\n\
                   (25.03.2010. likuma redakcijā, kas stājas spēkā 28.04.2010.)\n\
                   (2) Līgums noslēgts (12.03.2014.) uz trim gadiem.";
        assert_eq!(found("date-digits", act), ["12.03.2014."]);
    }

    #[test]
    fn glued_ordinals_a_slip_or_the_convention() {
        let two = "Līgums noslēgts 2012.gada 7.novembrī.";
        assert_eq!(found("ordinal-space", two), ["2012.gada", "7.novembrī"]);
        assert!(found("ordinal-space-throughout", two).is_empty());
        let act =
            "1.pants. A.\n2.pants. B.\n3.pants. C.\n4.pants. D.\n5.pants. E saskaņā ar 2.pantu.";
        assert!(found("ordinal-space", act).is_empty());
        assert_eq!(found("ordinal-space-throughout", act), ["1.pants"]);
        // the notes of a consolidated act do not count
        let notes = "Skatīt 3.pantu.\n(Ar grozījumiem, kas izdarīti ar 2004.gada likumu.)\n\
                     (Ar grozījumiem, kas izdarīti ar 2005.gada likumu.)\n\
                     (Ar grozījumiem, kas izdarīti ar 2006.gada likumu.)\n\
                     (Ar grozījumiem, kas izdarīti ar 2007.gada likumu.)";
        assert_eq!(found("ordinal-space", notes), ["3.pantu"]);
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
