//! Parsing and validating rule files. Every error names the file, line, column and key.

use super::schema::{RawFile, RawRule};
use super::{RuleInfo, PROFILES};
use crate::diagnostic::{Category, Severity};
use crate::text::LineIndex;
use std::fmt;
use std::ops::Range;
use std::sync::Arc;
use toml::Spanned;

/// A place in a rule file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loc {
    /// File name as given to the loader.
    pub file: Arc<str>,
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub column: u32,
}

/// A malformed rule file or rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub struct RuleError {
    /// Where.
    pub loc: Loc,
    /// The key at fault, if one is.
    pub key: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: ",
            self.loc.file, self.loc.line, self.loc.column
        )?;
        if let Some(k) = &self.key {
            write!(f, "key `{k}`: ")?;
        }
        f.write_str(&self.message)
    }
}

/// A string with the place it was written.
#[derive(Debug, Clone)]
pub struct Located {
    /// The value.
    pub value: String,
    /// Where it was written.
    pub loc: Loc,
}

/// A parsed, validated rule before kind-specific compilation.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// Shared metadata.
    pub info: RuleInfo,
    /// Where the rule's `kind` key is.
    pub kind_loc: Loc,
    /// Phrase patterns.
    pub patterns: Vec<Located>,
    /// Regex.
    pub pattern: Option<Located>,
    /// Metric name.
    pub metric: Option<Located>,
    /// Structural kinds: which construction.
    pub variant: Option<Located>,
    /// Kind `lemma`: match the elements in reverse order too.
    pub any_order: bool,
    /// Structural fact name.
    pub fact: Option<Located>,
    /// Exceptions after a phrase.
    pub unless_next: Vec<Located>,
    /// Exceptions before a phrase.
    pub unless_prev: Vec<Located>,
}

struct Ctx<'a> {
    file: Arc<str>,
    idx: LineIndex,
    src: &'a str,
}

impl Ctx<'_> {
    fn loc(&self, span: Range<usize>) -> Loc {
        let p = self.idx.position(self.src, span.start);
        Loc {
            file: self.file.clone(),
            line: p.line,
            column: p.column,
        }
    }
    fn err(&self, span: Range<usize>, key: &str, message: impl Into<String>) -> RuleError {
        RuleError {
            loc: self.loc(span),
            key: Some(key.to_string()),
            message: message.into(),
        }
    }
    fn located(&self, s: &Spanned<String>) -> Located {
        Located {
            value: s.get_ref().clone(),
            loc: self.loc(s.span()),
        }
    }
}

/// Parses one rule file.
pub fn parse_file(name: &str, src: &str) -> Result<Vec<Parsed>, RuleError> {
    let cx = Ctx {
        file: Arc::from(name),
        idx: LineIndex::new(src),
        src,
    };
    let raw: RawFile = toml::from_str(src).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        let msg = e.message().to_string();
        let key = msg
            .strip_prefix("unknown field `")
            .and_then(|r| r.split('`').next())
            .map(str::to_string);
        RuleError {
            loc: cx.loc(span),
            key,
            message: msg,
        }
    })?;
    if let Some(v) = &raw.schema {
        if *v.get_ref() != 1 {
            return Err(cx.err(
                v.span(),
                "schema",
                format!(
                    "unsupported schema version {}; this skaidri reads 1",
                    v.get_ref()
                ),
            ));
        }
    }
    let mut out = Vec::with_capacity(raw.rule.len());
    let mut seen: Vec<String> = Vec::new();
    for r in raw.rule {
        let span = r.span();
        let rule = r.into_inner();
        if seen.contains(rule.id.get_ref()) {
            return Err(cx.err(
                rule.id.span(),
                "id",
                format!(
                    "rule id `{}` is defined twice in this file",
                    rule.id.get_ref()
                ),
            ));
        }
        seen.push(rule.id.get_ref().clone());
        out.push(validate(&cx, rule, span)?);
    }
    Ok(out)
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 40
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
}

fn check_profiles(cx: &Ctx, list: &[Spanned<String>], key: &str) -> Result<Vec<String>, RuleError> {
    list.iter()
        .map(|p| {
            if PROFILES.contains(&p.get_ref().as_str()) {
                Ok(p.get_ref().clone())
            } else {
                Err(cx.err(
                    p.span(),
                    key,
                    format!(
                        "unknown profile `{}`; expected one of: {}",
                        p.get_ref(),
                        PROFILES.join(", ")
                    ),
                ))
            }
        })
        .collect()
}

fn validate(cx: &Ctx, r: RawRule, span: Range<usize>) -> Result<Parsed, RuleError> {
    if !valid_id(r.id.get_ref()) {
        return Err(cx.err(
            r.id.span(),
            "id",
            "an id is 1–40 ASCII letters, digits, '-', '_' or '.'",
        ));
    }
    let category = Category::parse(r.category.get_ref()).ok_or_else(|| {
        let names: Vec<_> = Category::ALL.iter().map(|c| c.as_str()).collect();
        cx.err(
            r.category.span(),
            "category",
            format!(
                "unknown category `{}`; expected one of: {}",
                r.category.get_ref(),
                names.join(", ")
            ),
        )
    })?;
    let parse_sev = |s: &Spanned<String>, key: &str| {
        Severity::parse(s.get_ref()).ok_or_else(|| {
            cx.err(
                s.span(),
                key,
                format!(
                    "unknown severity `{}`; expected error, warning, info or hint",
                    s.get_ref()
                ),
            )
        })
    };
    let severity = match &r.severity {
        Some(s) => parse_sev(s, "severity")?,
        None => Severity::Warning,
    };
    let mut severity_in = std::collections::BTreeMap::new();
    for (p, s) in &r.severity_in {
        if !PROFILES.contains(&p.as_str()) {
            return Err(cx.err(s.span(), "severity_in", format!("unknown profile `{p}`")));
        }
        severity_in.insert(p.clone(), parse_sev(s, "severity_in")?);
    }
    for p in r.max_in.keys() {
        if !PROFILES.contains(&p.as_str()) {
            return Err(cx.err(span.clone(), "max_in", format!("unknown profile `{p}`")));
        }
    }
    if r.message.trim().is_empty() {
        return Err(cx.err(span.clone(), "message", "the message is empty"));
    }
    if r.explanation.trim().is_empty() {
        return Err(cx.err(span.clone(), "explanation", "the explanation is empty"));
    }
    if r.example.is_empty() {
        return Err(cx.err(
            r.id.span(),
            "example",
            "every rule needs at least one [[rule.example]] with `bad` and `good`",
        ));
    }
    if r.safe && r.suggestions.is_empty() {
        return Err(cx.err(span, "safe", "`safe = true` needs at least one suggestion"));
    }
    let disabled_in = check_profiles(cx, &r.disabled_in, "disabled_in")?;
    let only_in = check_profiles(cx, &r.only_in, "only_in")?;
    let info = RuleInfo {
        id: Arc::from(r.id.get_ref().as_str()),
        name: r.name.clone().unwrap_or_default(),
        kind: r.kind.get_ref().clone(),
        category,
        severity,
        message: r.message,
        message_en: r.message_en,
        explanation: r.explanation,
        explanation_en: r.explanation_en,
        source: r.source,
        suggestions: r.suggestions,
        safe: r.safe,
        disabled_in,
        only_in,
        severity_in,
        max: r.max,
        max_in: r.max_in,
        examples: r.example,
        origin: cx.file.to_string(),
        patterns: r.patterns.iter().map(|p| p.get_ref().clone()).collect(),
    };
    Ok(Parsed {
        info,
        kind_loc: cx.loc(r.kind.span()),
        patterns: r.patterns.iter().map(|p| cx.located(p)).collect(),
        pattern: r.pattern.as_ref().map(|p| cx.located(p)),
        metric: r.metric.as_ref().map(|p| cx.located(p)),
        any_order: r.any_order,
        variant: r.variant.as_ref().map(|p| cx.located(p)),
        fact: r.fact.as_ref().map(|p| cx.located(p)),
        unless_next: r.unless_next.iter().map(|p| cx.located(p)).collect(),
        unless_prev: r.unless_prev.iter().map(|p| cx.located(p)).collect(),
    })
}

impl Located {
    /// An error at this value's place.
    pub fn err(&self, key: &str, message: impl Into<String>) -> RuleError {
        RuleError {
            loc: self.loc.clone(),
            key: Some(key.to_string()),
            message: message.into(),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[[rule]]
id = "T1"
kind = "phrase"
category = "officialese"
message = "m"
explanation = "e"
patterns = ["sakarā ar"]
[[rule.example]]
bad = "Sakarā ar to."
good = "Tāpēc."
"#;

    #[test]
    fn parses_a_rule() {
        let r = parse_file("t.toml", GOOD).unwrap();
        assert_eq!(r.len(), 1);
        assert_eq!(&*r[0].info.id, "T1");
    }

    #[test]
    fn unknown_key_names_line_column_and_key() {
        let src = GOOD.replace("message = \"m\"", "mesage = \"m\"");
        let e = parse_file("rules/x.toml", &src).unwrap_err();
        assert_eq!(e.key.as_deref(), Some("mesage"));
        assert_eq!(e.loc.line, 6, "{e}");
        assert!(e.to_string().starts_with("rules/x.toml:6:"), "{e}");
    }

    #[test]
    fn bad_category_points_at_the_value() {
        let src = GOOD.replace("\"officialese\"", "\"oficiāli\"");
        let e = parse_file("x.toml", &src).unwrap_err();
        assert_eq!(e.key.as_deref(), Some("category"));
        assert_eq!((e.loc.line, e.loc.column), (5, 12), "{e}");
    }

    #[test]
    fn missing_example_is_an_error() {
        let src = GOOD.split("[[rule.example]]").next().unwrap();
        let e = parse_file("x.toml", src).unwrap_err();
        assert_eq!(e.key.as_deref(), Some("example"));
    }
}
