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
use crate::error::{MorphError, Source};

/// One dictionary entry (a stem line of the `.dic` file).
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub(crate) flags: FlagSet,
    /// Morphological fields (`po:lietv5r`), space separated; interned, as
    /// a few dozen distinct strings cover 66 000 entries.
    pub(crate) morph: Arc<str>,
}

/// The entries of one word (almost always exactly one).
pub(crate) type Entries = SmallVec<[Entry; 1]>;

/// Index of a rule in [`AffixFile::rules`].
pub(crate) type RuleId = u32;

/// Rules sharing an `add` string, grouped by their `strip` string.
type Groups = Vec<(Box<str>, Vec<RuleId>)>;

fn push_grouped(groups: &mut Groups, strip: &str, id: RuleId) {
    match groups.iter_mut().find(|(s, _)| &**s == strip) {
        Some((_, ids)) => ids.push(id),
        None => groups.push((strip.into(), vec![id])),
    }
}

/// One way a word form is generated: stem entry plus affix chain.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RawAnalysis<'a> {
    pub(crate) stem: &'a str,
    pub(crate) entry: &'a Entry,
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
    pub(crate) words: FxHashMap<Box<str>, Entries>,
    /// Suffix rules by their `add` string, grouped by `strip` so that the
    /// dictionary is probed once per candidate base.
    sfx_by_add: FxHashMap<Box<str>, Groups>,
    /// For each flag character (index = ASCII code): the suffix rules whose
    /// continuation flags contain it, by their `add` string. Only flags
    /// that appear in some continuation class have a non-empty map, so the
    /// twofold search is skipped for all other outer rules.
    inner_by_flag: Vec<FxHashMap<Box<str>, Groups>>,
    prefixes: Vec<RuleId>,
    max_sfx_chars: usize,
}

impl Engine {
    pub(crate) fn new(aff_text: &str, dic_text: &str) -> Result<Engine, MorphError> {
        let aff = AffixFile::parse(aff_text)?;
        let words = parse_dic(dic_text)?;
        Ok(Engine::from_parts(aff, words))
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
        let mut words: FxHashMap<Box<str>, Entries> = FxHashMap::default();
        words.reserve(self.words.len());
        for (w, entries) in &self.words {
            let slot = words.entry(fold(w).into()).or_default();
            for e in entries {
                slot.push(Entry {
                    flags: e.flags,
                    morph: Arc::from(&**w),
                });
            }
        }
        Engine::from_parts(aff, words)
    }

    fn from_parts(aff: AffixFile, words: FxHashMap<Box<str>, Entries>) -> Engine {
        let mut sfx_by_add: FxHashMap<Box<str>, Groups> = FxHashMap::default();
        let mut inner_by_flag: Vec<FxHashMap<Box<str>, Groups>> =
            (0..128).map(|_| FxHashMap::default()).collect();
        let mut prefixes = Vec::new();
        let mut max_sfx_chars = 0;
        for (i, r) in aff.rules.iter().enumerate() {
            let id = i as RuleId;
            match r.kind {
                AffixKind::Prefix => prefixes.push(id),
                AffixKind::Suffix => {
                    max_sfx_chars = max_sfx_chars.max(r.add.chars().count());
                    push_grouped(sfx_by_add.entry(r.add.clone()).or_default(), &r.strip, id);
                    for (f, map) in inner_by_flag.iter_mut().enumerate() {
                        if r.cont.contains(Flag::from_ascii(f as u8)) {
                            push_grouped(map.entry(r.add.clone()).or_default(), &r.strip, id);
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
        if let Some((stem, entries)) = self.words.get_key_value(word) {
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
                if let Some((stem, entries)) = self.words.get_key_value(rest.as_str()) {
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
                let found = self.words.get_key_value(base.as_str());
                for &rid in rules {
                    let r = self.rule(rid);
                    if p.is_some() && !r.cross_product {
                        continue;
                    }
                    let twofold = !self.inner_by_flag[r.flag.index()].is_empty();
                    if (found.is_none() && !twofold) || !r.condition.matches_end(&base) {
                        continue;
                    }
                    if let Some((stem, entries)) = found {
                        if !r.cont.contains(self.aff.needaffix) && p_circ == self.circumfix(r) {
                            for entry in entries {
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
                let Some((stem, entries)) = self.words.get_key_value(base.as_str()) else {
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
                    for entry in entries {
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
        for part in std::iter::once(&*a.entry.morph).chain(
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
fn parse_dic(text: &str) -> Result<FxHashMap<Box<str>, Entries>, MorphError> {
    let mut words: FxHashMap<Box<str>, Entries> = FxHashMap::default();
    let mut lines = text.lines().enumerate().peekable();
    if let Some((_, first)) = lines.peek() {
        if first
            .trim()
            .trim_start_matches('\u{feff}')
            .parse::<usize>()
            .is_ok()
        {
            if let Some((_, first)) = lines.next() {
                let n: usize = first
                    .trim()
                    .trim_start_matches('\u{feff}')
                    .parse()
                    .unwrap_or(0);
                words.reserve(n);
            }
        }
    }
    parse_dic_lines(&mut words, lines)?;
    Ok(words)
}

/// Parses `.dic` entry lines (0-based line index, text) into `words`.
fn parse_dic_lines<'t>(
    words: &mut FxHashMap<Box<str>, Entries>,
    lines: impl Iterator<Item = (usize, &'t str)>,
) -> Result<(), MorphError> {
    let mut interned: FxHashMap<String, Arc<str>> = FxHashMap::default();
    for (idx, line) in lines {
        let line_no = idx + 1;
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') || line.starts_with('\t') {
            continue;
        }
        let (head, rest) = match line.find([' ', '\t']) {
            Some(i) => (&line[..i], line[i..].trim()),
            None => (line, ""),
        };
        let (word, flags) = match head.find('/') {
            Some(i) => (&head[..i], &head[i + 1..]),
            None => (head, ""),
        };
        if word.is_empty() {
            return Err(MorphError::syntax(Source::Dic, line_no, "empty word"));
        }
        let flags = FlagSet::parse(flags).map_err(|c| {
            MorphError::unsupported(Source::Dic, line_no, format!("non-ASCII flag {c:?}"))
        })?;
        // Keep only `key:value` fields; lv_LV has a few stray tokens.
        let single = !rest.contains([' ', '\t']) && (rest.is_empty() || rest.contains(':'));
        let built;
        let key: &str = if single {
            rest
        } else {
            let mut m = String::new();
            for field in rest.split_whitespace().filter(|f| f.contains(':')) {
                if m.split(' ').any(|x| x == field) {
                    continue;
                }
                if !m.is_empty() {
                    m.push(' ');
                }
                m.push_str(field);
            }
            built = m;
            &built
        };
        let morph = match interned.get(key) {
            Some(m) => m.clone(),
            None => {
                let m: Arc<str> = Arc::from(key);
                interned.insert(key.to_owned(), m.clone());
                m
            }
        };
        words
            .entry(word.into())
            .or_default()
            .push(Entry { flags, morph });
    }
    Ok(())
}
