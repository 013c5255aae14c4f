// End-to-end accessibility: axe-core finds no serious or critical violation in the light and
// dark themes (empty page, annotated article, selection menu open, inspector shown), and
// everything works by keyboard alone.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { select } from './helpers';

const ROOT = resolve(__dirname, '..', '..');
const ARTICLE = readFileSync(
  resolve(ROOT, 'crates/marginalia-core/tests/fixtures/spotify-deal.txt'),
  'utf8',
);

/** Runs axe (WCAG 2.x A/AA and best practices); fails on serious and critical violations. */
async function expectNoSeriousViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help}\n` +
      v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ')}`)
        .join('\n'),
  );
  expect(report, `axe, ${what}`).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    });

    test('empty page', async ({ page }) => {
      await page.goto('');
      await expect(page.getByTestId('input')).toBeVisible();
      await expectNoSeriousViolations(page, `${colorScheme}, empty page`);
    });

    test('annotated article, with badges', async ({ page }) => {
      await page.goto('');
      await page.getByTestId('input').fill(ARTICLE);
      await expect(page.locator('[data-testid="article"] .hl').first()).toBeVisible();
      await expectNoSeriousViolations(page, `${colorScheme}, annotated article`);
      await page.getByTestId('toggle-badges').click();
      await page.getByTestId('toggle-PER').click();
      await expectNoSeriousViolations(page, `${colorScheme}, badges on, a label hidden`);
    });

    test('selection menu open, then the inspector', async ({ page }) => {
      await page.goto('');
      await page.getByTestId('input').fill(ARTICLE);
      await expect(page.locator('[data-testid="article"] .hl').first()).toBeVisible();
      await select(page, 'licensing deal');
      await expect(page.getByTestId('selection-menu')).toBeVisible();
      await expectNoSeriousViolations(page, `${colorScheme}, selection menu`);
      await page.keyboard.press('Escape');
      await page.locator('[data-testid="article"] .hl[data-label="MONEY"]').first().click();
      await expect(page.getByTestId('inspector')).toBeVisible();
      await expectNoSeriousViolations(page, `${colorScheme}, inspector`);
    });
  });
}

test('highlights are announced with their label; colour is not the only signal', async ({
  page,
}) => {
  await page.goto('');
  await page.getByTestId('input').fill(ARTICLE);
  const marks = page.locator('[data-testid="article"] .hl');
  await expect(marks.first()).toBeVisible();
  const info = await marks.evaluateAll((els) =>
    els.slice(0, 200).map((el) => {
      const s = getComputedStyle(el);
      return {
        label: (el as HTMLElement).dataset.label ?? '',
        aria: el.getAttribute('aria-label') ?? '',
        tabindex: el.getAttribute('tabindex'),
        // Non-colour cues: the underline's style and width, and the type style, per layer.
        cue: `${s.borderBottomStyle} ${s.borderBottomWidth} ${s.fontStyle} ${s.textDecorationLine}`,
      };
    }),
  );
  const names: Record<string, RegExp> = {
    PER: /person/i,
    ORG: /organi[sz]ation/i,
    LOC: /place|location/i,
    MONEY: /money/i,
    PERCENT: /percent/i,
    QUOTE: /quot/i,
  };
  for (const m of info) {
    expect(m.aria, `highlight ${m.label} has no accessible name`).not.toBe('');
    if (names[m.label]) expect(m.aria).toMatch(names[m.label]);
    expect(m.cue, `highlight ${m.label} has no non-colour cue`).toMatch(/underline|solid|dashed|dotted|double|wavy/);
  }
  // Layers are told apart by line style, not colour alone.
  const styleOf = (label: string) => info.find((m) => m.label === label)?.cue;
  const entity = styleOf('PER');
  const number = styleOf('MONEY');
  const quote = styleOf('QUOTE');
  expect(new Set([entity, number, quote]).size).toBe(3);
});

test('keyboard only: edit, move between highlights, relabel, export', async ({ page }) => {
  await page.goto('');
  await expect(page.getByTestId('input')).toBeVisible();
  await page.locator('body').click({ position: { x: 1, y: 1 } });

  // Tab to the editor.
  const input = page.getByTestId('input');
  for (let i = 0; i < 40 && !(await input.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(input).toBeFocused();
  await page.keyboard.insertText('The Acme widget costs $5m, said Angela Merkel in Berlin.');
  const article = page.getByTestId('article');
  await expect(article.locator('.hl[data-label="LOC"]')).toHaveText('Berlin');

  // Tab on to the article; the arrows move between its highlights.
  for (let i = 0; i < 40 && !(await article.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(article).toBeFocused();
  const focusedMark = page.locator('[data-testid="article"] .hl:focus');
  await page.keyboard.press('ArrowRight');
  await expect(focusedMark).toHaveCount(1);
  const first = await focusedMark.getAttribute('data-id');
  await page.keyboard.press('ArrowRight');
  await expect(focusedMark).toHaveCount(1);
  expect(await focusedMark.getAttribute('data-id')).not.toBe(first);
  // Move to Berlin with the arrows.
  for (let i = 0; i < 10 && (await focusedMark.textContent()) !== 'Berlin'; i++) {
    await page.keyboard.press('ArrowRight');
  }
  await expect(focusedMark).toHaveText('Berlin');
  await expect(focusedMark).toHaveAttribute('aria-label', /Berlin|place|location/i);

  // Relabel it with a key: O makes it an organisation.
  await page.keyboard.press('o');
  await expect(article.locator('.hl[data-label="ORG"]', { hasText: 'Berlin' })).toBeVisible();

  // Export: Tab to the button, Enter.
  const exportButton = page.getByTestId('export-json');
  for (let i = 0; i < 80 && !(await exportButton.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Shift+Tab');
  }
  await expect(exportButton).toBeFocused();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const doc = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  const berlin = doc.annotations.find((a: { text: string }) => a.text === 'Berlin');
  expect(berlin.label).toBe('ORG');
  expect(berlin.source).toBe('manual');
});
