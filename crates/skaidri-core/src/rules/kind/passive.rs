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
//! - `ams-bare`: a present passive participle as the predicate of a clause
//!   with no verb at all — legal text drops «ir»: «līgums uzteicams», «zeme
//!   atstājama kopīpašumā», «dokumenti iesniedzami līdz 1. maijam».
//! - `ts-bare`: the same with a past passive participle: «Direktīvā
//!   grozījumi izdarīti ar … aktu», «Lēmums pieņemts vienbalsīgi».
//!
//! - `but-negated`: the `but` construction with a negated auxiliary (nav,
//!   nebija, nebūs, nebūtu, neesot): «jautājums nav atrisināts», «vēl nav
//!   publicēts». LVTB annotates it as `Voice=Pass` too, and it may hide who
//!   has not acted; but far more often it reports a state nobody is
//!   expected to name an actor for, so it is its own rule (PA006) that
//!   the embedded rules show as a hint, and `but` skips it.
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
    /// būt + past passive participle, auxiliary not negated.
    But,
    /// Negated būt + past passive participle.
    ButNegated,
    /// būt + present passive participle.
    Ams,
    /// A present passive participle as a verbless clause's predicate.
    AmsBare,
    /// A past passive participle as a verbless clause's predicate.
    TsBare,
}

const NAMES: &[&str] = &["tikt", "but", "but-negated", "ams", "ams-bare", "ts-bare"];

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
            "but-negated" => Variant::ButNegated,
            "ams" => Variant::Ams,
            "ams-bare" => Variant::AmsBare,
            _ => Variant::TsBare,
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
    "pietikt",
    "ievērot",
    "iespēt",
    "pieiet",
    "zināt",
    "redzēt",
    "saprast",
    "vēlēt",
    "ēst",
    // perception and expectation: «vērojams», «jūtams», «gaidāms», «sastopams»,
    // «atrodams», «apskatāms», «ticams» say what can be seen or expected, not
    // who must act
    "dzirdēt",
    "just",
    "sajust",
    "jaust",
    "apjaust",
    "manīt",
    "pamanīt",
    "vērot",
    "novērot",
    "gaidīt",
    "sagaidīt",
    "ticēt",
    "pazīt",
    "atpazīt",
    "atrast",
    "sastapt",
    "apskatīt",
    "skatīt",
    "meklēt",
    "lasīt",
    "prognozēt",
    "ieteikt",
    "patikt",
    "noprast",
    "skaitīt",
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

/// Degree adverbs: a participle they modify names a state, not an action
/// someone did («viņš bija ļoti apbēdināts», «ir pārāk sarežģīts») — the usual
/// test that tells an adjectival participle from a verbal passive.
const DEGREE: &[&str] = &[
    "ļoti",
    "diezgan",
    "pārāk",
    "visai",
    "samērā",
    "ārkārtīgi",
    "tik",
    "gana",
];

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
///
/// Also for any participle when the clause already has a nominative subject
/// before the auxiliary: then the noun after is a predicate noun and the
/// participle its attribute («tas bija iekopts dārzs», «tā ir noiets
/// etaps»), while «valdībā ir pieņemts lēmums» keeps its subject after.
///
/// The noun must be in the same sentence (`sentence_end` is one past its last token), so
/// the engine never looks past its sentence (see [`super::Scope::Sentence`]).
fn attributive(ctx: &Ctx<'_>, part: &Analysis, aux: usize, p: usize, sentence_end: usize) -> bool {
    if !ctx.analyses(p).iter().any(|a| a.pos == Pos::Adjective) && !subject_before_aux(ctx, aux) {
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

/// Is there a nominative noun or pronoun (most plausible reading) between
/// the start of the clause and the auxiliary at `aux`?
fn subject_before_aux(ctx: &Ctx<'_>, aux: usize) -> bool {
    let toks = &ctx.seg.tokens;
    let Some(s) = ctx.seg.sentences.iter().find(|s| s.tokens.contains(&aux)) else {
        return false;
    };
    (s.tokens.start..aux)
        .rev()
        .take_while(|&i| toks[i].kind == TokenKind::Word)
        .any(|i| {
            ctx.analyses(i).first().is_some_and(|a| {
                matches!(a.pos, Pos::Noun | Pos::Pronoun | Pos::ProperNoun)
                    && a.case == Some(Case::Nom)
            })
        })
}

/// Every passive construction of `variant` in the text: (auxiliary token,
/// participle token).
pub fn find(ctx: &Ctx<'_>, variant: Variant) -> Vec<(usize, usize)> {
    let (lemma, present) = match variant {
        Variant::Tikt => ("tikt", false),
        Variant::But | Variant::ButNegated => ("būt", false),
        Variant::Ams => ("būt", true),
        Variant::AmsBare => return find_bare(ctx, true),
        Variant::TsBare => return find_bare(ctx, false),
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
                        Variant::But
                        | Variant::ButNegated
                        | Variant::Ams
                        | Variant::AmsBare
                        | Variant::TsBare => {
                            !definite(&ctx.lower[j])
                                && (j == i + 1 || !DEGREE.contains(&ctx.lower[j - 1].as_str()))
                                && !parts.iter().any(|p| {
                                    let stative = if present { STATIVE_AMS } else { STATIVE };
                                    stative.contains(&p.lemma.as_str())
                                })
                                && parts.iter().any(|p| {
                                    p.case.is_none_or(|c| matches!(c, Case::Nom | Case::Dat))
                                        && !attributive(ctx, p, i, j, s.tokens.end)
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
                    let keep = match variant {
                        Variant::But => !negated(&ctx.lower[i]),
                        Variant::ButNegated => negated(&ctx.lower[i]),
                        _ => true,
                    };
                    if keep {
                        out.push((i, j));
                    }
                    i = j + 1;
                }
                None => i += 1,
            }
        }
    }
    out
}

/// Is this (lower-case) form of *būt* negated: «nav», «nebija», «nebūs»,
/// «nebūtu», «neesot», «nebijis»?
fn negated(aux: &str) -> bool {
    aux == "nav" || aux.starts_with("ne")
}

/// Is token `i` a finite verb, debitive or auxiliary form (its most
/// plausible reading, or any reading of *būt*)?
fn finite(ctx: &Ctx<'_>, i: usize) -> bool {
    ctx.lower[i] == "jābūt"
        || is_aux(ctx, i, "būt")
        || ctx.analyses(i).first().into_iter().any(|a| {
            a.pos == Pos::Verb
                && matches!(a.verb_form, Some(VerbForm::Finite(_) | VerbForm::Debitive))
        })
}

/// `ams-bare` / `ts-bare`: a nominative, indefinite -ams/-āms (`present`)
/// or -ts/-ta participle in a clause (between punctuation marks) with no
/// finite verb, agreeing with a nominative subject before it, not right
/// before a noun it agrees with (an attribute) and not a participle of state.
fn find_bare(ctx: &Ctx<'_>, present: bool) -> Vec<(usize, usize)> {
    let stative = if present { STATIVE_AMS } else { STATIVE };
    let toks = &ctx.seg.tokens;
    let mut out = Vec::new();
    for s in &ctx.seg.sentences {
        let mut start = s.tokens.start;
        for end in s.tokens.clone().chain(std::iter::once(s.tokens.end)) {
            let boundary = end == s.tokens.end
                || (toks[end].kind == TokenKind::Punct
                    && !matches!(toks[end].text(ctx.text), "\"" | "“" | "”" | "„" | "«" | "»"));
            if !boundary {
                continue;
            }
            let clause = start..end;
            start = end + 1;
            let words: Vec<usize> = clause
                .clone()
                .filter(|&i| toks[i].kind == TokenKind::Word)
                .collect();
            if words.len() < 2 || words.iter().any(|&i| finite(ctx, i)) {
                continue;
            }
            for (w, &j) in words.iter().enumerate() {
                let parts = participle(ctx, j, present);
                // «nepārvarams», «neticami»: un-…-able adjectives
                let pred = !definite(&ctx.lower[j])
                    && !ctx.lower[j].starts_with("ne")
                    && parts.iter().any(|p| {
                        p.case == Some(Case::Nom)
                            && !stative.contains(&p.lemma.as_str())
                            && !attributive_any(ctx, p, j)
                            && subject_before(ctx, &words[..w], p)
                    });
                if pred {
                    out.push((j, j));
                }
            }
        }
    }
    out
}

/// Does a nominative noun that agrees with the participle stand before it
/// in the clause («Darba līgums … uzteicams»)? That makes the participle the
/// clause's predicate rather than an adverb or a loose adjective.
fn subject_before(ctx: &Ctx<'_>, before: &[usize], part: &Analysis) -> bool {
    before.iter().any(|&i| {
        ctx.analyses(i).first().is_some_and(|n| {
            matches!(n.pos, Pos::Noun | Pos::Pronoun)
                && n.case == Some(Case::Nom)
                && n.number == part.number
                && (n.gender == part.gender || n.gender.is_none())
        })
    })
}

/// Is the participle at `p` followed by a noun it agrees with (whatever the
/// dictionary says of the participle)?
fn attributive_any(ctx: &Ctx<'_>, part: &Analysis, p: usize) -> bool {
    let Some(next) = ctx.seg.tokens.get(p + 1) else {
        return false;
    };
    next.kind == TokenKind::Word
        && ctx.analyses(p + 1).iter().any(|n| {
            n.pos == Pos::Noun
                && n.case == part.case
                && n.number == part.number
                && (n.gender == part.gender || n.gender.is_none())
        })
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
    use crate::rules::kind::test_support::texts;
    use crate::rules::RuleSet;

    fn found(variant: &str, text: &str) -> Vec<String> {
        let fields = format!("kind = \"passive\"\nvariant = \"{variant}\"\ncategory = \"passive\"");
        texts(&fields, text)
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
        // a subject before the auxiliary: the participle modifies the predicate noun
        assert!(found("but", "Tas bija iekopts dārzs.").is_empty());
        assert_eq!(found("but", "Valdībā ir pieņemts lēmums."), ["ir pieņemts"]);
    }

    #[test]
    fn but_passive_skips_result_states() {
        // a negated auxiliary is the other variant's
        assert!(found("but", "Plāns vēl nav apstiprināts.").is_empty());
        assert_eq!(
            found("but-negated", "Plāns vēl nav apstiprināts."),
            ["nav apstiprināts"]
        );
        assert_eq!(
            found("but-negated", "Atzinums vēl nebija publicēts."),
            ["nebija publicēts"]
        );
        assert!(found("but-negated", "Lēmums ir pieņemts.").is_empty());
        assert_eq!(found("but", "Lēmums ir pieņemts."), ["ir pieņemts"]);
        // a degree adverb makes the participle a state
        assert!(found("but", "Viņš bija ļoti apbēdināts.").is_empty());
        assert_eq!(
            found("but", "Viņš bija rūpīgi pārbaudīts."),
            ["bija rūpīgi pārbaudīts"]
        );
    }

    #[test]
    fn bare_ams_predicate() {
        assert_eq!(
            found("ams-bare", "Darba līgums uzteicams atbilstoši likumam."),
            ["uzteicams"]
        );
        assert!(found("ams-bare", "Līgums ir uzteicams.").is_empty());
        assert!(found("ams-bare", "Iesniedzams dokuments ir pase.").is_empty());
        assert!(found("ams-bare", "Viņš redzēja neredzamu vīru.").is_empty());
        assert!(found("ams-bare", "Izstādē apskatāmas gleznas.").is_empty());
        assert!(found("ams-bare", "Šis šķērslis nepārvarams.").is_empty());
    }

    #[test]
    fn bare_ts_predicate() {
        assert_eq!(
            found(
                "ts-bare",
                "Direktīvā grozījumi izdarīti ar Pievienošanās aktu."
            ),
            ["izdarīti"]
        );
        assert!(found("ts-bare", "Grozījumi ir izdarīti.").is_empty());
        assert!(found("ts-bare", "Izdarīti grozījumi.").is_empty());
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
