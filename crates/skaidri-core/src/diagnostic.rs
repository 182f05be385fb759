//! The diagnostic model: what a rule found, where, and what to write instead.
//!
//! Spans are byte ranges in the text the analyser was given. Front ends map them back to
//! the source (see `skaidri-formats`) and to lines and columns (see [`crate::text`]).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// A byte range `[start, end)` in the analysed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A new span.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    /// Whether `other` lies inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// How serious a finding is. Ordered from least to most serious.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A hint; editors show it faintly.
    Hint,
    /// Worth knowing.
    Info,
    /// Should be fixed.
    Warning,
    /// Must be fixed.
    Error,
}

impl Severity {
    /// The lowercase name used in files and output.
    pub fn as_str(&self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
    /// Parses a lowercase name.
    pub fn parse(s: &str) -> Option<Severity> {
        Some(match s {
            "hint" => Severity::Hint,
            "info" => Severity::Info,
            "warning" => Severity::Warning,
            "error" => Severity::Error,
            _ => return None,
        })
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! categories {
    ($($variant:ident => $name:literal, $lv:literal, $en:literal;)*) => {
        /// The fixed set of finding categories.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum Category {
            $(
                #[doc = $en]
                #[serde(rename = $name)]
                $variant,
            )*
        }
        impl Category {
            /// Every category, in a stable order.
            pub const ALL: &'static [Category] = &[$(Category::$variant),*];
            /// The kebab-case name used in rule files, config and output.
            pub fn as_str(&self) -> &'static str {
                match self { $(Category::$variant => $name),* }
            }
            /// Parses a kebab-case name.
            pub fn parse(s: &str) -> Option<Category> {
                match s { $($name => Some(Category::$variant),)* _ => None }
            }
            /// A short human label in Latvian.
            pub fn label_lv(&self) -> &'static str {
                match self { $(Category::$variant => $lv),* }
            }
            /// A short human label in English.
            pub fn label_en(&self) -> &'static str {
                match self { $(Category::$variant => $en),* }
            }
        }
    };
}

categories! {
    Officialese => "officialese", "kancelejas valoda", "officialese";
    Nominalization => "nominalization", "lietvārdiskums", "nominalization";
    Passive => "passive", "ciešamā kārta", "passive voice";
    NounChain => "noun-chain", "ģenitīvu virkne", "noun chain";
    SentenceLength => "sentence-length", "teikuma garums", "sentence length";
    WordComplexity => "word-complexity", "sarežģīti vārdi", "word complexity";
    ForeignWord => "foreign-word", "svešvārdi", "foreign words";
    Barbarism => "barbarism", "barbarismi", "barbarisms";
    Abbreviation => "abbreviation", "saīsinājumi", "abbreviations";
    NumbersDates => "numbers-dates", "skaitļi un datumi", "numbers and dates";
    ReaderAddress => "reader-address", "uzruna lasītājam", "addressing the reader";
    Spelling => "spelling", "pareizrakstība", "spelling";
    Accessibility => "accessibility", "piekļūstamība", "accessibility";
    Readability => "readability", "lasāmība", "readability";
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A proposed replacement for a span of text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// The text to write instead.
    pub replacement: String,
    /// What it replaces (byte range in the analysed text).
    pub span: Span,
    /// Whether `--fix` may apply it without a person looking.
    pub safe: bool,
    /// A note for the reader, e.g. that the word must still be inflected.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// The rule's id, e.g. `OF001`.
    pub rule: Arc<str>,
    /// The rule's category.
    pub category: Category,
    /// How serious it is (after profile and config overrides).
    pub severity: Severity,
    /// The message, in the requested language.
    pub message: String,
    /// The matched text.
    pub text: String,
    /// Where it is (byte range in the analysed text).
    pub span: Span,
    /// Proposed replacements, best first.
    pub suggestions: Vec<Suggestion>,
}
