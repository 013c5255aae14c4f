// Page timings of the release build (dist/, served under /marginalia/ by the e2e tests' static
// server on 127.0.0.1) in headless Chromium (the system's), medians of BENCH_PAGE_RUNS (default 5)
// fresh page loads each (BENCH_PAGE_RUNS_100K for the 100k-word article, default the same):
//
//   load    first-paint, first-contentful-paint (Paint Timing), and "interactive": the moment the
//           editor's textarea exists (the wasm has been downloaded, unpacked, instantiated and has
//           rendered the app, so the page accepts input), from navigation start; wasm download end
//           (marginalia-wasm.js, the wasm inlined as gzip + base64; a .wasm file in older builds)
//   paste   for the 1k-, 10k- and 100k-word articles of the corpus: set the textarea's value and
//           fire `input` as a paste does (inputType insertFromPaste); the time until the status
//           line no longer says "Analysing…", the article has .hl highlights and is no longer
//           marked data-rendering (every block in place), then the next frame has been painted (a
//           requestAnimationFrame and a message posted from it, which runs after that frame's
//           paint); the same up to the first painted highlights; the app's own
//           "analysed in N ms" figure; the longest main-thread task (PerformanceObserver
//           'longtask') from the paste to the painted highlights
//   toggle  on the 35k-word article (≈5,000 highlights) and the 10k one: click data-testid="toggle-PER" and time
//           until the next frame after the click has been painted, split into script (until the
//           article's class changes in the DOM: handlers + Yew's render), style+layout (forced at
//           that moment), and the rest up to the paint; number of highlights
//
//   node bench/page.mjs        (scripts/bench.sh page; dist/ must exist)
// Environment: BENCH_PAGE_RUNS, BENCH_PAGE_RUNS_100K, BENCH_PAGE_ONLY (e.g. 10k,35k), BENCH_PORT
// (8197), BENCH_DIST, CHROMIUM_PATH.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';

const root = resolve(new URL('..', import.meta.url).pathname);
const runs = Number(process.env.BENCH_PAGE_RUNS ?? 5);
const port = Number(process.env.BENCH_PORT ?? 8197);
const base = `http://127.0.0.1:${port}/marginalia/`;
const corpus = (f) => readFileSync(join(root, 'target/bench-corpus', f), 'utf8');

// BENCH_DIST: a copy of dist/ to serve (scripts/bench.sh page copies it, so that a concurrent
// rebuild of dist/ cannot change the files mid-run).
const dist = resolve(process.env.BENCH_DIST ?? join(root, 'dist'));
const server = spawn('node', [join(root, 'tests/e2e/static-server.mjs'), String(port), dist], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((ok, fail) => {
  server.stdout.once('data', ok);
  server.once('exit', (c) => fail(new Error(`static server exited (${c})`)));
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

// Records when the editor first exists, and every long task, from the very start of the page.
const INIT = () => {
  window.__bench = { longtasks: [], interactive: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const seen = () => {
    if (window.__bench.interactive === null && document.querySelector('[data-testid="input"]')) {
      window.__bench.interactive = performance.now();
      return true;
    }
    return false;
  };
  new MutationObserver((_, obs) => seen() && obs.disconnect()).observe(document, { childList: true, subtree: true });
};

async function freshPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(INIT);
  await page.goto(base);
  await page.waitForSelector('[data-testid="input"]');
  await page.waitForLoadState('load');
  await page.waitForTimeout(300); // the app warms the engine up 50 ms after its first paint
  return { context, page };
}

async function loadTimings(page) {
  return page.evaluate(() => {
    const paint = Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]));
    const nav = performance.getEntriesByType('navigation')[0];
    const wasm = performance
      .getEntriesByType('resource')
      .find((r) => r.name.endsWith('/marginalia-wasm.js') || r.name.endsWith('.wasm'));
    return {
      first_paint_ms: paint['first-paint'] ?? null,
      first_contentful_paint_ms: paint['first-contentful-paint'] ?? null,
      interactive_ms: window.__bench.interactive,
      dom_content_loaded_ms: nav?.domContentLoadedEventEnd ?? null,
      wasm_loaded_ms: wasm?.responseEnd ?? null,
      longest_task_ms: Math.max(0, ...window.__bench.longtasks.map((t) => t.duration)),
    };
  });
}

// Paste `text`, wait for painted highlights.
async function paste(page, text) {
  return page.evaluate(async (text) => {
    const afterPaint = () => new Promise((ok) => requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => ok(performance.now());
      ch.port2.postMessage(0);
    }));
    const ta = document.querySelector('[data-testid="input"]');
    const status = document.querySelector('[data-testid="status"]');
    const article = () => document.querySelector('[data-testid="article"]');
    const from = window.__bench.longtasks.length;
    const t0 = performance.now();
    performance.mark('paste');
    ta.value = text;
    // What a paste fires (the app analyses a paste at once, typing after a pause).
    ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    // First highlights on screen, then every block of the article in place (the app renders a
    // long article in slices and marks it data-rendering meanwhile).
    const until = (done) => new Promise((ok) => {
      const check = () => (done() ? ok() : requestAnimationFrame(check));
      requestAnimationFrame(check);
    });
    await until(() => {
      const s = document.querySelector('[data-testid="status"]')?.textContent ?? '';
      return s && !s.includes('Analysing') && article()?.querySelector('.hl');
    });
    const tFirst = await afterPaint();
    await until(() => !article()?.hasAttribute('data-rendering'));
    const t1 = await afterPaint();
    performance.mark('painted');
    await new Promise((ok) => setTimeout(ok, 50)); // let the long-task observer report
    const tasks = window.__bench.longtasks.slice(from).filter((t) => t.start >= t0 - 1);
    const s = document.querySelector('[data-testid="status"]')?.textContent ?? status?.textContent ?? '';
    const m = s.match(/analysed in ([\d.,]+) ms/);
    return {
      paste_to_paint_ms: t1 - t0,
      first_highlights_ms: tFirst - t0,
      analysed_ms: m ? Number(m[1].replace(/,/g, '')) : null,
      longest_task_ms: Math.max(0, ...tasks.map((t) => t.duration)),
      long_tasks: tasks.length,
      highlights: article().querySelectorAll('.hl').length,
      status: s,
    };
  }, text);
}

async function toggle(page) {
  return page.evaluate(async () => {
    const btn = document.querySelector('[data-testid="toggle-PER"]');
    const from = window.__bench.longtasks.length;
    // When the article's class changes (the render has reached the DOM), force style and layout
    // at once, to split the time into render (script) / style+layout / the rest up to the paint.
    const article = document.querySelector('[data-testid="article"]');
    let script = null;
    let layout = null;
    const mo = new MutationObserver(() => {
      if (script !== null) return;
      script = performance.now();
      void document.body.offsetHeight;
      layout = performance.now();
    });
    mo.observe(article, { attributes: true, attributeFilter: ['class'] });
    const t0 = performance.now();
    btn.click();
    const t1 = await new Promise((ok) => requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => ok(performance.now());
      ch.port2.postMessage(0);
    }));
    mo.disconnect();
    await new Promise((ok) => setTimeout(ok, 50));
    const tasks = window.__bench.longtasks.slice(from);
    script ??= t1;
    layout ??= t1;
    return {
      toggle_ms: t1 - t0,
      script_ms: script - t0,
      style_layout_ms: layout - script,
      paint_ms: t1 - layout,
      pressed: btn.getAttribute('aria-pressed'),
      longest_task_ms: Math.max(0, ...tasks.map((t) => t.duration)),
    };
  });
}

const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  return v.length ? v[Math.floor(v.length / 2)] : null;
};
const summarise = (samples) => {
  const out = {};
  for (const k of Object.keys(samples[0])) {
    if (typeof samples[0][k] === 'number') out[k] = { median: median(samples.map((s) => s[k])), all: samples.map((s) => s[k]) };
  }
  return out;
};

const results = { runs, chromium: browser.version(), load: {}, paste: {}, toggle: {} };
try {
  const load = [];
  for (let i = 0; i < runs; i++) {
    const { context, page } = await freshPage();
    load.push(await loadTimings(page));
    await context.close();
  }
  results.load = summarise(load);
  const runs100k = Number(process.env.BENCH_PAGE_RUNS_100K ?? runs);
  results.runs_100k = runs100k;
  const only = process.env.BENCH_PAGE_ONLY?.split(',');
  for (const [name, file] of [['1k', 'article-1k.txt'], ['10k', 'article-10k.txt'], ['35k', 'article-35k.txt'], ['100k', 'article-100k.txt']]) {
    if (only && !only.includes(name)) continue;
    const text = corpus(file);
    const pastes = [];
    const toggles = [];
    for (let i = 0; i < (name === '100k' ? runs100k : runs); i++) {
      const { context, page } = await freshPage();
      pastes.push(await paste(page, text));
      if (name === '10k' || name === '35k') {
        const off = await toggle(page);
        const on = await toggle(page);
        toggles.push({ ...off, toggle_back_ms: on.toggle_ms, highlights: pastes.at(-1).highlights });
      }
      await context.close();
    }
    results.paste[name] = { ...summarise(pastes), status: pastes.at(-1).status };
    if (toggles.length) results.toggle[name] = summarise(toggles);
  }
} finally {
  await browser.close();
  server.kill();
}

const f = (x) => (x === null || x === undefined ? '—' : x.toFixed(1));
console.log(`Page timings, release build, Chromium ${results.chromium}; medians of ${runs} fresh loads (ms):`);
const l = results.load;
console.log(`  load: first-paint ${f(l.first_paint_ms.median)}, FCP ${f(l.first_contentful_paint_ms.median)}, interactive (editor rendered) ${f(l.interactive_ms.median)}, wasm loaded ${f(l.wasm_loaded_ms.median)}, longest task ${f(l.longest_task_ms.median)}`);
for (const [name, p] of Object.entries(results.paste)) {
  console.log(`  paste ${name.padEnd(4)}: paste→painted ${f(p.paste_to_paint_ms.median)} (all ${p.paste_to_paint_ms.all.map(f).join(', ')}), first highlights ${f(p.first_highlights_ms.median)}, app's analysis ${f(p.analysed_ms?.median)}, longest task ${f(p.longest_task_ms.median)}, long tasks ${p.long_tasks.median}, highlights ${p.highlights.median}  [${p.status}]`);
}
for (const [name, t] of Object.entries(results.toggle)) {
  console.log(`  toggle PER on ${name} (${t.highlights.median} highlights): hide ${f(t.toggle_ms.median)} (all ${t.toggle_ms.all.map(f).join(', ')}) = script ${f(t.script_ms.median)} + style/layout ${f(t.style_layout_ms.median)} + to paint ${f(t.paint_ms.median)}; show again ${f(t.toggle_back_ms.median)}, longest task ${f(t.longest_task_ms.median)}`);
}
mkdirSync(join(root, 'target/bench-results'), { recursive: true });
const out = `target/bench-results/page${process.env.BENCH_PAGE_ONLY ? '-' + process.env.BENCH_PAGE_ONLY.replace(/,/g, '-') : ''}.json`;
writeFileSync(join(root, out), JSON.stringify(results, null, 2) + '\n');
console.log('wrote ' + out);
