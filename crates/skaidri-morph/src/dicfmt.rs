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

/// The word-table hash: FxHash-style over 8-byte chunks, the tail read as
/// (possibly overlapping) 4-byte words or three bytes, then a final mix so
/// that every bit depends on every byte. No `memcpy` call: this runs for
/// every dictionary probe. Fixed for a given table format: `build.rs` and
/// the reader must compute the same value.
#[inline]
pub(crate) fn hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let word = |c: &[u8]| -> u64 {
        match <[u8; 8]>::try_from(c) {
            Ok(a) => u64::from_le_bytes(a),
            Err(_) => 0,
        }
    };
    let half = |c: &[u8]| -> u64 {
        match <[u8; 4]>::try_from(c) {
            Ok(a) => u64::from(u32::from_le_bytes(a)),
            Err(_) => 0,
        }
    };
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        h = (h.rotate_left(5) ^ word(c)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    let n = rest.len();
    if n > 0 {
        let v = if n >= 4 {
            half(&rest[..4]) | half(&rest[n - 4..]) << 32
        } else {
            u64::from(rest[0]) | u64::from(rest[n / 2]) << 8 | u64::from(rest[n - 1]) << 16
        };
        h = (h.rotate_left(5) ^ v).wrapping_mul(K);
    }
    h ^= h >> 29;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^ (h >> 32)
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
