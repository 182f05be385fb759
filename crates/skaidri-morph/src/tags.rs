//! The public, decoded morphology types: [`Analysis`] and its features.

/// Part of speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Pos {
    /// Common noun (`lietv…`), including -šana nouns.
    Noun,
    /// Verb, including participles and the debitive.
    Verb,
    /// Adjective (`īpv…`).
    Adjective,
    /// Adverb (`apstv`).
    Adverb,
    /// Pronoun (`vietnv`).
    Pronoun,
    /// Numeral (`skv`).
    Numeral,
    /// Preposition (from the built-in closed-class list).
    Preposition,
    /// Conjunction.
    Conjunction,
    /// Particle.
    Particle,
    /// Interjection (`izs`).
    Interjection,
    /// Proper noun: a capitalised noun entry or a `lietv…i` tag.
    ProperNoun,
    /// Abbreviation (`abrev`).
    Abbreviation,
    /// Unknown or untagged.
    Other,
}

/// Grammatical case (Latvian has no separate instrumental form; the
/// instrumental is the accusative/dative after `ar`, as in UD Latvian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Case {
    /// Nominatīvs.
    Nom,
    /// Ģenitīvs.
    Gen,
    /// Datīvs.
    Dat,
    /// Akuzatīvs.
    Acc,
    /// Instrumentālis (never produced by the lv_LV data; kept for callers).
    Ins,
    /// Lokatīvs.
    Loc,
    /// Vokatīvs.
    Voc,
}

/// Grammatical number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Number {
    /// Vienskaitlis.
    Sing,
    /// Daudzskaitlis.
    Plur,
}

/// Grammatical gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// Vīriešu dzimte.
    Masc,
    /// Sieviešu dzimte.
    Fem,
}

/// Verb tense.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tense {
    /// Pagātne.
    Past,
    /// Tagadne.
    Pres,
    /// Nākotne.
    Fut,
}

/// Mood of a finite verb form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mood {
    /// Īstenības izteiksme (indicative).
    Indicative,
    /// Pavēles izteiksme (imperative, `-iet`).
    Imperative,
    /// Vēlējuma izteiksme (conditional, `-tu`).
    Conditional,
    /// Atstāstījuma izteiksme (relative/reported, `-ot`).
    Relative,
}

/// Which participle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParticipleKind {
    /// `-ts, -ta` (past passive: "veikta").
    Ts,
    /// `-ams, -āms` (present passive: "precizējams").
    Ams,
    /// `-ošs, -oša` (present active: "notiekošs").
    Oss,
    /// `-is, -usi` (past active: "veicis").
    IsUsi,
    /// `-dams, -dama` (semi-participle: "veikdams").
    Dams,
}

/// A participle reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Participle {
    /// Passive voice (`-ts`, `-ams`).
    pub passive: bool,
    /// Past tense (`-ts`, `-is`).
    pub past: bool,
    /// Which participle suffix.
    pub kind: ParticipleKind,
}

/// Verb form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VerbForm {
    /// A finite form in the given mood.
    Finite(Mood),
    /// Nenoteiksme (`veikt`).
    Infinitive,
    /// A participle (declined like an adjective).
    Participle(Participle),
    /// Vajadzības izteiksme (`jāveic`).
    Debitive,
}

/// Degree of comparison (adjectives and participles).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Degree {
    /// Pamata pakāpe.
    Positive,
    /// Pārākā pakāpe (`-āks`).
    Comparative,
    /// Vispārākā pakāpe (`vis-…-ākais`).
    Superlative,
}

/// How a word is derived from another dictionary entry.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Derivation {
    /// An action noun in `-šana`/`-šanās` derived from a verb.
    ShanaNoun {
        /// The verb infinitive ("veikt" for "veikšana").
        verb: String,
    },
    /// A feminine noun derived from a masculine one (`-nieks` → `-niece`).
    Feminine {
        /// The base noun ("darbinieks" for "darbiniece").
        base: String,
    },
    /// A diminutive (`-iņš`, `-iņa`, `-ītis`, `-īte`).
    Diminutive {
        /// The base noun.
        base: String,
    },
}

/// One reading of a word form.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Analysis {
    /// Citation form of this word's lexeme, as UD Latvian lemmatises it:
    /// the infinitive for verb forms and participles, the masculine
    /// positive nominative for adjectives, the noun itself for -šana nouns
    /// ("veikšana"; the verb is in [`Analysis::derivation`]).
    pub lemma: String,
    /// The hunspell dictionary entry that generated the form ("veikt" for
    /// "veikšanai"): what lemma-aware rules match on.
    pub stem: String,
    /// Part of speech.
    pub pos: Pos,
    /// Case, where the form has one.
    pub case: Option<Case>,
    /// Number, where the form has one.
    pub number: Option<Number>,
    /// Gender, where the form has one.
    pub gender: Option<Gender>,
    /// Person (1–3) of finite verb forms.
    pub person: Option<u8>,
    /// Tense of verb forms.
    pub tense: Option<Tense>,
    /// Verb form and mood.
    pub verb_form: Option<VerbForm>,
    /// Degree of adjectives and participles.
    pub degree: Option<Degree>,
    /// Derivation from another entry, if any.
    pub derivation: Option<Derivation>,
    /// Reflexive verb form (`-ties`, `-šanās`).
    pub reflexive: bool,
    /// Negated with the `ne-` prefix.
    pub negated: bool,
    /// The raw hunspell fields, e.g. `st:iestāde po:lietv5r is:dpg fl:s`.
    pub raw: String,
}

impl Analysis {
    /// The lemma that phrase rules should match: the verb for -šana nouns,
    /// otherwise [`Analysis::lemma`].
    pub fn base_lemma(&self) -> &str {
        match &self.derivation {
            Some(Derivation::ShanaNoun { verb }) => verb,
            _ => &self.lemma,
        }
    }

    /// Is this a past passive participle (`-ts`, `-ta`)?
    pub fn is_past_passive_participle(&self) -> bool {
        matches!(
            self.verb_form,
            Some(VerbForm::Participle(Participle {
                kind: ParticipleKind::Ts,
                ..
            }))
        )
    }

    /// Is this a -šana/-šanās action noun?
    pub fn is_shana_noun(&self) -> bool {
        matches!(self.derivation, Some(Derivation::ShanaNoun { .. }))
    }
}
