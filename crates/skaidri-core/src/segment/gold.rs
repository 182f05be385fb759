//! Evaluation of sentence segmentation against gold CoNLL-U data (UD Latvian-LVTB).
//!
//! Paragraphs are rebuilt from `# newpar` and `# text` lines (sentences joined by one
//! space); each paragraph is segmented on its own, and the boundaries *inside* paragraphs
//! are compared with the gold ones (paragraph ends are given, so they are not counted).
//! Pure: the caller reads the file.

use super::segment;
use std::collections::BTreeSet;

/// Boundary counts and the errors found.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    /// Paragraphs evaluated.
    pub paragraphs: usize,
    /// Gold sentences.
    pub sentences: usize,
    /// Correct boundaries.
    pub tp: usize,
    /// Predicted boundaries that are not gold.
    pub fp: usize,
    /// Gold boundaries that were missed.
    pub fn_: usize,
    /// Up to `max_errors` examples: (paragraph text, byte offset, true if extra / false if missed).
    pub errors: Vec<(String, usize, bool)>,
}

impl Scores {
    /// Precision of predicted boundaries.
    pub fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    /// Recall of gold boundaries.
    pub fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

/// Rebuilds paragraphs (lists of gold sentence texts) from CoNLL-U text.
pub fn paragraphs(conllu: &str) -> Vec<Vec<String>> {
    let mut paragraphs: Vec<Vec<String>> = Vec::new();
    for line in conllu.lines() {
        if line.starts_with("# newdoc") || line.starts_with("# newpar") {
            paragraphs.push(Vec::new());
        } else if let Some(t) = line.strip_prefix("# text = ") {
            if paragraphs.is_empty() {
                paragraphs.push(Vec::new());
            }
            if let Some(p) = paragraphs.last_mut() {
                p.push(t.trim().to_string());
            }
        }
    }
    paragraphs.retain(|p| !p.is_empty());
    paragraphs
}

/// Segments every paragraph and scores the boundaries.
pub fn evaluate(conllu: &str, max_errors: usize) -> Scores {
    let mut sc = Scores::default();
    for p in paragraphs(conllu) {
        sc.paragraphs += 1;
        sc.sentences += p.len();
        let mut text = String::new();
        let mut gold = BTreeSet::new();
        for (i, s) in p.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            text.push_str(s);
            if i + 1 < p.len() {
                gold.insert(text.len());
            }
        }
        let seg = segment(&text);
        let n = seg.sentences.len();
        let pred: BTreeSet<usize> = seg
            .sentences
            .iter()
            .take(n.saturating_sub(1))
            .map(|s| s.end)
            .collect();
        let t = gold.intersection(&pred).count();
        sc.tp += t;
        sc.fp += pred.len() - t;
        sc.fn_ += gold.len() - t;
        for b in pred.difference(&gold) {
            if sc.errors.len() < max_errors {
                sc.errors.push((text.clone(), *b, true));
            }
        }
        for b in gold.difference(&pred) {
            if sc.errors.len() < max_errors {
                sc.errors.push((text.clone(), *b, false));
            }
        }
    }
    sc
}
