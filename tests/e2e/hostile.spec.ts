// End-to-end: hostile and odd input never breaks the page. Each case gets sensible output or a
// clear message, the page stays responsive, and pasted markup is shown as text, never run.
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const ARTICLE = readFileSync(
  resolve(ROOT, 'crates/marginalia-core/tests/fixtures/spotify-deal.txt'),
  'utf8',
);

/** Collects uncaught page errors and console errors (a panic logs one). */
function watchErrors(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

async function open(page: Page) {
  await page.goto('');
  await expect(page.getByTestId('input')).toBeVisible();
}

/** Puts `text` in the editor at once, as a paste does (no typing). */
async function setText(page: Page, text: string) {
  await page.getByTestId('input').evaluate((el, text) => {
    const area = el as HTMLTextAreaElement;
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

/** The page answers a script and a click within `ms`. */
async function expectResponsive(page: Page, ms = 2000) {
  const t0 = Date.now();
  expect(await page.evaluate(() => 1 + 1)).toBe(2);
  await page.getByTestId('toggle-PER').click({ timeout: ms });
  await page.getByTestId('toggle-PER').click({ timeout: ms });
  expect(Date.now() - t0).toBeLessThan(ms * 2);
}

async function expectNoFatal(page: Page, errors: string[]) {
  await expect(page.locator('.fatal')).toHaveCount(0);
  expect(errors.filter((e) => /panic|RuntimeError|unreachable/i.test(e))).toEqual([]);
}

test('pasted HTML, <script> and <img onerror> are shown as text and never run', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await open(page);
  const hostile = [
    '<script>window.__pwned = 1</script>',
    '<img src=x onerror="window.__pwned = 2">',
    '<svg onload="window.__pwned = 3"></svg>',
    '<iframe src="javascript:parent.__pwned = 4"></iframe>',
    '<a href="javascript:window.__pwned = 5">Acme Ltd</a>',
    '<style>body { display: none }</style>',
    '"><img src=x onerror=window.__pwned=6>',
    '&lt;b&gt;not bold&lt;/b&gt; Mr Ed Smith said “hi there” in London on 3 May.',
  ].join('\n');
  await setText(page, hostile);
  const article = page.getByTestId('article');
  await expect(article.locator('.hl').first()).toBeVisible();
  await expect(article).toContainText('<script>window.__pwned = 1</script>');
  await expect(article).toContainText('<img src=x onerror="window.__pwned = 2">');
  await expect(article).toContainText('&lt;b&gt;not bold&lt;/b&gt;');
  await expect(article.locator('img, script, svg, iframe, a, style, b')).toHaveCount(0);
  await expect(page.locator('body')).toBeVisible();
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
  await expect(article.locator('.hl[data-label="LOC"]', { hasText: 'London' })).toBeVisible();
  await expectNoFatal(page, errors);
});

test('an HTML file is read as text: its scripts never run', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page);
  await page.getByTestId('file-input').setInputFiles({
    name: 'story.html',
    mimeType: 'text/html',
    buffer: Buffer.from(
      '<html><body><script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">' +
        '<p>Angela Merkel visited Berlin on 3 May.</p></body></html>',
    ),
  });
  await expect(page.locator('.hl[data-label="LOC"]', { hasText: 'Berlin' })).toBeVisible();
  await expect(page.getByTestId('article').locator('img, script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
  await expectNoFatal(page, errors);
});

// Long texts are analysed in the worker and shown block by block (src/article_render.rs), so the
// page answers input all along.
test('5 MB of text: the page stays responsive and shows highlights or a clear message', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await open(page);
  const big = (ARTICLE + '\n\n').repeat(Math.ceil((5 * 1024 * 1024) / (ARTICLE.length + 2)));
  expect(big.length).toBeGreaterThanOrEqual(5 * 1024 * 1024);
  await setText(page, big);
  // Either the highlights with their count, or a message about the size.
  await expect(
    page.getByTestId('status').filter({ hasText: /highlights in/ }).or(page.getByTestId('notice')),
  ).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId('input')).toHaveValue(big);
  await expectResponsive(page, 10_000);
  await expectNoFatal(page, errors);
});

test('a single 1 MB line: highlights, no freeze', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await open(page);
  const sentence = 'Angela Merkel paid $5m in Berlin, said “Acme Ltd”, up 12% on 3 May 2024. ';
  const line = sentence.repeat(Math.ceil((1024 * 1024) / sentence.length));
  expect(line).not.toContain('\n');
  await setText(page, line);
  await expect(page.getByTestId('status')).toContainText(/highlights in/, { timeout: 150_000 });
  await expect(page.locator('.hl[data-label="LOC"]').first()).toHaveText('Berlin');
  await expectResponsive(page, 10_000);
  await expectNoFatal(page, errors);
});

test('a single 64 KB line and 64 KB of paragraphs: highlights, no freeze', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await open(page);
  const sentence = 'Angela Merkel paid $5m in Berlin, said “Acme Ltd”, up 12% on 3 May 2024. ';
  const line = sentence.repeat(Math.ceil((64 * 1024) / sentence.length));
  await setText(page, line);
  await expect(page.getByTestId('status')).toContainText(/highlights in/, { timeout: 60_000 });
  await expect(page.locator('.hl[data-label="LOC"]').first()).toHaveText('Berlin');
  await expectResponsive(page, 5000);
  const paragraphs = (ARTICLE + '\n\n').repeat(Math.ceil((64 * 1024) / (ARTICLE.length + 2)));
  await setText(page, paragraphs);
  await expect(page.getByTestId('status')).toContainText(/highlights in/, { timeout: 60_000 });
  await expect(page.locator('.hl[data-label="PER"]', { hasText: 'Daniel Ek' }).first()).toBeVisible();
  await expectResponsive(page, 5000);
  await expectNoFatal(page, errors);
});

test('binary garbage in a .txt file gives a clear message, not a crash', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page);
  await setText(page, 'Kept: Angela Merkel in Berlin.');
  await expect(page.locator('.hl[data-label="LOC"]')).toHaveText('Berlin');
  const garbage = Buffer.alloc(4096);
  let seed = 12345;
  for (let i = 0; i < garbage.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    garbage[i] = seed >> 16;
  }
  garbage[10] = 0xff; // never valid UTF-8
  garbage[11] = 0xfe;
  await page.getByTestId('file-input').setInputFiles({
    name: 'article.txt',
    mimeType: 'text/plain',
    buffer: garbage,
  });
  const notice = page.getByTestId('notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(/Not opened/);
  await expect(notice).toContainText(/UTF-8|text/i);
  // The text already there is kept.
  await expect(page.getByTestId('input')).toHaveValue('Kept: Angela Merkel in Berlin.');
  await expectNoFatal(page, errors);
});

test('pasted binary garbage (control characters, lone surrogates) is handled', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await open(page);
  let s = '';
  let seed = 7;
  for (let i = 0; i < 20000; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    s += String.fromCharCode(seed % 0x10000); // includes lone surrogates, NUL, controls
  }
  s += ' Angela Merkel visited Berlin on 3 May.';
  await setText(page, s);
  await expect(page.getByTestId('status')).toContainText(/highlights in|Analysing/, {
    timeout: 30_000,
  });
  await expect(page.locator('.hl[data-label="LOC"]', { hasText: 'Berlin' })).toBeVisible();
  await expectResponsive(page);
  await expectNoFatal(page, errors);
});

test('right-to-left text: Arabic and Hebrew with numbers', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page);
  const rtl =
    'قال الرئيس إن الميزانية ارتفعت بنسبة 12% إلى 5,000,000 دولار في عام 2024.\n' +
    'הממשלה הודיעה כי 3,500 עובדים יקבלו 15% תוספת בשנת 2025.\n' +
    '«هذا يوم تاريخي» قال المتحدث.\n' +
    'Mixed: ‏Angela Merkel‏ visited ‏القدس‏ on 3 May 2024, paying $6bn.';
  await setText(page, rtl);
  const article = page.getByTestId('article');
  await expect(page.getByTestId('status')).toContainText(/highlights in/);
  await expect(article).toContainText('قال الرئيس');
  await expect(article).toContainText('הממשלה הודיעה');
  // Numbers written with Western digits are highlighted inside right-to-left sentences too.
  await expect(article.locator('.hl[data-label="PERCENT"]', { hasText: '12%' })).toBeVisible();
  await expect(article.locator('.hl[data-label="PERCENT"]', { hasText: '15%' })).toBeVisible();
  await expect(article.locator('.hl[data-label="MONEY"]', { hasText: '$6bn' })).toBeVisible();
  // Highlights keep the text intact: the article reads exactly as pasted.
  const shown = await article.evaluate((el) => el.textContent ?? '');
  for (const line of rtl.split('\n')) expect(shown).toContain(line.slice(0, 20));
  await expectNoFatal(page, errors);
});

test('text that is only quotes', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page);
  const quotes = '“”‘’"\'«»„‚‹›「」『』'.repeat(500) + '\n' + '""""""""'.repeat(200) + '\n“\n”\n““““';
  await setText(page, quotes);
  await expect(page.getByTestId('status')).toContainText(/highlights in/);
  await expect(page.getByTestId('article')).toContainText('“”‘’');
  await expectResponsive(page);
  await expectNoFatal(page, errors);
});

test('text that is only numbers', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page);
  const numbers = Array.from({ length: 3000 }, (_, i) => String(i * 7919)).join(' ') +
    '\n1,2,3,4,5 1.2.3.4 99999999999999999999999999999999 -0 +1 1e308 1e309 ½ ٣٤٥ 12%%% $$$1';
  await setText(page, numbers);
  await expect(page.getByTestId('status')).toContainText(/highlights in/);
  await expect(page.locator('[data-testid="article"] .hl').first()).toBeVisible();
  await expectResponsive(page);
  await expectNoFatal(page, errors);
});

test('an empty paste (and whitespace only) leaves a calm, empty page', async ({ page }) => {
  const errors = watchErrors(page);
  await open(page);
  await setText(page, 'Angela Merkel visited Berlin.');
  await expect(page.locator('.hl[data-label="LOC"]')).toHaveText('Berlin');
  await setText(page, '');
  await expect(page.locator('[data-testid="article"] .hl')).toHaveCount(0);
  await expect(page.getByTestId('status')).not.toContainText(/highlights in/);
  await setText(page, ' \n\t\n   \u00a0\u2028');
  await expect(page.locator('[data-testid="article"] .hl')).toHaveCount(0);
  await page.getByTestId('input').focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('input')).toHaveValue('');
  // An empty export is still a valid document.
  const exportButton = page.getByTestId('export-json');
  if (await exportButton.isEnabled()) {
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    const doc = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(doc.annotations).toEqual([]);
  }
  await expectResponsive(page);
  await expectNoFatal(page, errors);
});
