//! Training the entity model: an averaged structured perceptron with Viterbi decoding.
//!
//! [`examples`] turns gold documents (CoNLL files read by [`crate::eval::conll`]) into
//! sentences of feature keys and gold tags, using the engine's own tokenizer and the rule
//! recognizer exactly as tagging does. [`train`] runs the perceptron for a number of epochs,
//! visiting the sentences in an order shuffled by a seeded generator (the same seed and data
//! give the same model, byte for byte), averages the weights, prunes the small ones and
//! quantises the rest to `i8`.
//!
//! ```
//! use marginalia_core::entities::model::train::{examples, train, TrainOptions};
//! use marginalia_core::eval::conll;
//! let set = conll::read("tiny", "Daniel B-PER\nEk I-PER\nruns O\nSpotify B-ORG\n. O\n").unwrap();
//! let data = examples(&set);
//! let options = TrainOptions { epochs: 3, min_weight: 1, ..TrainOptions::default() };
//! let (model, report) = train(&data, &options, &mut |_| {}).unwrap();
//! assert!(!model.is_empty());
//! assert!(report.tokens > 0);
//! ```

use super::features::{self, NUM_TEMPLATES};
use super::labels::NUM_TAGS;
use super::{viterbi, Model, Steps};
use crate::annotation::{Annotation, Label};
use crate::entities::gazetteer::WordHashBuild;
use crate::entities::rules;
use crate::eval::GoldSet;
use crate::text::TextIndex;
use std::collections::HashMap;
use std::fmt;

/// One training segment (a name-like stretch of a sentence, see [`features::Features`]): its
/// tokens' feature keys and gold tags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// `NUM_TEMPLATES` keys per token.
    pub keys: Vec<u32>,
    /// The gold tag of each token.
    pub gold: Vec<u8>,
}

/// Training settings.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainOptions {
    /// Seed of the sentence order.
    pub seed: u64,
    /// Passes over the data.
    pub epochs: usize,
    /// Features whose largest quantised weight is smaller than this (in stored units) are
    /// dropped: the main knob of the model's size.
    pub min_weight: i8,
    /// Weights are scaled so that this quantile of the non-zero magnitudes maps to 127
    /// (larger ones are clipped).
    pub clip_quantile: f64,
    /// Features are folded to keys of this many bits (8..=32) in the model file: fewer bits
    /// compress better but let more unseen features collide with kept ones.
    pub key_bits: u8,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            seed: 1,
            epochs: 10,
            min_weight: 6,
            clip_quantile: 0.9999,
            key_bits: 22,
        }
    }
}

/// What one epoch did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EpochReport {
    /// The epoch, from 1.
    pub epoch: usize,
    /// Tokens whose predicted tag (before the update) was wrong.
    pub token_errors: usize,
    /// Tokens seen.
    pub tokens: usize,
}

/// What training did.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainReport {
    /// Segments (name-like stretches of sentences) trained on.
    pub segments: usize,
    /// Tokens trained on.
    pub tokens: usize,
    /// Features that received a weight.
    pub features_seen: usize,
    /// Features kept in the model.
    pub features_kept: usize,
    /// What one stored unit is worth.
    pub scale: f32,
    /// One report per epoch.
    pub epochs: Vec<EpochReport>,
}

/// Why training could not run.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TrainError {
    /// No sentence with a token.
    NoData,
    /// Zero epochs asked for.
    NoEpochs,
}

impl fmt::Display for TrainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TrainError::NoData => write!(f, "no training sentences"),
            TrainError::NoEpochs => write!(f, "at least one epoch is needed"),
        }
    }
}

impl std::error::Error for TrainError {}

/// The entity label of a gold label name (`"PER"` → PER), `None` for others.
fn entity_label(name: &str) -> Option<Label> {
    [Label::Per, Label::Org, Label::Loc, Label::Misc]
        .into_iter()
        .find(|l| l.as_str() == name)
}

/// The training sentences of a gold set: each document analysed as tagging will analyse it,
/// gold spans turned into tags of the engine's tokens.
pub fn examples(set: &GoldSet) -> Vec<Example> {
    let mut out = Vec::new();
    for doc in &set.docs {
        let index = TextIndex::new(&doc.text);
        if index.tokens().is_empty() {
            continue;
        }
        let rule = rules::recognize(&index);
        let feats = features::extract(&index, &rule);
        let gold: Vec<Annotation> = doc
            .spans
            .iter()
            .filter_map(|g| entity_label(&g.label).map(|l| Annotation::new(g.span, l)))
            .collect();
        let tags = features::tags_of(&index, &gold);
        let mut first = 0usize;
        for r in &feats.segments {
            let keys = feats
                .keys
                .get(first * NUM_TEMPLATES..(first + r.len()) * NUM_TEMPLATES)
                .unwrap_or(&[])
                .to_vec();
            first += r.len();
            let gold = tags.get(r.clone()).unwrap_or(&[]).to_vec();
            if !gold.is_empty() && keys.len() == gold.len() * NUM_TEMPLATES {
                out.push(Example { keys, gold });
            }
        }
    }
    out
}

/// A seeded generator (splitmix64): the order of the sentences in each epoch.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `n` (> 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The perceptron's weights while training: current and summed-update values (for averaging).
#[derive(Default)]
struct Weights {
    index: HashMap<u32, usize, WordHashBuild>,
    w: Vec<[i32; NUM_TAGS]>,
    u: Vec<[i64; NUM_TAGS]>,
    trans: [[i32; NUM_TAGS]; NUM_TAGS + 1],
    trans_u: [[i64; NUM_TAGS]; NUM_TAGS + 1],
}

impl Weights {
    fn emission(&self, keys: &[u32]) -> [i32; NUM_TAGS] {
        let mut s = [0i32; NUM_TAGS];
        for k in keys {
            if let Some(row) = self.index.get(k).and_then(|&i| self.w.get(i)) {
                for (a, &b) in s.iter_mut().zip(row) {
                    *a += b;
                }
            }
        }
        s
    }

    fn update(&mut self, key: u32, tag: u8, d: i32, c: i64) {
        let next = self.w.len();
        let i = *self.index.entry(key).or_insert(next);
        if i == next {
            self.w.push([0; NUM_TAGS]);
            self.u.push([0; NUM_TAGS]);
        }
        let t = usize::from(tag);
        if let (Some(w), Some(u)) = (
            self.w.get_mut(i).and_then(|r| r.get_mut(t)),
            self.u.get_mut(i).and_then(|r| r.get_mut(t)),
        ) {
            *w += d;
            *u += c * i64::from(d);
        }
    }

    fn update_trans(&mut self, prev: usize, tag: u8, d: i32, c: i64) {
        let t = usize::from(tag);
        if let (Some(w), Some(u)) = (
            self.trans.get_mut(prev).and_then(|r| r.get_mut(t)),
            self.trans_u.get_mut(prev).and_then(|r| r.get_mut(t)),
        ) {
            *w += d;
            *u += c * i64::from(d);
        }
    }
}

/// The quantile `q` (0..=1) of `values` (sorted in place).
fn quantile(values: &mut [f32], q: f64) -> f32 {
    if values.is_empty() {
        return 1.0;
    }
    values.sort_by(f32::total_cmp);
    let i = ((values.len() - 1) as f64 * q.clamp(0.0, 1.0)).round() as usize;
    values.get(i).copied().unwrap_or(1.0)
}

/// Trains a model on `data`; `progress` hears about each epoch.
pub fn train(
    data: &[Example],
    options: &TrainOptions,
    progress: &mut dyn FnMut(&EpochReport),
) -> Result<(Model, TrainReport), TrainError> {
    if options.epochs == 0 {
        return Err(TrainError::NoEpochs);
    }
    let tokens: usize = data.iter().map(|e| e.gold.len()).sum();
    if tokens == 0 {
        return Err(TrainError::NoData);
    }
    let mut weights = Weights::default();
    let mut rng = Rng(options.seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut c: i64 = 1;
    let mut back = Vec::new();
    let mut pred = Vec::new();
    let mut epochs = Vec::new();
    for epoch in 1..=options.epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        let mut errors = 0;
        for &e in &order {
            let Some(ex) = data.get(e) else { continue };
            let n = ex.gold.len();
            pred.clear();
            let steps = Steps::new(&weights.trans);
            viterbi(
                n,
                |k| {
                    let keys = ex
                        .keys
                        .get(k * NUM_TEMPLATES..(k + 1) * NUM_TEMPLATES)
                        .unwrap_or(&[]);
                    weights.emission(keys)
                },
                &steps,
                &mut back,
                &mut pred,
            );
            if pred != ex.gold {
                for k in 0..n {
                    let (g, p) = (ex.gold.get(k).copied(), pred.get(k).copied());
                    let (Some(g), Some(p)) = (g, p) else { continue };
                    let prev = |tags: &[u8]| {
                        k.checked_sub(1)
                            .and_then(|j| tags.get(j))
                            .map_or(NUM_TAGS, |&t| usize::from(t))
                    };
                    let (pg, pp) = (prev(&ex.gold), prev(&pred));
                    if g != p {
                        errors += 1;
                        let keys = ex
                            .keys
                            .get(k * NUM_TEMPLATES..(k + 1) * NUM_TEMPLATES)
                            .unwrap_or(&[]);
                        for &key in keys {
                            weights.update(key, g, 1, c);
                            weights.update(key, p, -1, c);
                        }
                    }
                    if (pg, g) != (pp, p) {
                        weights.update_trans(pg, g, 1, c);
                        weights.update_trans(pp, p, -1, c);
                    }
                }
            }
            c += 1;
        }
        let report = EpochReport {
            epoch,
            token_errors: errors,
            tokens,
        };
        progress(&report);
        epochs.push(report);
    }
    // Averaging: w - u / c.
    let cf = c as f64;
    let avg = |w: i32, u: i64| (f64::from(w) - u as f64 / cf) as f32;
    let mut magnitudes: Vec<f32> = Vec::new();
    for (w, u) in weights.w.iter().zip(&weights.u) {
        for (&a, &b) in w.iter().zip(u) {
            let v = avg(a, b).abs();
            if v > 0.0 {
                magnitudes.push(v);
            }
        }
    }
    let scale = (quantile(&mut magnitudes, options.clip_quantile) / 127.0).max(f32::MIN_POSITIVE);
    drop(magnitudes);
    let q = |v: f32| (v / scale).round().clamp(-127.0, 127.0) as i8;
    let mut kept: Vec<(u32, [i8; NUM_TAGS])> = Vec::new();
    for (&key, &i) in &weights.index {
        let (Some(w), Some(u)) = (weights.w.get(i), weights.u.get(i)) else {
            continue;
        };
        let mut row = [0i8; NUM_TAGS];
        for ((r, &a), &b) in row.iter_mut().zip(w).zip(u) {
            *r = q(avg(a, b));
        }
        let largest = row.iter().map(|v| v.unsigned_abs()).max().unwrap_or(0);
        if largest >= options.min_weight.unsigned_abs().max(1) {
            kept.push((key, row));
        }
    }
    // Fold the keys to the model's width; rows that meet add up.
    let bits = options.key_bits.clamp(8, 32);
    let mask = super::key_mask(bits);
    let mut folded: Vec<(u32, [i8; NUM_TAGS])> = Vec::with_capacity(kept.len());
    kept.sort_unstable_by_key(|&(k, _)| (k & mask, k));
    for (k, row) in kept {
        let k = k & mask;
        match folded.last_mut() {
            Some((last, sum)) if *last == k => {
                for (a, &b) in sum.iter_mut().zip(&row) {
                    *a = a.saturating_add(b).clamp(-127, 127);
                }
            }
            _ => folded.push((k, row)),
        }
    }
    let kept = folded;
    let mut trans = [[0i32; NUM_TAGS]; NUM_TAGS + 1];
    for ((row, w), u) in trans.iter_mut().zip(&weights.trans).zip(&weights.trans_u) {
        for ((t, &a), &b) in row.iter_mut().zip(w).zip(u) {
            *t = (avg(a, b) / scale)
                .round()
                .clamp(f32::from(i16::MIN), f32::from(i16::MAX)) as i32;
        }
    }
    let report = TrainReport {
        segments: data.len(),
        tokens,
        features_seen: weights.w.len(),
        features_kept: kept.len(),
        scale,
        epochs,
    };
    let (keys, rows) = kept.into_iter().unzip();
    Ok((Model::from_parts(bits, keys, rows, trans, scale), report))
}
