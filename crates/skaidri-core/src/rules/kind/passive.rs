//! Kind `passive`: passive constructions, found from morphology.
//!
//! Variants (`variant = "…"` in the rule):
//! - `tikt`: a form of *tikt* (tiek, tika, tiks, tiekot, tiktu, tikt) and a
//!   past passive participle, up to two words apart: «tiks veikta», «tika
//!   rūpīgi pārbaudīts».
//! - `but`: a form of *būt* (ir, bija, būs, esot, būtu, nav, jābūt, bijis)
//!   and a past passive participle, up to two words apart: the result
//!   passive «ir noteikts», «bija pieņemts». Skipped as adjectives: a
//!   definite participle («sarežģītais»), participles of state («ir
//!   saistīts ar», «esam pārliecināti»), and a participle the dictionary
//!   also lists as an adjective right before a noun it agrees with («tas
//!   ir noteikts termiņš»).
//! - `ams`: *būt* and a present passive participle (-ams, -āms): «ir
//!   precizējams», «nav pieļaujams».
//!
//! The span runs from the auxiliary to the participle. In between may stand
//! adverbs, particles, pronouns, quotation marks and nouns not in the
//! nominative; never a finite verb, a name or other punctuation. [`find`] is public so the
//! `eval_passive` example measures exactly what the rules report.

use super::{variant_of, Ctx, Engine, Hit};
use crate::diagnostic::Span;
use crate::morph::{Analysis, Case, Pos, VerbForm};
use crate::rules::load::{Parsed, RuleError};
use crate::segment::TokenKind;

/// Which passive construction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// tikt + past passive participle.
    Tikt,
    /// būt + past passive participle.
    But,
    /// būt + present passive participle.
    Ams,
}

const NAMES: &[&str] = &["tikt", "but", "ams"];

/// All passive rules.
pub struct PassiveEngine {
    entries: Vec<(usize, Variant)>,
}

/// Compiles the passive rules among `rules`.
pub fn compile(rules: &[(usize, &Parsed)]) -> Result<Box<dyn Engine>, RuleError> {
    let mut entries = Vec::new();
    for &(idx, p) in rules {
        let v = match variant_of(p, NAMES)? {
            "tikt" => Variant::Tikt,
            "but" => Variant::But,
            _ => Variant::Ams,
        };
        entries.push((idx, v));
    }
    Ok(Box::new(PassiveEngine { entries }))
}

/// Is this reading an auxiliary form of `lemma` (a finite form, the
/// infinitive, the debitive, or the active past participle «bijis»,
/// «ticis»)?
fn aux_reading(a: &Analysis, lemma: &str) -> bool {
    a.lemma == lemma
        && a.pos == crate::morph::Pos::Verb
        && match a.verb_form {
            Some(VerbForm::Finite(_) | VerbForm::Infinitive | VerbForm::Debitive) => true,
            Some(VerbForm::Participle(p)) => !p.passive && p.past,
            None => true,
        }
}

fn is_aux(ctx: &Ctx<'_>, i: usize, lemma: &str) -> bool {
    // «jābūt» is missing from the dictionary
    (lemma == "būt" && ctx.lower[i] == "jābūt")
        || ctx.analyses(i).iter().any(|a| aux_reading(a, lemma))
}

/// Participles of state that LVTB (and readers) take as adjectives after
/// *būt*: «ir saistīts ar», «esam pārliecināti», «bija spiests», and the
/// lexicalised -ams adjectives «pietiekams», «ievērojams», «pieejams».
const STATIVE: &[&str] = &[
    "saistīt",
    "pārliecināt",
    "apmierināt",
    "gandarīt",
    "pārsteigt",
    "spiest",
    "vērt",
    "beigt",
    "ieinteresēt",
    "kvalificēt",
];

/// Verbs whose -ams participles are adjectives: «nav pietiekams», «bija
/// ievērojams», «ir pieejams», «ir zināms».
const STATIVE_AMS: &[&str] = &[
    "pietikt", "ievērot", "iespēt", "pieiet", "zināt", "redzēt", "saprast", "vēlēt", "ēst",
];

/// Definite adjective endings: a definite participle («veiktais») is an
/// attribute, never the predicate of a passive.
fn definite(form: &str) -> bool {
    ["ais", "ajam", "ajai", "ajiem", "ajām", "ie", "ās", "ā"]
        .iter()
        .any(|e| form.ends_with(e))
}

/// The passive participle readings of token `i` (-ts when `!present`, -ams
/// when `present`); none when its most plausible reading is an adjective,
/// adverb or noun («parasti», «rīta», «iekārtas»).
fn participle<'c>(ctx: &'c Ctx<'_>, i: usize, present: bool) -> Vec<&'c Analysis> {
    let r = ctx.analyses(i);
    if r.first().is_some_and(|a| {
        matches!(
            a.pos,
            Pos::Adjective | Pos::Adverb | Pos::Noun | Pos::ProperNoun
        )
    }) {
        return Vec::new();
    }
    r.iter()
        .filter(|a| {
            matches!(a.verb_form, Some(VerbForm::Participle(p)) if p.passive && p.past != present)
        })
        .collect()
}

/// May the words between auxiliary and participle include token `i`?
/// Adverbs, particles, pronouns, quotation marks and oblique nouns may
/// stand there («tika rūpīgi pārbaudīts», «tiek "zīmēts"», «ir jums
/// uzticēts»); a finite verb, other punctuation, a nominative noun or a
/// name («ir Jūlijs Riets») may not.
fn may_skip(ctx: &Ctx<'_>, i: usize) -> bool {
    let t = &ctx.seg.tokens[i];
    let w = t.text(ctx.text);
    if t.kind == TokenKind::Punct {
        return matches!(w, "\"" | "“" | "”" | "„" | "«" | "»");
    }
    if t.kind != TokenKind::Word || w.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let Some(first) = ctx.analyses(i).first() else {
        return false;
    };
    match first.pos {
        Pos::Verb => !matches!(
            first.verb_form,
            Some(VerbForm::Finite(_) | VerbForm::Debitive)
        ),
        Pos::Noun | Pos::ProperNoun | Pos::Adjective => first.case != Some(Case::Nom),
        Pos::Conjunction => false,
        _ => true,
    }
}

/// Does the participle at `p` modify the noun right after it («tas ir
/// noteikts termiņš»)? Only for participles the dictionary also lists as
/// adjectives: «ir pieņemts lēmums» is a passive with the subject after
/// it, which official text writes all the time.
/// The noun must be in the same sentence (`sentence_end` is one past its last token), so
/// the engine never looks past its sentence (see [`super::Scope::Sentence`]).
fn attributive(ctx: &Ctx<'_>, part: &Analysis, p: usize, sentence_end: usize) -> bool {
    if !ctx.analyses(p).iter().any(|a| a.pos == Pos::Adjective) {
        return false;
    }
    let Some(next) = ctx.seg.tokens.get(p + 1).filter(|_| p + 1 < sentence_end) else {
        return false;
    };
    if next.kind != TokenKind::Word {
        return false;
    }
    let readings = ctx.analyses(p + 1);
    readings.first().is_some_and(|a| a.pos == Pos::Noun)
        && readings.iter().any(|n| {
            n.pos == Pos::Noun
                && n.case == part.case
                && n.number == part.number
                && (n.gender == part.gender || n.gender.is_none())
        })
}

/// Every passive construction of `variant` in the text: (auxiliary token,
/// participle token).
pub fn find(ctx: &Ctx<'_>, variant: Variant) -> Vec<(usize, usize)> {
    let (lemma, present) = match variant {
        Variant::Tikt => ("tikt", false),
        Variant::But => ("būt", false),
        Variant::Ams => ("būt", true),
    };
    let toks = &ctx.seg.tokens;
    let mut out = Vec::new();
    for s in &ctx.seg.sentences {
        let mut i = s.tokens.start;
        while i < s.tokens.end {
            if toks[i].kind != TokenKind::Word || !is_aux(ctx, i, lemma) {
                i += 1;
                continue;
            }
            let mut found = None;
            let end = (i + 4).min(s.tokens.end);
            let mut j = i + 1;
            while j < end {
                let parts = participle(ctx, j, present);
                if !parts.is_empty() {
                    // «tiek atkārtoti izvērtēta»: an adverb-like participle
                    // right before another participle is the adverb
                    if j + 1 < end
                        && ctx.analyses(j).iter().any(|a| a.pos == Pos::Adverb)
                        && !participle(ctx, j + 1, present).is_empty()
                    {
                        j += 1;
                        continue;
                    }
                    let ok = match variant {
                        Variant::Tikt => true,
                        Variant::But | Variant::Ams => {
                            !definite(&ctx.lower[j])
                                && !parts.iter().any(|p| {
                                    let stative = if present { STATIVE_AMS } else { STATIVE };
                                    stative.contains(&p.lemma.as_str())
                                })
                                && parts.iter().any(|p| {
                                    p.case.is_none_or(|c| matches!(c, Case::Nom | Case::Dat))
                                        && !attributive(ctx, p, j, s.tokens.end)
                                })
                        }
                    };
                    if ok {
                        found = Some(j);
                    }
                    break;
                }
                if !may_skip(ctx, j) || is_aux(ctx, j, lemma) {
                    break;
                }
                j += 1;
            }
            match found {
                Some(j) => {
                    out.push((i, j));
                    i = j + 1;
                }
                None => i += 1,
            }
        }
    }
    out
}

impl Engine for PassiveEngine {
    fn scope(&self) -> super::Scope {
        super::Scope::Sentence
    }

    fn run(&self, ctx: &Ctx<'_>, out: &mut Vec<Hit>) {
        for &(rule, v) in &self.entries {
            if !(ctx.enabled)(rule) {
                continue;
            }
            for (a, p) in find(ctx, v) {
                let toks = &ctx.seg.tokens;
                out.push(Hit {
                    rule,
                    span: Span::new(toks[a].start, toks[p].end),
                    suggestions: Vec::new(),
                    value: None,
                    max: None,
                });
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
            "[[rule]]\nid = \"P\"\nkind = \"passive\"\nvariant = \"{variant}\"\ncategory = \"passive\"\nmessage = \"m\"\nexplanation = \"e\"\n[[rule.example]]\nbad = \"x\"\ngood = \"y\"\n"
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
    fn tikt_passive() {
        assert_eq!(found("tikt", "Pārbaude tiks veikta rīt."), ["tiks veikta"]);
        assert_eq!(
            found("tikt", "Dokuments tika rūpīgi pārbaudīts."),
            ["tika rūpīgi pārbaudīts"]
        );
        assert_eq!(
            found("tikt", "Lēmums tiekot pieņemts."),
            ["tiekot pieņemts"]
        );
        assert!(found("tikt", "Viņš tika mājās un pārbaudīja pastu.").is_empty());
        assert!(found("tikt", "Viņš tiek galā, veiktie darbi ir labi.").is_empty());
    }

    #[test]
    fn but_passive_skips_attributes() {
        assert_eq!(found("but", "Termiņš ir noteikts likumā."), ["ir noteikts"]);
        assert!(found("but", "Tas ir noteikts termiņš.").is_empty());
    }

    #[test]
    fn ams_participle() {
        assert_eq!(found("ams", "Teksts ir precizējams."), ["ir precizējams"]);
        assert!(found("ams", "Teksts ir precīzs.").is_empty());
        assert!(found("ams", "Pamats nav pietiekams.").is_empty());
    }

    #[test]
    fn unknown_variant_is_an_error() {
        let src = "[[rule]]\nid = \"P\"\nkind = \"passive\"\nvariant = \"x\"\ncategory = \"passive\"\nmessage = \"m\"\nexplanation = \"e\"\n[[rule.example]]\nbad = \"x\"\ngood = \"y\"\n";
        let e = RuleSet::from_sources([("t.toml", src)]).unwrap_err();
        assert!(e.to_string().contains("unknown variant `x`"), "{e}");
    }
}
