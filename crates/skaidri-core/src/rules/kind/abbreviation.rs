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
//! Not abbreviations: Roman numerals (II, XIV), words in a line or
//! sentence written all in capitals (headings), Latvian words in capitals
//! («UN», «PADOME») unless the terms list gives them a full form («ES»),
//! and anything in the user's dictionaries.

use super::{Ctx, Engine, Hit};
use crate::diagnostic::{Span, Suggestion};
use crate::rules::load::{Parsed, RuleError};
use crate::segment::TokenKind;
use std::collections::HashSet;

/// All abbreviation rules.
pub struct AbbreviationEngine {
    rules: Vec<usize>,
}

/// Compiles the abbreviation rules among `rules`.
pub fn compile(rules: &[(usize, &Parsed)]) -> Result<Box<dyn Engine>, RuleError> {
    Ok(Box::new(AbbreviationEngine {
        rules: rules.iter().map(|(i, _)| *i).collect(),
    }))
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
                if !is_abbreviation(w) || ctx.is_extra_word(w) || !seen.insert(w) {
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
                for &rule in &rules {
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
    use crate::rules::RuleSet;
    use crate::{Analyzer, Settings};

    fn found(text: &str) -> Vec<(String, Vec<String>)> {
        let src = "[[rule]]\nid = \"AB\"\nkind = \"abbreviation\"\ncategory = \"abbreviation\"\nmessage = \"m\"\nexplanation = \"e\"\n[[rule.example]]\nbad = \"x\"\ngood = \"y\"\n";
        let rules = RuleSet::from_sources([("t.toml", src)]).unwrap();
        Analyzer::new(rules, Settings::default())
            .check(text)
            .diagnostics
            .into_iter()
            .map(|d| {
                (
                    d.text,
                    d.suggestions.into_iter().map(|s| s.replacement).collect(),
                )
            })
            .collect()
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
        assert!(found("LIKUMS PAR VID DARBU.").is_empty());
        assert!(found("Eiropas PADOME UN parlaments.").is_empty());
        assert_eq!(found("To lēma ES.")[0].1, ["Eiropas Savienība (ES)"]);
    }
}
