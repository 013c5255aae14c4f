// End-to-end: nothing is lost. Work is saved in the browser and restored after a reload; several
// documents are kept side by side; storage that fails says so and keeps the work in the page.
import { test, expect, type Page } from '@playwright/test';

async function paste(page: Page, text: string) {
  await page.getByTestId('input').fill(text);
  await expect(page.locator('[data-testid="article"] .hl').first()).toBeVisible();
}

test('a reload restores the text, corrections, undo history and scroll position', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 500 });
  await page.goto('');
  const long = 'Angela Merkel visited Berlin on 3 May.\n\n'.repeat(60) + 'Olaf Scholz paid $5m.';
  await paste(page, long);
  // A correction: delete the first Berlin.
  await page.locator('.hl[data-label="LOC"]').first().click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('count-LOC')).toHaveText('59');
  await page.evaluate(() => window.scrollTo(0, 1500));
  await page.waitForTimeout(700); // the debounced save
  await page.reload();
  await expect(page.getByTestId('input')).toHaveValue(long);
  await expect(page.getByTestId('count-LOC')).toHaveText('59');
  await expect.poll(() => page.evaluate(() => Math.round(window.scrollY))).toBeGreaterThan(1000);
  // The undo history came back too.
  await expect(page.getByTestId('undo')).toBeEnabled();
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('count-LOC')).toHaveText('60');
});

test('several documents: list, open, search, rename, delete with undo', async ({ page }) => {
  await page.goto('');
  await paste(page, 'Spotify signs deal\n\nSpotify paid $6bn.');
  await page.getByTestId('toggle-documents').click();
  const docs = page.getByTestId('documents');
  await expect(docs.getByTestId('doc-open')).toHaveText(['Spotify signs deal']);
  await docs.getByTestId('new-document').click();
  await expect(page.getByTestId('input')).toHaveValue('');
  await paste(page, 'Bank holds rates\n\nThe Bank of England held rates at 5.25%.');
  await expect(docs.getByTestId('doc-open')).toHaveText(['Bank holds rates', 'Spotify signs deal']);
  await expect(docs).toContainText('words');

  // Open the first one again.
  await docs.getByTestId('doc-open').filter({ hasText: 'Spotify' }).click();
  await expect(page.getByTestId('input')).toHaveValue(/Spotify paid/);
  await expect(page.locator('.hl[data-label="MONEY"]')).toHaveText('$6bn');

  // Search and rename.
  await docs.getByTestId('doc-search').fill('bank');
  await expect(docs.getByTestId('doc-open')).toHaveText(['Bank holds rates']);
  await docs.getByTestId('doc-rename').click();
  await docs.getByTestId('rename-input').fill('Rates story');
  await docs.getByTestId('rename-input').press('Enter');
  await docs.getByTestId('doc-search').fill('');
  await expect(docs.getByTestId('doc-open')).toHaveText(['Rates story', 'Spotify signs deal']);

  // Delete, then undo from the message bar; everything survives a reload.
  await docs.getByTestId('doc-delete').first().click();
  await expect(docs.getByTestId('doc-open')).toHaveText(['Spotify signs deal']);
  await page.getByTestId('notice-action').click();
  await expect(docs.getByTestId('doc-open')).toHaveText(['Rates story', 'Spotify signs deal']);
  await page.waitForTimeout(700);
  await page.reload();
  await page.getByTestId('toggle-documents').click();
  await expect(page.getByTestId('documents').getByTestId('doc-open')).toHaveText([
    'Rates story',
    'Spotify signs deal',
  ]);
  await page.getByTestId('documents').getByTestId('doc-open').filter({ hasText: 'Rates' }).click();
  await expect(page.getByTestId('input')).toHaveValue(/5\.25%/);
});

test('storage that is full says so and the work stays in the page', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('quota', 'QuotaExceededError');
    };
  });
  await page.goto('');
  await paste(page, 'Emmanuel Macron met Olaf Scholz in Paris.');
  await expect(page.getByTestId('notice')).toContainText('storage for Marginalia is full');
  await expect(page.locator('.hl[data-label="LOC"]')).toHaveText('Paris');
  await expect(page.getByTestId('input')).toHaveValue(/Emmanuel Macron/);
});

test('200 articles of 2,000 words are kept, listed, searched and restored', async ({ page }) => {
  test.setTimeout(180_000);
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { join, resolve } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-200-'));
  const sentences = [
    'The Bank of England held rates at 5.25% on Thursday, its governor Andrew Bailey said.',
    '“We are not there yet,” Jerome Powell told reporters in Washington.',
    'Spotify paid $6bn to Universal Music Group, according to people familiar with the deal.',
    'About 1.4 million households will remortgage this year, the Resolution Foundation estimates.',
    'The 11th debate since 1979 drew two hundred people to the gallery in London.',
  ];
  const files: string[] = [];
  for (let i = 0; i < 200; i++) {
    const words: string[] = [];
    let count = 0;
    for (let j = 0; count < 2000; j++) {
      const s = sentences[(i + j) % sentences.length];
      words.push(s);
      count += s.split(/\s+/).length;
    }
    const file = join(dir, `report-${i + 1}.txt`);
    writeFileSync(file, `Report ${i + 1}: markets and music\n\n${words.join(' ')}`);
    files.push(file);
  }
  const bin = process.env.MARGINALIA_BIN ?? resolve(__dirname, '..', '..', 'target/debug/marginalia');
  const jsonl = execFileSync(bin, ['annotate', '--jsonl', ...files], { maxBuffer: 1 << 30 });

  await page.goto('');
  await page.getByTestId('transfer-menu').click();
  await page.getByTestId('import-input').setInputFiles({
    name: 'reports.jsonl',
    mimeType: 'application/json',
    buffer: jsonl,
  });
  await expect(page.getByTestId('notice')).toContainText('Imported 200 documents', { timeout: 120_000 });
  await page.getByTestId('toggle-documents').click();
  const docs = page.getByTestId('documents');
  await expect(docs.getByTestId('doc-open')).toHaveCount(200);
  await docs.getByTestId('doc-search').fill('report 137:');
  await expect(docs.getByTestId('doc-open')).toHaveText(['Report 137: markets and music']);
  await docs.getByTestId('doc-open').click();
  await expect(page.getByTestId('input')).toHaveValue(/^Report 137: markets and music/);
  await expect(page.locator('.hl[data-label="MONEY"]').first()).toBeVisible();
  await page.waitForTimeout(600);
  await page.reload();
  await expect(page.getByTestId('input')).toHaveValue(/^Report 137: markets and music/);
  await page.getByTestId('toggle-documents').click();
  await expect(page.getByTestId('documents').getByTestId('doc-open')).toHaveCount(200);
  const used = await page.evaluate(() => {
    let n = 0;
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i)!;
      n += k.length + (localStorage.getItem(k) ?? '').length;
    }
    return n;
  });
  console.log(`200 documents of 2,000 words use ${used} characters of storage`);
});
