//! Analyses every word of a text file `ROUNDS` times, uncached, with the
//! embedded dictionary, and prints the number of readings. Meant for
//! instruction counts, which are repeatable on a busy machine: run it under
//! `valgrind --tool=callgrind` with ROUNDS 1 and 3; half the difference is
//! the cost of one pass (see `scripts/bench-morph.sh`).
//! `cargo run --release -p skaidri-morph --example analyze_words -- FILE 3`

use skaidri_morph::Morphology;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: analyze_words FILE [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: cannot read {path}: {e}");
            std::process::exit(1);
        }
    };
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let m = Morphology::embedded();
    let mut n = 0usize;
    for _ in 0..rounds {
        for w in &words {
            n += m.analyze(w).len();
        }
    }
    println!("{} words x {rounds}: {n} readings", words.len());
}
