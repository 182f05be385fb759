//! `--format junit`: JUnit XML, which CI servers (GitLab, Jenkins, Azure, CircleCI) show
//! as test results. One `<testsuite>` per file; one failing `<testcase>` per finding, or
//! one passing test case for a clean file; an input that could not be read is a test
//! case with an `<error>`.

use super::{FileResult, Finding, Run};
use quick_xml::escape::escape;
use std::io::Write;

fn place(d: &Finding) -> String {
    match &d.paragraph {
        Some(p) => format!("¶{}:{}", p.index, p.offset + 1),
        None => format!("{}:{}", d.start.line, d.start.column),
    }
}

fn suite(out: &mut dyn Write, f: &FileResult) -> anyhow::Result<()> {
    let path = escape(f.path.as_str());
    let n = f.findings.len();
    writeln!(
        out,
        r#"  <testsuite name="{path}" tests="{}" failures="{n}" errors="0" skipped="0">"#,
        n.max(1)
    )?;
    if f.findings.is_empty() {
        writeln!(
            out,
            r#"    <testcase name="skaidri" classname="{path}" file="{path}"/>"#
        )?;
    }
    for d in &f.findings {
        let at = place(d);
        let line = d
            .paragraph
            .as_ref()
            .map(|p| p.index)
            .unwrap_or(d.start.line);
        writeln!(
            out,
            r#"    <testcase name="{} at {at}" classname="{path}" file="{path}" line="{line}">"#,
            escape(&*d.rule)
        )?;
        writeln!(
            out,
            r#"      <failure message="{}" type="{}">{}:{at}: {}[{}] {}</failure>"#,
            escape(d.message.as_str()),
            escape(d.severity.as_str()),
            path,
            d.severity,
            escape(&*d.rule),
            escape(d.message.as_str())
        )?;
        writeln!(out, "    </testcase>")?;
    }
    writeln!(out, "  </testsuite>")?;
    Ok(())
}

/// Writes the XML document.
pub fn write(out: &mut dyn Write, run: &Run) -> anyhow::Result<()> {
    let failures: usize = run.files.iter().map(|f| f.findings.len()).sum();
    let tests: usize = run
        .files
        .iter()
        .map(|f| f.findings.len().max(1))
        .sum::<usize>()
        + run.errors.len();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="skaidri" tests="{tests}" failures="{failures}" errors="{}">"#,
        run.errors.len()
    )?;
    for f in &run.files {
        suite(out, f)?;
    }
    if !run.errors.is_empty() {
        writeln!(
            out,
            r#"  <testsuite name="inputs" tests="{0}" failures="0" errors="{0}" skipped="0">"#,
            run.errors.len()
        )?;
        for e in &run.errors {
            let name = if e.path.is_empty() {
                "skaidri"
            } else {
                &e.path
            };
            writeln!(
                out,
                r#"    <testcase name="{}" classname="inputs">"#,
                escape(name)
            )?;
            writeln!(
                out,
                r#"      <error message="{}">{}</error>"#,
                escape(e.message.as_str()),
                escape(e.message.as_str())
            )?;
            writeln!(out, "    </testcase>")?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")?;
    Ok(())
}
