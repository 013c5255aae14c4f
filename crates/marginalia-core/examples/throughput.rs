//! Engine throughput, natively: `cargo run -p marginalia-core --profile native --example throughput`.
//!
//! Builds a 1 MB and a 10 MB corpus by repeating the repository's own news-style fixtures
//! (`tests/fixtures/*.txt`), then times tokenizing, each layer and the whole `analyze` call,
//! printing the median of several runs in MB/s and words/s.

use marginalia_core::entities::{model, rules};
use marginalia_core::{entities::EntityRecognizer, numbers, quotes, HybridRecognizer, TextIndex};
use std::time::Instant;

fn corpus(bytes: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut parts: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .collect()
        })
        .unwrap_or_default();
    parts.sort();
    if parts.is_empty() {
        parts.push("Spotify said on 18 March it had 86m users.\n".to_string());
    }
    let mut text = String::with_capacity(bytes + 4096);
    while text.len() < bytes {
        for p in &parts {
            text.push_str(p);
            text.push('\n');
        }
    }
    text
}

fn median_secs(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    for (name, size, runs) in [("1 MB", 1 << 20, 15), ("10 MB", 10 << 20, 5)] {
        let text = corpus(size);
        let mb = text.len() as f64 / 1e6;
        let words = text.split_whitespace().count() as f64;
        let index = TextIndex::new(&text);
        let entities = HybridRecognizer.recognize(&index);
        let report = |stage: &str, secs: f64| {
            println!(
                "{name:>6} {stage:<10} {:>8.1} MB/s {:>12.0} words/s  (median {:.1} ms of {runs})",
                mb / secs,
                words / secs,
                secs * 1e3
            );
        };
        report(
            "tokenize",
            median_secs(runs, || drop(TextIndex::new(&text))),
        );
        report(
            "entities",
            median_secs(runs, || drop(HybridRecognizer.recognize(&index))),
        );
        // The entity layer's parts: the rules, the model's features and tagging, the merge.
        let facts = rules::SentenceFacts::new(&index);
        let spans = rules::recognize_with(&index, &facts);
        let rule = model::RuleSpans::new(&index, &spans);
        report(
            " ent:rules",
            median_secs(runs, || drop(rules::recognize_with(&index, &facts))),
        );
        if let Ok(m) = model::embedded() {
            report(
                " ent:feats",
                median_secs(runs, || drop(model::features::extract(&index, &spans))),
            );
            report(
                " ent:tag",
                median_secs(runs, || drop(m.tag_stream(&index, &facts, &rule))),
            );
            let tags = m.tag_stream(&index, &facts, &rule);
            report(
                " ent:merge",
                median_secs(runs, || drop(model::combine(&index, &facts, &tags, &rule))),
            );
        }
        report(
            "numbers",
            median_secs(runs, || drop(numbers::recognize(&index))),
        );
        report(
            "quotes",
            median_secs(runs, || drop(quotes::recognize(&index, &entities))),
        );
        report(
            "analyze",
            median_secs(runs, || drop(marginalia_core::analyze(&text))),
        );
    }
}
