//! The embedded lv_LV word list, precomputed by `build.rs` and read in
//! place: no parsing, no allocation at start-up. The table layout is
//! described in `build.rs`; this module owns reading it. Only the pages a
//! lookup touches are ever loaded from the binary.

use crate::aff::FlagSet;
use crate::dicfmt;

/// The precomputed tables.
#[derive(Debug)]
pub(crate) struct StaticDict {
    words: &'static str,
    word_recs: &'static [u8],
    table: &'static [u8],
    entries: &'static [u8],
    flagsets: &'static [u8],
    morphs: &'static str,
    morph_recs: &'static [u8],
}

macro_rules! out_file {
    ($kind:ident, $name:literal) => {
        $kind!(concat!(env!("OUT_DIR"), "/", $name))
    };
}

/// The lv_LV 1.4.0 word list.
pub(crate) static LV: StaticDict = StaticDict::new(
    out_file!(include_str, "lv_words.txt"),
    out_file!(include_bytes, "lv_words.bin"),
    out_file!(include_bytes, "lv_table.bin"),
    out_file!(include_bytes, "lv_entries.bin"),
    out_file!(include_bytes, "lv_flagsets.bin"),
    out_file!(include_str, "lv_morphs.txt"),
    out_file!(include_bytes, "lv_morphs.bin"),
);

/// The little-endian u32 at index `i` (0 when out of range, which the
/// tables built by `build.rs` never are).
#[inline(always)]
fn u32_at(b: &[u8], i: usize) -> u32 {
    // One 4-byte load (matching on `[a, b, c, d]` assembled byte by byte).
    match b
        .get(i * 4..i * 4 + 4)
        .and_then(|s| <[u8; 4]>::try_from(s).ok())
    {
        Some(a) => u32::from_le_bytes(a),
        None => 0,
    }
}

#[inline(always)]
fn u16_at(b: &[u8], i: usize) -> u16 {
    match b
        .get(i * 2..i * 2 + 2)
        .and_then(|s| <[u8; 2]>::try_from(s).ok())
    {
        Some(a) => u16::from_le_bytes(a),
        None => 0,
    }
}

/// Looks `word` (hash `h`) up in a hash table of u32 slots (hash tag |
/// record index + 1, 0 = empty) over records of `rec_len` u32s that start
/// with the key's `(offset, length)` in `text`.
#[inline(always)]
fn find(
    table: &[u8],
    text: &str,
    recs: &[u8],
    rec_len: usize,
    word: &str,
    h: u64,
) -> Option<usize> {
    let slots = table.len() / 4;
    if slots == 0 {
        return None;
    }
    let bits = slots.trailing_zeros();
    let mask = slots - 1;
    let tag = dicfmt::tag(h);
    let index_mask = (1u32 << dicfmt::INDEX_BITS) - 1;
    let mut s = dicfmt::slot(h, bits);
    loop {
        let v = u32_at(table, s);
        if v == 0 {
            return None;
        }
        if v & !index_mask == tag {
            let w = ((v & index_mask) - 1) as usize;
            let len = u32_at(recs, w * rec_len + 1) as usize;
            if len == word.len() {
                let off = u32_at(recs, w * rec_len) as usize;
                if text.as_bytes().get(off..off + len) == Some(word.as_bytes()) {
                    return Some(w);
                }
            }
        }
        s = (s + 1) & mask;
    }
}

/// The embedded word-frequency list (wordfreq 3.1.1), precomputed by
/// `build.rs`: word → zipf.
#[derive(Debug)]
pub(crate) struct StaticFreq {
    words: &'static str,
    /// Per word `(offset, length, zipf as f32 bits)`, u32 LE.
    recs: &'static [u8],
    table: &'static [u8],
}

/// The lv word frequencies.
pub(crate) static LV_FREQ: StaticFreq = StaticFreq {
    words: out_file!(include_str, "freq_words.txt"),
    recs: out_file!(include_bytes, "freq_recs.bin"),
    table: out_file!(include_bytes, "freq_table.bin"),
};

impl StaticFreq {
    /// The zipf frequency of `word`, if listed.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<f32> {
        let h = dicfmt::hash(word.as_bytes());
        let w = find(self.table, self.words, self.recs, 3, word, h)?;
        Some(f32::from_bits(u32_at(self.recs, w * 3 + 2)))
    }
}

impl StaticDict {
    const fn new(
        words: &'static str,
        word_recs: &'static [u8],
        table: &'static [u8],
        entries: &'static [u8],
        flagsets: &'static [u8],
        morphs: &'static str,
        morph_recs: &'static [u8],
    ) -> StaticDict {
        StaticDict {
            words,
            word_recs,
            table,
            entries,
            flagsets,
            morphs,
            morph_recs,
        }
    }

    /// Number of stems.
    pub(crate) fn len(&self) -> usize {
        (self.word_recs.len() / 12).saturating_sub(1)
    }

    fn stem(&self, w: usize) -> &'static str {
        let off = u32_at(self.word_recs, w * 3) as usize;
        let len = u32_at(self.word_recs, w * 3 + 1) as usize;
        self.words.get(off..off + len).unwrap_or("")
    }

    fn entry_range(&self, w: usize) -> (u32, u32) {
        (
            u32_at(self.word_recs, w * 3 + 2),
            u32_at(self.word_recs, (w + 1) * 3 + 2),
        )
    }

    /// The stem index of `word`, if listed.
    #[inline(always)]
    fn find(&self, word: &str, h: u64) -> Option<usize> {
        find(self.table, self.words, self.word_recs, 3, word, h)
    }

    /// The stored stem equal to `word` and its entries.
    pub(crate) fn get(&'static self, word: &str) -> Option<(&'static str, StaticEntries)> {
        self.get_hashed(word, dicfmt::hash(word.as_bytes()))
    }

    /// [`StaticDict::get`] with `h = dicfmt::hash(word)` already computed.
    #[inline(always)]
    pub(crate) fn get_hashed(
        &'static self,
        word: &str,
        h: u64,
    ) -> Option<(&'static str, StaticEntries)> {
        let w = self.find(word, h)?;
        let (next, end) = self.entry_range(w);
        Some((
            self.stem(w),
            StaticEntries {
                dict: self,
                next,
                end,
            },
        ))
    }

    /// Every stem with its entries, in `.dic` order.
    pub(crate) fn iter(&'static self) -> impl Iterator<Item = (&'static str, StaticEntries)> {
        (0..self.len()).map(move |w| {
            let (next, end) = self.entry_range(w);
            (
                self.stem(w),
                StaticEntries {
                    dict: self,
                    next,
                    end,
                },
            )
        })
    }

    fn entry(&self, e: usize) -> (FlagSet, &'static str) {
        let fs = usize::from(u16_at(self.entries, e * 2));
        let ms = usize::from(u16_at(self.entries, e * 2 + 1));
        let bits = match self.flagsets.get(fs * 16..fs * 16 + 16) {
            Some(b) => {
                let mut a = [0u8; 16];
                a.copy_from_slice(b);
                u128::from_le_bytes(a)
            }
            None => 0,
        };
        let off = u32_at(self.morph_recs, ms * 2) as usize;
        let len = u32_at(self.morph_recs, ms * 2 + 1) as usize;
        (
            FlagSet::from_bits(bits),
            self.morphs.get(off..off + len).unwrap_or(""),
        )
    }
}

/// The entries of one stem of a [`StaticDict`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct StaticEntries {
    dict: &'static StaticDict,
    next: u32,
    end: u32,
}

impl Iterator for StaticEntries {
    type Item = (FlagSet, &'static str);

    fn next(&mut self) -> Option<Self::Item> {
        if self.next >= self.end {
            return None;
        }
        let e = self.dict.entry(self.next as usize);
        self.next += 1;
        Some(e)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::engine::Engine;
    use crate::{LV_AFF, LV_DIC};

    /// The precomputed list holds exactly what the run-time parser makes
    /// of `lv_LV.dic`: the same stems, entries, flags and fields, in order.
    #[test]
    fn precomputed_list_equals_parsed_dic() {
        let parsed = Engine::new(LV_AFF, LV_DIC).unwrap();
        assert_eq!(parsed.words.len(), LV.len());
        for (word, entries) in parsed.words.iter() {
            let (stem, got) = LV.get(word).unwrap_or_else(|| panic!("{word} missing"));
            assert_eq!(stem, word);
            let want: Vec<_> = entries.map(|e| (e.flags, e.morph)).collect();
            assert_eq!(got.collect::<Vec<_>>(), want, "{word}");
        }
        assert!(LV.get("nav-tāda-vārda").is_none());
        assert!(LV.get("").is_none());
    }

    /// The precomputed frequencies equal the parsed list.
    #[test]
    fn precomputed_frequencies_equal_parsed_list() {
        let mut want = rustc_hash::FxHashMap::default();
        for (w, z) in crate::WORDFREQ_LV
            .lines()
            .filter_map(dicfmt::parse_freq_line)
        {
            want.insert(w, z);
        }
        assert!(want.len() > 40_000);
        for (w, z) in &want {
            assert_eq!(LV_FREQ.get(w).map(f32::to_bits), Some(z.to_bits()), "{w}");
        }
        assert_eq!(LV_FREQ.recs.len() / 12, want.len());
        assert_eq!(LV_FREQ.get("nav-tāda-vārda"), None);
        assert!(LV.get("").is_none());
    }
}
