//! Every example of every embedded rule runs as a test: the `bad` text must trigger the
//! rule, the `good` text must not, and `fixed` (when given) must be what applying the
//! rule's safe suggestions to `bad` produces.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use skaidri_core::analyzer::apply_suggestions;
use skaidri_core::rules::{RuleSet, PROFILES};
use skaidri_core::{Analyzer, Settings};
use std::sync::Arc;

#[test]
fn every_rule_example_behaves() {
    let rules = Arc::new(RuleSet::embedded().expect("embedded rules load"));
    assert!(!rules.is_empty());
    let mut failures = Vec::new();
    for rule in rules.rules() {
        // structure rules report facts that only a format reader finds in markup; their
        // examples run through the real binary in tests/check/structure.rs
        if rule.kind == "structure" {
            continue;
        }
        // run each rule alone, in the first profile where it is on
        let Some(profile) = PROFILES.iter().find(|p| rule.active_in(p)) else {
            failures.push(format!("{}: not active in any profile", rule.id));
            continue;
        };
        let settings = Settings {
            profile: profile.to_string(),
            only: Some(vec![rule.id.to_string()]),
            ..Settings::default()
        };
        let analyzer = Analyzer::new(rules.clone(), settings);
        for ex in &rule.examples {
            let bad = analyzer.check(&ex.bad);
            if !bad.diagnostics.iter().any(|d| d.rule == rule.id) {
                failures.push(format!(
                    "{} ({}): bad example not flagged: {:?}",
                    rule.id, rule.origin, ex.bad
                ));
            }
            let good = analyzer.check(&ex.good);
            if let Some(d) = good.diagnostics.iter().find(|d| d.rule == rule.id) {
                failures.push(format!(
                    "{} ({}): good example flagged at {:?}: {:?}",
                    rule.id, rule.origin, d.text, ex.good
                ));
            }
            if let Some(fixed) = &ex.fixed {
                let got = apply_suggestions(&ex.bad, &bad.diagnostics, |d| {
                    d.rule == rule.id && d.suggestions.first().is_some_and(|s| s.safe)
                });
                if &got != fixed {
                    failures.push(format!(
                        "{}: fix gave {:?}, expected {:?}",
                        rule.id, got, fixed
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn phrase_rules_match_inflections_and_respect_exceptions() {
    let rules = RuleSet::embedded().unwrap();
    let a = Analyzer::new(rules, Settings::default());
    let ids = |t: &str| -> Vec<String> {
        a.check(t)
            .diagnostics
            .iter()
            .map(|d| d.rule.to_string())
            .collect()
    };
    assert!(ids("Tiks veikta pārbaude.").contains(&"OF009".to_string()));
    assert!(ids("Pārbaudes veikšana notiks rīt.").contains(&"OF009".to_string()));
    // "sakarā ar jubileju" is an occasion, not a cause
    assert!(!ids("Sakarā ar jubileju rīkojām koncertu.").contains(&"OF001".to_string()));
    // "saskaņā ar likumu" cites a law
    assert!(
        !ids("Saskaņā ar Darba likumu atvaļinājums ir četras nedēļas.")
            .contains(&"OF031".to_string())
    );
    // a phrase never crosses punctuation
    assert!(!ids("Sakarā, ar to.").contains(&"OF001".to_string()));
}

#[test]
fn suggestions_keep_the_case_of_the_text() {
    let rules = RuleSet::embedded().unwrap();
    let a = Analyzer::new(rules, Settings::default());
    let r = a.check("Uz doto brīdi nav.");
    let d = r.diagnostics.iter().find(|d| &*d.rule == "BA002").unwrap();
    assert_eq!(d.suggestions[0].replacement, "Pašlaik");
}
