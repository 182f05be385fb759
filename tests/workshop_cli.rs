//! End-to-end tests of `skaidri workshop`, `skaidri compare` and `skaidri report`, run as a
//! trainer would run them: the real binary, files in a temporary folder, exit codes.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

fn skaidri(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skaidri"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run skaidri")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The model rewrite of exercise `n`, as printed by `workshop show N --model`.
fn model(n: &str, dir: &Path) -> String {
    let o = skaidri(&["workshop", "show", n, "--format", "json"], dir);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    v["model"]["rewrite"].as_str().expect("model").to_string()
}

#[test]
fn list_shows_every_exercise_numbered() {
    let dir = tempfile::tempdir().unwrap();
    let o = skaidri(&["workshop", "list"], dir.path());
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    let numbered = out
        .lines()
        .filter(|l| {
            l.split_whitespace()
                .next()
                .is_some_and(|w| w.parse::<u32>().is_ok())
        })
        .count();
    assert!(numbered >= 15, "{out}");
    assert!(out.contains("Ko atklāja Valsts kontrole"), "{out}");
    let en = stdout(&skaidri(&["workshop", "list", "--lang", "en"], dir.path()));
    assert!(
        en.contains("officialese") && en.contains("skaidri workshop check"),
        "{en}"
    );
}

#[test]
fn show_gives_passage_goal_target_and_hints() {
    let dir = tempfile::tempdir().unwrap();
    let o = skaidri(&["workshop", "show", "17"], dir.path());
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for needle in [
        "Uzdevums 17",
        "36 000 latu",
        "Mērķis:",
        "Padomi:",
        "Avots:",
        "CC BY-SA 4.0",
        "LIX ne vairāk kā",
    ] {
        assert!(out.contains(needle), "missing {needle:?} in\n{out}");
    }
    assert!(
        !out.contains("Paraugs"),
        "the model stays hidden unless asked for"
    );
    let m = stdout(&skaidri(&["workshop", "show", "17", "--model"], dir.path()));
    assert!(m.contains("Paraugs:"));
    let p = stdout(&skaidri(
        &["workshop", "show", "17", "--passage"],
        dir.path(),
    ));
    assert!(
        p.starts_with("Kā atklājusi Valsts kontrole") && !p.contains("Mērķis"),
        "{p}"
    );
    // by id as well as by number
    let by_id = skaidri(
        &[
            "workshop",
            "show",
            "17-valsts-kontrole-jelgava",
            "--passage",
        ],
        dir.path(),
    );
    assert_eq!(stdout(&by_id), p);
}

#[test]
fn the_model_rewrite_passes_and_exit_code_is_zero() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("paraugs.txt"), model("8", dir.path())).unwrap();
    let o = skaidri(&["workshop", "check", "8", "paraugs.txt"], dir.path());
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}{}", stderr(&o));
    assert!(out.contains("Mērķis: ✓ sasniegts"), "{out}");
    assert!(out.contains("✓ Nr. 370"), "{out}");
    assert!(out.contains("LIX") && out.contains("→"), "{out}");
}

#[test]
fn a_rewrite_that_drops_an_amount_is_caught() {
    let dir = tempfile::tempdir().unwrap();
    let rewrite = model("17", dir.path()).replace(" 300 latu", "");
    std::fs::write(dir.path().join("anna.txt"), rewrite).unwrap();
    let o = skaidri(&["workshop", "check", "17", "anna.txt"], dir.path());
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(out.contains("✗ 300 latu  (summa) — TRŪKST"), "{out}");
    assert!(out.contains("✗ visi fakti saglabāti: 6/7"), "{out}");
}

#[test]
fn a_rewrite_that_drops_a_legal_reference_is_caught() {
    let dir = tempfile::tempdir().unwrap();
    let rewrite = model("11", dir.path()).replace(" 9. panta otrajā daļā", "");
    std::fs::write(dir.path().join("r.txt"), rewrite).unwrap();
    let o = skaidri(&["workshop", "check", "11", "r.txt"], dir.path());
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(out.contains("✗ 9. panta otrajā daļā  (atsauce)"), "{out}");
}

#[test]
fn facts_count_in_any_inflection() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Saskaņā ar likuma 13. panta trešo daļu Valsts ieņēmumu dienests līdz 2024. gada 7. novembrim atmaksā 300,94 euro.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "Valsts ieņēmumu dienestam jāatmaksā 300,94 euro līdz 2024. gada 7. novembrim. Tā nosaka likuma 13. panta trešā daļa.\n",
    )
    .unwrap();
    let o = skaidri(&["compare", "a.txt", "b.txt"], dir.path());
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(out.contains("Fakti: 4/4 saglabāti"), "{out}");
    std::fs::write(
        dir.path().join("c.txt"),
        "Nodokļu iestāde naudu atmaksās.\n",
    )
    .unwrap();
    let o = skaidri(&["compare", "a.txt", "c.txt"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("Fakti: 0/4 saglabāti"));
}

#[test]
fn compare_json_is_machine_readable() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Sakarā ar remontu birojs būs slēgts līdz 5. maijam.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "Remonta dēļ birojs būs slēgts līdz 5. maijam.\n",
    )
    .unwrap();
    let o = skaidri(
        &["compare", "a.txt", "b.txt", "--format", "json"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["all_facts_kept"], true);
    let rules = v["comparison"]["rules"].as_array().unwrap();
    let of001 = rules.iter().find(|r| r["key"] == "OF001").unwrap();
    assert_eq!(
        (of001["before"].as_u64(), of001["after"].as_u64()),
        (Some(1), Some(0))
    );
}

#[test]
fn a_class_folder_is_ranked() {
    let dir = tempfile::tempdir().unwrap();
    let class = dir.path().join("grupa");
    std::fs::create_dir(&class).unwrap();
    let good = model("17", dir.path());
    std::fs::write(class.join("janis.txt"), &good).unwrap();
    std::fs::write(class.join("anna.txt"), good.replace(" 300 latu", "")).unwrap();
    std::fs::write(
        class.join("liga.md"),
        "Valsts kontrole atklāja pārkāpumus aģentūrās.\n",
    )
    .unwrap();
    std::fs::write(
        class.join("ilze.html"),
        "<html><body><p>Valsts kontrole atklāja pārkāpumus.</p><p>Aģentūra \"Kultūra\" samaksāja 8000 latu.</p></body></html>",
    )
    .unwrap();
    std::fs::write(class.join("piezimes.pdf"), "not a rewrite").unwrap();
    let o = skaidri(
        &["workshop", "check", "17", "grupa", "--html", "klase.html"],
        dir.path(),
    );
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "not everyone met the goal\n{out}");
    let rows: Vec<&str> = out
        .lines()
        .filter(|l| l.contains(".txt") || l.contains(".md") || l.contains(".html"))
        .filter(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        .collect();
    assert_eq!(rows.len(), 4, "{out}");
    assert!(
        rows[0].contains("janis.txt") && rows[0].contains('✓'),
        "{out}"
    );
    assert!(
        rows[1].contains("anna.txt") && rows[1].contains("6/7"),
        "{out}"
    );
    // The HTML rewrite is read as text (markup gone): three facts of seven kept.
    assert!(
        rows[2].contains("ilze.html") && rows[2].contains("3/7"),
        "{out}"
    );
    assert!(rows[3].contains("liga.md"), "{out}");
    assert!(!out.contains("piezimes.pdf"));
    let html = std::fs::read_to_string(dir.path().join("klase.html")).unwrap();
    assert!(html.contains("janis.txt") && html.contains("Grupas rezultāti"));
    // Everyone meets the goal → 0.
    std::fs::remove_file(class.join("anna.txt")).unwrap();
    std::fs::remove_file(class.join("liga.md")).unwrap();
    std::fs::remove_file(class.join("ilze.html")).unwrap();
    let o = skaidri(&["workshop", "check", "17", "grupa"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn html_is_written_atomically_and_self_contained() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("r.txt"), model("2", dir.path())).unwrap();
    let o = skaidri(
        &[
            "workshop",
            "check",
            "2",
            "r.txt",
            "--html",
            "out/parskats.html",
        ],
        dir.path(),
    );
    assert_eq!(
        o.status.code(),
        Some(2),
        "missing folder is an error: {}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("out/parskats.html"), "{}", stderr(&o));
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let o = skaidri(
        &[
            "workshop",
            "check",
            "2",
            "r.txt",
            "--html",
            "out/parskats.html",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let names: Vec<String> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        vec!["parskats.html".to_string()],
        "no temporary files left"
    );
    let html = std::fs::read_to_string(dir.path().join("out/parskats.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<html lang=\"lv\">"));
    for external in ["<link", "src=\"http", "src='http", "@import", "url(http"] {
        assert!(!html.contains(external), "external asset: {external}");
    }
    assert!(html.contains("Mērķis sasniegts"));
}

#[test]
fn report_highlights_findings_for_several_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Sakarā ar remontu birojs būs slēgts.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "Saistībā ar jūsu iesniegumu informējam, ka termiņš ir pagarināts.\n",
    )
    .unwrap();
    let o = skaidri(
        &[
            "report", "a.txt", "b.txt", "--html", "r.html", "--lang", "en",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let html = std::fs::read_to_string(dir.path().join("r.html")).unwrap();
    assert!(html.contains("<html lang=\"en\">") && html.contains("Text report"));
    assert!(html.matches("class=\"hl\"").count() >= 2);
    assert!(html.contains("a.txt") && html.contains("b.txt"));
}

#[test]
fn errors_exit_with_two_and_name_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    let o = skaidri(&["workshop", "check", "99", "x.txt"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no exercise `99`"), "{}", stderr(&o));
    let o = skaidri(&["workshop", "check", "1", "nav.txt"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("nav.txt"), "{}", stderr(&o));
    let o = skaidri(&["compare", "a.txt", "b.txt"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    std::fs::create_dir(dir.path().join("tukss")).unwrap();
    let o = skaidri(&["workshop", "check", "1", "tukss"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no rewrites"), "{}", stderr(&o));
    let o = skaidri(&["report", "a.txt"], dir.path());
    assert_eq!(o.status.code(), Some(2), "--html is required");
}
