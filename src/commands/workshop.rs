//! `skaidri workshop list | show N | check N REWRITE|FOLDER`: the classroom commands.
//!
//! Exit codes of `check`: 0 when the rewrite met the exercise's goal (for a folder: every
//! rewrite did), 1 when not, 2 on errors.

use super::compare::{
    analyzer, print_comparison, print_goal, read_document, said_written, write_atomic,
};
use crate::args::{
    CompareFormat, WorkshopArgs, WorkshopCheckArgs, WorkshopCommand, WorkshopListArgs,
    WorkshopShowArgs,
};
use crate::{EXIT_ERROR, EXIT_FINDINGS, EXIT_OK};
use anyhow::{anyhow, bail, Context, Result};
use skaidri_core::{Analyzer, Report};
use skaidri_workshop::compare::{compare, Comparison};
use skaidri_workshop::exercise::{self, Exercise, GoalResult};
use skaidri_workshop::html::{self, UiLang};
use std::io::Write;
use std::path::{Path, PathBuf};

pub fn run(args: WorkshopArgs) -> Result<u8> {
    match args.command {
        WorkshopCommand::List(a) => list(a),
        WorkshopCommand::Show(a) => show(a),
        WorkshopCommand::Check(a) => check(a),
    }
}

fn exercises() -> Result<Vec<Exercise>> {
    Ok(exercise::embedded()?)
}

fn english(lang: &Option<String>) -> Result<bool> {
    match lang.as_deref() {
        None | Some("lv") => Ok(false),
        Some("en") => Ok(true),
        Some(l) => bail!("unknown language `{l}`; expected lv or en"),
    }
}

fn list(a: WorkshopListArgs) -> Result<u8> {
    let en = english(&a.lang)?;
    let all = exercises()?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if a.format == CompareFormat::Json {
        serde_json::to_writer_pretty(&mut out, &all)?;
        writeln!(out)?;
        return Ok(EXIT_OK);
    }
    for (i, e) in all.iter().enumerate() {
        let cats: Vec<&str> = e
            .categories
            .iter()
            .filter_map(|c| skaidri_core::Category::parse(c))
            .map(|c| if en { c.label_en() } else { c.label_lv() })
            .collect();
        writeln!(out, "{:>3}  {}  [{}]", i + 1, e.title, cats.join(", "))?;
    }
    writeln!(
        out,
        "\n{}",
        if en {
            "skaidri workshop show N — the passage, goal and hints; skaidri workshop check N REWRITE.txt — check a rewrite."
        } else {
            "skaidri workshop show N — teksts, mērķis un padomi; skaidri workshop check N PĀRRAKSTS.txt — pārbaudīt pārrakstīto."
        }
    )?;
    Ok(EXIT_OK)
}

fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    for para in text.trim().split('\n') {
        let mut line = String::new();
        for w in para.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + w.chars().count() > width {
                out.push_str(&line);
                out.push('\n');
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(w);
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn target_lines(e: &Exercise, en: bool) -> Vec<String> {
    let t = &e.target;
    let mut v = Vec::new();
    if let Some(x) = t.max_lix {
        v.push(format!(
            "{} {x}",
            if en {
                "LIX at most"
            } else {
                "LIX ne vairāk kā"
            }
        ));
    }
    if let Some(b) = t.max_band.as_deref().and_then(exercise::parse_band) {
        v.push(format!(
            "{} «{}»",
            if en {
                "difficulty at most"
            } else {
                "grūtība ne augstāka kā"
            },
            if en { b.label_en() } else { b.label_lv() }
        ));
    }
    if let Some(x) = t.max_avg_sentence_words {
        v.push(format!(
            "{} {x}",
            if en {
                "average sentence at most"
            } else {
                "vidējais teikuma garums ne vairāk kā"
            }
        ));
    }
    if let Some(x) = t.max_sentence_words {
        v.push(format!(
            "{} {x} {}",
            if en {
                "no sentence longer than"
            } else {
                "neviens teikums garāks par"
            },
            if en { "words" } else { "vārdiem" }
        ));
    }
    for (c, n) in &t.max_findings {
        let label = skaidri_core::Category::parse(c).map_or(c.as_str(), |k| {
            if en {
                k.label_en()
            } else {
                k.label_lv()
            }
        });
        v.push(if *n == 0 {
            format!(
                "{} «{label}»",
                if en {
                    "no findings of"
                } else {
                    "nav piezīmju"
                }
            )
        } else {
            format!(
                "{} «{label}» {} {n}",
                if en { "findings of" } else { "piezīmes" },
                if en { "at most" } else { "ne vairāk kā" }
            )
        });
    }
    if t.keep_facts.unwrap_or(true) {
        v.push(
            if en {
                "keep every number, date, amount, reference and name"
            } else {
                "saglabāt visus skaitļus, datumus, summas, atsauces un nosaukumus"
            }
            .to_string(),
        );
    }
    v
}

fn show(a: WorkshopShowArgs) -> Result<u8> {
    let en = english(&a.lang)?;
    let all = exercises()?;
    let e = exercise::find(&all, &a.exercise)?;
    let n = all.iter().position(|x| x.id == e.id).map_or(0, |i| i + 1);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if a.passage {
        writeln!(out, "{}", e.passage.trim())?;
        return Ok(EXIT_OK);
    }
    if a.format == CompareFormat::Json {
        serde_json::to_writer_pretty(&mut out, e)?;
        writeln!(out)?;
        return Ok(EXIT_OK);
    }
    let t = |lv: &'static str, x: &'static str| if en { x } else { lv };
    writeln!(out, "{} {n}: {}\n", t("Uzdevums", "Exercise"), e.title)?;
    writeln!(out, "{}", wrap(&e.passage, 88))?;
    writeln!(out, "{}: {}", t("Avots", "Source"), e.source.title)?;
    writeln!(out, "  {}\n  {}\n", e.source.reference, e.source.licence)?;
    writeln!(out, "{}:", t("Mērķis", "Goal"))?;
    write!(out, "{}", wrap(&e.goal, 88))?;
    writeln!(
        out,
        "\n{}:",
        t("Prasības pārrakstītajam tekstam", "Target for the rewrite")
    )?;
    for l in target_lines(e, en) {
        writeln!(out, "  • {l}")?;
    }
    writeln!(out, "\n{}:", t("Padomi", "Hints"))?;
    for h in &e.hints {
        writeln!(out, "  • {h}")?;
    }
    if a.model {
        writeln!(out, "\n{}:", t("Paraugs", "Model rewrite"))?;
        writeln!(out, "{}", wrap(&e.model.rewrite, 88))?;
    } else {
        writeln!(
            out,
            "\n{} skaidri workshop show {n} --passage > {}.txt",
            t("Teksts failā:", "Passage to a file:"),
            e.id
        )?;
        writeln!(
            out,
            "{} skaidri workshop check {n} PĀRRAKSTS.txt --html pārskats.html",
            t("Pārbaudīt:", "Check:")
        )?;
    }
    Ok(EXIT_OK)
}

struct Checked {
    name: String,
    text: String,
    report: Report,
    comparison: Comparison,
    goal: GoalResult,
}

fn check_one(an: &Analyzer, e: &Exercise, before: &Report, name: String, text: String) -> Checked {
    let report = an.check(&text);
    let comparison = compare(&e.passage, before, &text, &report);
    let goal = e.evaluate(&comparison);
    Checked {
        name,
        text,
        report,
        comparison,
        goal,
    }
}

/// Rewrites in a folder: text, Markdown, HTML, DOCX and ODT files, not hidden, sorted by
/// name.
fn folder_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let rd =
        std::fs::read_dir(dir).with_context(|| format!("{}: cannot list folder", dir.display()))?;
    let mut v: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                && skaidri_formats::Format::from_path(p).is_some()
        })
        .collect();
    v.sort();
    if v.is_empty() {
        return Err(anyhow!(
            "{}: no rewrites (*.txt, *.md, *.html, *.docx or *.odt files) in this folder",
            dir.display()
        ));
    }
    Ok(v)
}

/// Ranking: goal met first, then the share of facts kept (a shorter text that drops facts
/// must not outrank a faithful one), then the LIX gain.
fn rank(v: &mut [Checked]) {
    v.sort_by(|a, b| {
        let share = |c: &Checked| {
            let n = c.comparison.facts.len();
            if n == 0 {
                1.0
            } else {
                c.comparison.facts_kept() as f64 / n as f64
            }
        };
        b.goal
            .met
            .cmp(&a.goal.met)
            .then(share(b).total_cmp(&share(a)))
            .then(b.comparison.lix_gain().total_cmp(&a.comparison.lix_gain()))
            .then(a.name.cmp(&b.name))
    });
}

fn check(a: WorkshopCheckArgs) -> Result<u8> {
    let (an, lang) = analyzer(&a.rules)?;
    let en = lang == UiLang::En;
    let all = exercises()?;
    let e = exercise::find(&all, &a.exercise)?;
    let n = all.iter().position(|x| x.id == e.id).map_or(0, |i| i + 1);
    let before = an.check(&e.passage);
    let batch = a.rewrite.is_dir();
    let mut checked = Vec::new();
    let mut errors = false;
    let paths = if batch {
        folder_files(&a.rewrite)?
    } else {
        vec![a.rewrite.clone()]
    };
    for p in &paths {
        match read_document(p) {
            Ok(inp) => {
                let name = if batch {
                    p.file_name()
                        .map_or(inp.name.clone(), |f| f.to_string_lossy().into_owned())
                } else {
                    inp.name
                };
                checked.push(check_one(&an, e, &before, name, inp.text));
            }
            Err(err) => {
                if !batch {
                    return Err(err);
                }
                eprintln!("skaidri: error: {err:#}");
                errors = true;
            }
        }
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let t = |lv: &'static str, x: &'static str| if en { x } else { lv };
    if batch {
        rank(&mut checked);
    }
    match a.format {
        CompareFormat::Json => {
            let rows: Vec<serde_json::Value> = checked
                .iter()
                .map(|c| {
                    serde_json::json!({
                        "rewrite": c.name,
                        "goal": c.goal,
                        "comparison": c.comparison,
                        "lix_gain": c.comparison.lix_gain(),
                        "facts_kept": c.comparison.facts_kept(),
                    })
                })
                .collect();
            let v = serde_json::json!({ "version": 1, "exercise": e.id, "results": rows });
            serde_json::to_writer_pretty(&mut out, &v)?;
            writeln!(out)?;
        }
        CompareFormat::Text if batch => {
            writeln!(
                out,
                "{} {n}: {} — {} {}\n",
                t("Uzdevums", "Exercise"),
                e.title,
                checked.len(),
                t("pārrakstījumi", "rewrites")
            )?;
            let name_w = checked
                .iter()
                .map(|c| c.name.chars().count())
                .max()
                .unwrap_or(10)
                .max(12);
            writeln!(
                out,
                "{:>3}  {:<name_w$}  {:<7}  {:<15}  {:>8}  {:>6}  {:>8}",
                "#",
                t("dalībnieks", "participant"),
                t("mērķis", "goal"),
                "LIX",
                t("uzlabots", "gain"),
                t("fakti", "facts"),
                t("piezīmes", "findings")
            )?;
            for (i, c) in checked.iter().enumerate() {
                let cm = &c.comparison;
                let lix = format!(
                    "{} → {}",
                    crate::output::num(cm.before.lix, en),
                    crate::output::num(cm.after.lix, en)
                );
                writeln!(
                    out,
                    "{:>3}  {:<name_w$}  {:<7}  {:<15}  {:>8}  {:>6}  {:>8}",
                    i + 1,
                    c.name,
                    if c.goal.met { "✓" } else { "✗" },
                    lix,
                    crate::output::num(cm.lix_gain(), en),
                    format!("{}/{}", cm.facts_kept(), cm.facts.len()),
                    c.report.diagnostics.len()
                )?;
            }
            writeln!(
                out,
                "\n{}",
                t(
                    "Secība: vispirms sasniegts mērķis, tad saglabāto faktu daļa, tad LIX uzlabojums.",
                    "Order: goal met first, then share of facts kept, then LIX gain."
                )
            )?;
            for c in checked.iter().filter(|c| !c.comparison.all_facts_kept()) {
                let miss: Vec<&str> = c.comparison.missing().map(|f| f.text.as_str()).collect();
                writeln!(
                    out,
                    "  {}: {} {}",
                    c.name,
                    t("trūkst", "missing"),
                    miss.join("; ")
                )?;
            }
        }
        CompareFormat::Text => {
            let c = &checked[0];
            writeln!(
                out,
                "{} {n}: {}\n{}: {}\n",
                t("Uzdevums", "Exercise"),
                e.title,
                t("Pārrakstītais teksts", "Rewrite"),
                c.name
            )?;
            print_comparison(&mut out, &c.comparison, &before, &c.text, &c.report, lang)?;
            writeln!(out)?;
            print_goal(&mut out, &c.goal, lang)?;
        }
    }
    out.flush()?;
    if let Some(path) = &a.html {
        let passage_title = if en { "Original" } else { "Oriģināls" };
        let views: Vec<html::CompareView> = checked
            .iter()
            .map(|c| html::CompareView {
                before: html::DocView {
                    title: passage_title,
                    text: &e.passage,
                    report: &before,
                },
                after: html::DocView {
                    title: &c.name,
                    text: &c.text,
                    report: &c.report,
                },
                comparison: &c.comparison,
                exercise: Some((e, &c.goal)),
            })
            .collect();
        let page = if batch {
            let entries: Vec<html::ClassEntry> = checked
                .iter()
                .zip(&views)
                .map(|(c, v)| html::ClassEntry {
                    name: &c.name,
                    view: *v,
                })
                .collect();
            html::class(e, &entries, an.rules(), lang)
        } else {
            html::compare(&views[0], an.rules(), lang)
        };
        write_atomic(path, &page)?;
        said_written(path, lang);
    }
    if errors {
        return Ok(EXIT_ERROR);
    }
    Ok(if checked.iter().all(|c| c.goal.met) {
        EXIT_OK
    } else {
        EXIT_FINDINGS
    })
}
