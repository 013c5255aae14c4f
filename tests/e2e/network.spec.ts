// End-to-end: nothing leaves the browser. Every request the page makes is recorded while a
// person loads the page, pastes, corrects, exports, toggles and reloads; the only requests
// allowed are the page's own static files while it loads, and blob:/data: URLs (downloads).
// The page's Content-Security-Policy is checked (`connect-src 'none'`: the wasm is inlined in
// marginalia-wasm.js, so the page needs no connection at all), and shown to refuse every kind
// of connection, to another origin and to the page's own.
import { test, expect, type Page, type Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { select } from './helpers';

const ROOT = resolve(__dirname, '..', '..');
const ARTICLE = readFileSync(
  resolve(ROOT, 'crates/marginalia-core/tests/fixtures/spotify-deal.txt'),
  'utf8',
);

/** The static files of the build, relative to the base URL. */
const STATIC_FILES = new Set([
  '',
  'index.html',
  'main.css',
  'favicon.svg',
  'loader.js',
  'marginalia-web.js',
  'marginalia-wasm.js',
  'worker.js',
]);

interface Logged {
  url: string;
  phase: 'load' | 'use';
  via: 'page' | 'route';
}

/** Records every request, from the page's events and from a context-wide route. */
async function recordAll(page: Page) {
  const log: Logged[] = [];
  const state = { phase: 'load' as Logged['phase'] };
  page.on('request', (r) => log.push({ url: r.url(), phase: state.phase, via: 'page' }));
  await page.context().route('**/*', async (route) => {
    log.push({ url: route.request().url(), phase: state.phase, via: 'route' });
    await route.continue();
  });
  return { log, state };
}

function checkLog(log: Logged[], baseURL: string) {
  expect(log.length).toBeGreaterThan(0);
  for (const { url, phase } of log) {
    if (url.startsWith('blob:') || url.startsWith('data:')) continue;
    expect(phase, `request after the page had loaded: ${url}`).toBe('load');
    expect(url.startsWith(baseURL), `request outside the site: ${url}`).toBe(true);
    const rest = url.slice(baseURL.length).split(/[?#]/)[0];
    expect(STATIC_FILES.has(rest), `request for something other than a static file: ${url}`).toBe(
      true,
    );
  }
}

/** The page is up, and so is its analysis worker (started 2 s after the page, from a blob:
 * script importing worker.js, which clears `self.marginaliaQueue` once its imports have loaded).
 * Their files are the load; nothing may be requested after. */
async function loaded(page: Page) {
  await expect(page.getByTestId('input')).toBeVisible();
  const deadline = Date.now() + 15_000;
  let worker: Worker | undefined;
  while (!worker) {
    expect(Date.now(), 'the analysis worker did not start').toBeLessThan(deadline);
    for (const w of page.workers()) {
      // A worker of the page before a reload is gone; the new one answers once worker.js ran.
      const ready = await w
        .evaluate(() => (self as unknown as { marginaliaQueue: unknown }).marginaliaQueue === null)
        .catch(() => false);
      if (ready) worker = w;
    }
    if (!worker) await page.waitForTimeout(200);
  }
  await page.waitForLoadState('networkidle');
  return worker;
}

test('paste, correct, export, toggle and reload: no request but our own files at load', async ({
  page,
  baseURL,
}) => {
  const { log, state } = await recordAll(page);
  await page.goto('');
  await loaded(page);
  const atLoad = log.filter((l) => l.via === 'page').map((l) => l.url);
  // The wasm comes inside a script (marginalia-wasm.js), not as a fetched .wasm file.
  expect(atLoad.some((u) => u.endsWith('/marginalia-wasm.js'))).toBe(true);
  expect(atLoad.filter((u) => u.endsWith('.wasm'))).toEqual([]);
  state.phase = 'use';

  // Paste.
  const input = page.getByTestId('input');
  await input.fill(ARTICLE);
  const article = page.getByTestId('article');
  await expect(article.locator('.hl').first()).toBeVisible();

  // Correct: select words and label them with a key, then relabel.
  await select(page, 'licensing deal');
  await expect(page.getByTestId('selection-menu')).toBeVisible();
  await page.keyboard.press('o');
  await expect(article.locator('.hl[data-source="manual"]').first()).toBeVisible();
  await page.keyboard.press('m');

  // Type some more.
  await input.press('End');
  await input.pressSequentially(' Angela Merkel visited Berlin.', { delay: 5 });
  await expect(article.locator('.hl[data-label="LOC"]', { hasText: 'Berlin' })).toBeVisible();

  // Export (a blob: download) and copy.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-json').click(),
  ]);
  expect(download.url()).toMatch(/^(blob|data):/);
  const doc = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(doc.annotations.some((a: { source: string }) => a.source === 'manual')).toBe(true);

  // Toggle a layer off and on, and the badges.
  await page.getByTestId('toggle-PER').click();
  await page.getByTestId('toggle-PER').click();
  await page.getByTestId('toggle-badges').click();
  await page.waitForLoadState('networkidle');
  checkLog(log, baseURL!);

  // Reload: the text comes back from this browser's storage; again only our own files.
  state.phase = 'load';
  await page.reload();
  await loaded(page);
  await expect(page.getByTestId('input')).toHaveValue(/Angela Merkel visited Berlin/);
  state.phase = 'use';
  await expect(article.locator('.hl').first()).toBeVisible();
  await page.waitForTimeout(300);
  checkLog(log, baseURL!);
});

test('the page CSP forbids other hosts, inline code and plugins', async ({ page }) => {
  await page.goto('');
  await loaded(page);
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(csp).not.toBeNull();
  const directives = new Map(
    csp!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
  expect(directives.get('default-src')).toEqual(["'none'"]);
  // No connection of any kind, not even to the page's own origin (the single file's policy too).
  expect(csp).toContain("connect-src 'none'");
  expect(directives.get('connect-src')).toEqual(["'none'"]);
  expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  // The analysis worker starts from a blob: script, so the page's policy binds it too.
  expect(directives.get('worker-src')).toEqual(['blob:']);
  expect(directives.get('style-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('base-uri')).toEqual(["'none'"]);
  expect(directives.get('form-action')).toEqual(["'none'"]);
  for (const values of directives.values()) {
    for (const v of values) {
      expect(v, `CSP source allowing too much: ${v}`).not.toMatch(
        /^(\*|https?:|'unsafe-inline'|'unsafe-eval'|'strict-dynamic')/,
      );
    }
  }
  expect(directives.get('font-src')).toBeUndefined();
});

test('every kind of connection, to another origin and to our own, is refused by the CSP', async ({
  page,
  baseURL,
}) => {
  const { log } = await recordAll(page);
  const responses: string[] = [];
  page.on('response', (r) => responses.push(r.url()));
  await page.goto('');
  await loaded(page);
  const own = new URL(baseURL!);
  const targets = {
    remote: { http: 'http://127.0.0.2:9/probe', ws: 'ws://127.0.0.2:9/probe' },
    self: { http: `${own.origin}${own.pathname}probe`, ws: `ws://${own.host}${own.pathname}probe` },
  };
  const result = await page.evaluate(async (targets) => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
    /** 'ok' if the attempt succeeded, 'blocked' if it threw or failed. */
    const attempt = (start: (ok: () => void, fail: () => void) => void) =>
      new Promise<string>((done) => {
        setTimeout(() => done('timeout'), 5000);
        try {
          start(
            () => done('ok'),
            () => done('blocked'),
          );
        } catch {
          done('blocked');
        }
      });
    const outcomes: Record<string, Record<string, string>> = {};
    for (const [where, { http, ws }] of Object.entries(targets)) {
      outcomes[where] = {
        fetch: await fetch(`${http}/fetch`).then(
          () => 'ok',
          () => 'blocked',
        ),
        xhr: await attempt((ok, fail) => {
          const xhr = new XMLHttpRequest();
          xhr.onload = ok;
          xhr.onerror = fail;
          xhr.open('GET', `${http}/xhr`);
          xhr.send();
        }),
        websocket: await attempt((ok, fail) => {
          const socket = new WebSocket(`${ws}/websocket`);
          socket.onopen = ok;
          socket.onerror = fail;
        }),
        eventsource: await attempt((ok, fail) => {
          const source = new EventSource(`${http}/eventsource`);
          source.onopen = ok;
          source.onerror = () => {
            source.close();
            fail();
          };
        }),
        // sendBeacon only says whether it queued the beacon; the violation below proves the refusal.
        beacon: navigator.sendBeacon(`${http}/beacon`, 'x') ? 'queued' : 'blocked',
      };
    }
    // Images from our own origin are allowed (img-src 'self', for the favicon); from others not.
    outcomes.remote.image = await attempt((ok, fail) => {
      const img = new Image();
      img.onload = ok;
      img.onerror = fail;
      img.src = `${targets.remote.http}/image.png`;
    });
    await new Promise((r) => setTimeout(r, 300));
    return { outcomes, violations };
  }, targets);

  for (const where of ['remote', 'self'] as const) {
    const { http, ws } = targets[where];
    const got = result.outcomes[where];
    for (const kind of ['fetch', 'xhr', 'websocket', 'eventsource']) {
      expect(got[kind], `${kind} to ${where}`).toBe('blocked');
    }
    const urls = ['fetch', 'xhr', 'eventsource', 'beacon'].map((k) => `${http}/${k}`);
    for (const url of [...urls, `${ws}/websocket`]) {
      expect(result.violations, `no connect-src violation for ${url}`).toContain(`connect-src ${url}`);
    }
  }
  expect(result.outcomes.remote.image).toBe('blocked');
  expect(result.violations).toContain(`img-src ${targets.remote.http}/image.png`);
  // None of them reached the network: the browser refused them before any connection (the
  // route, which sees every request that goes out, never saw one; none got a response).
  expect(log.filter((l) => l.via === 'route' && l.url.includes('/probe'))).toEqual([]);
  expect(responses.filter((u) => u.includes('/probe'))).toEqual([]);
});

test('a browser that cannot unpack the inlined wasm gets a clear message, and still no request', async ({
  page,
  baseURL,
}) => {
  const { log } = await recordAll(page);
  // As in a browser without DecompressionStream (marginalia-wasm.js needs it to unpack the wasm).
  await page.addInitScript(() => {
    delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;
  });
  await page.goto('');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Marginalia could not start in this browser');
  await expect(alert).toContainText('DecompressionStream');
  await expect(page.getByTestId('input')).toHaveCount(0);
  await page.waitForLoadState('networkidle');
  checkLog(log, baseURL!);
});

test('the analysis worker loads only our own files and cannot connect anywhere', async ({
  page,
  baseURL,
}) => {
  const { log, state } = await recordAll(page);
  await page.goto('');
  // The worker starts with the page, from a blob: script.
  const worker = await loaded(page);
  expect(worker.url()).toMatch(/^blob:/);
  state.phase = 'use';
  // A long text is analysed in the worker.
  const long = (ARTICLE + '\n\n').repeat(Math.ceil((100 * 1024) / ARTICLE.length));
  await page.getByTestId('input').fill(long);
  await expect(page.getByTestId('status')).toContainText(/highlights in/, { timeout: 30_000 });
  await expect(page.getByTestId('article').locator('.hl[data-label="PER"]').first()).toBeVisible();
  // The worker loaded the engine's scripts from the site with the page, and nothing since.
  expect(log.filter((l) => l.phase === 'load' && l.url.endsWith('/worker.js')).length).toBeGreaterThan(0);
  for (const { url } of log.filter((l) => l.phase === 'use')) {
    if (url.startsWith('blob:') || url.startsWith('data:')) continue;
    const rest = url.slice(baseURL!.length).split(/[?#]/)[0];
    expect(url.startsWith(baseURL!), `worker request outside the site: ${url}`).toBe(true);
    expect(['worker.js', 'marginalia-web.js', 'marginalia-wasm.js']).toContain(rest);
  }
  // Inside the worker, the page's CSP refuses every connection.
  const tries = await worker.evaluate(async () => {
    const attempt = async (url: string) => {
      try {
        await fetch(url, { mode: 'no-cors' });
        return 'connected';
      } catch {
        return 'refused';
      }
    };
    return [await attempt(location.origin + '/x'), await attempt('https://example.com/')];
  });
  expect(tries).toEqual(['refused', 'refused']);
});
