//! # skaidri-core
//!
//! The analysis core of skaidri, a plain-language checker for Latvian government text.
//!
//! Brief overview of the main types:
//! - [`text::LineIndex`] turns byte offsets into 1-based lines and columns (Unicode scalar
//!   values and UTF-16 code units).
//! - [`segment`] splits Latvian text into [`segment::Token`]s and [`segment::Sentence`]s
//!   (abbreviations such as "t. sk.", "Nr.", ordinals such as "7. novembris").
//! - [`readability`] computes words, sentences, syllables, LIX and a Latvian difficulty band.
//! - [`morph`] gives every word token its readings (lemma, part of speech, case, verb
//!   form) from `skaidri-morph`, once per distinct word form.
//! - [`rules`] loads rules from TOML text and compiles them into a [`rules::RuleSet`].
//! - [`Analyzer`] runs a rule set over a text and returns a [`Report`] of
//!   [`diagnostic::Diagnostic`]s plus readability metrics; [`incremental`] gives the same
//!   report after an edit, re-running sentence-level rules only where the text changed.
//!
//! ```
//! use skaidri_core::{Analyzer, Settings, rules::RuleSet};
//! let rules = RuleSet::embedded().unwrap();
//! let analyzer = Analyzer::new(rules, Settings::default());
//! let report = analyzer.check("Sakarā ar remontu birojs būs slēgts.");
//! assert!(report.diagnostics.iter().any(|d| d.rule.as_ref() == "OF001"));
//! ```
//!
//! Architecture invariant: this crate does no I/O, no printing and no async. Rules and
//! data come in as `&str`; the same input always gives the same output, and no text makes
//! it fail.
#![deny(missing_docs)]

pub mod analyzer;
pub mod diagnostic;
pub mod embedded;
pub mod incremental;
pub mod morph;
pub mod readability;
pub mod rules;
pub mod segment;
pub mod syllable;
pub mod text;

pub use analyzer::{Analyzer, Lang, Report, Settings};
pub use diagnostic::{Category, Diagnostic, Severity, Span, Suggestion};
pub use incremental::{IncrementalCache, IncrementalStats};
pub use rules::kind::structure::Fact;
