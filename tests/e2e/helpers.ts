// Helpers shared by the end-to-end specs.
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The repository's root. */
export const ROOT = resolve(__dirname, '..', '..');

/** The CLI binary: MARGINALIA_BIN, or the debug build in CARGO_TARGET_DIR / target (built if missing). */
export function cliBinary(): string {
  const targetDir = process.env.CARGO_TARGET_DIR ?? resolve(ROOT, 'target');
  const bin = process.env.MARGINALIA_BIN ?? resolve(targetDir, 'debug/marginalia');
  if (!existsSync(bin)) {
    execFileSync('cargo', ['build', '-q', '-p', 'marginalia-cli'], { cwd: ROOT, stdio: 'inherit' });
  }
  return bin;
}

/** Selects the first occurrence of `words` in the article, as a person dragging over them. */
export async function select(page: Page, words: string) {
  await page.evaluate((words) => {
    const article = document.querySelector('[data-testid="article"]')!;
    const at = article.textContent!.indexOf(words);
    if (at < 0) throw new Error(`not in the article: ${words}`);
    // Find the text nodes and offsets where the words start and end.
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const len = node.textContent!.length;
      if (seen <= at && at < seen + len) range.setStart(node, at - seen);
      if (seen < at + words.length && at + words.length <= seen + len) {
        range.setEnd(node, at + words.length - seen);
        break;
      }
      seen += len;
    }
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    article.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }, words);
}
