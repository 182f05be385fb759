//! `--format human`: each finding with its source line and a marker under it, then a
//! readability summary per file. Colour only on a terminal; `NO_COLOR` is respected
//! (anstream strips the styles otherwise).

use super::{num, FileResult, Finding, Run};
use anstyle::{AnsiColor, Style};
use skaidri_core::Severity;
use std::io::Write;

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const BLUE: Style = AnsiColor::Blue.on_default().bold();
const GREEN: Style = AnsiColor::Green.on_default();

fn sev_style(s: Severity) -> Style {
    match s {
        Severity::Error => AnsiColor::Red.on_default().bold(),
        Severity::Warning => AnsiColor::Yellow.on_default().bold(),
        Severity::Info => AnsiColor::Cyan.on_default().bold(),
        Severity::Hint => DIM,
    }
}

fn sev_name(s: Severity, en: bool) -> &'static str {
    if en {
        return s.as_str();
    }
    match s {
        Severity::Error => "kļūda",
        Severity::Warning => "brīdinājums",
        Severity::Info => "ieteikums",
        Severity::Hint => "padoms",
    }
}

/// Whether standard output should get colour (a terminal, `NO_COLOR` unset, or
/// `CLICOLOR_FORCE` set).
pub fn stdout_wants_color() -> bool {
    anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
}

/// Writes every file's findings and summary, then input errors.
pub fn write(out: &mut dyn Write, run: &Run, color: bool) -> anyhow::Result<()> {
    let mut buf: Vec<u8> = Vec::new();
    render(&mut buf, run)?;
    if color {
        out.write_all(&buf)?;
    } else {
        for chunk in anstream::adapter::strip_bytes(&buf) {
            out.write_all(chunk)?;
        }
    }
    Ok(())
}

fn render(out: &mut dyn Write, run: &Run) -> anyhow::Result<()> {
    let en = run.english;
    let mut total = 0usize;
    for f in &run.files {
        for d in &f.findings {
            finding(out, f, d, en)?;
            total += 1;
        }
        summary(out, f, en)?;
    }
    let files = run.files.len();
    if files > 1 || total > 0 {
        if en {
            writeln!(
                out,
                "{BOLD}Found {total} issue(s) in {files} file(s).{BOLD:#}"
            )?;
        } else {
            writeln!(
                out,
                "{BOLD}Atrasti {total} ieteikumi {files} failos.{BOLD:#}"
            )?;
        }
    }
    Ok(())
}

fn finding(out: &mut dyn Write, f: &FileResult, d: &Finding, en: bool) -> anyhow::Result<()> {
    let ss = sev_style(d.severity);
    let place = match &d.paragraph {
        Some(p) => format!("¶{}:{}", p.index, p.offset + 1),
        None => format!("{}:{}", d.start.line, d.start.column),
    };
    writeln!(
        out,
        "{BOLD}{}:{place}:{BOLD:#} {ss}{}[{}]{ss:#} {}",
        f.path,
        sev_name(d.severity, en),
        d.rule,
        d.message
    )?;
    let hint = match d.suggestions.first() {
        Some(s) if en => format!(" suggestion: {}", s.replacement),
        Some(s) => format!(" ieteikums: {}", s.replacement),
        None => String::new(),
    };
    if let Some(p) = &d.paragraph {
        writeln!(
            out,
            "{BLUE}  |{BLUE:#} …{}…{GREEN}{hint}{GREEN:#}",
            p.excerpt
        )?;
        writeln!(out)?;
        return Ok(());
    }
    let Some(line) = f.source_line(d.start.line) else {
        writeln!(out)?;
        return Ok(());
    };
    let width = d.start.line.to_string().len();
    let pad = " ".repeat(width);
    writeln!(out, "{BLUE}{pad} |{BLUE:#}")?;
    writeln!(out, "{BLUE}{} |{BLUE:#} {line}", d.start.line)?;
    let lead: String = line
        .chars()
        .take(d.start.column as usize - 1)
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    let marker_len = if d.end.line == d.start.line {
        (d.end.column.saturating_sub(d.start.column)).max(1) as usize
    } else {
        line.chars()
            .count()
            .saturating_sub(d.start.column as usize - 1)
            .max(1)
    };
    writeln!(
        out,
        "{BLUE}{pad} |{BLUE:#} {lead}{ss}{}{ss:#}{GREEN}{hint}{GREEN:#}",
        "^".repeat(marker_len)
    )?;
    writeln!(out)?;
    Ok(())
}

fn summary(out: &mut dyn Write, f: &FileResult, en: bool) -> anyhow::Result<()> {
    let m = &f.metrics;
    if en {
        writeln!(
            out,
            "{DIM}{}: {} words, {} sentences, {} words per sentence, LIX {} ({}); hard sentences: {}, very hard: {}{DIM:#}",
            f.path, m.words, m.sentences, num(m.avg_sentence_words, true), num(m.lix, true), m.band.label_en(), m.hard_sentences, m.very_hard_sentences
        )?;
    } else {
        writeln!(
            out,
            "{DIM}{}: {} vārdi, {} teikumi, vidēji {} vārdi teikumā, LIX {} ({}); grūti teikumi: {}, ļoti grūti: {}{DIM:#}",
            f.path, m.words, m.sentences, num(m.avg_sentence_words, false), num(m.lix, false), m.band.label_lv(), m.hard_sentences, m.very_hard_sentences
        )?;
    }
    Ok(())
}
