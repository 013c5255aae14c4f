// The export format's JSON Schema (schema/annotations-1.schema.json) against real output:
// `marginalia annotate` on every fixture and on a text with emoji, quotations and numbers, plus
// the documented example (written by the export code, see crates/marginalia-cli/tests/example.rs).
// Broken documents must be rejected, so the schema is shown to constrain, not just to accept.
// No browser: these tests use no `page`.
import { test, expect } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cliBinary, ROOT } from './helpers';

const SCHEMA_PATH = resolve(ROOT, 'schema/annotations-1.schema.json');
const EXAMPLE_PATH = resolve(ROOT, 'schema/examples/annotations-1.example.json');
const FIXTURES = resolve(ROOT, 'crates/marginalia-core/tests/fixtures');

/** Emoji before and inside spans (so code point and UTF-16 offsets differ), quotes, numbers. */
const EMOJI_TEXT =
  'Spotify 🎧 strikes $6bn deal\n\n' +
  '“We are committed to paying artists fairly 😀,” said Daniel Ek, the chief executive, on ' +
  '18 March. Shares rose 12% to 🚀 £4,500 in London, the 11th rise since 1979, ' +
  'a “superfan” tier for 86m users 👩‍👩‍👧 and 5km of cable.\n';

function annotate(args: string[], input = ''): string {
  return execFileSync(cliBinary(), ['annotate', ...args], { input }).toString('utf8');
}

let validate: ValidateFunction;

test.beforeAll(() => {
  // Strict mode: unknown keywords, missing types and union types are errors in the schema itself.
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')));
});

function errorsOf(doc: unknown): string {
  validate(doc);
  return (validate.errors ?? [])
    .map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message}`)
    .join('\n');
}

function expectValid(doc: unknown, what: string) {
  const ok = validate(doc);
  expect(ok, `${what} does not match the schema:\n${errorsOf(doc)}`).toBe(true);
}

type Span = { start: number; end: number; utf16: [number, number]; text: string };

/** Both offset pairs of `span` slice `text` to `span.text`. */
function expectSlices(text: string, span: Span) {
  const codePoints = Array.from(text);
  expect(codePoints.slice(span.start, span.end).join(''), JSON.stringify(span)).toBe(span.text);
  expect(text.slice(span.utf16[0], span.utf16[1]), JSON.stringify(span)).toBe(span.text);
}

function expectConsistentOffsets(doc: any) {
  const text: string = doc.document.text;
  expect(doc.document.length.utf16).toBe(text.length);
  expect(doc.document.length.chars).toBe(Array.from(text).length);
  expect(doc.document.length.bytes).toBe(Buffer.byteLength(text, 'utf8'));
  for (const a of doc.annotations) {
    expectSlices(text, a);
    if (a.speaker) expectSlices(text, a.speaker);
  }
}

test('the schema compiles as draft 2020-12 in strict mode', () => {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
  expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  expect(typeof validate).toBe('function');
});

test('CLI output for every fixture matches the schema', () => {
  const fixtures = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => resolve(FIXTURES, f));
  expect(fixtures.length).toBeGreaterThan(0);
  for (const file of fixtures) {
    const doc = JSON.parse(annotate([file]));
    expectValid(doc, file);
    expectConsistentOffsets(doc);
  }
  // The same documents as JSON Lines.
  const lines = annotate(['--jsonl', ...fixtures]).trimEnd().split('\n');
  expect(lines).toHaveLength(fixtures.length);
  lines.forEach((line, i) => expectValid(JSON.parse(line), `--jsonl line ${i + 1}`));
});

test('CLI output for text with emoji, quotations and numbers matches the schema', () => {
  const doc = JSON.parse(annotate(['-'], EMOJI_TEXT));
  expectValid(doc, 'emoji text');
  expect(doc.document.text).toBe(EMOJI_TEXT);
  expect(doc.annotations.length).toBeGreaterThan(0);
  expectConsistentOffsets(doc);
  const money = doc.annotations.find((a: any) => a.text === '£4,500');
  expect(money, 'the £4,500 span').toBeTruthy();
  expect(money.utf16[0]).toBeGreaterThan(money.start);

  // Edge cases: empty text, CRLF with a byte-order mark.
  expectValid(JSON.parse(annotate(['-'], '')), 'empty text');
  const crlf = JSON.parse(annotate(['-'], '\uFEFFSpotify paid $6bn.\r\nDone.'));
  expectValid(crlf, 'CRLF text');
  expect(crlf.document.text).toBe('Spotify paid $6bn.\nDone.');
});

test('the documented example matches the schema', () => {
  const doc = JSON.parse(readFileSync(EXAMPLE_PATH, 'utf8'));
  expectValid(doc, 'schema/examples/annotations-1.example.json');
  expectConsistentOffsets(doc);
  // It shows every layer and the optional fields.
  const layers = new Set(doc.annotations.map((a: any) => a.layer));
  expect([...layers].sort()).toEqual(['entity', 'number', 'quote']);
  expect(doc.annotations.some((a: any) => a.speaker?.entity)).toBe(true);
});

/** A deep copy of the example with one change applied. */
function broken(change: (doc: any) => void): unknown {
  const doc = JSON.parse(readFileSync(EXAMPLE_PATH, 'utf8'));
  change(doc);
  return doc;
}

const byId = (doc: any, id: string) => doc.annotations.find((a: any) => a.id === id);

const INVALID: [string, (doc: any) => void][] = [
  ['a number label on an entity', (d) => (byId(d, 'e1').label = 'MONEY')],
  ['an entity label on a number', (d) => (byId(d, 'n1').label = 'PER')],
  ['a label on the quote layer other than QUOTE', (d) => (byId(d, 'q1').label = 'ORG')],
  ['an unknown label', (d) => (byId(d, 'e1').label = 'PERSON')],
  ['an unknown layer', (d) => (byId(d, 'e1').layer = 'entities')],
  ['a missing source', (d) => delete byId(d, 'e1').source],
  ['a missing text', (d) => delete byId(d, 'n1').text],
  ['a missing utf16', (d) => delete byId(d, 'n1').utf16],
  ['a quote without kind', (d) => delete byId(d, 'q1').kind],
  ['an unknown quote kind', (d) => (byId(d, 'q1').kind = 'paraphrase')],
  ['a kind on an entity', (d) => (byId(d, 'e1').kind = 'speech')],
  ['a value on an entity', (d) => (byId(d, 'e1').value = 1)],
  ['a value on a quote', (d) => (byId(d, 'q1').value = 1)],
  ['a speaker on a number', (d) => (byId(d, 'n1').speaker = byId(d, 'q2').speaker)],
  ['a numeric DATE value', (d) => (byId(d, 'n2').value = 18)],
  ['a string MONEY value', (d) => (byId(d, 'n1').value = '6bn')],
  ['a null value', (d) => (byId(d, 'n1').value = null)],
  ['a MONEY unit that is not a currency code', (d) => (byId(d, 'n1').unit = '$')],
  ['a unit on a DATE', (d) => (byId(d, 'n2').unit = 'yr')],
  ['an id with the wrong layer prefix', (d) => (byId(d, 'n1').id = 'e9')],
  ['an id with an unknown prefix', (d) => (byId(d, 'e1').id = 'x1')],
  ['a negative start', (d) => (byId(d, 'e1').start = -1)],
  ['a fractional end', (d) => (byId(d, 'e1').end = 6.5)],
  ['utf16 with three items', (d) => byId(d, 'e1').utf16.push(9)],
  ['utf16 with one item', (d) => byId(d, 'e1').utf16.pop()],
  ['an unknown source', (d) => (byId(d, 'e1').source = 'model')],
  ['an unknown annotation field', (d) => (byId(d, 'e1').confidence = 0.9)],
  ['a speaker without offsets', (d) => delete byId(d, 'q2').speaker.utf16],
  ['a speaker entity that is not an entity id', (d) => (byId(d, 'q2').speaker.entity = 'n1')],
  ['an empty cue', (d) => (byId(d, 'q2').cue = '')],
  ['another schema identifier', (d) => (d.schema = 'marginalia/annotations@2')],
  ['an upper-case sha256', (d) => (d.document.sha256 = d.document.sha256.toUpperCase())],
  ['a short sha256', (d) => (d.document.sha256 = 'abc')],
  ['a missing length', (d) => delete d.document.length],
  ['a missing utf16 length', (d) => delete d.document.length.utf16],
  ['a missing generator version', (d) => delete d.generator.version],
  ['an unknown top-level field', (d) => (d.meta = {})],
  ['annotations that are not an array', (d) => (d.annotations = {})],
];

test('documents that break the format are rejected', () => {
  const failures: string[] = [];
  for (const [what, change] of INVALID) {
    const doc = broken(change);
    if (validate(doc)) failures.push(what);
  }
  expect(failures, 'accepted although invalid').toEqual([]);
});
