// Starts Marginalia from the WebAssembly inlined in marginalia-wasm.js (made at build time by
// scripts/inline-wasm.mjs): nothing is fetched, so the page's Content-Security-Policy forbids
// every connection (`connect-src 'none'`). The page has no inline script either.
import init from './marginalia-web.js';
import { wasmBytes } from './marginalia-wasm.js';

wasmBytes()
  .then((bytes) => init({ module_or_path: bytes }))
  .catch((error) => {
    const message = document.createElement('p');
    message.className = 'fatal';
    message.setAttribute('role', 'alert');
    message.textContent =
      'Marginalia could not start in this browser (' + String(error) + '). ' +
      'It needs a current browser with WebAssembly.';
    document.body.prepend(message);
  });
