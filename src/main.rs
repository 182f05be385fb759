//! `skaidri`: the command-line front end. Parses arguments, loads rules and settings,
//! runs the core, prints results and chooses the exit code. The only place that prints
//! or exits.

mod args;
mod commands;
mod document;
mod engine;
mod fix;
mod input;
mod output;
mod settings;
mod walk;

use clap::Parser;
use std::process::ExitCode;

/// Exit code: nothing at or above the failing severity was found.
pub const EXIT_OK: u8 = 0;
/// Exit code: findings at or above the failing severity.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: usage, configuration or input errors.
pub const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    let args = match args::Cli::try_parse() {
        Ok(a) => a,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_ERROR } else { EXIT_OK };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match commands::run(args) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::from(EXIT_OK);
            }
            eprintln!("skaidri: error: {e:#}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
