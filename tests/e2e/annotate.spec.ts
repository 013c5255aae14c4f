// End-to-end: the release build served from /marginalia/, driven as a person would.
import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cliBinary, ROOT } from './helpers';

const ARTICLE = readFileSync(
  resolve(ROOT, 'crates/marginalia-core/tests/fixtures/spotify-deal.txt'),
  'utf8',
);

/** What `marginalia annotate -` prints for `text`. */
function cliExport(text: string): string {
  return execFileSync(cliBinary(), ['annotate', '-'], { input: text }).toString('utf8');
}

/** Every request the page makes, to check that nothing leaves for another host or path. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

function expectOnlyOwnFiles(urls: string[], baseURL: string | undefined) {
  expect(urls.length).toBeGreaterThan(0);
  for (const url of urls) {
    expect(url.startsWith(baseURL ?? 'never'), `unexpected request: ${url}`).toBe(true);
  }
}

async function pasteArticle(page: Page, text: string) {
  await page.goto('');
  const input = page.getByTestId('input');
  await expect(input).toBeVisible();
  await input.fill(text);
  await expect(page.locator('[data-testid="article"] .hl').first()).toBeVisible();
}

/** Distinct highlight ids per label in the article view. */
async function highlightIdsByLabel(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const ids: Record<string, Set<string>> = {};
    document.querySelectorAll<HTMLElement>('[data-testid="article"] .hl').forEach((el) => {
      const label = el.dataset.label ?? '?';
      (ids[label] ??= new Set()).add(el.dataset.id ?? '');
    });
    return Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, v.size]));
  });
}

test('paste an article and see highlights, counts and tooltips', async ({ page, baseURL }) => {
  const requests = recordRequests(page);
  await pasteArticle(page, ARTICLE);
  const article = page.getByTestId('article');

  const hl = (label: string, text: string) =>
    article.locator(`.hl[data-label="${label}"]`, { hasText: text }).first();
  await expect(hl('ORG', 'Spotify')).toBeVisible();
  await expect(hl('PER', 'Daniel Ek')).toBeVisible();
  await expect(hl('PER', 'Ed Newton-Rex')).toBeVisible();
  await expect(hl('LOC', 'London')).toBeVisible();
  await expect(hl('MONEY', '$6bn')).toBeVisible();
  await expect(hl('MONEY', '£4,500')).toBeVisible();
  await expect(hl('PERCENT', '99.6%')).toBeVisible();
  await expect(hl('CARDINAL', '86m')).toBeVisible();
  await expect(hl('DATE', '18 March')).toBeVisible();
  await expect(hl('DATE', '1979')).toBeVisible();
  await expect(hl('ORDINAL', '11th')).toBeVisible();
  await expect(hl('QUOTE', 'We are committed to paying artists fairly')).toBeVisible();
  // Ordinary sentence-initial words are not highlighted.
  await expect(article.locator('.hl', { hasText: /^Observers$/ })).toHaveCount(0);
  await expect(article.locator('.hl', { hasText: /^Critics$/ })).toHaveCount(0);

  // Legend counts equal the highlights shown, per label.
  const shown = await highlightIdsByLabel(page);
  for (const [label, n] of Object.entries(shown)) {
    await expect(page.getByTestId(`count-${label}`)).toHaveText(String(n));
  }

  // Focus shows what a highlight is, to screen readers too.
  const money = hl('MONEY', '$6bn');
  await money.focus();
  await expect(money).toHaveAttribute('aria-label', /Money/);
  const quote = hl('QUOTE', 'We are committed');
  await expect(quote).toHaveAttribute('aria-label', /Daniel Ek/);

  // One shared tooltip shows what the highlight under the pointer is (the innermost one),
  // above it, and goes when the pointer leaves the article.
  const tip = page.locator('.tip');
  await hl('PER', 'Daniel Ek').hover();
  await expect(tip).toBeVisible();
  await expect(tip).toHaveText('Person');
  const [tipBox, nameBox] = [await tip.boundingBox(), await hl('PER', 'Daniel Ek').boundingBox()];
  expect(tipBox!.y + tipBox!.height).toBeLessThanOrEqual(nameBox!.y + 1);
  await hl('MONEY', '£4,500').hover();
  await expect(tip).toHaveText(/^Money: 4,500 GBP/);
  await page.getByTestId('input').hover();
  await expect(tip).toBeHidden();
  await expect(page.locator('.tip')).toHaveCount(1);

  await page.screenshot({ path: 'test-results/e2e-desktop.png', fullPage: true });
  expectOnlyOwnFiles(requests, baseURL);
});

test('typing re-annotates without a reload', async ({ page }) => {
  await pasteArticle(page, 'The service has 86m users.');
  const input = page.getByTestId('input');
  await input.press('End');
  await input.pressSequentially(' Angela Merkel visited Berlin.', { delay: 10 });
  await expect(page.locator('.hl[data-label="LOC"]', { hasText: 'Berlin' })).toBeVisible();
});

test('toggling a label hides its highlights and keeps the text', async ({ page }) => {
  await pasteArticle(page, ARTICLE);
  const person = page.locator('[data-testid="article"] .hl[data-label="PER"]').first();
  const styleOf = () =>
    person.evaluate((el) => {
      const s = getComputedStyle(el);
      return `${s.backgroundColor}|${s.textDecorationLine}|${s.borderBottomStyle}`;
    });
  const before = await styleOf();
  const toggle = page.getByTestId('toggle-PER');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(styleOf).not.toBe(before);
  await expect(page.getByTestId('article')).toContainText('Daniel Ek');
  await toggle.press('Enter');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(styleOf).toBe(before);
});

test('export downloads exactly what the CLI prints; copy gives the same', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await pasteArticle(page, ARTICLE);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-json').click(),
  ]);
  expect(download.suggestedFilename()).toBe(
    'spotify-signs-6bn-licensing-deal-as-ai-music-row-deepens.marginalia.json',
  );
  const exported = readFileSync((await download.path())!, 'utf8');
  expect(exported).toBe(cliExport(ARTICLE));

  const doc = JSON.parse(exported);
  expect(doc.schema).toBe('marginalia/annotations@1');
  expect(doc.document.text).toBe(ARTICLE);
  const codePoints = Array.from(ARTICLE);
  expect(doc.document.length.chars).toBe(codePoints.length);
  expect(doc.document.length.utf16).toBe(ARTICLE.length);
  const layers = new Set<string>();
  for (const a of doc.annotations) {
    layers.add(a.layer);
    expect(codePoints.slice(a.start, a.end).join('')).toBe(a.text);
    expect(ARTICLE.slice(a.utf16[0], a.utf16[1])).toBe(a.text);
  }
  expect([...layers].sort()).toEqual(['entity', 'number', 'quote']);

  await page.getByTestId('copy-json').click();
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toBe(exported);
});

test('clicking a listed entity scrolls to it in the text', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 600 });
  await pasteArticle(page, ARTICLE);
  const item = page.getByTestId('entity-list').getByText('Anna’s Archive').first();
  await item.click();
  const target = page.locator('[data-testid="article"] .hl', { hasText: 'Anna’s Archive' }).first();
  await expect(target).toBeInViewport();
  const quoteItem = page.getByTestId('quote-list').getByText('no clear consensus').first();
  await expect(quoteItem).toBeVisible();
});

test('a .txt file loads into the editor and is annotated', async ({ page }) => {
  await page.goto('');
  await page.getByTestId('file-input').setInputFiles({
    name: 'article.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Emmanuel Macron met Olaf Scholz in Paris on 3 May 2024.\n'),
  });
  await expect(page.getByTestId('input')).toHaveValue(/Emmanuel Macron/);
  await expect(page.locator('.hl[data-label="LOC"]', { hasText: 'Paris' })).toBeVisible();
});

test('pasted HTML is shown as text and never runs', async ({ page }) => {
  const hostile =
    '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> Mr Smith said “hi there”.';
  await pasteArticle(page, hostile);
  const article = page.getByTestId('article');
  await expect(article).toContainText('<script>window.__pwned = 1</script>');
  await expect(article.locator('img, script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
});

test('a phone-width screen shows everything without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await pasteArticle(page, ARTICLE);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByTestId('entity-list')).toBeAttached();
  await page.screenshot({ path: 'test-results/e2e-phone.png', fullPage: true });
});

test('dark theme follows the system setting', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 1280, height: 900 });
  await pasteArticle(page, ARTICLE);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = background.match(/\d+/g)!.map(Number);
  expect(r + g + b).toBeLessThan(150);
  await page.screenshot({ path: 'test-results/screenshot-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByTestId('article').locator('.hl[data-label="MONEY"]').first().hover();
  await page.screenshot({ path: 'test-results/screenshot-light.png' });
});

test('arrow keys move between highlights and show what each is', async ({ page }) => {
  await pasteArticle(page, 'Angela Merkel paid $5m in Berlin.');
  const article = page.getByTestId('article');
  await article.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.hl:focus')).toHaveText('Angela Merkel');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.hl:focus')).toHaveText('$5m');
  await expect(page.locator('.hl:focus')).toHaveAttribute('aria-label', /Money: 5,000,000 USD/);
  // The focused highlight's tooltip shows for keyboard users too.
  await expect(page.locator('.tip')).toHaveText('Money: 5,000,000 USD');
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('.hl:focus')).toHaveText('Angela Merkel');
  // Hidden labels are skipped.
  await page.getByTestId('toggle-MONEY').click();
  await article.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.hl:focus')).toHaveText('Berlin');
});

test('a file that is not text gets a clear message and the work stays', async ({ page }) => {
  await pasteArticle(page, 'Spotify paid $6bn.');
  await page.getByTestId('file-input').setInputFiles({
    name: 'photo.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00, 0xfe]),
  });
  await expect(page.getByTestId('notice')).toContainText('not valid UTF-8');
  await expect(page.getByTestId('input')).toHaveValue('Spotify paid $6bn.');
  await expect(page.locator('.hl[data-label="MONEY"]')).toHaveText('$6bn');
});

test('an .html file is opened as its readable text', async ({ page }) => {
  await page.goto('');
  await page.getByTestId('file-input').setInputFiles({
    name: 'story.html',
    mimeType: 'text/html',
    buffer: Buffer.from(
      '<html><head><title>x</title><script>alert(1)</script></head><body><p>Olaf Scholz met Emmanuel Macron in Paris.</p><p>They spent &euro;5m.</p></body></html>',
    ),
  });
  await expect(page.getByTestId('input')).toHaveValue(/^Olaf Scholz met Emmanuel Macron in Paris\.\n\nThey spent €5m\.$/);
  await expect(page.locator('.hl[data-label="MONEY"]')).toHaveText('€5m');
});

test('a long report: the text box folds away, the article fills in block by block, lists are cut', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('');
  // About 260 KB: distinct names in every copy, so the name list is long.
  const parts: string[] = [];
  for (let i = 0; parts.join('').length < 260_000; i++) {
    parts.push(`Minister Alex Kovac${i} met Dana Brightwater${i} in Springfield. ` + ARTICLE + '\n\n');
  }
  const long = parts.join('');
  await page.getByTestId('input').evaluate((el, text) => {
    const area = el as HTMLTextAreaElement;
    area.value = text;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, long);
  const article = page.getByTestId('article');
  await expect(page.getByTestId('status')).toContainText(/highlights in/, { timeout: 60_000 });
  // The first blocks are in (the renderer marks the article data-rendering until all are), then
  // every block: the article shows the whole text, once, in blocks.
  await expect(article.locator('.hl').first()).toBeVisible();
  await expect(article).not.toHaveAttribute('data-rendering', /.*/, { timeout: 60_000 });
  const blocks = await article.locator(':scope > .blk').count();
  expect(blocks).toBeGreaterThan(50);
  expect(await article.evaluate((el) => el.textContent)).toBe(long);
  // The text box folds away (laying it out costs more than the analysis); it comes back on
  // request with the text intact.
  await expect(page.getByTestId('editor-folded')).toBeVisible();
  await expect(page.getByTestId('input')).toBeHidden();
  await page.getByTestId('edit-text').click();
  await expect(page.getByTestId('input')).toBeVisible();
  await expect(page.getByTestId('input')).toHaveValue(long);
  // Long lists show their first 150 entries and a button for the rest.
  const names = page.getByTestId('entity-list').locator('li');
  await expect(names).toHaveCount(150);
  const showAll = page.getByTestId('entity-list').getByRole('button', { name: /^Show all [\d,]+ names$/ });
  await showAll.click();
  expect(await names.count()).toBeGreaterThan(150);
  await expect(showAll).toHaveCount(0);
  // A highlight at the end of the text is there, and the tooltip works on it.
  const last = article.locator('.hl[data-label="PER"]').last();
  await last.scrollIntoViewIfNeeded();
  await last.hover();
  await expect(page.locator('.tip')).toHaveText('Person');
});
