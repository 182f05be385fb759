//! Measures sentence segmentation against UD Latvian-LVTB gold sentences
//! (see `skaidri_core::segment::gold` for the method).
//!
//! Usage: cargo run --release -p skaidri-core --example eval_segmentation -- FILE.conllu [--errors N]

use skaidri_core::segment::gold;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: eval_segmentation FILE.conllu [--errors N]");
        std::process::exit(2);
    };
    let max_errors: usize = match (args.next().as_deref(), args.next()) {
        (Some("--errors"), Some(n)) => n.parse().unwrap_or(10),
        _ => 0,
    };
    let data = match std::fs::read_to_string(&path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let sc = gold::evaluate(&data, max_errors);
    for (text, b, extra) in &sc.errors {
        let before: String = {
            let c: Vec<char> = text[..*b].chars().collect();
            c[c.len().saturating_sub(40)..].iter().collect()
        };
        let after: String = text[*b..].chars().take(30).collect();
        let what = if *extra {
            "extra break "
        } else {
            "missed break"
        };
        println!("{what}: …{before}‖{after}…");
    }
    println!("file: {path}");
    println!("paragraphs: {}, sentences: {}", sc.paragraphs, sc.sentences);
    println!(
        "boundaries inside paragraphs: gold {}, predicted {}, correct {}",
        sc.tp + sc.fn_,
        sc.tp + sc.fp,
        sc.tp
    );
    println!(
        "precision {:.4}  recall {:.4}  F1 {:.4}",
        sc.precision(),
        sc.recall(),
        sc.f1()
    );
}
