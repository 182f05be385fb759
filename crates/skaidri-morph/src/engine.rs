//! The hunspell-style affix-stripping engine: the dictionary (`.dic`) as a
//! hash map and the search for every (stem entry, affix chain) that
//! generates a word form, like hunspell's `analyze`.
//!
//! Supported: one optional prefix, up to two suffixes (twofold suffixes via
//! continuation flags), cross products, `CIRCUMFIX`, `NEEDAFFIX` on entries
//! and on continuation classes, `FORBIDDENWORD`. Not supported: compounding
//! (lv_LV does not use it), `FLAG long|num|UTF-8`, `AF`/`AM` aliases.
//!
//! Generation ([`Engine::generate`]) is the inverse: applying a chain to an
//! entry, used by the speller to rebuild real forms from folded matches.

use std::sync::Arc;

use rustc_hash::FxHashMap;
use smallvec::SmallVec;

use crate::aff::{AffixFile, AffixKind, AffixRule, Flag, FlagSet};
use crate::dicfmt;
use crate::error::{MorphError, Source};
use crate::static_dict::{StaticDict, StaticEntries};

/// One dictionary entry (a stem line of the `.dic` file) parsed at run
/// time (`from_hunspell`, terms, user dictionaries).
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub(crate) flags: FlagSet,
    /// Morphological fields (`po:lietv5r`), space separated; interned, as
    /// a few dozen distinct strings cover 66 000 entries.
    pub(crate) morph: Arc<str>,
}

/// The entries of one word (almost always exactly one).
pub(crate) type Entries = SmallVec<[Entry; 1]>;

/// A dictionary entry as the search sees it, wherever it is stored.
#[derive(Debug, Clone, Copy)]
pub(crate) struct EntryRef<'a> {
    pub(crate) flags: FlagSet,
    /// Morphological fields, space separated.
    pub(crate) morph: &'a str,
}

/// The entries of one word, in `.dic` order.
#[derive(Debug, Clone)]
pub(crate) enum EntryIter<'a> {
    Owned(std::slice::Iter<'a, Entry>),
    Static(StaticEntries),
}

impl<'a> Iterator for EntryIter<'a> {
    type Item = EntryRef<'a>;

    fn next(&mut self) -> Option<EntryRef<'a>> {
        match self {
            EntryIter::Owned(it) => it.next().map(|e| EntryRef {
                flags: e.flags,
                morph: &e.morph,
            }),
            EntryIter::Static(it) => it.next().map(|(flags, morph)| EntryRef { flags, morph }),
        }
    }
}

/// The word list: an optional precomputed base (the embedded lv_LV list,
/// read in place) plus words parsed at run time. A base word that gains
/// entries at run time is copied whole into `owned` (base entries first),
/// and `owned` is consulted first.
#[derive(Debug)]
pub(crate) struct Dict {
    base: Option<&'static StaticDict>,
    owned: FxHashMap<Box<str>, Entries>,
    /// With a base: a one-hash Bloom filter (4 096 bits of
    /// `dicfmt::hash`) of the words in `owned`, so that a lookup hashes
    /// once and rarely probes `owned` as well.
    owned_filter: [u64; 64],
}

/// The filter word and bit of a hash.
fn filter_pos(h: u64) -> (usize, u64) {
    (((h >> 6) & 63) as usize, 1u64 << (h & 63))
}

impl Default for Dict {
    fn default() -> Dict {
        Dict {
            base: None,
            owned: FxHashMap::default(),
            owned_filter: [0; 64],
        }
    }
}

impl Dict {
    /// A dictionary over a precomputed word list.
    pub(crate) fn with_base(base: &'static StaticDict) -> Dict {
        Dict {
            base: Some(base),
            ..Dict::default()
        }
    }

    /// The stored spelling equal to `word` and its entries.
    #[inline(always)]
    pub(crate) fn get(&self, word: &str) -> Option<(&str, EntryIter<'_>)> {
        let Some(base) = self.base else {
            return self
                .owned
                .get_key_value(word)
                .map(|(k, v)| (&**k, EntryIter::Owned(v.iter())));
        };
        let h = dicfmt::hash(word.as_bytes());
        let (i, bit) = filter_pos(h);
        if self.owned_filter[i] & bit != 0 {
            if let Some((k, v)) = self.owned.get_key_value(word) {
                return Some((k, EntryIter::Owned(v.iter())));
            }
        }
        let (stem, es) = base.get_hashed(word, h)?;
        Some((stem, EntryIter::Static(es)))
    }

    fn owned_may_contain(&self, word: &str) -> bool {
        let (i, bit) = filter_pos(dicfmt::hash(word.as_bytes()));
        self.owned_filter[i] & bit != 0
    }

    /// Appends an entry to `word` (after its existing entries).
    fn push(&mut self, word: &str, entry: Entry) {
        if let Some(v) = self.owned.get_mut(word) {
            v.push(entry);
            return;
        }
        let mut v = Entries::new();
        if let Some((_, es)) = self.base.and_then(|b| b.get(word)) {
            v.extend(es.map(|(flags, morph)| Entry {
                flags,
                morph: Arc::from(morph),
            }));
        }
        v.push(entry);
        self.owned.insert(word.into(), v);
        let (i, bit) = filter_pos(dicfmt::hash(word.as_bytes()));
        self.owned_filter[i] |= bit;
    }

    /// Number of distinct words.
    pub(crate) fn len(&self) -> usize {
        let base = self.base.map_or(0, |b| {
            b.len() - self.owned.keys().filter(|k| b.get(k).is_some()).count()
        });
        self.owned.len() + base
    }

    /// Every word with its entries.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, EntryIter<'_>)> {
        let owned = self
            .owned
            .iter()
            .map(|(k, v)| (&**k, EntryIter::Owned(v.iter())));
        let base = self
            .base
            .into_iter()
            .flat_map(|b| b.iter())
            .filter(|(w, _)| !self.owned_may_contain(w) || !self.owned.contains_key(*w))
            .map(|(w, es)| (w, EntryIter::Static(es)));
        owned.chain(base)
    }
}

/// Index of a rule in [`AffixFile::rules`].
pub(crate) type RuleId = u32;

/// Rules sharing an `add` string, grouped by their `strip` string.
type Groups = Vec<(Arc<str>, SmallVec<[RuleId; 2]>)>;

/// The groups for `add`, inserted empty when missing (without allocating
/// a key when present).
fn groups_for<'m>(map: &'m mut FxHashMap<Arc<str>, Groups>, add: &Arc<str>) -> &'m mut Groups {
    if !map.contains_key(&**add) {
        map.insert(add.clone(), Groups::new());
    }
    match map.get_mut(&**add) {
        Some(g) => g,
        None => unreachable!("inserted just above"),
    }
}

fn push_grouped(groups: &mut Groups, strip: &Arc<str>, id: RuleId) {
    match groups.iter_mut().find(|(s, _)| **s == **strip) {
        Some((_, ids)) => ids.push(id),
        None => groups.push((strip.clone(), smallvec::smallvec![id])),
    }
}

/// One way a word form is generated: stem entry plus affix chain.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RawAnalysis<'a> {
    pub(crate) stem: &'a str,
    pub(crate) entry: EntryRef<'a>,
    pub(crate) prefix: Option<RuleId>,
    /// Suffix applied to the stem (the only one for one-level analyses).
    pub(crate) inner: Option<RuleId>,
    /// Suffix applied on top of `inner` (twofold suffixes).
    pub(crate) outer: Option<RuleId>,
}

/// Dictionary plus affix rules, indexed for analysis.
#[derive(Debug)]
pub(crate) struct Engine {
    pub(crate) aff: AffixFile,
    pub(crate) words: Dict,
    /// Suffix rules by their `add` string, grouped by `strip` so that the
    /// dictionary is probed once per candidate base.
    sfx_by_add: FxHashMap<Arc<str>, Groups>,
    /// For each flag character (index = ASCII code): the suffix rules whose
    /// continuation flags contain it, by their `add` string. Only flags
    /// that appear in some continuation class have a non-empty map, so the
    /// twofold search is skipped for all other outer rules.
    inner_by_flag: Vec<FxHashMap<Arc<str>, Groups>>,
    prefixes: Vec<RuleId>,
    max_sfx_chars: usize,
}

impl Engine {
    pub(crate) fn new(aff_text: &str, dic_text: &str) -> Result<Engine, MorphError> {
        let aff = AffixFile::parse(aff_text)?;
        let words = parse_dic(dic_text)?;
        Ok(Engine::from_parts(aff, words))
    }

    /// The engine over a precomputed word list (the embedded lv_LV).
    pub(crate) fn with_static(
        aff_text: &str,
        base: &'static StaticDict,
    ) -> Result<Engine, MorphError> {
        let aff = AffixFile::parse(aff_text)?;
        Ok(Engine::from_parts(aff, Dict::with_base(base)))
    }

    /// A copy whose words and affixes are folded with `fold` and whose
    /// conditions are dropped (they are re-checked on the real strings by
    /// [`Engine::generate`]). Each folded entry's `morph` holds the real
    /// stem it came from.
    pub(crate) fn folded(&self, fold: impl Fn(&str) -> String) -> Engine {
        let mut aff = self.aff.clone();
        for r in &mut aff.rules {
            r.add = fold(&r.add).into();
            r.strip = fold(&r.strip).into();
            r.condition = Default::default();
        }
        let mut words = Dict::default();
        words.owned.reserve(self.words.len());
        for (w, entries) in self.words.iter() {
            let folded = fold(w);
            let real: Arc<str> = Arc::from(w);
            for e in entries {
                words.push(
                    &folded,
                    Entry {
                        flags: e.flags,
                        morph: real.clone(),
                    },
                );
            }
        }
        Engine::from_parts(aff, words)
    }

    fn from_parts(aff: AffixFile, words: Dict) -> Engine {
        let mut sfx_by_add: FxHashMap<Arc<str>, Groups> = FxHashMap::default();
        let mut inner_by_flag: Vec<FxHashMap<Arc<str>, Groups>> =
            (0..128).map(|_| FxHashMap::default()).collect();
        let mut prefixes = Vec::new();
        let mut max_sfx_chars = 0;
        for (i, r) in aff.rules.iter().enumerate() {
            let id = i as RuleId;
            match r.kind {
                AffixKind::Prefix => prefixes.push(id),
                AffixKind::Suffix => {
                    max_sfx_chars = max_sfx_chars.max(r.add.chars().count());
                    push_grouped(groups_for(&mut sfx_by_add, &r.add), &r.strip, id);
                    // Only the continuation flags that are set (ascending,
                    // flag 0 = none never is).
                    for f in r.cont.iter() {
                        if let Some(map) = inner_by_flag.get_mut(f.index()) {
                            push_grouped(groups_for(map, &r.add), &r.strip, id);
                        }
                    }
                }
            }
        }
        Engine {
            aff,
            words,
            sfx_by_add,
            inner_by_flag,
            prefixes,
            max_sfx_chars,
        }
    }

    pub(crate) fn rule(&self, id: RuleId) -> &AffixRule {
        &self.aff.rules[id as usize]
    }

    /// Adds `.dic`-format lines (no count line) to the dictionary.
    pub(crate) fn add_dic_text(&mut self, text: &str) -> Result<(), MorphError> {
        parse_dic_lines(&mut self.words, text.lines().enumerate())
    }

    fn circumfix(&self, r: &AffixRule) -> bool {
        r.cont.contains(self.aff.circumfix)
    }

    /// Does any analysis exist? Stops at the first one.
    pub(crate) fn check(&self, word: &str) -> bool {
        let mut found = false;
        self.walk(word, &mut |_| {
            found = true;
            false
        });
        found
    }

    /// All analyses of `word` (exact spelling, no case folding).
    pub(crate) fn analyze<'a>(&'a self, word: &str, out: &mut Vec<RawAnalysis<'a>>) {
        self.walk(word, &mut |a| {
            out.push(a);
            true
        });
    }

    /// Calls `f` for every analysis until it returns false.
    fn walk<'a>(&'a self, word: &str, f: &mut dyn FnMut(RawAnalysis<'a>) -> bool) -> bool {
        if word.is_empty() {
            return true;
        }
        if let Some((stem, entries)) = self.words.get(word) {
            for entry in entries {
                if entry.flags.contains(self.aff.needaffix)
                    || entry.flags.contains(self.aff.forbidden)
                {
                    continue;
                }
                let a = RawAnalysis {
                    stem,
                    entry,
                    prefix: None,
                    inner: None,
                    outer: None,
                };
                if !f(a) {
                    return false;
                }
            }
        }
        if !self.suffixes(word, None, f) {
            return false;
        }
        let mut rest = String::new();
        for &pid in &self.prefixes {
            let p = self.rule(pid);
            let Some(tail) = word.strip_prefix(&*p.add) else {
                continue;
            };
            if tail.is_empty() {
                continue;
            }
            rest.clear();
            rest.push_str(&p.strip);
            rest.push_str(tail);
            if !p.condition.matches_start(&rest) {
                continue;
            }
            if !self.circumfix(p) {
                if let Some((stem, entries)) = self.words.get(rest.as_str()) {
                    for entry in entries {
                        if entry.flags.contains(p.flag) && !entry.flags.contains(self.aff.forbidden)
                        {
                            let a = RawAnalysis {
                                stem,
                                entry,
                                prefix: Some(pid),
                                inner: None,
                                outer: None,
                            };
                            if !f(a) {
                                return false;
                            }
                        }
                    }
                }
            }
            if p.cross_product && !self.suffixes(&rest, Some(pid), f) {
                return false;
            }
        }
        true
    }

    /// Byte offsets where a suffix of at most `max_sfx_chars` may start,
    /// longest root first.
    fn split_points<'w>(&'w self, word: &'w str) -> impl Iterator<Item = usize> + 'w {
        let len = word.len();
        std::iter::once(len).chain(
            word.char_indices()
                .rev()
                .take(self.max_sfx_chars)
                .map(|(i, _)| i),
        )
    }

    fn suffixes<'a>(
        &'a self,
        word: &str,
        pfx: Option<RuleId>,
        f: &mut dyn FnMut(RawAnalysis<'a>) -> bool,
    ) -> bool {
        let p = pfx.map(|id| self.rule(id));
        let p_circ = p.is_some_and(|p| self.circumfix(p));
        let mut base = String::new();
        for i in self.split_points(word) {
            let Some(groups) = self.sfx_by_add.get(&word[i..]) else {
                continue;
            };
            for (strip, rules) in groups {
                if i == 0 && strip.is_empty() {
                    continue;
                }
                base.clear();
                base.push_str(&word[..i]);
                base.push_str(strip);
                let found = self.words.get(base.as_str());
                for &rid in rules {
                    let r = self.rule(rid);
                    if p.is_some() && !r.cross_product {
                        continue;
                    }
                    let twofold = !self.inner_by_flag[r.flag.index()].is_empty();
                    if (found.is_none() && !twofold) || !r.condition.matches_end(&base) {
                        continue;
                    }
                    if let Some((stem, entries)) = &found {
                        if !r.cont.contains(self.aff.needaffix) && p_circ == self.circumfix(r) {
                            for entry in entries.clone() {
                                if !entry.flags.contains(r.flag)
                                    || entry.flags.contains(self.aff.forbidden)
                                {
                                    continue;
                                }
                                if let Some(p) = p {
                                    if !entry.flags.contains(p.flag) && !r.cont.contains(p.flag) {
                                        continue;
                                    }
                                }
                                let a = RawAnalysis {
                                    stem,
                                    entry,
                                    prefix: pfx,
                                    inner: Some(rid),
                                    outer: None,
                                };
                                if !f(a) {
                                    return false;
                                }
                            }
                        }
                    }
                    if twofold && !self.inner_suffixes(&base, rid, pfx, f) {
                        return false;
                    }
                }
            }
        }
        true
    }

    fn inner_suffixes<'a>(
        &'a self,
        word: &str,
        outer: RuleId,
        pfx: Option<RuleId>,
        f: &mut dyn FnMut(RawAnalysis<'a>) -> bool,
    ) -> bool {
        let o = self.rule(outer);
        let p = pfx.map(|id| self.rule(id));
        let p_circ = p.is_some_and(|p| self.circumfix(p));
        let index = &self.inner_by_flag[o.flag.index()];
        let mut base = String::new();
        for i in self.split_points(word) {
            let Some(groups) = index.get(&word[i..]) else {
                continue;
            };
            for (strip, rules) in groups {
                if i == 0 && strip.is_empty() {
                    continue;
                }
                base.clear();
                base.push_str(&word[..i]);
                base.push_str(strip);
                let Some((stem, entries)) = self.words.get(base.as_str()) else {
                    continue;
                };
                for &rid in rules {
                    let r = self.rule(rid);
                    if p.is_some() && !r.cross_product {
                        continue;
                    }
                    if p_circ != (self.circumfix(r) || self.circumfix(o)) {
                        continue;
                    }
                    if !r.condition.matches_end(&base) {
                        continue;
                    }
                    for entry in entries.clone() {
                        if !entry.flags.contains(r.flag) || entry.flags.contains(self.aff.forbidden)
                        {
                            continue;
                        }
                        if let Some(p) = p {
                            if !entry.flags.contains(p.flag)
                                && !r.cont.contains(p.flag)
                                && !o.cont.contains(p.flag)
                            {
                                continue;
                            }
                        }
                        let a = RawAnalysis {
                            stem,
                            entry,
                            prefix: pfx,
                            inner: Some(rid),
                            outer: Some(outer),
                        };
                        if !f(a) {
                            return false;
                        }
                    }
                }
            }
        }
        true
    }

    /// Applies a suffix rule to `word` (no condition check).
    fn apply_suffix(r: &AffixRule, word: &str) -> Option<String> {
        let root = word.strip_suffix(&*r.strip)?;
        Some(format!("{root}{}", r.add))
    }

    /// Rebuilds the surface form of an analysis, checking conditions.
    pub(crate) fn generate(&self, a: &RawAnalysis<'_>) -> Option<String> {
        let mut w = a.stem.to_owned();
        for id in [a.inner, a.outer].into_iter().flatten() {
            let r = self.rule(id);
            if !r.condition.matches_end(&w) {
                return None;
            }
            w = Self::apply_suffix(r, &w)?;
        }
        if let Some(id) = a.prefix {
            let p = self.rule(id);
            if !p.condition.matches_start(&w) {
                return None;
            }
            let tail = w.strip_prefix(&*p.strip)?;
            w = format!("{}{tail}", p.add);
        }
        Some(w)
    }

    /// The flag characters of the affixes in an analysis, prefix first.
    pub(crate) fn chain_flags(&self, a: &RawAnalysis<'_>) -> (Flag, Flag, Flag) {
        let fl = |id: Option<RuleId>| id.map_or(Flag::NONE, |id| self.rule(id).flag);
        (fl(a.prefix), fl(a.inner), fl(a.outer))
    }

    /// The analysis in hunspell's `analyze` notation (plus `fl:` per affix).
    pub(crate) fn raw_string(&self, a: &RawAnalysis<'_>) -> String {
        let mut s = format!("st:{}", a.stem);
        for part in std::iter::once(a.entry.morph).chain(
            [a.prefix, a.inner, a.outer]
                .into_iter()
                .flatten()
                .map(|id| &*self.rule(id).morph),
        ) {
            if !part.is_empty() {
                s.push(' ');
                s.push_str(part);
            }
        }
        for id in [a.prefix, a.inner, a.outer].into_iter().flatten() {
            s.push_str(" fl:");
            s.push(self.rule(id).flag.as_char());
        }
        s
    }
}

/// Parses `.dic` text: an optional count line, then `word[/flags] [fields]`.
fn parse_dic(text: &str) -> Result<Dict, MorphError> {
    let mut words = Dict::default();
    let mut lines = text.lines().enumerate().peekable();
    if let Some(n) = lines
        .peek()
        .and_then(|(_, first)| dicfmt::count_line(first))
    {
        lines.next();
        words.owned.reserve(n);
    }
    parse_dic_lines(&mut words, lines)?;
    Ok(words)
}

/// Parses `.dic` entry lines (0-based line index, text) into `words`.
fn parse_dic_lines<'t>(
    words: &mut Dict,
    lines: impl Iterator<Item = (usize, &'t str)>,
) -> Result<(), MorphError> {
    let mut interned: FxHashMap<String, Arc<str>> = FxHashMap::default();
    for (idx, line) in lines {
        let line_no = idx + 1;
        let parsed = match dicfmt::parse_line(line) {
            Ok(Some(p)) => p,
            Ok(None) => continue,
            Err(msg) => return Err(MorphError::syntax(Source::Dic, line_no, msg)),
        };
        let flags = FlagSet::parse(parsed.flags).map_err(|c| {
            MorphError::unsupported(Source::Dic, line_no, format!("non-ASCII flag {c:?}"))
        })?;
        let key: &str = &parsed.morph;
        let morph = match interned.get(key) {
            Some(m) => m.clone(),
            None => {
                let m: Arc<str> = Arc::from(key);
                interned.insert(key.to_owned(), m.clone());
                m
            }
        };
        words.push(parsed.word, Entry { flags, morph });
    }
    Ok(())
}
