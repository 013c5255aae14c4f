// End-to-end: the single self-contained file (dist/marginalia.html, from
// scripts/single-file.mjs) works opened from disk with no server and no network, and the
// served page offers exactly that file for download.
import { test, expect, type Page } from '@playwright/test';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(__dirname, '..', '..');
// The build folder the tests serve (playwright.config.ts): MARGINALIA_DIST, default dist/.
const SINGLE = resolve(ROOT, process.env.MARGINALIA_DIST ?? 'dist', 'marginalia.html');
const ARTICLE = readFileSync(
  resolve(ROOT, 'crates/marginalia-core/tests/fixtures/spotify-deal.txt'),
  'utf8',
);

let dir = '';
let fileUrl = '';

test.beforeAll(() => {
  if (!existsSync(SINGLE)) {
    throw new Error(`${SINGLE} is missing: run \`node scripts/single-file.mjs\` after the build`);
  }
  // Alone in a fresh folder: no sibling file it could quietly depend on.
  dir = mkdtempSync(join(tmpdir(), 'marginalia-offline-'));
  copyFileSync(SINGLE, join(dir, 'marginalia.html'));
  expect(readdirSync(dir)).toEqual(['marginalia.html']);
  fileUrl = pathToFileURL(join(dir, 'marginalia.html')).href;
});

test.afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function record(page: Page) {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

function expectOnlyTheFile(urls: string[]) {
  expect(urls).toContain(fileUrl);
  for (const url of urls) {
    const ok = url === fileUrl || url.startsWith('blob:') || url.startsWith('data:');
    expect(ok, `unexpected request from the offline file: ${url}`).toBe(true);
  }
}

test('opened from disk with no network: paste, see highlights, export; no request', async ({
  page,
  context,
}) => {
  // No network at all: anything that tries to leave fails.
  await context.setOffline(true);
  const urls = record(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });

  await page.goto(fileUrl);
  const input = page.getByTestId('input');
  await expect(input).toBeVisible();
  await input.fill(ARTICLE);
  const article = page.getByTestId('article');
  await expect(article.locator('.hl[data-label="ORG"]', { hasText: 'Spotify' }).first()).toBeVisible();
  await expect(article.locator('.hl[data-label="MONEY"]', { hasText: '$6bn' }).first()).toBeVisible();
  await expect(article.locator('.hl[data-label="QUOTE"]').first()).toBeVisible();
  // Styles are applied (the inlined stylesheet passed the CSP).
  const styled = await article
    .locator('.hl')
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(styled).not.toBe('rgba(0, 0, 0, 0)');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-json').click(),
  ]);
  const doc = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(doc.schema).toBe('marginalia/annotations@1');
  expect(doc.document.text).toBe(ARTICLE);
  expect(doc.annotations.length).toBeGreaterThan(10);

  expectOnlyTheFile(urls);
  // No CSP violation: everything inlined is allowed by its hash.
  expect(errors.filter((e) => /Content Security Policy|Refused/i.test(e))).toEqual([]);
});

test('the offline file forbids every connection, even to itself', async ({ page }) => {
  const urls = record(page);
  await page.goto(fileUrl);
  await expect(page.getByTestId('input')).toBeVisible();
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(csp).toContain("connect-src 'none'");
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("'wasm-unsafe-eval'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toMatch(/https?:/);
  const result = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
    const remote = await fetch('http://127.0.0.2:9/').then(
      () => 'ok',
      () => 'blocked',
    );
    const self = await fetch(location.href).then(
      () => 'ok',
      () => 'blocked',
    );
    // An injected inline script (not in the hash list) does not run.
    const s = document.createElement('script');
    s.textContent = 'window.__injected = 1';
    document.body.append(s);
    await new Promise((r) => setTimeout(r, 100));
    return { remote, self, violations, injected: (window as any).__injected };
  });
  expect(result.remote).toBe('blocked');
  expect(result.self).toBe('blocked');
  expect(result.injected).toBeUndefined();
  expect(result.violations).toContain('connect-src');
  expect(result.violations).toContain('script-src-elem');
  expectOnlyTheFile(urls);
});

test('the served page offers the offline file for download', async ({ page }) => {
  await page.goto('');
  const link = page.getByTestId('offline-download');
  await expect(link).toBeVisible();
  await expect(link).toHaveText(/Download for offline use/);
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe('marginalia.html');
  const got = readFileSync((await download.path())!);
  expect(got.equals(readFileSync(SINGLE))).toBe(true);
});
