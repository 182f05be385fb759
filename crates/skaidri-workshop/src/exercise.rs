//! Exercises: the `corpus/workshop/*.toml` format, the exercises embedded in the binary,
//! and whether a rewrite met an exercise's target.
//!
//! An exercise file:
//!
//! ```toml
//! id = "01-darba-aizsardziba"
//! title = "Darba devēja pienākumi"
//! categories = ["sentence-length", "nominalization", "passive"]   # what it trains
//! goal = "Sadaliet garo teikumu …"                                  # learning goal
//! hints = ["…", "…"]
//! passage = """…"""                                                 # 40–120 words
//! [source]
//! title = "Darba aizsardzības likums, 14. pants"
//! reference = "corpus/acts/darba-aizsardzibas-likums.txt"
//! licence = "Oficiāls dokuments; nav autortiesību objekts (Autortiesību likums, 6. pants)"
//! [target]
//! max_lix = 45               # LIX of the rewrite at most
//! max_band = "medium"        # or a band: very-easy, easy, medium, hard, very-hard
//! max_sentence_words = 20    # no sentence longer
//! max_findings = { officialese = 0, sentence-length = 0 }
//! keep_facts = true          # the default
//! [model]
//! rewrite = """…"""          # the project's own plain-Latvian rewrite
//! ```

use crate::compare::Comparison;
use serde::{Deserialize, Serialize};
use skaidri_core::readability::Band;
use skaidri_core::Category;
use std::collections::BTreeMap;

include!(concat!(env!("OUT_DIR"), "/embedded_exercises.rs"));

/// Errors reading exercises.
#[derive(Debug, thiserror::Error)]
pub enum ExerciseError {
    /// The TOML does not parse or does not fit the format.
    #[error("{file}: {message}")]
    Parse {
        /// File name.
        file: String,
        /// What is wrong, with the place when the parser knows it.
        message: String,
    },
    /// A field has a value outside its set.
    #[error("{file}: {field}: {message}")]
    Invalid {
        /// File name.
        file: String,
        /// The field.
        field: String,
        /// What is wrong.
        message: String,
    },
    /// No exercise has this number or id.
    #[error("no exercise `{0}` (see `skaidri workshop list`)")]
    NotFound(String),
}

/// Where a passage comes from.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// What the text is ("Darba aizsardzības likums, 14. pants").
    pub title: String,
    /// Where exactly (file in the repository, sentence ids, URL).
    pub reference: String,
    /// Licence and attribution.
    pub licence: String,
}

/// What a rewrite must reach.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// LIX of the rewrite at most this.
    pub max_lix: Option<f64>,
    /// Band of the rewrite at most this (kebab-case band name).
    pub max_band: Option<String>,
    /// Average words per sentence at most this.
    pub max_avg_sentence_words: Option<f64>,
    /// No sentence with more words than this.
    pub max_sentence_words: Option<usize>,
    /// At most this many findings per category (kebab-case category names).
    #[serde(default)]
    pub max_findings: BTreeMap<String, usize>,
    /// Every fact of the original must be in the rewrite (default true).
    pub keep_facts: Option<bool>,
}

/// The project's model rewrite.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    /// The rewrite.
    pub rewrite: String,
}

/// One exercise.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    /// Stable id, the file name without `.toml`.
    pub id: String,
    /// Short title.
    pub title: String,
    /// Categories the exercise trains (kebab-case).
    pub categories: Vec<String>,
    /// The learning goal, in Latvian.
    pub goal: String,
    /// Hints, in Latvian.
    pub hints: Vec<String>,
    /// The passage to rewrite.
    pub passage: String,
    /// Its source.
    pub source: Source,
    /// The target.
    pub target: Target,
    /// The model rewrite.
    pub model: Model,
}

/// Parses a band name.
pub fn parse_band(s: &str) -> Option<Band> {
    Some(match s {
        "very-easy" => Band::VeryEasy,
        "easy" => Band::Easy,
        "medium" => Band::Medium,
        "hard" => Band::Hard,
        "very-hard" => Band::VeryHard,
        _ => return None,
    })
}

impl Exercise {
    /// Parses and validates one exercise file.
    pub fn parse(file: &str, text: &str) -> Result<Exercise, ExerciseError> {
        let ex: Exercise = toml::from_str(text).map_err(|e| ExerciseError::Parse {
            file: file.to_string(),
            message: e.to_string(),
        })?;
        let invalid = |field: &str, message: String| ExerciseError::Invalid {
            file: file.to_string(),
            field: field.to_string(),
            message,
        };
        for c in ex.categories.iter().chain(ex.target.max_findings.keys()) {
            if Category::parse(c).is_none() {
                return Err(invalid("categories", format!("unknown category `{c}`")));
            }
        }
        if let Some(b) = &ex.target.max_band {
            if parse_band(b).is_none() {
                return Err(invalid(
                    "target.max_band",
                    format!(
                        "unknown band `{b}`; expected very-easy, easy, medium, hard or very-hard"
                    ),
                ));
            }
        }
        if ex.passage.trim().is_empty() || ex.model.rewrite.trim().is_empty() {
            return Err(invalid(
                "passage",
                "passage and model.rewrite must not be empty".into(),
            ));
        }
        Ok(ex)
    }

    /// Evaluates a comparison of a rewrite with this exercise's passage.
    pub fn evaluate(&self, c: &Comparison) -> GoalResult {
        let t = &self.target;
        let mut criteria = Vec::new();
        if let Some(max) = t.max_lix {
            criteria.push(Criterion {
                kind: CriterionKind::MaxLix,
                required: max,
                actual: c.after.lix,
                met: c.after.lix <= max,
                category: None,
            });
        }
        if let Some(b) = t.max_band.as_deref().and_then(parse_band) {
            criteria.push(Criterion {
                kind: CriterionKind::MaxBand,
                required: b as u8 as f64,
                actual: c.after.band as u8 as f64,
                met: c.after.band <= b,
                category: None,
            });
        }
        if let Some(max) = t.max_avg_sentence_words {
            criteria.push(Criterion {
                kind: CriterionKind::MaxAvgSentence,
                required: max,
                actual: c.after.avg_sentence_words,
                met: c.after.avg_sentence_words <= max,
                category: None,
            });
        }
        if let Some(max) = t.max_sentence_words {
            let longest = c.longest_after();
            criteria.push(Criterion {
                kind: CriterionKind::MaxSentence,
                required: max as f64,
                actual: longest as f64,
                met: longest <= max,
                category: None,
            });
        }
        for (cat, max) in &t.max_findings {
            let Some(category) = Category::parse(cat) else {
                continue;
            };
            let n = c.after_in(category);
            criteria.push(Criterion {
                kind: CriterionKind::MaxFindings,
                required: *max as f64,
                actual: n as f64,
                met: n <= *max,
                category: Some(category),
            });
        }
        if t.keep_facts.unwrap_or(true) {
            criteria.push(Criterion {
                kind: CriterionKind::KeepFacts,
                required: c.facts.len() as f64,
                actual: c.facts_kept() as f64,
                met: c.all_facts_kept(),
                category: None,
            });
        }
        GoalResult {
            met: criteria.iter().all(|c| c.met),
            criteria,
        }
    }
}

/// Which part of a target a criterion checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CriterionKind {
    /// LIX at most `required`.
    MaxLix,
    /// Band at most `required` (band index 0 = very easy … 4 = very hard).
    MaxBand,
    /// Average sentence length at most `required`.
    MaxAvgSentence,
    /// Longest sentence at most `required` words.
    MaxSentence,
    /// At most `required` findings of `category`.
    MaxFindings,
    /// All `required` facts kept (`actual` is how many were).
    KeepFacts,
}

/// One checked part of a target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Criterion {
    /// What it checks.
    pub kind: CriterionKind,
    /// The limit (or the number of facts).
    pub required: f64,
    /// The rewrite's value.
    pub actual: f64,
    /// Whether it was met.
    pub met: bool,
    /// For [`CriterionKind::MaxFindings`]: the category.
    pub category: Option<Category>,
}

/// Whether a rewrite met an exercise's target, criterion by criterion.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalResult {
    /// All criteria met.
    pub met: bool,
    /// Each criterion.
    pub criteria: Vec<Criterion>,
}

/// The exercises embedded in the binary, in file-name order.
pub fn embedded() -> Result<Vec<Exercise>, ExerciseError> {
    EXERCISE_FILES
        .iter()
        .map(|(name, text)| Exercise::parse(name, text))
        .collect()
}

/// Finds an exercise by its number in the list (1-based), its number prefix ("01") or
/// its id.
pub fn find<'a>(exercises: &'a [Exercise], key: &str) -> Result<&'a Exercise, ExerciseError> {
    let key = key.trim();
    if let Ok(n) = key.parse::<usize>() {
        if let Some(e) = n.checked_sub(1).and_then(|i| exercises.get(i)) {
            return Ok(e);
        }
    }
    exercises
        .iter()
        .find(|e| e.id == key || e.id.strip_suffix(".toml") == Some(key))
        .ok_or_else(|| ExerciseError::NotFound(key.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINI: &str = r#"
id = "x"
title = "T"
categories = ["officialese"]
goal = "G"
hints = ["h"]
passage = "Sakarā ar remontu birojs būs slēgts līdz 5. maijam."
[source]
title = "s"
reference = "r"
licence = "l"
[target]
max_lix = 40
max_findings = { officialese = 0 }
[model]
rewrite = "Remonta dēļ birojs būs slēgts līdz 5. maijam."
"#;

    #[test]
    fn parses_and_rejects_unknown_categories() {
        let e = Exercise::parse("x.toml", MINI).unwrap();
        assert_eq!(e.target.max_lix, Some(40.0));
        let bad = MINI.replace("[\"officialese\"]", "[\"kanceleja\"]");
        let err = Exercise::parse("x.toml", &bad).unwrap_err().to_string();
        assert!(err.contains("x.toml") && err.contains("kanceleja"), "{err}");
        let bad = MINI.replace("max_lix = 40", "max_lx = 40");
        let err = Exercise::parse("x.toml", &bad).unwrap_err().to_string();
        assert!(err.contains("max_lx"), "{err}");
    }

    #[test]
    fn find_by_number_or_id() {
        let e = Exercise::parse("x.toml", MINI).unwrap();
        let list = vec![e];
        assert_eq!(find(&list, "1").unwrap().id, "x");
        assert_eq!(find(&list, "x").unwrap().id, "x");
        assert!(find(&list, "2").is_err());
    }

    #[test]
    fn goal_evaluation() {
        use skaidri_core::rules::RuleSet;
        use skaidri_core::{Analyzer, Settings};
        let e = Exercise::parse("x.toml", MINI).unwrap();
        let an = Analyzer::new(RuleSet::embedded().unwrap(), Settings::default());
        let check = |r: &str| {
            let c = crate::compare::compare(&e.passage, &an.check(&e.passage), r, &an.check(r));
            e.evaluate(&c)
        };
        let good = check(&e.model.rewrite);
        assert!(good.met, "{good:?}");
        let lost = check("Remonta dēļ birojs būs slēgts.");
        assert!(!lost.met);
        assert!(lost
            .criteria
            .iter()
            .any(|c| c.kind == CriterionKind::KeepFacts && !c.met));
        let same = check(&e.passage);
        assert!(same
            .criteria
            .iter()
            .any(|c| c.kind == CriterionKind::MaxFindings && !c.met));
    }

    #[test]
    fn embedded_exercises_parse() {
        let all = embedded().unwrap();
        for e in &all {
            assert!(!e.hints.is_empty(), "{}", e.id);
        }
    }
}
