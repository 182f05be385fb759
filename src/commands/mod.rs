//! One module per subcommand; [`run`] dispatches.

mod analyze;
mod check;
mod compare;
mod docs;
mod explain;
mod lsp;
mod report;
mod rules;
mod workshop;

use crate::args::{Cli, Command};
use anyhow::Result;

/// Runs the parsed command and returns the exit code.
pub fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Check(a) => check::run(a),
        Command::Analyze(a) => analyze::run(a),
        Command::Explain(a) => explain::run(a),
        Command::Rules(a) => rules::run(a),
        Command::Completions(a) => docs::completions(a),
        Command::Man => docs::man(),
        Command::Workshop(a) => workshop::run(a),
        Command::Compare(a) => compare::run(a),
        Command::Report(a) => report::run(a),
        Command::Lsp(a) => lsp::run(a),
    }
}
