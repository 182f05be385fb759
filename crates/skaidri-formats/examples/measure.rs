//! Extract a file and print sizes, for memory measurements with
//! `/usr/bin/time -v` (see `benches/memory.sh`).
//!
//! Usage: `measure FILE [MAX_TEXT_BYTES]`
use std::path::Path;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: measure FILE [MAX_TEXT_BYTES]");
        std::process::exit(2);
    };
    let mut opts = skaidri_formats::ExtractOptions::default();
    if let Some(n) = args.next().and_then(|n| n.parse().ok()) {
        opts.max_text_bytes = n;
    }
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let format = skaidri_formats::detect(Some(Path::new(&path)), &bytes);
    let start = std::time::Instant::now();
    match skaidri_formats::extract(format, &bytes, &opts) {
        Ok(doc) => println!(
            "{}: input {} bytes, text {} bytes, {} blocks, {} facts, {:.2?}",
            format.name(),
            bytes.len(),
            doc.text.len(),
            doc.blocks.len(),
            doc.structure.len(),
            start.elapsed()
        ),
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    }
}
