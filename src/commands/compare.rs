//! `skaidri compare ORIGINAL REWRITE`: readability before → after, findings fixed and
//! introduced, and the fact check. Also the pieces `workshop check` and `report` share:
//! building the analyser, printing a comparison, writing HTML atomically.

use crate::args::{CompareArgs, CompareFormat, RuleOpts};
use crate::{input, settings, EXIT_FINDINGS, EXIT_OK};
use anyhow::{Context, Result};
use skaidri_core::text::LineIndex;
use skaidri_core::{Analyzer, Report};
use skaidri_workshop::compare::Comparison;
use skaidri_workshop::exercise::{parse_band, CriterionKind, GoalResult};
use skaidri_workshop::html::{self, UiLang};
use std::io::Write;
use std::path::Path;

/// The analyser and UI language for a command's rule options.
pub fn analyzer(opts: &RuleOpts) -> Result<(Analyzer, UiLang)> {
    let rules = settings::load_rules(&opts.rules)?;
    let st = settings::settings(opts, &rules)?;
    let lang = if settings::english(opts) {
        UiLang::En
    } else {
        UiLang::Lv
    };
    Ok((Analyzer::new(rules, st), lang))
}

/// Reads a text for the workshop commands: plain text (and standard input) as `check`
/// reads it; Markdown, HTML, DOCX and ODT through `skaidri-formats`, so participants may
/// hand in what their word processor saves.
pub fn read_document(path: &Path) -> Result<input::Input> {
    use skaidri_formats::{extract, ExtractOptions, Format};
    match Format::from_path(path) {
        None | Some(Format::Text) => input::read(path),
        Some(format) => {
            let name = path.display().to_string();
            if path.is_dir() {
                anyhow::bail!("{name}: is a directory");
            }
            let bytes = std::fs::read(path).with_context(|| format!("{name}: cannot read"))?;
            let doc = extract(format, &bytes, &ExtractOptions::default())
                .with_context(|| format!("{name}: cannot read as {}", format.name()))?;
            Ok(input::Input {
                name,
                text: doc.text,
            })
        }
    }
}

/// Writes `content` to `path` atomically: a temporary file beside it, then a rename, so a
/// reader never sees half a report.
pub fn write_atomic(path: &Path, content: &str) -> Result<()> {
    let name = path.display().to_string();
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file = path
        .file_name()
        .with_context(|| format!("{name}: not a file name"))?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        file.to_string_lossy(),
        std::process::id()
    ));
    std::fs::write(&tmp, content).with_context(|| format!("{name}: cannot write"))?;
    if let Err(e) = std::fs::rename(&tmp, path) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e).with_context(|| format!("{name}: cannot write"));
    }
    Ok(())
}

/// Reports on stderr where the HTML went.
pub fn said_written(path: &Path, lang: UiLang) {
    match lang {
        UiLang::Lv => eprintln!("skaidri: pārskats saglabāts: {}", path.display()),
        UiLang::En => eprintln!("skaidri: report written: {}", path.display()),
    }
}

fn num(v: f64, lang: UiLang) -> String {
    crate::output::num(v, lang == UiLang::En)
}

fn signed(v: f64, lang: UiLang) -> String {
    let s = num(v.abs(), lang);
    if v > 0.05 {
        format!("+{s}")
    } else if v < -0.05 {
        format!("−{s}")
    } else {
        "±0".to_string()
    }
}

fn band(b: skaidri_core::readability::Band, lang: UiLang) -> &'static str {
    match lang {
        UiLang::Lv => b.label_lv(),
        UiLang::En => b.label_en(),
    }
}

fn cat(c: skaidri_core::Category, lang: UiLang) -> &'static str {
    match lang {
        UiLang::Lv => c.label_lv(),
        UiLang::En => c.label_en(),
    }
}

/// Prints a comparison as text.
pub fn print_comparison(
    out: &mut dyn Write,
    c: &Comparison,
    before: &Report,
    rewrite: &str,
    after: &Report,
    lang: UiLang,
) -> Result<()> {
    let en = lang == UiLang::En;
    let t = |lv: &'static str, e: &'static str| if en { e } else { lv };
    let (b, a) = (&c.before, &c.after);
    writeln!(
        out,
        "{}",
        t("Lasāmība (pirms → pēc)", "Readability (before → after)")
    )?;
    let row = |out: &mut dyn Write, label: &str, value: String| -> std::io::Result<()> {
        writeln!(out, "  {label:<22}{value}")
    };
    row(
        out,
        "LIX",
        format!(
            "{} → {}  ({})  {} → {}",
            num(b.lix, lang),
            num(a.lix, lang),
            signed(a.lix - b.lix, lang),
            band(b.band, lang),
            band(a.band, lang)
        ),
    )?;
    row(
        out,
        t("vid. teikuma garums", "avg sentence length"),
        format!(
            "{} → {} {}",
            num(b.avg_sentence_words, lang),
            num(a.avg_sentence_words, lang),
            t("vārdi", "words")
        ),
    )?;
    let longest = |w: &[usize]| w.iter().copied().max().unwrap_or(0);
    row(
        out,
        t("garākais teikums", "longest sentence"),
        format!(
            "{} → {} {}",
            longest(&c.before_sentence_words),
            longest(&c.after_sentence_words),
            t("vārdi", "words")
        ),
    )?;
    row(
        out,
        t("grūti teikumi", "hard sentences"),
        format!(
            "{} → {}",
            b.hard_sentences + b.very_hard_sentences,
            a.hard_sentences + a.very_hard_sentences
        ),
    )?;
    let lens = |w: &[usize]| {
        w.iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    row(
        out,
        t("teikumi", "sentences"),
        format!(
            "{} → {}  ({}: {} → {})",
            b.sentences,
            a.sentences,
            t("vārdi teikumos", "words per sentence"),
            lens(&c.before_sentence_words),
            lens(&c.after_sentence_words)
        ),
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "{}: {} {}, {} {}",
        t("Piezīmes", "Findings"),
        t("novērstas", "fixed"),
        c.fixed(),
        t("jaunas", "new"),
        c.introduced()
    )?;
    for d in &c.categories {
        let rules: Vec<String> = c
            .rules
            .iter()
            .filter(|r| {
                before
                    .diagnostics
                    .iter()
                    .chain(&after.diagnostics)
                    .any(|x| x.category == d.key && *x.rule == *r.key)
            })
            .map(|r| format!("{} {}→{}", r.key, r.before, r.after))
            .collect();
        writeln!(
            out,
            "  {:<20} {} → {}{}",
            cat(d.key, lang),
            d.before,
            d.after,
            if rules.is_empty() {
                String::new()
            } else {
                format!("  ({})", rules.join(", "))
            }
        )?;
    }
    if !after.diagnostics.is_empty() {
        writeln!(
            out,
            "  {}:",
            t("pārrakstītajā tekstā", "left in the rewrite")
        )?;
        let idx = LineIndex::new(rewrite);
        for d in &after.diagnostics {
            let p = idx.position(rewrite, d.span.start);
            let shown: String = d.text.chars().take(50).collect();
            let more = if d.text.chars().count() > 50 {
                "…"
            } else {
                ""
            };
            writeln!(
                out,
                "    {}:{} {} «{}{}» — {}",
                p.line, p.column, d.rule, shown, more, d.message
            )?;
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}: {}/{} {}",
        t("Fakti", "Facts"),
        c.facts_kept(),
        c.facts.len(),
        t("saglabāti", "kept")
    )?;
    for f in &c.facts {
        let kind = if en {
            f.fact.kind.label_en()
        } else {
            f.fact.kind.label_lv()
        };
        if let Some(span) = f.found {
            // Show the rewrite's wording where it differs (another case or notation).
            let form = rewrite
                .get(span.start..span.end)
                .filter(|t| html::unquoted(t) != html::unquoted(&f.fact.text))
                .map(|t| format!(" → «{t}»"))
                .unwrap_or_default();
            writeln!(out, "  ✓ {}  ({kind}){form}", f.fact.text)?;
        } else {
            writeln!(
                out,
                "  ✗ {}  ({kind}) — {}",
                f.fact.text,
                t("TRŪKST pārrakstītajā tekstā", "MISSING from the rewrite")
            )?;
        }
    }
    Ok(())
}

/// Prints a goal result as text.
pub fn print_goal(out: &mut dyn Write, g: &GoalResult, lang: UiLang) -> Result<()> {
    let en = lang == UiLang::En;
    let t = |lv: &'static str, e: &'static str| if en { e } else { lv };
    writeln!(
        out,
        "{}: {}",
        t("Mērķis", "Goal"),
        if g.met {
            t("✓ sasniegts", "✓ met")
        } else {
            t("✗ nav sasniegts", "✗ not met")
        }
    )?;
    let band_name = |v: f64| {
        ["very-easy", "easy", "medium", "hard", "very-hard"]
            .get(v as usize)
            .and_then(|n| parse_band(n))
            .map_or("?", |b| band(b, lang))
    };
    for c in &g.criteria {
        let mark = if c.met { "✓" } else { "✗" };
        let line = match c.kind {
            CriterionKind::MaxLix => format!(
                "{} {}: {}",
                t("LIX ne vairāk kā", "LIX at most"),
                num(c.required, lang),
                num(c.actual, lang)
            ),
            CriterionKind::MaxBand => format!(
                "{} «{}»: {}",
                t("grūtība ne augstāka kā", "difficulty at most"),
                band_name(c.required),
                band_name(c.actual)
            ),
            CriterionKind::MaxAvgSentence => format!(
                "{} {}: {}",
                t(
                    "vid. teikuma garums ne vairāk kā",
                    "average sentence at most"
                ),
                num(c.required, lang),
                num(c.actual, lang)
            ),
            CriterionKind::MaxSentence => format!(
                "{} {} {}: {}",
                t("neviens teikums garāks par", "no sentence longer than"),
                c.required as usize,
                t("vārdiem", "words"),
                c.actual as usize
            ),
            CriterionKind::MaxFindings => format!(
                "{} «{}» {} {}: {}",
                t("piezīmes", "findings"),
                c.category.map_or("?", |k| cat(k, lang)),
                t("ne vairāk kā", "at most"),
                c.required as usize,
                c.actual as usize
            ),
            CriterionKind::KeepFacts => format!(
                "{}: {}/{}",
                t("visi fakti saglabāti", "all facts kept"),
                c.actual as usize,
                c.required as usize
            ),
        };
        writeln!(out, "  {mark} {line}")?;
    }
    Ok(())
}

pub fn run(args: CompareArgs) -> Result<u8> {
    let (an, lang) = analyzer(&args.rules)?;
    let orig = read_document(&args.original)?;
    let rew = read_document(&args.rewrite)?;
    let before = an.check(&orig.text);
    let after = an.check(&rew.text);
    let c = skaidri_workshop::compare::compare(&orig.text, &before, &rew.text, &after);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        CompareFormat::Text => {
            writeln!(out, "{} → {}\n", orig.name, rew.name)?;
            print_comparison(&mut out, &c, &before, &rew.text, &after, lang)?;
        }
        CompareFormat::Json => {
            let v = serde_json::json!({
                "version": 1,
                "original": orig.name,
                "rewrite": rew.name,
                "comparison": c,
                "lix_gain": c.lix_gain(),
                "facts_kept": c.facts_kept(),
                "all_facts_kept": c.all_facts_kept(),
            });
            serde_json::to_writer_pretty(&mut out, &v)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    if let Some(path) = &args.html {
        let view = html::CompareView {
            before: html::DocView {
                title: &orig.name,
                text: &orig.text,
                report: &before,
            },
            after: html::DocView {
                title: &rew.name,
                text: &rew.text,
                report: &after,
            },
            comparison: &c,
            exercise: None,
        };
        write_atomic(path, &html::compare(&view, an.rules(), lang))?;
        said_written(path, lang);
    }
    Ok(if c.all_facts_kept() {
        EXIT_OK
    } else {
        EXIT_FINDINGS
    })
}
