//! `textDocument/codeAction`: what the user can do about a finding.
//!
//! For each finding under the cursor or selection:
//! - replace it with each suggestion (the first, if the rule marks it safe, is preferred);
//! - for spelling findings, spelling suggestions computed now (not for every diagnostic)
//!   and "add the word to the workspace dictionary" (command `skaidri.addWord`);
//! - "ignore this rule here": a suppression comment above the line;
//! - "disable this rule in skaidri.toml" (command `skaidri.disableRule`).
//!
//! And for the whole document, `source.fixAll.skaidri`: every safe first suggestion that
//! does not overlap another.

use crate::analysis::Analysis;
use crate::config::Config;
use crate::diagnostics::{self, HARD_SENTENCE_CODE};
use crate::pos_conv::{self, PositionEncoding};
use crate::requests::execute_command::{ADD_WORD, DISABLE_RULE};
use crate::rule_docs::RuleDocs;
use crate::suppress;
use skaidri_core::{Category, Diagnostic, Span};
use std::collections::HashMap;
use tower_lsp::lsp_types::{
    self as lsp, CodeAction, CodeActionKind, CodeActionOrCommand, Command, Position, Range,
    TextEdit, Url, WorkspaceEdit,
};

/// The code action kind of "fix all safe findings".
pub const FIX_ALL_KIND: &str = "source.fixAll.skaidri";

/// Proposes spellings for a word, best first.
pub type Speller<'a> = &'a (dyn Fn(&str, usize) -> Vec<String> + Sync);

/// What the code action handler needs besides the request.
pub struct ActionCtx<'a> {
    /// The document.
    pub uri: &'a Url,
    /// Its current analysis.
    pub analysis: &'a Analysis,
    /// The negotiated position encoding.
    pub enc: PositionEncoding,
    /// Editor settings (for diagnostic links).
    pub config: &'a Config,
    /// Rule documentation pages written so far (for diagnostic links).
    pub docs: &'a RuleDocs,
    /// Whether titles are in English.
    pub english: bool,
    /// Whether there is a workspace root to hold `skaidri.toml` and the dictionary.
    pub has_root: bool,
    /// Spelling suggestions.
    pub speller: Speller<'a>,
}

fn wanted(only: Option<&[CodeActionKind]>, kind: &str) -> bool {
    only.is_none_or(|only| {
        only.iter().any(|o| {
            let o = o.as_str();
            kind == o
                || kind
                    .strip_prefix(o)
                    .is_some_and(|rest| rest.starts_with('.'))
        })
    })
}

fn edit(uri: &Url, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }
}

fn action(
    title: String,
    kind: CodeActionKind,
    diag: Option<&lsp::Diagnostic>,
    workspace_edit: Option<WorkspaceEdit>,
    command: Option<Command>,
    preferred: bool,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(kind),
        diagnostics: diag.map(|d| vec![d.clone()]),
        edit: workspace_edit,
        command,
        is_preferred: preferred.then_some(true),
        disabled: None,
        data: None,
    })
}

/// The edit that inserts a suppression comment for `rule` above the line holding `at`.
pub fn ignore_edit(a: &Analysis, enc: PositionEncoding, at: usize, rule: &str) -> TextEdit {
    let start = pos_conv::position(&a.text, &a.index, at, enc);
    let line_start = a.index.line_start(start.line as usize).unwrap_or(0);
    let line = &a.text[line_start..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    let indent: String = line
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let eol = if line.ends_with('\r') { "\r\n" } else { "\n" };
    let pos = Position::new(start.line, 0);
    TextEdit {
        range: Range::new(pos, pos),
        new_text: format!("{indent}{}{eol}", suppress::comment_for(a.kind, rule)),
    }
}

/// Edits applying every safe first suggestion that does not overlap an earlier one.
pub fn fix_all_edits(a: &Analysis, enc: PositionEncoding) -> Vec<TextEdit> {
    let mut fixes: Vec<(Span, &str)> = a
        .diagnostics
        .iter()
        .filter_map(|d| d.suggestions.first())
        .filter(|s| s.safe)
        .map(|s| (s.span, s.replacement.as_str()))
        .collect();
    fixes.sort_by_key(|(s, _)| (s.start, s.end));
    let mut end = 0;
    let mut out = Vec::new();
    for (span, repl) in fixes {
        if span.start < end {
            continue;
        }
        end = span.end;
        out.push(TextEdit {
            range: pos_conv::range(&a.text, &a.index, span, enc),
            new_text: repl.to_string(),
        });
    }
    out
}

fn overlaps(span: Span, sel: Span) -> bool {
    // An empty selection (a cursor) touching either end counts.
    span.start <= sel.end && sel.start <= span.end
}

fn finding_actions(ctx: &ActionCtx, d: &Diagnostic, out: &mut Vec<CodeActionOrCommand>) {
    let a = ctx.analysis;
    let lsp_diag = diagnostics::one(a, d, ctx.enc, ctx.config, ctx.docs, ctx.english);
    let range = lsp_diag.range;
    let quick = CodeActionKind::QUICKFIX;
    let mut replacements: Vec<(String, bool)> = d
        .suggestions
        .iter()
        .map(|s| (s.replacement.clone(), s.safe))
        .collect();
    if d.category == Category::Spelling && replacements.is_empty() {
        replacements = (ctx.speller)(&d.text, 5)
            .into_iter()
            .map(|s| (s, false))
            .collect();
    }
    for (i, (repl, safe)) in replacements.iter().enumerate() {
        let title = if ctx.english {
            format!("Replace “{}” with “{repl}”", d.text)
        } else {
            format!("Aizstāt «{}» ar «{repl}»", d.text)
        };
        let te = TextEdit {
            range,
            new_text: repl.clone(),
        };
        out.push(action(
            title,
            quick.clone(),
            Some(&lsp_diag),
            Some(edit(ctx.uri, vec![te])),
            None,
            i == 0 && *safe,
        ));
    }
    if d.category == Category::Spelling && ctx.has_root {
        let title = if ctx.english {
            format!("Add “{}” to the workspace dictionary", d.text)
        } else {
            format!("Pievienot «{}» darba vietas vārdnīcai", d.text)
        };
        let cmd = Command {
            title: title.clone(),
            command: ADD_WORD.into(),
            arguments: Some(vec![serde_json::json!(ctx.uri), serde_json::json!(d.text)]),
        };
        out.push(action(
            title,
            quick.clone(),
            Some(&lsp_diag),
            None,
            Some(cmd),
            false,
        ));
    }
    ignore_actions(ctx, &d.rule, d.span.start, &lsp_diag, out);
    if ctx.has_root {
        let title = if ctx.english {
            format!("Disable {} in skaidri.toml", d.rule)
        } else {
            format!("Izslēgt {} failā skaidri.toml", d.rule)
        };
        let cmd = Command {
            title: title.clone(),
            command: DISABLE_RULE.into(),
            arguments: Some(vec![
                serde_json::json!(ctx.uri),
                serde_json::json!(&*d.rule),
            ]),
        };
        out.push(action(
            title,
            quick,
            Some(&lsp_diag),
            None,
            Some(cmd),
            false,
        ));
    }
}

fn ignore_actions(
    ctx: &ActionCtx,
    rule: &str,
    at: usize,
    lsp_diag: &lsp::Diagnostic,
    out: &mut Vec<CodeActionOrCommand>,
) {
    let title = if ctx.english {
        format!("Ignore {rule} here")
    } else {
        format!("Ignorēt {rule} šajā vietā")
    };
    let te = ignore_edit(ctx.analysis, ctx.enc, at, rule);
    out.push(action(
        title,
        CodeActionKind::QUICKFIX,
        Some(lsp_diag),
        Some(edit(ctx.uri, vec![te])),
        None,
        false,
    ));
}

/// The code actions for `range`, limited to the kinds in `only` if given.
pub fn code_actions(
    ctx: &ActionCtx,
    range: Range,
    only: Option<&[CodeActionKind]>,
) -> Vec<CodeActionOrCommand> {
    let a = ctx.analysis;
    let sel = pos_conv::span(&a.text, &a.index, range, ctx.enc);
    let mut out = Vec::new();
    if wanted(only, CodeActionKind::QUICKFIX.as_str()) {
        for d in a.diagnostics.iter().filter(|d| overlaps(d.span, sel)) {
            finding_actions(ctx, d, &mut out);
        }
        for s in a
            .hard_sentences
            .iter()
            .filter(|s| overlaps(Span::new(s.start, s.end), sel))
        {
            let lsp_diag = diagnostics::hard_sentence(a, s, ctx.enc, ctx.docs, ctx.english);
            ignore_actions(ctx, HARD_SENTENCE_CODE, s.start, &lsp_diag, &mut out);
        }
    }
    if wanted(only, FIX_ALL_KIND) {
        let edits = fix_all_edits(a, ctx.enc);
        if !edits.is_empty() {
            let title = if ctx.english {
                format!("Fix all safe skaidri findings ({})", edits.len())
            } else {
                format!("Labot visus drošos skaidri ieteikumus ({})", edits.len())
            };
            out.push(action(
                title,
                CodeActionKind::new(FIX_ALL_KIND),
                None,
                Some(edit(ctx.uri, edits)),
                None,
                false,
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyse, Engine};
    use crate::document::DocKind;
    use crate::words::UserWords;
    use skaidri_core::rules::RuleSet;
    use skaidri_core::{Analyzer, Settings};

    fn analysis(kind: DocKind, text: &str, rules: RuleSet) -> Analysis {
        let e = Engine {
            analyzer: Analyzer::new(rules, Settings::default()),
            words: UserWords::default(),
            hard_sentences: true,
        };
        analyse(&e, kind, text.into(), 1)
    }

    fn titles(v: &[CodeActionOrCommand]) -> Vec<String> {
        v.iter()
            .map(|a| match a {
                CodeActionOrCommand::CodeAction(a) => a.title.clone(),
                CodeActionOrCommand::Command(c) => c.title.clone(),
            })
            .collect()
    }

    static NO_PAGES: std::sync::LazyLock<RuleDocs> = std::sync::LazyLock::new(RuleDocs::default);

    fn no_spell(_: &str, _: usize) -> Vec<String> {
        Vec::new()
    }

    fn ctx<'a>(
        uri: &'a Url,
        a: &'a Analysis,
        config: &'a Config,
        sp: Speller<'a>,
    ) -> ActionCtx<'a> {
        ActionCtx {
            uri,
            analysis: a,
            enc: PositionEncoding::Utf16,
            config,
            docs: &NO_PAGES,
            english: false,
            has_root: true,
            speller: sp,
        }
    }

    #[test]
    fn suggestion_ignore_and_disable_for_a_finding() {
        let text = "# Virsraksts\n\n  Uz doto brīdi 👋 pieteikumi netiek pieņemti.\n";
        let a = analysis(DocKind::Markdown, text, RuleSet::embedded().unwrap());
        let uri = Url::parse("file:///tmp/a.md").unwrap();
        let config = Config::default();
        let c = ctx(&uri, &a, &config, &no_spell);
        let cursor = Position::new(2, 4);
        let acts = code_actions(&c, Range::new(cursor, cursor), None);
        let t = titles(&acts);
        assert!(
            t.contains(&"Aizstāt «Uz doto brīdi» ar «Pašlaik»".to_string()),
            "{t:?}"
        );
        assert!(t.contains(&"Ignorēt BA002 šajā vietā".to_string()), "{t:?}");
        assert!(
            t.contains(&"Izslēgt BA002 failā skaidri.toml".to_string()),
            "{t:?}"
        );
        let CodeActionOrCommand::CodeAction(ignore) = acts
            .iter()
            .find(|a| titles(std::slice::from_ref(a))[0].starts_with("Ignorēt"))
            .unwrap()
        else {
            panic!("not an action")
        };
        let edits = &ignore.edit.as_ref().unwrap().changes.as_ref().unwrap()[&uri];
        assert_eq!(
            edits[0].new_text,
            "  <!-- skaidri-disable-next-line BA002 -->\n"
        );
        assert_eq!(edits[0].range.start, Position::new(2, 0));
        // Only quick fixes when asked for quick fixes; only fix-all when asked for source.
        let q = code_actions(
            &c,
            Range::new(cursor, cursor),
            Some(&[CodeActionKind::QUICKFIX]),
        );
        assert!(titles(&q).iter().all(|t| !t.starts_with("Labot visus")));
        let s = code_actions(
            &c,
            Range::new(cursor, cursor),
            Some(&[CodeActionKind::SOURCE]),
        );
        assert_eq!(
            titles(&s),
            vec!["Labot visus drošos skaidri ieteikumus (1)".to_string()]
        );
    }

    #[test]
    fn fix_all_applies_only_safe_non_overlapping_fixes() {
        let text = "Uz doto brīdi mēs strādājam. Sakarā ar remontu uz doto brīdi slēgts.";
        let a = analysis(DocKind::Plain, text, RuleSet::embedded().unwrap());
        let edits = fix_all_edits(&a, PositionEncoding::Utf8);
        let mut out = text.to_string();
        for e in edits.iter().rev() {
            let r = e.range.start.character as usize..e.range.end.character as usize;
            out.replace_range(r, &e.new_text);
        }
        assert_eq!(
            out,
            "Pašlaik mēs strādājam. Sakarā ar remontu pašlaik slēgts."
        );
    }

    #[test]
    fn spelling_suggestions_are_computed_on_request_and_word_can_be_added() {
        let rules =
            RuleSet::embedded_with([("t.toml", crate::analysis::tests::SPELLING_RULE)]).unwrap();
        let a = analysis(DocKind::Plain, "Tas ir skaidrī.", rules);
        let uri = Url::parse("file:///tmp/a.txt").unwrap();
        let config = Config::default();
        let calls = std::sync::atomic::AtomicUsize::new(0);
        let speller = |w: &str, n: usize| {
            calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            assert_eq!((w, n), ("skaidrī", 5));
            vec!["skaidri".to_string()]
        };
        let c = ctx(&uri, &a, &config, &speller);
        let p = Position::new(0, 8);
        let t = titles(&code_actions(&c, Range::new(p, p), None));
        // Once per spelling finding at the cursor (the test rule and, since the spelling
        // rules landed, the real one).
        let asked = calls.load(std::sync::atomic::Ordering::SeqCst);
        assert!(asked >= 1);
        assert!(
            t.contains(&"Aizstāt «skaidrī» ar «skaidri»".to_string()),
            "{t:?}"
        );
        assert!(
            t.contains(&"Pievienot «skaidrī» darba vietas vārdnīcai".to_string()),
            "{t:?}"
        );
        // Away from the finding nothing is offered and the speller is not called.
        let far = Position::new(0, 0);
        assert!(
            code_actions(&c, Range::new(far, far), Some(&[CodeActionKind::QUICKFIX])).is_empty()
        );
        assert_eq!(calls.load(std::sync::atomic::Ordering::SeqCst), asked);
    }
}
