//! Facts a rewrite must keep: numbers, amounts, percentages, dates, legal references,
//! document numbers and proper names — found in one text and looked for, in any
//! inflection or spelling, in another.
//!
//! [`extract`] finds the facts of an original text; [`FactIndex`] indexes a rewrite and
//! [`FactIndex::find`] says where (if anywhere) a fact of the original appears in it.
//! Everything is pure work over `&str` (the dictionary is embedded data).
//!
//! What counts as "the same fact":
//! - numbers by value with spacing removed ("3 895 776" = "3895776"); a small number may
//!   be spelled out in the rewrite ("3" ↔ "trīs");
//! - amounts ("300,94 euro", "€ 12") need an amount with the same value;
//!   percentages ("20 %", "20 procenti") a percentage;
//! - dates by day, month and year in any notation ("2024. gada 7. novembris" ↔
//!   "2024. gada 7. novembrī" ↔ "07.11.2024."); a year ("2014. gadā") by the year;
//! - legal references by their path of units and numbers ("13. panta trešā daļa" ↔
//!   "13. panta 3. daļā"); a rewrite may add the article before a bare part;
//! - document numbers ("Nr. 508", "2002/74/EK") by the number; e-mail and web addresses
//!   exactly (case aside); spelled-out numbers from two up ("divas", "sešu") by value;
//! - proper names ("Valsts ieņēmumu dienests", "Ministru kabinets", quoted titles) word by
//!   word with [`crate::stem::stem`], so any case form counts; where the dictionary
//!   (`skaidri-morph`, [`FactIndex::with_morphology`]) knows both words they must also share
//!   a lemma.

use crate::stem::{cardinal_value, ordinal_value, stem};
use once_cell::sync::Lazy;
use regex::Regex;
use serde::Serialize;
use skaidri_core::segment::{self, TokenKind};
use skaidri_core::Span;
use skaidri_morph::Morphology;

/// What kind of fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FactKind {
    /// A plain number ("30 dienu", "3 895 776").
    Number,
    /// A sum of money ("300,94 euro").
    Amount,
    /// A percentage ("20 %").
    Percent,
    /// A date or a year.
    Date,
    /// A legal reference or document number ("13. panta trešā daļa", "Nr. 508").
    Reference,
    /// A proper name: institution, law, person, place, quoted title, acronym.
    Name,
}

impl FactKind {
    /// Latvian label.
    pub fn label_lv(&self) -> &'static str {
        match self {
            FactKind::Number => "skaitlis",
            FactKind::Amount => "summa",
            FactKind::Percent => "procenti",
            FactKind::Date => "datums",
            FactKind::Reference => "atsauce",
            FactKind::Name => "nosaukums",
        }
    }
    /// English label.
    pub fn label_en(&self) -> &'static str {
        match self {
            FactKind::Number => "number",
            FactKind::Amount => "amount",
            FactKind::Percent => "percentage",
            FactKind::Date => "date",
            FactKind::Reference => "reference",
            FactKind::Name => "name",
        }
    }
}

/// The normalised value two facts are compared by.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case", tag = "type")]
pub enum FactKey {
    /// A number, spaces removed.
    Number {
        /// Digits with the decimal separator as written.
        value: String,
    },
    /// An amount of money, spaces removed.
    Amount {
        /// Digits with the decimal separator as written.
        value: String,
    },
    /// A percentage.
    Percent {
        /// Digits with the decimal separator as written.
        value: String,
    },
    /// A date; missing parts are `None` ("7. novembrī" has no year, "2014. gadā" only one).
    Date {
        /// Year.
        year: Option<u32>,
        /// Month 1–12.
        month: Option<u32>,
        /// Day of month.
        day: Option<u32>,
    },
    /// A legal reference: (unit, number) from the outermost unit in.
    Reference {
        /// E.g. `[("pants","13"), ("daļa","3")]`.
        path: Vec<(String, String)>,
    },
    /// A document number or identifier ("508" of "Nr. 508", "2002/74/EK").
    Id {
        /// The identifier, upper-cased.
        value: String,
    },
    /// A proper name as a sequence of word stems.
    Name {
        /// [`stem`]s of the words.
        stems: Vec<String>,
    },
}

/// One fact found in a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fact {
    /// What kind.
    pub kind: FactKind,
    /// The text as written.
    pub text: String,
    /// Where (byte range).
    pub span: Span,
    /// What it is compared by.
    pub key: FactKey,
}

macro_rules! re {
    ($name:ident, $pat:expr) => {
        static $name: Lazy<Regex> = Lazy::new(|| {
            #[allow(clippy::expect_used)]
            Regex::new($pat).expect("static regex")
        });
    };
}

const MONTHS: &str =
    r"(janvār|februār|mart|aprīl|maij|jūnij|jūlij|august|septembr|oktobr|novembr|decembr)\p{L}*";
const MONTH_STEMS: [&str; 12] = [
    "janvār", "februār", "mart", "aprīl", "maij", "jūnij", "jūlij", "august", "septembr", "oktobr",
    "novembr", "decembr",
];

re!(
    DATE_FULL,
    &format!(r"(?i)\b(\d{{4}})\.\s*(?:gada|g\.)\s*(\d{{1,2}})\.\s*{MONTHS}")
);
re!(DATE_DM, &format!(r"(?i)\b(\d{{1,2}})\.\s*{MONTHS}"));
re!(DATE_NUM, r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b\.?");
re!(YEAR, r"(?i)\b(\d{4})\.\s*(?:gad\p{L}*|g\.)");
re!(
    MONTH_YEAR,
    &format!(r"(?i)\b(\d{{4}})\.\s*(?:gada|g\.)\s*{MONTHS}")
);

/// A number or an ordinal word that may stand before a unit.
const NUMORD: &str = r"(?:\d+(?:\.\d+)*\.?|(?:pirm[aoāiuē]\p{L}*|otr\p{L}+|treš\p{L}+|ceturt\p{L}+|piekt\p{L}+|sest\p{L}+|septīt\p{L}+|astot\p{L}+|devīt\p{L}+|desmit\p{L}+))";
const UNITS: &str = r"(apakšpunkt|punkt|pant|daļ|nodaļ|sadaļ|iedaļ|pielikum|teikum|rindkop)\p{L}*";

re!(
    REF_CHAIN,
    &format!(
        r"(?i)\b{NUMORD}(?:(?:\s*,\s*|\s+(?:un|vai|līdz)\s+){NUMORD})*\s*{UNITS}(?:\s+{NUMORD}(?:(?:\s*,\s*|\s+(?:un|vai|līdz)\s+){NUMORD})*\s*{UNITS})*"
    )
);
re!(
    REF_ELEM,
    &format!(r"(?i)(?P<nums>{NUMORD}(?:(?:\s*,\s*|\s+(?:un|vai|līdz)\s+){NUMORD})*)\s*{UNITS}")
);
re!(NUMORD_ONE, &format!(r"(?i){NUMORD}"));
re!(
    CONTACT,
    r#"(?i)\b(?:https?://|www\.)[^\s<>"«»„“”]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"#
);
re!(PARAGRAPH, r"§\s*(\d+(?:\.\d+)*)");
re!(NR, r"(?i)\bNr\.\s*(\d[\p{L}\d./-]*[\p{L}\d]|\d)");
re!(SLASH_ID, r"\b\d{1,4}/\d{1,4}(?:/[\p{Lu}]{1,4})?\b");
re!(
    NUMBER,
    r"\d{1,3}(?:[ \u{a0}\u{2009}\u{202f}]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)*"
);
re!(PERCENT_AFTER, r"(?i)^\s*(?:%|procent\p{L}*)");
re!(
    CURRENCY_AFTER,
    r"(?i)^\s*(?:euro|eiro|eur\b|€|lat[su]?\b|latiem|ls\b|dolār\p{L}*|usd\b)"
);
re!(CURRENCY_BEFORE, r"(?i)(?:€|\beur|\beuro)\s*$");
re!(QUOTED, r#"[„“"«]([^„“”"«»\n]{2,160})[“”"»]"#);
re!(ROMAN, r"^X{0,3}(?:IX|IV|V?I{0,3})$");
re!(WORD, r"[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*");

/// Head nouns that end an institution or act name after a capitalised first word
/// ("Valsts ieņēmumu dienests", "Ministru kabinets", "Darba aizsardzības likums").
const HEADS: &[&str] = &[
    "dienests",
    "ministrija",
    "inspekcija",
    "aģentūra",
    "padome",
    "tiesa",
    "birojs",
    "pārvalde",
    "dome",
    "centrs",
    "komisija",
    "departaments",
    "iestāde",
    "fonds",
    "kabinets",
    "likums",
    "kodekss",
    "satversme",
    "republika",
    "pašvaldība",
    "universitāte",
    "slimnīca",
    "banka",
    "muzejs",
    "bibliotēka",
    "valdība",
    "prokuratūra",
    "policija",
    "direkcija",
    "kolēģija",
    "asociācija",
    "savienība",
    "kamera",
    "institūts",
    "depozitārijs",
    "direktīva",
    "regula",
    "konvencija",
    "harta",
    "spēki",
    "reģistrs",
    "kanceleja",
    "novads",
    "pilsēta",
    "apvienība",
    "komiteja",
    "parlaments",
    "kontrole",
    "būvvalde",
    "valde",
    "kase",
    "vēstnesis",
];

/// First words of institution and act names that may open a sentence ("Valsts darba
/// inspekcija …", "Ministru kabinets …"). Another capitalised word at the start of a
/// sentence starts a name only if the text also capitalises it elsewhere.
const NAME_STARTS: &[&str] = &[
    "valsts",
    "ministru",
    "latvijas",
    "rīgas",
    "eiropas",
    "nacionālais",
    "centrālais",
    "augstākā",
    "satversmes",
    "darba",
    "administratīvā",
    "saeimas",
    "pilsoņu",
    "sabiedrības",
    "uzņēmumu",
];

/// Words that never sit inside a name between its first word and its head.
const STOP: &[&str] = &[
    "un", "vai", "ar", "par", "uz", "no", "pie", "kas", "ka", "ir", "tiek", "kā", "arī", "to",
    "tā", "šā", "šī", "lai", "ja", "bet", "jo", "pēc", "līdz", "starp", "bez", "pret", "caur",
    "pa", "ne", "nav", "būs", "bija", "tiks", "var", "kurš", "kura", "kuru", "kuri", "savu",
];

/// Words that often open a sentence and never start a name ("Arī VARAM …", "Pēc Biroja
/// ieskata …").
const OPENERS: &[&str] = &[
    "arī",
    "turklāt",
    "pēc",
    "ja",
    "kā",
    "tomēr",
    "savukārt",
    "taču",
    "tāpat",
    "šajā",
    "šā",
    "saskaņā",
    "par",
    "uz",
    "no",
    "ar",
    "līdz",
    "kopš",
    "lai",
    "bet",
    "un",
    "vai",
    "jo",
    "tā",
    "tas",
    "šis",
    "šī",
    "šo",
    "pie",
    "bez",
    "pret",
    "kad",
    "kur",
    "kas",
    "kurš",
    "tad",
    "proti",
    "tātad",
    "tostarp",
    "gan",
    "vēl",
    "jau",
    "tikai",
    "mēs",
    "jūs",
    "viņš",
    "viņa",
    "es",
    "ir",
    "nav",
    "piemēram",
    "tāpēc",
    "tādēļ",
    "līdzīgi",
    "vispirms",
    "pirmkārt",
    "otrkārt",
    "treškārt",
    "visbeidzot",
    "pašlaik",
    "tagad",
    "šobrīd",
    "dažkārt",
    "tajā",
    "tai",
    "šai",
    "minētajā",
    "attiecīgi",
    "kopā",
];

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_acronym(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) && !is_roman(w)
}

/// "II", "IV", "XII": a Roman numeral up to XXXIX (chapter numbers), not a name.
fn is_roman(w: &str) -> bool {
    !w.is_empty() && ROMAN.is_match(w)
}

fn digits_key(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}'))
        .collect()
}

fn month_number(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    MONTH_STEMS
        .iter()
        .position(|m| w.starts_with(m))
        .map(|i| i as u32 + 1)
}

/// The dictionary form of a reference unit («punktā» → «punkts»). Longer stems come first so
/// that «apakšpunkts» is not read as «punkts» nor «nodaļa» as «daļa».
fn unit_key(u: &str) -> &'static str {
    const UNITS: [(&str, &str); 9] = [
        ("apakšpunkt", "apakšpunkts"),
        ("punkt", "punkts"),
        ("pant", "pants"),
        ("nodaļ", "nodaļa"),
        ("sadaļ", "sadaļa"),
        ("iedaļ", "iedaļa"),
        ("daļ", "daļa"),
        ("pielikum", "pielikums"),
        ("teikum", "teikums"),
    ];
    let u = u.to_lowercase();
    UNITS
        .iter()
        .find(|(stem, _)| u.starts_with(stem))
        .map_or("rindkopa", |(_, key)| key)
}

fn numord_value(s: &str) -> Option<String> {
    let t = s.trim().trim_end_matches('.');
    if t.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        Some(t.to_string())
    } else if t.eq_ignore_ascii_case("pirms") {
        None
    } else {
        ordinal_value(t).map(|v| v.to_string())
    }
}

/// Byte ranges already claimed by an earlier, more specific fact.
struct Taken(Vec<Span>);

impl Taken {
    fn overlaps(&self, s: Span) -> bool {
        self.0.iter().any(|t| t.start < s.end && s.start < t.end)
    }
    fn add(&mut self, s: Span) {
        self.0.push(s);
    }
}

fn push(
    out: &mut Vec<Fact>,
    taken: &mut Taken,
    text: &str,
    kind: FactKind,
    span: Span,
    key: FactKey,
) {
    taken.add(span);
    out.push(Fact {
        kind,
        text: text[span.start..span.end].to_string(),
        span,
        key,
    });
}

fn parse_u32(s: &str) -> Option<u32> {
    s.parse().ok()
}

/// Every match of `re` not yet taken by an earlier pattern becomes a fact of `kind` whose key
/// `key_of` derives from the captures (`None` skips the match).
fn scan(
    text: &str,
    re: &Regex,
    kind: FactKind,
    out: &mut Vec<Fact>,
    taken: &mut Taken,
    key_of: impl Fn(&regex::Captures<'_>) -> Option<FactKey>,
) {
    for c in re.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        let span = Span::new(m.start(), m.end());
        if taken.overlaps(span) {
            continue;
        }
        if let Some(key) = key_of(&c) {
            push(out, taken, text, kind, span, key);
        }
    }
}

/// Capture group `i` parsed as a number.
fn group_u32(c: &regex::Captures<'_>, i: usize) -> Option<u32> {
    c.get(i).and_then(|g| parse_u32(g.as_str()))
}

/// Capture group `i` read as a month name.
fn group_month(c: &regex::Captures<'_>, i: usize) -> Option<u32> {
    c.get(i).and_then(|g| month_number(g.as_str()))
}

fn dates(text: &str, out: &mut Vec<Fact>, taken: &mut Taken) {
    let date = |year, month, day| Some(FactKey::Date { year, month, day });
    // «2012. gada 7. novembris»
    scan(text, &DATE_FULL, FactKind::Date, out, taken, |c| {
        date(group_u32(c, 1), group_month(c, 3), group_u32(c, 2))
    });
    // «07.11.2012.»: only with a real month number
    scan(text, &DATE_NUM, FactKind::Date, out, taken, |c| {
        let month = group_u32(c, 2).filter(|m| (1..=12).contains(m));
        month.and_then(|m| date(group_u32(c, 3), Some(m), group_u32(c, 1)))
    });
    // «7. novembrī»
    scan(text, &DATE_DM, FactKind::Date, out, taken, |c| {
        date(None, group_month(c, 2), group_u32(c, 1))
    });
    // «2012. gada novembrī»
    scan(text, &MONTH_YEAR, FactKind::Date, out, taken, |c| {
        date(group_u32(c, 1), group_month(c, 2), None)
    });
    // «2012. gadā»
    scan(text, &YEAR, FactKind::Date, out, taken, |c| {
        date(group_u32(c, 1), None, None)
    });
}

/// E-mail addresses and web addresses: a reader needs them exactly.
fn contacts(text: &str, out: &mut Vec<Fact>, taken: &mut Taken) {
    for m in CONTACT.find_iter(text) {
        let t = m
            .as_str()
            .trim_end_matches(['.', ',', ';', ':', ')', '!', '?']);
        let span = Span::new(m.start(), m.start() + t.len());
        if !taken.overlaps(span) {
            let value = t.to_lowercase();
            push(
                out,
                taken,
                text,
                FactKind::Reference,
                span,
                FactKey::Id { value },
            );
        }
    }
}

fn references(text: &str, out: &mut Vec<Fact>, taken: &mut Taken) {
    for m in REF_CHAIN.find_iter(text) {
        let span = Span::new(m.start(), m.end());
        if taken.overlaps(span) {
            continue;
        }
        // Each element is a list of numbers and a unit; the chain's paths are the
        // product of the elements ("13. panta 3. un 4. daļa" → two references).
        let mut paths: Vec<Vec<(String, String)>> = vec![Vec::new()];
        for e in REF_ELEM.captures_iter(m.as_str()) {
            let (Some(nums), Some(unit)) = (e.name("nums"), e.get(2)) else {
                continue;
            };
            let unit = unit_key(unit.as_str());
            let values: Vec<String> = NUMORD_ONE
                .find_iter(nums.as_str())
                .filter_map(|n| numord_value(n.as_str()))
                .collect();
            if values.is_empty() {
                continue;
            }
            paths = paths
                .into_iter()
                .flat_map(|p| {
                    values.iter().map(move |v| {
                        let mut q = p.clone();
                        q.push((unit.to_string(), v.clone()));
                        q
                    })
                })
                .collect();
        }
        if paths.iter().all(Vec::is_empty) {
            continue;
        }
        taken.add(span);
        for path in paths {
            out.push(Fact {
                kind: FactKind::Reference,
                text: m.as_str().to_string(),
                span,
                key: FactKey::Reference { path },
            });
        }
    }
    // «§ 5»
    scan(text, &PARAGRAPH, FactKind::Reference, out, taken, |c| {
        let path = vec![("§".to_string(), c.get(1)?.as_str().to_string())];
        Some(FactKey::Reference { path })
    });
    // «Nr. 12/3»
    scan(text, &NR, FactKind::Reference, out, taken, |c| {
        let value = c.get(1)?.as_str().to_uppercase();
        Some(FactKey::Id { value })
    });
    // «2/15/PR»
    scan(text, &SLASH_ID, FactKind::Reference, out, taken, |c| {
        let value = c.get(0)?.as_str().to_uppercase();
        Some(FactKey::Id { value })
    });
}

/// Whether the number at `start` is a list marker: "1." or "(1)" at the start of a line.
fn is_list_marker(text: &str, start: usize, end: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let before = text[line_start..start].trim();
    let after = &text[end..];
    let after_list = before.is_empty() || before.ends_with([':', ';']);
    (before.is_empty() && after.starts_with(". "))
        || (after_list && after.starts_with(") "))
        || (before.ends_with('(')
            && before[..before.len() - 1].trim().is_empty()
            && after.starts_with(')'))
        || (text[..start].ends_with('[') && after.starts_with(']'))
}

/// Which spelled-out numbers count: `min` is the smallest ("viens" is too often a pronoun
/// to be a fact of the original, but a rewrite may write "viens" for "1").
fn numbers(text: &str, out: &mut Vec<Fact>, taken: &mut Taken, min_cardinal: u32) {
    for m in NUMBER.find_iter(text) {
        let mut span = Span::new(m.start(), m.end());
        if taken.overlaps(span) || is_list_marker(text, span.start, span.end) {
            continue;
        }
        let value = digits_key(m.as_str()).trim_end_matches('.').to_string();
        let rest = &text[span.end..];
        let (kind, key) = if let Some(p) = PERCENT_AFTER.find(rest) {
            span.end += p.end();
            (FactKind::Percent, FactKey::Percent { value })
        } else if let Some(c) = CURRENCY_AFTER.find(rest) {
            span.end += c.end();
            (FactKind::Amount, FactKey::Amount { value })
        } else if let Some(c) = CURRENCY_BEFORE.find(&text[..span.start]) {
            span.start = c.start();
            (FactKind::Amount, FactKey::Amount { value })
        } else {
            (FactKind::Number, FactKey::Number { value })
        };
        push(out, taken, text, kind, span, key);
    }
    {
        for m in WORD.find_iter(text) {
            let span = Span::new(m.start(), m.end());
            if taken.overlaps(span) {
                continue;
            }
            if let Some(v) = cardinal_value(m.as_str()).filter(|v| *v >= min_cardinal) {
                let rest = &text[span.end..];
                let value = v.to_string();
                let (kind, key) = if PERCENT_AFTER.is_match(rest) {
                    (FactKind::Percent, FactKey::Percent { value })
                } else {
                    (FactKind::Number, FactKey::Number { value })
                };
                push(out, taken, text, kind, span, key);
            }
        }
    }
}

fn name_key(words: &[&str]) -> FactKey {
    FactKey::Name {
        stems: words.iter().map(|w| stem(w)).collect(),
    }
}

fn names(text: &str, out: &mut Vec<Fact>, taken: &mut Taken) {
    // Quoted titles that start with a capital: „Par policiju“, "Pirmsmuitošanas … noteikumi".
    for c in QUOTED.captures_iter(text) {
        let (Some(m), Some(inner)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let words: Vec<&str> = WORD.find_iter(inner.as_str()).map(|w| w.as_str()).collect();
        if words.is_empty() || words.len() > 12 || !is_capitalised(words[0]) {
            continue;
        }
        let span = Span::new(m.start(), m.end());
        if !taken.overlaps(span) {
            push(out, taken, text, FactKind::Name, span, name_key(&words));
        }
    }
    let seg = segment::segment(text);
    // Stems of words seen capitalised in the middle of a sentence: a sentence-initial
    // capital is a name only if the word is also capitalised elsewhere.
    let mut cap_inside: Vec<String> = Vec::new();
    let mut sentences: Vec<Vec<(usize, bool)>> = Vec::new(); // (token index, initial)
    for s in &seg.sentences {
        let mut words = Vec::new();
        let mut first = true;
        for (i, t) in seg
            .tokens
            .iter()
            .enumerate()
            .take(s.tokens.end)
            .skip(s.tokens.start)
        {
            if t.kind == TokenKind::Word || t.kind == TokenKind::Abbreviation {
                let prev = i.checked_sub(1).map(|p| seg.tokens[p].text(text));
                let initial = first || prev.is_some_and(|p| matches!(p, ":" | ")" | "•"));
                if !initial && is_capitalised(t.text(text)) {
                    cap_inside.push(stem(t.text(text)));
                }
                words.push((i, initial));
                first = false;
            }
        }
        sentences.push(words);
    }
    for words in &sentences {
        let mut k = 0;
        while k < words.len() {
            let (ti, initial) = words[k];
            let tok = seg.tokens[ti];
            let w = tok.text(text);
            let span0 = Span::new(tok.start, tok.end);
            if (initial && OPENERS.contains(&w.to_lowercase().as_str()))
                || (w.chars().count() > 1 && is_roman(w))
                || !is_capitalised(w)
                || taken.overlaps(span0)
                || (tok.kind == TokenKind::Abbreviation && !is_acronym(w))
            {
                k += 1;
                continue;
            }
            // Run of capitalised words with nothing but spaces between them.
            let mut j = k;
            while j + 1 < words.len() {
                let a = seg.tokens[words[j].0];
                let b = seg.tokens[words[j + 1].0];
                let gap = &text[a.end..b.start];
                if is_capitalised(b.text(text))
                    && gap.chars().all(char::is_whitespace)
                    && !taken.overlaps(Span::new(b.start, b.end))
                {
                    j += 1;
                } else {
                    break;
                }
            }
            // Lower-case words up to an institution head noun: "Valsts darba inspekcija".
            let mut head = None;
            for h in (j + 1)..words.len().min(j + 5) {
                let a = seg.tokens[words[h - 1].0];
                let b = seg.tokens[words[h].0];
                let bw = b.text(text);
                if !text[a.end..b.start].chars().all(char::is_whitespace)
                    || is_capitalised(bw)
                    || STOP.contains(&bw.to_lowercase().as_str())
                {
                    break;
                }
                if HEADS.iter().any(|hd| stem(hd) == stem(bw)) {
                    head = Some(h);
                    break;
                }
            }
            let starter = NAME_STARTS.iter().any(|n| stem(n) == stem(w));
            // "Salacgrīvas būvvalde …": a genitive right before a head noun.
            let genitive_head =
                head == Some(j + 1) && ["as", "es", "s"].iter().any(|e| w.ends_with(e)) && j == k;
            let end = if initial && !starter && !genitive_head && !cap_inside.contains(&stem(w)) {
                j
            } else {
                head.unwrap_or(j)
            };
            let multi = end > k;
            let accept = is_acronym(w) || !initial || multi || cap_inside.contains(&stem(w));
            if accept {
                let first = seg.tokens[words[k].0];
                let last = seg.tokens[words[end].0];
                let span = Span::new(first.start, last.end);
                // Words as the index of a rewrite splits them ("V.Vīķe-Freiberga" → "V",
                // "Vīķe-Freiberga"), so a text always keeps its own names.
                let ws: Vec<&str> = WORD
                    .find_iter(&text[span.start..span.end])
                    .map(|m| m.as_str())
                    .collect();
                push(out, taken, text, FactKind::Name, span, name_key(&ws));
            }
            k = end + 1;
        }
    }
}

fn extract_all(text: &str, min_cardinal: u32) -> Vec<Fact> {
    let mut out = Vec::new();
    let mut taken = Taken(Vec::new());
    contacts(text, &mut out, &mut taken);
    dates(text, &mut out, &mut taken);
    references(text, &mut out, &mut taken);
    names(text, &mut out, &mut taken);
    numbers(text, &mut out, &mut taken, min_cardinal);
    out.sort_by_key(|f| (f.span.start, f.span.end));
    out
}

/// The facts of `text`, in text order, each distinct fact once.
///
/// ```
/// use skaidri_workshop::facts::{extract, FactKind};
/// let f = extract("Valsts ieņēmumu dienests līdz 2024. gada 7. novembrim atmaksās 300,94 euro.");
/// let kinds: Vec<FactKind> = f.iter().map(|f| f.kind).collect();
/// assert_eq!(kinds, [FactKind::Name, FactKind::Date, FactKind::Amount]);
/// ```
pub fn extract(text: &str) -> Vec<Fact> {
    let mut out: Vec<Fact> = Vec::new();
    for f in extract_all(text, 2) {
        if !out.iter().any(|o| o.key == f.key) {
            out.push(f);
        }
    }
    out
}

/// A rewrite, indexed so that facts of the original can be looked up in it.
#[derive(Debug, Clone)]
pub struct FactIndex {
    facts: Vec<Fact>,
    /// Each word: where, its [`stem`], and its dictionary lemmas (empty when unknown or
    /// when the index was built without a dictionary).
    words: Vec<(Span, String, Vec<String>)>,
    morph: Option<&'static Morphology>,
}

/// Lower-cased lemmas of `word` by the dictionary, sorted; empty for unknown words.
fn lemmas(morph: Option<&Morphology>, word: &str) -> Vec<String> {
    let Some(m) = morph else {
        return Vec::new();
    };
    let lower = word.to_lowercase();
    let mut v: Vec<String> = m
        .analyze(word)
        .into_iter()
        .chain(if lower != word {
            m.analyze(&lower)
        } else {
            Vec::new()
        })
        .map(|a| a.lemma.to_lowercase())
        .collect();
    v.sort();
    v.dedup();
    v
}

/// Two words are the same word of a name when their stems agree and, where the dictionary
/// knows both, they share a lemma ("dome" ≠ "doma", though both stem to "dom").
fn same(a_stem: &str, a_lemmas: &[String], b_stem: &str, b_lemmas: &[String]) -> bool {
    a_stem == b_stem
        && (a_lemmas.is_empty()
            || b_lemmas.is_empty()
            || a_lemmas.iter().any(|l| b_lemmas.contains(l)))
}

impl FactIndex {
    /// Indexes `text`, comparing words by [`stem`] only.
    pub fn new(text: &str) -> Self {
        Self::build(text, None)
    }

    /// Indexes `text`, comparing words by [`stem`] and, for words the dictionary knows,
    /// by lemma as well.
    pub fn with_morphology(text: &str, morph: &'static Morphology) -> Self {
        Self::build(text, Some(morph))
    }

    fn build(text: &str, morph: Option<&'static Morphology>) -> Self {
        let facts = extract_all(text, 1);
        let words = WORD
            .find_iter(text)
            .map(|m| {
                (
                    Span::new(m.start(), m.end()),
                    stem(m.as_str()),
                    lemmas(morph, m.as_str()),
                )
            })
            .collect();
        FactIndex {
            facts,
            words,
            morph,
        }
    }

    /// Where `fact` (of another text) appears in this one, if it does.
    pub fn find(&self, fact: &Fact) -> Option<Span> {
        let hit = |pred: &dyn Fn(&FactKey) -> bool| {
            self.facts.iter().find(|f| pred(&f.key)).map(|f| f.span)
        };
        match &fact.key {
            FactKey::Number { value } => hit(&|k| match k {
                FactKey::Number { value: v }
                | FactKey::Amount { value: v }
                | FactKey::Percent { value: v }
                | FactKey::Id { value: v } => v == value,
                _ => false,
            }),
            FactKey::Amount { value } => {
                hit(&|k| matches!(k, FactKey::Amount { value: v } if v == value))
            }
            FactKey::Percent { value } => {
                hit(&|k| matches!(k, FactKey::Percent { value: v } if v == value))
            }
            FactKey::Date { year, month, day } => hit(&|k| match k {
                FactKey::Date {
                    year: y,
                    month: m,
                    day: d,
                } => {
                    let same = |a: &Option<u32>, b: &Option<u32>| a.is_none() || a == b;
                    same(year, y) && same(month, m) && same(day, d)
                }
                FactKey::Number { value } => {
                    month.is_none()
                        && day.is_none()
                        && year.map(|y| y.to_string()).as_ref() == Some(value)
                }
                _ => false,
            }),
            FactKey::Reference { path } => {
                hit(&|k| matches!(k, FactKey::Reference { path: p } if p.ends_with(path)))
            }
            FactKey::Id { value } => hit(&|k| match k {
                FactKey::Id { value: v } | FactKey::Number { value: v } => v == value,
                _ => false,
            }),
            FactKey::Name { stems } => self.find_words(stems, &fact.text),
        }
    }

    fn find_words(&self, stems: &[String], text: &str) -> Option<Span> {
        if stems.is_empty() || stems.len() > self.words.len() {
            return None;
        }
        let fact_lemmas: Vec<Vec<String>> = WORD
            .find_iter(text)
            .map(|m| lemmas(self.morph, m.as_str()))
            .collect();
        let no_lemmas = Vec::new();
        self.words.windows(stems.len()).find_map(|w| {
            w.iter()
                .zip(stems)
                .enumerate()
                .all(|(i, ((_, b_stem, b_lemmas), a_stem))| {
                    let a_lemmas = fact_lemmas.get(i).unwrap_or(&no_lemmas);
                    same(a_stem, a_lemmas, b_stem, b_lemmas)
                })
                .then(|| Span::new(w[0].0.start, w[w.len() - 1].0.end))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<(FactKind, String)> {
        extract(text)
            .into_iter()
            .map(|f| (f.kind, f.text))
            .collect()
    }

    fn kept(original: &str, rewrite: &str) -> Vec<(String, bool)> {
        let idx = FactIndex::new(rewrite);
        extract(original)
            .into_iter()
            .map(|f| {
                let found = idx.find(&f).is_some();
                (f.text, found)
            })
            .collect()
    }

    #[test]
    fn numbers_with_spaces_decimals_and_percent() {
        let k = keys("Piešķirti 3 895 776 euro, no tiem 300,94 euro atmaksāti, tas ir 20 % no 45 gadījumiem.");
        assert_eq!(
            k,
            vec![
                (FactKind::Amount, "3 895 776 euro".to_string()),
                (FactKind::Amount, "300,94 euro".to_string()),
                (FactKind::Percent, "20 %".to_string()),
                (FactKind::Number, "45".to_string()),
            ]
        );
        let f = extract("3 895 776 euro");
        assert_eq!(
            f[0].key,
            FactKey::Amount {
                value: "3895776".into()
            }
        );
    }

    #[test]
    fn dates_in_every_notation() {
        let f = extract("Lēmums pieņemts 2024. gada 7. novembrī un publicēts 15.10.2014.");
        assert_eq!(f.len(), 2);
        assert_eq!(
            f[0].key,
            FactKey::Date {
                year: Some(2024),
                month: Some(11),
                day: Some(7)
            }
        );
        assert_eq!(
            f[1].key,
            FactKey::Date {
                year: Some(2014),
                month: Some(10),
                day: Some(15)
            }
        );
        assert!(kept("2024. gada 7. novembris", "līdz 2024. gada 7. novembrim")[0].1);
        assert!(kept("2024. gada 7. novembris", "līdz 07.11.2024.")[0].1);
        assert!(!kept("2024. gada 7. novembris", "līdz 8. novembrim")[0].1);
        assert!(
            !kept("2024. gada 7. novembris", "līdz 7. novembrim")[0].1,
            "year lost"
        );
        assert!(kept("7. novembrī", "2024. gada 7. novembrī")[0].1);
        assert!(kept("2013.gada 30.maija", "2013. gada 30. maijā")[0].1);
        assert!(kept("2014. gadā", "Kopš 2014. gada")[0].1);
    }

    #[test]
    fn legal_references_with_ordinal_words() {
        let f = extract("Saskaņā ar likuma 13. panta trešo daļu un noteikumu 5.1 punktu.");
        let paths: Vec<&FactKey> = f.iter().map(|f| &f.key).collect();
        assert_eq!(
            paths,
            vec![
                &FactKey::Reference {
                    path: vec![("pants".into(), "13".into()), ("daļa".into(), "3".into())]
                },
                &FactKey::Reference {
                    path: vec![("punkts".into(), "5.1".into())]
                },
            ]
        );
        assert!(kept("13. panta trešā daļa", "13. panta trešajā daļā")[0].1);
        assert!(kept("13. panta trešā daļa", "13. panta 3. daļā")[0].1);
        assert!(!kept("13. panta trešā daļa", "13. panta otrajā daļā")[0].1);
        assert!(!kept("13. panta trešā daļa", "14. panta trešajā daļā")[0].1);
        assert!(kept("5.1 punkts", "5.1. punktā")[0].1);
        assert!(kept("trešajā daļā", "likuma 9. panta trešajā daļā")[0].1);
        let two = extract("šā rīkojuma 3. un 4. punktā");
        assert_eq!(two.len(), 2);
    }

    #[test]
    fn document_numbers() {
        let f = extract("Ministru kabineta noteikumi Nr. 508 un Direktīva 2002/74/EK.");
        assert!(f.iter().any(|f| f.key
            == FactKey::Id {
                value: "508".into()
            }));
        assert!(f.iter().any(|f| f.key
            == FactKey::Id {
                value: "2002/74/EK".into()
            }));
        assert!(kept("noteikumi Nr. 508", "noteikumos Nr.508")[0].1);
        assert!(!kept("noteikumi Nr. 508", "noteikumos Nr. 580")[0].1);
    }

    #[test]
    fn names_in_other_cases() {
        let k = keys("Iesniegumu izskata Valsts ieņēmumu dienests un Ministru kabinets.");
        assert!(
            k.contains(&(FactKind::Name, "Valsts ieņēmumu dienests".into())),
            "{k:?}"
        );
        assert!(
            k.contains(&(FactKind::Name, "Ministru kabinets".into())),
            "{k:?}"
        );
        let r = kept(
            "Iesniegumu izskata Valsts ieņēmumu dienests.",
            "Iesniegumu sūtiet Valsts ieņēmumu dienestam.",
        );
        assert_eq!(r, vec![("Valsts ieņēmumu dienests".to_string(), true)]);
        let r = kept(
            "Iesniegumu izskata Valsts ieņēmumu dienests.",
            "Iesniegumu izskata VID.",
        );
        assert_eq!(r, vec![("Valsts ieņēmumu dienests".to_string(), false)]);
        let r = kept("Par to lēma Rīgas dome.", "Tā lēma Rīgas domē.");
        assert!(r.iter().all(|x| x.1), "{r:?}");
    }

    #[test]
    fn sentence_initial_common_nouns_are_not_names() {
        let k = keys("Darba devējs nodrošina aizsardzību. Pašvaldība izsniedz atļauju.");
        assert!(k.is_empty(), "{k:?}");
        let k = keys("Darba aizsardzības likums nosaka pienākumus.");
        assert_eq!(
            k,
            vec![(FactKind::Name, "Darba aizsardzības likums".into())]
        );
        let k = keys("Salacgrīvas būvvalde izsniedza uzdevumu. Valsts kontrole atklāja.");
        assert_eq!(
            k,
            vec![
                (FactKind::Name, "Salacgrīvas būvvalde".into()),
                (FactKind::Name, "Valsts kontrole".into())
            ]
        );
        assert!(keys("Tas ir noteikts II nodaļā.").is_empty());
        let k = keys("Ziņojumu saņem VID.");
        assert_eq!(k, vec![(FactKind::Name, "VID".into())]);
    }

    #[test]
    fn every_text_keeps_its_own_facts() {
        for t in [
            "Izsludinājusi Valsts prezidente V.Vīķe-Freiberga 2001. gada 6. jūlijā.",
            "Pēc J. Reira priekšlikuma Saeima 3.1. apakšpunktā noteica 12,5 % likmi (Nr. 2014-16-01).",
            "VID un KNAB, www.vid.gov.lv, 1 000 000 EUR, € 15, 20%.",
        ] {
            let r = kept(t, t);
            assert!(r.iter().all(|x| x.1), "{r:?}");
            assert!(!r.is_empty());
        }
    }

    #[test]
    fn lemmas_keep_apart_words_with_one_stem() {
        let m = Morphology::embedded();
        let with = |a: &str, b: &str| {
            let idx = FactIndex::with_morphology(b, m);
            extract(a)
                .iter()
                .map(|f| idx.find(f).is_some())
                .collect::<Vec<_>>()
        };
        // "dome" (council) and "doma" (thought) share the stem "dom".
        assert!(
            kept("Par to lēma Rīgas dome.", "Tā ir Rīgas doma.")[0].1,
            "stems alone cannot tell"
        );
        assert_eq!(
            with("Par to lēma Rīgas dome.", "Tā ir Rīgas doma."),
            vec![false]
        );
        assert_eq!(
            with("Par to lēma Rīgas dome.", "To lēma Rīgas domē."),
            vec![true]
        );
        assert_eq!(
            with(
                "Iesniegumu izskata Valsts ieņēmumu dienests.",
                "Sūtiet Valsts ieņēmumu dienestam."
            ),
            vec![true]
        );
        // Names the dictionary does not know still match by stem.
        assert_eq!(
            with(
                "Pieteicējs vērsās Salacgrīvas būvvaldē.",
                "Salacgrīvas būvvalde atteica."
            ),
            vec![true]
        );
    }

    #[test]
    fn quoted_titles_are_names() {
        let k = keys("atbilstoši likumam \"Par policiju\" un „Pirmsmuitošanas darbību noteikumi“");
        assert_eq!(k.len(), 2, "{k:?}");
        assert!(kept("likumam \"Par policiju\"", "likums „Par policiju“")[0].1);
    }

    #[test]
    fn spelled_out_numbers_of_the_original_are_facts() {
        let k =
            keys("Ja ievēlētas vismaz divas uzticības personas, vienu no tām ievēl par galveno.");
        assert_eq!(k, vec![(FactKind::Number, "divas".into())]);
        assert!(kept("vismaz divas personas", "vismaz 2 personas")[0].1);
        assert!(kept("sešu mēnešu izpeļņa", "izpeļņa sešos mēnešos")[0].1);
        assert!(!kept("sešu mēnešu izpeļņa", "mēneša izpeļņa")[0].1);
    }

    #[test]
    fn small_numbers_may_be_spelled_out() {
        assert!(kept("3 darbinieki", "trīs darbinieki")[0].1);
        assert!(!kept("30 dienu laikā", "mēneša laikā")[0].1);
        assert!(kept("30 dienu laikā", "30 dienās")[0].1);
    }

    #[test]
    fn amounts_and_percents_keep_their_kind() {
        assert!(!kept("300,94 euro", "300,94 cilvēki")[0].1);
        assert!(kept("300,94 euro", "EUR 300,94 apmērā")[0].1);
        assert!(kept("300,94 euro", "300,94 eiro")[0].1);
        assert!(kept("20 %", "20 procentiem")[0].1);
        assert!(!kept("20 %", "20 darbinieki")[0].1);
    }

    #[test]
    fn contacts_are_facts() {
        let k = keys("Paziņojumu nosūta uz adresi deponesana@mna.gov.lv. Sīkāk: www.vid.gov.lv.");
        assert_eq!(
            k,
            vec![
                (FactKind::Reference, "deponesana@mna.gov.lv".into()),
                (FactKind::Reference, "www.vid.gov.lv".into()),
            ]
        );
        assert!(kept("deponesana@mna.gov.lv", "rakstiet: Deponesana@mna.gov.lv")[0].1);
        assert!(!kept("deponesana@mna.gov.lv", "rakstiet: info@mna.gov.lv")[0].1);
    }

    #[test]
    fn list_markers_are_not_facts() {
        assert!(keys("1. Noteikumi nosaka kārtību.").is_empty());
        assert!(keys("(2) Ja būve nav sadalāma.").is_empty());
        assert!(keys("kompetence ir šāda: 1) padome koordinē; 2) ministrija plāno.").is_empty());
        assert_eq!(
            keys("Pārējos gadījumos sistēmas tiesības piešķir. Arī iestādes lēmums.").len(),
            0
        );
    }
}
