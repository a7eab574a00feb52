// The Index class of the JS API, used as a Node user uses it.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createWinnow } from '../../src/js/node.mjs';
import { Random } from '../support/random.mjs';

let w;
before(async () => {
  w = await createWinnow();
});

function words(rng, count) {
  return Array.from({ length: count }, () => `w${rng.below(5000)}`).join(' ');
}
function edit(rng, text, rate) {
  return text
    .split(' ')
    .map((word) => (rng.below(1000) < rate * 1000 ? `x${rng.below(100000)}` : word))
    .join(' ');
}

describe('Index', () => {
  test('finds near-duplicates, verified exactly against compare()', () => {
    const rng = new Random(5);
    const texts = [];
    for (let i = 0; i < 40; i++) {
      const base = words(rng, 150);
      texts.push(base, edit(rng, base, 0.03), words(rng, 150));
    }
    const index = new w.Index({ threshold: 0.6 });
    texts.forEach((text, i) => assert.equal(index.add(text, { raw: true }), i));
    assert.equal(index.size, texts.length);
    const pairs = index.pairs();
    // The edited copies at or above the threshold, by exact comparison (unrelated texts share nothing).
    const expected = [];
    for (let i = 0; i < texts.length; i += 3) {
      if (w.compare(texts[i], texts[i + 1], { raw: true }).jaccard >= 0.6) expected.push([i, i + 1]);
    }
    assert.ok(expected.length >= 35);
    assert.deepEqual(pairs.map((p) => [p.a, p.b]), expected);
    for (const p of pairs) {
      assert.equal(p.b, p.a + 1);
      const exact = w.compare(texts[p.a], texts[p.b], { raw: true });
      assert.equal(Math.round(p.jaccard * 1e6) / 1e6, exact.jaccard);
      assert.equal(Math.round(p.containment_ab * 1e6) / 1e6, exact.containment_ab);
    }
    assert.deepEqual(index.clusters(), pairs.map((p) => [p.a, p.b]));
    assert.deepEqual(index.query(texts[3], { raw: true }).map((m) => m.id), [3, 4]);
  });

  test('cleans what it adds unless raw', () => {
    const index = new w.Index();
    const story = 'Harbour Bridge Reopens\n\nThe bridge reopened on Monday after three months of repairs to its deck and cables.';
    index.add(`${story}\n\nShare this article`);
    assert.equal(index.query(story)[0].jaccard, 1);
  });

  test('removes documents and never reuses their ids', () => {
    const index = new w.Index({ threshold: 0.9 });
    const text = words(new Random(6), 100);
    const a = index.add(text, { raw: true });
    const b = index.add(text, { raw: true });
    assert.equal(index.pairs().length, 1);
    assert.equal(index.remove(a), true);
    assert.equal(index.remove(a), false);
    assert.equal(index.remove(-1), false);
    assert.equal(index.has(a), false);
    assert.equal(index.has(b), true);
    assert.equal(index.pairs().length, 0);
    assert.equal(index.add(text, { raw: true }), 2);
    assert.equal(index.nextId, 3);
  });

  test('saves and loads byte for byte, and refuses damaged files', () => {
    const rng = new Random(7);
    const index = new w.Index({ threshold: 0.7, shingle: 4 });
    for (let i = 0; i < 20; i++) index.add(words(rng, 80), { raw: true });
    const saved = index.save();
    assert.ok(saved instanceof Uint8Array);
    const loaded = w.Index.load(saved);
    assert.deepEqual(loaded.save(), saved);
    assert.equal(loaded.threshold, 0.7);
    assert.equal(loaded.shingle, 4);
    assert.deepEqual(loaded.lsh, index.lsh);
    assert.throws(() => w.Index.load(saved.subarray(0, saved.length - 1)), { name: 'Error', message: /^Index.load: index is corrupted/ });
    const flipped = saved.slice();
    flipped[40] ^= 4;
    assert.throws(() => w.Index.load(flipped), /corrupted/);
    assert.throws(() => w.Index.load(new TextEncoder().encode('hello')), /not a Winnow index/);
    assert.throws(() => w.Index.load('text'), { name: 'TypeError' });
    assert.equal(index.size, 20); // the instance keeps working
  });

  test('bad options are TypeErrors or RangeErrors; a disposed index says so', () => {
    assert.throws(() => new w.Index({ threshold: 0 }), { name: 'RangeError', message: /threshold/ });
    assert.throws(() => new w.Index({ threshold: 1.5 }), { name: 'RangeError' });
    assert.throws(() => new w.Index({ threshold: '0.5' }), { name: 'TypeError' });
    assert.throws(() => new w.Index({ shingle: 100 }), { name: 'RangeError' });
    assert.throws(() => new w.Index({ bands: 3 }), { name: 'TypeError', message: /unknown option 'bands'/ });
    const index = new w.Index();
    assert.throws(() => index.add(42), { name: 'TypeError', message: /^Index.add: input must be/ });
    index.dispose();
    index.dispose();
    assert.throws(() => index.add('x'), { message: /disposed/ });
    assert.throws(() => index.pairs(), { message: /disposed/ });
  });
});
