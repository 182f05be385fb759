//! `skaidri explain RULE`: a rule's explanation, examples and source.

use crate::args::ExplainArgs;
use crate::settings;
use anyhow::{anyhow, Result};
use std::io::Write;

pub fn run(args: ExplainArgs) -> Result<u8> {
    let rules = settings::load_rules(&args.rules.rules)?;
    let en = settings::english(&args.rules);
    if args
        .rule
        .eq_ignore_ascii_case(crate::engine::UNUSED_SUPPRESSION)
        || args.rule == "lieks-apklusinajums"
    {
        // the meta rule of --report-unused-suppressions lives in code, not in rules/
        let d = super::check::unused_suppression_doc(en);
        let mut o = std::io::stdout().lock();
        writeln!(o, "{} ({}) — {}", d.id, d.name, d.category)?;
        writeln!(o)?;
        writeln!(o, "{}", d.explanation)?;
        return Ok(crate::EXIT_OK);
    }
    let r = rules
        .get(&args.rule)
        .ok_or_else(|| anyhow!("unknown rule `{}` (see `skaidri rules`)", args.rule))?;
    let stdout = std::io::stdout();
    let mut o = stdout.lock();
    let title = if r.name.is_empty() {
        String::new()
    } else {
        format!(" ({})", r.name)
    };
    writeln!(
        o,
        "{}{} — {}",
        r.id,
        title,
        if en {
            r.category.label_en()
        } else {
            r.category.label_lv()
        }
    )?;
    let (sev, kind, src, ex, bad, good, sugg) = if en {
        (
            "Severity",
            "Kind",
            "Source",
            "Examples",
            "bad",
            "good",
            "Suggestions",
        )
    } else {
        (
            "Nopietnība",
            "Veids",
            "Avots",
            "Piemēri",
            "slikti",
            "labi",
            "Ieteikumi",
        )
    };
    writeln!(o, "{sev}: {}   {kind}: {}", r.severity, r.kind)?;
    writeln!(o)?;
    writeln!(o, "{}", r.explanation_in(en).trim())?;
    if !r.suggestions.is_empty() {
        writeln!(o)?;
        writeln!(o, "{sugg}: {}", r.suggestions_for_display().join(", "))?;
    }
    writeln!(o)?;
    writeln!(o, "{ex}:")?;
    for e in &r.examples {
        writeln!(o, "  ✗ {bad}: {}", e.bad)?;
        writeln!(o, "  ✓ {good}: {}", e.good)?;
    }
    if let Some(s) = &r.source {
        writeln!(o)?;
        writeln!(o, "{src}: {s}")?;
    }
    Ok(crate::EXIT_OK)
}
