//! Kind `noun-chain`: long runs of nouns where every noun but the last is
//! in the genitive («Sabiedrības līdzdalības regulējuma pilnveide»).
//!
//! A chain is a run of adjacent common nouns (a noun reading; capitalised
//! words inside a sentence are names and end the chain) in which every
//! word but the last has a genitive reading. It is reported when it is
//! longer than `max` nouns (default 3, so four or more), which makes at
//! least the first three genitive. Short genitive compounds («Valodu
//! likums», «darba devējs») are normal Latvian and are left alone. A chain
//! that a document repeats (a term of the act) is reported at its first
//! use only.

use super::{Ctx, Engine, Hit};
use crate::diagnostic::Span;
use crate::morph::{Case, Pos};
use crate::rules::load::{Parsed, RuleError};
use crate::segment::TokenKind;

/// All noun-chain rules.
pub struct NounChainEngine {
    rules: Vec<usize>,
}

/// Compiles the noun-chain rules among `rules`.
pub fn compile(rules: &[(usize, &Parsed)]) -> Result<Box<dyn Engine>, RuleError> {
    Ok(Box::new(NounChainEngine {
        rules: rules.iter().map(|(i, _)| *i).collect(),
    }))
}

/// (is a common noun, can be genitive)
fn noun_info(ctx: &Ctx<'_>, i: usize, first_in_sentence: bool) -> (bool, bool) {
    let t = &ctx.seg.tokens[i];
    if t.kind != TokenKind::Word {
        return (false, false);
    }
    let w = t.text(ctx.text);
    if !first_in_sentence && w.chars().next().is_some_and(char::is_uppercase) {
        return (false, false);
    }
    let r = ctx.analyses(i);
    let noun = r.first().is_some_and(|a| a.pos == Pos::Noun);
    let gen = r
        .iter()
        .any(|a| a.pos == Pos::Noun && a.case == Some(Case::Gen));
    (noun, gen)
}

/// Every chain in the text as (first token, one past the last token).
pub fn chains(ctx: &Ctx<'_>, min_len: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for s in &ctx.seg.sentences {
        let first_word = (s.tokens.clone()).find(|&i| ctx.seg.tokens[i].kind == TokenKind::Word);
        let mut start: Option<usize> = None;
        let mut i = s.tokens.start;
        while i <= s.tokens.end {
            let (noun, gen) = if i < s.tokens.end {
                noun_info(ctx, i, Some(i) == first_word)
            } else {
                (false, false)
            };
            match start {
                None if noun && gen => start = Some(i),
                Some(_) if noun && gen => {}
                Some(a) => {
                    // the run of genitives ends; a noun here is the head
                    let end = if noun { i + 1 } else { i };
                    if end - a >= min_len {
                        out.push((a, end));
                    }
                    start = (noun && gen).then_some(i);
                    if noun {
                        i += 1;
                        continue;
                    }
                }
                None => {}
            }
            i += 1;
        }
    }
    out
}

impl Engine for NounChainEngine {
    fn run(&self, ctx: &Ctx<'_>, out: &mut Vec<Hit>) {
        for &rule in &self.rules {
            if !(ctx.enabled)(rule) {
                continue;
            }
            let max = (ctx.max_for)(rule).unwrap_or(3.0);
            let toks = &ctx.seg.tokens;
            let mut seen = std::collections::HashSet::new();
            for (a, b) in chains(ctx, max as usize + 1) {
                // a term repeated through a document («darba vides riska
                // novērtēšana») is reported once
                let key = ctx.text[toks[a].start..toks[b - 1].end].to_lowercase();
                if !seen.insert(key) {
                    continue;
                }
                out.push(Hit {
                    rule,
                    span: Span::new(toks[a].start, toks[b - 1].end),
                    suggestions: Vec::new(),
                    value: Some((b - a) as f64),
                    max: Some(max),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::RuleSet;
    use crate::{Analyzer, Settings};

    fn found(text: &str) -> Vec<String> {
        let src = "[[rule]]\nid = \"NC\"\nkind = \"noun-chain\"\ncategory = \"noun-chain\"\nmessage = \"m\"\nexplanation = \"e\"\n[[rule.example]]\nbad = \"x\"\ngood = \"y\"\n";
        let rules = RuleSet::from_sources([("t.toml", src)]).unwrap();
        Analyzer::new(rules, Settings::default())
            .check(text)
            .diagnostics
            .into_iter()
            .map(|d| d.text)
            .collect()
    }

    #[test]
    fn long_genitive_chains() {
        assert_eq!(
            found("Sabiedrības līdzdalības regulējuma pilnveide ir svarīga."),
            ["Sabiedrības līdzdalības regulējuma pilnveide"]
        );
        assert!(found("Darba devēja pienākumi ir noteikti.").is_empty());
        assert!(found("Valodu likums ir spēkā.").is_empty());
        let twice =
            "Darba vides riska novērtēšana ir svarīga. Darba vides riska novērtēšana notiek.";
        assert_eq!(found(twice).len(), 1);
    }
}
