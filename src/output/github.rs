//! `--format github`: GitHub Actions workflow commands, one line per finding:
//! `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
//! GitHub shows them as annotations on the pull request's changed lines.

use super::{slash_path, Run};
use skaidri_core::Severity;
use std::io::Write;

/// Escapes a command's message (`%`, CR, LF).
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property (also `:` and `,`).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "notice",
    }
}

/// Writes one workflow command per finding and per input error.
pub fn write(out: &mut dyn Write, run: &Run) -> anyhow::Result<()> {
    for (f, d) in run.findings() {
        let title = run
            .rules
            .get(&*d.rule)
            .filter(|r| !r.name.is_empty())
            .map(|r| format!("skaidri {} ({})", d.rule, r.name))
            .unwrap_or_else(|| format!("skaidri {}", d.rule));
        let file = escape_property(&slash_path(&f.path));
        match &d.paragraph {
            Some(p) => writeln!(
                out,
                "::{} file={file},title={}::{}",
                command(d.severity),
                escape_property(&title),
                escape_data(&format!(
                    "¶{}:{}: {} (…{}…)",
                    p.index,
                    p.offset + 1,
                    d.message,
                    p.excerpt
                ))
            )?,
            None => writeln!(
                out,
                "::{} file={file},line={},col={},endLine={},endColumn={},title={}::{}",
                command(d.severity),
                d.start.line,
                d.start.column,
                d.end.line,
                d.end.column,
                escape_property(&title),
                escape_data(&d.message)
            )?,
        }
    }
    for e in &run.errors {
        if e.path.is_empty() {
            writeln!(out, "::error title=skaidri::{}", escape_data(&e.message))?;
        } else {
            writeln!(
                out,
                "::error file={},title=skaidri::{}",
                escape_property(&slash_path(&e.path)),
                escape_data(&e.message)
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_data("50% a\r\nb"), "50%25 a%0D%0Ab");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
