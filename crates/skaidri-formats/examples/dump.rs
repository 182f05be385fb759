//! Print what skaidri-formats extracts from a file (for eyeballing).
use std::path::Path;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: dump FILE");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let format = skaidri_formats::detect(Some(Path::new(&path)), &bytes);
    match skaidri_formats::extract(format, &bytes, &Default::default()) {
        Ok(doc) => {
            println!("format: {}", format.name());
            for b in &doc.blocks {
                println!(
                    "{:?} lang={:?} skip={} {:?} -> {:?}",
                    b.kind,
                    b.lang,
                    b.skip,
                    &doc.text[b.range.clone()],
                    doc.map.source_range(b.range.clone())
                );
            }
            for s in &doc.structure {
                println!("fact {:?} {:?} {:?}", s.kind, s.source, s.detail);
            }
            for d in &doc.directives {
                println!("directive {:?} at text {}", d.text, d.text_offset);
            }
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    }
}
