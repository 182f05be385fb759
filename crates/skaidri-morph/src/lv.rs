//! Decoding of lv_LV 1.4.0 raw analyses into [`Analysis`] values.
//!
//! This module owns the knowledge of what the lv_LV affix flags and tags
//! mean (worked out from `lv_LV.aff` and checked against UD Latvian-LVTB):
//!
//! * `.dic` tags `po:lietvN…` noun of declension N (`…i` proper name,
//!   `…d` plural-only, `…g` indeclinable genitive-like, `…f` a listed form),
//!   `po:darbv…` verb, `po:īpv…` adjective, `po:apstv` adverb, `po:vietnv`
//!   pronoun, `po:skv` numeral, `po:saiklis` any function word,
//!   `po:izs` interjection, `po:abrev` abbreviation.
//! * verb `is:` codes have five letters: person (`0` none, `1`–`3`),
//!   number (`v` vienskaitlis = singular, `d` daudzskaitlis = plural, `x`
//!   either), tense (`p` pagātne = past, `t` tagadne = present, `n` nākotne
//!   = future), `t`/`a` (not reflexive / atgriezenisks = reflexive) and mood
//!   (`0` indicative, `a` atstāstījuma = relative `-ot`, `p` pavēles =
//!   imperative, `v` vajadzības = debitive with the `jā-` circumfix).
//! * noun `is:` codes have three letters: number (`v`/`d`), `p` base form or
//!   `d` diminutive, case (`n g d a l v`). Reflexive participles use four:
//!   number, gender (`v` vīriešu = masculine, `s` sieviešu = feminine), case,
//!   `a`.
//! * Most declension rules carry no `is:` (and hunspell lists each surface
//!   form once, so `pārbaudes` is only `is:vpg` although it is also a plural
//!   nominative/accusative). Case, number and gender of nouns, adjectives and
//!   participles therefore come from ending tables per declension below,
//!   which give every reading of a form.
//! * Flags: `J`/`j` -šana/-šanās nouns, `5` past passive participle `-ts`,
//!   `0 1 2 %` present participles `-ošs`/`-ams`, `6 7 8 ^` past active
//!   `-is/-usi`, `& *` its reflexive, `3 4 + $` `-dams`/`-damies`,
//!   `W` adjective endings, `Y` comparative, `X` definite comparative (and
//!   superlative with the `vis-` prefix `[`), `-` the `ne-` prefix, `]` the
//!   `jā-` debitive prefix, `x` `-nieks` → `-niece`, `P p T t R r`
//!   diminutives.

use crate::aff::Flag;
use crate::engine::{Engine, RawAnalysis};
use crate::tags::{
    Analysis, Case, Degree, Derivation, Gender, Mood, Number, Participle, ParticipleKind, Pos,
    Tense, VerbForm,
};

type Reading = (Option<Case>, Option<Number>, Option<Gender>);

const PREPOSITIONS: &[&str] = &[
    "aiz", "ap", "apakš", "ar", "bez", "caur", "dēļ", "gar", "iekš", "labad", "līdz", "no", "pa",
    "par", "pār", "pēc", "pie", "pirms", "pret", "priekš", "starp", "uz", "virs", "zem", "kopš",
    "pāri", "pretī", "cauri", "garām", "blakus", "uz", "līdzās", "apkārt",
];
const CONJUNCTIONS: &[&str] = &[
    "un", "vai", "bet", "jeb", "taču", "nedz", "ka", "lai", "ja", "kad", "jo", "kamēr", "kaut",
    "tiklīdz", "nekā", "kā", "tāpēc", "tādēļ", "tomēr", "tātad", "vien", "gan", "kolīdz", "ne",
    "nevis", "it",
];
const PARTICLES: &[&str] = &[
    "arī", "tikai", "jau", "vēl", "nē", "jā", "pat", "tieši", "vien", "nu", "tak", "diezin",
    "laikam", "droši", "varbūt", "ap", "gandrīz", "tikko", "vairs", "lūdzu", "paldies", "it",
    "kaut", "tad", "taču",
];

const ADVERBS: &[&str] = &[
    "kur",
    "tur",
    "tik",
    "tā",
    "atkal",
    "kopā",
    "šodien",
    "vakar",
    "rīt",
    "vienmēr",
    "nekad",
    "nekur",
    "tāpat",
    "citur",
    "visur",
    "tālāk",
    "turpmāk",
    "šobrīd",
    "patlaban",
    "tomēr",
    "ļoti",
    "daudz",
    "maz",
    "nedaudz",
    "drīz",
    "bieži",
    "reizēm",
    "labi",
    "slikti",
    "iepriekš",
    "kāpēc",
    "kādēļ",
    "tāpēc",
    "tādēļ",
    "kopš",
    "šeit",
    "tagad",
    "vēlāk",
    "agrāk",
    "vairs",
    "gandrīz",
    "sevišķi",
    "īpaši",
    "pārāk",
    "diezgan",
    "varbūt",
    "protams",
    "proti",
    "galvenokārt",
    "tikpat",
    "nemaz",
    "beidzot",
    "līdzi",
    "ārā",
    "laukā",
    "iekšā",
    "kaut",
    "it",
    "tūlīt",
    "uzreiz",
    "joprojām",
    "arvien",
    "līdzīgi",
    "attiecīgi",
    "saskaņā",
];

/// Forms whose UD lemma differs from the form and which the affix rules
/// do not derive: (form, lemma, part of speech).
const IRREGULAR: &[(&str, &str, Pos)] = &[
    ("vairāk", "daudz", Pos::Adverb),
    ("visvairāk", "daudz", Pos::Adverb),
    ("mazāk", "maz", Pos::Adverb),
    ("vēlāk", "vēlu", Pos::Adverb),
    ("tālāk", "tālu", Pos::Adverb),
    ("labāk", "labi", Pos::Adverb),
    ("sevī", "sevis", Pos::Pronoun),
];

/// Forms of "būt" (and other irregulars) the lv_LV affix rules do not
/// generate or tag as function words: (form, lemma, person, number, tense).
const BUT: &[(&str, u8, Option<Number>, Tense)] = &[
    ("būšu", 1, Some(Number::Sing), Tense::Fut),
    ("būsi", 2, Some(Number::Sing), Tense::Fut),
    ("būs", 3, None, Tense::Fut),
    ("būsim", 1, Some(Number::Plur), Tense::Fut),
    ("būsiet", 2, Some(Number::Plur), Tense::Fut),
    ("nebūs", 3, None, Tense::Fut),
    ("esmu", 1, Some(Number::Sing), Tense::Pres),
    ("esi", 2, Some(Number::Sing), Tense::Pres),
    ("ir", 3, None, Tense::Pres),
    ("esam", 1, Some(Number::Plur), Tense::Pres),
    ("esat", 2, Some(Number::Plur), Tense::Pres),
    ("esiet", 2, Some(Number::Plur), Tense::Pres),
    ("nav", 3, None, Tense::Pres),
    ("neesmu", 1, Some(Number::Sing), Tense::Pres),
    ("neesi", 2, Some(Number::Sing), Tense::Pres),
    ("neesam", 1, Some(Number::Plur), Tense::Pres),
    ("neesat", 2, Some(Number::Plur), Tense::Pres),
    ("biju", 1, Some(Number::Sing), Tense::Past),
    ("biji", 2, Some(Number::Sing), Tense::Past),
    ("bija", 3, None, Tense::Past),
    ("bijām", 1, Some(Number::Plur), Tense::Past),
    ("bijāt", 2, Some(Number::Plur), Tense::Past),
    ("nebiju", 1, Some(Number::Sing), Tense::Past),
    ("nebija", 3, None, Tense::Past),
    ("nebijām", 1, Some(Number::Plur), Tense::Past),
];

/// Extra readings for closed-class words the dictionary tags only as
/// `po:saiklis`, or irregular verb forms. Returns true if handled fully.
pub(crate) fn closed_class(form: &str, out: &mut Vec<Analysis>) -> bool {
    let lower = form;
    let mut handled = false;
    for &(f, person, number, tense) in BUT {
        if f == lower {
            out.push(Analysis {
                lemma: "būt".into(),
                stem: "būt".into(),
                pos: Pos::Verb,
                case: None,
                number,
                gender: None,
                person: Some(person),
                tense: Some(tense),
                verb_form: Some(VerbForm::Finite(Mood::Indicative)),
                degree: None,
                derivation: None,
                reflexive: false,
                negated: f.starts_with("ne") || f == "nav",
                raw: "st:būt builtin".into(),
            });
            handled = true;
        }
    }
    if let Some(&(_, lemma, pos)) = IRREGULAR.iter().find(|(f, _, _)| *f == lower) {
        let mut a = bare(lemma, pos, "builtin");
        if lemma == "sevis" {
            a.case = Some(Case::Loc);
        }
        out.push(a);
        return true;
    }
    if matches!(lower, "jābūt" | "nav jābūt") {
        let mut a = bare("būt", Pos::Verb, "st:būt builtin");
        a.verb_form = Some(VerbForm::Debitive);
        out.push(a);
        return true;
    }
    if matches!(lower, "būtu" | "nebūtu" | "esot" | "neesot") {
        let conditional = lower.ends_with("tu");
        out.push(Analysis {
            lemma: "būt".into(),
            stem: "būt".into(),
            pos: Pos::Verb,
            case: None,
            number: None,
            gender: None,
            person: None,
            tense: (!conditional).then_some(Tense::Pres),
            verb_form: Some(VerbForm::Finite(if conditional {
                Mood::Conditional
            } else {
                Mood::Relative
            })),
            degree: None,
            derivation: None,
            reflexive: false,
            negated: lower.starts_with("ne"),
            raw: "st:būt builtin".into(),
        });
        handled = true;
    }
    if handled {
        return true;
    }
    for (list, pos) in [
        (PREPOSITIONS, Pos::Preposition),
        (CONJUNCTIONS, Pos::Conjunction),
        (PARTICLES, Pos::Particle),
        (ADVERBS, Pos::Adverb),
    ] {
        if list.contains(&lower) {
            out.push(bare(lower, pos, "builtin"));
            handled = true;
        }
    }
    handled
}

/// Is `form` one of the built-in closed-class or irregular words?
pub(crate) fn is_closed_class(form: &str) -> bool {
    BUT.iter().any(|b| b.0 == form)
        || matches!(form, "būtu" | "nebūtu" | "esot" | "neesot" | "jābūt")
        || IRREGULAR.iter().any(|(f, _, _)| *f == form)
        || PREPOSITIONS.contains(&form)
        || CONJUNCTIONS.contains(&form)
        || PARTICLES.contains(&form)
        || ADVERBS.contains(&form)
}

fn bare(lemma: &str, pos: Pos, raw: &str) -> Analysis {
    Analysis {
        lemma: lemma.into(),
        stem: lemma.into(),
        pos,
        case: None,
        number: None,
        gender: None,
        person: None,
        tense: None,
        verb_form: None,
        degree: None,
        derivation: None,
        reflexive: false,
        negated: false,
        raw: raw.into(),
    }
}

/// Flags whose rules build verb forms (finite, participles, -šana).
const VERBAL_FLAGS: &str = "DEIdeiFAGH9(faghBCbc5012%678^&*!)@<>34+$Jj";

fn field<'a>(morph: &'a str, key: &str) -> Option<&'a str> {
    morph
        .split(' ')
        .rev()
        .find_map(|f| f.strip_prefix(key).and_then(|v| v.strip_prefix(':')))
}

/// Decodes one raw analysis of `form` into one or more readings.
pub(crate) fn decode(engine: &Engine, raw: &RawAnalysis<'_>, form: &str, out: &mut Vec<Analysis>) {
    let start = out.len();
    decode_inner(engine, raw, form, out);
    let mut extra = Vec::new();
    for a in &mut out[start..] {
        // UD keeps `ne-` in the lemma of everything but verbs.
        if a.negated && a.pos != Pos::Verb {
            a.lemma = format!("ne{}", a.lemma);
        }
        if a.pos == Pos::Pronoun && a.gender == Some(Gender::Fem) {
            a.lemma = feminine_pronoun(&a.lemma);
        }
        // Reflexive forms hang off the plain verb's entry; UD lemmatises
        // them to the reflexive infinitive ("ieradās" → "ierasties").
        if a.pos == Pos::Verb && a.reflexive && a.lemma.ends_with('t') {
            a.lemma.push_str("ies");
        }
        // Bare comparatives ("ātrāk") are adverbs of the -i adverb ("ātri").
        if a.pos == Pos::Adjective
            && a.degree == Some(Degree::Comparative)
            && form.ends_with("āk")
            && !extra.iter().any(|e: &Analysis| e.pos == Pos::Adverb)
        {
            let root = a.lemma.strip_suffix(['s', 'š']).unwrap_or(&a.lemma);
            let mut adv = bare(&format!("{root}i"), Pos::Adverb, &a.raw);
            adv.degree = Some(Degree::Comparative);
            adv.negated = a.negated;
            extra.push(adv);
        }
        // Adverbs in -i from adjectives ("labi", "īpaši"), after the adjective.
        let adjectival = a.pos == Pos::Adjective
            || matches!(
                a.verb_form,
                Some(VerbForm::Participle(Participle {
                    kind: ParticipleKind::Ts,
                    ..
                }))
            );
        if adjectival
            && a.case == Some(Case::Nom)
            && a.number == Some(Number::Plur)
            && a.degree == Some(Degree::Positive)
            && form.ends_with('i')
            && !extra.iter().any(|e: &Analysis| e.lemma == form)
        {
            let mut adv = bare(form, Pos::Adverb, &a.raw);
            adv.negated = a.negated;
            extra.push(adv);
        }
    }
    out.extend(extra);
}

/// The feminine citation form UD uses for feminine pronoun forms.
fn feminine_pronoun(masc: &str) -> String {
    match masc {
        "tas" => "tā".into(),
        "šis" => "šī".into(),
        "šitas" => "šitā".into(),
        "pats" => "pati".into(),
        "kas" | "es" | "tu" | "mēs" | "jūs" | "sevis" => masc.into(),
        m => match m.strip_suffix('s').or_else(|| m.strip_suffix('š')) {
            Some(root) => format!("{root}a"),
            None => m.into(),
        },
    }
}

/// Readings of forms of "šis" (its stem vowel changes: šī, šīs, šai).
const SIS: AdjTable = &[
    ("šajiem", &[(D, PL, M)]),
    ("šajām", &[(D, PL, F)]),
    ("šajos", &[(L, PL, M)]),
    ("šajās", &[(L, PL, F)]),
    ("šajā", &[(L, SG, M), (L, SG, F)]),
    ("šiem", &[(D, PL, M)]),
    ("šīm", &[(D, PL, F)]),
    ("šais", &[(L, PL, M), (L, PL, F)]),
    ("šis", &[(N, SG, M)]),
    ("šī", &[(N, SG, F), (G, SG, M)]),
    ("šīs", &[(G, SG, F), (N, PL, F), (A, PL, F)]),
    ("šim", &[(D, SG, M)]),
    ("šai", &[(D, SG, F), (L, SG, M), (L, SG, F)]),
    ("šo", &[(A, SG, M), (A, SG, F), (G, PL, M), (G, PL, F)]),
    ("šie", &[(N, PL, M)]),
    ("šos", &[(A, PL, M)]),
];

fn decode_inner(engine: &Engine, raw: &RawAnalysis<'_>, form: &str, out: &mut Vec<Analysis>) {
    let (pf, inf, of) = engine.chain_flags(raw);
    let rule_morph = |id: Option<u32>| id.map_or("", |id| &*engine.rule(id).morph);
    // The outermost `is:` and `po:` win.
    let is = [raw.outer, raw.inner, raw.prefix]
        .into_iter()
        .find_map(|id| field(rule_morph(id), "is"));
    let po = [raw.outer, raw.inner]
        .into_iter()
        .find_map(|id| field(rule_morph(id), "po"))
        .or_else(|| field(raw.entry.morph, "po"))
        .unwrap_or("");
    let inner_add = raw.inner.map_or("", |id| &*engine.rule(id).add);
    let inner_strip = raw.inner.map_or("", |id| &*engine.rule(id).strip);
    let stem = raw.stem;
    let mut a = bare(stem, Pos::Other, "");
    a.raw = engine.raw_string(raw);
    a.negated = pf.as_char() == '-';
    let fc = |f: Flag| f.as_char();
    let verbal = po.starts_with("darb")
        || (po.is_empty() && inf != Flag::NONE && VERBAL_FLAGS.contains(fc(inf)));

    if fc(pf) == ']' {
        a.pos = Pos::Verb;
        a.verb_form = Some(VerbForm::Debitive);
        a.reflexive = is.is_some_and(|c| c.as_bytes().get(3) == Some(&b'a'));
        out.push(a);
        return;
    }

    if verbal || matches!(fc(inf), 'J' | 'j') {
        a.pos = Pos::Verb;
        match fc(inf) {
            'J' | 'j' => {
                let root = stem.strip_suffix(inner_strip).unwrap_or(stem);
                a.pos = Pos::Noun;
                a.derivation = Some(Derivation::ShanaNoun { verb: stem.into() });
                a.gender = Some(Gender::Fem);
                if fc(inf) == 'j' {
                    a.lemma = format!("{root}šanās");
                    a.reflexive = true;
                    let readings: &[Reading] = if form.ends_with("šanās") {
                        &[
                            (Some(Case::Nom), Some(Number::Sing), Some(Gender::Fem)),
                            (Some(Case::Gen), Some(Number::Sing), Some(Gender::Fem)),
                        ]
                    } else {
                        &[(Some(Case::Acc), Some(Number::Sing), Some(Gender::Fem))]
                    };
                    push_readings(a, readings, out);
                } else {
                    a.lemma = format!("{root}šana");
                    push_readings(a, &noun_readings(form, 4), out);
                }
                return;
            }
            '5' => {
                participle(&mut a, ParticipleKind::Ts, of, pf, form, out);
                return;
            }
            '0' | '1' | '2' | '%' | '!' | ')' | '@' => {
                let kind = if inner_add.contains("am") || inner_add.contains("ām") {
                    ParticipleKind::Ams
                } else {
                    ParticipleKind::Oss
                };
                a.reflexive = inner_add.ends_with("ies");
                participle(&mut a, kind, of, pf, form, out);
                return;
            }
            '7' | '8' | '^' | '6' => {
                participle(&mut a, ParticipleKind::IsUsi, of, pf, form, out);
                return;
            }
            '3' | '4' | '+' | '$' => {
                a.reflexive = matches!(fc(inf), '+' | '$');
                participle(&mut a, ParticipleKind::Dams, of, pf, form, out);
                return;
            }
            '&' | '*' => {
                a.reflexive = true;
                let p = Participle {
                    passive: false,
                    past: true,
                    kind: ParticipleKind::IsUsi,
                };
                a.verb_form = Some(VerbForm::Participle(p));
                a.tense = Some(Tense::Past);
                if let Some(code) = is {
                    let b = code.as_bytes();
                    if b.len() == 4 {
                        a.number = number(b[0]);
                        a.gender = match b[1] {
                            b'v' => Some(Gender::Masc),
                            b's' => Some(Gender::Fem),
                            _ => None,
                        };
                        a.case = case(b[2]);
                    }
                }
                out.push(a);
                return;
            }
            _ => {}
        }
        match is {
            Some(code) if code.len() == 5 => {
                let b = code.as_bytes();
                a.person = match b[0] {
                    b'1' => Some(1),
                    b'2' => Some(2),
                    b'3' => Some(3),
                    _ => None,
                };
                a.number = number(b[1]);
                a.tense = match b[2] {
                    b'p' => Some(Tense::Past),
                    b't' => Some(Tense::Pres),
                    b'n' => Some(Tense::Fut),
                    _ => None,
                };
                a.reflexive = b[3] == b'a';
                a.verb_form = Some(match b[4] {
                    b'a' => VerbForm::Finite(Mood::Relative),
                    b'p' => VerbForm::Finite(Mood::Imperative),
                    b'v' => VerbForm::Debitive,
                    _ => VerbForm::Finite(Mood::Indicative),
                });
                // 3rd person forms are also used for plural subjects.
                out.push(a);
            }
            _ if raw.inner.is_none() && raw.outer.is_none() => {
                if stem.ends_with("ties") || stem.ends_with('t') {
                    a.verb_form = Some(VerbForm::Infinitive);
                    a.reflexive = stem.ends_with("ties");
                }
                out.push(a);
            }
            _ => out.push(a),
        }
        return;
    }

    if let Some(rest) = po.strip_prefix("lietv").or_else(|| po.strip_prefix("liet")) {
        a.pos = if rest.ends_with('i') || stem.chars().next().is_some_and(char::is_uppercase) {
            Pos::ProperNoun
        } else {
            Pos::Noun
        };
        let mut decl = rest
            .chars()
            .next()
            .and_then(|c| c.to_digit(10))
            .unwrap_or(0) as u8;
        match fc(inf) {
            'x' => {
                // -nieks → -niece (inner x, outer S/s) or the niece form itself.
                let root = stem.strip_suffix(inner_strip).unwrap_or(stem);
                let nom = if inner_add.contains('/') {
                    inner_add.split('/').next().unwrap_or(inner_add)
                } else {
                    inner_add
                };
                let derived = if raw.outer.is_some() || inner_add.ends_with('e') {
                    format!("{root}{nom}")
                } else {
                    // Declined -niece forms listed directly under x.
                    format!("{}e", root)
                };
                a.derivation = Some(Derivation::Feminine { base: stem.into() });
                decl = if derived.ends_with('a') { 4 } else { 5 };
                a.lemma = derived;
            }
            'P' | 'p' | 'T' | 't' | 'R' | 'r' => {
                if let Some(l) = diminutive_lemma(form, fc(inf)) {
                    a.derivation = Some(Derivation::Diminutive { base: stem.into() });
                    decl = match fc(inf) {
                        'P' | 'p' => 1,
                        'R' | 'r' => 2,
                        _ if l.ends_with('e') => 5,
                        _ => 4,
                    };
                    a.lemma = l;
                }
            }
            _ => {}
        }
        let plural_only = rest.contains('d');
        if rest.contains('g') || rest.starts_with('0') || rest.contains('f') {
            // Indeclinable or a listed form: no reliable case.
            if let Some(code) = is {
                noun_code(&mut a, code);
            }
            out.push(a);
            return;
        }
        let mut readings = noun_readings(form, decl);
        if plural_only {
            readings.retain(|r| r.1 == Some(Number::Plur));
        }
        if readings.is_empty() {
            if let Some(code) = is {
                noun_code(&mut a, code);
            }
            out.push(a);
        } else {
            push_readings(a, &readings, out);
        }
        return;
    }

    if po.starts_with("īpv") || po == "skv" {
        a.pos = if po == "skv" {
            Pos::Numeral
        } else {
            Pos::Adjective
        };
        a.degree = Some(degree(of, inf, pf));
        if fc(inf) == 'w' && inner_add.ends_with("ais") {
            // Ordinals derived under a cardinal: "pirmo" → "pirmais".
            let root = stem.strip_suffix(inner_strip).unwrap_or(stem);
            a.lemma = format!("{root}{inner_add}");
        }
        if matches!(fc(inf), 'Y' | 'X') || matches!(fc(of), 'Y' | 'X') {
            a.degree = Some(degree(inf, of, pf));
        }
        let readings = adjective_readings(form);
        if readings.is_empty() {
            out.push(a);
        } else {
            push_readings(a, &readings, out);
        }
        return;
    }

    a.pos = match po {
        "apstv" => Pos::Adverb,
        "vietnv" | "vientv" => Pos::Pronoun,
        "saiklis" => Pos::Conjunction,
        "izs" => Pos::Interjection,
        "abrev" => Pos::Abbreviation,
        _ => Pos::Other,
    };
    if a.pos == Pos::Pronoun {
        if let Some(code) = is {
            noun_code(&mut a, code);
        } else if raw.inner.is_some() || raw.prefix.is_some() || !stem.ends_with(['s', 'š']) {
            let readings: Vec<Reading> = if stem == "šis" {
                SIS.iter()
                    .find(|(f, _)| *f == form)
                    .map(|(_, r)| r.to_vec())
                    .unwrap_or_default()
            } else {
                adjective_readings(form)
            };
            if !readings.is_empty() {
                push_readings(a, &readings, out);
                return;
            }
        } else {
            a.case = Some(Case::Nom);
            a.number = Some(Number::Sing);
            a.gender = Some(Gender::Masc);
        }
    }
    out.push(a);
}

fn degree(f1: Flag, f2: Flag, pf: Flag) -> Degree {
    let has = |c: char| f1.as_char() == c || f2.as_char() == c;
    if pf.as_char() == '[' {
        Degree::Superlative
    } else if has('Y') || has('X') {
        Degree::Comparative
    } else {
        Degree::Positive
    }
}

fn participle(
    a: &mut Analysis,
    kind: ParticipleKind,
    outer: Flag,
    pf: Flag,
    form: &str,
    out: &mut Vec<Analysis>,
) {
    let p = Participle {
        passive: matches!(kind, ParticipleKind::Ts | ParticipleKind::Ams),
        past: matches!(kind, ParticipleKind::Ts | ParticipleKind::IsUsi),
        kind,
    };
    a.pos = Pos::Verb;
    a.verb_form = Some(VerbForm::Participle(p));
    a.tense = Some(if p.past { Tense::Past } else { Tense::Pres });
    a.degree = Some(degree(outer, Flag::NONE, pf));
    let mut readings = match kind {
        ParticipleKind::IsUsi if form.ends_with("usi") => {
            vec![(Some(Case::Nom), Some(Number::Sing), Some(Gender::Fem))]
        }
        ParticipleKind::IsUsi if form.ends_with("is") && !form.ends_with("ušais") => {
            vec![(Some(Case::Nom), Some(Number::Sing), Some(Gender::Masc))]
        }
        _ => adjective_readings(form),
    };
    if kind == ParticipleKind::Dams {
        readings.retain(|r| r.0 == Some(Case::Nom));
    }
    // "-tu" after a -ts participle is also the conditional mood.
    if kind == ParticipleKind::Ts && outer.as_char() == 'W' && form.ends_with("tu") {
        let mut c = a.clone();
        c.verb_form = Some(VerbForm::Finite(Mood::Conditional));
        c.tense = None;
        c.degree = None;
        out.push(c);
    }
    if readings.is_empty() {
        out.push(a.clone());
    } else {
        push_readings(a.clone(), &readings, out);
    }
}

fn push_readings(a: Analysis, readings: &[Reading], out: &mut Vec<Analysis>) {
    for &(case, number, gender) in readings {
        let mut r = a.clone();
        r.case = case;
        r.number = number;
        r.gender = gender.or(a.gender);
        out.push(r);
    }
}

fn number(b: u8) -> Option<Number> {
    match b {
        b'v' => Some(Number::Sing),
        b'd' => Some(Number::Plur),
        _ => None,
    }
}

fn case(b: u8) -> Option<Case> {
    match b {
        b'n' => Some(Case::Nom),
        b'g' => Some(Case::Gen),
        b'd' => Some(Case::Dat),
        b'a' => Some(Case::Acc),
        b'l' => Some(Case::Loc),
        b'v' => Some(Case::Voc),
        _ => None,
    }
}

/// Applies a three-letter noun/pronoun code like `dpg`.
fn noun_code(a: &mut Analysis, code: &str) {
    let b = code.as_bytes();
    if b.len() == 3 {
        a.number = number(b[0]);
        a.case = case(b[2]);
    }
}

/// The nominative of a diminutive form (`galdiņam` → `galdiņš`).
fn diminutive_lemma(form: &str, flag: char) -> Option<String> {
    let (marker, ending) = match flag {
        'P' | 'p' => ("iņ", "š"),
        'T' | 't' if form.contains("īt") && !form.contains("iņ") => ("īt", "e"),
        'T' | 't' => ("iņ", "a"),
        'R' | 'r' => ("īt", "is"),
        _ => return None,
    };
    let (i, _) = form.rmatch_indices(marker).next()?;
    let root = &form[..i + marker.len()];
    // -īt- stems write -īš- in some forms (ītis → īša).
    Some(format!("{root}{ending}"))
}

const N: Option<Case> = Some(Case::Nom);
const G: Option<Case> = Some(Case::Gen);
const D: Option<Case> = Some(Case::Dat);
const A: Option<Case> = Some(Case::Acc);
const L: Option<Case> = Some(Case::Loc);
const SG: Option<Number> = Some(Number::Sing);
const PL: Option<Number> = Some(Number::Plur);
const M: Option<Gender> = Some(Gender::Masc);
const F: Option<Gender> = Some(Gender::Fem);

type Table = &'static [(&'static str, &'static [(Option<Case>, Option<Number>)])];

const DECL1: Table = &[
    ("iem", &[(D, PL)]),
    ("am", &[(D, SG)]),
    ("us", &[(A, PL)]),
    ("os", &[(L, PL)]),
    ("s", &[(N, SG)]),
    ("š", &[(N, SG)]),
    ("a", &[(G, SG)]),
    ("u", &[(A, SG), (G, PL)]),
    ("ā", &[(L, SG)]),
    ("i", &[(N, PL)]),
];
const DECL2: Table = &[
    ("iem", &[(D, PL)]),
    ("is", &[(N, SG)]),
    ("im", &[(D, SG)]),
    ("us", &[(A, PL)]),
    ("os", &[(L, PL)]),
    ("s", &[(N, SG), (G, SG)]),
    ("a", &[(G, SG)]),
    ("i", &[(A, SG), (N, PL)]),
    ("ī", &[(L, SG)]),
    ("u", &[(G, PL)]),
];
const DECL3: Table = &[
    ("iem", &[(D, PL)]),
    ("us", &[(N, SG), (G, SG), (A, PL)]),
    ("um", &[(D, SG)]),
    ("os", &[(L, PL)]),
    ("u", &[(A, SG), (G, PL)]),
    ("ū", &[(L, SG)]),
    ("i", &[(N, PL)]),
];
const DECL4: Table = &[
    ("ām", &[(D, PL)]),
    ("ās", &[(L, PL)]),
    ("as", &[(G, SG), (N, PL), (A, PL)]),
    ("ai", &[(D, SG)]),
    ("am", &[(D, SG)]),
    ("a", &[(N, SG)]),
    ("u", &[(A, SG), (G, PL)]),
    ("ā", &[(L, SG)]),
];
const DECL5: Table = &[
    ("ēm", &[(D, PL)]),
    ("ēs", &[(L, PL)]),
    ("es", &[(G, SG), (N, PL), (A, PL)]),
    ("ei", &[(D, SG)]),
    ("em", &[(D, SG)]),
    ("e", &[(N, SG)]),
    ("i", &[(A, SG)]),
    ("ē", &[(L, SG)]),
    ("u", &[(G, PL)]),
];
const DECL6: Table = &[
    ("īm", &[(D, PL)]),
    ("īs", &[(L, PL)]),
    ("is", &[(N, PL), (A, PL)]),
    ("ij", &[(D, SG)]),
    ("s", &[(N, SG), (G, SG)]),
    ("i", &[(A, SG)]),
    ("ī", &[(L, SG)]),
    ("u", &[(G, PL)]),
];

/// Every (case, number) a noun form of declension `decl` can have.
fn noun_readings(form: &str, decl: u8) -> Vec<Reading> {
    let (table, gender) = match decl {
        1 => (DECL1, M),
        2 => (DECL2, M),
        3 => (DECL3, M),
        4 => (DECL4, F),
        5 => (DECL5, F),
        6 => (DECL6, F),
        _ => return Vec::new(),
    };
    for (ending, readings) in table {
        if form.ends_with(ending) {
            return readings.iter().map(|&(c, n)| (c, n, gender)).collect();
        }
    }
    Vec::new()
}

type AdjTable = &'static [(&'static str, &'static [Reading])];

/// Adjective (and participle) endings, indefinite and definite, longest
/// first; each ending lists all its readings.
const ADJ: AdjTable = &[
    ("ajiem", &[(D, PL, M)]),
    ("ajam", &[(D, SG, M)]),
    ("ajai", &[(D, SG, F)]),
    ("ajām", &[(D, PL, F)]),
    ("ajās", &[(L, PL, F)]),
    ("ajos", &[(L, PL, M)]),
    ("ajā", &[(L, SG, M), (L, SG, F)]),
    ("ais", &[(N, SG, M)]),
    ("iem", &[(D, PL, M)]),
    ("am", &[(D, SG, M)]),
    ("ai", &[(D, SG, F)]),
    ("ām", &[(D, PL, F)]),
    ("ās", &[(L, PL, F), (G, SG, F), (N, PL, F), (A, PL, F)]),
    ("as", &[(G, SG, F), (N, PL, F), (A, PL, F)]),
    ("us", &[(A, PL, M)]),
    ("os", &[(L, PL, M), (A, PL, M)]),
    ("ie", &[(N, PL, M)]),
    ("s", &[(N, SG, M)]),
    ("š", &[(N, SG, M)]),
    ("a", &[(N, SG, F), (G, SG, M)]),
    ("u", &[(A, SG, M), (A, SG, F), (G, PL, M), (G, PL, F)]),
    ("ā", &[(L, SG, M), (L, SG, F), (G, SG, M), (N, SG, F)]),
    ("i", &[(N, PL, M)]),
    ("o", &[(A, SG, M), (A, SG, F), (G, PL, M), (G, PL, F)]),
];

fn adjective_readings(form: &str) -> Vec<Reading> {
    for (ending, readings) in ADJ {
        if form.ends_with(ending) {
            return readings.to_vec();
        }
    }
    Vec::new()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn noun_tables() {
        assert_eq!(noun_readings("darbinieku", 1), vec![(A, SG, M), (G, PL, M)]);
        assert_eq!(
            noun_readings("pārbaudes", 5),
            vec![(G, SG, F), (N, PL, F), (A, PL, F)]
        );
        assert_eq!(noun_readings("iestādei", 5), vec![(D, SG, F)]);
        assert!(noun_readings("x", 9).is_empty());
    }

    #[test]
    fn diminutives() {
        assert_eq!(
            diminutive_lemma("galdiņam", 'P').as_deref(),
            Some("galdiņš")
        );
        assert_eq!(diminutive_lemma("mājiņās", 't').as_deref(), Some("mājiņa"));
    }
}
