//! `workspace/executeCommand`: the commands behind code actions and the code lens.
//!
//! - `skaidri.addWord [uri, word]`: append the word to `.skaidri/words.txt` at the
//!   workspace root; the server stops flagging it at once.
//! - `skaidri.disableRule [uri, rule]`: add the rule to `disable = [...]` in the
//!   `skaidri.toml` in use (the nearest one at or above the workspace root), or create
//!   one at the workspace root; takes effect at once.
//! - `skaidri.readability [uri]`: show the document's readability figures.
//!
//! Files are written by the server (like harper-ls does for its dictionaries), so the
//! commands work the same in every editor, including those without workspace-edit
//! resource operations.

use crate::analysis::Analysis;
use crate::lv;
use crate::project::{self, ProjectError};
use serde_json::Value;
use std::path::{Path, PathBuf};
use tower_lsp::jsonrpc;
use tower_lsp::lsp_types::Url;

/// Add a word to the workspace dictionary.
pub const ADD_WORD: &str = "skaidri.addWord";
/// Disable a rule in `skaidri.toml`.
pub const DISABLE_RULE: &str = "skaidri.disableRule";
/// Show readability figures.
pub const READABILITY: &str = "skaidri.readability";
/// Panics on purpose; registered only when `SKAIDRI_LSP_TEST_HOOKS=1` (tests of panic
/// recovery).
pub const TEST_PANIC: &str = "skaidri.test.panic";

/// The commands the server advertises.
pub const COMMANDS: &[&str] = &[ADD_WORD, DISABLE_RULE, READABILITY];

/// A parsed command.
#[derive(Debug, Clone, PartialEq)]
pub enum Parsed {
    /// `skaidri.addWord`.
    AddWord {
        /// The document it was asked from.
        uri: Url,
        /// The word.
        word: String,
    },
    /// `skaidri.disableRule`.
    DisableRule {
        /// The document it was asked from.
        uri: Url,
        /// The rule id.
        rule: String,
    },
    /// `skaidri.readability`.
    Readability {
        /// The document.
        uri: Url,
    },
    /// `skaidri.test.panic`.
    TestPanic,
}

fn invalid(msg: String) -> jsonrpc::Error {
    jsonrpc::Error::invalid_params(msg)
}

fn arg<T: serde::de::DeserializeOwned>(
    command: &str,
    args: &[Value],
    i: usize,
    what: &str,
) -> jsonrpc::Result<T> {
    let v = args
        .get(i)
        .ok_or_else(|| invalid(format!("{command}: argument {} ({what}) is missing", i + 1)))?;
    serde_json::from_value(v.clone())
        .map_err(|e| invalid(format!("{command}: argument {} ({what}): {e}", i + 1)))
}

/// Parses a command and its arguments; unknown commands and bad arguments are
/// `InvalidParams` errors that say what was wrong.
pub fn parse(command: &str, args: &[Value], test_hooks: bool) -> jsonrpc::Result<Parsed> {
    match command {
        ADD_WORD => {
            let word: String = arg(command, args, 1, "word")?;
            if word.trim().is_empty() || word.contains(char::is_whitespace) {
                return Err(invalid(format!("{command}: `{word}` is not one word")));
            }
            Ok(Parsed::AddWord {
                uri: arg(command, args, 0, "document URI")?,
                word,
            })
        }
        DISABLE_RULE => Ok(Parsed::DisableRule {
            uri: arg(command, args, 0, "document URI")?,
            rule: arg(command, args, 1, "rule id")?,
        }),
        READABILITY => Ok(Parsed::Readability {
            uri: arg(command, args, 0, "document URI")?,
        }),
        TEST_PANIC if test_hooks => Ok(Parsed::TestPanic),
        other => Err(invalid(format!("unknown command `{other}`"))),
    }
}

/// Adds `rule` to `disable` in the `skaidri.toml` at `path`, creating the file if needed.
pub fn disable_rule_in_file(path: &Path, rule: &str) -> Result<PathBuf, ProjectError> {
    let path = path.to_path_buf();
    let old = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(source) => return Err(ProjectError::Io { path, source }),
    };
    let new = project::with_disabled_rule(&path, &old, rule)?;
    if new != old {
        std::fs::write(&path, new).map_err(|source| ProjectError::Io {
            path: path.clone(),
            source,
        })?;
    }
    Ok(path)
}

/// The full readability figures of a document, one per line.
pub fn readability_report(a: &Analysis, english: bool) -> String {
    let m = &a.metrics;
    if english {
        format!(
            "LIX {:.1} ({})\nWords: {}, sentences: {}, words per sentence: {:.1}\n\
             Long words: {:.0} %, syllables per word: {:.2}\nHard sentences: {}, very hard: {}",
            m.lix,
            m.band.label_en(),
            m.words,
            m.sentences,
            m.avg_sentence_words,
            m.long_word_share * 100.0,
            m.syllables_per_word,
            m.hard_sentences,
            m.very_hard_sentences
        )
    } else {
        format!(
            "LIX {} ({})\nVārdi: {}, teikumi: {}, vārdi teikumā: {}\n\
             Garie vārdi: {} %, zilbes vārdā: {}\nGrūti teikumi: {}, ļoti grūti: {}",
            lv::decimal(m.lix),
            m.band.label_lv(),
            m.words,
            m.sentences,
            lv::decimal(m.avg_sentence_words),
            (m.long_word_share * 100.0).round(),
            format!("{:.2}", m.syllables_per_word).replace('.', ","),
            m.hard_sentences,
            m.very_hard_sentences
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::FILE_NAME;
    use serde_json::json;

    #[test]
    fn parses_commands_and_rejects_bad_arguments() {
        let uri = json!("file:///tmp/a.md");
        assert_eq!(
            parse(ADD_WORD, &[uri.clone(), json!("e-adrese")], false).unwrap(),
            Parsed::AddWord {
                uri: Url::parse("file:///tmp/a.md").unwrap(),
                word: "e-adrese".into()
            }
        );
        let e = parse(ADD_WORD, std::slice::from_ref(&uri), false).unwrap_err();
        assert!(
            e.message.contains("argument 2 (word) is missing"),
            "{}",
            e.message
        );
        assert!(parse(ADD_WORD, &[uri.clone(), json!("divi vārdi")], false).is_err());
        assert!(parse(DISABLE_RULE, &[json!(5), json!("OF001")], false).is_err());
        assert!(parse("skaidri.nav", &[], false).is_err());
        assert!(parse(TEST_PANIC, &[], false).is_err());
        assert_eq!(parse(TEST_PANIC, &[], true).unwrap(), Parsed::TestPanic);
    }

    #[test]
    fn disabling_a_rule_creates_then_edits_skaidri_toml() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(FILE_NAME);
        let p = disable_rule_in_file(&file, "OF001").unwrap();
        disable_rule_in_file(&file, "BA002").unwrap();
        disable_rule_in_file(&file, "OF001").unwrap();
        let c = project::load(&p).unwrap();
        let rules = skaidri_core::rules::RuleSet::embedded().unwrap();
        let s = c.settings(&dir.path().join("a.txt"), &rules).unwrap();
        assert_eq!(s.disable, vec!["OF001", "BA002"]);
    }
}
