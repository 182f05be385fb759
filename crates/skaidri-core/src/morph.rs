//! Morphological annotation of a segmented text: every word token gets the
//! readings (lemma, part of speech, case, number, verb form, derivation) that
//! `skaidri-morph` gives for its form.
//!
//! The first reading of a token is the one its sentence context prefers
//! (`skaidri_morph::context_preferences`), so lemma-aware rules that look
//! at the first reading see "savu grāmatu" as "sava", "no rīta" as "rīts".
//!
//! Analyses are computed once per distinct word form of the text — a
//! document repeats its forms a lot (the Labour Protection Law has 4 700
//! words but about 1 700 distinct forms), so the cache halves or better the
//! analysis work. The dictionary itself ([`Morphology::embedded`]) is built
//! on first use and shared by every analyser in the process.
//!
//! Architecture invariant: like the rest of the core, this module does no
//! I/O; the dictionary is embedded in `skaidri-morph` as `&str`.

use crate::segment::{Segmented, TokenKind};
use std::collections::HashMap;

pub use skaidri_morph::{
    Analysis, Case, Degree, Derivation, Gender, Mood, Morphology, Number, Participle,
    ParticipleKind, Pos, Tense, VerbForm,
};

/// The readings of one distinct word form.
#[derive(Debug, Clone, Default)]
pub struct Form {
    /// Every reading, most plausible first (empty for unknown words).
    pub analyses: Vec<Analysis>,
}

/// Analyses for every token of one text, shared per distinct form.
#[derive(Debug, Clone, Default)]
pub struct Annotations {
    forms: Vec<Form>,
    /// Index into `forms` per token; `NONE` for tokens that are not words.
    by_token: Vec<u32>,
    /// Number of distinct forms (`forms` also holds reordered copies).
    distinct: usize,
}

const NONE: u32 = u32::MAX;

impl Annotations {
    /// Annotates every word token of `seg` (a segmentation of `text`).
    pub fn new(text: &str, seg: &Segmented, morph: &Morphology) -> Annotations {
        let mut cache: HashMap<&str, u32> = HashMap::new();
        let mut forms = Vec::new();
        let mut by_token = Vec::with_capacity(seg.tokens.len());
        for t in &seg.tokens {
            if t.kind != TokenKind::Word {
                by_token.push(NONE);
                continue;
            }
            let w = t.text(text);
            let id = *cache.entry(w).or_insert_with(|| {
                forms.push(Form {
                    analyses: morph.analyze(w),
                });
                (forms.len() - 1) as u32
            });
            by_token.push(id);
        }
        let distinct = forms.len();
        let mut ann = Annotations {
            forms,
            by_token,
            distinct,
        };
        ann.apply_context(text, seg);
        ann
    }

    /// Puts first, per token, the reading its sentence context prefers
    /// (`skaidri_morph::context_preferences`: agreement, government…).
    /// A token whose order changes gets its own reordered copy of its
    /// form's readings; the rest keep sharing them.
    fn apply_context(&mut self, text: &str, seg: &Segmented) {
        let mut changes: Vec<(usize, u32, usize)> = Vec::new();
        for s in &seg.sentences {
            let toks: Vec<skaidri_morph::ContextToken<'_>> = s
                .tokens
                .clone()
                .map(|i| (seg.tokens[i].text(text), self.analyses(i)))
                .collect();
            for (i, pref) in s
                .tokens
                .clone()
                .zip(skaidri_morph::context_preferences(&toks))
            {
                if let Some(k) = pref {
                    changes.push((i, self.by_token[i], k));
                }
            }
        }
        for (i, id, k) in changes {
            let mut analyses = self.forms[id as usize].analyses.clone();
            let first = analyses.remove(k);
            analyses.insert(0, first);
            self.forms.push(Form { analyses });
            self.by_token[i] = (self.forms.len() - 1) as u32;
        }
    }

    /// The readings of token `i` (empty for non-words and unknown words).
    pub fn analyses(&self, i: usize) -> &[Analysis] {
        match self.by_token.get(i) {
            Some(&id) if id != NONE => &self.forms[id as usize].analyses,
            _ => &[],
        }
    }

    /// Whether token `i` is a word that the dictionary analyses.
    pub fn is_analysed(&self, i: usize) -> bool {
        !self.analyses(i).is_empty()
    }

    /// Number of distinct word forms analysed.
    pub fn distinct_forms(&self) -> usize {
        self.distinct
    }
}

/// Annotations computed on first use: engines that never look at
/// morphology cost nothing, and the dictionary is not even built (about
/// 40 ms) for a rule set without morphology-driven rules.
pub struct LazyAnnotations<'a> {
    text: &'a str,
    seg: &'a Segmented,
    morph: fn() -> &'static Morphology,
    cell: std::cell::OnceCell<Annotations>,
}

impl std::fmt::Debug for LazyAnnotations<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LazyAnnotations")
            .field("computed", &self.cell.get().is_some())
            .finish()
    }
}

impl<'a> LazyAnnotations<'a> {
    /// Annotations of `seg` (a segmentation of `text`), computed with the
    /// dictionary `morph` returns — called, and so built, only on the first
    /// call to [`LazyAnnotations::get`] or [`LazyAnnotations::morphology`].
    pub fn new(text: &'a str, seg: &'a Segmented, morph: fn() -> &'static Morphology) -> Self {
        LazyAnnotations {
            text,
            seg,
            morph,
            cell: std::cell::OnceCell::new(),
        }
    }

    /// The annotations (computed now if needed).
    pub fn get(&self) -> &Annotations {
        self.cell
            .get_or_init(|| Annotations::new(self.text, self.seg, (self.morph)()))
    }

    /// The morphology.
    pub fn morphology(&self) -> &'static Morphology {
        (self.morph)()
    }
}

/// Up to `max` spelling suggestions for `word`, best first (diacritic
/// restorations first: "pasvaldiba" → "pašvaldība"). Costs milliseconds per
/// word — call it where output shows suggestions, not for every finding.
pub fn spelling_suggestions(word: &str, max: usize) -> Vec<String> {
    Morphology::embedded().suggest(word, max)
}

/// Short lowercase name of a part of speech, as used in rule patterns and
/// JSON output (`noun`, `verb`, `adj`, …).
pub fn pos_name(p: Pos) -> &'static str {
    match p {
        Pos::Noun => "noun",
        Pos::Verb => "verb",
        Pos::Adjective => "adj",
        Pos::Adverb => "adv",
        Pos::Pronoun => "pron",
        Pos::Numeral => "num",
        Pos::Preposition => "prep",
        Pos::Conjunction => "conj",
        Pos::Particle => "part",
        Pos::Interjection => "intj",
        Pos::ProperNoun => "propn",
        Pos::Abbreviation => "abbr",
        _ => "other",
    }
}

/// Short lowercase name of a case (`nom`, `gen`, `dat`, `acc`, `ins`, `loc`, `voc`).
pub fn case_name(c: Case) -> &'static str {
    match c {
        Case::Nom => "nom",
        Case::Gen => "gen",
        Case::Dat => "dat",
        Case::Acc => "acc",
        Case::Ins => "ins",
        Case::Loc => "loc",
        Case::Voc => "voc",
    }
}

/// Short lowercase name of a number (`sing`, `plur`).
pub fn number_name(n: Number) -> &'static str {
    match n {
        Number::Sing => "sing",
        Number::Plur => "plur",
    }
}

/// Whether the reading is a finite verb form, an infinitive or a debitive —
/// the forms a plain verb can replace one for one.
pub fn is_clause_verb(a: &Analysis) -> bool {
    a.pos == Pos::Verb
        && matches!(
            a.verb_form,
            Some(VerbForm::Finite(_) | VerbForm::Infinitive | VerbForm::Debitive)
        )
}

/// The form of verb `lemma` with the same verb form, person, tense and
/// number as `like` ("pārbaudīt" like "veica" → "pārbaudīja"), or `None`
/// when `like` is not a finite verb, infinitive or debitive, or the form
/// cannot be found.
///
/// `skaidri-morph` analyses but does not generate, so this builds the
/// candidate forms of the regular conjugations (stem + ending) and keeps
/// the first one that the dictionary analyses as exactly that form of
/// `lemma`. Irregular first-conjugation stems ("nolemt" → "nolēma") find
/// nothing and give `None`, never a wrong word.
pub fn inflect_like(m: &Morphology, lemma: &str, like: &Analysis) -> Option<String> {
    if !is_clause_verb(like) {
        return None;
    }
    inflect(
        m,
        lemma,
        like.verb_form?,
        like.tense,
        like.person,
        like.number,
    )
}

/// The form of verb `lemma` with this verb form, tense, person and number
/// (`None` matches forms without that feature; a number of `None` on
/// either side matches both). See [`inflect_like`].
pub fn inflect(
    m: &Morphology,
    lemma: &str,
    form: VerbForm,
    tense: Option<Tense>,
    person: Option<u8>,
    number: Option<Number>,
) -> Option<String> {
    if form == VerbForm::Infinitive {
        return m
            .analyze(lemma)
            .iter()
            .any(|a| a.verb_form == Some(VerbForm::Infinitive))
            .then(|| lemma.to_string());
    }
    let number_ok = |a: Option<Number>| a.is_none() || number.is_none() || a == number;
    candidates(lemma).into_iter().find(|c| {
        m.analyze(c).iter().any(|a| {
            (a.lemma == lemma || a.stem == lemma)
                && a.verb_form == Some(form)
                && a.tense == tense
                && a.person == person
                && number_ok(a.number)
                && !a.negated
        })
    })
}

/// Candidate finite forms of a verb infinitive, regular conjugations only.
fn candidates(lemma: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let vowel = |c: char| matches!(c, 'ā' | 'ē' | 'ī' | 'o' | 'a' | 'e' | 'i');
    let root_of = |s: &str| -> String {
        match s.chars().last() {
            Some(c) if vowel(c) => s[..s.len() - c.len_utf8()].to_string(),
            _ => s.to_string(),
        }
    };
    if let Some(base) = lemma.strip_suffix("ties") {
        let r = root_of(base);
        for e in [
            "jas", "jās", "sies", "jos", "jamies", "jāmies", "simies", "jaties", "jāties",
            "sieties", "toties", "joties",
        ] {
            out.push(format!("{base}{e}"));
        }
        for e in [
            "as", "ās", "amies", "āmies", "aties", "āties", "os", "oties",
        ] {
            out.push(format!("{r}{e}"));
        }
        let pres: Vec<String> = vec![format!("{base}jas"), format!("{r}as")];
        for p in pres {
            out.push(format!("jā{p}"));
        }
    } else if let Some(s) = lemma.strip_suffix('t') {
        let r = root_of(s);
        let pres3 = [s.to_string(), format!("{r}a"), r.clone(), format!("{s}j")];
        out.extend(pres3.iter().cloned());
        for e in ["ju", "jam", "jat", "ji", "jiet"] {
            out.push(format!("{s}{e}"));
        }
        for e in ["u", "ām", "am", "āt", "at", "i", "iet"] {
            out.push(format!("{r}{e}"));
        }
        for e in [
            "ja", "jām", "jāt", "s", "šu", "sim", "siet", "sit", "si", "tu", "jot",
        ] {
            out.push(format!("{s}{e}"));
        }
        out.push(format!("{r}ot"));
        for p in pres3 {
            out.push(format!("jā{p}"));
        }
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|c| !c.is_empty() && seen.insert(c.clone()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    #[test]
    fn repeated_forms_are_analysed_once() {
        let text = "Pārbaudi veica. Pārbaudi veica vēlreiz.";
        let seg = segment(text);
        let a = Annotations::new(text, &seg, Morphology::embedded());
        assert_eq!(a.distinct_forms(), 3);
        let first = seg.tokens.iter().position(|t| t.text(text) == "veica");
        let i = first.unwrap();
        assert!(a.analyses(i).iter().any(|r| r.lemma == "veikt"));
        // punctuation has no readings
        let dot = seg.tokens.iter().position(|t| t.text(text) == ".").unwrap();
        assert!(a.analyses(dot).is_empty());
    }

    #[test]
    fn sentence_context_orders_each_token() {
        // "savu" alone ranks the masculine "savs" first; before a feminine
        // noun the feminine "sava" comes first, for that token only.
        let text = "Viņš paņēma savu grāmatu. Tas ir savu.";
        let seg = segment(text);
        let a = Annotations::new(text, &seg, Morphology::embedded());
        let at: Vec<usize> = seg
            .tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| t.text(text) == "savu")
            .map(|(i, _)| i)
            .collect();
        assert_eq!(a.analyses(at[0])[0].lemma, "sava");
        assert_eq!(a.analyses(at[1])[0].lemma, "savs");
        assert_eq!(a.distinct_forms(), 6);
    }

    fn like(word: &str, lemma: &str) -> Analysis {
        Morphology::embedded()
            .analyze(word)
            .into_iter()
            .find(|a| a.lemma == lemma && is_clause_verb(a))
            .unwrap()
    }

    #[test]
    fn inflects_the_plain_verb_like_the_light_verb() {
        let m = Morphology::embedded();
        let cases = [
            ("veica", "veikt", "pārbaudīt", "pārbaudīja"),
            ("veiks", "veikt", "grozīt", "grozīs"),
            ("sniedz", "sniegt", "atbalstīt", "atbalsta"),
            ("sniedza", "sniegt", "informēt", "informēja"),
            ("veikt", "veikt", "samaksāt", "samaksāt"),
            ("jāveic", "veikt", "pārbaudīt", "jāpārbauda"),
            ("nodrošina", "nodrošināt", "ļaut", "ļauj"),
            ("veiksim", "veikt", "mainīt", "mainīsim"),
            ("veica", "veikt", "rīkoties", "rīkojās"),
        ];
        for (form, light, plain, want) in cases {
            let got = inflect_like(m, plain, &like(form, light));
            assert_eq!(got.as_deref(), Some(want), "{plain} like {form}");
        }
        // an irregular past is not guessed
        assert_eq!(inflect_like(m, "nolemt", &like("pieņēma", "pieņemt")), None);
    }
}
