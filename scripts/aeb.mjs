#!/usr/bin/env node
// Scores Winnow's page extraction on the article-extraction benchmark (../shared/bench/aeb)
// with the benchmark's own evaluator, and lists the pages it does worst on.
//
//   node scripts/aeb.mjs [--cli PATH] [--worst N] [--out predictions.json]
//
// The pages are gunzipped once into build/aeb-html/. --cli takes any command that prints
// `winnow clean --json` lines (default: the native build).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const aeb = path.join(root, '../shared/bench/aeb');

export function unpackPages(dir = path.join(root, 'build/aeb-html')) {
  fs.mkdirSync(dir, { recursive: true });
  const ids = [];
  for (const file of fs.readdirSync(path.join(aeb, 'html')).filter((f) => f.endsWith('.html.gz')).sort()) {
    const id = file.replace(/\.html\.gz$/, '');
    const out = path.join(dir, `${id}.html`);
    if (!fs.existsSync(out)) fs.writeFileSync(out, zlib.gunzipSync(fs.readFileSync(path.join(aeb, 'html', file))));
    ids.push(id);
  }
  return { dir, ids };
}

export async function score(predictions) {
  const { evaluate } = await import(pathToFileURL(path.join(aeb, 'eval.mjs')).href);
  const gt = JSON.parse(fs.readFileSync(path.join(aeb, 'ground-truth.json'), 'utf8'));
  return evaluate(gt, predictions, { nBootstrap: 200 });
}

async function main() {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : fallback;
  };
  const cli = option('--cli', path.join(root, 'build/native/winnow'));
  const worst = Number(option('--worst', 10));
  const { dir, ids } = unpackPages();
  const lines = execFileSync(cli, ['clean', '--json', '--no-batch', dir], { maxBuffer: 1 << 30 })
    .toString()
    .trim()
    .split('\n');
  const predictions = {};
  ids.forEach((id, i) => {
    predictions[id] = { articleBody: JSON.parse(lines[i]).text };
  });
  const out = option('--out', null);
  if (out) fs.writeFileSync(out, JSON.stringify({ output: predictions }));
  const m = await score(predictions);
  console.log(`F1 ${m.f1.toFixed(4)}  precision ${m.precision.toFixed(4)}  recall ${m.recall.toFixed(4)}  ` +
    `accuracy ${m.accuracy.toFixed(3)}  empty ${m.n_empty}/${m.n}`);
  const rows = m.rows.map((r) => {
    const p = r.tp + r.fp ? r.tp / (r.tp + r.fp) : 0;
    const rc = r.tp + r.fn ? r.tp / (r.tp + r.fn) : 0;
    return { key: r.key, p, r: rc, f1: p + rc ? (2 * p * rc) / (p + rc) : 0 };
  });
  rows.sort((a, b) => a.f1 - b.f1);
  for (const r of rows.slice(0, worst)) {
    console.log(`${r.key.slice(0, 12)}  F1 ${r.f1.toFixed(3)}  P ${r.p.toFixed(3)}  R ${r.r.toFixed(3)}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
