//! # skaidri-workshop
//!
//! Workshop mode for plain-language trainers: exercises built from real public-sector
//! texts, a before/after comparison of a trainee's rewrite with the original (readability,
//! findings fixed and introduced, and whether every fact survived), and a self-contained,
//! accessible HTML report.
//!
//! - [`stem`]: Latvian-aware stem comparison (case endings, consonant alternations).
//! - [`facts`]: numbers, amounts, percentages, dates, legal references and names of a text,
//!   and where they appear in another text in any inflection.
//! - [`compare`]: compares two checked texts ([`skaidri_core::Report`]s).
//! - [`exercise`]: the exercise format (`corpus/workshop/*.toml`), the embedded exercises
//!   and goal evaluation.
//! - [`html`]: the HTML report (one file, inline CSS/JS/SVG, Latvian or English UI).
//!
//! Like `skaidri-core`, this crate is pure: no I/O, no printing. It is a crate of its own
//! rather than modules of `skaidri-core` because the core is the analysis every front end
//! shares, while comparison, exercises and report rendering serve only the classroom; it
//! also keeps workshop work from touching files other branches change.
#![deny(missing_docs)]

pub mod compare;
pub mod exercise;
pub mod facts;
pub mod html;
pub mod stem;
