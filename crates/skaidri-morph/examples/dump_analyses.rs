//! Reads one word per line on stdin and prints `word<TAB>analysis|…` using
//! the bare lv_LV dictionary's raw analyses (no terms, no built-in
//! closed-class readings), in hunspell `-m` field notation, for comparison with C++ hunspell
//! (`scripts/compare-hunspell.sh`).

use std::io::{BufRead, Write};

use skaidri_morph::{Morphology, LV_AFF, LV_DIC};

fn main() {
    let m = match Morphology::from_hunspell(LV_AFF, LV_DIC) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout());
    for line in stdin.lock().lines().map_while(Result::ok) {
        let w = line.trim();
        if w.is_empty() {
            continue;
        }
        let raws = m.raw_analyses(w);
        let _ = writeln!(out, "{w}\t{}", raws.join("|"));
    }
}
