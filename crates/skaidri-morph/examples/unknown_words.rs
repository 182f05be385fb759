//! Lists the words of a text file that the dictionary does not know, most
//! frequent first — used to find terms for `dictionaries/terms-lv.txt` and
//! to measure false alarms:
//! `cargo run -p skaidri-morph --example unknown_words -- FILE [N]`

use std::collections::HashMap;

use skaidri_morph::Morphology;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: unknown_words FILE [N]");
        std::process::exit(2);
    };
    let n: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(50);
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("note: cannot read {path}: {e}");
            return;
        }
    };
    let m = Morphology::embedded();
    let mut total = 0usize;
    let mut unknown: HashMap<&str, usize> = HashMap::new();
    for w in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        total += 1;
        if !m.is_known(w) {
            *unknown.entry(w).or_default() += 1;
        }
    }
    let n_unknown: usize = unknown.values().sum();
    // What a spell checker would flag under a simple proper-name policy:
    // unknown words starting with a capital (names, even sentence-initial)
    // or of one letter are left alone.
    let flagged: usize = unknown
        .iter()
        .filter(|(w, _)| w.chars().count() > 1 && !w.chars().next().is_some_and(char::is_uppercase))
        .map(|(_, c)| c)
        .sum();
    println!(
        "{path}: {total} words, {n_unknown} unknown ({:.2}%)",
        100.0 * n_unknown as f64 / total.max(1) as f64
    );
    println!(
        "flagged under the proper-name policy (lower-case unknown, >1 letter): {flagged} ({:.2}%)",
        100.0 * flagged as f64 / total.max(1) as f64
    );
    let mut v: Vec<_> = unknown.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    for (w, c) in v
        .into_iter()
        .filter(|(w, _)| {
            !args.iter().any(|a| a == "--flagged")
                || !w.chars().next().is_some_and(char::is_uppercase)
        })
        .take(n)
    {
        println!("{c:>5} {w}");
    }
}
