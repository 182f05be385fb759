//! Every exercise in corpus/workshop/ is well formed, its passage is a real exercise
//! (40–120 words, fails its own target), and its model rewrite meets the target and keeps
//! every fact.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use skaidri_core::rules::RuleSet;
use skaidri_core::{Analyzer, Settings};
use skaidri_workshop::compare::compare;
use skaidri_workshop::exercise::{embedded, CriterionKind};

fn analyzer() -> Analyzer {
    Analyzer::new(RuleSet::embedded().expect("rules"), Settings::default())
}

#[test]
fn there_are_at_least_fifteen_exercises_with_unique_ids() {
    let all = embedded().expect("exercises parse");
    assert!(all.len() >= 15, "only {} exercises", all.len());
    let mut ids: Vec<&str> = all.iter().map(|e| e.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), all.len(), "duplicate ids");
}

#[test]
fn passages_are_short_paragraphs_with_source_and_licence() {
    for e in embedded().expect("exercises parse") {
        let words = e.passage.split_whitespace().count();
        assert!(
            (40..=120).contains(&words),
            "{}: passage has {words} words",
            e.id
        );
        assert!(!e.source.title.trim().is_empty(), "{}: source", e.id);
        assert!(e.source.licence.len() > 20, "{}: licence", e.id);
        assert!(!e.hints.is_empty() && !e.categories.is_empty(), "{}", e.id);
        assert!(
            e.target.keep_facts.unwrap_or(true),
            "{}: facts must be kept",
            e.id
        );
    }
}

#[test]
fn every_model_rewrite_meets_its_goal_and_keeps_all_facts() {
    let an = analyzer();
    let mut failures = Vec::new();
    for e in embedded().expect("exercises parse") {
        let before = an.check(&e.passage);
        let after = an.check(&e.model.rewrite);
        let c = compare(&e.passage, &before, &e.model.rewrite, &after);
        let g = e.evaluate(&c);
        if !g.met {
            let missing: Vec<&str> = c.missing().map(|f| f.text.as_str()).collect();
            failures.push(format!(
                "{}: {:?}; missing facts: {missing:?}",
                e.id,
                g.criteria.iter().filter(|c| !c.met).collect::<Vec<_>>()
            ));
        }
        assert!(
            c.lix_gain() > 5.0,
            "{}: the model should read clearly easier",
            e.id
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn no_passage_meets_its_own_target() {
    let an = analyzer();
    for e in embedded().expect("exercises parse") {
        let r = an.check(&e.passage);
        let c = compare(&e.passage, &r, &e.passage, &r);
        let g = e.evaluate(&c);
        assert!(!g.met, "{}: the passage already meets the target", e.id);
        // The passage keeps its own facts, so the failure is about readability or findings.
        assert!(g
            .criteria
            .iter()
            .any(|c| !c.met && c.kind != CriterionKind::KeepFacts));
    }
}

#[test]
fn dropping_a_fact_from_a_model_fails_the_goal() {
    let an = analyzer();
    let all = embedded().expect("exercises parse");
    let mut tried = 0;
    for e in &all {
        let before = an.check(&e.passage);
        let rw = &e.model.rewrite;
        let c = compare(&e.passage, &before, rw, &an.check(rw));
        // Remove the first kept fact that is not a name from the model rewrite.
        let Some((fact, span)) = c
            .facts
            .iter()
            .find(|f| f.fact.kind != skaidri_workshop::facts::FactKind::Name)
            .and_then(|f| f.found.map(|s| (f.fact.clone(), s)))
        else {
            continue;
        };
        let cut = format!("{}{}", &rw[..span.start], &rw[span.end..]);
        let c2 = compare(&e.passage, &before, &cut, &an.check(&cut));
        let lost = c2.facts.iter().any(|f| f.fact.key == fact.key && !f.kept());
        if !lost {
            continue; // another mention still carries the fact ("2012. gadā" in a full date)
        }
        assert!(
            !e.evaluate(&c2).met,
            "{}: dropping {:?} went unnoticed",
            e.id,
            &rw[span.start..span.end]
        );
        tried += 1;
    }
    assert!(tried >= 8, "only {tried} exercises had a droppable fact");
}
