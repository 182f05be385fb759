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
    /// Workshop mode for trainers: exercises and checking rewrites (darbnīca).
    Workshop(WorkshopArgs),
    /// Compare a rewrite with its original: readability, findings, facts kept.
    Compare(CompareArgs),
    /// Write an HTML report with findings highlighted (one self-contained file).
    Report(ReportArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(CompletionsArgs),
    /// Print the manual page (roff) to standard output.
    Man,
    /// Run the language server over stdio (for editors).
    Lsp(LspArgs),
}

/// `skaidri completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
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
    /// User word list (one word per line, `#` comments; repeatable): these words are
    /// never reported as misspelt or rare.
    #[arg(long = "dict", value_name = "PATH")]
    pub dict: Vec<PathBuf>,
}

/// Output format of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Source lines with markers, and a readability summary.
    Human,
    /// One JSON document (see README).
    Json,
    /// SARIF 2.1.0, for code scanning (GitHub, Azure DevOps, IDEs).
    Sarif,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
    /// GitLab Code Quality report (JSON).
    Gitlab,
    /// JUnit XML: one test suite per file, one failing test case per finding.
    Junit,
    /// Counts per file and category.
    Summary,
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
    /// Files, folders (searched recursively) or globs to check; `-` reads standard
    /// input; http(s) URLs of published pages are fetched and checked as HTML. Without
    /// any, standard input is read.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: CheckFormat,
    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Lowest severity that makes the exit code 1.
    #[arg(long, value_enum, default_value = "warning")]
    pub fail_on: FailOn,
    /// Exit with 1 when a document's LIX is higher than N.
    #[arg(long, value_name = "N")]
    pub max_lix: Option<f64>,
    /// Print how often each rule fired instead of the findings.
    #[arg(long)]
    pub statistics: bool,
    /// Apply safe suggestions to the files (txt, Markdown, HTML), then report what is left.
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,
    /// Print the changes `--fix` would make, as a unified diff, and write nothing.
    #[arg(long)]
    pub diff: bool,
    /// Read the list of paths to check from FILE (one per line; `-` = standard input).
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<PathBuf>,
    /// The file name standard input stands for: picks the format and the config.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,
    /// Also check hidden files and folders (names starting with a dot).
    #[arg(long)]
    pub hidden: bool,
    /// Do not respect .gitignore, .ignore and similar files.
    #[arg(long)]
    pub no_ignore: bool,
    /// Use this config file for every input instead of looking for skaidri.toml.
    #[arg(long, value_name = "PATH", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
    /// Ignore all config files.
    #[arg(long)]
    pub isolated: bool,
    /// Report suppression comments that silenced nothing (rule SK000).
    #[arg(long)]
    pub report_unused_suppressions: bool,
    /// Never show a progress bar.
    #[arg(long)]
    pub no_progress: bool,
    /// Rules and profile (these flags win over the config file).
    #[command(flatten)]
    pub rules: RuleOpts,
    /// Published pages.
    #[command(flatten)]
    pub fetch: FetchOpts,
}

/// Options of `check` for published pages (URLs and sitemaps).
#[derive(Debug, Args, Clone)]
#[command(next_help_heading = "Published pages")]
pub struct FetchOpts {
    /// Check the pages this sitemap lists (urlset or sitemap index; repeatable).
    #[arg(long, value_name = "URL")]
    pub sitemap: Vec<String>,
    /// Time allowed for one page or sitemap: connect, redirects and reading.
    #[arg(long, value_name = "SECS", default_value = "20", value_parser = parse_secs)]
    pub timeout: std::time::Duration,
    /// Pause between two requests to the same host, in milliseconds.
    #[arg(long, value_name = "MS", default_value_t = crate::fetch::DEFAULT_DELAY.as_millis() as u64)]
    pub delay: u64,
    /// Most pages taken from sitemaps.
    #[arg(long, value_name = "N", default_value_t = crate::fetch::DEFAULT_MAX_PAGES,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub max_pages: u32,
}

fn parse_secs(s: &str) -> Result<std::time::Duration, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if v > 0.0 && v <= 86_400.0 => Ok(std::time::Duration::from_secs_f64(v)),
        _ => Err(format!(
            "`{s}` is not a number of seconds between 0 and 86400"
        )),
    }
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

/// Output format of `workshop` and `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    /// Readable text.
    Text,
    /// JSON.
    Json,
}

/// `skaidri workshop`.
#[derive(Debug, Args)]
pub struct WorkshopArgs {
    /// What to do.
    #[command(subcommand)]
    pub command: WorkshopCommand,
}

/// `skaidri workshop` subcommands.
#[derive(Debug, Subcommand)]
pub enum WorkshopCommand {
    /// List the exercises.
    List(WorkshopListArgs),
    /// Show an exercise: passage, goal, target, hints.
    Show(WorkshopShowArgs),
    /// Check a rewrite (or a folder of rewrites) against an exercise.
    Check(WorkshopCheckArgs),
}

/// `skaidri workshop list`.
#[derive(Debug, Args)]
pub struct WorkshopListArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: CompareFormat,
    /// UI language: lv (default) or en.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
}

/// `skaidri workshop show`.
#[derive(Debug, Args)]
pub struct WorkshopShowArgs {
    /// Exercise number (as in `workshop list`) or id.
    #[arg(value_name = "N")]
    pub exercise: String,
    /// Print only the passage (to hand out as a file).
    #[arg(long, conflicts_with = "model")]
    pub passage: bool,
    /// Also print the model rewrite (for the trainer).
    #[arg(long)]
    pub model: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: CompareFormat,
    /// UI language: lv (default) or en.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
}

/// `skaidri workshop check`.
#[derive(Debug, Args)]
pub struct WorkshopCheckArgs {
    /// Exercise number (as in `workshop list`) or id.
    #[arg(value_name = "N")]
    pub exercise: String,
    /// The rewrite (a text file, `-` for standard input), or a folder of rewrites
    /// (*.txt, *.md) for a class table.
    #[arg(value_name = "REWRITE")]
    pub rewrite: PathBuf,
    /// Also write an HTML report to this file.
    #[arg(long, value_name = "OUT.html")]
    pub html: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: CompareFormat,
    /// Rules and language.
    #[command(flatten)]
    pub rules: RuleOpts,
}

/// `skaidri compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The original text.
    #[arg(value_name = "ORIGINAL")]
    pub original: PathBuf,
    /// The rewrite.
    #[arg(value_name = "REWRITE")]
    pub rewrite: PathBuf,
    /// Also write an HTML report to this file.
    #[arg(long, value_name = "OUT.html")]
    pub html: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: CompareFormat,
    /// Rules and language.
    #[command(flatten)]
    pub rules: RuleOpts,
}

/// `skaidri report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Files to report on; `-` reads standard input.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// The HTML file to write.
    #[arg(long, value_name = "OUT.html", required = true)]
    pub html: PathBuf,
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
    /// User word list (one word per line, `#` comments; repeatable): these words are
    /// never reported as misspelt or rare in any document, besides the config's
    /// `dictionaries` and the workspace's `.skaidri/words.txt`.
    #[arg(long = "dict", value_name = "PATH")]
    pub dict: Vec<PathBuf>,
}
