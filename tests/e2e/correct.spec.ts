// End-to-end: correcting highlights with the mouse and the keyboard, undo and redo, and the
// export marking corrections as manual.
import { test, expect, type Page } from '@playwright/test';
import { select } from './helpers';

async function paste(page: Page, text: string) {
  await page.goto('');
  await page.getByTestId('input').fill(text);
  await expect(page.locator('[data-testid="article"] .hl').first()).toBeVisible();
}

async function exported(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-json').click(),
  ]);
  const { readFileSync } = await import('node:fs');
  return JSON.parse(readFileSync((await download.path())!, 'utf8'));
}

test('select words and label them with a key, relabel, delete, undo, redo', async ({ page }) => {
  await paste(page, '😀 The Acme widget costs $5m, said Angela Merkel in Berlin.');
  const article = page.getByTestId('article');

  // Select "Acme widget" and press O: a manual ORG highlight.
  await select(page, 'Acme widget');
  await expect(page.getByTestId('selection-menu')).toBeVisible();
  await page.keyboard.press('o');
  const acme = article.locator('.hl[data-label="ORG"][data-source="manual"]');
  await expect(acme).toHaveText('Acme widget');
  await expect(page.getByTestId('selection-menu')).toHaveCount(0);

  // The new highlight has the focus: M relabels it.
  await expect(page.locator('.hl:focus')).toHaveText('Acme widget');
  await page.keyboard.press('m');
  await expect(article.locator('.hl[data-label="MISC"]')).toHaveText('Acme widget');

  // Delete an automatic highlight with the Delete key.
  await article.locator('.hl[data-label="LOC"]', { hasText: 'Berlin' }).click();
  await expect(page.getByTestId('inspector')).toContainText('Berlin');
  await page.keyboard.press('Delete');
  await expect(article.locator('.hl', { hasText: 'Berlin' })).toHaveCount(0);
  await expect(page.getByTestId('count-LOC')).toHaveText('0');

  // Undo brings Berlin back; redo deletes it again.
  await page.keyboard.press('Control+z');
  await expect(article.locator('.hl[data-label="LOC"]')).toHaveText('Berlin');
  await page.keyboard.press('Control+Shift+z');
  await expect(article.locator('.hl', { hasText: 'Berlin' })).toHaveCount(0);
  await page.getByTestId('undo').click();
  await expect(article.locator('.hl[data-label="LOC"]')).toHaveText('Berlin');
  await page.getByTestId('redo').click();
  await expect(article.locator('.hl', { hasText: 'Berlin' })).toHaveCount(0);

  // Relabel with the menu: $5m becomes a count.
  await article.locator('.hl[data-label="MONEY"]').click();
  await page.getByTestId('inspector').getByTestId('pick-CARDINAL').click();
  await expect(article.locator('.hl[data-label="CARDINAL"]')).toHaveText('$5m');

  const doc = await exported(page);
  const manual = doc.annotations.filter((a: any) => a.source === 'manual');
  expect(manual.map((a: any) => [a.label, a.text])).toEqual([
    ['MISC', 'Acme widget'],
    ['CARDINAL', '$5m'],
  ]);
  expect(doc.annotations.some((a: any) => a.text === 'Berlin')).toBe(false);
  const chars = Array.from(doc.document.text as string);
  for (const a of doc.annotations) {
    expect(chars.slice(a.start, a.end).join('')).toBe(a.text);
    expect((doc.document.text as string).slice(a.utf16[0], a.utf16[1])).toBe(a.text);
  }
});

test('a quotation gets the speaker a person clicks, and loses it on request', async ({ page }) => {
  await paste(page, 'Olaf Scholz met Emmanuel Macron. “We agree on everything,” one of them said.');
  const article = page.getByTestId('article');
  await article.locator('.hl[data-label="QUOTE"]').click();
  await page.getByTestId('choose-speaker').click();
  await article.locator('.hl[data-label="PER"]', { hasText: 'Emmanuel Macron' }).click();
  await expect(article.locator('.hl[data-label="QUOTE"]')).toHaveAttribute(
    'aria-label',
    /by Emmanuel Macron/,
  );
  await expect(page.getByTestId('quote-list')).toContainText('Emmanuel Macron');
  await page.getByTestId('clear-speaker').click();
  await expect(article.locator('.hl[data-label="QUOTE"]')).toHaveAttribute(
    'aria-label',
    /speaker not named/,
  );
});

test('editing the text keeps intact corrections and drops destroyed ones with a notice', async ({ page }) => {
  await paste(page, 'Ann met Bob in Rome.');
  // One correction right after the other: the article stays in place in between.
  await select(page, 'Bob');
  await page.keyboard.press('o');
  await select(page, 'Ann');
  await page.keyboard.press('l');
  const input = page.getByTestId('input');
  await input.fill('Dear Ann met Bob in Rome.');
  const article = page.getByTestId('article');
  await expect(article.locator('.hl[data-label="ORG"]')).toHaveText('Bob');
  await expect(article.locator('.hl[data-label="LOC"]', { hasText: 'Ann' })).toHaveText('Ann');
  await input.fill('Dear Ann met Robert in Rome.');
  await expect(page.getByTestId('notice')).toContainText('1 correction was removed');
  await expect(article.locator('.hl[data-label="ORG"]')).toHaveCount(0);
  await expect(article.locator('.hl[data-label="LOC"]', { hasText: 'Ann' })).toHaveText('Ann');
});

test('the selection menu and a correction keep the article and its untouched blocks in place', async ({ page }) => {
  // Enough paragraphs for several blocks (a block holds about 2 KB of text).
  const paragraphs = ['The Acme widget costs $5m, said Angela Merkel in Berlin.'];
  for (let i = 1; i <= 80; i++) {
    paragraphs.push(`Paragraph ${i}: Olaf Scholz met officials of Siemens in Munich on Monday, the ${i}th meeting this year.`);
  }
  await paste(page, paragraphs.join('\n\n'));
  const article = page.getByTestId('article');
  await expect(article).not.toHaveAttribute('data-rendering');
  expect(await article.locator('.blk').count()).toBeGreaterThanOrEqual(3);

  // Tag the elements that must survive: the layout, the editor, the article, the last block
  // (far from the corrections) and a highlight inside it (gone if that block were rewritten).
  await page.evaluate(() => {
    const article = document.querySelector<HTMLElement>('[data-testid="article"]')!;
    document.querySelector<HTMLElement>('main')!.dataset.probe = 'main';
    document.querySelector<HTMLElement>('[data-testid="input"]')!.dataset.probe = 'input';
    article.dataset.probe = 'article';
    const far = article.querySelector<HTMLElement>('.blk:last-child')!;
    far.dataset.probe = 'far';
    far.querySelector<HTMLElement>('.hl')!.dataset.probe = 'far-mark';
  });
  const kept = async () =>
    page.evaluate(() => {
      const article = document.querySelector('[data-testid="article"]')!;
      const far = article.querySelector('.blk:last-child')!;
      return {
        main: document.querySelector<HTMLElement>('main')?.dataset.probe,
        input: document.querySelector<HTMLElement>('[data-testid="input"]')?.dataset.probe,
        article: (article as HTMLElement).dataset.probe,
        far: (far as HTMLElement).dataset.probe,
        farMark: far.querySelector<HTMLElement>('[data-probe="far-mark"]')?.dataset.probe,
      };
    });
  const all = { main: 'main', input: 'input', article: 'article', far: 'far', farMark: 'far-mark' };

  // The menu opens and closes (Escape).
  await select(page, 'Acme widget');
  await expect(page.getByTestId('selection-menu')).toBeVisible();
  expect(await kept()).toEqual(all);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('selection-menu')).toHaveCount(0);
  expect(await kept()).toEqual(all);

  // A correction with the mouse: click a label in the menu.
  await select(page, 'Acme widget');
  await page.getByTestId('selection-menu').getByTestId('pick-ORG').click();
  await expect(article.locator('.hl[data-label="ORG"][data-source="manual"]')).toHaveText('Acme widget');
  await expect(page.getByTestId('selection-menu')).toHaveCount(0);
  expect(await kept()).toEqual(all);

  // A correction with the keyboard: the label's key. (It replaces a highlight rather than adding
  // one: an added highlight renumbers the later ones of its layer, which rewrites their blocks.)
  await select(page, '$5m');
  await expect(page.getByTestId('selection-menu')).toBeVisible();
  await page.keyboard.press('n');
  await expect(article.locator('.hl[data-label="CARDINAL"][data-source="manual"]')).toHaveText('$5m');
  await expect(page.getByTestId('selection-menu')).toHaveCount(0);
  await expect(page.locator('.hl:focus')).toHaveText('$5m');
  expect(await kept()).toEqual(all);
  // The editor kept its text: the key labelled the words, it was not typed.
  await expect(page.getByTestId('input')).toHaveValue(paragraphs.join('\n\n'));
});
