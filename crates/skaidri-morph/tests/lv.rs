//! Analyses and suggestions over the real embedded lv_LV dictionary.

#![allow(clippy::unwrap_used)]

use skaidri_morph::{
    Analysis, Case, Derivation, Gender, Mood, Morphology, Number, ParticipleKind, Pos, Tense,
    VerbForm,
};

fn analyze(word: &str) -> Vec<Analysis> {
    Morphology::embedded().analyze(word)
}

/// Asserts that some reading of `word` satisfies `pred`, printing all
/// readings otherwise.
#[track_caller]
fn has(word: &str, what: &str, pred: impl Fn(&Analysis) -> bool) {
    let readings = analyze(word);
    assert!(
        readings.iter().any(pred),
        "{word}: no reading {what}; got:\n{}",
        readings
            .iter()
            .map(|a| format!("  {a:?}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn iestazu_is_plural_genitive_of_iestade() {
    has("iestāžu", "iestāde gen pl", |a| {
        a.lemma == "iestāde"
            && a.pos == Pos::Noun
            && a.case == Some(Case::Gen)
            && a.number == Some(Number::Plur)
            && a.raw.contains("po:lietv5r")
            && a.raw.contains("is:dpg")
    });
}

#[test]
fn nodrosinasanai_is_a_shana_noun_dative() {
    has(
        "nodrošināšanai",
        "šana noun of nodrošināt, dat sg",
        |a| {
            a.lemma == "nodrošināšana"
                && a.stem == "nodrošināt"
                && a.base_lemma() == "nodrošināt"
                && a.pos == Pos::Noun
                && a.case == Some(Case::Dat)
                && a.number == Some(Number::Sing)
                && a.derivation
                    == Some(Derivation::ShanaNoun {
                        verb: "nodrošināt".into(),
                    })
                && a.raw.contains("po:darbv31t")
                && a.raw.contains("is:vpd")
                && a.raw.contains("fl:J")
        },
    );
}

#[test]
fn veica_is_past_of_veikt() {
    has("veica", "veikt 3rd past", |a| {
        a.lemma == "veikt"
            && a.person == Some(3)
            && a.tense == Some(Tense::Past)
            && a.verb_form == Some(VerbForm::Finite(Mood::Indicative))
    });
}

#[test]
fn veikta_is_past_passive_participle() {
    has("veikta", "past passive participle, fem nom sg", |a| {
        a.lemma == "veikt"
            && a.is_past_passive_participle()
            && a.case == Some(Case::Nom)
            && a.gender == Some(Gender::Fem)
    });
    has("veiktās", "participle, fem", |a| {
        a.lemma == "veikt" && a.is_past_passive_participle()
    });
}

#[test]
fn tiks_is_future_of_tikt_first() {
    has("tiks", "tikt future", |a| {
        a.lemma == "tikt" && a.tense == Some(Tense::Fut) && a.person == Some(3)
    });
    assert_eq!(analyze("tiks")[0].lemma, "tikt");
    assert_eq!(analyze("tika")[0].lemma, "tikt");
}

#[test]
fn parbaudi_and_parbaudes() {
    has("pārbaudi", "pārbaude acc sg", |a| {
        a.lemma == "pārbaude" && a.case == Some(Case::Acc) && a.number == Some(Number::Sing)
    });
    for case in [Case::Gen, Case::Nom, Case::Acc] {
        has("pārbaudes", "pārbaude gen sg / nom,acc pl", |a| {
            a.lemma == "pārbaude" && a.case == Some(case)
        });
    }
    assert_eq!(analyze("pārbaudes")[0].lemma, "pārbaude");
}

#[test]
fn veiksana_is_shana_noun_of_veikt() {
    has("veikšana", "šana noun", |a| {
        a.lemma == "veikšana"
            && a.base_lemma() == "veikt"
            && a.is_shana_noun()
            && a.case == Some(Case::Nom)
    });
    has("veikšanas", "šana noun gen", |a| {
        a.base_lemma() == "veikt" && a.case == Some(Case::Gen)
    });
}

#[test]
fn darbinieku_acc_sg_and_gen_pl() {
    // Hunspell's own analysis gives only `is:vpa` (accusative singular);
    // the declension table adds the genitive plural it shares the form with.
    has("darbinieku", "acc sg", |a| {
        a.lemma == "darbinieks" && a.case == Some(Case::Acc) && a.number == Some(Number::Sing)
    });
    has("darbinieku", "gen pl", |a| {
        a.lemma == "darbinieks" && a.case == Some(Case::Gen) && a.number == Some(Number::Plur)
    });
}

#[test]
fn precizejams_is_ams_participle() {
    has("precizējams", "-ams participle", |a| {
        a.lemma == "precizēt"
            && matches!(
                a.verb_form,
                Some(VerbForm::Participle(p)) if p.kind == ParticipleKind::Ams && p.passive && !p.past
            )
    });
}

#[test]
fn ne_prefix() {
    has("neveica", "negated veikt", |a| {
        a.lemma == "veikt" && a.negated
    });
    has(
        "nepieciešams",
        "negated adjective keeps ne- in lemma",
        |a| a.lemma == "nepieciešams" && a.negated,
    );
}

#[test]
fn ja_debitive() {
    has("jāiesniedz", "debitive of iesniegt", |a| {
        a.lemma == "iesniegt" && a.verb_form == Some(VerbForm::Debitive)
    });
    assert!(!Morphology::embedded().is_known("jāiesniegt"));
}

#[test]
fn reflexive_and_irregular() {
    has("ieradās", "ierasties", |a| {
        a.lemma == "ierasties" && a.reflexive
    });
    has("nav", "būt", |a| a.lemma == "būt" && a.negated);
    has("ir", "būt", |a| a.lemma == "būt" && a.pos == Pos::Verb);
    has("jābūt", "debitive of būt", |a| {
        a.lemma == "būt" && a.verb_form == Some(VerbForm::Debitive)
    });
    has("ātrāk", "comparative adverb of ātri", |a| {
        a.lemma == "ātri" && a.pos == Pos::Adverb
    });
}

#[test]
fn case_fallback_for_capitals() {
    has("Pārbaudes", "sentence-initial", |a| a.lemma == "pārbaude");
    has("PĀRBAUDES", "heading", |a| a.lemma == "pārbaude");
    has("RĪGĀ", "proper noun in caps", |a| a.lemma == "Rīga");
    assert!(analyze("rīgā").is_empty(), "proper nouns stay capitalised");
}

#[test]
fn terms_are_known() {
    let m = Morphology::embedded();
    for t in ["VARAM", "VID", "VSAA", "NVO", "ES", "ERAF", "IeM", "ĀM"] {
        assert!(m.is_known_term(t), "{t}");
        assert!(m.is_known(t), "{t}");
    }
    assert_eq!(
        m.terms().expansion("VARAM"),
        Some("Vides aizsardzības un reģionālās attīstības ministrija")
    );
    assert!(!m.is_known_term("varam"));
    // Terms written as .dic lines inflect.
    assert!(m.is_known("kiberdrošības"));
    assert!(m.is_known("valstspilsētās"));
    has("pagastpārvaldei", "terms noun, dat sg", |a| {
        a.lemma == "pagastpārvalde" && a.case == Some(Case::Dat)
    });
}

#[test]
fn suggestions_restore_diacritics_first() {
    let m = Morphology::embedded();
    assert_eq!(m.suggest("pasvaldiba", 5)[0], "pašvaldība");
    assert_eq!(m.suggest("sniegsana", 5)[0], "sniegšana");
    assert_eq!(m.suggest("Pasvaldibas", 5)[0], "Pašvaldības");
    assert_eq!(m.suggest("iestazu", 5)[0], "iestāžu");
    assert!(
        m.suggest("pašvaldība", 5).is_empty(),
        "known words get none"
    );
}

#[test]
fn suggestions_for_typos() {
    let m = Morphology::embedded();
    let s = m.suggest("pārbaudde", 5);
    assert!(s.contains(&"pārbaude".to_owned()), "{s:?}");
    let s = m.suggest("iestdes", 5);
    assert!(s.contains(&"iestādes".to_owned()), "{s:?}");
    assert!(m.suggest("zzzzqqqq", 5).len() <= 5);
}

#[test]
fn embedded_is_shared_across_threads() {
    let handles: Vec<_> = (0..2)
        .map(|_| std::thread::spawn(|| Morphology::embedded().is_known("iestāde")))
        .collect();
    for h in handles {
        assert!(h.join().unwrap());
    }
}

#[test]
fn odd_input_never_panics() {
    let m = Morphology::embedded();
    let long = "ā".repeat(200);
    for w in [
        "", " ", "-", "123", "a-b", "e-pasts", "🙂", "Ā", "ǅ", "ß", "x\u{301}", &long,
    ] {
        let _ = m.analyze(w);
        let _ = m.is_known(w);
        assert!(m.suggest(w, 5).len() <= 5);
    }
    assert!(m.suggest("pasvaldiba", 0).is_empty());
}
