//! What the run-time loaders and `build.rs` must agree on: how one `.dic`
//! line is split into word, flags and morphological fields, how a
//! word-frequency line is read, and the hash function of the precomputed
//! tables
//! ([`crate::static_dict`]). `build.rs` includes this file with `#[path]`,
//! so it uses nothing but `std`.

use std::borrow::Cow;

/// One parsed `.dic` entry line.
pub(crate) struct DicLine<'a> {
    /// The word (stem), never empty.
    pub(crate) word: &'a str,
    /// The flag characters after `/` (not yet validated).
    pub(crate) flags: &'a str,
    /// The `key:value` fields, space separated, duplicates removed.
    pub(crate) morph: Cow<'a, str>,
}

/// Splits a `.dic` line: `Ok(None)` for blank, comment and tab-indented
/// lines, `Err` with a message for a line without a word.
pub(crate) fn parse_line(line: &str) -> Result<Option<DicLine<'_>>, &'static str> {
    let line = line.trim_end();
    if line.is_empty() || line.starts_with('#') || line.starts_with('\t') {
        return Ok(None);
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
        return Err("empty word");
    }
    // Keep only `key:value` fields; lv_LV has a few stray tokens.
    let single = !rest.contains([' ', '\t']) && (rest.is_empty() || rest.contains(':'));
    let morph = if single {
        Cow::Borrowed(rest)
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
        Cow::Owned(m)
    };
    Ok(Some(DicLine { word, flags, morph }))
}

/// The flag bits of a flag string (bit = ASCII code), or the first
/// non-ASCII flag.
pub(crate) fn flag_bits(s: &str) -> Result<u128, char> {
    let mut bits = 0u128;
    for c in s.chars() {
        if !c.is_ascii() {
            return Err(c);
        }
        bits |= 1u128 << (c as u32);
    }
    Ok(bits)
}

/// One `word<TAB>zipf` line of a word-frequency list; `None` for `#`
/// comments and malformed lines.
pub(crate) fn parse_freq_line(line: &str) -> Option<(&str, f32)> {
    if line.starts_with('#') {
        return None;
    }
    let (w, z) = line.split_once('\t')?;
    z.trim().parse::<f32>().ok().map(|z| (w, z))
}

/// Is the first `.dic` line a word count (optionally after a BOM)?
pub(crate) fn count_line(line: &str) -> Option<usize> {
    line.trim().trim_start_matches('\u{feff}').parse().ok()
}

/// The word-table hash, the string hash of rustc-hash 2 (itself after
/// foldhash): at most 16 bytes are read as two (possibly overlapping)
/// words and folded with one 64×64→128-bit multiply; longer keys take one
/// multiply per 16 bytes. About 15 instructions for a typical word, and
/// it runs for every dictionary probe. Written out here so that it is
/// fixed for a given table format and the same on every platform:
/// `build.rs` and the reader must compute the same value.
#[inline(always)]
pub(crate) fn hash(bytes: &[u8]) -> u64 {
    const SEED1: u64 = 0x243f_6a88_85a3_08d3;
    const SEED2: u64 = 0x1319_8a2e_0370_7344;
    const PREVENT_TRIVIAL_ZERO_COLLAPSE: u64 = 0xa409_3822_299f_31d0;
    fn mix(x: u64, y: u64) -> u64 {
        let full = u128::from(x) * u128::from(y);
        (full as u64) ^ ((full >> 64) as u64)
    }
    fn u64_at(b: &[u8], i: usize) -> u64 {
        match b.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
            Some(a) => u64::from_le_bytes(a),
            None => 0,
        }
    }
    fn u32_at(b: &[u8], i: usize) -> u64 {
        match b.get(i..i + 4).and_then(|c| <[u8; 4]>::try_from(c).ok()) {
            Some(a) => u64::from(u32::from_le_bytes(a)),
            None => 0,
        }
    }
    let len = bytes.len();
    let (mut s0, mut s1) = (SEED1, SEED2);
    if len <= 16 {
        if len >= 8 {
            s0 ^= u64_at(bytes, 0);
            s1 ^= u64_at(bytes, len - 8);
        } else if len >= 4 {
            s0 ^= u32_at(bytes, 0);
            s1 ^= u32_at(bytes, len - 4);
        } else if len > 0 {
            let lo = u64::from(bytes[0]);
            let mid = u64::from(bytes[len / 2]);
            let hi = u64::from(bytes[len - 1]);
            s0 ^= lo;
            s1 ^= (hi << 8) | mid;
        }
    } else {
        let mut off = 0;
        while off < len - 16 {
            let x = u64_at(bytes, off);
            let y = u64_at(bytes, off + 8);
            let t = mix(s0 ^ x, PREVENT_TRIVIAL_ZERO_COLLAPSE ^ y);
            s0 = s1;
            s1 = t;
            off += 16;
        }
        s0 ^= u64_at(bytes, len - 16);
        s1 ^= u64_at(bytes, len - 8);
    }
    mix(s0, s1) ^ (len as u64)
}

/// Bits of a table slot that hold the record index + 1; the bits above
/// hold [`tag`] of the key's hash, so most probes of other keys are
/// rejected without reading their records.
pub(crate) const INDEX_BITS: u32 = 20;

/// The hash tag stored above the index in a slot (12 low hash bits; the
/// slot position uses the high bits).
pub(crate) fn tag(h: u64) -> u32 {
    ((h & 0xfff) as u32) << INDEX_BITS
}

/// Slot of a hash in a table of `1 << bits` slots (the high bits).
pub(crate) fn slot(h: u64, bits: u32) -> usize {
    if bits == 0 {
        0
    } else {
        (h >> (64 - bits)) as usize
    }
}
