//! Reads one word per line on stdin and prints everything the embedded
//! analyser says about it: `is_known`, `is_known_term`, zipf, every decoded
//! reading (Debug), the raw analyses, and suggestions for unknown words.
//! Used to prove that a speed change alters no result: dump before and
//! after and compare byte for byte (see `scripts/morph-dump.sh`).

use std::io::{BufRead, Write};

use skaidri_morph::Morphology;

fn main() {
    let m = Morphology::embedded();
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout());
    for line in stdin.lock().lines().map_while(Result::ok) {
        let w = line.trim();
        if w.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "{w}\tknown={} term={} zipf={}",
            m.is_known(w),
            m.is_known_term(w),
            m.zipf(&w.to_lowercase())
        );
        for a in m.analyze(w) {
            let _ = writeln!(out, "  {a:?}");
        }
        for r in m.raw_analyses(w) {
            let _ = writeln!(out, "  raw {r}");
        }
        if !m.is_known(w) {
            let _ = writeln!(out, "  suggest {:?}", m.suggest(w, 5));
        }
    }
}
