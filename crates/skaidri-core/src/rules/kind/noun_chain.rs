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
//!
//! Two readings keep names and terms out of the count:
//! - A multi-word name or term from the terms list
//!   (`dictionaries/terms-lv.txt`: institutions such as «Valsts vides
//!   dienests», which are also the full forms of abbreviations, and
//!   lexicalised genitive compounds such as «darba devējs», «valsts
//!   budžets») counts as *one* noun, in any case of its last word and in
//!   any letter case: «Valsts vides dienesta ģenerāldirektora lēmumu» is
//!   three units, not five words. A name inside a sentence keeps its
//!   capital, so it is matched before capitalised words end a chain.
//! - A noun in the locative right after the genitives is read as a place
//!   or time (an adverbial), not as the head of the chain, when the word
//!   before it can be a nominative itself: in «likumu izmaiņas
//!   dalībvalstīs» the head is «izmaiņas» ("changes in the member
//!   states"), so the chain ends there. (Only the nominative: a genitive
//!   plural in -u is also an accusative singular in most masculine nouns,
//!   and «izlases kandidātu sarakstā» is a real chain.)

use super::{Ctx, Engine, Hit};
use crate::diagnostic::Span;
use crate::morph::{Case, Pos};
use crate::rules::load::{Parsed, RuleError};
use crate::segment::TokenKind;
use skaidri_morph::Terms;
use std::collections::HashMap;
use std::sync::OnceLock;

/// All noun-chain rules.
pub struct NounChainEngine {
    rules: Vec<usize>,
    /// Multi-word names and terms, built from the terms list on first use.
    units: OnceLock<Units>,
}

/// Compiles the noun-chain rules among `rules`.
pub fn compile(rules: &[(usize, &Parsed)]) -> Result<Box<dyn Engine>, RuleError> {
    Ok(Box::new(NounChainEngine {
        rules: rules.iter().map(|(i, _)| *i).collect(),
        units: OnceLock::new(),
    }))
}

/// Multi-word names and terms in lower case, by their first word.
#[derive(Debug, Default)]
pub struct Units {
    by_first: HashMap<String, Vec<Vec<String>>>,
}

impl Units {
    /// Every multi-word entry of the terms list and every multi-word full
    /// form of an abbreviation, longest first.
    pub fn from_terms(terms: &Terms) -> Units {
        let mut by_first: HashMap<String, Vec<Vec<String>>> = HashMap::new();
        let mut add = |name: &str| {
            let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
            if words.len() < 2 || name.contains(['(', ')']) {
                return;
            }
            let v = by_first.entry(words[0].clone()).or_default();
            if !v.contains(&words) {
                v.push(words);
            }
        };
        for t in terms.iter() {
            add(t);
            if let Some(full) = terms.expansion(t) {
                add(full);
            }
        }
        for v in by_first.values_mut() {
            v.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
        Units { by_first }
    }
}

/// One element of a possible chain: a word or a multi-word unit.
#[derive(Debug, Clone, Copy)]
struct Item {
    /// First token and one past the last token.
    start: usize,
    end: usize,
    /// A common noun (or a unit).
    noun: bool,
    /// Has a genitive noun reading.
    gen: bool,
    /// Has a nominative noun reading.
    nom: bool,
    /// Every noun reading is locative.
    loc_only: bool,
    /// A name written with a capital inside the sentence («Zemkopības
    /// ministrijas»): it may start a chain but not continue one.
    name: bool,
}

/// Noun readings of token `i`: (is a common noun, gen, nom, loc only).
fn noun_info(ctx: &Ctx<'_>, i: usize, first_in_sentence: bool) -> (bool, bool, bool, bool) {
    let t = &ctx.seg.tokens[i];
    if t.kind != TokenKind::Word {
        return (false, false, false, false);
    }
    let w = t.text(ctx.text);
    if !first_in_sentence && w.chars().next().is_some_and(char::is_uppercase) {
        return (false, false, false, false);
    }
    let r = ctx.analyses(i);
    let noun = r.first().is_some_and(|a| a.pos == Pos::Noun);
    let has = |c: Case| r.iter().any(|a| a.pos == Pos::Noun && a.case == Some(c));
    let nouns = || r.iter().filter(|a| a.pos == Pos::Noun);
    let loc_only = nouns().next().is_some() && nouns().all(|a| a.case == Some(Case::Loc));
    (noun, has(Case::Gen), has(Case::Nom), loc_only)
}

/// The multi-word unit starting at token `i` (words only, no punctuation
/// between them), as one past its last token.
fn unit_at(ctx: &Ctx<'_>, units: &Units, i: usize, end: usize) -> Option<usize> {
    let toks = &ctx.seg.tokens;
    let cands = units.by_first.get(ctx.lower[i].as_str())?;
    'cand: for words in cands {
        let last = i + words.len() - 1;
        if last >= end {
            continue;
        }
        for (k, w) in words.iter().enumerate().skip(1) {
            let t = &toks[i + k];
            if t.kind != TokenKind::Word {
                continue 'cand;
            }
            let form = &ctx.lower[i + k];
            let ok = if i + k == last {
                // the last word inflects: «dienests» → «dienesta»
                form == w
                    || ctx.analyses(i + k).iter().any(|a| {
                        a.lemma == *w
                            || (a.lemma.chars().any(char::is_uppercase)
                                && a.lemma.to_lowercase() == *w)
                    })
            } else {
                form == w
            };
            if !ok {
                continue 'cand;
            }
        }
        return Some(last + 1);
    }
    None
}

/// The items of a sentence (tokens `range`), units merged.
fn items(ctx: &Ctx<'_>, units: &Units, range: std::ops::Range<usize>) -> Vec<Item> {
    let first_word = range
        .clone()
        .find(|&i| ctx.seg.tokens[i].kind == TokenKind::Word);
    let mut out = Vec::new();
    let mut i = range.start;
    while i < range.end {
        if ctx.seg.tokens[i].kind == TokenKind::Word {
            if let Some(end) = unit_at(ctx, units, i, range.end) {
                let (_, gen, nom, loc_only) = noun_info(ctx, end - 1, true);
                let capital = ctx.seg.tokens[i]
                    .text(ctx.text)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase);
                out.push(Item {
                    start: i,
                    end,
                    noun: true,
                    gen,
                    nom,
                    loc_only,
                    name: capital && Some(i) != first_word,
                });
                i = end;
                continue;
            }
        }
        let (noun, gen, nom, loc_only) = noun_info(ctx, i, Some(i) == first_word);
        out.push(Item {
            start: i,
            end: i + 1,
            noun,
            gen,
            nom,
            loc_only,
            name: false,
        });
        i += 1;
    }
    out
}

/// Every chain in the text as (first token, one past the last token),
/// counting multi-word names and terms of `units` as one noun; chains of
/// at least `min_len` such nouns.
pub fn chains_with(ctx: &Ctx<'_>, units: &Units, min_len: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for s in &ctx.seg.sentences {
        let it = items(ctx, units, s.tokens.clone());
        let mut start: Option<usize> = None;
        let mut i = 0;
        while i <= it.len() {
            let cur = it.get(i).copied();
            let noun = cur.is_some_and(|c| c.noun);
            let gen = cur.is_some_and(|c| c.gen);
            let name = cur.is_some_and(|c| c.name);
            match start {
                // a name inside the sentence starts a new phrase
                Some(a) if name => {
                    if i - a >= min_len {
                        out.push((it[a].start, it[i - 1].end));
                    }
                    start = gen.then_some(i);
                }
                None if noun && gen => start = Some(i),
                Some(_) if noun && gen => {}
                Some(a) => {
                    // the run of genitives ends; a noun here is the head,
                    // unless it is a locative adverbial after a word that
                    // can head the phrase itself («izmaiņas dalībvalstīs»)
                    let adverbial =
                        noun && cur.is_some_and(|c| c.loc_only) && i > a && it[i - 1].nom;
                    let head = noun && !adverbial;
                    let end = if head { i + 1 } else { i };
                    if end - a >= min_len {
                        out.push((it[a].start, it[end - 1].end));
                    }
                    start = (noun && gen).then_some(i);
                    if head {
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

/// Every chain in the text, with the embedded terms list's names and terms
/// as units (see [`chains_with`]).
pub fn chains(ctx: &Ctx<'_>, min_len: usize) -> Vec<(usize, usize)> {
    let units = Units::from_terms(ctx.morphology().terms());
    chains_with(ctx, &units, min_len)
}

/// Number of nouns (units counted once) in tokens `a..b`.
fn items_count(ctx: &Ctx<'_>, units: &Units, a: usize, b: usize) -> usize {
    let mut n = 0;
    let mut i = a;
    while i < b {
        i = unit_at(ctx, units, i, b).unwrap_or(i + 1);
        n += 1;
    }
    n
}

impl Engine for NounChainEngine {
    fn run(&self, ctx: &Ctx<'_>, out: &mut Vec<Hit>) {
        for &rule in &self.rules {
            if !(ctx.enabled)(rule) {
                continue;
            }
            let max = (ctx.max_for)(rule).unwrap_or(3.0);
            let toks = &ctx.seg.tokens;
            let units = self
                .units
                .get_or_init(|| Units::from_terms(ctx.morphology().terms()));
            let mut seen = std::collections::HashSet::new();
            for (a, b) in chains_with(ctx, units, max as usize + 1) {
                // a term repeated through a document («darba vides riska
                // novērtēšana») is reported once
                let key = ctx.text[toks[a].start..toks[b - 1].end].to_lowercase();
                if !seen.insert(key) {
                    continue;
                }
                let n = items_count(ctx, units, a, b);
                out.push(Hit {
                    rule,
                    span: Span::new(toks[a].start, toks[b - 1].end),
                    suggestions: Vec::new(),
                    value: Some(n as f64),
                    max: Some(max),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::kind::test_support::texts;

    fn found(text: &str) -> Vec<String> {
        texts("kind = \"noun-chain\"\ncategory = \"noun-chain\"", text)
    }

    #[test]
    fn long_genitive_chains() {
        assert_eq!(
            found("Sabiedrības līdzdalības regulējuma pilnveide ir svarīga."),
            ["Sabiedrības līdzdalības regulējuma pilnveide"]
        );
        assert!(found("Darba devēja pienākumi ir noteikti.").is_empty());
        assert!(found("Valodu likums ir spēkā.").is_empty());
        let twice = "Sabiedrības līdzdalības regulējuma pilnveide ir svarīga. \
                     Sabiedrības līdzdalības regulējuma pilnveide notiek.";
        assert_eq!(found(twice).len(), 1);
    }

    #[test]
    fn names_and_terms_count_as_one_noun() {
        // «Valsts vides dienests» (full form of VVD) and «valsts budžets» are units
        assert!(found("Valsts vides dienesta ģenerāldirektora lēmumu var pārsūdzēt.").is_empty());
        assert!(
            found("Viņš pārskaita valsts budžeta līdzfinansējumu pašvaldības kontā.").is_empty()
        );
        // a unit still counts: four nouns with it
        assert_eq!(
            found("Tas ir Valsts vides dienesta ģenerāldirektora vietnieka lēmums.").len(),
            1
        );
        // a name inside a sentence starts a phrase; it does not continue one
        assert!(
            found("Piešķir sistēmas lietošanas tiesības Zemkopības ministrijas ierēdnim.")
                .is_empty()
        );
    }

    #[test]
    fn locative_after_a_possible_head_is_not_the_head() {
        assert!(found("Maksātnespējas likumu izmaiņas dalībvalstīs nozīmē daudz.").is_empty());
        // an unambiguous genitive before the locative keeps it as the head
        assert_eq!(
            found("Tas notiek darba vides riska novērtējuma procesā.").len(),
            1
        );
    }
}
