// End-to-end: nothing leaves the browser. Every request the page makes is recorded while a
// person loads the page, pastes, corrects, exports, toggles and reloads; the only requests
// allowed are the page's own static files while it loads, and blob:/data: URLs (downloads).
// The page's Content-Security-Policy is checked, and shown to block a connection to another
// origin.
import { test, expect, type Page } from '@playwright/test';
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
  'marginalia-web_bg.wasm',
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

async function loaded(page: Page) {
  await expect(page.getByTestId('input')).toBeVisible();
  await page.waitForLoadState('networkidle');
}

test('paste, correct, export, toggle and reload: no request but our own files at load', async ({
  page,
  baseURL,
}) => {
  const { log, state } = await recordAll(page);
  await page.goto('');
  await loaded(page);
  const atLoad = log.filter((l) => l.via === 'page').map((l) => l.url);
  expect(atLoad.some((u) => u.endsWith('.wasm'))).toBe(true);
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
  // The loader fetches our own .wasm, so connections are limited to the page's own origin.
  expect(directives.get('connect-src')).toEqual(["'self'"]);
  expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
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

test('a connection to another origin is blocked by the CSP', async ({ page }) => {
  const { log } = await recordAll(page);
  const responses: string[] = [];
  page.on('response', (r) => responses.push(r.url()));
  await page.goto('');
  await loaded(page);
  const result = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
    const fetched = await fetch('http://127.0.0.2:9/').then(
      () => 'ok',
      () => 'blocked',
    );
    const image = await new Promise<string>((done) => {
      const img = new Image();
      img.onload = () => done('ok');
      img.onerror = () => done('blocked');
      img.src = 'http://127.0.0.2:9/pixel.png';
    });
    const beacon = navigator.sendBeacon('http://127.0.0.2:9/beacon', 'x');
    await new Promise((r) => setTimeout(r, 200));
    return { fetched, image, beacon, violations };
  });
  expect(result.fetched).toBe('blocked');
  expect(result.image).toBe('blocked');
  expect(result.violations.some((v) => v.startsWith('connect-src http://127.0.0.2:9'))).toBe(true);
  expect(result.violations.some((v) => v.startsWith('img-src http://127.0.0.2:9'))).toBe(true);
  // None of them reached the network: the browser refused them before any connection (the
  // route, which sees every request that goes out, never saw one; none got a response).
  expect(log.filter((l) => l.via === 'route' && l.url.includes('127.0.0.2'))).toEqual([]);
  expect(responses.filter((u) => u.includes('127.0.0.2'))).toEqual([]);
});
