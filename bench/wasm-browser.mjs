// The engine compiled to wasm (crates/marginalia-bench-wasm, `--target web` build from
// `scripts/bench.sh wasm`), timed in headless Chromium (the system's, as the e2e tests use) on the
// benchmark corpus, with the same stage code as in Node (bench/stages.mjs).
//
//   node bench/wasm-browser.mjs [WASM_WEB_DIR]   (default target/bench-wasm/web)
// Environment: CHROMIUM_PATH (default /usr/bin/chromium), BENCH_RUNS, BENCH_FILES (as in
// wasm-node.mjs).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { printRows } from './stages.mjs';
import { wordCount } from './corpus.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const webDir = resolve(process.argv[2] ?? join(root, 'target/bench-wasm/web'));
const mounts = { '/pkg/': webDir, '/bench/': join(root, 'bench'), '/corpus/': join(root, 'target/bench-corpus') };
const types = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8', '.html': 'text/html' };
const server = createServer(async (req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (path === '/') {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    return res.end('<!doctype html><title>bench</title>');
  }
  const mount = Object.keys(mounts).find((m) => path.startsWith(m));
  try {
    if (!mount || path.includes('..')) throw new Error();
    const body = await readFile(join(mounts[mount], path.slice(mount.length)));
    res.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}`;
const runs = Number(process.env.BENCH_RUNS ?? 11);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const rows = [];
try {
  const page = await browser.newPage();
  await page.goto(base + '/');
  const version = browser.version();
  const files = (process.env.BENCH_FILES ?? 'corpus-1mb.txt,corpus-10mb.txt').split(',');
  for (const [file, n] of [['corpus-1mb.txt', runs], ['corpus-10mb.txt', Math.max(3, Math.floor(runs / 3))]]) {
    if (!files.includes(file)) continue;
    const words = wordCount(readFileSync(join(root, 'target/bench-corpus', file), 'utf8'));
    const got = await page.evaluate(
      async ({ file, words, n }) => {
        const wasm = await import('/pkg/marginalia_bench_wasm.js');
        await wasm.default({ module_or_path: '/pkg/marginalia_bench_wasm_bg.wasm' });
        const { wasmStages } = await import('/bench/stages.mjs');
        const text = await (await fetch('/corpus/' + file)).text();
        return wasmStages(wasm, file, text, words, n, () => performance.now());
      },
      { file, words, n },
    );
    printRows(`marginalia (wasm, Chromium ${version}) on ${file}:`, got);
    rows.push(...got.map((r) => ({ ...r, engine: 'marginalia-wasm-chromium' })));
  }
} finally {
  await browser.close();
  server.close();
}
mkdirSync(join(root, 'target/bench-results'), { recursive: true });
writeFileSync(join(root, 'target/bench-results/wasm-chromium.json'), JSON.stringify(rows, null, 2) + '\n');
console.log('wrote target/bench-results/wasm-chromium.json');
