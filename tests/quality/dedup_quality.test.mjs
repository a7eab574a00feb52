// Near-duplicate quality on fixed data from ../shared: the seed pairs of expectations.json
// after cleaning, and a 10,000-document corpus from gen_corpus.py checked against the exact
// all-pairs reference (tests/reference/similarity.hpp), natively and in wasm.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { dedupGenerator, nativeCli, nativeDedupBench, root, seedsDir, wasmDedupBench } from '../support/paths.mjs';

const haveSeeds = existsSync(`${seedsDir}/expectations.json`);
const haveGenerator = existsSync(dedupGenerator);

function compare(a, b, ...options) {
  const run = spawnSync(nativeCli, ['compare', ...options, join(seedsDir, a), join(seedsDir, b)], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

test('seed pairs: the same article is a duplicate after cleaning, different ones are not', { skip: !haveSeeds && 'no ../shared' }, () => {
  const { pairs } = JSON.parse(readFileSync(`${seedsDir}/expectations.json`, 'utf8'));
  assert.ok(pairs.length >= 4);
  for (const pair of pairs) {
    const cleaned = compare(pair.a, pair.b);
    if (pair.duplicate) assert.ok(cleaned.jaccard >= 0.9, `${pair.a} ${pair.b}: ${cleaned.jaccard}`);
    else assert.ok(cleaned.jaccard < 0.5, `${pair.a} ${pair.b}: ${cleaned.jaccard}`);
  }
  const [same, appeal] = [pairs.find((p) => p.duplicate), pairs.find((p) => /donation/.test(p.note))];
  // Raw text hides the duplicate and invents a similarity: why Winnow cleans first.
  assert.ok(compare(same.a, same.b, '--raw').jaccard < 0.5);
  assert.ok(compare(appeal.a, appeal.b, '--raw').jaccard > 0.25);
  assert.ok(compare(appeal.a, appeal.b).jaccard < 0.1);
});

test('seed pairs: two outlets reporting one event share their quoted sentences as passages', { skip: !haveSeeds && 'no ../shared' }, () => {
  const { pairs } = JSON.parse(readFileSync(`${seedsDir}/expectations.json`, 'utf8'));
  const pair = pairs.find((p) => /quoted/.test(p.note));
  const { passages, jaccard } = compare(pair.a, pair.b);
  assert.ok(jaccard < 0.2);
  const texts = passages.map((p) => p.text);
  assert.ok(texts.some((t) => /regrettable to target civilian installations/.test(t)), texts.join('\n'));
  assert.ok(texts.some((t) => /continuing escalation of violence/.test(t)), texts.join('\n'));
  assert.ok(passages.every((p) => p.words >= 5));
});

test('10,000 generated documents: recall >= 0.99 and precision 1 against the exact reference, natively and in wasm', {
  skip: !haveGenerator && 'no ../shared/bench/dedup',
  timeout: 600_000,
}, () => {
  const corpus = `${root}build/corpus-10k`;
  if (!existsSync(`${corpus}/groups.json`)) {
    const gen = spawnSync('python3', [dedupGenerator, seedsDir, corpus, '10000', '--rng', '7'], { encoding: 'utf8' });
    assert.equal(gen.status, 0, gen.stderr);
  }
  const run = (command, ...extra) => {
    const result = spawnSync(command[0], [...command.slice(1), corpus, ...extra, '--threshold', '0.5', '--threshold', '0.8'], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    assert.equal(result.status, 0, result.stderr);
    return result.stdout.trim().split('\n').map((line) => JSON.parse(line));
  };
  const native = run([nativeDedupBench], '--reference');
  for (const r of native) {
    assert.ok(r.exact_pairs > 100, `threshold ${r.threshold}: ${r.exact_pairs} exact pairs`);
    assert.ok(r.recall >= 0.99, `threshold ${r.threshold}: recall ${r.recall}`);
    assert.equal(r.precision, 1, `threshold ${r.threshold}: precision ${r.precision}`);
  }
  const wasm = run([process.execPath, '--no-experimental-fetch', wasmDedupBench]);
  for (let i = 0; i < native.length; i++) {
    assert.equal(wasm[i].pairs_digest, native[i].pairs_digest, 'the same pairs');
    assert.equal(wasm[i].index_digest, native[i].index_digest, 'the same index file, byte for byte');
  }
});
