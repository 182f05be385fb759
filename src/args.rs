//! Command-line arguments (clap derive). Raw values only; `settings.rs` validates them.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// skaidri — skaidras valodas pārbaudītājs valsts pārvaldes tekstiem
/// (a plain-language checker for Latvian government text).
#[derive(Debug, Parser)]
#[command(name = "skaidri", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check texts and report findings (pārbaudīt tekstus).
    Check(CheckArgs),
    /// Show the sentences and tokens skaidri sees (segmentation), as JSON or text.
    Analyze(AnalyzeArgs),
    /// Explain a rule: what it checks, why, examples.
    Explain(ExplainArgs),
    /// List the rules.
    Rules(RulesArgs),
    /// Run the language server over stdio (for editors).
    Lsp(LspArgs),
}

/// Options shared by every command that runs rules.
#[derive(Debug, Args, Clone)]
pub struct RuleOpts {
    /// Profile: saprotama-valoda (default), viegla-valoda, normativie-akti.
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// Message language: lv (default) or en.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// Extra rule file or folder of *.toml rules (repeatable); overrides embedded rules by id.
    #[arg(long = "rules", value_name = "PATH")]
    pub rules: Vec<PathBuf>,
    /// Turn off rules or categories (comma-separated ids, names or categories).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub disable: Vec<String>,
    /// Run only these rules or categories (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub only: Vec<String>,
}

/// Output format of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Source lines with markers, and a readability summary.
    Human,
    /// One JSON document (see README).
    Json,
}

/// Severity at which `check` fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Fail on errors only.
    Error,
    /// Fail on warnings and errors (default).
    Warning,
    /// Fail on info, warnings and errors.
    Info,
    /// Never fail because of findings.
    Never,
}

/// `skaidri check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files to check; `-` reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: CheckFormat,
    /// Lowest severity that makes the exit code 1.
    #[arg(long, value_enum, default_value = "warning")]
    pub fail_on: FailOn,
    /// Rules and profile.
    #[command(flatten)]
    pub rules: RuleOpts,
}

/// Output format of `analyze` and `rules`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Readable text.
    Text,
    /// JSON.
    Json,
}

/// `skaidri analyze`.
#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// File to analyse; `-` or nothing reads standard input.
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ListFormat,
}

/// `skaidri explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Rule id (e.g. OF001) or name (e.g. sakara-ar).
    pub rule: String,
    /// Rules and language.
    #[command(flatten)]
    pub rules: RuleOpts,
}

/// `skaidri rules`.
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ListFormat,
    /// Rules and language.
    #[command(flatten)]
    pub rules: RuleOpts,
}

/// `skaidri lsp`.
#[derive(Debug, Args)]
pub struct LspArgs {
    /// Accepted for editors that pass it; stdio is the only transport.
    #[arg(long)]
    pub stdio: bool,
}
