// Deterministic generator of news-like English text for the benchmarks: every benchmark (native,
// wasm in Node, wasm in Chromium, compromise, the page) reads the SAME files it writes.
//
//   node bench/corpus.mjs [OUT_DIR]      (default target/bench-corpus)
//
// writes  corpus-1mb.txt  (≈1,048,576 bytes)   corpus-10mb.txt (≈10,485,760 bytes)
//         article-1k.txt  article-10k.txt  article-35k.txt  article-100k.txt  (≈1,000 /
//         10,000 / 35,000 (≈5,000 highlights) / 100,000 words)
// and     manifest.json (bytes, words, seed of each file).
//
// The text is built from templates and vocabularies written for this project (no corpus text):
// headlines, datelines, people with titles, organisations, places, quotations with speakers and
// cues (before and after the quote, and pronoun speakers), scare quotes, money in several
// currencies and scales, percentages, dates, counts, quantities, ordinals. A fixed-seed PRNG makes
// the output byte-for-byte identical on every machine and every run.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// mulberry32: small, fast, deterministic.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = ['Sarah', 'James', 'Amina', 'Wei', 'Oliver', 'Priya', 'Lucas', 'Fatima', 'Daniel', 'Elena',
  'Kwame', 'Hannah', 'Mateo', 'Ingrid', 'Rahul', 'Chloe', 'Tomasz', 'Aisha', 'Henrik', 'Yuki',
  'Gabriel', 'Margaret', 'Samuel', 'Nadia', 'Peter', 'Lena', 'Omar', 'Grace', 'Diego', 'Sofia',
  'Michael', 'Julia', 'Ahmed', 'Claire', 'Viktor', 'Rosa', 'Thomas', 'Mei', 'Andrew', 'Zanele'];
const FAMILY = ['Okafor', 'Lindqvist', 'Haddad', 'Chen', 'Brennan', 'Kowalski', 'Moreau', 'Ferreira',
  'Nakamura', 'Abebe', 'Whitfield', 'Rossi', 'Sandoval', 'Patel', 'Johansson', 'Mensah', 'Keller',
  'Dubois', 'Castillo', 'Novak', 'Osei', 'Fitzgerald', 'Tanaka', 'Hughes', 'Varga', 'Ibrahim',
  'Larsen', 'Morales', 'Schmidt', 'Adeyemi', 'Campbell', 'Petrov', 'Silva', 'Gallagher', 'Yilmaz'];
const TITLES = ['Mr', 'Ms', 'Dr', 'Prof', 'Sir', 'Dame', 'Senator', 'Governor', 'Mayor', 'Judge'];
const ROLES = ['chief executive of', 'finance director at', 'a spokesperson for', 'chair of',
  'a senior economist at', 'head of research at', 'the founder of', 'a lawyer representing',
  'an analyst at', 'the president of', 'a board member of', 'chief operating officer of'];
const ORGS = ['Northwind Energy', 'Halberd Bank', 'Meridian Health', 'Bluefin Logistics', 'Corvid Labs',
  'the Ministry of Finance', 'the World Health Organization', 'the European Commission',
  'Larkspur Capital', 'Ardent Pharmaceuticals', 'the Bank of England', 'Tessera Group',
  'Oakridge University', 'the National Transport Authority', 'Solano Motors', 'Quillon Media',
  'the International Monetary Fund', 'Granite Insurance', 'Pinecrest Foods', 'Vantage Airlines',
  'the Federal Reserve', 'Harbourline Ports', 'Kestrel Software', 'the United Nations',
  'Brightwater Utilities', 'Copperleaf Mining', 'the Competition and Markets Authority',
  'Aurora Telecom', 'Fenwick & Partners LLP', 'Silverline Retail plc', 'Orion Defence Ltd'];
const PLACES = ['London', 'Nairobi', 'Toronto', 'Berlin', 'Singapore', 'São Paulo', 'Manchester',
  'Lagos', 'Melbourne', 'Chicago', 'Mumbai', 'Paris', 'Johannesburg', 'Seoul', 'Madrid', 'Dublin',
  'Cairo', 'Vancouver', 'Warsaw', 'Lisbon', 'Edinburgh', 'Osaka', 'Texas', 'Bavaria', 'Scotland',
  'Kenya', 'Brazil', 'France', 'Canada', 'Japan', 'Germany', 'Australia', 'Nigeria', 'India'];
const TOPICS = ['the housing market', 'energy prices', 'the new rail link', 'interest rates',
  'the water shortage', 'the merger', 'the strike', 'the vaccine rollout', 'the budget',
  'the election', 'air quality', 'the trade deal', 'the data breach', 'wildfire season',
  'the pension reform', 'supply chains', 'the stadium project', 'school funding', 'broadband'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SAID = ['said', 'told reporters', 'said in a statement', 'added', 'warned', 'told the BBC',
  'wrote in a letter to shareholders', 'said on Tuesday', 'explained', 'insisted'];
const NOUNS = ['workers', 'households', 'passengers', 'patients', 'customers', 'jobs', 'homes',
  'students', 'flights', 'vehicles', 'shares', 'sites', 'complaints', 'schools', 'farms'];
const UNITS = ['tonnes', 'kilometres', 'miles', 'litres', 'megawatts', 'hectares', 'kg', 'barrels'];
const SCARE = ['“torrents”', '“unprecedented”', '“green”', '“temporary”', '“strategic review”',
  '“efficiency savings”', '“affordable”', '“world-class”'];
const QUOTE_BODIES = [
  'We have been clear from the start that {topic} needs a long-term plan, not another patch',
  'Nobody expected the numbers to move this quickly, and we are still working out what it means for {place}',
  'This is a difficult decision, but it is the right one for our {noun} and for the business',
  'The figures speak for themselves: {pct} is not a rounding error',
  'We will keep talking to {org} until there is an agreement that works for everyone',
  'I have never seen anything like it in {n} years of doing this job',
  'It is too early to say whether {topic} has turned a corner',
  'Our priority is to keep {noun} safe, and everything else comes second',
  'People in {place} deserve better than this',
  'We are confident the investment of {money} will pay for itself within {small} years',
  'There was no warning, and by the time we knew, it was already too late',
  'Frankly, the regulator has been asleep at the wheel',
];
const FILLER = [
  'The announcement came after months of speculation about {topic}.',
  'Critics said the plan did little to address the underlying problems.',
  'Shares in {org} rose {pct} in early trading before falling back.',
  'The company did not respond to a request for comment.',
  'Officials in {place} are expected to publish more details next week.',
  'It is the {ord} time this year that {org} has revised its forecasts.',
  'Local groups have called the proposals {scare}, saying they go nowhere near far enough.',
  'The scheme will cost an estimated {money} over {small} years, according to {org}.',
  'About {count} {noun} are thought to be affected, most of them in {place}.',
  'Inflation stood at {pct} in {month}, down from {pct2} a year earlier.',
  'The site covers {qty} and employs {count} people.',
  'A report published on {date} found that {pct} of {noun} had seen no change.',
  'The talks, held in {place} on {day}, ended without agreement.',
  'Since {year}, the number of {noun} has more than doubled to {count}.',
  'Analysts at {org} had expected a figure closer to {money}.',
  'The {ord} phase of the project is due to finish by {month} {year}.',
  'Residents were told to expect delays of up to {small} hours.',
  'The decision was welcomed by unions, who described it as {scare}.',
];

function makeGen(seed) {
  const r = rng(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const thousands = (n) => n.toLocaleString('en-GB');
  const money = () => {
    const cur = pick(['$', '£', '€', '$', '£']);
    switch (int(0, 4)) {
      case 0: return `${cur}${int(2, 950)}m`;
      case 1: return `${cur}${int(1, 40)}.${int(1, 9)}bn`;
      case 2: return `${cur}${thousands(int(1, 999) * 1000 + int(0, 999))}`;
      case 3: return `${int(2, 900)} million ${pick(['dollars', 'pounds', 'euros'])}`;
      default: return `${cur}${int(1, 99)} billion`;
    }
  };
  const pct = () => (r() < 0.5 ? `${int(1, 99)}%` : r() < 0.5 ? `${int(1, 60)}.${int(1, 9)}%` : `${int(2, 80)} per cent`);
  const year = () => String(int(1995, 2026));
  const date = () => {
    switch (int(0, 3)) {
      case 0: return `${int(1, 28)} ${pick(MONTHS)}`;
      case 1: return `${pick(MONTHS)} ${int(1, 28)}, ${year()}`;
      case 2: return `${int(1, 28)} ${pick(MONTHS)} ${year()}`;
      default: return `the ${int(196, 201)}0s`;
    }
  };
  const ord = () => pick(['first', 'second', 'third', 'fourth', 'fifth', '2nd', '3rd', '10th', '21st']);
  const count = () => (r() < 0.6 ? thousands(int(12, 250000)) : `${int(2, 19)} ${pick(['thousand', 'million'])}`);
  const person = () => ({ given: pick(GIVEN), family: pick(FAMILY), title: pick(TITLES) });
  const fill = (t) => t
    .replace(/\{topic\}/g, () => pick(TOPICS))
    .replace(/\{place\}/g, () => pick(PLACES))
    .replace(/\{org\}/g, () => pick(ORGS))
    .replace(/\{noun\}/g, () => pick(NOUNS))
    .replace(/\{pct2\}/g, pct).replace(/\{pct\}/g, pct)
    .replace(/\{money\}/g, money)
    .replace(/\{n\}/g, () => String(int(5, 40)))
    .replace(/\{small\}/g, () => String(int(2, 12)))
    .replace(/\{ord\}/g, ord)
    .replace(/\{scare\}/g, () => pick(SCARE))
    .replace(/\{count\}/g, count)
    .replace(/\{month\}/g, () => pick(MONTHS))
    .replace(/\{year\}/g, year)
    .replace(/\{date\}/g, date)
    .replace(/\{day\}/g, () => pick(DAYS))
    .replace(/\{qty\}/g, () => `${thousands(int(3, 9000))} ${pick(UNITS)}`);
  const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

  // One article: headline, dateline, 5–14 paragraphs mixing quotes and reporting.
  return function article() {
    const cast = [person(), person(), person()];
    const org = pick(ORGS);
    const place = pick(PLACES);
    const paras = [];
    paras.push(fill(`${cap(pick([org, place, pick(TOPICS)]).replace(/^the /, ''))} ${pick([
      'faces questions over', 'announces plan for', 'warns on', 'cuts forecast amid', 'wins backing for',
    ])} {topic}`).replace(/^./, (c) => c.toUpperCase()));
    const lead = cast[0];
    paras.push(fill(`${place.toUpperCase()}, ${pick(DAYS)} — ${org.replace(/^the/, 'The')} ${pick([
      'said it would spend', 'reported a loss of', 'agreed to pay', 'raised', 'set aside',
    ])} {money} on ${pick(TOPICS)}, ${lead.given} ${lead.family}, ${pick(ROLES)} ${org}, said on {date}. The figure is {pct} higher than last year.`));
    const n = int(5, 14);
    for (let i = 0; i < n; i++) {
      const p = cast[int(0, 2)];
      const body = fill(pick(QUOTE_BODIES));
      switch (int(0, 6)) {
        case 0:
          paras.push(`“${body},” ${p.title} ${p.family} ${pick(SAID)}. ${fill(pick(FILLER))}`);
          break;
        case 1:
          paras.push(`${p.given} ${p.family}, ${pick(ROLES)} ${fill('{org}')}, said: “${body}.”`);
          break;
        case 2:
          paras.push(`“${body},” said ${p.given} ${p.family}. “${fill(pick(QUOTE_BODIES))}.” ${fill(pick(FILLER))}`);
          break;
        case 3:
          paras.push(`${fill(pick(FILLER))} “${body},” ${r() < 0.5 ? 'she' : 'he'} ${pick(SAID)}.`);
          break;
        case 4:
          paras.push(`According to ${p.title} ${p.family}, ${fill(pick(FILLER)).replace(/^./, (c) => c.toLowerCase())}`);
          break;
        default:
          paras.push([fill(pick(FILLER)), fill(pick(FILLER)), fill(pick(FILLER))].join(' '));
      }
    }
    return paras.join('\n\n');
  };
}

/** Text of at least `bytes` UTF-8 bytes … cut back to whole articles and paragraphs at `bytes`. */
export function corpusOfBytes(bytes, seed = 2026) {
  const next = makeGen(seed);
  const parts = [];
  let len = 0;
  while (len < bytes) {
    const a = next() + '\n\n\n';
    parts.push(a);
    len += Buffer.byteLength(a);
  }
  let text = parts.join('');
  // Cut at the last paragraph break at or before `bytes` (byte-accurate).
  const buf = Buffer.from(text);
  const cut = buf.subarray(0, bytes).lastIndexOf('\n\n');
  text = buf.subarray(0, cut > 0 ? cut : bytes).toString() + '\n';
  return text;
}

/** An article of about `words` whitespace-separated words (whole paragraphs). */
export function articleOfWords(words, seed = 7) {
  const next = makeGen(seed);
  const out = [];
  let n = 0;
  while (n < words) {
    for (const p of next().split('\n\n')) {
      if (n >= words) break;
      out.push(p);
      n += p.split(/\s+/).filter(Boolean).length;
    }
  }
  return out.join('\n\n') + '\n';
}

export const wordCount = (text) => text.split(/\s+/).filter(Boolean).length;

export function writeCorpus(dir) {
  mkdirSync(dir, { recursive: true });
  const files = {
    'corpus-1mb.txt': corpusOfBytes(1 << 20),
    'corpus-10mb.txt': corpusOfBytes(10 << 20),
    'article-1k.txt': articleOfWords(1000),
    'article-10k.txt': articleOfWords(10000),
    'article-35k.txt': articleOfWords(35000), // ≈5,000 highlights: the label-toggle benchmark
    'article-100k.txt': articleOfWords(100000),
  };
  const manifest = {};
  for (const [name, text] of Object.entries(files)) {
    // Write-then-rename, so that a benchmark reading the file meanwhile never sees it half written.
    const tmp = join(dir, `${name}.${process.pid}.tmp`);
    writeFileSync(tmp, text);
    renameSync(tmp, join(dir, name));
    manifest[name] = { bytes: Buffer.byteLength(text), words: wordCount(text) };
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? 'target/bench-corpus');
  const manifest = writeCorpus(dir);
  for (const [name, m] of Object.entries(manifest)) {
    console.log(`${join(dir, name)}: ${m.bytes} bytes, ${m.words} words`);
  }
}
