//! Kind `lemma`: phrase patterns over lemmas and morphological features, so
//! one pattern matches every inflection of a phrase.
//!
//! `veikt ..2 pārbaude` with `any_order = true` matches "veica pārbaudi",
//! "tiks veikta pārbaude", "veiktās pārbaudes", "jāveic rūpīga pārbaude" and
//! "pārbaudes veikšana": a word element matches a token when one of its
//! readings has that lemma, or — for a verb — the token is one of its
//! participles or its -šana noun. The full syntax is in `rules/SCHEMA.md`:
//!
//! - `veikt` lemma; `pārbaud*` lemma prefix; `=ar` exact word form;
//!   `a|b` alternatives;
//! - `[pos=noun case=gen]`, `[shana]`, `[ppp]`, `[lemma=tikt|būt]`, … —
//!   constraints on one reading; `[!case=gen]` — no reading is genitive;
//!   `veikt[ppp]` — lemma and constraints together;
//! - `_` any word, `..` / `..N` a gap of up to 3 / N words.
//!
//! Gaps are careful, because a noun in between usually starts another
//! phrase ("pārbaudes laikā inspektori veica mērījumus"): a gap never skips
//! a noun that cannot be genitive, and in the reversed order of an
//! `any_order` rule it skips no noun at all.
//!
//! All lemma rules are compiled into one index keyed by the lemma (or word
//! form) of each pattern's first element, so the text is scanned once.
//!
//! Suggestions: the rule's first suggestion is the plain verb. When the
//! match is a finite verb, infinitive or debitive plus its noun with nothing
//! in between, the plain verb is inflected like the light verb ("veica
//! pārbaudi" → "pārbaudīja"); otherwise the plain verb is offered with a
//! note that it must be inflected to fit. Lemma suggestions are never
//! `safe`: the object usually changes case too.

use super::{match_case, prefix_key, require_patterns, Ctx, Engine, Hit};
use crate::diagnostic::{Span, Suggestion};
use crate::morph::{
    inflect_like, is_clause_verb, Analysis, Case, Gender, Number, Pos, Tense, VerbForm,
};
use crate::rules::load::{Located, Parsed, RuleError};
use crate::segment::{Token, TokenKind};
use std::collections::HashMap;

/// One alternative of a word element.
#[derive(Debug, Clone, PartialEq)]
enum Alt {
    /// A lemma (also the verb of a -šana noun).
    Lemma(String),
    /// A lemma prefix (`pārbaud*`).
    Prefix(String),
    /// An exact word form (`=ar`), case-insensitive.
    Surface(String),
}

/// A test on one reading.
#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    /// Part of speech is one of these.
    Pos(Vec<Pos>),
    /// Case is one of these.
    Case(Vec<Case>),
    /// Number.
    Number(Number),
    /// Gender.
    Gender(Gender),
    /// Person.
    Person(u8),
    /// Tense is one of these.
    Tense(Vec<Tense>),
    /// The strict lemma (not the verb of a -šana noun) is one of these.
    Lemma(Vec<String>),
    /// A -šana/-šanās noun.
    Shana,
    /// A past passive participle (`-ts`, `-ta`).
    Ppp,
    /// A present passive participle (`-ams`, `-āms`).
    Prp,
    /// Any participle.
    Participle,
    /// A finite verb form (any mood).
    Finite,
    /// An infinitive.
    Infinitive,
    /// A debitive (`jā-`).
    Debitive,
    /// A reflexive form.
    Reflexive,
}

impl Test {
    /// Whether reading `a` passes.
    pub fn holds(&self, a: &Analysis) -> bool {
        match self {
            Test::Pos(ps) => ps.contains(&a.pos),
            Test::Case(cs) => a.case.is_some_and(|c| cs.contains(&c)),
            Test::Number(n) => a.number == Some(*n),
            Test::Gender(g) => a.gender == Some(*g),
            Test::Person(p) => a.person == Some(*p),
            Test::Tense(ts) => a.tense.is_some_and(|t| ts.contains(&t)),
            Test::Lemma(ls) => ls.contains(&a.lemma),
            Test::Shana => a.is_shana_noun(),
            Test::Ppp => a.is_past_passive_participle(),
            Test::Prp => matches!(
                a.verb_form,
                Some(VerbForm::Participle(p)) if p.passive && !p.past
            ),
            Test::Participle => matches!(a.verb_form, Some(VerbForm::Participle(_))),
            Test::Finite => matches!(a.verb_form, Some(VerbForm::Finite(_))),
            Test::Infinitive => a.verb_form == Some(VerbForm::Infinitive),
            Test::Debitive => a.verb_form == Some(VerbForm::Debitive),
            Test::Reflexive => a.reflexive,
        }
    }
}

/// Constraints in brackets: positive tests must hold together on one
/// reading; negated tests must hold on no reading.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Constraints {
    /// Tests one reading must pass together.
    pub all: Vec<Test>,
    /// Tests no reading may pass.
    pub none: Vec<Test>,
}

impl Constraints {
    /// Whether the token with these readings passes; `alt` (if any) must
    /// hold on the same reading as the positive tests.
    fn holds_with(&self, readings: &[Analysis], alt: impl Fn(&Analysis) -> bool) -> bool {
        readings
            .iter()
            .any(|a| alt(a) && self.all.iter().all(|t| t.holds(a)))
            && !readings
                .iter()
                .any(|a| self.none.iter().any(|t| t.holds(a)))
    }

    /// Parses the inside of `[…]`.
    pub fn parse(src: &str) -> Result<Constraints, String> {
        let mut c = Constraints::default();
        for item in src.split_whitespace() {
            let (neg, item) = match item.strip_prefix('!') {
                Some(rest) => (true, rest),
                None => (false, item),
            };
            let t = parse_test(item)?;
            if neg {
                c.none.push(t);
            } else {
                c.all.push(t);
            }
        }
        Ok(c)
    }
}

fn parse_list<T>(v: &str, f: impl Fn(&str) -> Option<T>, what: &str) -> Result<Vec<T>, String> {
    v.split('|')
        .map(|x| f(x).ok_or_else(|| format!("unknown {what} `{x}`")))
        .collect()
}

fn parse_test(item: &str) -> Result<Test, String> {
    let Some((k, v)) = item.split_once('=') else {
        return Ok(match item {
            "shana" => Test::Shana,
            "ppp" => Test::Ppp,
            "prp" => Test::Prp,
            "participle" => Test::Participle,
            "finite" => Test::Finite,
            "inf" => Test::Infinitive,
            "deb" => Test::Debitive,
            "refl" => Test::Reflexive,
            _ => {
                return Err(format!(
                    "unknown constraint `{item}`; expected key=value or one of shana, ppp, prp, participle, finite, inf, deb, refl"
                ))
            }
        });
    };
    Ok(match k {
        "pos" => Test::Pos(parse_list(v, pos_of, "part of speech")?),
        "case" => Test::Case(parse_list(v, case_of, "case")?),
        "number" => Test::Number(match v {
            "sing" | "sg" => Number::Sing,
            "plur" | "pl" => Number::Plur,
            _ => return Err(format!("unknown number `{v}`; expected sing or plur")),
        }),
        "gender" => Test::Gender(match v {
            "masc" => Gender::Masc,
            "fem" => Gender::Fem,
            _ => return Err(format!("unknown gender `{v}`; expected masc or fem")),
        }),
        "person" => Test::Person(match v {
            "1" => 1,
            "2" => 2,
            "3" => 3,
            _ => return Err(format!("unknown person `{v}`; expected 1, 2 or 3")),
        }),
        "tense" => Test::Tense(parse_list(
            v,
            |t| match t {
                "past" => Some(Tense::Past),
                "pres" => Some(Tense::Pres),
                "fut" => Some(Tense::Fut),
                _ => None,
            },
            "tense",
        )?),
        "lemma" => Test::Lemma(v.split('|').map(str::to_lowercase).collect()),
        _ => {
            return Err(format!(
                "unknown constraint key `{k}`; expected pos, case, number, gender, person, tense or lemma"
            ))
        }
    })
}

fn pos_of(s: &str) -> Option<Pos> {
    Some(match s {
        "noun" => Pos::Noun,
        "verb" => Pos::Verb,
        "adj" => Pos::Adjective,
        "adv" => Pos::Adverb,
        "pron" => Pos::Pronoun,
        "num" => Pos::Numeral,
        "prep" => Pos::Preposition,
        "conj" => Pos::Conjunction,
        "part" => Pos::Particle,
        "intj" => Pos::Interjection,
        "propn" => Pos::ProperNoun,
        "abbr" => Pos::Abbreviation,
        _ => return None,
    })
}

fn case_of(s: &str) -> Option<Case> {
    Some(match s {
        "nom" => Case::Nom,
        "gen" => Case::Gen,
        "dat" => Case::Dat,
        "acc" => Case::Acc,
        "loc" => Case::Loc,
        "voc" => Case::Voc,
        _ => return None,
    })
}

/// One pattern element.
#[derive(Debug, Clone, PartialEq)]
enum Elem {
    /// A word: alternatives (empty: any word) and constraints.
    Word(Vec<Alt>, Constraints),
    /// A gap of up to N words.
    Gap(usize),
}

/// A compiled lemma pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    elems: Vec<Elem>,
    /// Matching the reversed order of an `any_order` rule.
    reversed: bool,
}

/// Splits a pattern on spaces outside brackets.
fn split_elements(src: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut depth = 0i32;
    for c in src.chars() {
        match c {
            '[' => {
                depth += 1;
                cur.push(c);
            }
            ']' => {
                depth -= 1;
                if depth < 0 {
                    return Err("`]` without `[`".into());
                }
                cur.push(c);
            }
            c if c.is_whitespace() && depth == 0 => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if depth != 0 {
        return Err("`[` without `]`".into());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

fn parse_element(part: &str) -> Result<Elem, String> {
    if part == "_" {
        return Ok(Elem::Word(Vec::new(), Constraints::default()));
    }
    if let Some(n) = part.strip_prefix("..") {
        let n = if n.is_empty() {
            3
        } else {
            n.parse::<usize>()
                .map_err(|_| format!("gap `{part}`: expected `..` or `..N`"))?
        };
        return Ok(Elem::Gap(n));
    }
    let (words, cons) = match part.find('[') {
        Some(i) => {
            let inner = part[i + 1..]
                .strip_suffix(']')
                .ok_or_else(|| format!("`{part}`: constraints must end the element"))?;
            (&part[..i], Constraints::parse(inner)?)
        }
        None => (part, Constraints::default()),
    };
    let mut alts = Vec::new();
    if !words.is_empty() {
        for a in words.split('|') {
            let a = a.to_lowercase();
            if a.is_empty() || a == "*" || a == "=" {
                return Err(format!("empty alternative in `{part}`"));
            }
            alts.push(if let Some(s) = a.strip_prefix('=') {
                Alt::Surface(s.to_string())
            } else if let Some(p) = a.strip_suffix('*') {
                Alt::Prefix(p.to_string())
            } else {
                Alt::Lemma(a)
            });
        }
    }
    Ok(Elem::Word(alts, cons))
}

/// Parses a lemma pattern.
pub fn parse_pattern(src: &Located, key: &str) -> Result<Pattern, RuleError> {
    let parts = split_elements(&src.value).map_err(|e| src.err(key, e))?;
    let mut elems = Vec::new();
    for part in &parts {
        elems.push(parse_element(part).map_err(|e| src.err(key, e))?);
    }
    match elems.first() {
        None => return Err(src.err(key, "empty pattern")),
        Some(Elem::Gap(_)) if key == "patterns" => {
            return Err(src.err(key, "a pattern must start with a word, not a gap"))
        }
        _ => {}
    }
    if key == "patterns" && matches!(elems.last(), Some(Elem::Gap(_))) {
        return Err(src.err(key, "a pattern cannot end with a gap"));
    }
    Ok(Pattern {
        elems,
        reversed: false,
    })
}

fn is_matchable(t: &Token) -> bool {
    matches!(
        t.kind,
        TokenKind::Word | TokenKind::Abbreviation | TokenKind::Number | TokenKind::Ordinal
    )
}

/// Does token `i` satisfy a word element?
fn word_matches(ctx: &Ctx<'_>, i: usize, alts: &[Alt], cons: &Constraints) -> bool {
    let readings = ctx.analyses(i);
    let lower = ctx.lower[i].as_str();
    let alt_on = |a: &Analysis| {
        alts.is_empty()
            || alts.iter().any(|alt| match alt {
                Alt::Lemma(l) => a.lemma == *l || a.base_lemma() == l,
                Alt::Prefix(p) => a.lemma.starts_with(p.as_str()),
                Alt::Surface(s) => lower == s,
            })
    };
    if readings.is_empty() {
        // Unknown words: lemma alternatives compare with the form itself.
        let form_ok = alts.is_empty()
            || alts.iter().any(|alt| match alt {
                Alt::Lemma(l) | Alt::Surface(l) => lower == l,
                Alt::Prefix(p) => lower.starts_with(p.as_str()) && lower.len() > p.len(),
            });
        return form_ok && cons.all.is_empty();
    }
    if cons.all.is_empty() {
        let surface = alts
            .iter()
            .any(|alt| matches!(alt, Alt::Surface(s) if lower == s));
        let ok = surface || readings.iter().any(alt_on);
        return ok
            && !readings
                .iter()
                .any(|a| cons.none.iter().any(|t| t.holds(a)));
    }
    cons.holds_with(readings, alt_on)
}

/// May a gap skip token `i`? Not a noun that cannot be genitive; in the
/// reversed order of an `any_order` rule, no noun at all — except, in either
/// order, a dative noun or pronoun: the recipient of the same action («šo
/// iespēju pilsoņiem nodrošināt», «sniegt iedzīvotājiem atbalstu»). In the
/// reversed order, no coordinating conjunction either: in «izstrādāt
/// pasākumus un veikt apmācību» the noun before «un» is the object of the
/// verb before it, not of «veikt».
fn gap_may_skip(ctx: &Ctx<'_>, i: usize, reversed: bool) -> bool {
    if reversed
        && matches!(
            ctx.lower[i].as_str(),
            "un" | "vai" | "bet" | "taču" | "arī" | "kā"
        )
    {
        return false;
    }
    let readings = ctx.analyses(i);
    let Some(first) = readings.first() else {
        return true;
    };
    if !matches!(first.pos, Pos::Noun | Pos::ProperNoun) {
        return true;
    }
    if first.case == Some(Case::Dat) {
        return true;
    }
    !reversed
        && readings
            .iter()
            .any(|a| matches!(a.pos, Pos::Noun | Pos::ProperNoun) && a.case == Some(Case::Gen))
}

impl Pattern {
    fn reversed(&self) -> Pattern {
        let mut elems = self.elems.clone();
        elems.reverse();
        Pattern {
            elems,
            reversed: true,
        }
    }

    /// Matches from token `i`; returns one past the last token and the
    /// tokens that matched word elements (with the element index).
    fn match_at(
        &self,
        ctx: &Ctx<'_>,
        i: usize,
        limit: usize,
        matched: &mut Vec<(usize, usize)>,
    ) -> Option<usize> {
        self.go(ctx, 0, i, limit, matched)
    }

    fn go(
        &self,
        ctx: &Ctx<'_>,
        e: usize,
        i: usize,
        limit: usize,
        matched: &mut Vec<(usize, usize)>,
    ) -> Option<usize> {
        let toks = &ctx.seg.tokens;
        let Some(el) = self.elems.get(e) else {
            return Some(i);
        };
        match el {
            Elem::Gap(n) => {
                for skip in 0..=*n {
                    let j = i + skip;
                    if j > limit {
                        break;
                    }
                    if skip > 0
                        && (!is_matchable(&toks[j - 1]) || !gap_may_skip(ctx, j - 1, self.reversed))
                    {
                        break;
                    }
                    if let Some(end) = self.go(ctx, e + 1, j, limit, matched) {
                        return Some(end);
                    }
                }
                None
            }
            Elem::Word(alts, cons) => {
                if i < limit && is_matchable(&toks[i]) && word_matches(ctx, i, alts, cons) {
                    matched.push((i, e));
                    if let Some(end) = self.go(ctx, e + 1, i + 1, limit, matched) {
                        return Some(end);
                    }
                    matched.pop();
                }
                None
            }
        }
    }

    fn matches_ending_at(&self, ctx: &Ctx<'_>, from: usize, end: usize) -> bool {
        let mut m = Vec::new();
        (from..end).any(|s| {
            m.clear();
            self.match_at(ctx, s, end, &mut m) == Some(end)
        })
    }
}

struct Entry {
    rule: usize,
    pattern: Pattern,
    unless_next: Vec<Pattern>,
    unless_prev: Vec<Pattern>,
    suggestions: Vec<String>,
}

/// All lemma rules, indexed by the lemma or form of their first element.
pub struct LemmaEngine {
    entries: Vec<Entry>,
    by_lemma: HashMap<String, Vec<usize>>,
    by_prefix: HashMap<String, Vec<usize>>,
    by_form: HashMap<String, Vec<usize>>,
    short_prefix: Vec<usize>,
    always: Vec<usize>,
}

/// Compiles the lemma rules among `rules`.
pub fn compile(rules: &[(usize, &Parsed)]) -> Result<Box<dyn Engine>, RuleError> {
    let mut eng = LemmaEngine {
        entries: Vec::new(),
        by_lemma: HashMap::new(),
        by_prefix: HashMap::new(),
        by_form: HashMap::new(),
        short_prefix: Vec::new(),
        always: Vec::new(),
    };
    for &(idx, p) in rules {
        require_patterns(p)?;
        let unless_next = p
            .unless_next
            .iter()
            .map(|u| parse_pattern(u, "unless_next"))
            .collect::<Result<Vec<_>, _>>()?;
        let unless_prev = p
            .unless_prev
            .iter()
            .map(|u| parse_pattern(u, "unless_prev"))
            .collect::<Result<Vec<_>, _>>()?;
        for src in &p.patterns {
            let forward = parse_pattern(src, "patterns")?;
            let mut variants = vec![forward.clone()];
            if p.any_order {
                variants.push(forward.reversed());
            }
            for pattern in variants {
                let id = eng.entries.len();
                match pattern.elems.first() {
                    Some(Elem::Word(alts, _)) if !alts.is_empty() => {
                        for a in alts {
                            match a {
                                Alt::Lemma(l) => {
                                    eng.by_lemma.entry(l.clone()).or_default().push(id)
                                }
                                Alt::Surface(f) => {
                                    eng.by_form.entry(f.clone()).or_default().push(id)
                                }
                                Alt::Prefix(pf) => match prefix_key(pf) {
                                    Some(k) => eng.by_prefix.entry(k).or_default().push(id),
                                    None => eng.short_prefix.push(id),
                                },
                            }
                        }
                    }
                    _ => eng.always.push(id),
                }
                eng.entries.push(Entry {
                    rule: idx,
                    pattern,
                    unless_next: unless_next.clone(),
                    unless_prev: unless_prev.clone(),
                    suggestions: p.info.suggestions.clone(),
                });
            }
        }
    }
    Ok(Box::new(eng))
}

impl LemmaEngine {
    fn candidates(&self, ctx: &Ctx<'_>, i: usize, out: &mut Vec<usize>) {
        out.clear();
        let lower = ctx.lower[i].as_str();
        if let Some(v) = self.by_form.get(lower) {
            out.extend(v);
        }
        let readings = ctx.analyses(i);
        let mut keys: Vec<&str> = Vec::with_capacity(readings.len() * 2 + 1);
        keys.push(lower);
        for a in readings {
            keys.push(&a.lemma);
            keys.push(a.base_lemma());
        }
        keys.sort_unstable();
        keys.dedup();
        for k in &keys {
            if let Some(v) = self.by_lemma.get(*k) {
                out.extend(v);
            }
            if let Some(v) = prefix_key(k).and_then(|pk| self.by_prefix.get(&pk)) {
                out.extend(v);
            }
        }
        out.extend(&self.short_prefix);
        out.extend(&self.always);
        out.sort_unstable();
        out.dedup();
    }
}

impl Engine for LemmaEngine {
    fn scope(&self) -> super::Scope {
        super::Scope::Sentence
    }

    fn run(&self, ctx: &Ctx<'_>, out: &mut Vec<Hit>) {
        if !self.entries.iter().any(|e| (ctx.enabled)(e.rule)) {
            return;
        }
        let toks = &ctx.seg.tokens;
        let mut cands = Vec::new();
        let mut matched = Vec::new();
        let mut scratch = Vec::new();
        for s in &ctx.seg.sentences {
            let limit = s.tokens.end;
            for i in s.tokens.clone() {
                if !is_matchable(&toks[i]) {
                    continue;
                }
                self.candidates(ctx, i, &mut cands);
                for &e in &cands {
                    let entry = &self.entries[e];
                    if !(ctx.enabled)(entry.rule) {
                        continue;
                    }
                    matched.clear();
                    let Some(end) = entry.pattern.match_at(ctx, i, limit, &mut matched) else {
                        continue;
                    };
                    if entry.unless_next.iter().any(|u| {
                        scratch.clear();
                        u.match_at(ctx, end, limit, &mut scratch).is_some()
                    }) {
                        continue;
                    }
                    let from = i.saturating_sub(6).max(s.tokens.start);
                    if entry
                        .unless_prev
                        .iter()
                        .any(|u| u.matches_ending_at(ctx, from, i))
                    {
                        continue;
                    }
                    let span = Span::new(toks[i].start, toks[end - 1].end);
                    let contiguous = matched.len() == end - i;
                    out.push(Hit {
                        rule: entry.rule,
                        span,
                        suggestions: suggest(ctx, entry, span, &matched, contiguous),
                        value: None,
                        max: None,
                    });
                }
            }
        }
    }
}

/// The dictionary lists a surface form once, so «veic», «sniedz», «runā»
/// (second and third person present alike) come back only as second
/// person singular. Official text hardly ever says «tu»: read such a form
/// as third person unless «tu» comes before it in the sentence.
fn third_person_unless_tu(ctx: &Ctx<'_>, a: &Analysis, matched: &[(usize, usize)]) -> Analysis {
    let mut a = a.clone();
    let second_sg_present = a.person == Some(2)
        && a.number == Some(Number::Sing)
        && a.tense == Some(Tense::Pres)
        && a.verb_form == Some(VerbForm::Finite(crate::morph::Mood::Indicative));
    if second_sg_present {
        let first_tok = matched.first().map_or(0, |m| m.0);
        let start = ctx
            .seg
            .sentences
            .iter()
            .find(|s| s.tokens.contains(&first_tok))
            .map_or(0, |s| s.tokens.start);
        let tu = (start..first_tok).any(|i| ctx.lower[i] == "tu");
        if !tu {
            a.person = Some(3);
            a.number = None;
        }
    }
    a
}

/// Suggestions for one match (see the module docs).
fn suggest(
    ctx: &Ctx<'_>,
    entry: &Entry,
    span: Span,
    matched: &[(usize, usize)],
    contiguous: bool,
) -> Vec<Suggestion> {
    let original = &ctx.text[span.start..span.end];
    let note = if ctx.english {
        "inflect it to fit the sentence"
    } else {
        "jālieto teikumam atbilstošā formā"
    };
    let mut out = Vec::new();
    let Some(first) = entry.suggestions.first() else {
        return out;
    };
    // The light verb: a matched finite verb, infinitive or debitive whose
    // reading is what the element matched.
    let light = matched.iter().find_map(|&(tok, el)| {
        let Elem::Word(alts, _) = &entry.pattern.elems[el] else {
            return None;
        };
        ctx.analyses(tok).iter().find(|a| {
            is_clause_verb(a)
                && alts.iter().any(|alt| match alt {
                    Alt::Lemma(l) => a.lemma == *l,
                    Alt::Prefix(p) => a.lemma.starts_with(p.as_str()),
                    Alt::Surface(_) => true,
                })
        })
    });
    let inflected = match light {
        Some(a) if contiguous => inflect_like(
            ctx.morphology(),
            first,
            &third_person_unless_tu(ctx, a, matched),
        ),
        _ => None,
    };
    if let Some(form) = &inflected {
        out.push(Suggestion {
            replacement: match_case(original, form),
            span,
            safe: false,
            note: None,
        });
    }
    for s in &entry.suggestions {
        if inflected.as_deref() == Some(s.as_str()) {
            continue;
        }
        // A multi-word or non-verb suggestion is offered as written.
        let needs_note = !s.contains(' ')
            && ctx
                .morphology()
                .analyze(s)
                .iter()
                .any(|a| a.verb_form == Some(VerbForm::Infinitive));
        let keep_as_is = light.is_some_and(|a| a.verb_form == Some(VerbForm::Infinitive));
        out.push(Suggestion {
            replacement: match_case(original, s),
            span,
            safe: false,
            note: (needs_note && !keep_as_is).then(|| note.to_string()),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::rules::RuleSet;
    use crate::{Analyzer, Settings};

    fn rule(pattern: &str, any_order: bool, suggestions: &str) -> String {
        format!(
            r#"
[[rule]]
id = "L1"
kind = "lemma"
category = "officialese"
message = "m"
explanation = "e"
patterns = [{pattern:?}]
any_order = {any_order}
suggestions = [{suggestions}]
[[rule.example]]
bad = "x"
good = "y"
"#
        )
    }

    fn hits(src: &str, text: &str) -> Vec<(String, Vec<String>)> {
        let rules = RuleSet::from_sources([("t.toml", src)]).unwrap();
        let a = Analyzer::new(rules, Settings::default());
        a.check(text)
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

    #[track_caller]
    fn assert_flags(src: &str, text: &str, want: &str) {
        let h = hits(src, text);
        assert!(h.iter().any(|(t, _)| t == want), "{text:?}: got {h:?}");
    }

    #[track_caller]
    fn assert_quiet(src: &str, text: &str) {
        let h = hits(src, text);
        assert!(h.is_empty(), "{text:?}: got {h:?}");
    }

    #[test]
    fn every_inflection_of_a_light_verb_phrase() {
        let r = rule("veikt ..2 pārbaude", true, "\"pārbaudīt\"");
        assert_flags(&r, "Inspektori veica pārbaudi.", "veica pārbaudi");
        assert_flags(&r, "Rīt tiks veikta pārbaude.", "veikta pārbaude");
        assert_flags(&r, "Veiktās pārbaudes bija rūpīgas.", "Veiktās pārbaudes");
        assert_flags(
            &r,
            "Pārbaudes veikšana tika uzticēta VID.",
            "Pārbaudes veikšana",
        );
        assert_flags(&r, "Jāveic rūpīga pārbaude.", "Jāveic rūpīga pārbaude");
        assert_flags(&r, "Pārbaudi var veikt tiešsaistē.", "Pārbaudi var veikt");
        assert_flags(&r, "Eksperti veica datu pārbaudi.", "veica datu pārbaudi");
    }

    #[test]
    fn gaps_do_not_cross_other_phrases() {
        let r = rule("veikt ..2 pārbaude", true, "\"pārbaudīt\"");
        assert_quiet(&r, "Pārbaudes laikā inspektori veica mērījumus.");
        assert_quiet(&r, "Viņi veica mērījumus pārbaudes laikā.");
        assert_quiet(&r, "Veica, pārbaudi.");
        // the noun before «un» belongs to the verb before it
        assert_quiet(&r, "Jāplāno pārbaudes un jāveic apmācība.");
        assert_flags(
            &r,
            "Pārbaudes regulāri jāveic.",
            "Pārbaudes regulāri jāveic",
        );
    }

    #[test]
    fn gaps_skip_a_recipient_in_the_dative() {
        let r = rule("nodrošināt ..2 iespēja", true, "\"ļaut\"");
        assert_flags(
            &r,
            "Valsts pienākums ir šo iespēju pilsoņiem nodrošināt.",
            "iespēju pilsoņiem nodrošināt",
        );
        assert_flags(
            &r,
            "Nodrošināt iedzīvotājiem iespēju.",
            "Nodrošināt iedzīvotājiem iespēju",
        );
    }

    #[test]
    fn order_is_kept_without_any_order() {
        let r = rule("veikt ..2 pārbaude", false, "\"pārbaudīt\"");
        assert_quiet(&r, "Pārbaudes veikšana tika uzticēta VID.");
        assert_flags(&r, "Inspektori veica pārbaudi.", "veica pārbaudi");
    }

    #[test]
    fn the_plain_verb_is_inflected_like_the_light_verb() {
        let r = rule("veikt ..2 pārbaude", true, "\"pārbaudīt\"");
        let h = hits(&r, "Inspektori veica pārbaudi.");
        assert_eq!(h[0].1, vec!["pārbaudīja", "pārbaudīt"]);
        let h = hits(&r, "Pārbaudes veikšana ilga.");
        assert_eq!(h[0].1, vec!["Pārbaudīt"]);
    }

    #[test]
    fn constraints() {
        let r = rule("[lemma=tikt] [ppp]", false, "");
        assert_flags(&r, "Lēmums tika pieņemts.", "tika pieņemts");
        assert_quiet(&r, "Viņš tika mājās.");
        let r = rule("[shana] [pos=noun case=gen]", false, "");
        assert_flags(&r, "Veikšana noteikumu ir sarežģīta.", "Veikšana noteikumu");
        let r = rule("[!case=gen] =ar", false, "");
        assert_flags(&r, "Mēs ar viņu.", "Mēs ar");
    }

    #[test]
    fn bad_constraints_are_errors_with_a_place() {
        let src = rule("[cse=gen] darbs", false, "");
        let e = RuleSet::from_sources([("t.toml", src.as_str())]).unwrap_err();
        assert!(
            e.to_string().contains("unknown constraint key `cse`"),
            "{e}"
        );
        let src = rule("[case=gen darbs", false, "");
        assert!(RuleSet::from_sources([("t.toml", src.as_str())]).is_err());
    }
}
