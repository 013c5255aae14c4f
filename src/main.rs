//! Entry point of the web app: renders [`marginalia_web::App`] in the page. The same module is
//! loaded by the analysis worker (`web/worker.js`), where there is no page to render into: there
//! it only answers [`worker_analyze`].

use wasm_bindgen::prelude::*;

fn main() {
    if web_sys::window().is_some() {
        marginalia_web::start();
    }
}

/// The engine's analysis of `text` as JSON; called by the analysis worker.
#[wasm_bindgen]
pub fn worker_analyze(text: &str) -> String {
    marginalia_web::analysis_worker::analyze_for_worker(text)
}
