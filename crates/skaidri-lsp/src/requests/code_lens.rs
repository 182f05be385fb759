//! `textDocument/codeLens`: the document's readability at the top —
//! "LIX 52,3 · grūts · 31 teikums · 4 grūti teikumi". Clicking it runs
//! `skaidri.readability`, which shows the full figures.

use crate::analysis::Analysis;
use crate::lv;
use crate::requests::execute_command::READABILITY;
use tower_lsp::lsp_types::{CodeLens, Command, Position, Range, Url};

/// The title of the readability lens.
pub fn title(a: &Analysis, english: bool) -> String {
    let m = &a.metrics;
    let hard = m.hard_sentences + m.very_hard_sentences;
    if english {
        format!(
            "LIX {:.1} · {} · {} sentences · {} hard sentences",
            m.lix,
            m.band.label_en(),
            m.sentences,
            hard
        )
    } else {
        format!(
            "LIX {} · {} · {} · {}",
            lv::decimal(m.lix),
            m.band.label_lv(),
            lv::count(m.sentences, "teikums", "teikumi"),
            lv::count(hard, "grūts teikums", "grūti teikumi")
        )
    }
}

/// The lenses of a document (one, on line 0), or none for a text without words.
pub fn code_lens(a: &Analysis, uri: &Url, english: bool) -> Vec<CodeLens> {
    if a.metrics.words == 0 {
        return Vec::new();
    }
    vec![CodeLens {
        range: Range::new(Position::new(0, 0), Position::new(0, 0)),
        command: Some(Command {
            title: title(a, english),
            command: READABILITY.into(),
            arguments: Some(vec![serde_json::json!(uri)]),
        }),
        data: None,
    }]
}
