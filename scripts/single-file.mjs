#!/usr/bin/env node
// Builds dist/marginalia.html: the whole app in one self-contained file that works when opened
// from disk (file://, double-click) with no server and no network, e.g. on an air-gapped machine.
//
// Reads the release build in dist/ (run `trunk build --release` first) and writes one HTML file:
//   - the stylesheet inlined in a <style>;
//   - the wasm-bindgen module and marginalia-wasm.js (the wasm, gzip + base64, as the served page
//     has it: scripts/inline-wasm.mjs) inlined in one <script type="module"> that starts the app
//     from those bytes (nothing is fetched);
//   - the favicon as a data: URI;
//   - a Content-Security-Policy that allows exactly these inline contents by their SHA-256
//     (no 'unsafe-inline'), WebAssembly compilation, and no connection of any kind.
//
// Usage: node scripts/single-file.mjs [DIST_DIR]   (default: dist)
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dist = resolve(process.argv[2] ?? 'dist');
const need = (name) => {
  const path = join(dist, name);
  if (!existsSync(path)) {
    console.error(
      `single-file: ${path} is missing; run \`trunk build --release\` first (its post-build hook, ` +
        'scripts/inline-wasm.mjs, writes marginalia-wasm.js)',
    );
    process.exit(1);
  }
  return path;
};

let html = readFileSync(need('index.html'), 'utf8');
const css = readFileSync(need('main.css'), 'utf8');
const bindgen = readFileSync(need('marginalia-web.js'), 'utf8');
const wasmModule = readFileSync(need('marginalia-wasm.js'), 'utf8');
const loader = readFileSync(need('loader.js'), 'utf8');
const favicon = existsSync(join(dist, 'favicon.svg')) ? readFileSync(join(dist, 'favicon.svg')) : null;

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Replaces exactly one match of `pattern` in the page, or fails loudly (the shell changed). */
function replaceOnce(pattern, replacement, what) {
  const matches = html.match(new RegExp(pattern.source, pattern.flags.replace('g', '') + 'g'));
  if (!matches || matches.length !== 1) {
    console.error(`single-file: expected one ${what} in dist/index.html, found ${matches?.length ?? 0}`);
    process.exit(1);
  }
  html = html.replace(pattern, () => replacement);
}

// The wasm-bindgen module, made into a plain module body: its only export line goes, and the
// app is started from the inlined bytes (so the default `fetch(new URL(..., import.meta.url))`
// path is never taken).
const exportLine = /^export \{[^}]*\};?\s*$/m;
if (!exportLine.test(bindgen)) {
  console.error('single-file: the wasm-bindgen module has no `export { ... }` line (format changed?)');
  process.exit(1);
}
const body = bindgen.replace(exportLine, '');
// marginalia-wasm.js, made into a function body that returns its one export (its own names stay
// out of the wasm-bindgen module's scope).
const wasmExport = /^export async function wasmBytes\(/m;
const wasmExports = wasmModule.match(/^(?:import|export)\b.*$/gm) ?? [];
if (wasmExports.length !== 1 || !wasmExport.test(wasmExports[0])) {
  console.error(`single-file: marginalia-wasm.js should export wasmBytes and nothing else, import nothing; found: ${wasmExports.join(' | ')}`);
  process.exit(1);
}
const wasmBody = wasmModule.replace(wasmExport, 'async function wasmBytes(');
// The served page's start-up (web/loader.js from its `wasmBytes()` call on: start the app,
// or say in the page why it could not), with the bindings' init under its module-body name.
const startAt = loader.search(/^wasmBytes\(\)/m);
if (startAt < 0 || !/\binit\(\{/.test(loader.slice(startAt))) {
  console.error('single-file: loader.js should start the app with `wasmBytes()` ... `init({`');
  process.exit(1);
}
const startup = loader.slice(startAt).replace(/\binit\(\{/, '__wbg_init({');
const script = `${body}
// --- single-file start-up (scripts/single-file.mjs): the wasm is inlined, nothing is fetched.
const wasmBytes = (() => {
${wasmBody}
return wasmBytes;
})();
${startup}`;
// `</script` inside the module text would end the element early.
if (/<\/script/i.test(script)) {
  console.error('single-file: the inlined script contains "</script"; cannot inline it safely');
  process.exit(1);
}
if (/<\/style/i.test(css)) {
  console.error('single-file: the stylesheet contains "</style"; cannot inline it safely');
  process.exit(1);
}

const csp = [
  "default-src 'none'",
  `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
  `style-src ${sha256(css)}`,
  'img-src data: blob:',
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

replaceOnce(
  /<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*"\s*\/?>/,
  `<meta http-equiv="Content-Security-Policy" content="${csp}" />`,
  'CSP meta',
);
replaceOnce(/<!--[^]*?-->\s*(?=<meta http-equiv="Content-Security-Policy")/, '<!-- Marginalia, one file: works offline from disk; nothing is fetched and nothing can connect anywhere. -->\n    ', 'CSP comment');
replaceOnce(/<link[^>]*rel="stylesheet"[^>]*>/, `<style>${css}</style>`, 'stylesheet link');
if (favicon) {
  replaceOnce(
    /<link[^>]*rel="icon"[^>]*>/,
    `<link rel="icon" href="data:image/svg+xml;base64,${favicon.toString('base64')}" />`,
    'icon link',
  );
}
replaceOnce(/<script type="module" src="[^"]*loader\.js"><\/script>/, `<script type="module">${script}</script>`, 'loader script');
// trunk leaves its processed rust link in place when it injects no scripts; it does nothing.
html = html.replace(/\s*<link data-trunk[^>]*>/g, '');
// Nothing else may point at a sibling file or another host.
const leftovers = html
  .replace(/<script type="module">[^]*?<\/script>/, '')
  .replace(/<style>[^]*?<\/style>/, '')
  .match(/\s(?:src|href)="(?!data:)[^"]*"/g);
if (leftovers) {
  console.error(`single-file: references left in the page: ${leftovers.join(', ')}`);
  process.exit(1);
}

const out = join(dist, 'marginalia.html');
writeFileSync(out, html);
console.log(
  `single-file: wrote ${out} (${html.length} bytes; marginalia-wasm.js, ${wasmModule.length} bytes, inlined)`,
);
