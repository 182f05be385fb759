//! `textDocument/hover`: on a finding, the rule's explanation, a bad → good example and
//! the source of the advice; on a hard sentence, what sentence LIX means.

use crate::analysis::Analysis;
use crate::diagnostics::{hard_sentence_explanation, hard_sentence_message};
use crate::pos_conv::{self, PositionEncoding};
use crate::rule_docs::rule_details;
use skaidri_core::rules::RuleSet;
use skaidri_core::Span;
use tower_lsp::lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

/// The hover at `pos`, if a finding or hard sentence is there.
pub fn hover(
    a: &Analysis,
    rules: &RuleSet,
    pos: Position,
    enc: PositionEncoding,
    english: bool,
) -> Option<Hover> {
    let offset = pos_conv::offset(&a.text, &a.index, pos, enc);
    let inside = |s: Span| s.start <= offset && offset < s.end.max(s.start + 1);
    let mut sections: Vec<String> = Vec::new();
    let mut range: Option<Span> = None;
    for d in a.diagnostics.iter().filter(|d| inside(d.span)) {
        range.get_or_insert(d.span);
        let Some(rule) = rules.get(&d.rule) else {
            sections.push(format!("**{}** — {}", d.rule, d.message));
            continue;
        };
        let label = if english {
            rule.category.label_en()
        } else {
            rule.category.label_lv()
        };
        let details = rule_details(rule, english, 1);
        let s = format!("**{}** · {} — {}\n\n{details}", rule.id, label, d.message);
        sections.push(s);
    }
    if sections.is_empty() {
        if let Some(s) = a
            .hard_sentences
            .iter()
            .find(|s| inside(Span::new(s.start, s.end)))
        {
            range = Some(Span::new(s.start, s.end));
            let why = hard_sentence_explanation(english);
            sections.push(format!(
                "**{}**\n\n{why}",
                hard_sentence_message(s, english)
            ));
        }
    }
    let span = range?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: sections.join("\n\n---\n\n"),
        }),
        range: Some(pos_conv::range(&a.text, &a.index, span, enc)),
    })
}
