//! Kind `passive`: passive constructions, found from morphology.
//!
//! Variants (`variant = "…"` in the rule):
//! - `tikt`: a form of *tikt* (tiek, tika, tiks, tiekot, tiktu, tikt) and a
//!   past passive participle, up to two words apart: «tiks veikta», «tika
//!   rūpīgi pārbaudīts».
//! - `but`: a form of *būt* (ir, bija, būs, esot, būtu, nav, jābūt, bijis)
//!   and a past passive participle, up to two words apart: the result
//!   passive «ir noteikts», «bija pieņemts». A participle right before a
//!   noun it agrees with is an attribute, not a passive («ir noteikts
//!   termiņš»), and is skipped.
//! - `ams`: *būt* and a present passive participle (-ams, -āms): «ir
//!   precizējams», «nav pieļaujams».
//!
//! The span runs from the auxiliary to the participle. Nothing in between
//! may be punctuation or a finite verb. [`find`] is public so the
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

/// Is this reading an auxiliary form of `lemma` (not a participle of it,
/// except *būt*'s «bijis»)?
fn aux_reading(a: &Analysis, lemma: &str) -> bool {
    a.lemma == lemma
        && a.pos == crate::morph::Pos::Verb
        && match a.verb_form {
            Some(VerbForm::Finite(_) | VerbForm::Infinitive | VerbForm::Debitive) => true,
            Some(VerbForm::Participle(p)) => lemma == "būt" && !p.passive,
            None => true,
        }
}

fn is_aux(ctx: &Ctx<'_>, i: usize, lemma: &str) -> bool {
    ctx.analyses(i).iter().any(|a| aux_reading(a, lemma))
}

fn participle<'c>(ctx: &'c Ctx<'_>, i: usize, present: bool) -> Option<&'c Analysis> {
    ctx.analyses(i).iter().find(
        |a| matches!(a.verb_form, Some(VerbForm::Participle(p)) if p.passive && p.past != present),
    )
}

/// May the words between auxiliary and participle include token `i`?
fn may_skip(ctx: &Ctx<'_>, i: usize) -> bool {
    let t = &ctx.seg.tokens[i];
    if !matches!(
        t.kind,
        TokenKind::Word | TokenKind::Number | TokenKind::Ordinal
    ) {
        return false;
    }
    let r = ctx.analyses(i);
    // A finite verb other than an auxiliary starts another clause.
    !r.first().is_some_and(|a| {
        a.pos == Pos::Verb
            && matches!(a.verb_form, Some(VerbForm::Finite(_)))
            && a.lemma != "būt"
            && a.lemma != "tikt"
    })
}

/// Does the participle at `p` modify the noun right after it («noteikts
/// termiņš»)?
fn attributive(ctx: &Ctx<'_>, part: &Analysis, p: usize) -> bool {
    let Some(next) = ctx.seg.tokens.get(p + 1) else {
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
            for j in i + 1..(i + 4).min(s.tokens.end) {
                if let Some(part) = participle(ctx, j, present) {
                    // «ir bijis noteikts»: the participle of būt is skipped above.
                    let ok = match variant {
                        Variant::Tikt => true,
                        Variant::But | Variant::Ams => {
                            !attributive(ctx, part, j)
                                && part.case.is_none_or(|c| matches!(c, Case::Nom | Case::Dat))
                        }
                    };
                    if ok {
                        found = Some(j);
                    }
                    break;
                }
                if !may_skip(ctx, j) || (j > i + 1 && is_aux(ctx, j, lemma)) {
                    break;
                }
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
    }

    #[test]
    fn unknown_variant_is_an_error() {
        let src = "[[rule]]\nid = \"P\"\nkind = \"passive\"\nvariant = \"x\"\ncategory = \"passive\"\nmessage = \"m\"\nexplanation = \"e\"\n[[rule.example]]\nbad = \"x\"\ngood = \"y\"\n";
        let e = RuleSet::from_sources([("t.toml", src)]).unwrap_err();
        assert!(e.to_string().contains("unknown variant `x`"), "{e}");
    }
}
