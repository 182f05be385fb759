//! The HTML report: one self-contained file (inline CSS, a few lines of JS, inline SVG; no
//! external assets) that works offline and on a classroom projector.
//!
//! - [`report`]: texts with findings highlighted by category colour (each highlight is a
//!   `<button>` that opens a popover with the explanation and suggestions), and a summary
//!   panel per text: LIX gauge, sentence-length histogram, counts per category.
//! - [`compare`]: the same for a rewrite next to its original, with the readability
//!   change, findings fixed and introduced, the fact check and, for an exercise, the goal.
//! - [`class`]: a classroom table ranking participants' rewrites, then each rewrite.
//!
//! Accessibility: `lang` on the root, landmarks and headings, tables with `<th>`, every
//! highlight a real button (keyboard operable, visible focus), status given in words and
//! symbols as well as colour, and every category colour checked for WCAG AA contrast in
//! this module's tests. All text from inputs is escaped.

use crate::compare::Comparison;
use crate::exercise::{parse_band, CriterionKind, Exercise, GoalResult};
use crate::facts::FactKind;
use skaidri_core::readability::{Band, SentenceLevel};
use skaidri_core::rules::RuleSet;
use skaidri_core::{Category, Diagnostic, Report};
use std::fmt::Write as _;

/// The language of the report's own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UiLang {
    /// Latvian (default).
    #[default]
    Lv,
    /// English.
    En,
}

/// One checked text to show.
#[derive(Debug, Clone, Copy)]
pub struct DocView<'a> {
    /// Heading (file name, "Oriģināls", a participant's name).
    pub title: &'a str,
    /// The text the report's spans point into.
    pub text: &'a str,
    /// The analyser's report.
    pub report: &'a Report,
}

/// A rewrite next to its original.
#[derive(Debug, Clone, Copy)]
pub struct CompareView<'a> {
    /// The original.
    pub before: DocView<'a>,
    /// The rewrite.
    pub after: DocView<'a>,
    /// Their comparison.
    pub comparison: &'a Comparison,
    /// The exercise and the goal result, in workshop mode.
    pub exercise: Option<(&'a Exercise, &'a GoalResult)>,
}

/// Colours of one category: highlight background, text on it, and the underline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CategoryColors {
    /// Highlight background.
    pub bg: &'static str,
    /// Text colour on the background.
    pub fg: &'static str,
    /// Underline and legend border (a non-text contrast against the page).
    pub line: &'static str,
}

/// The page background.
pub const PAGE_BG: &str = "#ffffff";
/// Body text colour.
pub const PAGE_FG: &str = "#1b1b1f";
/// Background of the summary panels (gauges and tables sit on it).
pub const PANEL_BG: &str = "#f5f6f8";

/// The colours of a category.
pub fn colors(c: Category) -> CategoryColors {
    let (bg, line) = match c {
        Category::Officialese => ("#ffe0b8", "#b34700"),
        Category::Nominalization => ("#d4e8ff", "#0a58b0"),
        Category::Passive => ("#d7f3d0", "#25702a"),
        Category::NounChain => ("#eadfff", "#6b3fb8"),
        Category::SentenceLength => ("#fff1a8", "#8a6d00"),
        Category::WordComplexity => ("#f4e4cf", "#7f5315"),
        Category::ForeignWord => ("#c8f0ec", "#00706a"),
        Category::Barbarism => ("#ffd5e5", "#b0205e"),
        Category::Abbreviation => ("#e4e4e8", "#54545c"),
        Category::NumbersDates => ("#eef5c2", "#586800"),
        Category::ReaderAddress => ("#dde3ff", "#3342a8"),
        Category::Spelling => ("#ffdcdc", "#c01c1c"),
        Category::Accessibility => ("#d5f5e6", "#0c6b47"),
        Category::Readability => ("#ececec", "#4d4d4d"),
    };
    CategoryColors {
        bg,
        fg: PAGE_FG,
        line,
    }
}

/// Band colours for the gauge (fill, and text on white).
fn band_color(b: Band) -> &'static str {
    match b {
        Band::VeryEasy => "#1e7b34",
        Band::Easy => "#4a7300",
        Band::Medium => "#8a5c00",
        Band::Hard => "#a84300",
        Band::VeryHard => "#b3261e",
    }
}

/// WCAG 2 relative luminance of a `#rrggbb` colour.
pub fn luminance(hex: &str) -> f64 {
    let h = hex.trim_start_matches('#');
    let ch = |i: usize| {
        let v = h
            .get(i..i + 2)
            .and_then(|s| u8::from_str_radix(s, 16).ok())
            .unwrap_or(0) as f64
            / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * ch(0) + 0.7152 * ch(2) + 0.0722 * ch(4)
}

/// WCAG 2 contrast ratio of two `#rrggbb` colours (1–21).
pub fn contrast(a: &str, b: &str) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    let (hi, lo) = if x > y { (x, y) } else { (y, x) };
    (hi + 0.05) / (lo + 0.05)
}

/// `s` without surrounding quotes of any style.
pub fn unquoted(s: &str) -> &str {
    s.trim_matches(|c| matches!(c, '"' | '„' | '“' | '”' | '«' | '»' | '\''))
}

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

struct Ui {
    lang: &'static str,
    report_title: &'static str,
    compare_title: &'static str,
    class_title: &'static str,
    summary: &'static str,
    text: &'static str,
    findings: &'static str,
    findings_title: &'static str,
    no_findings: &'static str,
    words: &'static str,
    sentences: &'static str,
    avg_sentence: &'static str,
    long_words: &'static str,
    hard_sentences: &'static str,
    very_hard_sentences: &'static str,
    longest_sentence: &'static str,
    gauge_label: &'static str,
    histogram: &'static str,
    histogram_axis: &'static str,
    per_category: &'static str,
    category: &'static str,
    count: &'static str,
    suggestion: &'static str,
    why: &'static str,
    close: &'static str,
    rule: &'static str,
    before: &'static str,
    after: &'static str,
    change: &'static str,
    original: &'static str,
    rewrite: &'static str,
    readability: &'static str,
    fixed: &'static str,
    introduced: &'static str,
    facts: &'static str,
    fact: &'static str,
    kind: &'static str,
    status: &'static str,
    kept: &'static str,
    missing: &'static str,
    no_facts: &'static str,
    goal: &'static str,
    goal_short: &'static str,
    goal_met: &'static str,
    goal_not_met: &'static str,
    criterion: &'static str,
    required: &'static str,
    actual: &'static str,
    hints: &'static str,
    source: &'static str,
    band: &'static str,
    all_findings: &'static str,
    side_by_side: &'static str,
    hard: &'static str,
    hard_sentence: &'static str,
    lost_note: &'static str,
    lost_key: &'static str,
    very_hard_sentence: &'static str,
    very_hard: &'static str,
    legend: &'static str,
    rank: &'static str,
    participant: &'static str,
    lix_gain: &'static str,
    findings_left: &'static str,
    yes: &'static str,
    no: &'static str,
    generated: &'static str,
    crit_lix: &'static str,
    crit_band: &'static str,
    crit_avg: &'static str,
    crit_sentence: &'static str,
    crit_findings: &'static str,
    crit_facts: &'static str,
    ranking_note: &'static str,
}

const LV: Ui = Ui {
    lang: "lv",
    report_title: "Teksta pārskats",
    compare_title: "Pirms un pēc",
    class_title: "Grupas rezultāti",
    summary: "Kopsavilkums",
    text: "Teksts",
    findings: "piezīmes",
    findings_title: "Piezīmes",
    no_findings: "Piezīmju nav.",
    words: "Vārdi",
    sentences: "Teikumi",
    avg_sentence: "Vidējais teikuma garums",
    long_words: "Garie vārdi",
    hard_sentences: "Grūti teikumi",
    very_hard_sentences: "Ļoti grūti teikumi",
    longest_sentence: "Garākais teikums",
    gauge_label: "Lasāmības indekss LIX",
    histogram: "Teikumu garums",
    histogram_axis: "vārdi teikumā",
    per_category: "Piezīmes pa veidiem",
    category: "Veids",
    count: "Skaits",
    suggestion: "Ieteikums",
    why: "Kāpēc?",
    close: "Aizvērt",
    rule: "Noteikums",
    before: "Pirms",
    after: "Pēc",
    change: "Izmaiņa",
    original: "Oriģināls",
    rewrite: "Pārrakstītais teksts",
    readability: "Lasāmība",
    fixed: "Novērsts",
    introduced: "Jaunas",
    facts: "Fakti",
    fact: "Fakts",
    kind: "Veids",
    status: "Stāvoklis",
    kept: "saglabāts",
    missing: "trūkst",
    no_facts: "Oriģinālā nav skaitļu, datumu, atsauču vai nosaukumu.",
    goal: "Uzdevuma mērķis",
    goal_short: "mērķis",
    goal_met: "Mērķis sasniegts",
    goal_not_met: "Mērķis vēl nav sasniegts",
    criterion: "Prasība",
    required: "Vajag",
    actual: "Ir",
    hints: "Padomi",
    source: "Avots",
    band: "Grūtība",
    all_findings: "Visas piezīmes",
    side_by_side: "Teksti blakus",
    hard: "grūts",
    hard_sentence: "grūts teikums",
    lost_note: "trūkst pārrakstītajā tekstā",
    lost_key: "fakts, kas pazudis",
    very_hard_sentence: "ļoti grūts teikums",
    very_hard: "ļoti grūts",
    legend: "Krāsu nozīme",
    rank: "Vieta",
    participant: "Dalībnieks",
    lix_gain: "LIX uzlabojums",
    findings_left: "Atlikušās piezīmes",
    yes: "jā",
    no: "nē",
    generated: "Sagatavoja skaidri",
    crit_lix: "LIX ne vairāk kā",
    crit_band: "Grūtība ne augstāka kā",
    crit_avg: "Vidējais teikuma garums ne vairāk kā",
    crit_sentence: "Garākais teikums ne vairāk kā (vārdi)",
    crit_findings: "Piezīmes ne vairāk kā",
    crit_facts: "Visi fakti saglabāti",
    ranking_note:
        "Secība: vispirms sasniegts mērķis, tad saglabāto faktu daļa, tad LIX uzlabojums.",
};

const EN: Ui = Ui {
    lang: "en",
    report_title: "Text report",
    compare_title: "Before and after",
    class_title: "Class results",
    summary: "Summary",
    text: "Text",
    findings: "findings",
    findings_title: "Findings",
    no_findings: "No findings.",
    words: "Words",
    sentences: "Sentences",
    avg_sentence: "Average sentence length",
    long_words: "Long words",
    hard_sentences: "Hard sentences",
    very_hard_sentences: "Very hard sentences",
    longest_sentence: "Longest sentence",
    gauge_label: "Readability index LIX",
    histogram: "Sentence length",
    histogram_axis: "words per sentence",
    per_category: "Findings by category",
    category: "Category",
    count: "Count",
    suggestion: "Suggestion",
    why: "Why?",
    close: "Close",
    rule: "Rule",
    before: "Before",
    after: "After",
    change: "Change",
    original: "Original",
    rewrite: "Rewrite",
    readability: "Readability",
    fixed: "Fixed",
    introduced: "New",
    facts: "Facts",
    fact: "Fact",
    kind: "Kind",
    status: "Status",
    kept: "kept",
    missing: "missing",
    no_facts: "The original has no numbers, dates, references or names.",
    goal: "Exercise goal",
    goal_short: "target",
    goal_met: "Goal met",
    goal_not_met: "Goal not met yet",
    criterion: "Criterion",
    required: "Required",
    actual: "Actual",
    hints: "Hints",
    source: "Source",
    band: "Difficulty",
    all_findings: "All findings",
    side_by_side: "Side by side",
    hard: "hard",
    hard_sentence: "hard sentence",
    lost_note: "missing from the rewrite",
    lost_key: "fact lost in the rewrite",
    very_hard_sentence: "very hard sentence",
    very_hard: "very hard",
    legend: "Colour key",
    rank: "Rank",
    participant: "Participant",
    lix_gain: "LIX gain",
    findings_left: "Findings left",
    yes: "yes",
    no: "no",
    generated: "Made by skaidri",
    crit_lix: "LIX at most",
    crit_band: "Difficulty at most",
    crit_avg: "Average sentence length at most",
    crit_sentence: "Longest sentence at most (words)",
    crit_findings: "Findings at most",
    crit_facts: "All facts kept",
    ranking_note: "Order: goal met first, then share of facts kept, then LIX gain.",
};

fn ui(lang: UiLang) -> &'static Ui {
    match lang {
        UiLang::Lv => &LV,
        UiLang::En => &EN,
    }
}

fn cat_label(c: Category, lang: UiLang) -> &'static str {
    match lang {
        UiLang::Lv => c.label_lv(),
        UiLang::En => c.label_en(),
    }
}

fn band_label(b: Band, lang: UiLang) -> &'static str {
    match lang {
        UiLang::Lv => b.label_lv(),
        UiLang::En => b.label_en(),
    }
}

fn fact_label(k: FactKind, lang: UiLang) -> &'static str {
    match lang {
        UiLang::Lv => k.label_lv(),
        UiLang::En => k.label_en(),
    }
}

fn num(v: f64, lang: UiLang) -> String {
    let s = format!("{v:.1}");
    match lang {
        UiLang::Lv => s.replace('.', ","),
        UiLang::En => s,
    }
}

fn signed(v: f64, lang: UiLang) -> String {
    let s = num(v.abs(), lang);
    if v > 0.05 {
        format!("+{s}")
    } else if v < -0.05 {
        format!("−{s}")
    } else {
        "0".to_string()
    }
}

const CSS: &str = r#"
:root{--fg:#1b1b1f;--muted:#4a4a55;--bg:#ffffff;--panel:#f5f6f8;--line:#c9ccd3;--focus:#1746c8;--ok:#1e6b2f;--bad:#a4161a}
*{box-sizing:border-box}
html{font-size:20px}
body{margin:0;background:var(--bg);color:var(--fg);font-family:"Segoe UI",Ubuntu,"Noto Sans","DejaVu Sans",Arial,sans-serif;line-height:1.55}
header.top{background:#1d2b4f;color:#fff;padding:1rem 2rem}
header.top h1{margin:0;font-size:1.6rem;line-height:1.25}
header.top p{margin:.25rem 0 0;color:#dfe6f5}
main{max-width:1500px;margin:0 auto;padding:1rem 2rem 3rem}
h2{font-size:1.3rem;margin:1.6rem 0 .6rem;border-bottom:2px solid var(--line);padding-bottom:.2rem}
h3{font-size:1.05rem;margin:.8rem 0 .4rem}
.doc{display:grid;grid-template-columns:minmax(0,2fr) minmax(18rem,1fr);gap:1.5rem;align-items:start}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1.5rem;align-items:start}
@media (max-width:1000px){.doc,.pair{grid-template-columns:1fr}}
.text{white-space:pre-wrap;font-size:1.1rem;line-height:1.9;background:var(--bg);border:1px solid var(--line);border-radius:8px;padding:1rem 1.2rem;margin:0}
.panel{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:.8rem 1rem}
.panel h3:first-child,.panel h2:first-child{margin-top:0}
.panel{margin:1rem 0}
.score{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:1rem;margin:1rem 0}
.card{border:2px solid var(--line);border-radius:10px;padding:.6rem 1rem;background:var(--panel)}
.card .k{font-size:.85rem;color:var(--muted);margin:0}
.card .v{font-size:1.6rem;font-weight:700;margin:.1rem 0 0;font-variant-numeric:tabular-nums}
.card .s{font-size:.9rem;margin:.1rem 0 0}
.card.good{border-color:var(--ok)}
.card.poor{border-color:var(--bad)}
mark.lost{background:#fde7e7;color:var(--fg);outline:2px dashed #a4161a;outline-offset:1px;border-radius:2px;padding:0 .1em}
mark.lost::after{content:"✗";color:#a4161a;font-weight:700;font-size:.75em;vertical-align:super;margin-left:.15em}
ul.key{list-style:none;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;padding:0;margin:.2rem 0 .8rem;font-size:.9rem}
ul.key .sent-hard,ul.key .sent-very-hard{padding:0 .3em}
.twocol{display:grid;grid-template-columns:1fr 1fr;gap:1.5rem;align-items:start}
@media (max-width:1000px){.twocol{grid-template-columns:1fr}}
.sent-hard{background:#fff6c4;box-shadow:0 0 0 2px #fff6c4}
.sent-very-hard{background:#ffe0e0;box-shadow:0 0 0 2px #ffe0e0}
button.hl{font:inherit;color:var(--fg);background:var(--hl-bg);border:0;border-bottom:4px solid var(--hl-line);border-radius:3px;padding:0 .12em;margin:0;cursor:pointer;line-height:inherit}
button.hl:hover{filter:brightness(.94)}
button.pill{font:inherit;font-size:.7rem;font-weight:700;vertical-align:.15em;color:#fff;background:var(--pill,#6b5200);border:0;border-radius:1em;padding:.05em .55em;margin-left:.25em;cursor:pointer}
button:focus-visible,a:focus-visible,summary:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
[popover].pop{max-width:min(36rem,92vw);border:2px solid var(--fg);border-radius:10px;padding:1rem 1.2rem;color:var(--fg);background:#fff;box-shadow:0 10px 40px rgba(0,0,0,.35);font-size:1rem}
[popover].pop::backdrop{background:rgba(20,25,40,.25)}
.pop h3{margin:0 0 .5rem;display:flex;gap:.5rem;align-items:center;flex-wrap:wrap}
.pop .msg{font-size:1.05rem;margin:.3rem 0}
.pop .sugg{margin:.4rem 0}
.pop .sugg strong{background:#e3f4e1;padding:0 .25em;border-radius:3px}
.pop details{margin:.5rem 0}
.pop .close{font:inherit;font-size:.9rem;margin-top:.4rem;padding:.3rem .9rem;border:1px solid var(--fg);border-radius:6px;background:#fff;cursor:pointer}
.tag{display:inline-block;font-size:.8rem;font-weight:600;padding:.05em .5em;border-radius:4px;background:var(--hl-bg);border:2px solid var(--hl-line);color:var(--fg)}
.rule-id{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem;color:var(--muted)}
table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem;font-size:.95rem}
th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#e9ebf0}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.swatch{display:inline-block;width:1.1em;height:1.1em;vertical-align:-.15em;margin-right:.4em;border-radius:3px;background:var(--hl-bg);border:3px solid var(--hl-line)}
.ok{color:var(--ok);font-weight:700}
.facts td.ok,.facts td.bad{min-width:9em}
.bad{color:var(--bad);font-weight:700}
.better{color:var(--ok)}
.worse{color:var(--bad)}
.banner{border-radius:10px;padding:.6rem 1.2rem;margin:1rem 0 0;font-size:1.25rem;font-weight:700;border:3px solid}
.banner.met{background:#e4f5e4;border-color:var(--ok);color:#124d1f}
.banner.unmet{background:#fde7e7;border-color:var(--bad);color:#7d0f12}
.charts{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}
.charts figure{margin:0}
figcaption{font-size:.85rem;color:var(--muted);text-align:center}
dl.metrics{display:grid;grid-template-columns:auto auto;gap:.1rem 1rem;margin:.4rem 0}
dl.metrics dt{color:var(--muted)}
dl.metrics dd{margin:0;text-align:right;font-weight:600;font-variant-numeric:tabular-nums}
ol.all li{margin:.3rem 0}
.goal p{margin:.3rem 0}
footer{max-width:1500px;margin:0 auto;padding:0 2rem 2rem;color:var(--muted);font-size:.8rem}
@media print{button.hl{border-bottom-width:2px}[popover]{display:none}}
"#;

const JS: &str = r#"
(function(){document.documentElement.dataset.js="1";var h=decodeURIComponent(location.hash.slice(1));if(!h)return;var e=document.getElementById(h);if(e&&e.showPopover){try{e.showPopover();e.dataset.opened=e.matches(":popover-open")?"1":"0"}catch(_){}}})();
"#;

fn page(out: &mut String, u: &Ui, title: &str, subtitle: &str, body: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"skaidri\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<header class=\"top\"><h1>{}</h1>{}</header>\n<main id=\"main\">\n{}\n</main>\n<footer><p>{}</p></footer>\n<script>{}</script>\n</body>\n</html>\n",
        u.lang,
        esc(title),
        CSS,
        esc(title),
        if subtitle.is_empty() {
            String::new()
        } else {
            format!("<p>{}</p>", esc(subtitle))
        },
        body,
        u.generated,
        JS
    );
}

fn style_vars(c: Category) -> String {
    let k = colors(c);
    format!("--hl-bg:{};--hl-line:{}", k.bg, k.line)
}

fn is_sentence_level(c: Category) -> bool {
    matches!(c, Category::SentenceLength | Category::Readability)
}

/// Renders the popover for a group of findings.
fn popover(out: &mut String, id: &str, group: &[&Diagnostic], rules: &RuleSet, lang: UiLang) {
    let u = ui(lang);
    let _ = write!(
        out,
        "<div popover id=\"{id}\" class=\"pop\" role=\"dialog\" aria-labelledby=\"{id}-h\">"
    );
    for (i, d) in group.iter().enumerate() {
        let hid = if i == 0 {
            format!(" id=\"{id}-h\"")
        } else {
            String::new()
        };
        let _ = write!(
            out,
            "<h3{hid}><span class=\"tag\" style=\"{}\">{}</span> <span class=\"rule-id\">{} {}</span></h3><p class=\"msg\">{}</p>",
            style_vars(d.category),
            esc(cat_label(d.category, lang)),
            u.rule,
            esc(&d.rule),
            esc(&d.message)
        );
        if !d.suggestions.is_empty() {
            let list: Vec<String> = d
                .suggestions
                .iter()
                .map(|s| format!("<strong>{}</strong>", esc(&s.replacement)))
                .collect();
            let _ = write!(
                out,
                "<p class=\"sugg\">{}: {}</p>",
                u.suggestion,
                list.join(", ")
            );
        }
        if let Some(r) = rules.get(&d.rule) {
            let ex = r.explanation_in(lang == UiLang::En).trim();
            if !ex.is_empty() {
                let _ = write!(out, "<details><summary>{}</summary>", u.why);
                for para in ex.split("\n\n") {
                    let _ = write!(out, "<p>{}</p>", esc(para.trim()));
                }
                out.push_str("</details>");
            }
        }
    }
    let _ = write!(
        out,
        "<button type=\"button\" class=\"close\" popovertarget=\"{id}\" popovertargetaction=\"hide\">{}</button></div>",
        u.close
    );
}

/// Renders `text` with highlights; popovers are appended to `pops`.
fn highlighted(
    text: &str,
    report: &Report,
    rules: &RuleSet,
    prefix: &str,
    lang: UiLang,
    lost: &[skaidri_core::Span],
    pops: &mut String,
) -> String {
    let u = ui(lang);
    let mut inline: Vec<&Diagnostic> = report
        .diagnostics
        .iter()
        .filter(|d| {
            !is_sentence_level(d.category) && d.span.end <= text.len() && d.span.start < d.span.end
        })
        .collect();
    inline.sort_by_key(|d| (d.span.start, std::cmp::Reverse(d.span.end)));
    // Clusters of overlapping findings: (start, end, findings).
    let mut clusters: Vec<(usize, usize, Vec<&Diagnostic>)> = Vec::new();
    for d in inline {
        match clusters.last_mut() {
            Some(c) if d.span.start < c.1 => {
                c.1 = c.1.max(d.span.end);
                c.2.push(d);
            }
            _ => clusters.push((d.span.start, d.span.end, vec![d])),
        }
    }
    // Facts the rewrite lost, marked in the original where no finding covers them (an
    // empty group marks a lost fact).
    for l in lost {
        if l.start < l.end
            && l.end <= text.len()
            && !clusters.iter().any(|c| c.0 < l.end && l.start < c.1)
        {
            clusters.push((l.start, l.end, Vec::new()));
        }
    }
    clusters.sort_by_key(|c| c.0);
    let sentence_level: Vec<&Diagnostic> = report
        .diagnostics
        .iter()
        .filter(|d| d.category == Category::SentenceLength && d.span.end <= text.len())
        .collect();
    let mut out = String::with_capacity(text.len() * 2);
    let mut pos = 0usize;
    let mut ci = 0usize;
    let mut n = 0usize;
    let safe = |i: usize| {
        let mut i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let mut segments: Vec<(usize, usize, Option<SentenceLevel>, Option<usize>)> = Vec::new();
    for s in &report.sentences {
        let (a, b) = (safe(s.start), safe(s.end));
        if a < pos {
            continue;
        }
        if a > pos {
            segments.push((pos, a, None, None));
        }
        segments.push((a, b, Some(s.level), Some(s.words)));
        pos = b;
    }
    if pos < text.len() {
        segments.push((pos, text.len(), None, None));
    }
    for (a, b, level, words) in segments {
        let class = match level {
            Some(SentenceLevel::Hard) => Some("sent-hard"),
            Some(SentenceLevel::VeryHard) => Some("sent-very-hard"),
            _ => None,
        };
        if let Some(c) = class {
            let _ = write!(out, "<span class=\"{c}\">");
        }
        let mut p = a;
        while ci < clusters.len() && clusters[ci].0 < b {
            let (cs, ce, group) = &clusters[ci];
            let cs = safe((*cs).max(p));
            let ce = safe((*ce).min(b));
            if cs >= ce {
                ci += 1;
                continue;
            }
            out.push_str(&esc(&text[p..cs]));
            if group.is_empty() {
                let _ = write!(
                    out,
                    "<mark class=\"lost\">{}<span class=\"sr\"> ({})</span></mark>",
                    esc(&text[cs..ce]),
                    esc(u.lost_note)
                );
                p = ce;
                ci += 1;
                continue;
            }
            n += 1;
            let id = format!("{prefix}f{n}");
            let cat = group[0].category;
            let cats: Vec<&str> = group.iter().map(|d| cat_label(d.category, lang)).collect();
            let _ = write!(
                out,
                "<button type=\"button\" class=\"hl\" style=\"{}\" data-category=\"{}\" popovertarget=\"{id}\" aria-haspopup=\"dialog\">{}<span class=\"sr\"> ({})</span></button>",
                style_vars(cat),
                cat.as_str(),
                esc(&text[cs..ce]),
                esc(&cats.join(", "))
            );
            popover(pops, &id, group, rules, lang);
            p = ce;
            ci += 1;
        }
        out.push_str(&esc(&text[p..b]));
        if let (Some(c), Some(w)) = (class, words) {
            let group: Vec<&Diagnostic> = sentence_level
                .iter()
                .copied()
                .filter(|d| d.span.start < b && a < d.span.end)
                .collect();
            if !group.is_empty() {
                n += 1;
                let id = format!("{prefix}f{n}");
                let very = c == "sent-very-hard";
                let _ = write!(
                    out,
                    "<button type=\"button\" class=\"pill\" style=\"--pill:{}\" data-category=\"sentence-length\" popovertarget=\"{id}\" aria-haspopup=\"dialog\">{w}<span class=\"sr\"> {} ({})</span></button>",
                    if very { "#a4161a" } else { "#6b5200" },
                    u.words.to_lowercase(),
                    if very { u.very_hard } else { u.hard }
                );
                popover(pops, &id, &group, rules, lang);
            }
            out.push_str("</span>");
        } else if class.is_some() {
            out.push_str("</span>");
        }
    }
    out
}

/// The LIX gauge: a half circle with the five bands and a needle.
fn gauge(lix: f64, band: Band, title: &str, lang: UiLang) -> String {
    let u = ui(lang);
    let max = 80.0;
    let (cx, cy, r) = (120.0, 128.0, 92.0);
    let pt = |v: f64, rr: f64| {
        let a = std::f64::consts::PI * (1.0 - v.clamp(0.0, max) / max);
        (cx + rr * a.cos(), cy - rr * a.sin())
    };
    let mut s = String::new();
    let label = format!(
        "{}: {} — {}",
        u.gauge_label,
        num(lix, lang),
        band_label(band, lang)
    );
    let _ = write!(
        s,
        "<figure><svg class=\"gauge\" width=\"270\" height=\"200\" viewBox=\"0 0 240 178\" role=\"img\" aria-label=\"{}\"><title>{}</title>",
        esc(&format!("{title} {label}")),
        esc(&label)
    );
    let bounds = [0.0, 30.0, 40.0, 50.0, 60.0, max];
    let bands = [
        Band::VeryEasy,
        Band::Easy,
        Band::Medium,
        Band::Hard,
        Band::VeryHard,
    ];
    for (i, b) in bands.iter().enumerate() {
        let (x1, y1) = pt(bounds[i], r);
        let (x2, y2) = pt(bounds[i + 1], r);
        let _ = write!(
            s,
            "<path d=\"M{x1:.1} {y1:.1} A{r} {r} 0 0 1 {x2:.1} {y2:.1}\" fill=\"none\" stroke=\"{}\" stroke-width=\"22\" opacity=\"{}\"/>",
            band_color(*b),
            if *b == band { "1" } else { "0.35" }
        );
    }
    for v in [30.0, 40.0, 50.0, 60.0] {
        let (x, y) = pt(v, r + 17.0);
        let _ = write!(
            s,
            "<text x=\"{x:.1}\" y=\"{y:.1}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#4a4a55\">{v}</text>"
        );
    }
    let (nx, ny) = pt(lix, r - 8.0);
    let _ = write!(
        s,
        "<line x1=\"{cx}\" y1=\"{cy}\" x2=\"{nx:.1}\" y2=\"{ny:.1}\" stroke=\"#1b1b1f\" stroke-width=\"5\" stroke-linecap=\"round\"/><circle cx=\"{cx}\" cy=\"{cy}\" r=\"8\" fill=\"#1b1b1f\"/>"
    );
    let _ = write!(
        s,
        "<text x=\"{cx}\" y=\"156\" font-size=\"26\" font-weight=\"700\" text-anchor=\"middle\" fill=\"#1b1b1f\">LIX {}</text><text x=\"{cx}\" y=\"175\" font-size=\"15\" font-weight=\"600\" text-anchor=\"middle\" fill=\"{}\">{}</text></svg>",
        esc(&num(lix, lang)),
        band_color(band),
        esc(band_label(band, lang))
    );
    let _ = write!(s, "<figcaption>{}</figcaption></figure>", esc(title));
    s
}

/// The sentence-length histogram: sentences per 5-word bin, coloured by difficulty.
fn histogram(words: &[usize], title: &str, lang: UiLang) -> String {
    let u = ui(lang);
    let bins = 9usize; // 1–5 … 36–40, 41+
    let mut counts = vec![0usize; bins];
    for &w in words {
        let b = if w == 0 {
            0
        } else {
            ((w - 1) / 5).min(bins - 1)
        };
        counts[b] += 1;
    }
    let maxc = counts.iter().copied().max().unwrap_or(0).max(1);
    let (w, h, left, bottom, top) = (300.0, 170.0, 10.0, 34.0, 18.0);
    let bw = (w - left * 2.0) / bins as f64;
    let label = |i: usize| {
        if i == bins - 1 {
            "41+".to_string()
        } else {
            format!("{}–{}", i * 5 + 1, i * 5 + 5)
        }
    };
    let desc: Vec<String> = counts
        .iter()
        .enumerate()
        .filter(|(_, c)| **c > 0)
        .map(|(i, c)| format!("{}: {c}", label(i)))
        .collect();
    let mut s = String::new();
    let _ = write!(
        s,
        "<figure><svg class=\"histogram\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{}\"><title>{}</title>",
        esc(&format!("{title} — {} ({}): {}", u.histogram, u.histogram_axis, desc.join("; "))),
        esc(u.histogram)
    );
    let plot_h = h - bottom - top;
    for (i, &c) in counts.iter().enumerate() {
        let x = left + i as f64 * bw;
        let bh = plot_h * c as f64 / maxc as f64;
        let color = if i >= 8 {
            "#a4161a"
        } else if i >= 5 {
            "#b86e00"
        } else {
            "#2f5d9e"
        };
        let y = top + plot_h - bh;
        if c > 0 {
            let _ = write!(
                s,
                "<rect x=\"{:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{bh:.1}\" fill=\"{color}\" rx=\"2\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" font-weight=\"700\" text-anchor=\"middle\" fill=\"#1b1b1f\">{c}</text>",
                x + 2.0,
                bw - 4.0,
                x + bw / 2.0,
                y - 4.0
            );
        }
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"9.5\" text-anchor=\"middle\" fill=\"#4a4a55\">{}</text>",
            x + bw / 2.0,
            h - bottom + 13.0,
            label(i)
        );
    }
    let _ = write!(
        s,
        "<line x1=\"{left}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#4a4a55\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#4a4a55\">{}</text></svg>",
        top + plot_h,
        w - left,
        top + plot_h,
        w / 2.0,
        h - 4.0,
        esc(u.histogram_axis)
    );
    let _ = write!(s, "<figcaption>{}</figcaption></figure>", esc(u.histogram));
    s
}

fn category_counts(report: &Report) -> Vec<(Category, usize)> {
    Category::ALL
        .iter()
        .map(|c| {
            (
                *c,
                report
                    .diagnostics
                    .iter()
                    .filter(|d| d.category == *c)
                    .count(),
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect()
}

fn category_table(out: &mut String, counts: &[(Category, usize)], lang: UiLang) {
    let u = ui(lang);
    if counts.is_empty() {
        let _ = write!(out, "<p>{}</p>", u.no_findings);
        return;
    }
    let _ = write!(
        out,
        "<table class=\"cats\"><caption class=\"sr\">{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"n\">{}</th></tr></thead><tbody>",
        u.per_category, u.category, u.count
    );
    for (c, n) in counts {
        let _ = write!(
            out,
            "<tr data-category=\"{}\"><td><span class=\"swatch\" style=\"{}\" aria-hidden=\"true\"></span>{}</td><td class=\"n\">{n}</td></tr>",
            c.as_str(),
            style_vars(*c),
            esc(cat_label(*c, lang))
        );
    }
    out.push_str("</tbody></table>");
}

fn metrics_list(out: &mut String, report: &Report, lang: UiLang) {
    let u = ui(lang);
    let m = &report.metrics;
    let longest = report.sentences.iter().map(|s| s.words).max().unwrap_or(0);
    let _ = write!(
        out,
        "<dl class=\"metrics\"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{} %</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>",
        u.words, m.words, u.sentences, m.sentences, u.avg_sentence, num(m.avg_sentence_words, lang),
        u.longest_sentence, longest, u.long_words, num(m.long_word_share * 100.0, lang),
        u.hard_sentences, m.hard_sentences, u.very_hard_sentences, m.very_hard_sentences
    );
}

fn summary_panel(out: &mut String, d: &DocView, heading_id: &str, lang: UiLang) {
    let u = ui(lang);
    let _ = write!(
        out,
        "<section class=\"panel summary\" aria-labelledby=\"{heading_id}\"><h3 id=\"{heading_id}\">{}</h3><div class=\"charts\">{}{}</div>",
        u.summary,
        gauge(
            d.report.metrics.lix,
            d.report.metrics.band,
            d.title.rsplit(['/', '\\']).next().unwrap_or(d.title),
            lang
        ),
        histogram(
            &d.report.sentences.iter().map(|s| s.words).collect::<Vec<_>>(),
            d.title,
            lang
        )
    );
    metrics_list(out, d.report, lang);
    let _ = write!(out, "<h3>{}</h3>", u.per_category);
    category_table(out, &category_counts(d.report), lang);
    out.push_str("</section>");
}

fn findings_list(out: &mut String, d: &DocView, lang: UiLang) {
    let u = ui(lang);
    if d.report.diagnostics.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<details class=\"all\"><summary>{} ({})</summary><ol class=\"all\">",
        u.all_findings,
        d.report.diagnostics.len()
    );
    for x in &d.report.diagnostics {
        let sugg = x
            .suggestions
            .first()
            .map(|s| format!(" → <strong>{}</strong>", esc(&s.replacement)))
            .unwrap_or_default();
        let shown: String = x.text.chars().take(80).collect();
        let _ = write!(
            out,
            "<li><span class=\"tag\" style=\"{}\">{}</span> «{}»{} — {} <span class=\"rule-id\">{}</span></li>",
            style_vars(x.category),
            esc(cat_label(x.category, lang)),
            esc(&shown),
            sugg,
            esc(&x.message),
            esc(&x.rule)
        );
    }
    out.push_str("</ol></details>");
}

fn legend(out: &mut String, lang: UiLang) {
    let u = ui(lang);
    let _ = write!(
        out,
        "<details class=\"legend\"><summary>{}</summary><ul>",
        u.legend
    );
    for c in Category::ALL {
        let _ = write!(
            out,
            "<li><span class=\"swatch\" style=\"{}\" aria-hidden=\"true\"></span>{}</li>",
            style_vars(*c),
            esc(cat_label(*c, lang))
        );
    }
    let _ = write!(
        out,
        "<li><span class=\"sent-hard\">{}</span> / <span class=\"sent-very-hard\">{}</span> — {}</li></ul></details>",
        u.hard,
        u.very_hard,
        u.sentences.to_lowercase()
    );
}

/// A one-line colour key for the categories found in `reports`, shown above the texts.
fn key_line(out: &mut String, reports: &[&Report], lang: UiLang) {
    let u = ui(lang);
    let _ = write!(
        out,
        "<ul class=\"key\" aria-label=\"{}\"><li><span class=\"sent-hard\">{}</span></li><li><span class=\"sent-very-hard\">{}</span></li>",
        esc(u.legend),
        esc(u.hard_sentence),
        esc(u.very_hard_sentence)
    );
    for c in Category::ALL {
        if is_sentence_level(*c) {
            continue;
        }
        if reports
            .iter()
            .any(|r| r.diagnostics.iter().any(|d| d.category == *c))
        {
            let _ = write!(
                out,
                "<li><span class=\"swatch\" style=\"{}\" aria-hidden=\"true\"></span>{}</li>",
                style_vars(*c),
                esc(cat_label(*c, lang))
            );
        }
    }
    out.push_str("</ul>");
}

/// A report on one or more texts.
pub fn report(docs: &[DocView], rules: &RuleSet, lang: UiLang) -> String {
    let u = ui(lang);
    let mut body = String::new();
    let mut pops = String::new();
    key_line(
        &mut body,
        &docs.iter().map(|d| d.report).collect::<Vec<_>>(),
        lang,
    );
    for (i, d) in docs.iter().enumerate() {
        let p = format!("d{i}");
        let _ = write!(
            body,
            "<section class=\"file\" aria-labelledby=\"{p}-h\"><h2 id=\"{p}-h\">{} <small>({} {})</small></h2><div class=\"doc\"><div><h3 class=\"sr\">{}</h3><div class=\"text\">{}</div>",
            esc(d.title),
            d.report.diagnostics.len(),
            u.findings,
            u.text,
            highlighted(d.text, d.report, rules, &p, lang, &[], &mut pops)
        );
        findings_list(&mut body, d, lang);
        body.push_str("</div>");
        summary_panel(&mut body, d, &format!("{p}-s"), lang);
        body.push_str("</div></section>");
    }
    legend(&mut body, lang);
    body.push_str(&pops);
    let mut out = String::new();
    let subtitle = docs.iter().map(|d| d.title).collect::<Vec<_>>().join(", ");
    page(&mut out, u, u.report_title, &subtitle, &body);
    out
}

fn goal_banner(out: &mut String, goal: &GoalResult, lang: UiLang) {
    let u = ui(lang);
    let _ = write!(
        out,
        "<p class=\"banner {}\" role=\"status\">{} {}</p>",
        if goal.met { "met" } else { "unmet" },
        if goal.met { "✓" } else { "✗" },
        if goal.met { u.goal_met } else { u.goal_not_met }
    );
}

/// The big numbers a class looks at first.
fn scoreboard(out: &mut String, v: &CompareView, lang: UiLang) {
    let u = ui(lang);
    let c = v.comparison;
    // In an exercise, a card is green when its part of the target is met.
    let target = |kind: CriterionKind| {
        v.exercise
            .and_then(|(_, g)| g.criteria.iter().find(|c| c.kind == kind))
    };
    let goal_note = |kind: CriterionKind, f: &dyn Fn(f64) -> String| {
        target(kind)
            .map(|c| format!(" · {} ≤ {}", esc(u.goal_short), f(c.required)))
            .unwrap_or_default()
    };
    let longest = |w: &[usize]| w.iter().copied().max().unwrap_or(0);
    let card = |out: &mut String, good: bool, k: &str, val: String, sub: String| {
        let _ = write!(
            out,
            "<div class=\"card {}\"><p class=\"k\">{}</p><p class=\"v\">{}</p><p class=\"s\">{}</p></div>",
            if good { "good" } else { "poor" },
            esc(k),
            val,
            sub
        );
    };
    out.push_str("<div class=\"score\">");
    card(
        out,
        target(CriterionKind::MaxLix).map_or(c.after.lix < c.before.lix, |t| t.met),
        "LIX",
        format!("{} → {}", num(c.before.lix, lang), num(c.after.lix, lang)),
        format!(
            "{} → {}{}",
            esc(band_label(c.before.band, lang)),
            esc(band_label(c.after.band, lang)),
            goal_note(CriterionKind::MaxLix, &|x| {
                if x.fract() == 0.0 {
                    format!("{}", x as i64)
                } else {
                    num(x, lang)
                }
            })
        ),
    );
    card(
        out,
        target(CriterionKind::MaxSentence).map_or(
            longest(&c.after_sentence_words) <= longest(&c.before_sentence_words),
            |t| t.met,
        ),
        u.longest_sentence,
        format!(
            "{} → {}",
            longest(&c.before_sentence_words),
            longest(&c.after_sentence_words)
        ),
        format!(
            "{}: {} → {}{}",
            esc(u.sentences),
            c.before.sentences,
            c.after.sentences,
            goal_note(CriterionKind::MaxSentence, &|x| format!("{}", x as usize))
        ),
    );
    let missing: Vec<String> = c.missing().map(|f| esc(&f.text)).collect();
    card(
        out,
        missing.is_empty(),
        u.facts,
        format!("{}/{}", c.facts_kept(), c.facts.len()),
        if missing.is_empty() {
            format!("<span class=\"ok\">✓ {}</span>", u.kept)
        } else {
            format!(
                "<span class=\"bad\">✗ {}: {}</span>",
                u.missing,
                missing.join("; ")
            )
        },
    );
    card(
        out,
        c.introduced() == 0 && c.fixed() > 0,
        u.findings_title,
        format!(
            "{} → {}",
            v.before.report.diagnostics.len(),
            v.after.report.diagnostics.len()
        ),
        format!(
            "{}: {}, {}: {}",
            u.fixed,
            c.fixed(),
            u.introduced,
            c.introduced()
        ),
    );
    out.push_str("</div>");
}

fn goal_section(out: &mut String, ex: &Exercise, goal: &GoalResult, lang: UiLang, p: &str) {
    let u = ui(lang);
    let _ = write!(
        out,
        "<section class=\"goal panel\" aria-labelledby=\"{p}goal-h\"><h2 id=\"{p}goal-h\">{}</h2><p>{}</p>",
        u.goal,
        esc(&ex.goal)
    );
    let _ = write!(
        out,
        "<table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"n\">{}</th><th scope=\"col\" class=\"n\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        u.criterion, u.required, u.actual, u.status
    );
    for c in &goal.criteria {
        let (name, req, act) = match c.kind {
            CriterionKind::MaxLix => (
                u.crit_lix.to_string(),
                num(c.required, lang),
                num(c.actual, lang),
            ),
            CriterionKind::MaxBand => {
                let b = |v: f64| {
                    let name = ["very-easy", "easy", "medium", "hard", "very-hard"]
                        .get(v as usize)
                        .copied()
                        .unwrap_or("very-hard");
                    parse_band(name)
                        .map_or("", |b| band_label(b, lang))
                        .to_string()
                };
                (u.crit_band.to_string(), b(c.required), b(c.actual))
            }
            CriterionKind::MaxAvgSentence => (
                u.crit_avg.to_string(),
                num(c.required, lang),
                num(c.actual, lang),
            ),
            CriterionKind::MaxSentence => (
                u.crit_sentence.to_string(),
                format!("{}", c.required as usize),
                format!("{}", c.actual as usize),
            ),
            CriterionKind::MaxFindings => (
                format!(
                    "{}: {}",
                    u.crit_findings,
                    c.category.map_or("", |k| cat_label(k, lang))
                ),
                format!("{}", c.required as usize),
                format!("{}", c.actual as usize),
            ),
            CriterionKind::KeepFacts => (
                u.crit_facts.to_string(),
                format!("{}", c.required as usize),
                format!("{}", c.actual as usize),
            ),
        };
        let _ = write!(
            out,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"{}\">{}</td></tr>",
            esc(&name),
            esc(&req),
            esc(&act),
            if c.met { "ok" } else { "bad" },
            if c.met { format!("✓ {}", u.yes) } else { format!("✗ {}", u.no) }
        );
    }
    out.push_str("</tbody></table>");
    if !ex.hints.is_empty() {
        let _ = write!(out, "<details><summary>{}</summary><ul>", u.hints);
        for h in &ex.hints {
            let _ = write!(out, "<li>{}</li>", esc(h));
        }
        out.push_str("</ul></details>");
    }
    out.push_str("</section>");
}

fn delta_cell(before: f64, after: f64, lower_is_better: bool, lang: UiLang) -> String {
    let d = after - before;
    let class = if d.abs() < 0.05 {
        ""
    } else if (d < 0.0) == lower_is_better {
        "better"
    } else {
        "worse"
    };
    format!("<td class=\"n {class}\">{}</td>", signed(d, lang))
}

fn readability_panel(out: &mut String, v: &CompareView, lang: UiLang, p: &str) {
    let u = ui(lang);
    let c = v.comparison;
    let (b, a) = (&c.before, &c.after);
    let longest = |w: &[usize]| w.iter().copied().max().unwrap_or(0) as f64;
    let _ = write!(
        out,
        "<section class=\"panel\" aria-labelledby=\"{p}read-h\"><h2 id=\"{p}read-h\">{}</h2><div class=\"charts\">{}{}{}{}</div>",
        u.readability,
        gauge(b.lix, b.band, u.before, lang),
        gauge(a.lix, a.band, u.after, lang),
        histogram(&c.before_sentence_words, u.before, lang),
        histogram(&c.after_sentence_words, u.after, lang)
    );
    let _ = write!(
        out,
        "<table><thead><tr><th scope=\"col\"></th><th scope=\"col\" class=\"n\">{}</th><th scope=\"col\" class=\"n\">{}</th><th scope=\"col\" class=\"n\">{}</th></tr></thead><tbody>",
        u.before, u.after, u.change
    );
    let rows: [(&str, f64, f64, bool); 6] = [
        ("LIX", b.lix, a.lix, false),
        (
            u.avg_sentence,
            b.avg_sentence_words,
            a.avg_sentence_words,
            false,
        ),
        (
            u.longest_sentence,
            longest(&c.before_sentence_words),
            longest(&c.after_sentence_words),
            true,
        ),
        (u.sentences, b.sentences as f64, a.sentences as f64, true),
        (
            u.hard_sentences,
            (b.hard_sentences + b.very_hard_sentences) as f64,
            (a.hard_sentences + a.very_hard_sentences) as f64,
            true,
        ),
        (u.words, b.words as f64, a.words as f64, true),
    ];
    for (name, x, y, int) in rows {
        let f = |v: f64| {
            if int {
                format!("{}", v as i64)
            } else {
                num(v, lang)
            }
        };
        let lower_better = name != u.sentences;
        let cell = if name == u.words || name == u.sentences {
            format!("<td class=\"n\">{}</td>", signed(y - x, lang))
        } else {
            delta_cell(x, y, lower_better, lang)
        };
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"n\">{}</td><td class=\"n\">{}</td>{cell}</tr>",
            esc(name),
            f(x),
            f(y)
        );
    }
    let _ = write!(
        out,
        "<tr><th scope=\"row\">{}</th><td class=\"n\">{}</td><td class=\"n\">{}</td><td></td></tr></tbody></table></section>",
        u.band,
        band_label(b.band, lang),
        band_label(a.band, lang)
    );
}

fn categories_panel(out: &mut String, v: &CompareView, lang: UiLang, p: &str) {
    let u = ui(lang);
    let c = v.comparison;
    let _ = write!(
        out,
        "<section class=\"panel\" aria-labelledby=\"{p}cat-h\"><h2 id=\"{p}cat-h\">{} <small>({}: {}, {}: {})</small></h2>",
        u.per_category,
        u.fixed,
        c.fixed(),
        u.introduced,
        c.introduced()
    );
    if c.categories.is_empty() {
        let _ = write!(out, "<p>{}</p>", u.no_findings);
    } else {
        let _ = write!(
            out,
            "<table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"n\">{}</th><th scope=\"col\" class=\"n\">{}</th><th scope=\"col\" class=\"n\">{}</th><th scope=\"col\" class=\"n\">{}</th></tr></thead><tbody>",
            u.category, u.before, u.after, u.fixed, u.introduced
        );
        for d in &c.categories {
            let rules: Vec<String> = c
                .rules
                .iter()
                .filter(|r| {
                    v.before
                        .report
                        .diagnostics
                        .iter()
                        .chain(&v.after.report.diagnostics)
                        .any(|x| x.category == d.key && *x.rule == *r.key)
                })
                .map(|r| format!("{} {}→{}", r.key, r.before, r.after))
                .collect();
            let _ = write!(
                out,
                "<tr data-category=\"{}\"><td><span class=\"swatch\" style=\"{}\" aria-hidden=\"true\"></span>{} <span class=\"rule-id\">{}</span></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n{}\">{}</td><td class=\"n{}\">{}</td></tr>",
                d.key.as_str(),
                style_vars(d.key),
                esc(cat_label(d.key, lang)),
                esc(&rules.join(", ")),
                d.before,
                d.after,
                if d.fixed() > 0 { " better" } else { "" },
                d.fixed(),
                if d.introduced() > 0 { " worse" } else { "" },
                d.introduced()
            );
        }
        out.push_str("</tbody></table>");
    }
    out.push_str("</section>");
}

fn facts_panel(out: &mut String, v: &CompareView, lang: UiLang, p: &str) {
    let u = ui(lang);
    let c = v.comparison;
    let _ = write!(
        out,
        "<section class=\"panel facts\" aria-labelledby=\"{p}facts-h\"><h2 id=\"{p}facts-h\">{} <small>({}/{} {})</small></h2>",
        u.facts,
        c.facts_kept(),
        c.facts.len(),
        u.kept
    );
    if c.facts.is_empty() {
        let _ = write!(out, "<p>{}</p>", u.no_facts);
    } else {
        let _ = write!(
            out,
            "<table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
            u.fact, u.kind, u.status
        );
        let mut facts: Vec<_> = c.facts.iter().collect();
        facts.sort_by_key(|f| f.kept());
        for f in facts {
            // Show the rewrite's wording only where it differs (another case, notation).
            let found = f
                .found
                .filter(|s| {
                    s.end <= v.after.text.len()
                        && v.after.text.is_char_boundary(s.start)
                        && v.after.text.is_char_boundary(s.end)
                })
                .map(|s| &v.after.text[s.start..s.end])
                .filter(|t| unquoted(t) != unquoted(&f.fact.text))
                .map(|t| format!(" — «{}»", esc(t)))
                .unwrap_or_default();
            let _ = write!(
                out,
                "<tr class=\"{}\"><td>{}</td><td>{}</td><td class=\"{}\">{}{}</td></tr>",
                if f.kept() {
                    "fact-kept"
                } else {
                    "fact-missing"
                },
                esc(&f.fact.text),
                fact_label(f.fact.kind, lang),
                if f.kept() { "ok" } else { "bad" },
                if f.kept() {
                    format!("✓ {}", u.kept)
                } else {
                    format!("✗ {}", u.missing)
                },
                found
            );
        }
        out.push_str("</tbody></table>");
    }
    out.push_str("</section>");
}

fn side_by_side(
    out: &mut String,
    v: &CompareView,
    rules: &RuleSet,
    lang: UiLang,
    p: &str,
    pops: &mut String,
) {
    let u = ui(lang);
    let _ = write!(
        out,
        "<section aria-labelledby=\"{p}sbs-h\"><h2 id=\"{p}sbs-h\">{}</h2>",
        u.side_by_side
    );
    key_line(out, &[v.before.report, v.after.report], lang);
    let lost: Vec<skaidri_core::Span> = v.comparison.missing().map(|f| f.span).collect();
    if !lost.is_empty() {
        // Appended to the key: how a lost fact looks in the original.
        if let Some(i) = out.rfind("</ul>") {
            out.insert_str(
                i,
                &format!("<li><mark class=\"lost\">{}</mark></li>", esc(u.lost_key)),
            );
        }
    }
    out.push_str("<div class=\"pair\">");
    for (i, (label, d)) in [(u.original, &v.before), (u.rewrite, &v.after)]
        .iter()
        .enumerate()
    {
        let _ = write!(
            out,
            "<section class=\"side\" aria-labelledby=\"{p}s{i}-h\"><h3 id=\"{p}s{i}-h\">{} <small>({} {})</small></h3><div class=\"text\">{}</div>",
            esc(label),
            d.report.diagnostics.len(),
            u.findings,
            highlighted(
                d.text,
                d.report,
                rules,
                &format!("{p}s{i}"),
                lang,
                if i == 0 { &lost } else { &[] },
                pops
            )
        );
        findings_list(out, d, lang);
        out.push_str("</section>");
    }
    out.push_str("</div></section>");
}

/// A rewrite next to its original, with the comparison (and the goal, in workshop mode).
pub fn compare(v: &CompareView, rules: &RuleSet, lang: UiLang) -> String {
    let u = ui(lang);
    let mut body = String::new();
    let mut pops = String::new();
    if let Some((_, goal)) = v.exercise {
        goal_banner(&mut body, goal, lang);
    }
    scoreboard(&mut body, v, lang);
    side_by_side(&mut body, v, rules, lang, "", &mut pops);
    body.push_str("<div class=\"twocol\">");
    match v.exercise {
        Some((ex, goal)) => goal_section(&mut body, ex, goal, lang, ""),
        None => categories_panel(&mut body, v, lang, ""),
    }
    facts_panel(&mut body, v, lang, "");
    body.push_str("</div><div class=\"twocol\">");
    readability_panel(&mut body, v, lang, "");
    if v.exercise.is_some() {
        categories_panel(&mut body, v, lang, "");
    }
    body.push_str("</div>");
    legend(&mut body, lang);
    if let Some((ex, _)) = v.exercise {
        let _ = write!(
            body,
            "<p class=\"source\"><strong>{}:</strong> {} — {}. {}</p>",
            u.source,
            esc(&ex.source.title),
            esc(&ex.source.reference),
            esc(&ex.source.licence)
        );
    }
    body.push_str(&pops);
    let (title, subtitle) = match v.exercise {
        Some((ex, _)) => (
            ex.title.clone(),
            format!("{} — {}", v.after.title, u.compare_title),
        ),
        None => (
            u.compare_title.to_string(),
            format!("{} → {}", v.before.title, v.after.title),
        ),
    };
    let mut out = String::new();
    page(&mut out, u, &title, &subtitle, &body);
    out
}

/// One participant's row in a class table.
#[derive(Debug, Clone, Copy)]
pub struct ClassEntry<'a> {
    /// The participant (file name).
    pub name: &'a str,
    /// Their rewrite.
    pub view: CompareView<'a>,
}

/// A class table ranking participants, then each participant's comparison.
/// `entries` must already be ranked.
pub fn class(ex: &Exercise, entries: &[ClassEntry], rules: &RuleSet, lang: UiLang) -> String {
    let u = ui(lang);
    let mut body = String::new();
    let mut pops = String::new();
    let _ = write!(
        body,
        "<section class=\"panel\" aria-labelledby=\"rank-h\"><h2 id=\"rank-h\">{}</h2><p>{}</p><table><thead><tr><th scope=\"col\" class=\"n\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\" class=\"n\">LIX</th><th scope=\"col\" class=\"n\">{}</th><th scope=\"col\" class=\"n\">{}</th><th scope=\"col\" class=\"n\">{}</th></tr></thead><tbody>",
        u.class_title, u.ranking_note, u.rank, u.participant, u.goal, u.lix_gain, u.facts, u.findings_left
    );
    for (i, e) in entries.iter().enumerate() {
        let c = e.view.comparison;
        let met = e.view.exercise.is_some_and(|(_, g)| g.met);
        let _ = write!(
            body,
            "<tr><td class=\"n\">{}</td><th scope=\"row\"><a href=\"#p{i}-sbs-h\">{}</a></th><td class=\"{}\">{}</td><td class=\"n\">{} → {}</td>{}<td class=\"n {}\">{}/{}</td><td class=\"n\">{}</td></tr>",
            i + 1,
            esc(e.name),
            if met { "ok" } else { "bad" },
            if met { format!("✓ {}", u.yes) } else { format!("✗ {}", u.no) },
            num(c.before.lix, lang),
            num(c.after.lix, lang),
            {
                let g = c.lix_gain();
                let class = if g > 0.05 { "better" } else if g < -0.05 { "worse" } else { "" };
                format!("<td class=\"n {class}\">{}</td>", signed(g, lang))
            },
            if c.all_facts_kept() { "ok" } else { "bad" },
            c.facts_kept(),
            c.facts.len(),
            e.view.after.report.diagnostics.len()
        );
    }
    body.push_str("</tbody></table></section>");
    for (i, e) in entries.iter().enumerate() {
        let p = format!("p{i}-");
        let _ = write!(
            body,
            "<section class=\"participant\" aria-label=\"{}\">",
            esc(e.name)
        );
        let _ = write!(body, "<h2>{}</h2>", esc(e.name));
        scoreboard(&mut body, &e.view, lang);
        side_by_side(&mut body, &e.view, rules, lang, &p, &mut pops);
        body.push_str("<div class=\"twocol\">");
        if let Some((ex, goal)) = e.view.exercise {
            goal_section(&mut body, ex, goal, lang, &p);
        }
        facts_panel(&mut body, &e.view, lang, &p);
        body.push_str("</div>");
        categories_panel(&mut body, &e.view, lang, &p);
        body.push_str("</section>");
    }
    legend(&mut body, lang);
    body.push_str(&pops);
    let mut out = String::new();
    page(&mut out, u, &ex.title, u.class_title, &body);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use skaidri_core::{Analyzer, Settings};

    #[test]
    fn every_category_colour_meets_wcag_aa() {
        for c in Category::ALL {
            let k = colors(*c);
            let text = contrast(k.fg, k.bg);
            assert!(text >= 4.5, "{c}: text on highlight {text:.2} < 4.5");
            let line = contrast(k.line, PAGE_BG);
            assert!(
                line >= 3.0,
                "{c}: underline on page {line:.2} < 3 (non-text contrast)"
            );
            let line_on_bg = contrast(k.line, k.bg);
            assert!(
                line_on_bg >= 3.0,
                "{c}: underline on highlight {line_on_bg:.2} < 3"
            );
        }
        for b in [
            Band::VeryEasy,
            Band::Easy,
            Band::Medium,
            Band::Hard,
            Band::VeryHard,
        ] {
            for bg in [PAGE_BG, PANEL_BG] {
                let r = contrast(band_color(b), bg);
                assert!(r >= 4.5, "{b:?}: band label on {bg}: {r:.2} < 4.5");
            }
        }
        // Status and muted text on the panels.
        for fg in ["#1e6b2f", "#a4161a", "#4a4a55", PAGE_FG] {
            let r = contrast(fg, PANEL_BG);
            assert!(r >= 4.5, "{fg} on the panel: {r:.2} < 4.5");
        }
        // Sentence shading, status colours and the header.
        for (fg, bg) in [
            (PAGE_FG, "#fff6c4"),
            (PAGE_FG, "#ffe0e0"),
            ("#1e6b2f", PAGE_BG),
            ("#a4161a", PAGE_BG),
            ("#124d1f", "#e4f5e4"),
            ("#7d0f12", "#fde7e7"),
            (PAGE_FG, "#fde7e7"),
            ("#a4161a", "#fde7e7"),
            ("#ffffff", "#1d2b4f"),
            ("#dfe6f5", "#1d2b4f"),
            ("#ffffff", "#6b5200"),
            ("#ffffff", "#a4161a"),
            ("#4a4a55", "#f5f6f8"),
            (PAGE_FG, "#e9ebf0"),
        ] {
            let r = contrast(fg, bg);
            assert!(r >= 4.5, "{fg} on {bg}: {r:.2} < 4.5");
        }
    }

    #[test]
    fn css_uses_the_tested_colours() {
        assert!(CSS.contains(&format!("--panel:{PANEL_BG}")));
        assert!(CSS.contains(&format!("--fg:{PAGE_FG}")));
        assert!(CSS.contains(&format!("--bg:{PAGE_BG}")));
    }

    #[test]
    fn contrast_formula() {
        assert!((contrast("#000000", "#ffffff") - 21.0).abs() < 1e-9);
        assert!((contrast("#777777", "#777777") - 1.0).abs() < 1e-9);
        // The classic example: #767676 on white is just above 4.5.
        assert!(contrast("#767676", "#ffffff") > 4.5);
    }

    #[test]
    fn escapes_everything_from_the_input() {
        assert_eq!(
            esc("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        let an = Analyzer::new(RuleSet::embedded().unwrap(), Settings::default());
        let rules = an.rules();
        let text = "Sakarā ar <script>alert(1)</script> remontu birojs slēgts.";
        let r = an.check(text);
        let html = report(
            &[DocView {
                title: "<b>x</b>",
                text,
                report: &r,
            }],
            rules,
            UiLang::Lv,
        );
        assert!(!html.contains("<script>alert"));
        assert!(!html.contains("<b>x</b>"));
        // the text may be split by highlights (spelling flags "script"), but every piece
        // is escaped: no raw tag from the input survives
        assert!(html.contains("Sakarā ar") && html.contains("(1)&lt;/"));
        assert!(!html.contains("</script> remontu") && !html.contains("<script>alert"));
    }

    #[test]
    fn report_has_highlights_popovers_and_summary() {
        let an = Analyzer::new(RuleSet::embedded().unwrap(), Settings::default());
        let rules = an.rules();
        let text = "Sakarā ar remontu birojs būs slēgts. Saistībā ar to lūdzam zvanīt.";
        let r = an.check(text);
        let html = report(
            &[DocView {
                title: "a.txt",
                text,
                report: &r,
            }],
            rules,
            UiLang::Lv,
        );
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("<html lang=\"lv\">"));
        // one highlight per finding (findings on overlapping text share one)
        let hl = html.matches("class=\"hl\"").count();
        assert!(hl >= 2 && hl <= r.diagnostics.len(), "{hl} highlights");
        assert!(html.contains("popovertarget=\"d0f1\""));
        assert!(html.contains("<div popover id=\"d0f1\""));
        assert!(html.contains("class=\"gauge\"") && html.contains("class=\"histogram\""));
        assert!(html.contains("kancelejas valoda"));
        assert!(
            !html.contains("http://") && !html.contains("https://"),
            "no external assets"
        );
        let en = report(
            &[DocView {
                title: "a.txt",
                text,
                report: &r,
            }],
            rules,
            UiLang::En,
        );
        assert!(en.contains("<html lang=\"en\">") && en.contains("Findings by category"));
    }

    /// Values of `attr="…"` in `html`.
    fn attr_values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
        let pat = format!(" {attr}=\"");
        html.split(pat.as_str())
            .skip(1)
            .filter_map(|p| p.split('"').next())
            .collect()
    }

    #[test]
    fn ids_are_unique_and_every_reference_resolves() {
        let an = Analyzer::new(RuleSet::embedded().unwrap(), Settings::default());
        let a = "Sakarā ar remontu birojs būs slēgts līdz 2024. gada 7. novembrim. Saistībā ar to lūdzam veikt samaksu 300,94 euro apmērā.";
        let b = "Remonta dēļ birojs būs slēgts. Saistībā ar to lūdzam samaksāt.";
        let (ra, rb) = (an.check(a), an.check(b));
        let c = crate::compare::compare(a, &ra, b, &rb);
        let v = CompareView {
            before: DocView {
                title: "a",
                text: a,
                report: &ra,
            },
            after: DocView {
                title: "b",
                text: b,
                report: &rb,
            },
            comparison: &c,
            exercise: None,
        };
        // A class page with two participants of a real exercise.
        let ex = crate::exercise::embedded().unwrap().remove(0);
        let rp = an.check(&ex.passage);
        let rm = an.check(&ex.model.rewrite);
        let cm = crate::compare::compare(&ex.passage, &rp, &ex.model.rewrite, &rm);
        let cp = crate::compare::compare(&ex.passage, &rp, &ex.passage, &rp);
        let (gm, gp) = (ex.evaluate(&cm), ex.evaluate(&cp));
        let view = |text, report, comparison, goal| CompareView {
            before: DocView {
                title: "o",
                text: &ex.passage,
                report: &rp,
            },
            after: DocView {
                title: "r",
                text,
                report,
            },
            comparison,
            exercise: Some((&ex, goal)),
        };
        let entries = [
            ClassEntry {
                name: "a",
                view: view(&ex.model.rewrite, &rm, &cm, &gm),
            },
            ClassEntry {
                name: "b",
                view: view(&ex.passage, &rp, &cp, &gp),
            },
        ];
        let pages = [
            compare(&v, an.rules(), UiLang::Lv),
            report(&[v.before, v.after], an.rules(), UiLang::En),
            class(&ex, &entries, an.rules(), UiLang::Lv),
            compare(&entries[0].view, an.rules(), UiLang::Lv),
        ];
        for html in &pages {
            let ids = attr_values(html, "id");
            let mut sorted = ids.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(sorted.len(), ids.len(), "duplicate ids");
            for attr in ["popovertarget", "aria-labelledby"] {
                for r in attr_values(html, attr) {
                    assert!(ids.contains(&r), "{attr}={r} points nowhere");
                }
            }
            for r in attr_values(html, "href") {
                if let Some(id) = r.strip_prefix('#') {
                    assert!(ids.contains(&id), "link to #{id} points nowhere");
                }
            }
            assert!(html.contains("button:focus-visible"), "visible focus");
        }
        // The lost date and amount are marked in the original.
        assert_eq!(
            pages[0].matches("<mark class=\"lost\">").count(),
            2 + 1,
            "two marks and the key"
        );
    }

    #[test]
    fn overlapping_findings_become_one_highlight() {
        let an = Analyzer::new(RuleSet::embedded().unwrap(), Settings::default());
        let rules = an.rules();
        let text = "Birojs slēgts.";
        let mut r = an.check(text);
        let d = |s, e, c| Diagnostic {
            rule: "X1".into(),
            category: c,
            severity: skaidri_core::Severity::Warning,
            message: "m".into(),
            text: text[s..e].into(),
            span: skaidri_core::Span::new(s, e),
            suggestions: vec![],
        };
        r.diagnostics = vec![d(0, 6, Category::Officialese), d(3, 14, Category::Passive)];
        let html = report(
            &[DocView {
                title: "a",
                text,
                report: &r,
            }],
            rules,
            UiLang::Lv,
        );
        assert_eq!(html.matches("class=\"hl\"").count(), 1);
        assert!(html.contains(">Birojs slēgts<span class=\"sr\">"));
    }
}
