//! `skaidri check`: read inputs, analyse each, print, choose the exit code.

use crate::args::{CheckArgs, CheckFormat, FailOn};
use crate::output::{self, FileResult};
use crate::{input, settings, EXIT_ERROR, EXIT_FINDINGS, EXIT_OK};
use anyhow::Result;
use skaidri_core::{Analyzer, Severity};
use std::io::Write;
use std::path::PathBuf;

pub fn run(args: CheckArgs) -> Result<u8> {
    let rules = settings::load_rules(&args.rules.rules)?;
    let st = settings::settings(&args.rules, &rules)?;
    let english = settings::english(&args.rules);
    let analyzer = Analyzer::new(rules, st);
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.paths.clone()
    };
    let mut results = Vec::new();
    let mut errors = Vec::new();
    for p in &paths {
        match input::read(p) {
            Ok(inp) => {
                let report = analyzer.check(&inp.text);
                results.push(FileResult::new(inp.name, inp.text, report));
            }
            Err(e) => {
                eprintln!("skaidri: error: {e:#}");
                errors.push(format!("{e:#}"));
            }
        }
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        CheckFormat::Human => output::human::write(
            &mut out,
            &results,
            english,
            output::human::stdout_wants_color(),
        )?,
        CheckFormat::Json => output::json::write(&mut out, &results, &errors)?,
    }
    out.flush()?;
    if !errors.is_empty() {
        return Ok(EXIT_ERROR);
    }
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    };
    let failed = threshold.is_some_and(|t| {
        results
            .iter()
            .flat_map(|r| &r.report.diagnostics)
            .any(|d| d.severity >= t)
    });
    Ok(if failed { EXIT_FINDINGS } else { EXIT_OK })
}
