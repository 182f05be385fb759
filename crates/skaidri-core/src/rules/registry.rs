//! The registry of rule kinds. To add a kind: write `kind/<name>.rs` with a `compile`
//! function and add one line to [`KINDS`].

use super::kind::{self, Engine};
use super::load::{Parsed, RuleError};
use super::RuleSet;

/// A kind's compiler: takes its rules (with their index in the set) and builds an engine.
pub type Compile = fn(&[(usize, &Parsed)]) -> Result<Box<dyn Engine>, RuleError>;

/// Every rule kind: (name in rule files, compiler).
pub const KINDS: &[(&str, Compile)] = &[
    ("phrase", kind::phrase::compile),
    ("regex", kind::regex::compile),
    ("metric", kind::metric::compile),
    ("lemma", kind::lemma::compile),
    ("spelling", kind::spelling::compile),
    ("passive", kind::passive::compile),
    ("nominalization", kind::nominalization::compile),
    ("noun-chain", kind::noun_chain::compile),
    ("rare-word", kind::rare::compile),
    ("abbreviation", kind::abbreviation::compile),
    ("numbers", kind::numbers::compile),
    ("structure", kind::structure::compile),
];

/// Compiles parsed rules into a rule set.
pub fn compile(parsed: Vec<Parsed>) -> Result<RuleSet, RuleError> {
    for p in &parsed {
        if !KINDS.iter().any(|(n, _)| *n == p.info.kind) {
            let names: Vec<_> = KINDS.iter().map(|(n, _)| *n).collect();
            return Err(RuleError {
                loc: p.kind_loc.clone(),
                key: Some("kind".into()),
                message: format!(
                    "unknown rule kind `{}`; expected one of: {}",
                    p.info.kind,
                    names.join(", ")
                ),
            });
        }
    }
    let mut engines = Vec::new();
    for (name, compile) in KINDS {
        let mine: Vec<(usize, &Parsed)> = parsed
            .iter()
            .enumerate()
            .filter(|(_, p)| p.info.kind == *name)
            .collect();
        if !mine.is_empty() {
            engines.push(compile(&mine)?);
        }
    }
    Ok(RuleSet {
        rules: parsed.into_iter().map(|p| p.info).collect(),
        engines,
    })
}
