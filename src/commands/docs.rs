//! `skaidri completions SHELL` and `skaidri man`: generated from the clap definitions, so
//! they never disagree with `--help`.

use crate::args::{Cli, CompletionsArgs};
use anyhow::Result;
use clap::CommandFactory;
use std::io::Write;

/// Prints a completion script for the shell.
pub fn completions(a: CompletionsArgs) -> Result<u8> {
    let mut cmd = Cli::command();
    let mut out = std::io::stdout().lock();
    clap_complete::generate(a.shell, &mut cmd, "skaidri", &mut out);
    out.flush()?;
    Ok(crate::EXIT_OK)
}

/// Prints the man page (roff), including every subcommand's options.
pub fn man() -> Result<u8> {
    let cmd = Cli::command();
    let mut buf: Vec<u8> = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut buf)?;
    // one section per subcommand with its own options, so `man skaidri` documents
    // every flag of `skaidri check`
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let title = format!("SKAIDRI {}", sub.get_name().to_uppercase());
        writeln!(buf, ".SH \"{title}\"")?;
        if let Some(about) = sub.get_about() {
            writeln!(buf, "{}", about.to_string().replace('\\', "\\\\"))?;
        }
        let man = clap_mangen::Man::new(sub.clone());
        if sub.get_arguments().next().is_some() {
            man.render_options_section(&mut buf)?;
        }
    }
    let mut out = std::io::stdout().lock();
    out.write_all(&buf)?;
    out.flush()?;
    Ok(crate::EXIT_OK)
}
