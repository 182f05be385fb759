//! `skaidri lsp`: runs the language server (crate `skaidri-lsp`) over stdio.

use crate::args::LspArgs;
use anyhow::{Context, Result};

/// Builds a tokio runtime and serves until the editor sends `exit` or closes stdin.
/// Exit code 0 after `shutdown` + `exit`, 1 otherwise (as the protocol asks).
pub fn run(_args: LspArgs) -> Result<u8> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(4)
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let exit = runtime.block_on(skaidri_lsp::run_stdio())?;
    // Analyses still running on blocking threads are abandoned, not awaited.
    runtime.shutdown_background();
    Ok(match exit {
        skaidri_lsp::Exit::Clean => 0,
        skaidri_lsp::Exit::WithoutShutdown => 1,
    })
}
