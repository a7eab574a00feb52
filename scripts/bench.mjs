// The benchmark driver behind scripts/bench. Each row says what was measured, on what
// input, and how; results.json keeps the same figures for later comparison.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createWinnow } from '../src/js/node.mjs';

const OUT_DIR = 'build/bench';
const INPUT_BYTES = 5 * 1000 * 1000;
const RUNS = 5;

mkdirSync(OUT_DIR, { recursive: true });
const rows = [];
const record = (group, name, value, unit, note = '') => rows.push({ group, name, value, unit, note });

// --- Size of what a browser downloads.
for (const file of ['dist/wasm/winnow.wasm', 'dist/wasm/winnow.mjs']) {
  const bytes = readFileSync(file);
  record('size', file, bytes.length, 'bytes', 'raw');
  record('size', file, gzipSync(bytes, { level: 9 }).length, 'bytes', 'gzip -9');
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

function runDriver(command, args) {
  const result = spawnSync(command, [...args, inputPath, String(RUNS)], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

const native = runDriver('build/native/winnow_bench', []);
record('clean, 5 MB plain text', 'native (C++)', native.mb_per_s, 'MB/s', `best of ${RUNS}`);
try {
  statSync('build/wasm/winnow_bench.cjs');
  const wasmCore = runDriver(process.execPath, ['--no-experimental-fetch', 'build/wasm/winnow_bench.cjs']);
  record('clean, 5 MB plain text', 'wasm core in Node (no JS API)', wasmCore.mb_per_s, 'MB/s', `best of ${RUNS}`);
} catch (error) {
  record('clean, 5 MB plain text', 'wasm core in Node (no JS API)', NaN, 'MB/s', String(error.message).slice(0, 60));
}
const winnow = await createWinnow();
const apiMs = best(() => winnow.clean(input));
record('clean, 5 MB plain text', 'wasm via JS API in Node (bytes in, object out)', mb / (apiMs / 1e3), 'MB/s', `best of ${RUNS}`);
const asString = input.toString('utf8');
const stringMs = best(() => winnow.clean(asString));
record('clean, 5 MB plain text', 'wasm via JS API in Node (string in)', mb / (stringMs / 1e3), 'MB/s', `best of ${RUNS}`);

// --- Report.
const format = (row) => {
  if (row.unit === 'bytes') return `${(row.value / 1024).toFixed(1)} KiB`;
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
