//! The Marginalia engine behind a minimal wasm-bindgen API, so that `bench/wasm-node.mjs` and
//! `bench/wasm-browser.mjs` can time the same engine code in Node and in Chromium on the
//! benchmark corpus (`scripts/bench.sh wasm`). Not part of the app and not in the default members.
//!
//! [`analyze_json`] is the end-to-end call (text in, `marginalia/annotations@1` JSON out);
//! [`set_text`] + [`run`] time one stage at a time on text that is already in wasm memory, so that
//! the JS↔wasm string copy is left out of the per-layer figures (it is timed on its own as the
//! stage `copy`).

use marginalia_core::{
    entities::EntityRecognizer, export, markup, numbers, quotes, Analysis, Annotation,
    HybridRecognizer, TextIndex,
};
use std::cell::RefCell;
use wasm_bindgen::prelude::wasm_bindgen;

struct Loaded {
    text: &'static str,
    index: TextIndex<'static>,
    entities: Vec<Annotation>,
    analysis: Analysis,
}

thread_local! {
    static LOADED: RefCell<Option<Loaded>> = const { RefCell::new(None) };
}

/// Analyses `text` and returns its export JSON (what the page's export and the CLI produce).
#[wasm_bindgen]
pub fn analyze_json(text: &str) -> String {
    export::to_json(text, &marginalia_core::analyze(text))
}

/// Analyses `text` and returns the number of annotations (no JSON).
#[wasm_bindgen]
pub fn analyze_count(text: &str) -> u32 {
    u32::try_from(marginalia_core::analyze(text).iter().count()).unwrap_or(u32::MAX)
}

/// Keeps `text` (and its token index, entities and analysis) in wasm memory for [`run`].
/// Each call leaks the previous text on purpose: a benchmark calls it a few times at most.
#[wasm_bindgen]
pub fn set_text(text: &str) {
    let text: &'static str = Box::leak(text.to_owned().into_boxed_str());
    let index = TextIndex::new(text);
    let entities = HybridRecognizer.recognize(&index);
    let analysis = marginalia_core::analyze(text);
    LOADED.with(|l| {
        *l.borrow_mut() = Some(Loaded {
            text,
            index,
            entities,
            analysis,
        })
    });
}

/// Runs one stage on the text given to [`set_text`]: `tokenize`, `entities`, `numbers`,
/// `quotes`, `analyze`, `markup` (the highlighted article's HTML) or `export` (JSON). Returns a
/// count from the result so that nothing is optimised away; `u32::MAX` for an unknown stage or
/// when no text was set.
#[wasm_bindgen]
pub fn run(stage: &str) -> u32 {
    let n = |x: usize| u32::try_from(x).unwrap_or(u32::MAX - 1);
    LOADED.with(|l| {
        let l = l.borrow();
        let Some(l) = l.as_ref() else {
            return u32::MAX;
        };
        match stage {
            "tokenize" => n(std::hint::black_box(TextIndex::new(l.text)).text().len()),
            "entities" => n(HybridRecognizer.recognize(&l.index).len()),
            "numbers" => n(numbers::recognize(&l.index).len()),
            "quotes" => n(quotes::recognize(&l.index, &l.entities).len()),
            "analyze" => n(marginalia_core::analyze(l.text).iter().count()),
            "markup" => n(markup::article_html(l.text, &l.analysis).len()),
            "export" => n(export::to_json(l.text, &l.analysis).len()),
            _ => u32::MAX,
        }
    })
}
