// The research formats as JavaScript reads them: `marginalia annotate --format …` and
// `marginalia convert` on a text with emoji (outside the BMP, a ZWJ family), combining accents
// and curly quotes. Every `utf16` pair slices the text with String.prototype.slice, and every
// other format parses and points at the same text. No browser: these tests use no `page`.
import { test, expect } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cliBinary, ROOT } from './helpers';

const TEXT =
  'Spotify 🎧 strikes $6bn deal\n\n' +
  '“We are committed to paying artists fairly 😀,” said Daniel Ek in Zu\u0308rich on 18 March. ' +
  'Shares rose 12% to 🚀 £4,500, the 11th rise since 1979. Cafe\u0301 owners call it a ' +
  '“superfan” tier for 86m users 👩\u200d👩\u200d👧 <script>alert(1)</script> & more.\n';

function cli(args: string[], input = TEXT): string {
  return execFileSync(cliBinary(), args, { input }).toString('utf8');
}

const codePoints = (s: string) => Array.from(s);
const slice = (s: string, start: number, end: number) => codePoints(s).slice(start, end).join('');

/** RFC 4180: quoted cells may hold commas, doubled quotes and line breaks. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && csv[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  expect(cell, 'the table ends with CRLF').toBe('');
  return rows;
}

let doc: any;

test.beforeAll(() => {
  doc = JSON.parse(cli(['annotate', '--format', 'json', '-']));
});

test('JSON: every utf16 pair and code-point pair slices the text', () => {
  const text: string = doc.document.text;
  expect(text).toBe(TEXT);
  expect(doc.document.length.utf16).toBe(text.length);
  expect(doc.annotations.length).toBeGreaterThan(8);
  let checked = 0;
  for (const a of doc.annotations) {
    for (const span of a.speaker ? [a, a.speaker] : [a]) {
      expect(text.slice(span.utf16[0], span.utf16[1]), JSON.stringify(span)).toBe(span.text);
      expect(slice(text, span.start, span.end), JSON.stringify(span)).toBe(span.text);
      checked++;
    }
  }
  // Spans after the emoji: the two units differ.
  const money = doc.annotations.find((a: any) => a.text === '£4,500');
  expect(money.utf16[0]).toBeGreaterThan(money.start);
  expect(checked).toBeGreaterThan(8);
});

test('W3C: a JSON-LD AnnotationCollection whose selectors point at the text', () => {
  const w3c = JSON.parse(cli(['annotate', '--format', 'w3c', '-']));
  expect(w3c['@context']).toContain('http://www.w3.org/ns/anno.jsonld');
  expect(w3c.type).toBe('AnnotationCollection');
  expect(w3c['mg:text']).toBe(TEXT);
  const items = w3c.first.items;
  expect(items).toHaveLength(doc.annotations.length);
  expect(w3c.total).toBe(items.length);
  items.forEach((item: any, i: number) => {
    const a = doc.annotations[i];
    expect(item.type).toBe('Annotation');
    expect(item['mg:id']).toBe(a.id);
    expect(item.body[0].value).toBe(a.label);
    expect(item.target.source).toBe(`urn:sha256:${doc.document.sha256}`);
    const [position, quote] = item.target.selector;
    expect(position).toEqual({ type: 'TextPositionSelector', start: a.start, end: a.end });
    expect(quote.type).toBe('TextQuoteSelector');
    expect(slice(TEXT, position.start, position.end)).toBe(quote.exact);
    expect(quote.exact).toBe(a.text);
    expect(slice(TEXT, 0, position.start).endsWith(quote.prefix)).toBe(true);
    expect(slice(TEXT, position.end, codePoints(TEXT).length).startsWith(quote.suffix)).toBe(true);
  });
  // W3C -> our JSON again, through a file: the same document.
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-w3c-'));
  try {
    const path = join(dir, 'deal.jsonld');
    writeFileSync(path, JSON.stringify(w3c));
    expect(JSON.parse(cli(['convert', '--to', 'json', path], ''))).toEqual(doc);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('CSV: a header and one row per annotation, offsets in code points', () => {
  const rows = parseCsv(cli(['annotate', '--format', 'csv', '-']));
  expect(rows[0].slice(0, 8)).toEqual(['doc', 'layer', 'label', 'start', 'end', 'text', 'value', 'unit']);
  expect(rows).toHaveLength(doc.annotations.length + 1);
  const col = (name: string) => rows[0].indexOf(name);
  for (const [i, row] of rows.slice(1).entries()) {
    const a = doc.annotations[i];
    expect(row).toHaveLength(rows[0].length);
    expect(row[col('id')]).toBe(a.id);
    expect(row[col('text')]).toBe(a.text);
    expect(slice(TEXT, Number(row[col('start')]), Number(row[col('end')]))).toBe(a.text);
    expect(row[col('speaker')]).toBe(a.speaker?.text ?? '');
    expect(row[col('value')]).toBe(a.value === undefined ? '' : String(a.value));
  }
});

test('brat: .txt is the text and every T line slices it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-brat-'));
  try {
    const input = join(dir, 'deal.txt');
    writeFileSync(input, TEXT);
    cli(['annotate', '--format', 'brat', '--out', join(dir, 'out'), input], '');
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['annotation.conf', 'deal.ann', 'deal.txt']);
    const text = readFileSync(join(dir, 'out', 'deal.txt'), 'utf8');
    expect(text).toBe(TEXT);
    const lines = readFileSync(join(dir, 'out', 'deal.ann'), 'utf8').trimEnd().split('\n');
    const ts = lines.filter((l) => l.startsWith('T'));
    expect(ts.length).toBeGreaterThanOrEqual(doc.annotations.length);
    for (const line of ts) {
      const [, typeOffsets, shown] = line.split('\t');
      const fragments = typeOffsets.split(' ').slice(1).join(' ').split(';');
      const pieces = fragments.map((f) => {
        const [s, e] = f.split(' ').map(Number);
        return slice(text, s, e);
      });
      expect(pieces.join(' '), line).toBe(shown);
    }
    for (const line of lines) expect(line, line).toMatch(/^(T\d+\t|A\d+\t|R\d+\tSpeaker Arg1:T\d+ Arg2:T\d+$|#\d+\tAnnotatorNotes T\d+\t)/);
    const speakers = doc.annotations.filter((a: any) => a.speaker).length;
    expect(lines.filter((l) => l.startsWith('R'))).toHaveLength(speakers);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('CoNLL: token<TAB>tag lines whose BIO tags follow the entity spans', () => {
  const lines = cli(['annotate', '--format', 'conll', '-']).split('\n');
  expect(lines[0]).toBe('-DOCSTART- -X- -X- O');
  expect(lines[1]).toBe('');
  const entities = doc.annotations.filter((a: any) => a.layer === 'entity');
  let at = 0; // UTF-16 offset after the previous token
  let previous: any = null; // entity of the previous token
  let tokens = 0;
  for (const line of lines.slice(2)) {
    if (line === '') {
      previous = null; // a sentence ends
      continue;
    }
    const cols = line.split('\t');
    expect(cols, line).toHaveLength(2);
    const [token, tag] = cols;
    expect(tag).toMatch(/^(O|[BI]-(PER|ORG|LOC|MISC))$/);
    // Tokens appear in the text in order.
    const start = TEXT.indexOf(token, at);
    expect(start, token).toBeGreaterThanOrEqual(at);
    const end = start + token.length;
    at = end;
    tokens++;
    const entity = entities.find((e: any) => e.utf16[0] < end && start < e.utf16[1]);
    if (!entity) {
      expect(tag, token).toBe('O');
    } else {
      expect(tag, token).toBe(`${entity === previous ? 'I' : 'B'}-${entity.label}`);
    }
    previous = entity ?? null;
  }
  expect(tokens).toBeGreaterThan(40);
  expect(lines.some((l) => l.includes('\tB-'))).toBe(entities.length > 0);
});

test('HTML snapshot: standalone, no script, the text escaped', () => {
  const html = cli(['annotate', '--format', 'html', '-']);
  expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  expect(html.toLowerCase()).not.toContain('<script');
  expect(html).toContain('&lt;script&gt;alert(');
  expect(html).toContain(')&lt;/script&gt; &amp; more.');
  expect(html).toContain("default-src 'none'; style-src 'unsafe-inline'");
  expect(html).toContain('Cafe\u0301');
  expect((html.match(/<mark /g) ?? []).length).toBeGreaterThanOrEqual(doc.annotations.length);
  // The visible article is the text, once.
  const article = html.split('<article class="article">')[1].split('</article>')[0];
  const shown = article
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  expect(shown).toBe(TEXT);
});

test('JSONL round trip through convert, and a bad file refused with every problem', () => {
  const jsonl = cli(['annotate', '--jsonl', '-']);
  expect(cli(['convert', '--to', 'jsonl', '-'], jsonl)).toBe(jsonl);
  const bad = JSON.parse(jsonl);
  bad.annotations[0].utf16 = [0, 1];
  bad.annotations[1].label = 'MONEY';
  const run = spawnSync(cliBinary(), ['convert', '--to', 'csv', '-'], { input: JSON.stringify(bad) });
  expect(run.status).toBe(2);
  expect(run.stdout.toString()).toBe('');
  const err = run.stderr.toString();
  expect(err).toContain(`annotation ${bad.annotations[0].id} (index 0), field \`utf16\`: is [0, 1]`);
  expect(err).toContain(`annotation ${bad.annotations[1].id} (index 1), field \`label\`: MONEY is a label of the number layer`);
  expect(err).toContain('2 problems in the input; nothing was written');
});
