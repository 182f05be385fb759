//! `skaidri rules`: list the rules.

use crate::args::{ListFormat, RulesArgs};
use crate::settings;
use anyhow::Result;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct RuleRow<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'a str,
    category: &'a str,
    severity: &'a str,
    message: &'a str,
    profiles: Vec<&'a str>,
    source: Option<&'a str>,
    origin: &'a str,
}

pub fn run(args: RulesArgs) -> Result<u8> {
    let rules = settings::load_rules(&args.rules.rules)?;
    let en = settings::english(&args.rules);
    let rows: Vec<RuleRow> = rules
        .rules()
        .iter()
        .map(|r| RuleRow {
            id: &r.id,
            name: &r.name,
            kind: &r.kind,
            category: r.category.as_str(),
            severity: r.severity.as_str(),
            message: r.message_in(en),
            profiles: skaidri_core::rules::PROFILES
                .iter()
                .copied()
                .filter(|p| r.active_in(p))
                .collect(),
            source: r.source.as_deref(),
            origin: &r.origin,
        })
        .collect();
    let stdout = std::io::stdout();
    let mut o = stdout.lock();
    match args.format {
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut o, &rows)?;
            writeln!(o)?;
        }
        ListFormat::Text => {
            for r in &rows {
                writeln!(
                    o,
                    "{:<7} {:<16} {:<8} {}",
                    r.id, r.category, r.severity, r.message
                )?;
            }
            writeln!(o, "\n{} rules", rows.len())?;
        }
    }
    Ok(crate::EXIT_OK)
}
