// The engine compiled to wasm (crates/marginalia-bench-wasm, built by `scripts/bench.sh wasm`),
// timed in Node on the benchmark corpus, and compromise (npm) on the SAME text in the SAME
// process, as the library a web developer would otherwise pick.
//
//   node bench/wasm-node.mjs [WASM_PKG_DIR]   (default target/bench-wasm/node)
//
// What is timed for compromise (median of N runs, after a warm-up run):
//   compromise-parse    nlp(text)                         tokenise + tag, no output
//   compromise-extract  nlp(text), then .people(), .organizations(), .places(), .numbers(),
//                       .quotations(), each .json()       the closest match to what Marginalia
//                                                         returns (names, numbers, quotes as data)
// and compared with Marginalia's `analyze_json` (JS string in → annotations JSON string out).
// Environment: BENCH_RUNS (runs on the 1 MB file, default 11; 10 MB gets a third, ≥ 3),
// BENCH_FILES (comma-separated, default corpus-1mb.txt,corpus-10mb.txt), BENCH_COMPROMISE_RUNS
// (default 3 on 1 MB, 1 on 10 MB), BENCH_COMPROMISE_PARSE=1 also times nlp(text) alone,
// BENCH_COMPROMISE_10MB=0 skips compromise on the 10 MB file (it takes minutes and GBs;
// scripts/bench.sh skips it unless BENCH_COMPROMISE_10MB=1).
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { wasmStages, timeRuns, rate, printRows } from './stages.mjs';
import { wordCount } from './corpus.mjs';

const require = createRequire(import.meta.url);
const root = resolve(new URL('..', import.meta.url).pathname);
const pkgDir = resolve(process.argv[2] ?? join(root, 'target/bench-wasm/node'));
const api = require(join(pkgDir, 'marginalia_bench_wasm.js'));
const nlp = (await import('compromise')).default;
const compromiseVersion = JSON.parse(readFileSync(join(root, 'node_modules/compromise/package.json'), 'utf8')).version;
const corpusDir = join(root, 'target/bench-corpus');
const runs = Number(process.env.BENCH_RUNS ?? 11);
const now = () => performance.now();

const rows = [];
const files = (process.env.BENCH_FILES ?? 'corpus-1mb.txt,corpus-10mb.txt').split(',');
for (const [file, n] of [['corpus-1mb.txt', runs], ['corpus-10mb.txt', Math.max(3, Math.floor(runs / 3))]]) {
  if (!files.includes(file)) continue;
  const text = readFileSync(join(corpusDir, file), 'utf8');
  const words = wordCount(text);
  const ours = wasmStages(api, file, text, words, n, now);
  rows.push(...ours.map((r) => ({ ...r, engine: 'marginalia-wasm' })));
  printRows(`marginalia (wasm, Node ${process.version}) on ${file}:`, ours);
  if (file === 'corpus-10mb.txt' && process.env.BENCH_COMPROMISE_10MB === '0') continue;
  const cn = Number(process.env.BENCH_COMPROMISE_RUNS ?? (file === 'corpus-10mb.txt' ? 1 : 3));
  const extract = () => {
    const doc = nlp(text);
    return [doc.people().json(), doc.organizations().json(), doc.places().json(), doc.numbers().json(), doc.quotations().json()];
  };
  let counts = [];
  const theirs = [
    { file, stage: 'compromise-extract', ...rate(text, words, timeRuns(cn, () => (counts = extract().map((x) => x.length)), now)) },
  ];
  if (process.env.BENCH_COMPROMISE_PARSE === '1') {
    theirs.push({ file, stage: 'compromise-parse', ...rate(text, words, timeRuns(cn, () => nlp(text), now)) });
  }
  rows.push(...theirs.map((r) => ({ ...r, engine: `compromise@${compromiseVersion}` })));
  printRows(`compromise ${compromiseVersion} on ${file} (people/orgs/places/numbers/quotations found: ${counts.join('/')}):`, theirs);
  const ourJson = ours.find((r) => r.stage === 'analyze_json');
  const ourAnalyze = ours.find((r) => r.stage === 'analyze');
  console.log(
    `  ratio (compromise-extract time / ours): analyze_json ${(theirs[0].median_ms / ourJson.median_ms).toFixed(1)}×, ` +
      `analyze ${(theirs[0].median_ms / ourAnalyze.median_ms).toFixed(1)}×`,
  );
}
mkdirSync(join(root, 'target/bench-results'), { recursive: true });
writeFileSync(join(root, 'target/bench-results/wasm-node.json'), JSON.stringify(rows, null, 2) + '\n');
console.log('wrote target/bench-results/wasm-node.json');
