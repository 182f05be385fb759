//! Kind `nominalization`: -šana/-šanās action nouns where a verb would do.
//!
//! Variants (`variant = "…"`):
//! - `frame`: a light verb (veikt, nodrošināt, īstenot, organizēt, uzsākt,
//!   turpināt, sniegt, veicināt, panākt, realizēt, sākt, pabeigt) and a
//!   -šana noun up to two words apart, in either order («nodrošināt
//!   uzlabošanu», «uzlabošana tiks nodrošināta»); forward only to an
//!   accusative or nominative singular, with no preposition or other verb
//!   between («jāsāk domāt par paplašināšanos» is not one);
//! - `purpose`: a -šana noun in the dative used as a purpose («situācijas
//!   uzlabošanai» → «lai uzlabotu situāciju»), not a lexicalised one
//!   («vēlēšanām»);
//! - `density`: a sentence with `max` + 1 or more -šana nouns (default 3);
//!   reported from the first to the last of them;
//! - `preposition`: a -šana noun that, with its own object in the genitive,
//!   (a genitive noun or pronoun: «pēc tā saņemšanas»)
//!   fills a preposition frame an editor turns into a clause: time («pēc
//!   līguma noslēgšanas» → «kad līgums noslēgts»; also «pirms», «līdz»,
//!   «no»), «sakarā ar / saistībā ar / attiecībā uz … -šanu» and «atbildīgs
//!   par … -šanu»;
//! - `chain`: a -šana noun in the genitive between its object and an empty
//!   frame noun: «direktīvas piemērošanas joma», «darījumu veikšanas
//!   politika» (the action is a label on another noun; «joma, kurā piemēro
//!   direktīvu»), or inside a longer genitive chain that ends in such a
//!   noun («izmaksu attiecināšanas aprēķina metodiku») or that goes on
//!   past «un» to a frame noun («arodslimību izmeklēšanas un uzskaites
//!   kārtību»); the object may
//!   come before a quoted name («bankas „Citadele” pārdošanas process»).
//!   Names stay quiet («Emisijas kvotu izsolīšanas instruments»), and so do
//!   terms with another noun («nokraušanas vieta», «spēkā stāšanās diena»);
//! - `coordinated`: two -šana nouns joined by «un», «vai», «kā arī» or a
//!   comma, at most two other words apart: «direktīvas īstenošanu un
//!   piemērošanu», «projektu realizēšanā, darba organizēšanā»; not inside
//!   a name («Korupcijas novēršanas un apkarošanas birojs»);
//! - `object`: a -šana noun in the accusative (the nominative after a
//!   debitive: «jāattīsta enerģijas izmantošana») that is the direct object
//!   of any other verb, before or after it, with only its own genitive object
//!   and attributes between: «var ierosināt konferences sasaukšanu», «bērna
//!   uzņemšanu atsaka» (the annotation guideline's «object frame»; light
//!   verbs are left to `frame`). Not after a preposition («balsot par
//!   komisijas izveidošanu»), and not a genitive plural «-šanu» that
//!   modifies the next noun («vēlēšanu komisija»).
//!
//! The suggestion is the noun's verb (the derivation in `skaidri-morph`),
//! with the note that it must be inflected; for `purpose` it is «lai» and
//! the verb's conditional («lai uzlabotu») where that form is found.

use super::{match_case, variant_of, Ctx, Engine, Hit};
use crate::diagnostic::{Span, Suggestion};
use crate::morph::{Analysis, Case, Mood, Number, Pos, VerbForm};
use crate::rules::load::{Parsed, RuleError};
use crate::segment::TokenKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Variant {
    Frame,
    Purpose,
    Density,
    Preposition,
    Chain,
    Coordinated,
    Object,
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
    "rīkot",
    "garantēt",
    "sekmēt",
    "izdarīt",
];

/// Prepositions taking the genitive that turn a -šana noun into a time
/// frame («pēc līguma noslēgšanas», «no informācijas saņemšanas»).
const TIME_PREPOSITIONS: &[&str] = &["pēc", "pirms", "līdz", "no"];

/// All nominalization rules.
pub struct NominalizationEngine {
    entries: Vec<(usize, Variant)>,
}

/// Compiles the nominalization rules among `rules`.
pub fn compile(rules: &[(usize, &Parsed)]) -> Result<Box<dyn Engine>, RuleError> {
    let mut entries = Vec::new();
    for &(idx, p) in rules {
        let v = match variant_of(
            p,
            &[
                "frame",
                "purpose",
                "density",
                "preposition",
                "chain",
                "coordinated",
                "object",
            ],
        )? {
            "frame" => Variant::Frame,
            "purpose" => Variant::Purpose,
            "preposition" => Variant::Preposition,
            "chain" => Variant::Chain,
            "coordinated" => Variant::Coordinated,
            "object" => Variant::Object,
            _ => Variant::Density,
        };
        entries.push((idx, v));
    }
    Ok(Box::new(NominalizationEngine { entries }))
}

/// -šana/-šanās nouns that name a thing, not an action: «vēlēšanas»
/// (elections), «zināšanas» (knowledge), «ciešanas» (suffering),
/// «vēlēšanās» (a wish), «piekrišana» (consent), «dzimšana» (birth: «sagaidīt
/// bērna dzimšanu» has no verb to say it better).
const LEXICALISED: &[&str] = &[
    "vēlēšana",
    "zināšana",
    "ciešana",
    "vēlēšanās",
    "piekrišana",
    "dzimšana",
];

fn shana<'c>(ctx: &'c Ctx<'_>, i: usize) -> Option<&'c Analysis> {
    ctx.analyses(i)
        .iter()
        .find(|a| a.is_shana_noun() && !LEXICALISED.contains(&a.lemma.as_str()))
}

fn light_verb(ctx: &Ctx<'_>, i: usize) -> bool {
    ctx.analyses(i).iter().any(|a| {
        a.pos == Pos::Verb && !a.is_shana_noun() && LIGHT_VERBS.contains(&a.lemma.as_str())
    })
}

fn is_word(ctx: &Ctx<'_>, i: usize) -> bool {
    ctx.seg.tokens[i].kind == TokenKind::Word
}

/// The most plausible reading of word `i`.
fn first<'c>(ctx: &'c Ctx<'_>, i: usize) -> Option<&'c Analysis> {
    ctx.analyses(i).first()
}

/// A genitive noun, or a definite adjective/participle used as one
/// («ieslodzītā», «cietušā»): the object of a following -šana noun.
fn genitive_object(ctx: &Ctx<'_>, i: usize) -> bool {
    is_word(ctx, i)
        && ctx.analyses(i).iter().any(|a| {
            a.case == Some(Case::Gen)
                && !a.is_shana_noun()
                && (a.pos == Pos::Noun
                    || (matches!(a.pos, Pos::Adjective | Pos::Verb)
                        && ["ā", "o"].iter().any(|e| ctx.lower[i].ends_with(e))))
        })
        && first(ctx, i).is_some_and(|a| matches!(a.pos, Pos::Noun | Pos::Adjective | Pos::Verb))
}

/// A personal pronoun in the genitive standing for the action's object
/// («tā izdošanu», «to lietošanu»); attributive pronouns («šādas
/// iesaistīšanas», «savas») are no object.
fn genitive_pronoun(ctx: &Ctx<'_>, i: usize) -> bool {
    is_word(ctx, i)
        && matches!(
            ctx.lower[i].as_str(),
            "tā" | "tās" | "to" | "viņa" | "viņas" | "viņu"
        )
        && first(ctx, i).is_some_and(|a| a.pos == Pos::Pronoun && a.case == Some(Case::Gen))
}

/// May word `i` stand inside a genitive group before a -šana noun
/// («šīs direktīvas», «darbinieku neapmaksāto prasījumu»)?
fn genitive_modifier(ctx: &Ctx<'_>, i: usize) -> bool {
    is_word(ctx, i)
        && ctx.analyses(i).iter().any(|a| {
            a.case == Some(Case::Gen)
                && matches!(
                    a.pos,
                    Pos::Noun | Pos::Adjective | Pos::Pronoun | Pos::Verb | Pos::Numeral
                )
        })
}

/// Does word `i` start with a capital (part of a name: «Pievienošanās
/// akts»)?
fn starts_upper(ctx: &Ctx<'_>, i: usize) -> bool {
    ctx.seg.tokens[i]
        .text(ctx.text)
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// Is word `i` a noun (its most plausible reading)?
fn noun(ctx: &Ctx<'_>, i: usize) -> bool {
    is_word(ctx, i) && first(ctx, i).is_some_and(|a| a.pos == Pos::Noun)
}

/// For a -šana noun at `n`, the start of its preposition frame, if it has
/// one: the preposition (or «atbildīgs par») before a genitive group that
/// ends with the noun's object.
fn preposition_frame(ctx: &Ctx<'_>, r: &std::ops::Range<usize>, n: usize) -> Option<usize> {
    let a = shana(ctx, n)?;
    if n == r.start || !genitive_modifier(ctx, n - 1) {
        return None;
    }
    // the -šana noun heads its phrase: not the attribute of a genitive noun
    // that ends the phrase («no noteikumu spēkā stāšanās brīža»); a genitive
    // noun with its own head after it is fine («pēc ieslodzītā uzņemšanas
    // ieslodzījuma vietā»)
    let gen_noun = |i: usize| {
        i < r.end && noun(ctx, i) && first(ctx, i).is_some_and(|x| x.case == Some(Case::Gen))
    };
    if gen_noun(n + 1) && !(n + 2 < r.end && noun(ctx, n + 2)) {
        return None;
    }
    let mut k = n - 1;
    while k > r.start && n - k < 5 && genitive_modifier(ctx, k) {
        k -= 1;
    }
    // the genitive group holds the action's object («jautājuma atklātas
    // izvērtēšanas»); «pēc ilgas gaidīšanas» has none
    if k >= n - 1
        || !is_word(ctx, k)
        || !(k + 1..n).any(|g| genitive_object(ctx, g) || genitive_pronoun(ctx, g))
    {
        return None;
    }
    let p = ctx.lower[k].as_str();
    let before = (k > r.start).then(|| ctx.lower[k - 1].as_str());
    let case = a.case;
    let hit = match p {
        _ if TIME_PREPOSITIONS.contains(&p) => case == Some(Case::Gen),
        "ar" => matches!(before, Some("sakarā" | "saistībā")),
        "uz" => before == Some("attiecībā"),
        "par" => {
            let resp = |i: usize| {
                ctx.analyses(i)
                    .iter()
                    .any(|x| matches!(x.lemma.as_str(), "atbildīgs" | "atbildība"))
            };
            (k > r.start && resp(k - 1))
                || (n + 1..(n + 3).min(r.end)).any(|j| is_word(ctx, j) && resp(j))
        }
        _ => false,
    };
    let start = match p {
        "ar" | "uz" => k - 1,
        _ => k,
    };
    hit.then_some(start)
}

/// Nouns that only frame an action and add nothing to it: «piemērošanas
/// joma», «izskatīšanas kārtība», «apstiprināšanas process», «kopšanas
/// darbi». A -šana noun before any other noun is usually a term
/// («dzimšanas vieta», «kulšanas sacensības») and stays quiet.
const FRAME_NOUNS: &[&str] = &[
    "joma",
    "kārtība",
    "process",
    "procedūra",
    "politika",
    "mērķis",
    "nolūks",
    "plāns",
    "pasākums",
    "darbs",
    "darbība",
    "jautājums",
    "nepieciešamība",
    "iespēja",
    "prasība",
    "sistēma",
    "mehānisms",
    "gaita",
    "posms",
    "stadija",
    "līmenis",
    "uzdevums",
    "funkcija",
    "rezultāts",
    "nodrošinājums",
    "režīms",
    "metode",
    "princips",
    "noteikums",
    "termiņš",
    "metodika",
    "prakse",
];

/// If the -šana noun at `n` is a genitive between its genitive object and
/// an empty frame noun («direktīvas piemērošanas joma»), or inside a longer
/// genitive chain, the first and last word of the chain.
fn chain(ctx: &Ctx<'_>, r: &std::ops::Range<usize>, n: usize) -> Option<(usize, usize)> {
    let ok = n > r.start
        && n + 1 < r.end
        && ctx
            .analyses(n)
            .iter()
            .any(|a| a.is_shana_noun() && a.case == Some(Case::Gen))
        && shana(ctx, n).is_some()
        && !in_name(ctx, r, n);
    if !ok {
        return None;
    }
    let o = object_before(ctx, r, n)?;
    if frame_noun(ctx, n + 1) {
        return Some((o, n + 1));
    }
    // the longer chains below need the genitive singular «-šanas»: «-šanu»
    // before a noun is a plural label («marihuānas lietošanu relaksācijas
    // nolūkos»)
    let singular = ctx
        .analyses(n)
        .iter()
        .any(|a| a.is_shana_noun() && a.case == Some(Case::Gen) && a.number == Some(Number::Sing));
    let gen_noun =
        |i: usize| noun(ctx, i) && first(ctx, i).is_some_and(|a| a.case == Some(Case::Gen));
    // the chain goes on to a frame noun: «izmaksu attiecināšanas aprēķina
    // metodiku» (any head would take in terms: «sezonas atklāšanas preses
    // konference», «brīvības atņemšanas soda»)
    if singular && n + 2 < r.end && gen_noun(n + 1) && frame_noun(ctx, n + 2) {
        return Some((o, n + 2));
    }
    // «arodslimību izmeklēšanas un uzskaites kārtību»: the frame noun after
    // a second, coordinated genitive
    (singular
        && n + 3 < r.end
        && matches!(ctx.lower[n + 1].as_str(), "un" | "vai")
        && gen_noun(n + 2)
        && frame_noun(ctx, n + 3))
    .then_some((o, n + 3))
}

/// Is word `i` an empty frame noun (`FRAME_NOUNS`)?
fn frame_noun(ctx: &Ctx<'_>, i: usize) -> bool {
    noun(ctx, i)
        && ctx
            .analyses(i)
            .iter()
            .any(|a| a.pos == Pos::Noun && FRAME_NOUNS.contains(&a.lemma.as_str()))
}

/// The genitive object right before the -šana noun at `n`, also past a
/// quoted name («bankas „Citadele” atsavināšanas»).
fn object_before(ctx: &Ctx<'_>, r: &std::ops::Range<usize>, n: usize) -> Option<usize> {
    if n <= r.start {
        return None;
    }
    let quote = |i: usize| matches!(ctx.lower[i].as_str(), "\"" | "”" | "“" | "„" | "»" | "«");
    if n > r.start + 1 && quote(n - 1) {
        // back over the quoted name to the word before its opening quote
        return (r.start.max(n.saturating_sub(6))..n - 1)
            .rev()
            .find(|&q| quote(q))
            .filter(|&q| q > r.start && genitive_object(ctx, q - 1))
            .map(|q| q - 1);
    }
    genitive_object(ctx, n - 1).then(|| n - 1)
}

/// Is the -šana noun at `n` part of a name: its genitive group starts with
/// a capitalised common noun inside the sentence («Korupcijas novēršanas un
/// apkarošanas birojs», «Emisijas kvotu izsolīšanas instruments»)? Proper
/// nouns («Latvijas valsts pastāvēšanas») do not make a name.
fn in_name(ctx: &Ctx<'_>, r: &std::ops::Range<usize>, n: usize) -> bool {
    let mut k = n;
    while k > r.start && n - k < 4 && genitive_modifier(ctx, k - 1) {
        k -= 1;
    }
    // a capital after only numbering («2. Sadzīves atkritumu …») starts the
    // sentence
    let initial = |j: usize| (r.start..j).all(|t| !ctx.lower[t].chars().any(char::is_alphabetic));
    (k..=n).any(|j| {
        starts_upper(ctx, j)
            && (!initial(j) || j == n)
            && !ctx.analyses(j).iter().any(|a| a.pos == Pos::ProperNoun)
    })
}

/// Verbs that do not take a direct object: an accusative after them is no
/// object frame.
const COPULAS: &[&str] = &["būt", "tikt", "kļūt", "tapt", "palikt"];

/// Could word `i` govern a direct object: a finite verb, an infinitive or a
/// converb («uzsākot») in its most plausible reading, neither a copula nor
/// a light verb (those are `frame`'s)?
fn governing_verb(ctx: &Ctx<'_>, i: usize) -> bool {
    is_word(ctx, i)
        && first(ctx, i).is_some_and(|a| {
            a.pos == Pos::Verb
                && matches!(
                    a.verb_form,
                    Some(VerbForm::Finite(_) | VerbForm::Infinitive | VerbForm::Debitive)
                )
                && !COPULAS.contains(&a.lemma.as_str())
        })
        && !light_verb(ctx, i)
}

/// Is word `i` a preposition that governs the words after it? «dēļ» and
/// «labad» follow their noun («iemeslu dēļ bērna uzņemšanu atsaka»).
fn preposition(ctx: &Ctx<'_>, i: usize) -> bool {
    is_word(ctx, i)
        && first(ctx, i).is_some_and(|a| a.pos == Pos::Preposition)
        && !matches!(ctx.lower[i].as_str(), "dēļ" | "labad")
}

/// For an accusative -šana noun at `n`, the verb whose direct object it is
/// («atsaka bērna uzņemšanu», «vielu izplatīšanu pārtraukt»), if any.
fn object_frame(ctx: &Ctx<'_>, r: &std::ops::Range<usize>, n: usize) -> Option<usize> {
    shana(ctx, n)?;
    // the singular: «-šanas» is also an accusative plural, but then mostly
    // the genitive singular of a chain («attiecīgu pieņemšanas aktu»)
    let in_case = |c: Case| {
        ctx.analyses(n)
            .iter()
            .any(|a| a.is_shana_noun() && a.case == Some(c) && a.number == Some(Number::Sing))
    };
    // a debitive takes its object in the nominative («jāattīsta enerģijas
    // izmantošana»)
    let (acc, nom) = (in_case(Case::Acc), in_case(Case::Nom));
    if !(acc || nom) || starts_upper(ctx, n) {
        return None;
    }
    let debitive =
        |v: usize| first(ctx, v).is_some_and(|a| a.verb_form == Some(VerbForm::Debitive));
    let governs = |v: usize| governing_verb(ctx, v) && (acc || debitive(v));
    // «-šanu» is also the genitive plural: before a noun in the nominative or
    // genitive it names a kind («vēlēšanu komisija»), not an action
    if n + 1 < r.end
        && noun(ctx, n + 1)
        && first(ctx, n + 1).is_some_and(|a| matches!(a.case, Some(Case::Nom | Case::Gen)))
    {
        return None;
    }
    // the noun's own group before it: its genitive object and attributes
    // («šo», «attiecīgo», «identifikācijas numura»)
    let attribute = |j: usize| {
        is_word(ctx, j)
            && !governing_verb(ctx, j)
            && (genitive_modifier(ctx, j)
                || ctx.analyses(j).iter().any(|a| {
                    a.case == Some(Case::Acc) && matches!(a.pos, Pos::Adjective | Pos::Pronoun)
                }))
    };
    // «un»/«vai» between two attributes joins objects («pārkāpumu un
    // nepilnību rašanos»)
    let mut k = n;
    while k > r.start && n - k < 5 {
        if attribute(k - 1) {
            k -= 1;
        } else if k - 1 > r.start
            && k < n
            && matches!(ctx.lower[k - 1].as_str(), "un" | "vai")
            && attribute(k - 2)
        {
            k -= 2;
        } else {
            break;
        }
    }
    // the action has its own object («bērna uzņemšanu», «tā izdošanu»);
    // «mācītu dejošanu», «paredz atzīšanos» are plain
    if !(k..n).any(|j| genitive_object(ctx, j) || genitive_pronoun(ctx, j)) {
        return None;
    }
    // a verb reading right after a preposition is an adjective («par
    // apzināti nepamatotu policijas izsaukšanu»)
    let in_phrase = |v: usize| {
        let mut p = v;
        while p > r.start && first(ctx, p - 1).is_some_and(|a| a.pos == Pos::Adverb) {
            p -= 1;
        }
        p > r.start && preposition(ctx, p - 1)
    };
    if k > r.start && governs(k - 1) && !in_phrase(k - 1) {
        return Some(k - 1);
    }
    // a preposition before the group governs the noun; «dēļ» and «labad»
    // follow their own noun and govern nothing here («iemeslu dēļ bērna
    // uzņemšanu atsaka»)
    let after_preposition = k > r.start && preposition(ctx, k - 1);
    (n + 1 < r.end && !after_preposition && governs(n + 1)).then_some(n + 1)
}

/// A finding on `span` suggesting the verb of the -šana noun at `n`.
fn verb_hit(ctx: &Ctx<'_>, rule: usize, span: Span, n: usize) -> Hit {
    let verb = shana(ctx, n).map(verb_of);
    Hit {
        rule,
        span,
        suggestions: verb
            .map(|v| {
                vec![Suggestion {
                    replacement: match_case(&ctx.text[span.start..span.end], &v),
                    span,
                    safe: false,
                    note: Some(note(ctx)),
                }]
            })
            .unwrap_or_default(),
        value: None,
        max: None,
    }
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
                            // a third word between only when all between are
                            // attributes («veiktā oficiālā vasarāju ražas
                            // prognozēšana»)
                            let attr = |j: usize| {
                                first(ctx, j)
                                    .is_some_and(|a| matches!(a.pos, Pos::Adjective | Pos::Pronoun))
                                    || genitive_modifier(ctx, j)
                            };
                            // the noun is the verb's object (accusative, or
                            // nominative after «jāveic», «tiek veikta»): not
                            // a place or a label («veic pagaidu uzglabāšanā
                            // esošo preču uzskaiti», «investīcijas ražošanas
                            // iekārtās»), and no preposition or other verb
                            // between («jāsāk domāt par paplašināšanos»)
                            let object = |j: usize| {
                                ctx.analyses(j).iter().any(|a| {
                                    a.is_shana_noun()
                                        && matches!(a.case, Some(Case::Acc | Case::Nom))
                                        && a.number == Some(Number::Sing)
                                })
                            };
                            let fwd = (i + 1..(i + 5).min(r.end))
                                .take_while(|&j| is_word(ctx, j) && !preposition(ctx, j))
                                .take_while(|&j| j == i + 1 || !governing_verb(ctx, j - 1))
                                .find(|&j| shana(ctx, j).is_some())
                                .filter(|&j| object(j))
                                .filter(|&j| j < i + 4 || (i + 1..j).all(attr));
                            // backward only the subject of a passive light
                            // verb: «atjaunošana tiks uzsākta», not
                            // «tirgošanas vietām tiek rīkotas»
                            let back = (r.start.max(i.saturating_sub(3))..i)
                                .rev()
                                .take_while(|&j| is_word(ctx, j))
                                .find(|&j| shana(ctx, j).is_some())
                                .filter(|&j| {
                                    ctx.analyses(j)
                                        .iter()
                                        .any(|a| a.is_shana_noun() && a.case == Some(Case::Nom))
                                        && !(j + 1 < i && noun(ctx, j + 1))
                                });
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
                            let dative = ctx.analyses(i).iter().find(|a| {
                                a.is_shana_noun()
                                    && a.case == Some(Case::Dat)
                                    && !LEXICALISED.contains(&a.lemma.as_str())
                            });
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
                    Variant::Preposition => {
                        let mut last_end = 0;
                        for n in r.clone() {
                            if !is_word(ctx, n) || n < last_end {
                                continue;
                            }
                            if let Some(k) = preposition_frame(ctx, &r, n) {
                                let span = Span::new(toks[k].start, toks[n].end);
                                out.push(verb_hit(ctx, rule, span, n));
                                last_end = n + 1;
                            }
                        }
                    }
                    Variant::Chain => {
                        for n in r.clone() {
                            if let Some((o, e)) = chain(ctx, &r, n).filter(|_| is_word(ctx, n)) {
                                let span = Span::new(toks[o].start, toks[e].end);
                                out.push(verb_hit(ctx, rule, span, n));
                            }
                        }
                    }
                    Variant::Coordinated => {
                        let mut prev: Option<usize> = None;
                        let mut reported = 0;
                        for n in r.clone() {
                            if !is_word(ctx, n) || shana(ctx, n).is_none() {
                                continue;
                            }
                            if let Some(p) = prev.filter(|&p| p >= reported) {
                                let between = p + 1..n;
                                let words = between.clone().filter(|&j| is_word(ctx, j)).count();
                                let link = between.clone().any(|j| {
                                    matches!(ctx.lower[j].as_str(), "un" | "vai" | "," | "arī")
                                });
                                let clean = between
                                    .clone()
                                    .all(|j| is_word(ctx, j) || ctx.lower[j] == ",");
                                if link && clean && words <= 3 && !in_name(ctx, &r, p) {
                                    out.push(Hit {
                                        rule,
                                        span: Span::new(toks[p].start, toks[n].end),
                                        suggestions: Vec::new(),
                                        value: None,
                                        max: None,
                                    });
                                    reported = n + 1;
                                }
                            }
                            prev = Some(n);
                        }
                    }
                    Variant::Object => {
                        for n in r.clone() {
                            if !is_word(ctx, n) {
                                continue;
                            }
                            if let Some(v) = object_frame(ctx, &r, n) {
                                let (a, b) = (v.min(n), v.max(n));
                                // the governing verb stays: only the noun
                                // becomes a verb («atsaka uzņemt bērnu»)
                                let noun_span = Span::new(toks[n].start, toks[n].end);
                                let mut hit = verb_hit(ctx, rule, noun_span, n);
                                hit.span = Span::new(toks[a].start, toks[b].end);
                                out.push(hit);
                            }
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
    use crate::rules::kind::test_support::texts_and_suggestions;

    fn found(variant: &str, text: &str) -> Vec<(String, Vec<String>)> {
        let fields = format!(
            "kind = \"nominalization\"\nvariant = \"{variant}\"\ncategory = \"nominalization\""
        );
        texts_and_suggestions(&fields, text)
    }

    #[test]
    fn light_verb_frames() {
        let f = found("frame", "Ministrija nodrošinās datu apstrādāšanu.");
        assert_eq!(f[0].0, "nodrošinās datu apstrādāšanu");
        assert_eq!(f[0].1, ["apstrādāt"]);
        let f = found("frame", "Ēkas atjaunošana tiks uzsākta rudenī.");
        assert_eq!(f[0].0, "atjaunošana tiks uzsākta");
        assert!(found("frame", "Ministrija apstrādās datus.").is_empty());
        assert!(found("frame", "Pie tirgošanas vietām tiek rīkotas akcijas.").is_empty());
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
    fn preposition_frames() {
        let f = found("preposition", "Pēc līguma noslēgšanas nosaka lietotāju.");
        assert_eq!(f[0].0, "Pēc līguma noslēgšanas");
        assert_eq!(f[0].1, ["Noslēgt"]);
        let f = found(
            "preposition",
            "Iestāde ir atbildīga par darbinieku prasījumu apmierināšanu.",
        );
        assert_eq!(f[0].0, "par darbinieku prasījumu apmierināšanu");
        let f = found(
            "preposition",
            "Pabalsts sakarā ar darba attiecību pārtraukšanu.",
        );
        assert_eq!(f[0].0, "sakarā ar darba attiecību pārtraukšanu");
        // no object: «pēc ēšanas» is plain; a debate «par sankciju piemērošanu» too
        assert!(found("preposition", "Pēc ēšanas viņi gāja pastaigāties.").is_empty());
        assert!(found("preposition", "Runāja par sankciju piemērošanu.").is_empty());
        // the -šana noun must head the phrase
        assert!(found("preposition", "No noteikumu stāšanās brīža.").is_empty());
    }

    #[test]
    fn genitive_chain() {
        let f = found("chain", "Uz to attiecas direktīvas piemērošanas joma.");
        assert_eq!(f[0].0, "direktīvas piemērošanas joma");
        assert_eq!(f[0].1, ["piemērot"]);
        assert!(found("chain", "Likums stājas spēkā tā izsludināšanas dienā.").is_empty());
        assert!(found("chain", "Eiropas Parlamenta vēlēšanu kandidāti.").is_empty());
        assert!(found("chain", "Notiks sviesta kulšanas sacensības.").is_empty());
        assert!(found(
            "chain",
            "Grozījumi izdarīti ar 1994. gada Pievienošanās aktu."
        )
        .is_empty());
    }

    #[test]
    fn coordinated_pair() {
        let f = found(
            "coordinated",
            "Ziņojums par direktīvas īstenošanu un piemērošanu.",
        );
        assert_eq!(f[0].0, "īstenošanu un piemērošanu");
        assert!(found(
            "coordinated",
            "Īstenošana notiks rudenī un vasarā bija plānošana."
        )
        .is_empty());
    }

    #[test]
    fn object_frame() {
        // the guideline's object frame: a -šana noun as the object of any verb
        let f = found(
            "object",
            "Komersantam ir tiesības apturēt, pārtraukt vai izbeigt sabiedriskā pakalpojuma sniegšanu normatīvajos aktos noteiktajā kārtībā.",
        );
        assert_eq!(f[0].0, "izbeigt sabiedriskā pakalpojuma sniegšanu");
        assert_eq!(f[0].1, ["sniegt"]);
        let f = found(
            "object",
            "Stratēģiskā novērtējuma veikšanu reglamentē Novērtējuma likums.",
        );
        assert_eq!(f[0].0, "veikšanu reglamentē");
        let f = found(
            "object",
            "Iestāde pamatotu iemeslu dēļ bērna uzņemšanu atsaka.",
        );
        assert_eq!(f[0].0, "uzņemšanu atsaka");
        // a debitive takes its object in the nominative
        let f = found(
            "object",
            "Iedzīvotāji uzskata, ka būtu vairāk jāattīsta atjaunojamās enerģijas izmantošana.",
        );
        assert_eq!(f[0].0, "jāattīsta atjaunojamās enerģijas izmantošana");
        // no object of its own, a preposition, an adjective read as a verb
        assert!(found(
            "object",
            "Pasaulē nav tādas izglītības sistēmas, kur bērniem katru dienu mācītu dejošanu."
        )
        .is_empty());
        assert!(found(
            "object",
            "Deputāts nobalsoja par apakškomisijas izveidošanu."
        )
        .is_empty());
        assert!(found(
            "object",
            "Viņam jāierodas nodaļā par apzināti nepamatotu policijas izsaukšanu."
        )
        .is_empty());
        // fixed terms: the -šana noun is a genitive label, not the object
        assert!(found(
            "object",
            "Ministrija nosaka noteikumu spēkā stāšanās dienu."
        )
        .is_empty());
        assert!(found("object", "Pašvaldība nosaka kravas nokraušanas vietu.").is_empty());
        assert!(found(
            "object",
            "Komisija iepazinās ar vēlēšanu komisijas protokolu."
        )
        .is_empty());
    }

    #[test]
    fn light_verb_needs_its_object() {
        assert!(found(
            "frame",
            "D. Kudore teic, ka jau jāsāk domāt par paplašināšanos."
        )
        .is_empty());
        assert!(found(
            "frame",
            "Dienests veic pagaidu uzglabāšanā esošo preču uzskaiti."
        )
        .is_empty());
        let f = found(
            "frame",
            "Uzņēmumiem būs jāiegādājas jaunas centrāles vai jāveic to pārprogrammēšana.",
        );
        assert_eq!(f[0].0, "jāveic to pārprogrammēšana");
    }

    #[test]
    fn preposition_with_pronoun_object() {
        let f = found("preposition", "Pēc tā saņemšanas iestāde informē vecākus.");
        assert_eq!(f[0].0, "Pēc tā saņemšanas");
        // an attributive pronoun is no object
        assert!(found(
            "preposition",
            "Darba devējs laikus (pirms šādas iesaistīšanas) saņem informāciju."
        )
        .is_empty());
    }

    #[test]
    fn longer_genitive_chain() {
        let f = found(
            "chain",
            "Ministru kabinets nosaka izmaksu attiecināšanas aprēķina metodiku.",
        );
        assert_eq!(f[0].0, "izmaksu attiecināšanas aprēķina metodiku");
        let f = found(
            "chain",
            "Bankas “Citadele” pārdošanas process tika pārtraukts.",
        );
        assert_eq!(f[0].0, "Bankas “Citadele” pārdošanas process");
        let f = found(
            "chain",
            "Ministru kabinets nosaka arodslimību izmeklēšanas un uzskaites kārtību.",
        );
        assert_eq!(f[0].0, "arodslimību izmeklēšanas un uzskaites kārtību");
        // a chain that ends in a term, not a frame noun
        assert!(found("chain", "Notiks sezonas atklāšanas preses konference.").is_empty());
        // a -šana noun first in the sentence has no object before it
        assert!(found("chain", "Plānošanas process sākas rudenī.").is_empty());
        // fixed terms and names stay quiet
        assert!(found("chain", "Pašvaldība nosaka kravas nokraušanas vietu.").is_empty());
        assert!(found(
            "chain",
            "Atbalsts Emisijas kvotu izsolīšanas instrumenta projektiem."
        )
        .is_empty());
    }

    #[test]
    fn names_are_no_pairs() {
        assert!(found(
            "coordinated",
            "Turklāt Korupcijas novēršanas un apkarošanas birojs ir novājināts."
        )
        .is_empty());
    }

    #[test]
    fn lexicalised_object_is_no_frame() {
        assert!(found("object", "Ģimene gaida bērna dzimšanu.").is_empty());
    }

    #[test]
    fn lexicalised_dative_is_no_purpose() {
        assert!(found("purpose", "Komisija gatavojas Saeimas vēlēšanām.").is_empty());
    }

    #[test]
    fn density() {
        let t = "Plānošana, uzraudzīšana un novērtēšana ir svarīga.";
        assert_eq!(found("density", t).len(), 1);
        assert!(found("density", "Plānošana un novērtēšana ir svarīga.").is_empty());
    }
}
