//! Kind `nominalization`: -šana/-šanās action nouns where a verb would do.
//!
//! Variants (`variant = "…"`):
//! - `frame`: a light verb (veikt, nodrošināt, īstenot, organizēt, uzsākt,
//!   turpināt, sniegt, veicināt, panākt, realizēt, sākt, pabeigt) and a
//!   -šana noun up to two words apart, in either order («nodrošināt
//!   uzlabošanu», «uzlabošana tiks nodrošināta»);
//! - `purpose`: a -šana noun in the dative used as a purpose («situācijas
//!   uzlabošanai» → «lai uzlabotu situāciju»);
//! - `density`: a sentence with `max` + 1 or more -šana nouns (default 3);
//!   reported from the first to the last of them.
//!
//! The suggestion is the noun's verb (the derivation in `skaidri-morph`),
//! with the note that it must be inflected; for `purpose` it is «lai» and
//! the verb's conditional («lai uzlabotu») where that form is found.

use super::{match_case, variant_of, Ctx, Engine, Hit};
use crate::diagnostic::{Span, Suggestion};
use crate::morph::{Analysis, Case, Mood, Pos, VerbForm};
use crate::rules::load::{Parsed, RuleError};
use crate::segment::TokenKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Variant {
    Frame,
    Purpose,
    Density,
}

/// Verbs that carry a -šana noun instead of saying what happens.
pub const LIGHT_VERBS: &[&str] = &[
    "veikt",
    "nodrošināt",
    "īstenot",
    "organizēt",
    "uzsākt",
    "turpināt",
    "sniegt",
    "veicināt",
    "panākt",
    "realizēt",
    "sākt",
    "pabeigt",
];

/// All nominalization rules.
pub struct NominalizationEngine {
    entries: Vec<(usize, Variant)>,
}

/// Compiles the nominalization rules among `rules`.
pub fn compile(rules: &[(usize, &Parsed)]) -> Result<Box<dyn Engine>, RuleError> {
    let mut entries = Vec::new();
    for &(idx, p) in rules {
        let v = match variant_of(p, &["frame", "purpose", "density"])? {
            "frame" => Variant::Frame,
            "purpose" => Variant::Purpose,
            _ => Variant::Density,
        };
        entries.push((idx, v));
    }
    Ok(Box::new(NominalizationEngine { entries }))
}

fn shana<'c>(ctx: &'c Ctx<'_>, i: usize) -> Option<&'c Analysis> {
    ctx.analyses(i).iter().find(|a| a.is_shana_noun())
}

fn light_verb(ctx: &Ctx<'_>, i: usize) -> bool {
    ctx.analyses(i).iter().any(|a| {
        a.pos == Pos::Verb && !a.is_shana_noun() && LIGHT_VERBS.contains(&a.lemma.as_str())
    })
}

fn is_word(ctx: &Ctx<'_>, i: usize) -> bool {
    ctx.seg.tokens[i].kind == TokenKind::Word
}

/// The verb of a -šana noun; «-šanās» nouns come from reflexive verbs
/// («vienošanās» → «vienoties»).
fn verb_of(a: &Analysis) -> String {
    let v = a.base_lemma();
    if a.reflexive && v.ends_with('t') {
        format!("{v}ies")
    } else {
        v.to_string()
    }
}

fn note(ctx: &Ctx<'_>) -> String {
    if ctx.english {
        "inflect it to fit the sentence".into()
    } else {
        "jālieto teikumam atbilstošā formā".into()
    }
}

/// The conditional of `verb` («uzlabot» → «uzlabotu»), if the dictionary
/// confirms it.
fn conditional(ctx: &Ctx<'_>, verb: &str) -> Option<String> {
    let stem = verb.strip_suffix("ties").map_or_else(
        || verb.strip_suffix('t').map(|s| format!("{s}tu")),
        |s| Some(format!("{s}tos")),
    )?;
    ctx.morphology()
        .analyze(&stem)
        .iter()
        .any(|a| a.lemma == verb && a.verb_form == Some(VerbForm::Finite(Mood::Conditional)))
        .then_some(stem)
}

impl Engine for NominalizationEngine {
    fn scope(&self) -> super::Scope {
        super::Scope::Sentence
    }

    fn run(&self, ctx: &Ctx<'_>, out: &mut Vec<Hit>) {
        let toks = &ctx.seg.tokens;
        for &(rule, v) in &self.entries {
            if !(ctx.enabled)(rule) {
                continue;
            }
            for s in &ctx.seg.sentences {
                let r = s.tokens.clone();
                match v {
                    Variant::Frame => {
                        for i in r.clone() {
                            if !is_word(ctx, i) || !light_verb(ctx, i) {
                                continue;
                            }
                            // forward: veikt (..2) X-šanu; backward: X-šana (..2) tiks veikta
                            let fwd = (i + 1..(i + 4).min(r.end))
                                .take_while(|&j| is_word(ctx, j))
                                .find(|&j| shana(ctx, j).is_some());
                            let back = (r.start.max(i.saturating_sub(3))..i)
                                .rev()
                                .take_while(|&j| is_word(ctx, j))
                                .find(|&j| shana(ctx, j).is_some());
                            let Some(n) = fwd.or(back) else {
                                continue;
                            };
                            let (a, b) = (i.min(n), i.max(n));
                            let span = Span::new(toks[a].start, toks[b].end);
                            let verb = shana(ctx, n).map(verb_of);
                            out.push(Hit {
                                rule,
                                span,
                                suggestions: verb
                                    .map(|v| {
                                        vec![Suggestion {
                                            replacement: match_case(
                                                &ctx.text[span.start..span.end],
                                                &v,
                                            ),
                                            span,
                                            safe: false,
                                            note: Some(note(ctx)),
                                        }]
                                    })
                                    .unwrap_or_default(),
                                value: None,
                                max: None,
                            });
                        }
                    }
                    Variant::Purpose => {
                        for i in r.clone() {
                            if !is_word(ctx, i) {
                                continue;
                            }
                            let dative = ctx
                                .analyses(i)
                                .iter()
                                .find(|a| a.is_shana_noun() && a.case == Some(Case::Dat));
                            let Some(a) = dative else { continue };
                            let span = Span::new(toks[i].start, toks[i].end);
                            let verb = verb_of(a);
                            let (replacement, note) = match conditional(ctx, &verb) {
                                Some(c) => (format!("lai {c}"), None),
                                None => (format!("lai {verb}"), Some(note(ctx))),
                            };
                            out.push(Hit {
                                rule,
                                span,
                                suggestions: vec![Suggestion {
                                    replacement,
                                    span,
                                    safe: false,
                                    note,
                                }],
                                value: None,
                                max: None,
                            });
                        }
                    }
                    Variant::Density => {
                        let max = (ctx.max_for)(rule).unwrap_or(2.0);
                        let found: Vec<usize> = r
                            .clone()
                            .filter(|&i| is_word(ctx, i) && shana(ctx, i).is_some())
                            .collect();
                        if (found.len() as f64) > max {
                            if let (Some(&a), Some(&b)) = (found.first(), found.last()) {
                                out.push(Hit {
                                    rule,
                                    span: Span::new(toks[a].start, toks[b].end),
                                    suggestions: Vec::new(),
                                    value: Some(found.len() as f64),
                                    max: Some(max),
                                });
                            }
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

    fn found(variant: &str, text: &str) -> Vec<(String, Vec<String>)> {
        let src = format!(
            "[[rule]]\nid = \"N\"\nkind = \"nominalization\"\nvariant = \"{variant}\"\ncategory = \"nominalization\"\nmessage = \"m\"\nexplanation = \"e\"\n[[rule.example]]\nbad = \"x\"\ngood = \"y\"\n"
        );
        let rules = RuleSet::from_sources([("t.toml", src.as_str())]).unwrap();
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
    fn light_verb_frames() {
        let f = found("frame", "Ministrija nodrošinās datu apstrādāšanu.");
        assert_eq!(f[0].0, "nodrošinās datu apstrādāšanu");
        assert_eq!(f[0].1, ["apstrādāt"]);
        let f = found("frame", "Ēkas atjaunošana tiks uzsākta rudenī.");
        assert_eq!(f[0].0, "atjaunošana tiks uzsākta");
        assert!(found("frame", "Ministrija apstrādās datus.").is_empty());
        let f = found("frame", "Puses panāca vienošanos.");
        assert_eq!(f[0].1, ["vienoties"]);
    }

    #[test]
    fn purpose_dative() {
        let f = found("purpose", "Pasākumi situācijas uzlabošanai.");
        assert_eq!(f[0].0, "uzlabošanai");
        assert_eq!(f[0].1, ["lai uzlabotu"]);
    }

    #[test]
    fn density() {
        let t = "Plānošana, uzraudzīšana un novērtēšana ir svarīga.";
        assert_eq!(found("density", t).len(), 1);
        assert!(found("density", "Plānošana un novērtēšana ir svarīga.").is_empty());
    }
}
