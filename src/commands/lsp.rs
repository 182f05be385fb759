//! `skaidri lsp`: runs the language server (crate `skaidri-lsp`) over stdio.

use crate::args::LspArgs;
use crate::settings::read_word_list;
use anyhow::{Context, Result};

/// Builds a tokio runtime and serves until the editor sends `exit` or closes stdin.
/// Exit code 0 after `shutdown` + `exit`, 1 otherwise (as the protocol asks).
///
/// `--dict` word lists are read before the server starts, so a missing or unreadable
/// file stops it with an error naming the file (as `skaidri check --dict` does), rather
/// than a server that quietly flags the words.
pub fn run(args: LspArgs) -> Result<u8> {
    let mut options = skaidri_lsp::Options::default();
    for d in &args.dict {
        options.extra_words.extend(read_word_list(d)?);
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(4)
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let exit = runtime.block_on(skaidri_lsp::run_stdio_with(options))?;
    // Analyses still running on blocking threads are abandoned, not awaited.
    runtime.shutdown_background();
    Ok(match exit {
        skaidri_lsp::Exit::Clean => 0,
        skaidri_lsp::Exit::WithoutShutdown => 1,
    })
}
