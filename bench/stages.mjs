// Timing helpers shared by the Node and Chromium wasm benchmarks (bench/wasm-node.mjs,
// bench/wasm-browser.mjs): the same code times the same stages in both.

export const STAGES = ['tokenize', 'entities', 'numbers', 'quotes', 'analyze', 'markup', 'export'];

/** Median, min and max of `runs` timed calls of `f` (after one warm-up call), in ms. */
export function timeRuns(runs, f, now) {
  f();
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    f();
    ms.push(now() - t);
  }
  ms.sort((a, b) => a - b);
  return { median_ms: ms[Math.floor(ms.length / 2)], min_ms: ms[0], max_ms: ms[ms.length - 1], runs };
}

export function rate(text, words, stat) {
  const bytes = new TextEncoder().encode(text).length;
  const s = stat.median_ms / 1e3;
  return { ...stat, bytes, words, mb_per_s: bytes / 1e6 / s, words_per_s: words / s };
}

/**
 * Times every engine stage on `text` with the wasm API (`set_text`, `run`, `analyze_json`,
 * `analyze_count`): the per-stage figures leave out the JS→wasm string copy; `analyze_json` is
 * end to end (JS string in, JSON string out), as a web page would use the engine.
 */
export function wasmStages(api, file, text, words, runs, now) {
  const rows = [];
  api.set_text(text);
  for (const stage of STAGES) {
    if (api.run(stage) === 0xffffffff) throw new Error(`stage ${stage} failed`);
    rows.push({ file, stage, ...rate(text, words, timeRuns(runs, () => api.run(stage), now)) });
  }
  rows.push({ file, stage: 'analyze_json', ...rate(text, words, timeRuns(runs, () => api.analyze_json(text), now)) });
  return rows;
}

export function printRows(title, rows) {
  console.log(title);
  for (const r of rows) {
    console.log(
      `  ${r.file.padEnd(16)} ${r.stage.padEnd(20)} ${r.mb_per_s.toFixed(2).padStart(8)} MB/s ${Math.round(r.words_per_s).toString().padStart(11)} words/s   median ${r.median_ms.toFixed(1).padStart(8)} ms (min ${r.min_ms.toFixed(1)}, max ${r.max_ms.toFixed(1)}, ${r.runs} runs)`,
    );
  }
}
