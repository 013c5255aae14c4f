//! Analysing long texts off the main thread, in a web worker, so the page stays responsive.
//!
//! The worker (`web/worker.js`) loads this same wasm module and calls [`analyze_for_worker`]
//! (exported by the binary as `worker_analyze`); the page sends it a text and gets back the
//! engine's [`Analysis`] as JSON, which [`decode`] reads. One engine, in both places: the result is
//! exactly what [`marginalia_core::analyze`] returns on the main thread (tested below).
//!
//! When the worker cannot start (an old browser, the single offline file opened from disk), the
//! page analyses on the main thread instead, as it always does for short texts.

use marginalia_core::Analysis;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Texts shorter than this (bytes) are analysed on the main thread: it takes a few milliseconds,
/// less than a round trip to the worker.
pub const WORKER_MIN_BYTES: usize = 64 * 1024;

/// The worker script, beside the page.
const WORKER_URL: &str = "worker.js";

/// Starts the worker through a `blob:` script that imports `worker.js`. A worker started from
/// its own URL would not be bound by the page's `<meta>` Content-Security-Policy (a static host
/// cannot send one as a header); a `blob:` worker inherits the page's policy, so the worker
/// cannot connect anywhere either.
///
/// Returns the worker and the `blob:` URL, which must live as long as the worker.
fn start_worker() -> Result<(web_sys::Worker, String), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    // The offline single file, opened from disk, has no worker.js beside it (and its policy
    // allows no worker): it analyses on the page.
    if window.location().protocol()? == "file:" {
        return Err(JsValue::from_str(
            "a page opened from disk cannot start the worker",
        ));
    }
    let document = window
        .document()
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let base = document.base_uri()?.unwrap_or_default();
    let script = web_sys::Url::new_with_base(WORKER_URL, &base)?.href();
    // `script` is a URL the browser made: quoted as JSON it stays one string. A dynamic import
    // (a static one from a blob: module worker is refused by Chromium); requests that arrive
    // while it loads wait in `self.marginaliaQueue` for worker.js. A failure to load is reported
    // as a message without a request id, so that the page stops waiting for the worker.
    let quoted = serde_json::to_string(&script).map_err(|e| JsValue::from_str(&e.to_string()))?;
    let source = format!(
        "self.marginaliaQueue = []; \
         self.onmessage = (e) => self.marginaliaQueue.push(e.data); \
         import({quoted}).catch((e) => self.postMessage({{ error: 'the worker script did not load: ' + e }}));"
    );
    let parts = js_sys::Array::of1(&JsValue::from_str(&source));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let worker_options = web_sys::WorkerOptions::new();
    worker_options.set_type(web_sys::WorkerType::Module);
    match web_sys::Worker::new_with_options(&url, &worker_options) {
        Ok(worker) => Ok((worker, url)),
        Err(e) => {
            let _ = web_sys::Url::revoke_object_url(&url);
            Err(e)
        }
    }
}

/// Why the worker gave no analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkerError {
    /// The browser could not start the worker (no module workers, blocked, missing file).
    Unavailable(String),
    /// The worker started but failed (its wasm did not load, or it crashed).
    Failed(String),
    /// The worker's answer could not be read.
    BadReply(String),
}

impl fmt::Display for WorkerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WorkerError::Unavailable(why) => {
                write!(f, "the analysis worker could not start: {why}")
            }
            WorkerError::Failed(why) => write!(f, "the analysis worker failed: {why}"),
            WorkerError::BadReply(why) => {
                write!(f, "the analysis worker's answer was unreadable: {why}")
            }
        }
    }
}

impl std::error::Error for WorkerError {}

/// The engine's analysis of `text` as JSON: what the worker sends back.
pub fn analyze_for_worker(text: &str) -> String {
    encode(&marginalia_core::analyze(text))
}

/// `analysis` as JSON (exact: numbers read back bit for bit, see [`decode`]).
pub fn encode(analysis: &Analysis) -> String {
    // Serialising plain data to a string cannot fail; an empty object would be read as an error.
    serde_json::to_string(analysis).unwrap_or_default()
}

/// Reads an analysis written by [`encode`].
pub fn decode(json: &str) -> Result<Analysis, WorkerError> {
    serde_json::from_str(json).map_err(|e| WorkerError::BadReply(e.to_string()))
}

/// What to do with a worker's answer.
type Reply = Box<dyn FnOnce(Result<Analysis, WorkerError>)>;

/// The page's handle on the analysis worker. Requests are answered in order; the caller drops
/// answers it no longer needs (the reducer ignores analyses of an older text).
pub struct AnalysisWorker {
    worker: web_sys::Worker,
    /// The `blob:` URL of the worker's start-up script.
    script_url: String,
    waiting: Rc<RefCell<HashMap<u32, Reply>>>,
    next_id: Cell<u32>,
    /// Set once the worker has failed: later requests fail at once.
    broken: Rc<Cell<bool>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl AnalysisWorker {
    /// Starts the worker (a module worker running `worker.js` beside the page, under the page's
    /// Content-Security-Policy).
    pub fn spawn() -> Result<Self, WorkerError> {
        let (worker, script_url) =
            start_worker().map_err(|e| WorkerError::Unavailable(js_text(&e)))?;
        let waiting: Rc<RefCell<HashMap<u32, Reply>>> = Rc::default();
        let broken = Rc::new(Cell::new(false));

        let on_message = {
            let waiting = waiting.clone();
            let broken = broken.clone();
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                let data = e.data();
                let field = |name: &str| js_sys::Reflect::get(&data, &JsValue::from_str(name)).ok();
                let id = field("id").and_then(|v| v.as_f64()).map(|v| v as u32);
                let result = match (field("json").and_then(|v| v.as_string()), field("error")) {
                    (Some(json), _) => decode(&json),
                    (None, Some(error)) if !error.is_undefined() => {
                        Err(WorkerError::Failed(js_text(&error)))
                    }
                    _ => Err(WorkerError::BadReply("no analysis in the message".into())),
                };
                match id {
                    Some(id) => {
                        let reply = waiting.borrow_mut().remove(&id);
                        if let Some(reply) = reply {
                            reply(result);
                        }
                    }
                    // A message for no request: the worker could not load its wasm.
                    None => {
                        broken.set(true);
                        fail_all(&waiting, result.err());
                    }
                }
            })
        };
        let on_error = {
            let waiting = waiting.clone();
            let broken = broken.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
                e.prevent_default();
                broken.set(true);
                let why = e
                    .dyn_ref::<web_sys::ErrorEvent>()
                    .map(|e| e.message())
                    .filter(|m| !m.is_empty())
                    .unwrap_or_else(|| "the worker script did not load".into());
                fail_all(&waiting, Some(WorkerError::Failed(why)));
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(AnalysisWorker {
            worker,
            script_url,
            waiting,
            next_id: Cell::new(1),
            broken,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// True once the worker has failed; the page then analyses on the main thread.
    pub fn is_broken(&self) -> bool {
        self.broken.get()
    }

    /// Sends `text` (already normalised) to be analysed; `reply` gets the analysis or the reason
    /// there is none.
    pub fn analyze(&self, text: &str, reply: impl FnOnce(Result<Analysis, WorkerError>) + 'static) {
        if self.broken.get() {
            reply(Err(WorkerError::Failed("it failed earlier".into())));
            return;
        }
        let id = self.next_id.get();
        self.next_id.set(id.wrapping_add(1));
        let message = js_sys::Object::new();
        let sent = js_sys::Reflect::set(&message, &"id".into(), &JsValue::from(id))
            .and_then(|_| js_sys::Reflect::set(&message, &"text".into(), &JsValue::from_str(text)))
            .and_then(|_| self.worker.post_message(&message));
        match sent {
            Ok(()) => {
                self.waiting.borrow_mut().insert(id, Box::new(reply));
            }
            Err(e) => reply(Err(WorkerError::Unavailable(js_text(&e)))),
        }
    }
}

impl Drop for AnalysisWorker {
    fn drop(&mut self) {
        self.worker.terminate();
        let _ = web_sys::Url::revoke_object_url(&self.script_url);
    }
}

/// Answers every waiting request with `error`.
fn fail_all(waiting: &RefCell<HashMap<u32, Reply>>, error: Option<WorkerError>) {
    let replies: Vec<Reply> = waiting.borrow_mut().drain().map(|(_, r)| r).collect();
    let error = error.unwrap_or_else(|| WorkerError::Failed("unknown error".into()));
    for reply in replies {
        reply(Err(error.clone()));
    }
}

/// A JavaScript value (usually an error) as text for a message.
fn js_text(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| format!("{value:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Analysed;

    const EXAMPLE: &str = include_str!("../crates/marginalia-core/tests/fixtures/spotify-deal.txt");

    #[test]
    fn the_worker_path_gives_the_main_thread_result() {
        for text in [
            EXAMPLE,
            "",
            "Shares fell 0.1% to $3.333333333333333bn, 1/3 of 2.675 m.",
        ] {
            let analysis = marginalia_core::analyze(text);
            let back = decode(&analyze_for_worker(text)).expect("reads back");
            assert_eq!(back, analysis);
            let view = Analysed::of(Rc::from(text), back);
            assert_eq!(view, Analysed::new(text));
        }
    }

    #[test]
    fn a_bad_reply_is_an_error_not_a_panic() {
        assert!(matches!(
            decode("{\"entities\": 3}"),
            Err(WorkerError::BadReply(_))
        ));
        assert!(matches!(decode(""), Err(WorkerError::BadReply(_))));
    }
}
