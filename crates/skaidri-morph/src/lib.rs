//! Latvian morphology and spelling for skaidri, in pure Rust.
//!
//! # Brief overview
//!
//! [`Morphology`] is a hunspell-style affix analyser over the lv_LV
//! dictionary (Debian hunspell-lv 1.4.0, LGPL-2.1+), loaded from `&str` and
//! `Send + Sync`. [`Morphology::analyze`] returns every way the dictionary
//! generates a word form, decoded into [`Analysis`] values: lemma, part of
//! speech, case, number, gender, person, tense, verb form (participles,
//! debitive, …), derivation (-šana nouns) and the raw hunspell fields.
//! [`Morphology::suggest`] proposes spellings, diacritic restorations first.
//! [`Morphology::embedded`] is the built-in dictionary plus the government
//! terms list, so a binary needs no files beside it.
//!
//! ```
//! use skaidri_morph::{Morphology, Case, Number};
//! let m = Morphology::embedded();
//! let a = m.analyze("iestāžu");
//! assert!(a.iter().any(|a| a.lemma == "iestāde"
//!     && a.case == Some(Case::Gen) && a.number == Some(Number::Plur)));
//! assert_eq!(m.suggest("pasvaldiba", 3)[0], "pašvaldība");
//! ```
//!
//! # Caching
//!
//! [`Morphology`] caches nothing per word form: `analyze` is a pure
//! function of the word and costs about 10 µs. Caching is the caller's
//! business: keep an [`AnalysisCache`] per thread or document (real text
//! repeats its forms, so most lookups hit). This keeps [`Morphology`] free
//! of locks and of memory that grows with the text.
//! The embedded word list and word frequencies are tables built at compile
//! time (`build.rs`, `src/static_dict.rs`) and read in place, so start-up only
//! parses the affix file (about 3 ms). Lazily built and shared: the
//! diacritic-folded index (first `suggest`) and, for a custom list given to
//! [`Morphology::set_word_frequencies`], its frequency map.
//!
//! # What is deliberately absent
//!
//! No I/O: all data arrives as `&str`. No compounding (lv_LV does not use
//! hunspell compounding). No C++ hunspell: see `README.md` in this crate for
//! why, with measurements.
#![deny(missing_docs)]

mod aff;
mod cache;
mod context;
mod dicfmt;
mod engine;
mod error;
mod lv;
mod static_dict;
mod suggest;
mod tags;
mod terms;

use std::sync::{LazyLock, OnceLock};

use rustc_hash::{FxHashMap, FxHashSet};

pub use cache::AnalysisCache;
pub use context::{context_choices, context_preferences, Token as ContextToken};
pub use error::{MorphError, Source};
pub use tags::{
    Analysis, Case, Degree, Derivation, Gender, Mood, Number, Participle, ParticipleKind, Pos,
    Tense, VerbForm,
};
pub use terms::Terms;

use engine::Engine;

/// The embedded lv_LV affix file.
pub const LV_AFF: &str = include_str!("../../../dictionaries/hunspell-lv/lv_LV.aff");
/// The embedded lv_LV dictionary file.
pub const LV_DIC: &str = include_str!("../../../dictionaries/hunspell-lv/lv_LV.dic");
/// The embedded government-terms list.
pub const TERMS_LV: &str = include_str!("../../../dictionaries/terms-lv.txt");
/// The embedded word-frequency list (wordfreq 3.1.1, `word<TAB>zipf`).
pub const WORDFREQ_LV: &str = include_str!("../../../dictionaries/wordfreq-lv/wordfreq_lv.tsv");

/// A Latvian morphological analyser and speller. `Send + Sync`.
#[derive(Debug)]
pub struct Morphology {
    engine: Engine,
    user: FxHashSet<Box<str>>,
    terms: Terms,
    freq_text: &'static str,
    /// The precomputed table when `freq_text` is the embedded list.
    freq_static: Option<&'static static_dict::StaticFreq>,
    freq: OnceLock<FxHashMap<&'static str, f32>>,
    folded: OnceLock<suggest::Folded>,
}

static EMBEDDED: LazyLock<Morphology> = LazyLock::new(|| {
    // The word list was parsed from LV_DIC at build time (build.rs).
    let engine = Engine::with_static(LV_AFF, &static_dict::LV);
    let mut m = match engine.map(Morphology::with_engine) {
        Ok(m) => m,
        Err(e) => unreachable!("the embedded lv_LV dictionary is tested to parse: {e}"),
    };
    if let Err(e) = m.set_terms(Terms::parse(TERMS_LV)) {
        unreachable!("the embedded terms list is tested to parse: {e}");
    }
    // WORDFREQ_LV was parsed into this table at build time (build.rs); not
    // referring to the text keeps its 650 KB out of binaries.
    m.freq_static = Some(&static_dict::LV_FREQ);
    m
});

impl Morphology {
    /// Loads a hunspell dictionary from the text of its `.aff` and `.dic`
    /// files. Errors name the file kind and line.
    pub fn from_hunspell(aff: &str, dic: &str) -> Result<Self, MorphError> {
        Ok(Morphology::with_engine(Engine::new(aff, dic)?))
    }

    fn with_engine(engine: Engine) -> Morphology {
        Morphology {
            engine,
            user: FxHashSet::default(),
            terms: Terms::default(),
            freq_text: "",
            freq_static: None,
            freq: OnceLock::new(),
            folded: OnceLock::new(),
        }
    }

    /// The built-in lv_LV dictionary with the government-terms list, built
    /// on first use.
    pub fn embedded() -> &'static Morphology {
        &EMBEDDED
    }

    /// Adds user or workspace words: they become known (no spelling error)
    /// and analyse as themselves with [`Pos::Other`].
    pub fn add_words<I: IntoIterator<Item = S>, S: AsRef<str>>(&mut self, words: I) {
        for w in words {
            let w = w.as_ref().trim();
            if !w.is_empty() {
                self.user.insert(w.into());
            }
        }
        self.folded = OnceLock::new();
    }

    /// Replaces the terms list; its single-word entries become known words
    /// and entries written with `/FLAGS` join the affix dictionary, so they
    /// inflect. Errors name the (`.dic`-style) line that failed.
    pub fn set_terms(&mut self, terms: Terms) -> Result<(), MorphError> {
        for line in terms.dic_lines() {
            self.engine.add_dic_text(line)?;
        }
        let single: Vec<String> = terms
            .iter()
            .filter(|t| !t.contains(' '))
            .map(str::to_owned)
            .collect();
        self.terms = terms;
        self.add_words(single);
        Ok(())
    }

    /// The terms list.
    pub fn terms(&self) -> &Terms {
        &self.terms
    }

    /// Is `word` in the terms list (exact case, e.g. "VARAM")?
    pub fn is_known_term(&self, word: &str) -> bool {
        self.terms.contains(word)
    }

    /// Sets the word-frequency list (`word<TAB>zipf` lines, `#` comments)
    /// used to rank suggestions and ambiguous lemmas.
    pub fn set_word_frequencies(&mut self, tsv: &'static str) {
        self.freq_text = tsv;
        self.freq_static = None;
        self.freq = OnceLock::new();
    }

    /// The word-frequency table: precomputed for the embedded list,
    /// otherwise parsed on first use.
    fn freq(&self) -> Freq<'_> {
        if let Some(t) = self.freq_static {
            return Freq::Static(t);
        }
        Freq::Map(self.freq.get_or_init(|| {
            let text: &'static str = self.freq_text;
            let mut m = FxHashMap::default();
            m.reserve(text.len() / 14);
            for (w, z) in text.lines().filter_map(dicfmt::parse_freq_line) {
                m.insert(w, z);
            }
            m
        }))
    }

    /// Zipf frequency of a lowercase word form (0 when unlisted).
    pub fn zipf(&self, word: &str) -> f32 {
        self.freq().get(word).unwrap_or(0.0)
    }

    /// All readings of `word`, most plausible first. Like hunspell, a
    /// Capitalised word is also looked up in lower case, and an ALL-CAPS
    /// word also capitalised and in lower case; all readings are merged.
    pub fn analyze(&self, word: &str) -> Vec<Analysis> {
        let mut out = Vec::new();
        for variant in case_variants(word) {
            self.analyze_exact(&variant, &mut out);
        }
        if out.len() > 1 {
            // Readings of different spellings ("Daru": the name Daris, the
            // verb darīt) compete on the same ranking.
            let mut uniq: Vec<Analysis> = Vec::with_capacity(out.len());
            for a in out {
                if !uniq.iter().any(|b| same_reading(b, &a)) {
                    uniq.push(a);
                }
            }
            out = uniq;
            self.rank(word, &mut out);
        }
        if out.is_empty() {
            let lower = word.to_lowercase();
            if self.user.contains(word) || self.user.contains(lower.as_str()) {
                out.push(Analysis {
                    lemma: word.into(),
                    stem: word.into(),
                    pos: Pos::Other,
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
                    raw: "user".into(),
                });
            }
        }
        out
    }

    fn analyze_exact(&self, word: &str, out: &mut Vec<Analysis>) {
        let start = out.len();
        let closed = lv::closed_class(word, out);
        let mut raws = Vec::new();
        self.engine.analyze(word, &mut raws);
        let mut decoded = Vec::new();
        for r in &raws {
            lv::decode(&self.engine, r, word, &mut decoded);
        }
        if closed {
            decoded.retain(|a| a.pos != Pos::Conjunction);
        }

        for a in decoded {
            if !out[start..].iter().any(|b| same_reading(b, &a)) {
                out.push(a);
            }
        }
        self.rank(word, &mut out[start..]);
    }

    /// Orders readings, most plausible first (tuned on the UD dev file
    /// only): built-in closed-class readings, then a score from the
    /// lemma's word frequency with penalties for rare readings (vocative,
    /// second person and imperative, nouns whose lemma is rarer than the
    /// form suggests) and a bonus for pronouns and uninflected entries. A
    /// stable sort keeps the engine's order on ties.
    fn rank(&self, word: &str, readings: &mut [Analysis]) {
        if readings.len() < 2 {
            return;
        }
        let freq = self.freq();
        let lower = word.to_lowercase();
        let has_verb = readings.iter().any(|a| a.pos == Pos::Verb);
        let verb_form_memo: std::cell::RefCell<FxHashMap<String, bool>> = Default::default();
        let score = |a: &Analysis| -> f32 {
            if a.raw.ends_with("builtin") {
                return 100.0;
            }
            // Pronouns: rank by the masculine entry so gender readings tie.
            let key = if a.pos == Pos::Pronoun {
                &a.stem
            } else {
                &a.lemma
            };
            let mut s = if key.chars().any(char::is_uppercase) {
                freq.get(key.to_lowercase().as_str())
            } else {
                freq.get(key.as_str())
            }
            .unwrap_or(0.0);
            // A noun or adjective whose lemma is itself a verb form ("tiks",
            // "vēls") borrows that verb's frequency; discount it.
            if has_verb
                && matches!(a.pos, Pos::Noun | Pos::Adjective)
                && *verb_form_memo
                    .borrow_mut()
                    .entry(a.lemma.clone())
                    .or_insert_with(|| self.is_verb_form(&a.lemma))
            {
                s -= 2.5;
            }
            if a.raw.contains(" po:lietv")
                && a.raw
                    .split(' ')
                    .any(|f| f.starts_with("po:lietv") && f.ends_with('d'))
            {
                // Plural-only entries lose to a singular lexeme.
                s -= 4.0;
            }
            if a.lemma == lower
                && !a.raw.contains(" fl:")
                && matches!(a.pos, Pos::Noun | Pos::ProperNoun)
            {
                // The form is itself an uninflected dictionary entry.
                s += 1.0;
            }
            if a.pos == Pos::Adverb && a.raw.contains(" fl:") {
                // Adverbs made from adjective readings come after them.
                s -= 1.5;
            }
            if a.case == Some(Case::Voc) {
                s -= 4.0;
            }
            if a.person == Some(2)
                || matches!(a.verb_form, Some(VerbForm::Finite(Mood::Imperative)))
            {
                s -= 2.0;
            }
            if a.pos == Pos::Pronoun {
                s += 1.5;
            }
            if a.pos == Pos::Numeral {
                // "viena", "vienas": the numeral "viens" (UD lemmatises
                // numerals to the masculine) over the pronoun readings.
                s += 2.0;
            }
            if a.lemma == lower
                && matches!(
                    a.pos,
                    Pos::Adverb | Pos::Conjunction | Pos::Particle | Pos::Preposition
                )
            {
                s += 1.0;
            }
            s
        };
        // Score each reading once (the score may run an extra analysis).
        let mut scored: Vec<(f32, Analysis)> =
            readings.iter().map(|a| (score(a), a.clone())).collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (slot, (_, a)) in readings.iter_mut().zip(scored) {
            *slot = a;
        }
    }

    /// The dictionary's own analyses of `word` in hunspell `-m` notation
    /// (`st:iestāde po:lietv5r is:dpg fl:s`), before decoding, built-in
    /// closed-class readings and ranking; with the same case fallback as
    /// [`Morphology::analyze`]. For debugging and for comparing with C++
    /// hunspell.
    pub fn raw_analyses(&self, word: &str) -> Vec<String> {
        let mut raws = Vec::new();
        for variant in case_variants(word) {
            self.engine.analyze(&variant, &mut raws);
        }
        raws.iter().map(|r| self.engine.raw_string(r)).collect()
    }

    /// Is `word` an inflected verb form (a suffix on a verb entry)?
    fn is_verb_form(&self, word: &str) -> bool {
        let mut raws = Vec::new();
        self.engine.analyze(word, &mut raws);
        raws.iter().any(|r| {
            r.inner.is_some() && r.entry.morph.split(' ').any(|f| f.starts_with("po:darb"))
        })
    }

    /// Is `word` spelled correctly: a dictionary form, a user word or a
    /// term? Case fallback as in [`Morphology::analyze`].
    pub fn is_known(&self, word: &str) -> bool {
        if self.user.contains(word) || self.terms.contains(word) {
            return true;
        }
        case_variants(word).iter().any(|v| {
            self.engine.check(v) || self.user.contains(v.as_str()) || lv::is_closed_class(v)
        })
    }

    /// Up to `max` spelling suggestions for `word`, best first; empty for
    /// known words. Diacritic restorations come first ("pasvaldiba" →
    /// "pašvaldība"), then `REP` replacements, then one edit away.
    pub fn suggest(&self, word: &str, max: usize) -> Vec<String> {
        suggest::suggest(self, word, max)
    }
}

/// A word-frequency table, wherever it lives.
enum Freq<'a> {
    Static(&'static static_dict::StaticFreq),
    Map(&'a FxHashMap<&'static str, f32>),
}

impl Freq<'_> {
    fn get(&self, word: &str) -> Option<f32> {
        match self {
            Freq::Static(t) => t.get(word),
            Freq::Map(m) => m.get(word).copied(),
        }
    }
}

fn same_reading(a: &Analysis, b: &Analysis) -> bool {
    a.lemma == b.lemma
        && a.pos == b.pos
        && a.case == b.case
        && a.number == b.number
        && a.gender == b.gender
        && a.person == b.person
        && a.tense == b.tense
        && a.verb_form == b.verb_form
        && a.degree == b.degree
        && a.derivation == b.derivation
        && a.reflexive == b.reflexive
        && a.negated == b.negated
}

/// The spellings to try for a word: as written, then lower case, then
/// (for ALL-CAPS) capitalised.
pub(crate) fn case_variants(word: &str) -> Vec<String> {
    let mut v = vec![word.to_owned()];
    if word.chars().any(char::is_uppercase) {
        let lower = word.to_lowercase();
        let all_caps = word.chars().filter(|c| c.is_alphabetic()).count() > 1
            && !word.chars().any(char::is_lowercase);
        if all_caps {
            let mut cap = String::new();
            let mut chars = lower.chars();
            if let Some(c) = chars.next() {
                cap.extend(c.to_uppercase());
                cap.push_str(chars.as_str());
            }
            v.push(cap);
        }
        v.push(lower);
    }
    v
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn morphology_is_send_sync() {
        assert_send_sync::<Morphology>();
    }

    #[test]
    fn case_variants_order() {
        assert_eq!(case_variants("RĪGA"), vec!["RĪGA", "Rīga", "rīga"]);
        assert_eq!(case_variants("Pārbaude"), vec!["Pārbaude", "pārbaude"]);
        assert_eq!(case_variants("un"), vec!["un"]);
    }
}
