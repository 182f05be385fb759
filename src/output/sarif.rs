//! `--format sarif`: SARIF 2.1.0 for code-scanning services (GitHub code scanning,
//! Azure DevOps, IDE viewers). Rule metadata goes into `tool.driver.rules`; each finding
//! becomes a result with a physical location whose columns count Unicode code points.
//! Input errors become tool execution notifications. Tests validate the output against
//! the official SARIF 2.1.0 JSON schema.

use super::{slash_path, FileResult, Finding, Run};
use serde_json::{json, Value};
use skaidri_core::Severity;
use std::collections::BTreeMap;
use std::io::Write;

/// SARIF `level` of a severity.
pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

/// A path as a URI reference: `/` separators, other bytes outside the unreserved set
/// percent-encoded; an absolute path becomes a `file://` URI; a URL stays as it is.
pub fn uri(path: &str) -> String {
    // a published page: its URL is already a URI (normalised when it was parsed)
    if crate::fetch::looks_like_url(path) {
        return path.to_string();
    }
    let p = slash_path(path);
    let p = p.strip_prefix("./").unwrap_or(&p);
    let mut out = String::with_capacity(p.len() + 8);
    if p.starts_with('/') {
        out.push_str("file://");
    }
    for b in p.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn region(d: &Finding) -> Value {
    match &d.paragraph {
        // office documents: paragraph number as the line, so viewers can still sort
        Some(p) => json!({
            "startLine": p.index,
            "startColumn": p.offset + 1,
            "snippet": { "text": p.excerpt },
        }),
        None => json!({
            "startLine": d.start.line,
            "startColumn": d.start.column,
            "endLine": d.end.line,
            "endColumn": d.end.column.max(if d.end.line == d.start.line { d.start.column + 1 } else { 1 }),
            "byteOffset": d.start.offset,
            "byteLength": d.end.offset.saturating_sub(d.start.offset),
        }),
    }
}

fn result(f: &FileResult, d: &Finding, index: &BTreeMap<&str, usize>) -> Value {
    let mut r = json!({
        "ruleId": &*d.rule,
        "level": level(d.severity),
        "message": { "text": d.message },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": uri(&f.path) },
                "region": region(d),
            }
        }],
        "properties": { "category": d.category },
    });
    if let Some(i) = index.get(&*d.rule) {
        r["ruleIndex"] = json!(i);
    }
    if let Some(p) = &d.paragraph {
        r["properties"]["paragraph"] = json!(p.index);
        r["properties"]["paragraphOffset"] = json!(p.offset);
    }
    r
}

/// Writes the SARIF log.
pub fn write(out: &mut dyn Write, run: &Run) -> anyhow::Result<()> {
    let rules: Vec<Value> = run
        .rules
        .values()
        .map(|r| {
            let short = if r.name.is_empty() {
                r.id.clone()
            } else {
                r.name.clone()
            };
            let mut v = json!({
                "id": r.id,
                "name": short,
                "shortDescription": { "text": r.message },
                "fullDescription": { "text": r.explanation },
                "help": { "text": r.explanation },
                "defaultConfiguration": { "level": level(r.severity) },
                "properties": { "tags": [r.category] },
            });
            if let Some(s) = &r.source {
                v["properties"]["source"] = json!(s);
            }
            // The same link as the language server's codeDescription.
            if let Some(u) = skaidri_config::docs::rule_docs_url(&r.id) {
                v["helpUri"] = json!(u);
            }
            v
        })
        .collect();
    let index: BTreeMap<&str, usize> = run
        .rules
        .keys()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    let results: Vec<Value> = run.findings().map(|(f, d)| result(f, d, &index)).collect();
    let notifications: Vec<Value> = run
        .errors
        .iter()
        .map(|e| {
            let mut n = json!({ "level": "error", "message": { "text": e.message } });
            if !e.path.is_empty() && e.path != "<stdin>" {
                n["locations"] = json!([{
                    "physicalLocation": { "artifactLocation": { "uri": uri(&e.path) } }
                }]);
            }
            n
        })
        .collect();
    let mut log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "skaidri",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "invocations": [{
                "executionSuccessful": run.errors.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    // Only a real address (the workspace's repository URL may still be a placeholder).
    if let Some(u) = skaidri_config::docs::repository() {
        log["runs"][0]["tool"]["driver"]["informationUri"] = json!(u);
    }
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn uris() {
        assert_eq!(uri("docs/a b.md"), "docs/a%20b.md");
        assert_eq!(uri("./ģ.txt"), "%C4%A3.txt");
        assert_eq!(uri("/srv/x.md"), "file:///srv/x.md");
        assert_eq!(uri("dir\\x.md"), "dir/x.md");
        assert_eq!(
            uri("https://example.lv/a%20b?x=1"),
            "https://example.lv/a%20b?x=1"
        );
    }
}
