//! A per-caller cache of analyses by word form.
//!
//! [`Morphology`] itself caches nothing (it stays lock-free and its memory
//! does not grow with the text). A document run or an LSP session keeps one
//! [`AnalysisCache`] per thread; real text repeats its forms so heavily
//! that most lookups hit (see `benches/morph.rs`).

use rustc_hash::FxHashMap;

use crate::{Analysis, Morphology};

/// Word form → analyses, bounded: when `capacity` distinct forms are held
/// the cache is cleared and refilled (cheap, and never unbounded).
#[derive(Debug, Default, Clone)]
pub struct AnalysisCache {
    map: FxHashMap<Box<str>, Box<[Analysis]>>,
    capacity: usize,
}

impl AnalysisCache {
    /// A cache holding at most `capacity` distinct forms (0 = 100 000).
    pub fn new(capacity: usize) -> AnalysisCache {
        AnalysisCache {
            map: FxHashMap::default(),
            capacity: if capacity == 0 { 100_000 } else { capacity },
        }
    }

    /// The analyses of `word`, computed once per form.
    pub fn analyze(&mut self, m: &Morphology, word: &str) -> &[Analysis] {
        if !self.map.contains_key(word) {
            if self.map.len() >= self.capacity.max(1) {
                self.map.clear();
            }
            self.map
                .insert(word.into(), m.analyze(word).into_boxed_slice());
        }
        match self.map.get(word) {
            Some(a) => a,
            None => unreachable!("inserted just above"),
        }
    }

    /// Number of cached forms.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}
