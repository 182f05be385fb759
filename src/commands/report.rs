//! `skaidri report FILE... --html OUT.html`: one self-contained HTML file with every
//! text's findings highlighted and a summary panel per text.

use super::compare::{analyzer, read_document, said_written, write_atomic};
use crate::args::ReportArgs;
use crate::{EXIT_ERROR, EXIT_OK};
use anyhow::Result;
use skaidri_workshop::html::{self, DocView};

pub fn run(args: ReportArgs) -> Result<u8> {
    let (an, lang) = analyzer(&args.rules)?;
    let mut docs = Vec::new();
    let mut failed = false;
    for p in &args.paths {
        match read_document(p) {
            Ok(inp) => {
                let report = an.check(&inp.text);
                docs.push((inp, report));
            }
            Err(e) => {
                eprintln!("skaidri: error: {e:#}");
                failed = true;
            }
        }
    }
    if docs.is_empty() {
        return Ok(EXIT_ERROR);
    }
    let views: Vec<DocView> = docs
        .iter()
        .map(|(inp, report)| DocView {
            title: &inp.name,
            text: &inp.text,
            report,
        })
        .collect();
    write_atomic(&args.html, &html::report(&views, an.rules(), lang))?;
    said_written(&args.html, lang);
    Ok(if failed { EXIT_ERROR } else { EXIT_OK })
}
