//! Precomputes the embedded lv_LV word list at build time.
//!
//! Parsing `lv_LV.dic` (66 600 lines) into a hash map cost about 95 M
//! instructions and 8 MB of heap at every process start. Instead this
//! script parses it once, with the same line parser as the run-time loader
//! (`src/dicfmt.rs`), and writes compact tables to `OUT_DIR` that
//! `src/static_dict.rs` embeds with `include_bytes!` and reads in place:
//!
//! * `lv_words.txt`  every stem, concatenated;
//! * `lv_words.bin`  per stem `(offset, length, first entry)` as u32 LE, plus
//!   a final record whose `first entry` is the entry count;
//! * `lv_table.bin`  open-addressing hash table (a power of two of u32
//!   slots: 12-bit hash tag above stem index + 1, 0 = empty, linear
//!   probing, `dicfmt::hash`);
//! * `lv_entries.bin` per entry `(flag set, morph)` as u16 LE indexes, in
//!   `.dic` line order within a stem;
//! * `lv_flagsets.bin` the distinct flag sets, u128 LE;
//! * `lv_morphs.txt` + `lv_morphs.bin` the distinct morphological field
//!   strings, concatenated, and their `(offset, length)` as u32 LE;
//! * `freq_words.txt`, `freq_recs.bin` (`(offset, length, zipf f32 bits)`)
//!   and `freq_table.bin`: the word-frequency list (parsing it into a hash
//!   map cost 32 M instructions at the first ambiguous analysis).

use std::collections::HashMap;
use std::path::PathBuf;

#[allow(dead_code)]
#[path = "src/dicfmt.rs"]
mod dicfmt;

const DIC: &str = "../../dictionaries/hunspell-lv/lv_LV.dic";
const FREQ: &str = "../../dictionaries/wordfreq-lv/wordfreq_lv.tsv";

/// An open-addressing table over `keys` (slot = hash tag | index + 1,
/// 0 = empty, linear probing, load factor at most 1/2), as u32 LE.
fn hash_table(keys: &[&str]) -> Vec<u8> {
    let bits = (keys.len() * 2).next_power_of_two().trailing_zeros();
    let mut table = vec![0u32; 1 << bits];
    let mask = table.len() - 1;
    assert!(
        keys.len() < (1 << dicfmt::INDEX_BITS) - 1,
        "table too large"
    );
    for (i, key) in keys.iter().enumerate() {
        let h = dicfmt::hash(key.as_bytes());
        let mut s = dicfmt::slot(h, bits);
        while table[s] != 0 {
            s = (s + 1) & mask;
        }
        table[s] = dicfmt::tag(h) | (i as u32 + 1);
    }
    table.iter().flat_map(|v| v.to_le_bytes()).collect()
}

fn main() {
    println!("cargo:rerun-if-changed={DIC}");
    println!("cargo:rerun-if-changed={FREQ}");
    println!("cargo:rerun-if-changed=src/dicfmt.rs");
    println!("cargo:rerun-if-changed=build.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let text = match std::fs::read_to_string(DIC) {
        Ok(t) => t,
        Err(e) => panic!("cannot read {DIC}: {e}"),
    };

    let mut stems: Vec<&str> = Vec::new();
    let mut stem_idx: HashMap<&str, usize> = HashMap::new();
    let mut entries: Vec<Vec<(u16, u16)>> = Vec::new();
    let mut flagsets: Vec<u128> = Vec::new();
    let mut flagset_idx: HashMap<u128, u16> = HashMap::new();
    let mut morphs: Vec<String> = Vec::new();
    let mut morph_idx: HashMap<String, u16> = HashMap::new();

    let mut lines = text.lines().enumerate().peekable();
    if lines
        .peek()
        .is_some_and(|(_, l)| dicfmt::count_line(l).is_some())
    {
        lines.next();
    }
    for (idx, line) in lines {
        let line_no = idx + 1;
        let parsed = match dicfmt::parse_line(line) {
            Ok(Some(p)) => p,
            Ok(None) => continue,
            Err(msg) => panic!("{DIC}:{line_no}: {msg}"),
        };
        let bits = match dicfmt::flag_bits(parsed.flags) {
            Ok(b) => b,
            Err(c) => panic!("{DIC}:{line_no}: unsupported: non-ASCII flag {c:?}"),
        };
        let next = flagsets.len();
        let fs = *flagset_idx.entry(bits).or_insert_with(|| {
            flagsets.push(bits);
            u16::try_from(next).unwrap_or_else(|_| panic!("more than 65 536 flag sets"))
        });
        let morph = parsed.morph.into_owned();
        let ms = match morph_idx.get(&morph) {
            Some(&i) => i,
            None => {
                let i = u16::try_from(morphs.len())
                    .unwrap_or_else(|_| panic!("more than 65 536 distinct morph fields"));
                morphs.push(morph.clone());
                morph_idx.insert(morph, i);
                i
            }
        };
        let next = stems.len();
        let w = *stem_idx.entry(parsed.word).or_insert_with(|| {
            stems.push(parsed.word);
            entries.push(Vec::new());
            next
        });
        entries[w].push((fs, ms));
    }

    let u32_of = |n: usize| u32::try_from(n).unwrap_or_else(|_| panic!("table too large"));
    let mut words_txt = String::new();
    let mut words_bin = Vec::new();
    let mut entries_bin = Vec::new();
    let mut n_entries = 0usize;
    for (stem, es) in stems.iter().zip(&entries) {
        for v in [words_txt.len(), stem.len(), n_entries] {
            words_bin.extend_from_slice(&u32_of(v).to_le_bytes());
        }
        words_txt.push_str(stem);
        for &(fs, ms) in es {
            entries_bin.extend_from_slice(&fs.to_le_bytes());
            entries_bin.extend_from_slice(&ms.to_le_bytes());
        }
        n_entries += es.len();
    }
    for v in [words_txt.len(), 0, n_entries] {
        words_bin.extend_from_slice(&u32_of(v).to_le_bytes());
    }

    let table_bin = hash_table(&stems);
    let flagsets_bin: Vec<u8> = flagsets.iter().flat_map(|v| v.to_le_bytes()).collect();
    let mut morphs_txt = String::new();
    let mut morphs_bin = Vec::new();
    for m in &morphs {
        for v in [morphs_txt.len(), m.len()] {
            morphs_bin.extend_from_slice(&u32_of(v).to_le_bytes());
        }
        morphs_txt.push_str(m);
    }

    // Word frequencies: later lines win, as in the run-time parser.
    let freq_text = match std::fs::read_to_string(FREQ) {
        Ok(t) => t,
        Err(e) => panic!("cannot read {FREQ}: {e}"),
    };
    let mut freq_words: Vec<&str> = Vec::new();
    let mut freq_zipf: Vec<f32> = Vec::new();
    let mut freq_idx: HashMap<&str, usize> = HashMap::new();
    for (w, z) in freq_text.lines().filter_map(dicfmt::parse_freq_line) {
        match freq_idx.get(w) {
            Some(&i) => freq_zipf[i] = z,
            None => {
                freq_idx.insert(w, freq_words.len());
                freq_words.push(w);
                freq_zipf.push(z);
            }
        }
    }
    let mut freq_txt = String::new();
    let mut freq_recs = Vec::new();
    for (w, z) in freq_words.iter().zip(&freq_zipf) {
        for v in [u32_of(freq_txt.len()), u32_of(w.len()), z.to_bits()] {
            freq_recs.extend_from_slice(&v.to_le_bytes());
        }
        freq_txt.push_str(w);
    }
    let freq_table = hash_table(&freq_words);

    for (name, data) in [
        ("freq_words.txt", freq_txt.as_bytes()),
        ("freq_recs.bin", &freq_recs),
        ("freq_table.bin", &freq_table),
        ("lv_words.txt", words_txt.as_bytes()),
        ("lv_words.bin", &words_bin),
        ("lv_table.bin", &table_bin),
        ("lv_entries.bin", &entries_bin),
        ("lv_flagsets.bin", &flagsets_bin),
        ("lv_morphs.txt", morphs_txt.as_bytes()),
        ("lv_morphs.bin", &morphs_bin),
    ] {
        if let Err(e) = std::fs::write(out.join(name), data) {
            panic!("cannot write {name} to OUT_DIR: {e}");
        }
    }
}
