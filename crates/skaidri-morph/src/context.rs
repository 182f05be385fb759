//! Choosing among a word's readings by its neighbours in the sentence.
//!
//! [`Morphology::analyze`](crate::Morphology::analyze) ranks the readings
//! of a form on its own. Many ambiguities are settled by the words around
//! it, with a few general rules of Latvian grammar (no statistics):
//!
//! * **Agreement**: a pronoun, adjective, numeral or participle before a
//!   noun agrees with it in case, number and gender ("savu grāmatu" →
//!   "sava", "tā gada" → "tas", "dažādi pasākumi" → the adjective
//!   "dažāds"); and a noun after its modifier is a noun, not a participle
//!   ("šīs lietas" → "lieta", not "liet").
//! * **Possessive genitive**: "viņa" before a noun or adjective is the
//!   genitive of "viņš" ("viņa grāmata"), not the feminine nominative;
//!   "tā" before a noun it does not agree with is the genitive of "tas"
//!   ("tā saturu").
//! * **Government**: after a preposition comes a nominal in the case the
//!   preposition takes (genitive after "no", "pie", "pēc"; accusative after
//!   "ar", "par"; dative in the plural), not a verb ("no rīta" → "rīts").
//! * **Subject**: after a nominative personal pronoun ("es", "viņš",
//!   "mēs") a finite verb is likelier than a noun ("es gribu" → "gribēt").
//! * **Verb complements**: a modal or phase verb before an infinitive
//!   ("varu sacīt" → "varēt"), a finite verb before ", ka" ("stāsta, ka").
//! * **Relative pronoun**: "kurš/kura" after a comma takes the gender and
//!   number of the noun before the comma.
//! * **Adverb**: an adjective form before a finite verb, or before an
//!   adjective it does not agree with, is the adverb ("nervozi noslaucīja",
//!   "tumši sarkanā").
//! * **Noun over verb**: a genitive noun inside a genitive chain before its
//!   head ("nodokļu parāda piedziņu" → "parāds", not "parādīt"); a noun,
//!   not a second finite verb, right after a finite verb ("meklē iespēju").
//! * **Number**: a noun after a number other than 1, 21, … is plural
//!   ("15 000 latu", "simti latu"): this settles case and number more than
//!   the lemma.
//!
//! A rule only promotes a reading that fits when the top reading does
//! not; it never adds or removes readings. [`context_preferences`] returns
//! which reading to put first for each token, [`context_choices`] also
//! names the rule. Each rule was kept only if it fixed clearly more lemmas
//! than it broke on the UD Latvian dev file (counts in
//! `docs/measurements.md`).

use crate::{Analysis, Case, Mood, Number, Pos, VerbForm};

/// One token of a sentence: its text (punctuation included) and its
/// readings (empty for punctuation and unknown words).
pub type Token<'a> = (&'a str, &'a [Analysis]);

/// For each token of `sentence`, the index of the reading that context
/// prefers over the current first one, or `None` to keep the order.
pub fn context_preferences(sentence: &[Token<'_>]) -> Vec<Option<usize>> {
    context_choices(sentence)
        .into_iter()
        .map(|c| c.map(|(k, _)| k))
        .collect()
}

/// Like [`context_preferences`], with the name of the rule that made each
/// choice ("agreement", "government", …), for explaining and debugging.
pub fn context_choices(sentence: &[Token<'_>]) -> Vec<Option<(usize, &'static str)>> {
    let mut out = vec![None; sentence.len()];
    for i in 0..sentence.len() {
        let rs = sentence[i].1;
        if rs.len() < 2 {
            continue;
        }
        out[i] = prefer(sentence, i);
    }
    out
}

/// The index of the first reading satisfying `fits`, if the top reading
/// does not satisfy it.
/// Vocative readings are never promoted: in running text they are rare
/// and their forms coincide with common verb forms ("var": varš).
fn promote(rs: &[Analysis], fits: impl Fn(&Analysis) -> bool) -> Option<usize> {
    if rs.first().is_some_and(&fits) {
        return None;
    }
    rs.iter()
        .position(|a| a.case != Some(Case::Voc) && fits(a))
        .filter(|&k| k > 0)
}

/// Returns the choice from `prefer` if the rule made one; otherwise the
/// next rule gets its turn.
macro_rules! try_rule {
    ($e:expr) => {
        if let Some(choice) = $e {
            return Some(choice);
        }
    };
}

fn prefer(s: &[Token<'_>], i: usize) -> Option<(usize, &'static str)> {
    let rs = s[i].1;
    let top = &rs[0];
    // Auxiliaries are never re-read: the passive and tense detectors
    // depend on "tiks", "tika", "ir" staying verbs.
    if top.pos == Pos::Verb && AUXILIARIES.contains(&top.lemma.as_str()) && is_finite(top) {
        return None;
    }
    let prev = i.checked_sub(1).map(|p| s[p]);
    // Function words and adverbs keep their reading against government
    // and subject rules ("ar", "vēl", "kā" are not nouns or verbs here).
    let function_word = matches!(
        top.pos,
        Pos::Conjunction | Pos::Particle | Pos::Preposition | Pos::Adverb | Pos::Interjection
    );

    let tag = |name: &'static str| move |k: usize| (k, name);
    let next = s.get(i + 1).copied();
    let has_pronoun = rs.iter().any(|a| a.pos == Pos::Pronoun);

    // Government: a preposition right before ("no tā": the pronoun, not
    // the adverb "tā").
    if let Some((ptext, prs)) = prev.filter(|_| !function_word || has_pronoun) {
        if prs.first().is_some_and(|a| a.pos == Pos::Preposition) {
            let cases = governed(&ptext.to_lowercase());
            let case_fits = |a: &Analysis| match (a.case, a.number) {
                (Some(c), Some(Number::Sing)) => cases.contains(&c),
                (Some(c), Some(Number::Plur)) => c == Case::Dat,
                (Some(c), None) => cases.contains(&c) || c == Case::Dat,
                _ => false,
            };
            // Over a verb reading, a noun first ("no rīta": the noun
            // "rīts", not the participle of "rīt"); then any nominal.
            if top.pos == Pos::Verb {
                if let Some(k) = promote(rs, |a| is_noun(a) && case_fits(a)) {
                    return Some((k, "government"));
                }
            }
            if let Some(k) = promote(rs, |a| is_nominal(a) && case_fits(a)) {
                return Some((k, "government"));
            }
            if top.pos == Pos::Verb && top.verb_form.is_none_or(|v| !is_participle(v)) {
                try_rule!(promote(rs, is_nominal).map(tag("government")));
            }
        }
    }

    // Subject: an unambiguous nominative personal pronoun right before.
    if let Some((_, prs)) = prev.filter(|_| !function_word && top.pos != Pos::Pronoun) {
        if !prs.is_empty()
            && prs.iter().all(|a| {
                a.pos == Pos::Pronoun
                    && a.case == Some(Case::Nom)
                    && PERSONAL.contains(&a.stem.as_str())
            })
        {
            let person = prs[0].person.or(match prs[0].stem.as_str() {
                "es" | "mēs" => Some(1),
                "tu" | "jūs" => Some(2),
                _ => Some(3),
            });
            if top.pos != Pos::Verb {
                if let Some(k) = promote(rs, |a| is_finite(a) && a.person == person) {
                    return Some((k, "subject"));
                }
                try_rule!(promote(rs, is_finite).map(tag("subject")));
            }
        }
    }

    // Relative pronoun after a comma: gender and number of the noun
    // before the comma.
    if top.pos == Pos::Pronoun && matches!(top.stem.as_str(), "kurš" | "kura") {
        if let (Some((",", _)), Some((_, nrs))) = (prev, i.checked_sub(2).map(|p| s[p])) {
            if let Some(n) = nrs.first().filter(|a| is_noun(a)) {
                if n.gender.is_some() {
                    try_rule!(promote(rs, |a| {
                        a.pos == Pos::Pronoun && a.gender == n.gender && a.number == n.number
                    })
                    .map(tag("relative")));
                }
            }
        }
    }

    // Agreement with the noun that follows (possibly after more
    // agreeing words: "savu jauno māju").
    // Only a word read as a modifier (or as an adverb made from an
    // adjective: "dažādi") is re-read; verbs, nouns and function words
    // keep their reading.
    let modifier = agrees_kind(top)
        || (top.pos == Pos::Adverb
            && (top.raw.contains(" fl:") || rs.iter().any(|a| a.pos == Pos::Pronoun)));
    if modifier && rs.iter().any(agrees_kind) {
        if let Some(head) = head_noun(s, i) {
            // "viņa māja": the possessive genitive of "viņš".
            if rs.iter().any(|a| a.pos == Pos::Pronoun && a.stem == "viņš") {
                try_rule!(
                    promote(rs, |a| a.stem == "viņš" && a.case == Some(Case::Gen))
                        .map(tag("possessive"))
                );
            }
            let fits = |a: &Analysis| {
                agrees_kind(a)
                    && head.iter().any(|n| {
                        is_noun(n)
                            && n.case == a.case
                            && n.number == a.number
                            && (n.gender.is_none() || a.gender.is_none() || n.gender == a.gender)
                    })
            };
            if let Some(k) = promote(rs, fits) {
                return Some((k, "agreement"));
            }
            // Nothing agrees: "tā saturu" is the possessive genitive of
            // "tas" ("its content").
            if rs.iter().any(|a| a.stem == "tas") && !rs.iter().any(fits) {
                try_rule!(
                    promote(rs, |a| a.stem == "tas" && a.case == Some(Case::Gen))
                        .map(tag("possessive"))
                );
            }
            // An adjective form that agrees with nothing ahead modifies the
            // next adjective: "tumši sarkanā", "nesaudzīgi tīru".
            if top.pos == Pos::Adjective && !rs.iter().any(fits) {
                try_rule!(promote(rs, |a| a.pos == Pos::Adverb).map(tag("adverb")));
            }
        }
    }

    // An adjective form right before a finite verb is an adverb of manner
    // ("nervozi noslaucīja", "apņēmīgi piecēlos").
    if top.pos == Pos::Adjective
        && next
            .is_some_and(|(_, nrs)| nrs.first().is_some_and(is_finite) && !nrs.iter().any(is_noun))
    {
        if let Some(k) = promote(rs, |a| a.pos == Pos::Adverb) {
            return Some((k, "adverb"));
        }
    }

    // "viņa" before any other nominal ("viņa labi saplānotā …", "viņa
    // milzīgajiem apmēriem") is the possessive genitive too.
    if has_pronoun
        && rs.iter().any(|a| a.stem == "viņš")
        && next.is_some_and(|(_, nrs)| {
            nrs.first()
                .is_some_and(|a| is_nominal(a) && a.pos != Pos::Pronoun)
                && !nrs.iter().any(|a| is_finite(a) || a.pos == Pos::Adverb)
        })
    {
        try_rule!(
            promote(rs, |a| a.stem == "viņš" && a.case == Some(Case::Gen)).map(tag("possessive"))
        );
    }

    if !function_word && top.pos != Pos::Verb && rs.iter().any(is_finite) {
        // A modal verb before an infinitive ("gribu darīt", "varu sacīt").
        if next.is_some_and(|(_, nrs)| {
            nrs.first()
                .is_some_and(|a| a.verb_form == Some(VerbForm::Infinitive))
        }) {
            try_rule!(
                promote(rs, |a| is_finite(a) && MODALS.contains(&a.lemma.as_str()))
                    .map(tag("modal"))
            );
        }
        // A verb of saying before ", ka" ("stāsta, ka", "nozīmē, ka").
        if next.is_some_and(|(t, _)| t == ",")
            && s.get(i + 2)
                .is_some_and(|(t, _)| t.eq_ignore_ascii_case("ka"))
        {
            try_rule!(promote(rs, is_finite).map(tag("complement")));
        }
    }

    // A noun after a modifier that agrees with it ("šīs lietas", "vecu
    // lietu"), over a participle reading (a finite verb after a modifier
    // is usually its clause's verb: "kas tiks").
    if top.verb_form.is_some_and(is_participle) {
        if let Some((_, prs)) = prev {
            if prs
                .first()
                .is_some_and(|a| agrees_kind(a) && a.pos != Pos::Verb)
            {
                let fits = |n: &Analysis| {
                    is_noun(n)
                        && prs.iter().any(|a| {
                            agrees_kind(a)
                                && n.case == a.case
                                && n.number == a.number
                                && (n.gender.is_none()
                                    || a.gender.is_none()
                                    || n.gender == a.gender)
                        })
                };
                if let Some(k) = promote(rs, fits) {
                    return Some((k, "modified noun"));
                }
            }
        }
    }

    if top.pos == Pos::Verb && rs.iter().any(is_noun) {
        // A genitive noun before its head noun ("nodokļu parāda
        // piedziņu", "valsts atbalsta piešķiršana"), over a verb reading.
        // Only inside a genitive chain or at the start of a sentence: a
        // finite verb before its subject or object noun is common too.
        let chain = prev.is_none_or(|(_, prs)| {
            prs.first()
                .is_some_and(|a| is_nominal(a) && a.case == Some(Case::Gen))
        });
        if chain && next.is_some_and(|(_, nrs)| nrs.first().is_some_and(is_noun)) {
            if let Some(k) = promote(rs, |a| is_noun(a) && a.case == Some(Case::Gen)) {
                return Some((k, "genitive attribute"));
            }
        }
        // Not two finite verbs in a row: after a finite verb, a noun
        // ("meklē iespēju", "atnesa uzvaru", "bija iespēja").
        if is_finite(top)
            && prev.is_some_and(|(_, prs)| prs.first().is_some_and(is_finite))
            && !next.is_some_and(|(_, nrs)| {
                nrs.first()
                    .is_some_and(|a| a.verb_form == Some(VerbForm::Infinitive))
            })
        {
            if let Some(k) = promote(rs, is_noun) {
                return Some((k, "object"));
            }
        }
    }

    // A noun after a number is plural ("15 000 latu", "simti latu"),
    // except after numbers ending in 1 (but not 11).
    if let Some((ptext, prs)) = prev {
        let digits: String = ptext.chars().filter(char::is_ascii_digit).collect();
        let plural_number =
            if !digits.is_empty() && ptext.chars().all(|c| c.is_ascii_digit() || c == ' ') {
                !digits.ends_with('1') || digits.ends_with("11")
            } else {
                prs.first().is_some_and(|a| {
                    (a.pos == Pos::Numeral && a.lemma != "viens")
                        || (is_noun(a) && NUMBER_NOUNS.contains(&a.lemma.as_str()))
                })
            };
        if plural_number && top.number == Some(Number::Sing) && is_noun(top) {
            try_rule!(
                promote(rs, |a| is_noun(a) && a.number == Some(Number::Plur)).map(tag("number"))
            );
        }
    }
    None
}

/// Auxiliary verbs (UD AUX in Latvian).
const AUXILIARIES: &[&str] = &["būt", "tikt", "tapt", "kļūt"];

/// Verbs that take an infinitive: modal, phase and trying verbs.
const MODALS: &[&str] = &[
    "varēt",
    "gribēt",
    "gribēties",
    "vēlēties",
    "drīkstēt",
    "vajadzēt",
    "censties",
    "pacensties",
    "mēģināt",
    "sākt",
    "turpināt",
    "beigt",
    "prast",
    "mācēt",
    "spēt",
    "nedrīkstēt",
    "negribēt",
    "nevarēt",
];

/// Nouns that count ("simti latu", "tūkstošiem cilvēku").
const NUMBER_NOUNS: &[&str] = &[
    "simts",
    "tūkstotis",
    "miljons",
    "miljards",
    "pāris",
    "desmits",
];

/// Personal pronouns whose nominative marks a following verb's subject.
const PERSONAL: &[&str] = &["es", "tu", "viņš", "viņa", "mēs", "jūs"];

/// Cases a preposition takes in the singular (in the plural Latvian
/// prepositions take the dative).
fn governed(prep: &str) -> &'static [Case] {
    match prep {
        "ar" | "par" | "pa" | "caur" | "gar" | "pret" | "pār" | "starp" | "ap" => &[Case::Acc],
        "uz" => &[Case::Gen, Case::Acc],
        "līdz" => &[Case::Dat, Case::Gen],
        "pateicoties" => &[Case::Dat],
        _ => &[Case::Gen],
    }
}

fn is_noun(a: &Analysis) -> bool {
    matches!(a.pos, Pos::Noun | Pos::ProperNoun)
}

fn is_participle(v: VerbForm) -> bool {
    matches!(v, VerbForm::Participle(_))
}

fn is_finite(a: &Analysis) -> bool {
    a.pos == Pos::Verb && matches!(a.verb_form, Some(VerbForm::Finite(Mood::Indicative)))
}

/// A reading that declines like a noun (for government).
fn is_nominal(a: &Analysis) -> bool {
    a.case.is_some()
        && (matches!(
            a.pos,
            Pos::Noun | Pos::ProperNoun | Pos::Adjective | Pos::Pronoun | Pos::Numeral
        ) || a.verb_form.is_some_and(is_participle))
}

/// A reading that agrees with its noun: a declined pronoun, adjective,
/// numeral or participle.
fn agrees_kind(a: &Analysis) -> bool {
    a.case.is_some()
        && a.number.is_some()
        && (matches!(a.pos, Pos::Adjective | Pos::Pronoun | Pos::Numeral)
            || a.verb_form.is_some_and(is_participle))
}

/// The readings of the noun that token `i` would modify: the next word
/// whose first reading is a noun, past at most two words that can agree
/// too; `None` at punctuation, unknown words or anything else.
fn head_noun<'a>(s: &[Token<'a>], i: usize) -> Option<&'a [Analysis]> {
    for (_, rs) in s.iter().skip(i + 1).take(3) {
        let top = rs.first()?;
        if is_noun(top) {
            return Some(rs);
        }
        if !agrees_kind(top) {
            return None;
        }
    }
    None
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::Morphology;

    fn first_lemmas(text: &str) -> Vec<String> {
        let m = Morphology::embedded();
        let words: Vec<&str> = text.split(' ').collect();
        let readings: Vec<Vec<Analysis>> = words.iter().map(|w| m.analyze(w)).collect();
        let sentence: Vec<Token<'_>> = words
            .iter()
            .zip(&readings)
            .map(|(w, r)| (*w, r.as_slice()))
            .collect();
        let prefs = context_preferences(&sentence);
        readings
            .iter()
            .zip(prefs)
            .map(|(r, p)| {
                r.get(p.unwrap_or(0))
                    .map_or_else(String::new, |a| a.lemma.clone())
            })
            .collect()
    }

    #[test]
    fn agreement_picks_the_gender_of_the_noun() {
        assert_eq!(first_lemmas("savu grāmatu")[0], "sava");
        assert_eq!(first_lemmas("tā gada")[0], "tas");
        assert_eq!(first_lemmas("šajā pilsētā")[0], "šī");
    }

    #[test]
    fn possessive_genitive_of_vins() {
        assert_eq!(first_lemmas("viņa grāmata")[0], "viņš");
    }

    #[test]
    fn preposition_takes_a_noun() {
        assert_eq!(first_lemmas("no rīta")[1], "rīts");
    }

    #[test]
    fn pronoun_subject_takes_a_verb() {
        assert_eq!(first_lemmas("es gribu")[1], "gribēt");
    }

    #[test]
    fn verb_before_infinitive_or_that_clause() {
        assert_eq!(first_lemmas("Droši varu sacīt")[1], "varēt");
        assert_eq!(first_lemmas("Vecāki stāsta , ka")[1], "stāstīt");
        // A noun before an infinitive stays a noun.
        assert_eq!(first_lemmas("iespēju piedalīties")[0], "iespēja");
    }

    #[test]
    fn noun_after_its_modifier_and_pronoun_after_preposition() {
        assert_eq!(first_lemmas("šīs lietas")[1], "lieta");
        assert_eq!(first_lemmas("no tā")[1], "tas");
    }

    #[test]
    fn adverb_before_a_verb_or_a_disagreeing_adjective() {
        assert_eq!(first_lemmas("Viņš nervozi noslaucīja")[1], "nervozi");
        assert_eq!(first_lemmas("tumši sarkanā kleitā")[0], "tumši");
        // Agreeing: the adjective.
        assert_eq!(first_lemmas("dažādi pasākumi")[0], "dažāds");
    }

    #[test]
    fn noun_in_a_genitive_chain_or_after_a_verb() {
        assert_eq!(first_lemmas("nodokļu parāda piedziņu")[1], "parāds");
        assert_eq!(first_lemmas("Pacients meklē iespēju")[2], "iespēja");
    }

    #[test]
    fn auxiliaries_stay_verbs() {
        assert_eq!(first_lemmas("kas tiks veikta")[1], "tikt");
        assert_eq!(first_lemmas("šīs tiks pārbaudītas")[1], "tikt");
    }

    #[test]
    fn modal_after_a_verb_form_stays_a_verb() {
        // "Pierakstu" reads as the verb "pierakstīt" on its own; "var"
        // before an infinitive must not become the vocative of "varš".
        assert_eq!(first_lemmas("Pierakstu var veikt pa tālruni")[1], "varēt");
    }

    #[test]
    fn no_context_no_change() {
        let m = Morphology::embedded();
        let r = m.analyze("savu");
        assert_eq!(context_preferences(&[("savu", &r)]), vec![None]);
    }
}
