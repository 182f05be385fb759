//! The affix engine over a tiny hand-made dictionary: every mechanism
//! lv_LV uses (prefix, twofold suffix, circumfix, NEEDAFFIX) in isolation.

#![allow(clippy::unwrap_used)]

use skaidri_morph::{MorphError, Morphology};

const AFF: &str = "SET UTF-8
TRY abcdeikstuvā
NEEDAFFIX {
CIRCUMFIX |
NOSUGGEST }
REP 1
REP ks kš

PFX - Y 1
PFX - 0 ne .

PFX ] Y 1
PFX ] 0 jā/| .

SFX A Y 2
SFX A t u [^ā]t is:1vpt0
SFX A t 0/]| t is:0xttv

SFX T Y 1
SFX T t ts/W t

SFX W Y 2
SFX W s a s
SFX W s ai s

SFX N Y 2
SFX N s a s is:vpg
SFX N s am s is:vpd
";

const DIC: &str = "4
veikt/AT- po:darbv14t
galds/N po:lietv1r
bīt/{A
slikts/} po:īpv1i
";

fn m() -> Morphology {
    Morphology::from_hunspell(AFF, DIC).unwrap()
}

/// The raw hunspell-style fields of every analysis, sorted.
#[track_caller]
fn check(word: &str, expect: &[&str]) {
    let mut got: Vec<String> = m().analyze(word).into_iter().map(|a| a.raw).collect();
    got.sort();
    got.dedup();
    assert_eq!(got, expect, "analyses of {word:?}");
}

#[test]
fn plain_entry_and_suffix() {
    check("galds", &["st:galds po:lietv1r"]);
    check("galda", &["st:galds po:lietv1r is:vpg fl:N"]);
    check("galdam", &["st:galds po:lietv1r is:vpd fl:N"]);
    check("galdu", &[]);
}

#[test]
fn conditions_are_checked() {
    check("veiku", &["st:veikt po:darbv14t is:1vpt0 fl:A"]);
}

#[test]
fn prefix_needs_the_entry_flag() {
    check("neveiku", &["st:veikt po:darbv14t is:1vpt0 fl:- fl:A"]);
    check("negalda", &[]);
}

#[test]
fn twofold_suffix() {
    check("veikts", &["st:veikt po:darbv14t fl:T"]);
    check("veiktai", &["st:veikt po:darbv14t fl:T fl:W"]);
    check("neveikta", &["st:veikt po:darbv14t fl:- fl:T fl:W"]);
}

#[test]
fn circumfix_needs_both_halves() {
    check("jāveik", &["st:veikt po:darbv14t is:0xttv fl:] fl:A"]);
    check("veik", &[]);
}

#[test]
fn needaffix_entry_is_not_a_word_alone() {
    let m = m();
    assert!(!m.is_known("bīt"));
    assert!(m.is_known("bīu"));
}

#[test]
fn nosuggest_words_are_known_but_never_suggested() {
    let m = m();
    assert!(m.is_known("slikts"));
    assert!(!m.suggest("sliktss", 5).contains(&"slikts".to_owned()));
    let s = m.suggest("galdz", 5);
    assert!(s.contains(&"galds".to_owned()), "{s:?}");
}

#[test]
fn user_words() {
    let mut m = m();
    assert!(!m.is_known("skaidri"));
    m.add_words(["skaidri"]);
    assert!(m.is_known("skaidri"));
    assert_eq!(m.analyze("skaidri")[0].lemma, "skaidri");
}

#[test]
fn errors_name_file_and_line() {
    let err = Morphology::from_hunspell("SFX A Y 2\nSFX A 0 s .\n", "").unwrap_err();
    assert!(matches!(err, MorphError::Syntax { line: 1, .. }), "{err}");
    let err = Morphology::from_hunspell("", "1\nvārds/Aé\n").unwrap_err();
    assert_eq!(err.to_string(), ".dic:2: unsupported: non-ASCII flag 'é'");
    let err = Morphology::from_hunspell("FLAG long\n", "").unwrap_err();
    assert!(err.to_string().starts_with(".aff:1: unsupported"), "{err}");
}
