// The benchmark driver behind scripts/bench. Each row says what was measured, on what
// input, and how; results.json keeps the same figures for later comparison.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fix_text as ftfyFixText } from '@photostructure/ftfy';
import { createRequire } from 'node:module';
import { createWinnow } from '../src/js/node.mjs';

const OUT_DIR = 'build/bench';
const INPUT_BYTES = 5 * 1000 * 1000;
const RUNS = 5;

mkdirSync(OUT_DIR, { recursive: true });
// WINNOW_BENCH_ONLY=pages,repair runs only those sections (size, clean, repair, pages,
// hostile, web, dedup).
const only = process.env.WINNOW_BENCH_ONLY?.split(',');
const want = (section) => !only || only.includes(section);
const winnow = await createWinnow();
const rows = [];
const record = (group, name, value, unit, note = '') => rows.push({ group, name, value, unit, note });

// --- Size of what a browser downloads.
if (want('size')) for (const file of ['dist/wasm/winnow.wasm', 'dist/wasm/winnow.mjs']) {
  const bytes = readFileSync(file);
  record('size', file, bytes.length, 'bytes', 'raw');
  record('size', file, gzipSync(bytes, { level: 9 }).length, 'bytes', 'gzip -9');
}

// --- The npm package: what `npm install winnow-wasm` downloads and unpacks.
if (want('size')) {
  const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' });
  if (pack.status === 0) {
    const [info] = JSON.parse(pack.stdout);
    record('size', `npm package (${info.entryCount} files)`, info.size, 'bytes', 'packed (npm pack)');
    record('size', `npm package (${info.entryCount} files)`, info.unpackedSize, 'bytes', 'unpacked');
  }
}

// --- clean() throughput on 5 MB of plain-text articles: the samples (and the seed
// articles, when ../shared is there) repeated, each copy numbered so no two are identical.
function benchInput() {
  const sources = readdirSync('web/samples').map((f) => readFileSync(`web/samples/${f}`, 'utf8'));
  try {
    const seeds = '../shared/seeds';
    for (const f of readdirSync(seeds).filter((n) => n.endsWith('.txt'))) sources.push(readFileSync(`${seeds}/${f}`, 'utf8'));
  } catch {
    // no seeds beside the repository: the samples alone
  }
  const parts = [];
  let size = 0;
  for (let i = 0; size < INPUT_BYTES; i++) {
    const part = `Copy ${i}\n\n${sources[i % sources.length]}\n\n`;
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  return Buffer.from(parts.join('')).subarray(0, INPUT_BYTES);
}
const input = benchInput();
const inputPath = `${OUT_DIR}/clean-input.txt`;
writeFileSync(inputPath, input);
const mb = input.length / 1e6;

function best(fn) {
  let bestMs = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    fn();
    bestMs = Math.min(bestMs, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return bestMs;
}

function runDriver(command, args, path = inputPath, runs = RUNS) {
  const result = spawnSync(command, [...args, path, String(runs)], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

if (want('clean')) {
const native = runDriver('build/native/winnow_bench', ['clean']);
record('clean, 5 MB plain text', 'native (C++)', native.mb_per_s, 'MB/s', `best of ${RUNS}`);
try {
  statSync('build/wasm/winnow_bench.cjs');
  const wasmCore = runDriver(process.execPath, ['--no-experimental-fetch', 'build/wasm/winnow_bench.cjs', 'clean']);
  record('clean, 5 MB plain text', 'wasm core in Node (no JS API)', wasmCore.mb_per_s, 'MB/s', `best of ${RUNS}`);
} catch (error) {
  record('clean, 5 MB plain text', 'wasm core in Node (no JS API)', NaN, 'MB/s', String(error.message).slice(0, 60));
}
const apiMs = best(() => winnow.clean(input));
record('clean, 5 MB plain text', 'wasm via JS API in Node (bytes in, object out)', mb / (apiMs / 1e3), 'MB/s', `best of ${RUNS}`);
const asString = input.toString('utf8');
const stringMs = best(() => winnow.clean(asString));
record('clean, 5 MB plain text', 'wasm via JS API in Node (string in)', mb / (stringMs / 1e3), 'MB/s', `best of ${RUNS}`);
}

// --- repair() beside ftfy's TypeScript port, on 5 MB of clean English (the aeb ground-truth
// bodies that are mostly ASCII) and 5 MB of mojibaked news (all bodies, their UTF-8 read as
// Windows-1252). The data is read from ../shared/bench, never copied into the repository.
function repairInputs() {
  const path = '../shared/bench/aeb/ground-truth.json';
  let bodies;
  try {
    bodies = Object.values(JSON.parse(readFileSync(path, 'utf8'))).map((d) => d.articleBody);
  } catch {
    return null;
  }
  const fill = (texts) => {
    let out = '';
    for (let i = 0; Buffer.byteLength(out) < INPUT_BYTES; i++) out += `${texts[i % texts.length]}\n\n`;
    return out;
  };
  const asciiShare = (t) => t.replace(/[^\x00-\x7f]/g, '').length / Math.max(1, t.length);
  const english = fill(bodies.filter((t) => asciiShare(t) > 0.99));
  const mojibaked = new TextDecoder('windows-1252').decode(Buffer.from(fill(bodies), 'utf8'));
  return { 'clean English': english, 'mojibaked news': mojibaked };
}
const repairSets = want('repair') ? repairInputs() : null;
if (repairSets) {
  for (const [name, text] of Object.entries(repairSets)) {
    const group = `repair, 5 MB of ${name}`;
    const path = `${OUT_DIR}/repair-${name.replace(' ', '-')}.txt`;
    writeFileSync(path, text);
    const megabytes = Buffer.byteLength(text) / 1e6;
    const nativeRepair = runDriver('build/native/winnow_bench', ['repair'], path);
    record(group, 'native (C++)', nativeRepair.mb_per_s, 'MB/s', `best of ${RUNS}`);
    const wasmRepair = runDriver(process.execPath, ['--no-experimental-fetch', 'build/wasm/winnow_bench.cjs', 'repair'], path);
    record(group, 'wasm core in Node', wasmRepair.mb_per_s, 'MB/s', `best of ${RUNS}`);
    const apiMsRepair = best(() => winnow.repair(text));
    record(group, 'wasm via JS API in Node (string in)', megabytes / (apiMsRepair / 1e3), 'MB/s', `best of ${RUNS}`);
    const start = process.hrtime.bigint();
    ftfyFixText(text);
    const ftfyMs = Number(process.hrtime.bigint() - start) / 1e6;
    const ftfyRate = megabytes / (ftfyMs / 1e3);
    record(group, '@photostructure/ftfy fix_text in Node', ftfyRate, 'MB/s', 'one run');
    record(group, 'ratio: wasm JS API / ftfy', megabytes / (apiMsRepair / 1e3) / ftfyRate, 'x', '');
  }
}

// --- The near-duplicate engine on a corpus from ../shared/bench/dedup/gen_corpus.py
// (WINNOW_BENCH_DEDUP_DOCS documents, 100,000 by default), raw text: signatures per second,
// time from texts to all pairs, index size and peak memory, native and wasm, beside the npm
// `minhash` package on a subset (it is too slow for all of them).
function dedupCorpus(documents) {
  const dir = `build/corpus-${documents}`;
  try {
    statSync(`${dir}/groups.json`);
  } catch {
    console.error(`generating ${dir} (gen_corpus.py, about a minute per 100,000 documents)...`);
    const gen = spawnSync('python3', ['../shared/bench/dedup/gen_corpus.py', '../shared/seeds', dir, String(documents), '--rng', '7'], {
      encoding: 'utf8',
    });
    if (gen.status !== 0) return undefined;
  }
  return dir;
}

// --- Page extraction on the article-extraction benchmark (../shared/bench/aeb, 121 pages,
// read from there): F1 with the benchmark's own evaluator and the median time per page
// (fastest of 5 runs of each page), for Winnow natively and in wasm through the JS API,
// beside Readability.js 0.6 on linkedom (parse + extract, textContent) in the same run.
if (want('pages')) {
  const { unpackPages, score } = await import('./aeb.mjs');
  const { dir, ids } = unpackPages();
  const files = ids.map((id) => `${dir}/${id}.html`);
  const pages = files.map((file) => readFileSync(file));
  const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
  const timeEach = (extract) => {
    const times = [];
    const predictions = {};
    pages.forEach((page, i) => {
      let fastest = Infinity;
      let text = '';
      for (let run = 0; run < RUNS; run++) {
        const start = process.hrtime.bigint();
        text = extract(page);
        fastest = Math.min(fastest, Number(process.hrtime.bigint() - start) / 1e6);
      }
      times.push(fastest);
      predictions[ids[i]] = { articleBody: text };
    });
    return { times, predictions };
  };
  const group = `page extraction, ${ids.length} pages of the article-extraction benchmark`;
  const report = async (name, { times, predictions }) => {
    const m = await score(predictions);
    record(group, `${name}: F1`, m.f1, '', `P ${m.precision.toFixed(3)}, R ${m.recall.toFixed(3)}, ${m.n_empty} empty`);
    record(group, `${name}: median per page`, median(times), 'ms', `fastest of ${RUNS} runs each`);
    return median(times);
  };
  const nativeRun = spawnSync('build/native/winnow_pages_bench', [...files, '--runs', String(RUNS)], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (nativeRun.status !== 0) throw new Error(`winnow_pages_bench failed: ${nativeRun.stderr}`);
  const nativeLines = nativeRun.stdout.trim().split('\n').map((line) => JSON.parse(line));
  await report('Winnow native', {
    times: nativeLines.map((l) => l.ms),
    predictions: Object.fromEntries(nativeLines.map((l, i) => [ids[i], { articleBody: l.text }])),
  });
  const wasmMedian = await report('Winnow wasm, JS API in Node', timeEach((page) => winnow.clean(page).text));
  const { parseHTML } = await import('linkedom');
  const { Readability } = (await import('@mozilla/readability')).default;
  const readabilityMedian = await report(
    'Readability.js 0.6 on linkedom 0.18.14',
    timeEach((page) => {
      try {
        const { document } = parseHTML(page.toString('utf8'));
        return new Readability(document).parse()?.textContent ?? '';
      } catch {
        return '';
      }
    }),
  );
  record(group, 'ratio: Readability median / Winnow wasm median', readabilityMedian / wasmMedian, 'x', '');
}

// --- Hostile input, natively: each shape at two sizes, the second twice the first. Time
// must grow linearly (a ratio near 2), never quadratically (near 4).
if (want('hostile')) {
  const group = 'hostile input, clean() natively, size doubled';
  const soup = (bytes) => {
    const pieces = ['<div>', '</div>', '<p>', '</p>', '<b>', '</b>', '<a href=x>', '</a>', '<table>', '<tr>', '<td>',
      '<li>', '<svg>', '</svg>', '<select>', '<option>', '<template>', '</template>', 'text ', '&amp;', '<!--c-->'];
    let x = 7;
    let out = '';
    while (out.length < bytes) {
      x = (x * 1103515245 + 12345) % 2147483648;
      out += pieces[x % pieces.length];
    }
    return out;
  };
  const shapes = {
    'one line of words, 25 then 50 MB': (k) => 'word '.repeat(5_000_000 * k),
    'one line without spaces, 5 then 10 MB': (k) => 'x-'.repeat(2_500_000 * k),
    'empty lines, 0.5 then 1 million': (k) => '\n'.repeat(500_000 * k),
    'nested <div>, 50,000 then 100,000': (k) => `${'<div>'.repeat(50_000 * k)}text`,
    'random tag soup, 5 then 10 MB': (k) => soup(5_000_000 * k),
    'unclosed comment, 5 then 10 MB': (k) => `<p>a<!--${'x-'.repeat(2_500_000 * k)}`,
  };
  for (const [name, make] of Object.entries(shapes)) {
    const times = [1, 2].map((k) => {
      const path = `${OUT_DIR}/hostile.txt`;
      writeFileSync(path, make(k));
      return runDriver('build/native/winnow_bench', ['clean'], path, 3).best_ms;
    });
    record(group, `${name}: time`, times[1], 'ms', `the smaller: ${times[0].toFixed(1)} ms`);
    record(group, `${name}: ratio`, times[1] / times[0], 'x', 'linear is 2');
  }
}

// --- The web page (dist/web) in Chromium: what a first visit downloads (as served, and
// gzipped as a static host would send it), and the time to clean the five seed articles
// once the page is ready (best of 5): the worker's batch clean, and everything until the
// cards, the duplicates table and the library check are on screen.
if (want('web')) {
  const { serve } = await import('./serve.mjs');
  const { launchChromium } = await import('../tests/support/browser.mjs');
  const { server, url } = await serve({ root: 'dist/web', port: 0 });
  const browser = await launchChromium();
  const group = 'web page, first visit and the five seeds';
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const files = new Map();
    page.on('response', async (response) => {
      try {
        files.set(response.url(), await response.body());
      } catch {
        // redirects and the like have no body
      }
    });
    await page.goto(url);
    await page.waitForSelector('#clean:not([disabled])');
    await page.waitForTimeout(500);
    const bodies = [...files.values()];
    record(group, `first load: ${bodies.length} files`, bodies.reduce((n, b) => n + b.length, 0), 'bytes', 'as served');
    record(group, `first load: ${bodies.length} files`, bodies.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0), 'bytes', 'gzip -9 each');
    const seedDir = '../shared/seeds';
    const seedTexts = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(`${seedDir}/${f}`, 'utf8'));
    await page.fill('#input', seedTexts.join('\n===\n'));
    let batchMs = Infinity;
    let allMs = Infinity;
    for (let run = 0; run < RUNS; run++) {
      const start = Date.now();
      await page.evaluate(() => { document.querySelector('#status').textContent = ''; });
      await page.click('#clean');
      await page.waitForFunction(() => /cleaned in/.test(document.querySelector('#status').textContent));
      allMs = Math.min(allMs, Date.now() - start);
      batchMs = Math.min(batchMs, Number(await page.evaluate(() => document.documentElement.dataset.cleanedMs)));
    }
    record(group, 'five seeds: batch clean in the worker', batchMs, 'ms', `best of ${RUNS}, measured in the page`);
    record(group, 'five seeds: click to everything on screen', allMs, 'ms', `best of ${RUNS}, cards, duplicates, library check`);
  } finally {
    await browser.close();
    server.close();
  }
}

const dedupDocuments = Number(process.env.WINNOW_BENCH_DEDUP_DOCS ?? 100000);
const corpus = want('dedup') ? dedupCorpus(dedupDocuments) : undefined;
if (corpus) {
  const runDedup = (command, args) => {
    const result = spawnSync(command, [...args, corpus, '--threshold', '0.5', '--threshold', '0.8'], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
    return result.stdout.trim().split('\n').map((line) => JSON.parse(line));
  };
  const builds = {
    native: runDedup('build/native/winnow_dedup_bench', []),
    'wasm in Node': runDedup(process.execPath, ['--no-experimental-fetch', 'build/wasm/winnow_dedup_bench.cjs']),
  };
  for (const [build, results] of Object.entries(builds)) {
    const group = `near-duplicates, ${dedupDocuments} documents, ${build}`;
    record(group, 'signatures (text to 128-bin MinHash)', results[0].signatures_per_s, 'docs/s', '');
    for (const r of results) {
      const t = `threshold ${r.threshold} (${r.bands} bands x ${r.rows} rows)`;
      record(group, `${t}: Index.add`, r.adds_per_s, 'docs/s', 'words, shingles, MinHash, LSH keys, storage');
      record(group, `${t}: end to end, texts to all pairs`, r.end_to_end_s, 's', `${r.pairs} pairs, all verified exactly`);
      record(group, `${t}: index in memory`, r.index_bytes_per_doc, 'B/doc', 'after shrink_to_fit()');
      record(group, `${t}: index saved`, r.saved_bytes_per_doc, 'B/doc', '');
    }
    record(group, 'peak memory', results[0].peak_memory_mb, 'MB', build === 'native' ? 'max RSS, corpus texts included' : 'wasm heap, corpus texts included');
  }

  // The JS API on the same corpus, as a page or a Node user would run it.
  const names = readdirSync(`${corpus}/docs`).sort();
  const texts = names.map((name) => readFileSync(`${corpus}/docs/${name}`));
  const group = `near-duplicates, ${dedupDocuments} documents, JS API (wasm) in Node`;
  for (const threshold of [0.5, 0.8]) {
    const start = process.hrtime.bigint();
    const index = new winnow.Index({ threshold });
    for (const text of texts) index.add(text, { raw: true });
    const pairs = index.pairs();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    record(group, `threshold ${threshold}: end to end, texts to all pairs`, seconds, 's', `${pairs.length} pairs`);
    index.dispose();
  }

  // npm `minhash` (0.0.9): 128 permutations over the same 5-word shingles, on a subset.
  const { Minhash } = createRequire(import.meta.url)('minhash');
  const subset = texts.slice(0, 1000).map((t) => t.toString('utf8'));
  const start = process.hrtime.bigint();
  for (const text of subset) {
    const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
    const m = new Minhash({ numPerm: 128 });
    for (let i = 0; i + 5 <= words.length; i++) m.update(words.slice(i, i + 5).join(' '));
  }
  const minhashRate = subset.length / (Number(process.hrtime.bigint() - start) / 1e9);
  const peer = 'near-duplicates, npm minhash 0.0.9 in Node (1,000-document subset)';
  record(peer, 'signatures (128 permutations)', minhashRate, 'docs/s', 'measured on the subset');
  record(peer, `signatures for all ${dedupDocuments} documents`, dedupDocuments / minhashRate, 's', 'extrapolated from the subset');
  record(peer, 'ratio: Winnow wasm signatures / minhash', builds['wasm in Node'][0].signatures_per_s / minhashRate, 'x', '');
}

// --- Report.
const format = (row) => {
  if (row.unit === 'bytes') return `${(row.value / 1024).toFixed(1)} KiB`;
  if (row.unit === 'x') return `${row.value.toFixed(1)}x`;
  if (row.unit === 's') return `${row.value.toFixed(2)} s`;
  if (row.unit === 'ms') return `${row.value.toFixed(2)} ms`;
  if (row.unit === '') return row.value.toFixed(4);
  if (row.unit === 'docs/s' || row.unit === 'B/doc') return `${Math.round(row.value).toLocaleString('en')} ${row.unit}`;
  return Number.isFinite(row.value) ? `${row.value.toFixed(1)} ${row.unit}` : 'n/a';
};
let group = '';
for (const row of rows) {
  if (row.group !== group) {
    group = row.group;
    console.log(`\n${group}`);
  }
  console.log(`  ${row.name.padEnd(50)} ${format(row).padStart(14)}  ${row.note}`);
}
const results = { date: new Date().toISOString(), node: process.version, input_bytes: input.length, rows };
writeFileSync(`${OUT_DIR}/results.json`, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwritten: ${OUT_DIR}/results.json`);
