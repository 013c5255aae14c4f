// Starts Marginalia: loads the app's WebAssembly from beside this file. The page has no inline
// script, so its Content-Security-Policy can forbid them; nothing is fetched from other hosts.
import init from './marginalia-web.js';

init({ module_or_path: new URL('./marginalia-web_bg.wasm', import.meta.url) }).catch((error) => {
  const message = document.createElement('p');
  message.className = 'fatal';
  message.setAttribute('role', 'alert');
  message.textContent =
    'Marginalia could not start in this browser (' + String(error) + '). ' +
    'It needs a current browser with WebAssembly.';
  document.body.prepend(message);
});
