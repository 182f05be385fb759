//! `skaidri analyze`: the sentences and tokens the core sees, with byte ranges, and the
//! morphological readings of every word (lemma, part of speech, case, number, verb form).

use crate::args::{AnalyzeArgs, ListFormat};
use crate::input;
use anyhow::Result;
use serde::Serialize;
use skaidri_core::morph::{self, Analysis, Morphology, VerbForm};
use skaidri_core::segment::{self, TokenKind};
use std::io::Write;
use std::path::PathBuf;

#[derive(Serialize)]
struct Tok<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    kind: TokenKind,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    readings: Vec<Reading>,
}

/// One morphological reading of a word, in the JSON output.
#[derive(Serialize)]
struct Reading {
    lemma: String,
    pos: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    case: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    person: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    verb_form: Option<String>,
    /// The verb of a -šana noun.
    #[serde(skip_serializing_if = "Option::is_none")]
    verb: Option<String>,
}

impl Reading {
    fn new(a: &Analysis) -> Reading {
        let verb_form = a.verb_form.map(|f| match f {
            VerbForm::Finite(m) => format!("{m:?}").to_lowercase(),
            VerbForm::Infinitive => "infinitive".into(),
            VerbForm::Debitive => "debitive".into(),
            VerbForm::Participle(p) => format!("participle-{:?}", p.kind).to_lowercase(),
        });
        Reading {
            lemma: a.lemma.clone(),
            pos: morph::pos_name(a.pos),
            case: a.case.map(morph::case_name),
            number: a.number.map(morph::number_name),
            person: a.person,
            verb_form,
            verb: a.is_shana_noun().then(|| a.base_lemma().to_string()),
        }
    }
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
    let ann = morph::Annotations::new(text, &seg, Morphology::embedded());
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
                .zip(s.tokens.clone())
                .map(|(t, i)| Tok {
                    text: t.text(text),
                    start: t.start,
                    end: t.end,
                    kind: t.kind,
                    readings: ann.analyses(i).iter().map(Reading::new).collect(),
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
                let toks: Vec<String> = s
                    .tokens
                    .iter()
                    .map(|t| match t.readings.first() {
                        Some(r) => format!("{} ({} {})", t.text, r.lemma, r.pos),
                        None => t.text.to_string(),
                    })
                    .collect();
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
