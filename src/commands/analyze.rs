//! `skaidri analyze`: the sentences and tokens the core sees, with byte ranges.

use crate::args::{AnalyzeArgs, ListFormat};
use crate::input;
use anyhow::Result;
use serde::Serialize;
use skaidri_core::segment::{self, TokenKind};
use std::io::Write;
use std::path::PathBuf;

#[derive(Serialize)]
struct Tok<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    kind: TokenKind,
}

#[derive(Serialize)]
struct Sent<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    tokens: Vec<Tok<'a>>,
}

#[derive(Serialize)]
struct Doc<'a> {
    version: u32,
    path: &'a str,
    sentences: Vec<Sent<'a>>,
}

pub fn run(args: AnalyzeArgs) -> Result<u8> {
    let path = args.path.unwrap_or_else(|| PathBuf::from("-"));
    let inp = input::read(&path)?;
    let text = inp.text.as_str();
    let seg = segment::segment(text);
    let sentences: Vec<Sent> = seg
        .sentences
        .iter()
        .map(|s| Sent {
            start: s.start,
            end: s.end,
            text: &text[s.start..s.end],
            tokens: seg
                .sentence_tokens(s)
                .iter()
                .map(|t| Tok {
                    text: t.text(text),
                    start: t.start,
                    end: t.end,
                    kind: t.kind,
                })
                .collect(),
        })
        .collect();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        ListFormat::Json => {
            let doc = Doc {
                version: 1,
                path: &inp.name,
                sentences,
            };
            serde_json::to_writer_pretty(&mut out, &doc)?;
            writeln!(out)?;
        }
        ListFormat::Text => {
            for (i, s) in sentences.iter().enumerate() {
                let toks: Vec<&str> = s.tokens.iter().map(|t| t.text).collect();
                writeln!(
                    out,
                    "{:>4} [{}..{}] {}",
                    i + 1,
                    s.start,
                    s.end,
                    toks.join(" | ")
                )?;
            }
        }
    }
    Ok(crate::EXIT_OK)
}
