//! Prints every reading of the words given as arguments, and spelling
//! suggestions for unknown ones:
//! `cargo run -p skaidri-morph --example analyze -- iestāžu veica pasvaldiba`

use skaidri_morph::Morphology;

fn main() {
    let m = Morphology::embedded();
    for w in std::env::args().skip(1) {
        let readings = m.analyze(&w);
        println!("{w}: known={} term={}", m.is_known(&w), m.is_known_term(&w));
        for a in &readings {
            println!(
                "  {} [{:?}] case={:?} num={:?} gen={:?} pers={:?} tense={:?} form={:?} deg={:?} der={:?} refl={} neg={}  | {}",
                a.lemma, a.pos, a.case, a.number, a.gender, a.person, a.tense, a.verb_form,
                a.degree, a.derivation, a.reflexive, a.negated, a.raw
            );
        }
        if readings.is_empty() {
            let t = std::time::Instant::now();
            let s = m.suggest(&w, 5);
            println!(
                "  suggestions ({:.2} ms): {s:?}",
                t.elapsed().as_secs_f64() * 1e3
            );
        }
    }
}
