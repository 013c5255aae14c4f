// End-to-end: exporting every format from the page (each download parsed), importing a file as
// a new document with identical annotations, and a bad file refused with precise errors while
// the current work stays.
import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const TEXT =
  'Spotify signs deal\n\n😀 “We are committed to artists,” said Daniel Ek. Spotify paid $6bn to Universal Music Group in London on 18 March; 99.6% of e\u0301tudes were “free”.';

async function paste(page: Page, text: string) {
  await page.getByTestId('input').fill(text);
  await expect(page.locator('[data-testid="article"] .hl').first()).toBeVisible();
}

/** Opens the export & import menu unless it is open. */
async function openMenu(page: Page) {
  const open = await page.locator('details.transfer-menu').evaluate((d) => (d as HTMLDetailsElement).open);
  if (!open) await page.getByTestId('transfer-menu').click();
}

async function download(page: Page, format: string, scope = 'current') {
  await openMenu(page);
  await page.getByTestId('export-format').selectOption(format);
  await page.getByTestId('export-scope').selectOption(scope);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-download').click(),
  ]);
  return { name: file.suggestedFilename(), path: (await file.path())! };
}

function zipNames(path: string): string[] {
  const out = execFileSync('python3', [
    '-c',
    'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))',
    path,
  ]);
  return out.toString('utf8').trim().split('\n');
}

test('every format downloads and parses', async ({ page }) => {
  await page.goto('');
  await paste(page, TEXT);
  // One correction, so the exports carry a manual span.
  await page.locator('.hl[data-label="LOC"]').first().click();
  await page.keyboard.press('m');
  await expect(page.locator('.hl[data-label="MISC"][data-source="manual"]')).toHaveText('London');

  const json = await download(page, 'json');
  expect(json.name).toBe('spotify-signs-deal.json');
  const doc = JSON.parse(readFileSync(json.path, 'utf8'));
  expect(doc.document.text).toBe(TEXT);
  expect(doc.annotations.find((a: any) => a.text === 'London').source).toBe('manual');
  const chars = Array.from(TEXT);
  for (const a of doc.annotations) {
    expect(chars.slice(a.start, a.end).join('')).toBe(a.text);
    expect(TEXT.slice(a.utf16[0], a.utf16[1])).toBe(a.text);
  }

  const jsonl = await download(page, 'jsonl');
  const lines = readFileSync(jsonl.path, 'utf8').trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(JSON.parse(lines[0]).annotations).toEqual(doc.annotations);

  const w3c = JSON.parse(readFileSync((await download(page, 'w3c')).path, 'utf8'));
  expect(JSON.stringify(w3c)).toContain('TextPositionSelector');
  expect(JSON.stringify(w3c)).toContain('TextQuoteSelector');

  const brat = await download(page, 'brat');
  expect(brat.name.endsWith('.zip')).toBe(true);
  expect(zipNames(brat.path).sort()).toEqual([
    'annotation.conf',
    'spotify-signs-deal.ann',
    'spotify-signs-deal.txt',
  ]);

  const conll = readFileSync((await download(page, 'conll')).path, 'utf8');
  expect(conll).toMatch(/^Spotify\tB-ORG$/m);
  expect(conll).toMatch(/^London\tB-MISC$/m);

  const csv = readFileSync((await download(page, 'csv')).path, 'utf8').trim().split(/\r?\n/);
  expect(csv[0].startsWith('doc,layer,label,start,end,text,value')).toBe(true);
  expect(csv.length).toBe(doc.annotations.length + 1);

  const html = readFileSync((await download(page, 'html')).path, 'utf8');
  expect(html).toContain('Universal Music Group');
  expect(html.toLowerCase()).not.toContain('<script');
});

test('all documents export as one zip; an export imports back identically', async ({ page }) => {
  await page.goto('');
  await paste(page, TEXT);
  await page.locator('.hl[data-label="ORG"]').first().click();
  await page.keyboard.press('Delete');
  await page.getByTestId('toggle-documents').click();
  await page.getByTestId('new-document').click();
  await paste(page, 'Bank holds rates\n\nThe Bank of England held rates at 5.25% on Thursday.');
  await page.waitForTimeout(600);

  const all = await download(page, 'json', 'all');
  expect(all.name).toBe('annotations-json.zip');
  expect(zipNames(all.path).sort()).toEqual(['bank-holds-rates.json', 'spotify-signs-deal.json']);

  // Export the first document, import the file: a new document with the same annotations.
  await page.getByTestId('documents').getByTestId('doc-open').filter({ hasText: 'Spotify' }).click();
  await expect(page.getByTestId('input')).toHaveValue(TEXT);
  const before = readFileSync((await download(page, 'json')).path, 'utf8');
  await openMenu(page);
  await page.getByTestId('import-input').setInputFiles({
    name: 'spotify.json',
    mimeType: 'application/json',
    buffer: Buffer.from(before),
  });
  await expect(page.getByTestId('notice')).toContainText('Imported 1 document');
  await expect(page.getByTestId('documents').getByTestId('doc-open')).toHaveCount(3);
  await expect(page.getByTestId('input')).toHaveValue(TEXT);
  const after = readFileSync((await download(page, 'json')).path, 'utf8');
  expect(JSON.parse(after).annotations).toEqual(JSON.parse(before).annotations);
  expect(after).toBe(before);
});

test('a bad file is refused with precise errors and the work stays', async ({ page }) => {
  await page.goto('');
  await paste(page, 'Angela Merkel visited Berlin.');
  const bad = {
    schema: 'marginalia/annotations@1',
    generator: { name: 'marginalia', version: '0.1.0' },
    document: {
      text: 'Hi Ann',
      sha256: '0'.repeat(64),
      length: { chars: 6, utf16: 6, bytes: 6 },
    },
    annotations: [
      { id: 'e1', layer: 'entity', label: 'MONEY', start: 3, end: 6, utf16: [3, 6], text: 'Ann', source: 'auto' },
    ],
  };
  await openMenu(page);
  await page.getByTestId('import-input').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('nothing was changed');
  await expect(notice).toContainText('sha256');
  await expect(notice).toContainText('e1');
  await expect(page.getByTestId('input')).toHaveValue('Angela Merkel visited Berlin.');
  await expect(page.locator('.hl[data-label="LOC"]')).toHaveText('Berlin');
});
