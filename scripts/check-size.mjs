#!/usr/bin/env node
// Size of the release build: what the page downloads from dist/ (wasm, JS and CSS), raw and
// gzipped (zlib level 9, as a static host would serve them), and their total; exits 1 if the
// gzipped total is over the budget in bench/budget.json (`gzip_total_max`, bytes).
// The wasm ships inside marginalia-wasm.js (gzip + base64, scripts/inline-wasm.mjs), so that file
// is counted as the wasm; a build that still has a .wasm file (no post-build hook) counts that.
//
//   node scripts/check-size.mjs [DIST] [--json OUT]     (default dist; run after the build step)
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonOut = jsonAt >= 0 ? args.splice(jsonAt, 2)[1] : null;
const dist = resolve(args[0] ?? join(root, 'dist'));
const budget = JSON.parse(readFileSync(join(root, 'bench/budget.json'), 'utf8'));
const max = Number(budget.gzip_total_max);

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

let files;
try {
  files = walk(dist);
} catch {
  console.error(`check-size: ${dist} is missing: build first (scripts/test.sh build)`);
  process.exit(1);
}
const kinds = { '.wasm': 'wasm', '.js': 'js', '.mjs': 'js', '.css': 'css' };
const kindOf = (f) => (basename(f) === 'marginalia-wasm.js' ? 'wasm' : kinds[extname(f)]);
const rows = files
  .filter((f) => kindOf(f))
  .sort()
  .map((f) => {
    const body = readFileSync(f);
    return { file: relative(dist, f), kind: kindOf(f), raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
if (!rows.some((r) => r.kind === 'wasm')) {
  console.error(`check-size: no marginalia-wasm.js (nor .wasm) in ${dist}: build first (scripts/test.sh build)`);
  process.exit(1);
}
const sum = (xs, k) => xs.reduce((n, r) => n + r[k], 0);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const line = (name, raw, gz) => console.log(`  ${name.padEnd(28)} ${String(raw).padStart(9)} B ${kb(raw).padStart(10)}   gzip ${String(gz).padStart(8)} B ${kb(gz).padStart(9)}`);
console.log(`Release build size (${relative(root, dist) || dist}; gzip -9; marginalia-wasm.js is the wasm, gzip + base64):`);
for (const r of rows) line(r.file, r.raw, r.gzip);
const totals = {};
for (const k of ['wasm', 'js', 'css']) {
  const xs = rows.filter((r) => r.kind === k);
  totals[k] = { raw: sum(xs, 'raw'), gzip: sum(xs, 'gzip') };
}
totals.total = { raw: sum(rows, 'raw'), gzip: sum(rows, 'gzip') };
console.log('  ' + '-'.repeat(78));
for (const k of ['wasm', 'js', 'css', 'total']) line(k, totals[k].raw, totals[k].gzip);
const ok = totals.total.gzip <= max;
console.log(`budget: ${totals.total.gzip} B gzipped of ${max} B (${((100 * totals.total.gzip) / max).toFixed(1)}%, bench/budget.json) — ${ok ? 'ok' : 'OVER BUDGET'}`);
if (jsonOut) {
  mkdirSync(dirname(resolve(jsonOut)), { recursive: true });
  writeFileSync(jsonOut, JSON.stringify({ files: rows, totals, budget: max, ok }, null, 2) + '\n');
}
if (!ok) {
  console.error(`check-size: the release build is ${totals.total.gzip - max} B over its gzipped budget; see docs/performance.md`);
  process.exit(1);
}
