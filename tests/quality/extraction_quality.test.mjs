// Page extraction on the article-extraction benchmark's development pages
// (../shared/bench/aeb), scored by the benchmark's own evaluator: F1 at least 0.970 (the
// best published systems), no page failing, no empty article. Natively; the parity tests
// check that the Node CLI prints the same bytes.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { score, unpackPages } from '../../scripts/aeb.mjs';
import { aebDir, nativeCli } from '../support/paths.mjs';

test('aeb pages: F1 >= 0.970, none empty', { skip: !existsSync(aebDir) && 'no ../shared/bench/aeb' }, async () => {
  const { dir, ids } = unpackPages();
  const lines = execFileSync(nativeCli, ['clean', '--json', '--no-batch', dir], { maxBuffer: 1 << 30 })
    .toString()
    .trim()
    .split('\n');
  assert.equal(lines.length, ids.length);
  const predictions = Object.fromEntries(ids.map((id, i) => [id, { articleBody: JSON.parse(lines[i]).text }]));
  const m = await score(predictions);
  console.log(`# aeb: F1 ${m.f1.toFixed(4)}, precision ${m.precision.toFixed(4)}, recall ${m.recall.toFixed(4)}, ${m.n_empty} empty of ${m.n}`);
  assert.equal(m.n_empty, 0);
  assert.ok(m.f1 >= 0.97, `F1 ${m.f1}`);
});
