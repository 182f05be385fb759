//! Kind `abbreviation`: an abbreviation used before its full form.
//!
//! An abbreviation is a word of 2–6 letters, all capitals («VID», «NVO»,
//! «VARAM»). It is introduced when, at its first use, its full form is
//! right beside it in brackets: «Valsts ieņēmumu dienests (VID)» or «VID
//! (Valsts ieņēmumu dienests)». The first use of an abbreviation that is
//! not introduced is reported once per document; later uses are not. The
//! suggestion, where the terms list (`dictionaries/terms-lv.txt`) knows the
//! full form, is «full form (ABBR)».
//!
//! Not abbreviations: parts of a document number joined to it by a
//! slash («direktīva 89/391/EEK», «Regula (EK) Nr. 1/2003» is still an
//! abbreviation in brackets), Roman numerals (II, XIV), words in a line or
//! sentence written all in capitals (headings), Latvian words in capitals
//! («UN», «PADOME») unless the terms list gives them a full form («ES»),
//! and anything in the user's dictionaries.
//!
//! Variants (`variant = "…"`, optional): `first-use` (the default) also
//! leaves alone the abbreviations every adult reader knows without the
//! full form («NATO», «ASV», «ES», «LETA», «SIA»), listed with the reasons
//! for the list in `dictionaries/abbreviations-known-lv.txt`; `every`
//! reports those too, for easy-to-read text, which avoids abbreviations
//! altogether.

use super::{variant_of, Ctx, Engine, Hit};
use crate::diagnostic::{Span, Suggestion};
use crate::rules::load::{Parsed, RuleError};
use crate::segment::TokenKind;
use std::collections::HashSet;

/// All abbreviation rules, each with whether it reports widely known
/// abbreviations too (variant `every`).
pub struct AbbreviationEngine {
    rules: Vec<(usize, bool)>,
}

/// Compiles the abbreviation rules among `rules`.
pub fn compile(rules: &[(usize, &Parsed)]) -> Result<Box<dyn Engine>, RuleError> {
    let mut out = Vec::new();
    for &(i, p) in rules {
        let every = match p.variant {
            None => false,
            Some(_) => variant_of(p, &["first-use", "every"])? == "every",
        };
        out.push((i, every));
    }
    Ok(Box::new(AbbreviationEngine { rules: out }))
}

/// The list of abbreviations every reader knows (see the module docs).
const KNOWN: &str = include_str!("../../../../../dictionaries/abbreviations-known-lv.txt");

/// Is `w` a widely known abbreviation that needs no full form («NATO»)?
pub fn is_widely_known(w: &str) -> bool {
    static SET: once_cell::sync::Lazy<HashSet<&'static str>> = once_cell::sync::Lazy::new(|| {
        KNOWN
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    });
    SET.contains(w)
}

/// Is `w` written like an abbreviation (2–6 capitals, not a Roman numeral)?
pub fn is_abbreviation(w: &str) -> bool {
    let n = w.chars().count();
    (2..=6).contains(&n) && w.chars().all(|c| c.is_alphabetic() && c.is_uppercase()) && !is_roman(w)
}

/// Is `w` a well-formed Roman numeral (II, XIV, MMXXIV)? «VID» is not.
fn is_roman(w: &str) -> bool {
    static ROMAN: once_cell::sync::Lazy<Option<regex::Regex>> = once_cell::sync::Lazy::new(|| {
        regex::Regex::new("^M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$").ok()
    });
    !w.is_empty() && ROMAN.as_ref().is_some_and(|r| r.is_match(w))
}

impl Engine for AbbreviationEngine {
    fn run(&self, ctx: &Ctx<'_>, out: &mut Vec<Hit>) {
        let rules: Vec<(usize, bool)> = self
            .rules
            .iter()
            .copied()
            .filter(|&(r, _)| (ctx.enabled)(r))
            .collect();
        if rules.is_empty() {
            return;
        }
        let toks = &ctx.seg.tokens;
        let text = |i: usize| toks[i].text(ctx.text);
        let mut seen: HashSet<&str> = HashSet::new();
        for s in &ctx.seg.sentences {
            let words: Vec<usize> = s
                .tokens
                .clone()
                .filter(|&i| toks[i].kind == TokenKind::Word)
                .collect();
            // A heading or sentence in capitals: its words are not abbreviations.
            let caps = words
                .iter()
                .filter(|&&i| !text(i).chars().any(char::is_lowercase))
                .count();
            if words.len() >= 3 && caps * 2 > words.len() {
                continue;
            }
            for &i in &words {
                let w = text(i);
                if !is_abbreviation(w) || ctx.is_extra_word(w) {
                    continue;
                }
                // «89/391/EEK»: part of a document number
                let glued_slash = |j: usize| {
                    toks.get(j).is_some_and(|t| {
                        t.text(ctx.text) == "/"
                            && (t.end == toks[i].start || t.start == toks[i].end)
                    })
                };
                if (i > 0 && glued_slash(i - 1)) || glued_slash(i + 1) {
                    continue;
                }
                if !seen.insert(w) {
                    continue;
                }
                // a word in capitals («UN», «PADOME» in a heading) unless the
                // terms list knows it as an abbreviation («ES»)
                let expansion = ctx.morphology().terms().expansion(w);
                if expansion.is_none() && ctx.morphology().is_known(&w.to_lowercase()) {
                    continue;
                }
                let prev_open = i > s.tokens.start && text(i - 1) == "(";
                let next_close = i + 1 < s.tokens.end && text(i + 1) == ")";
                let after_words = i > s.tokens.start + 1;
                // «Valsts ieņēmumu dienests (VID)»
                let defined_before = prev_open && next_close && after_words;
                // «VID (Valsts ieņēmumu dienests)»
                let defined_after = i + 2 < s.tokens.end
                    && text(i + 1) == "("
                    && toks[i + 2].kind == TokenKind::Word
                    && !is_abbreviation(text(i + 2));
                if defined_before || defined_after {
                    continue;
                }
                let span = Span::new(toks[i].start, toks[i].end);
                let suggestions = expansion
                    .map(|full| {
                        vec![Suggestion {
                            replacement: format!("{full} ({w})"),
                            span,
                            safe: false,
                            note: None,
                        }]
                    })
                    .unwrap_or_default();
                let known = is_widely_known(w);
                for &(rule, every) in &rules {
                    if known && !every {
                        continue;
                    }
                    out.push(Hit {
                        rule,
                        span,
                        suggestions: suggestions.clone(),
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
    use crate::rules::kind::test_support::texts_and_suggestions;

    fn found(text: &str) -> Vec<(String, Vec<String>)> {
        found_with(text, "")
    }

    fn found_with(text: &str, variant: &str) -> Vec<(String, Vec<String>)> {
        let fields = format!("kind = \"abbreviation\"\n{variant}category = \"abbreviation\"");
        texts_and_suggestions(&fields, text)
    }

    #[test]
    fn first_use_without_full_form() {
        let f = found("Iesniegumu izskatīs VID. VID atbildēs.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, "VID");
        assert_eq!(f[0].1, ["Valsts ieņēmumu dienests (VID)"]);
    }

    #[test]
    fn introduced_abbreviations() {
        assert!(
            found("Valsts ieņēmumu dienests (VID) izskatīs iesniegumu. VID atbildēs.").is_empty()
        );
        assert!(found("VID (Valsts ieņēmumu dienests) izskatīs iesniegumu.").is_empty());
        assert!(found("Saskaņā ar II nodaļu.").is_empty());
        assert!(found("Tas izriet no direktīvas 89/391/EEK.").is_empty());
        assert!(found("LIKUMS PAR VID DARBU.").is_empty());
        assert!(found("Eiropas PADOME UN parlaments.").is_empty());
        assert_eq!(found("To lēma VK.")[0].1, ["Valsts kanceleja (VK)"]);
    }

    #[test]
    fn widely_known_abbreviations() {
        // the default variant leaves NATO, ASV, ES alone but not VID
        let f = found("NATO un ASV vienojās; ES piekrita. VID atbildēs.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "VID");
        let every = "variant = \"every\"\n";
        let f = found_with("NATO un ASV vienojās; ES piekrita. VID atbildēs.", every);
        assert_eq!(f.len(), 4, "{f:?}");
        assert_eq!(
            found_with("To lēma ES.", every)[0].1,
            ["Eiropas Savienība (ES)"]
        );
    }
}
