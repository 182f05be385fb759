//! End-to-end tests of `skaidri check` as a CI job uses it: each test makes a fresh
//! folder, writes files and a config into it, runs the real binary there and looks at
//! the output, the exit code and the files.
//!
//! - `util`: the `sktest!` macro and the `Dir` helper (like ripgrep's `rgtest!`).
//! - `inputs`: folders, ignore files, hidden files, globs, `--files-from`, stdin, order.
//! - `config`: discovery, nearest config wins, overrides, errors with file:line:column.
//! - `suppress`: suppression comments in Markdown, HTML and text; unused ones.
//! - `outputs`: every `--format`, SARIF against the official schema, `--output`,
//!   `--statistics`, `--max-lix`, exit codes.
//! - `fix`: `--fix` and `--diff`.
//! - `schemas`: the JSON Schemas in editors/schemas against the repository's files.
//! - `structure`: accessibility facts from the readers as `structure` rules.
//! - `office`: DOCX and ODT, paragraph places, comments as directives.
//! - `docs`: completions and the man page.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[macro_use]
mod util;

mod config;
mod docs;
mod fix;
mod inputs;
mod office;
mod outputs;
mod same_findings;
mod schemas;
mod structure;
mod suppress;
