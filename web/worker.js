// Marginalia's analysis worker: the page sends long texts here so that analysing them never
// blocks the page. It loads the same wasm module as the page (the module's start function sees
// no window and renders nothing) and answers each {id, text} with {id, json}: the engine's
// analysis as JSON. Nothing is fetched: the wasm comes inlined in marginalia-wasm.js.
//
// The page starts it through a small blob: script (src/analysis_worker.rs) that imports this
// file, so that the page's Content-Security-Policy binds the worker too; requests that arrived
// while this file loaded are waiting in `self.marginaliaQueue`.
import init, { worker_analyze } from './marginalia-web.js';
import { wasmBytes } from './marginalia-wasm.js';

const ready = wasmBytes().then((bytes) => init({ module_or_path: bytes }));

ready.catch((error) => {
  // No request id: the page treats this as "the worker cannot help" and analyses itself.
  self.postMessage({ error: 'the analysis worker could not load the engine: ' + String(error) });
});

async function answer(data) {
  const { id, text } = data ?? {};
  try {
    await ready;
    self.postMessage({ id, json: worker_analyze(String(text ?? '')) });
  } catch (error) {
    self.postMessage({ id, error: String(error) });
  }
}

self.onmessage = (event) => answer(event.data);
for (const data of self.marginaliaQueue ?? []) answer(data);
self.marginaliaQueue = null;
