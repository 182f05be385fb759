//! Kind `spelling`: words the lv_LV dictionary, the terms list and the user's
//! dictionaries do not know.
//!
//! Never flagged: numbers, URLs and e-mail addresses (other token kinds),
//! tokens with digits, ALL-CAPS tokens of up to six letters (abbreviations),
//! terms-list entries ("VARAM"), user and workspace words, words with
//! letters Latvian does not use (w, q, x, y, ö, ä, ü, õ: foreign names and
//! quotations), single letters, and — by default — capitalised words inside
//! a sentence, which are mostly proper names the dictionary lacks. The first
//! word of a sentence and ALL-CAPS headings are checked case-insensitively
//! (`Morphology::is_known` falls back to lower case); an unknown
//! capitalised first word is reported only when it is one edit or a few
//! missing diacritics from a known word («Pasvaldiba»), since most are
//! names («Erdogans»). A hyphenated word is
//! known when the whole or every part is; a word that splits into a known
//! first part (or noun stem) and a known second part of four or more
//! letters is a compound and known. Words with inner capitals («iPhone»)
//! or full stops (initials, «I.Āboliņš») are names.
//!
//! Two more sources of evidence that a word is not a misspelling:
//! - **Attested in real Latvian text.** A word form in the embedded
//!   wordfreq list (`dictionaries/wordfreq-lv`, 45 631 forms seen at least
//!   about once per million words of Latvian web, subtitles and Wikipedia
//!   text) is accepted — the dictionary's gaps («vedīs», «jogas»,
//!   «radušies») and foreign words quoted in Latvian text («premium»)
//!   — *unless* changing its diacritics gives a more frequent dictionary
//!   word: the list also holds forms typed without diacritics or with
//!   wrong ones («tapec», «lidz», «kāmēr», «tādejādi»), which are exactly
//!   the slips this rule must catch.
//! - **Abbreviations with a full stop** from the segmenter's list («gs.»,
//!   «pl.»): the word right before its stop is not checked.
//! - **Word formation the dictionary does not list.** International
//!   combining forms written together with a known word («super»,
//!   «eko», «elektro», «velo» …: «ekoprodukts», «superčempions») and the
//!   negating «ne-» before a known word («nebioloģiski»); names of
//!   inhabitants formed from place names with -ietis/-iete, -nieks/-niece
//!   («salacgrīvieši», «kolcenieki»), which the dictionary cannot list
//!   because it lacks most place names. Each is accepted only when neither
//!   diacritics nor one edit turn the word into a common word (so a typo
//!   in a known word still shows).
//! - **Foreign phrases.** Two or more unknown words side by side are a
//!   quotation or title in another language («risorgimento … delle»),
//!   not two typos — unless adding diacritics makes one of them a
//!   dictionary word (text typed without diacritics is all «unknown»).
//!
//! Proper names: inside a sentence a capitalised word is taken as a name
//! and not checked. At the start of a sentence an unknown capitalised word
//! is reported only when it looks like a misspelt *common* word: adding
//! diacritics makes it a dictionary word («Pasvaldiba»), or one edit makes
//! it a word of the frequency list («Dokumnets»). One edit from a rare
//! word or another name is how names look («Spolītis», «Artuss»), so those
//! stay quiet. In a document, a word written with a capital inside any
//! sentence («… teica Krūzs») marks the same name at the start of another
//! sentence («Krūzs piebilda …») as a name too (compared by the word
//! without its last two letters, so inflected forms match).
//!
//! Two variants split the unknown words by how likely a typo is (a rule
//! without `variant` reports both): `typo` (SP001, info) when changing
//! diacritics gives a dictionary word («pasvaldibā», «apsēžās») or one edit
//! gives a dictionary word of the frequency list («dokumnetu», «lālāk»);
//! `unknown` (SP002, hint) for the rest — on FullStack news these are
//! nearly all terms, loans, slang and forms lv_LV lacks («stalažām»,
//! «snovojot», «satrupē»), so they should not look like errors.
//!
//! Suggestions are *not* computed here: `suggest` costs milliseconds per
//! word, and a batch run over a thousand unknown words must not pay seconds
//! for suggestions nobody reads. The finding carries the word (its `text`);
//! front ends call [`crate::Analyzer::fill_spelling_suggestions`] (or
//! [`crate::morph::spelling_suggestions`] for one word) where output shows
//! them.

use super::{Ctx, Engine, Hit};
use crate::diagnostic::Span;
use crate::rules::load::{Parsed, RuleError};
use crate::segment::TokenKind;

/// Which unknown words a spelling rule reports (`variant = "…"`, optional).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Variant {
    /// No variant: every unknown word.
    Any,
    /// `typo`: unknown words that look like a slip — changing diacritics
    /// gives a dictionary word, or one edit gives a dictionary word that real
    /// Latvian text uses (the frequency list): «pasvaldiba», «dokumnetu».
    Typo,
    /// `unknown`: the other unknown words — nothing close is a word in use;
    /// mostly terms, loans, slang and forms the dictionary lacks
    /// («stēvijas», «snovojot»), seldom a typo.
    Unknown,
}

/// All spelling rules (normally two: SP001 `typo`, SP002 `unknown`).
pub struct SpellingEngine {
    rules: Vec<(usize, Variant)>,
}

/// Compiles the spelling rules among `rules`.
pub fn compile(rules: &[(usize, &Parsed)]) -> Result<Box<dyn Engine>, RuleError> {
    let mut out = Vec::new();
    for &(i, p) in rules {
        let v = if p.variant.is_none() {
            Variant::Any
        } else {
            match super::variant_of(p, &["typo", "unknown"])? {
                "typo" => Variant::Typo,
                _ => Variant::Unknown,
            }
        };
        out.push((i, v));
    }
    Ok(Box::new(SpellingEngine { rules: out }))
}

/// Letters of the Latin alphabet that Latvian spelling does not use.
fn has_foreign_letter(w: &str) -> bool {
    w.chars().any(|c| {
        matches!(
            c.to_lowercase().next().unwrap_or(c),
            'w' | 'q' | 'x' | 'y' | 'ö' | 'ä' | 'ü' | 'õ' | 'é' | 'á' | 'ó' | 'ß'
        )
    })
}

/// Is token `w` (not sentence-initial unless `first`) exempt from checking?
pub(crate) fn exempt(ctx: &Ctx<'_>, w: &str, first: bool) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || w.chars().any(|c| c.is_ascii_digit() || c == '.') || has_foreign_letter(w) {
        return true;
    }
    // «iPhone», «McDonald»: inner capitals are names and brands
    if w.chars().skip(1).any(char::is_uppercase) && w.chars().any(char::is_lowercase) {
        return true;
    }
    let all_caps = !w.chars().any(char::is_lowercase);
    if all_caps && letters <= 6 {
        return true;
    }
    let capitalised = w.chars().next().is_some_and(char::is_uppercase);
    if capitalised && !all_caps && !first {
        return true;
    }
    ctx.is_extra_word(w) || ctx.morphology().is_known_term(w)
}

/// The part of a capitalised word that stays the same when a name
/// inflects: the word without its last two letters («Krūz» for «Krūzs»,
/// «Krūza»), or the whole of a short word.
fn name_key(w: &str) -> &str {
    let n = w.chars().count();
    if n < 5 {
        return w;
    }
    let cut = w.char_indices().nth(n - 2).map_or(w.len(), |(b, _)| b);
    &w[..cut]
}

/// Keys ([`name_key`]) of the words written with a capital inside a
/// sentence of the document: the names it uses.
fn names_inside_sentences<'t>(ctx: &Ctx<'t>) -> std::collections::HashSet<&'t str> {
    let toks = &ctx.seg.tokens;
    let mut out = std::collections::HashSet::new();
    for s in &ctx.seg.sentences {
        let mut first = true;
        for i in s.tokens.clone() {
            let t = &toks[i];
            match t.kind {
                TokenKind::Word => {}
                TokenKind::Punct | TokenKind::Symbol | TokenKind::Ordinal => continue,
                _ => {
                    first = false;
                    continue;
                }
            }
            let w: &'t str = t.text(ctx.text);
            if !std::mem::replace(&mut first, false)
                && w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().any(char::is_lowercase)
            {
                out.insert(name_key(w));
            }
        }
    }
    out
}

/// Is token `i` an abbreviation written with its full stop («gs.», «pl.»)?
fn abbreviation_with_stop(ctx: &Ctx<'_>, i: usize) -> bool {
    let toks = &ctx.seg.tokens;
    let Some(next) = toks.get(i + 1) else {
        return false;
    };
    next.start == toks[i].end
        && next.text(ctx.text) == "."
        && crate::segment::abbrev::lookup(&format!("{}.", toks[i].text(ctx.text))).is_some()
}

/// Is `w` (lower case) in the word-frequency list of real Latvian text,
/// and not a slip in the diacritics of a more frequent dictionary word?
/// The list also holds «tapec», «kāmēr», «tādejādi» (for «tāpēc»,
/// «kamēr», «tādējādi»); «vedīs» stays accepted though «vēdīs» is a word,
/// because «vēdīs» is the rarer of the two.
fn attested(ctx: &Ctx<'_>, w: &str) -> bool {
    let m = ctx.morphology();
    let z = m.zipf(w);
    z > 0.0 && !diacritic_variant(w, |v| m.is_known(v) && m.zipf(v) > z)
}

/// Does some change of diacritics in `w` (adding or removing marks on any
/// letters that take one) give a word for which `pred` holds?
fn diacritic_variant(w: &str, pred: impl Fn(&str) -> bool) -> bool {
    marked_variant(w, toggle_mark, pred)
}

/// Does changing some of the letters of `w` that `mark` maps (each to its
/// image under `mark`) give a word for which `pred` holds? At most ten such
/// letters, so at most 1 023 variants.
fn marked_variant(w: &str, mark: fn(char) -> Option<char>, pred: impl Fn(&str) -> bool) -> bool {
    let chars: Vec<char> = w.chars().collect();
    let slots: Vec<usize> = (0..chars.len())
        .filter(|&i| mark(chars[i]).is_some())
        .collect();
    if slots.is_empty() || slots.len() > 10 {
        return false;
    }
    for mask in 1u32..(1 << slots.len()) {
        let mut v = chars.clone();
        for (b, &i) in slots.iter().enumerate() {
            if mask & (1 << b) != 0 {
                if let Some(c) = mark(v[i]) {
                    v[i] = c;
                }
            }
        }
        if pred(&v.iter().collect::<String>()) {
            return true;
        }
    }
    false
}

/// The letter with its Latvian diacritic added or removed.
fn toggle_mark(c: char) -> Option<char> {
    with_mark(c).or_else(|| "aceginklsuz".chars().find(|&b| with_mark(b) == Some(c)))
}

/// Does adding diacritics to some letters of `w` (lower case) give a
/// dictionary word («pasvaldiba» → «pašvaldība»)?
fn diacritics_make_known(ctx: &Ctx<'_>, w: &str) -> bool {
    let m = ctx.morphology();
    marked_variant(w, with_mark, |v| m.is_known(v))
}

/// The letter with its Latvian diacritic, for the letters that take one.
fn with_mark(c: char) -> Option<char> {
    Some(match c {
        'a' => 'ā',
        'c' => 'č',
        'e' => 'ē',
        'g' => 'ģ',
        'i' => 'ī',
        'k' => 'ķ',
        'l' => 'ļ',
        'n' => 'ņ',
        's' => 'š',
        'u' => 'ū',
        'z' => 'ž',
        _ => return None,
    })
}

/// Is the word known to the dictionary (whole, or every hyphenated part)?
fn known(ctx: &Ctx<'_>, i: usize, w: &str) -> bool {
    if ctx.morph.get().is_analysed(i) || ctx.morphology().is_known(w) {
        return true;
    }
    if w.contains('-') {
        return w.split('-').all(|p| {
            p.is_empty()
                || p.chars().count() < 2
                || ctx.morphology().is_known(p)
                || ctx.is_extra_word(p)
        });
    }
    compound(ctx, &w.to_lowercase())
}

/// Zipf frequency from which a word counts as common for [`near_known`]
/// (about 10 per million words: «taču», «dokuments», «pašvaldība»).
const COMMON_ZIPF: f32 = 4.0;

/// The lowest zipf of the frequency list: a word in it at all is in use.
const ATTESTED_ZIPF: f32 = f32::MIN_POSITIVE;

/// Does `w` (lower case) look like a slip in a word in use: adding
/// diacritics gives a dictionary word, or one edit gives a dictionary word
/// of the frequency list with zipf ≥ `min_zipf`? For capitalised words at
/// the start of a sentence `min_zipf` is [`COMMON_ZIPF`]: unknown ones there
/// are mostly names («Erdogans», «Spolītis»), and a name is often one edit
/// from a rare word or another name, so only edits that land on a common
/// word count. For other words any attested word counts ([`ATTESTED_ZIPF`]).
fn near_known(ctx: &Ctx<'_>, w: &str, min_zipf: f32) -> bool {
    if diacritics_make_known(ctx, w) {
        return true;
    }
    let m = ctx.morphology();
    let chars: Vec<char> = w.chars().collect();
    // one edit: delete, transpose, replace, insert
    const ALPHABET: &str = "aābcčdeēfgģhiījkķlļmnņoprsštuūvzž";
    let known = |v: &[char]| {
        let s: String = v.iter().collect();
        m.zipf(&s) >= min_zipf && m.is_known(&s)
    };
    for i in 0..chars.len() {
        let mut v = chars.clone();
        v.remove(i);
        if v.len() > 1 && known(&v) {
            return true;
        }
        if i + 1 < chars.len() {
            let mut v = chars.clone();
            v.swap(i, i + 1);
            if known(&v) {
                return true;
            }
        }
        for c in ALPHABET.chars() {
            if c != chars[i] {
                let mut v = chars.clone();
                v[i] = c;
                if known(&v) {
                    return true;
                }
            }
        }
    }
    for i in 0..=chars.len() {
        for c in ALPHABET.chars() {
            let mut v = chars.clone();
            v.insert(i, c);
            if known(&v) {
                return true;
            }
        }
    }
    false
}

/// International combining forms Latvian writes together with the next
/// word («superčempions», «ekoprodukts», «velopastaiga»), and «ne».
const PREFIXOIDS: &[&str] = &[
    "aero", "agro", "anti", "audio", "auto", "bio", "eko", "eks", "elektro", "foto", "giga",
    "hidro", "hiper", "infra", "inter", "kiber", "kino", "kontr", "makro", "mega", "mikro", "mini",
    "multi", "nano", "ne", "neo", "post", "pro", "pseido", "radio", "super", "tele", "termo",
    "trans", "ultra", "velo", "vice", "video",
];

/// Endings of inhabitants' names formed from place names: -ietis/-iete,
/// -nieks/-niece in every case.
const INHABITANT_ENDINGS: &[&str] = &[
    "ietis", "ieša", "ietim", "ieti", "ietī", "ieši", "iešu", "iešiem", "iešus", "iešos", "iete",
    "ietes", "ietei", "ietē", "ietēm", "nieks", "nieka", "niekam", "nieku", "niekā", "nieki",
    "niekiem", "niekus", "niekos", "niece", "nieces", "niecei", "niecē", "niecēm",
];

/// Is `w` (lower case) formed in a way the dictionary does not list: a
/// combining form or «ne» before a known word, or an inhabitant's name?
/// Never when diacritics or one edit make it a common word.
fn word_formation(ctx: &Ctx<'_>, w: &str) -> bool {
    let m = ctx.morphology();
    let prefixed = PREFIXOIDS.iter().any(|p| {
        w.strip_prefix(p)
            .is_some_and(|rest| rest.chars().count() >= 4 && m.is_known(rest))
    });
    let inhabitant = INHABITANT_ENDINGS.iter().any(|e| {
        w.strip_suffix(e)
            .is_some_and(|stem| stem.chars().count() >= 3)
    });
    (prefixed || inhabitant) && !near_known(ctx, w, COMMON_ZIPF)
}

/// Latvian writes compounds as one word and the dictionary lists few
/// («trīslitru», «asinssagatavošanas», «finālsērijā»): accept a word that
/// splits into a known first part (a word, or a noun stem that takes
/// -s, -a, -e or -is) and a known second part of at least four letters.
fn compound(ctx: &Ctx<'_>, w: &str) -> bool {
    let m = ctx.morphology();
    let idx: Vec<usize> = w.char_indices().map(|(i, _)| i).collect();
    let n = idx.len();
    if n < 7 {
        return false;
    }
    for &at in idx.iter().take(n.saturating_sub(3)).skip(3) {
        let (left, right) = w.split_at(at);
        if !m.is_known(right) {
            continue;
        }
        if m.is_known(left)
            || ["s", "a", "e", "is", "š"]
                .iter()
                .any(|e| m.is_known(&format!("{left}{e}")))
        {
            return true;
        }
    }
    false
}

impl Engine for SpellingEngine {
    fn scope(&self) -> super::Scope {
        // the one document-wide decision (a name written with a capital inside another
        // sentence) is made in `filter_document`
        super::Scope::Sentence
    }

    fn filter_document(&self, ctx: &Ctx<'_>, hits: &mut Vec<Hit>) {
        let capitalised = |w: &str| {
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase)
        };
        let word = |h: &Hit| &ctx.text[h.span.start..h.span.end];
        let mine = |h: &Hit| self.rules.iter().any(|(r, _)| *r == h.rule);
        if !hits.iter().any(|h| mine(h) && capitalised(word(h))) {
            return;
        }
        let names = names_inside_sentences(ctx);
        hits.retain(|h| !(mine(h) && capitalised(word(h)) && names.contains(name_key(word(h)))));
    }

    fn run(&self, ctx: &Ctx<'_>, out: &mut Vec<Hit>) {
        let rules: Vec<(usize, Variant)> = self
            .rules
            .iter()
            .copied()
            .filter(|&(r, _)| (ctx.enabled)(r))
            .collect();
        if rules.is_empty() {
            return;
        }
        let toks = &ctx.seg.tokens;
        for s in &ctx.seg.sentences {
            // words of the sentence the dictionary does not know
            let mut first = true;
            let mut unknown: Vec<usize> = Vec::new();
            for i in s.tokens.clone() {
                let t = &toks[i];
                match t.kind {
                    TokenKind::Word => {}
                    TokenKind::Punct | TokenKind::Symbol | TokenKind::Ordinal => continue,
                    _ => {
                        first = false;
                        continue;
                    }
                }
                let w = t.text(ctx.text);
                let was_first = std::mem::replace(&mut first, false);
                if exempt(ctx, w, was_first) || known(ctx, i, w) || abbreviation_with_stop(ctx, i) {
                    continue;
                }
                unknown.push(i);
            }
            // a word right beside another unknown word (only a space
            // between) belongs to a foreign phrase
            let beside = |i: usize, j: usize| {
                let (a, b) = (i.min(j), i.max(j));
                b == a + 1
                    && ctx.text[toks[a].end..toks[b].start]
                        .chars()
                        .all(char::is_whitespace)
            };
            let typed_bare =
                |i: usize| diacritics_make_known(ctx, &toks[i].text(ctx.text).to_lowercase());
            for (k, &i) in unknown.iter().enumerate() {
                let t = &toks[i];
                let w = t.text(ctx.text);
                let lower = w.to_lowercase();
                if attested(ctx, &lower) || word_formation(ctx, &lower) {
                    continue;
                }
                let neighbour = [k.checked_sub(1), Some(k + 1)]
                    .into_iter()
                    .flatten()
                    .filter_map(|n| unknown.get(n))
                    .any(|&j| beside(i, j) && !typed_bare(j));
                if neighbour && !typed_bare(i) {
                    continue; // a foreign phrase
                }
                let capitalised = w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().any(char::is_lowercase);
                if capitalised && !near_known(ctx, &lower, COMMON_ZIPF) {
                    continue; // most likely a name (see also `filter_document`)
                }
                let slip = capitalised
                    || diacritic_variant(&lower, |v| ctx.morphology().is_known(v))
                    || near_known(ctx, &lower, ATTESTED_ZIPF);
                for &(rule, variant) in &rules {
                    let wanted = match variant {
                        Variant::Any => true,
                        Variant::Typo => slip,
                        Variant::Unknown => !slip,
                    };
                    if !wanted {
                        continue;
                    }
                    out.push(Hit {
                        rule,
                        span: Span::new(t.start, t.end),
                        suggestions: Vec::new(),
                        value: None,
                        max: None,
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::RuleSet;
    use crate::{Analyzer, Settings};

    const RULE: &str = r#"
[[rule]]
id = "SP"
kind = "spelling"
category = "spelling"
message = "m"
explanation = "e"
[[rule.example]]
bad = "x"
good = "y"
"#;

    fn flagged_with(text: &str, settings: Settings) -> Vec<String> {
        let rules = RuleSet::from_sources([("t.toml", RULE)]).unwrap();
        let a = Analyzer::new(rules, settings);
        a.check(text)
            .diagnostics
            .into_iter()
            .map(|d| d.text)
            .collect()
    }

    fn flagged(text: &str) -> Vec<String> {
        flagged_with(text, Settings::default())
    }

    #[test]
    fn unknown_words_are_flagged() {
        assert_eq!(flagged("Iesniegums jāiesniedz pasvaldibā."), ["pasvaldibā"]);
        assert_eq!(flagged("Pasvaldiba atbalsta ģimenes."), ["Pasvaldiba"]);
        assert_eq!(flagged("Lūdzu, atsūtiet dokumnetu."), ["dokumnetu"]);
        assert_eq!(flagged("Dokumnets ir klāt."), ["Dokumnets"]);
        // in the frequency list, but a known word without its diacritics
        assert_eq!(flagged("Es tapec nenācu, lidz vakaram."), ["tapec", "lidz"]);
        assert_eq!(
            flagged("Gaidi, kāmēr tādejādi pabeigs."),
            ["kāmēr", "tādejādi"]
        );
        // side by side but typed without diacritics: not a foreign phrase
        assert_eq!(
            flagged("Iesniegums jaiesniedz pasvaldiba."),
            ["jaiesniedz", "pasvaldiba"]
        );
        // a typo in a known word with a combining form is still a typo
        assert_eq!(flagged("Tas ir superdokumnets."), ["superdokumnets"]);
    }

    /// The words the `typo` and the `unknown` variant report in `text`.
    fn by_variant(text: &str) -> (Vec<String>, Vec<String>) {
        let rule = |id: &str, v: &str| {
            format!(
                "[[rule]]\nid = \"{id}\"\nkind = \"spelling\"\nvariant = \"{v}\"\ncategory = \"spelling\"\nmessage = \"m\"\nexplanation = \"e\"\n[[rule.example]]\nbad = \"x\"\ngood = \"y\"\n"
            )
        };
        let src = rule("T", "typo") + &rule("U", "unknown");
        let rules = RuleSet::from_sources([("t.toml", src.as_str())]).unwrap();
        let a = Analyzer::new(rules, Settings::default());
        let (mut typo, mut unknown) = (Vec::new(), Vec::new());
        for d in a.check(text).diagnostics {
            if &*d.rule == "T" {
                typo.push(d.text)
            } else {
                unknown.push(d.text)
            }
        }
        (typo, unknown)
    }

    #[test]
    fn typos_and_other_unknown_words_are_told_apart() {
        // diacritics added or removed, or one edit, give a word in use: a slip
        let (typo, unknown) = by_variant(
            "Iesniedziet pasvaldibā. Viņa apsēžās. Atsūtiet dokumnetu. Lasiet biblīotēkā.",
        );
        assert_eq!(typo, ["pasvaldibā", "apsēžās", "dokumnetu", "biblīotēkā"]);
        assert!(unknown.is_empty(), "{unknown:?}");
        // nothing close is a word in use: slang, loans, forms the dictionary lacks
        let (typo, unknown) = by_variant("Viņa bauda snovojot. Koks ātri satrupē.");
        assert!(typo.is_empty(), "{typo:?}");
        assert_eq!(unknown, ["snovojot", "satrupē"]);
        // a word is reported by one variant only, and without a variant by the rule
        assert_eq!(
            flagged("Viņa bauda snovojot, bet apsēžās."),
            ["snovojot", "apsēžās"]
        );
    }

    #[test]
    fn what_is_never_flagged() {
        let quiet = [
            "VARAM un VID strādā kopā.",
            "Rakstiet uz info@example.lv vai skatiet https://example.lv/abc.",
            "Maksa ir 12,50 eiro un 3A klase.",
            "Sveiks, Jānis Bērziņš un Smits ieradās.",
            "LIKUMS PAR PAŠVALDĪBĀM.",
            "Darbs e-pastā un tiešsaistē.",
            "Viņš citēja Goethe un Schwarz.",
            // the dictionary lacks these forms; real Latvian text has them
            "Ceļš vedīs uz Padures pagastu, kur būs jogas nodarbības.",
            // an abbreviation with its full stop
            "Nikosija kopš 11.gs. ir galvaspilsēta.",
            // a name at the start of a sentence, one edit from other names
            "Spolītis izstājās no partijas.",
            // word formation the dictionary does not list
            "Veikalā ir ekoprodukts un superčempionu krekli; salacgrīvieši priecājās.",
            "Tas nebioloģiski skan.",
            // a foreign phrase
            "Grāmata «Storia della pittorica» ir izdota.",
        ];
        for t in quiet {
            assert!(flagged(t).is_empty(), "{t}: {:?}", flagged(t));
        }
    }

    #[test]
    fn a_name_used_inside_a_sentence_is_a_name_at_the_start_too() {
        assert_eq!(flagged("Krūzs piebilda."), ["Krūzs"]);
        assert!(
            flagged("Filmā spēlē Toms Krūzs. Krūzs piebilda, ka Krūza loma ir maza.").is_empty()
        );
    }

    #[test]
    fn user_words_are_known() {
        let s = Settings {
            extra_words: vec!["pasvaldibā".into()],
            ..Settings::default()
        };
        assert!(flagged_with("Iesniegums jāiesniedz pasvaldibā.", s).is_empty());
    }

    #[test]
    fn suggestions_are_filled_on_request() {
        let rules = RuleSet::from_sources([("t.toml", RULE)]).unwrap();
        let a = Analyzer::new(rules, Settings::default());
        let mut r = a.check("Iesniegums jāiesniedz pasvaldibā.");
        assert!(r.diagnostics[0].suggestions.is_empty());
        a.fill_spelling_suggestions(&mut r, 10);
        assert_eq!(r.diagnostics[0].suggestions[0].replacement, "pašvaldībā");
    }
}
