//! Engine throughput, natively, on the benchmark corpus (`bench/corpus.mjs`): per layer
//! (tokenize, entities, numbers, quotes), the whole `analyze`, and the page's markup and the JSON
//! export of its result, in MB/s (10^6 bytes of UTF-8) and words/s (whitespace-separated).
//!
//! `scripts/bench.sh native` generates the corpus and runs this with
//! `cargo bench -p marginalia-core --profile native --bench engine`; results are printed and
//! written to `target/bench-results/native.json`.
//!
//! A plain median-of-N harness (no criterion, so no extra dependencies): one warm-up run, then N
//! timed runs of each stage; the median is reported with the fastest and slowest run. Besides the
//! wall-clock time, each run's CPU time on this thread is read from Linux's
//! `/proc/thread-self/schedstat` (nanoseconds on the CPU): on a loaded machine the wall clock also
//! counts the time the thread waited for a core, the CPU time does not. Rates are from the wall
//! clock; the CPU-time rate is printed beside them (`cpu`) where the file exists.
//! Environment: `MARGINALIA_BENCH_CORPUS` (folder of the corpus files, default
//! `target/bench-corpus` in the repository), `MARGINALIA_BENCH_RUNS` (runs for the 1 MB file,
//! default 21; the 10 MB file gets a third of them, at least 3).

use marginalia_core::{
    entities::EntityRecognizer, export, markup, numbers, quotes, HybridRecognizer, TextIndex,
};
use std::path::PathBuf;
use std::time::Instant;

/// A named stage's body.
type Stage<'a> = Box<dyn FnMut() + 'a>;

struct Stat {
    median: f64,
    min: f64,
    max: f64,
    /// Median CPU seconds of this thread, when the system reports them.
    cpu_median: Option<f64>,
}

/// Seconds this thread has spent on a CPU (Linux), or `None`.
fn thread_cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    (ns > 0.0).then_some(ns / 1e9)
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn time_runs(runs: usize, mut f: impl FnMut()) -> Stat {
    f(); // warm-up (lexicons built, caches and allocator warm)
    let mut wall = Vec::with_capacity(runs);
    let mut cpu = Vec::with_capacity(runs);
    for _ in 0..runs {
        let c = thread_cpu_secs();
        let t = Instant::now();
        f();
        wall.push(t.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c, thread_cpu_secs()) {
            cpu.push(b - a);
        }
    }
    let cpu_median = (cpu.len() == runs).then(|| median(cpu));
    let (min, max) = wall
        .iter()
        .fold((f64::MAX, 0f64), |(lo, hi), &x| (lo.min(x), hi.max(x)));
    Stat {
        median: median(wall),
        min,
        max,
        cpu_median,
    }
}

fn corpus_dir() -> PathBuf {
    std::env::var_os("MARGINALIA_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../target/bench-corpus"
            ))
        })
}

fn main() {
    // `cargo bench` passes `--bench`; a bare word filters the stages (e.g. `analyze`).
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let runs: usize = std::env::var("MARGINALIA_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(21);
    let dir = corpus_dir();
    let mut json = Vec::new();
    for (file, runs) in [
        ("corpus-1mb.txt", runs),
        ("corpus-10mb.txt", (runs / 3).max(3)),
    ] {
        let path = dir.join(file);
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!(
                "missing {} — generate the corpus first: node bench/corpus.mjs (or scripts/bench.sh native)",
                path.display()
            );
            std::process::exit(2);
        };
        let bytes = text.len() as f64;
        let words = text.split_whitespace().count() as f64;
        let index = TextIndex::new(&text);
        let entities = HybridRecognizer.recognize(&index);
        let analysis = marginalia_core::analyze(&text);
        println!(
            "{file}: {} bytes, {} words, {} annotations (median of {runs} runs)",
            text.len(),
            words,
            analysis.iter().count()
        );
        let stages: [(&str, Stage<'_>); 7] = [
            ("tokenize", Box::new(|| drop(TextIndex::new(&text)))),
            (
                "entities",
                Box::new(|| drop(HybridRecognizer.recognize(&index))),
            ),
            ("numbers", Box::new(|| drop(numbers::recognize(&index)))),
            (
                "quotes",
                Box::new(|| drop(quotes::recognize(&index, &entities))),
            ),
            (
                "analyze",
                Box::new(|| drop(marginalia_core::analyze(&text))),
            ),
            (
                "markup",
                Box::new(|| drop(markup::article_html(&text, &analysis))),
            ),
            (
                "export",
                Box::new(|| drop(export::to_json(&text, &analysis))),
            ),
        ];
        for (stage, mut f) in stages {
            if filter.as_deref().is_some_and(|w| !stage.contains(w)) {
                continue;
            }
            let s = time_runs(runs, &mut f);
            let cpu = s.cpu_median.map_or(String::new(), |c| {
                format!("   cpu {:>7.1} ms = {:>6.2} MB/s", c * 1e3, bytes / 1e6 / c)
            });
            println!(
                "  {stage:<9} {:>8.2} MB/s {:>10.0} words/s   median {:>8.1} ms (min {:.1}, max {:.1}){cpu}",
                bytes / 1e6 / s.median,
                words / s.median,
                s.median * 1e3,
                s.min * 1e3,
                s.max * 1e3
            );
            json.push(format!(
                "{{\"file\":\"{file}\",\"stage\":\"{stage}\",\"bytes\":{},\"words\":{},\"runs\":{runs},\"median_ms\":{:.3},\"min_ms\":{:.3},\"max_ms\":{:.3},\"mb_per_s\":{:.3},\"words_per_s\":{:.0},\"cpu_median_ms\":{}}}",
                text.len(),
                words,
                s.median * 1e3,
                s.min * 1e3,
                s.max * 1e3,
                bytes / 1e6 / s.median,
                words / s.median,
                s.cpu_median.map_or("null".to_string(), |c| format!("{:.3}", c * 1e3))
            ));
        }
    }
    let out = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../target/bench-results"
    ));
    if std::fs::create_dir_all(&out).is_ok() {
        let path = out.join("native.json");
        let body = format!("[\n{}\n]\n", json.join(",\n"));
        if std::fs::write(&path, body).is_ok() {
            println!("wrote {}", path.display());
        }
    }
}
