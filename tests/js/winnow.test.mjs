// The JS API (the Winnow object createWinnow returns), used as a Node user uses it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { createWinnow } from '../../src/js/node.mjs';
import { root } from '../support/paths.mjs';

let w;
before(async () => {
  w = await createWinnow();
});

describe('clean', () => {
  test('returns the CLI JSON shape, keys in order', () => {
    const article = w.clean('City Opens New Library\n\nThe library opened &amp; it has 40,000 books.\nSecond.');
    assert.deepEqual(Object.keys(article), ['title', 'text', 'paragraphs', 'removed', 'repairs', 'metadata']);
    assert.equal(article.title, 'City Opens New Library');
    assert.deepEqual(article.paragraphs, ['The library opened & it has 40,000 books.', 'Second.']);
    assert.equal(article.text, article.paragraphs.join('\n\n'));
    assert.deepEqual(article.repairs, [{ from: '&amp;', to: '&', reason: 'character-reference', count: 1 }]);
    assert.deepEqual(article.removed, []);
  });

  test('accepts strings, Uint8Array, Buffer, ArrayBuffer and other views alike', () => {
    const text = 'Ünïcödé Title\n\nBody — with “quotes” and 😀.';
    const bytes = new TextEncoder().encode(text);
    const expected = w.clean(text);
    assert.deepEqual(w.clean(bytes), expected);
    assert.deepEqual(w.clean(Buffer.from(text)), expected);
    assert.deepEqual(w.clean(bytes.buffer), expected);
    assert.deepEqual(w.clean(new DataView(bytes.buffer)), expected);
    const offset = new Uint8Array(bytes.length + 4);
    offset.set(bytes, 2);
    assert.deepEqual(w.clean(offset.subarray(2, 2 + bytes.length)), expected);
  });

  test('reports lone surrogates in strings instead of losing them silently', () => {
    const article = w.clean('Title Line\n\nbad \ud800 high, bad \udc00 low, good \ud83d\ude00.');
    assert.equal(article.paragraphs[0], 'bad \ufffd high, bad \ufffd low, good \ud83d\ude00.');
    const invalid = article.repairs.filter((r) => r.reason === 'invalid-utf8');
    assert.equal(invalid.reduce((n, r) => n + r.count, 0), 2);
  });

  test('reports a lone surrogate also in a string that holds a real U+FFFD', () => {
    // Strings are encoded into wasm memory with encodeInto, which makes each lone surrogate
    // a U+FFFD; one more U+FFFD in the bytes than in the string sends it again as UTF-16.
    const r = w.repair('kept \ufffd, lost \udc00, emoji \ud83d\ude00');
    assert.equal(r.text, 'kept \ufffd, lost \ufffd, emoji \ud83d\ude00');
    assert.equal(r.repairs.filter((x) => x.reason === 'invalid-utf8').reduce((n, x) => n + x.count, 0), 1);
  });

  test('repair returns a string it did not change as it is, and the same as bytes give', () => {
    const text = 'Plain text, “curly quotes”, café, 東京, emoji \ud83d\ude00.\n';
    assert.deepEqual(w.repair(text), { text, repairs: [] });
    assert.deepEqual(w.repair(new TextEncoder().encode(text)), { text, repairs: [] });
    // U+FFFD is reported, not changed: the text is still the string given.
    const marked = w.repair('lost: \ufffd');
    assert.equal(marked.text, 'lost: \ufffd');
    assert.deepEqual(marked.repairs.map((x) => x.reason), ['replacement-run']);
    const changed = w.repair('The cafÃ© is open');
    assert.equal(changed.text, 'The café is open');
  });

  test('decodes UTF-16 bytes with a byte order mark', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Title Here\n\nBody text.', 'utf16le')]);
    assert.equal(w.clean(utf16).text, 'Body text.');
  });

  test('option title: false keeps the first line as body text', () => {
    assert.equal(w.clean('Short Line\nBody.', { title: false }).title, '');
    assert.equal(w.clean('Short Line\nBody.', { title: true }).title, 'Short Line');
    assert.equal(w.clean('Short Line\nBody.', {}).title, 'Short Line');
  });

  test('recognises pages, and option format forces text or HTML', () => {
    const page = '<html><head><title>Bridge Opens | Example News</title></head><body><nav><a href="/">Home</a></nav>' +
      '<article><h1>Bridge Opens</h1><p>The new bridge over the river opened on Monday, after three years of work.</p>' +
      '<p>The mayor cut the ribbon, and the first cars crossed at noon, to applause from a crowd.</p></article></body></html>';
    const article = w.clean(page);
    assert.equal(article.title, 'Bridge Opens');
    assert.deepEqual(article.paragraphs, [
      'The new bridge over the river opened on Monday, after three years of work.',
      'The mayor cut the ribbon, and the first cars crossed at noon, to applause from a crowd.',
    ]);
    assert.deepEqual(article.removed.find((r) => r.text === 'Home'), { text: 'Home', reason: 'navigation', at: 0 });
    assert.match(w.clean(page, { format: 'text' }).text, /<article>/);
    assert.equal(w.clean('Plain <b>bold</b> words', { format: 'html' }).text, 'Plain bold words');
  });

  test('recognises Markdown, and option format forces it', () => {
    const markdown = '* [Home](https://example.org/)\n* [World](https://example.org/world)\n\n' +
      '# Bridge Opens\n\n![The bridge at dawn](https://example.org/bridge.jpg)\n\n' +
      'The new bridge over the **river** opened on Monday, after [three years](https://example.org/works) of work.\n\n' +
      'The mayor cut the ribbon, and the first cars crossed at noon, to applause from a crowd.\n';
    const article = w.clean(markdown);
    assert.equal(article.title, 'Bridge Opens');
    assert.deepEqual(article.paragraphs, [
      'The new bridge over the river opened on Monday, after three years of work.',
      'The mayor cut the ribbon, and the first cars crossed at noon, to applause from a crowd.',
    ]);
    assert.equal(article.removed.find((r) => r.text === 'The bridge at dawn').reason, 'caption-credit');
    // One link is not enough to tell; the option says so.
    const one = 'The bridge opened on [Monday](https://example.org/monday), after three years of work.';
    assert.match(w.clean(one, { title: false }).text, /\]\(https/);
    assert.equal(w.clean(one, { title: false, format: 'markdown' }).text, 'The bridge opened on Monday, after three years of work.');
  });
});

describe('argument errors', () => {
  test('wrong input types are TypeErrors that name the function', () => {
    for (const bad of [undefined, null, 42, {}, [], () => {}, Symbol('x')]) {
      assert.throws(() => w.clean(bad), { name: 'TypeError', message: /^clean: input must be a string/ });
    }
  });

  test('bad options are TypeErrors that say what is allowed', () => {
    assert.throws(() => w.clean('x', 'title'), { name: 'TypeError', message: /options must be an object/ });
    assert.throws(() => w.clean('x', { titel: false }), { name: 'TypeError', message: /unknown option 'titel' \(known: title, bias, format\)/ });
    assert.throws(() => w.clean('x', { title: 'no' }), { name: 'TypeError', message: /option 'title' must be a boolean/ });
  });

  test('too large an input is a RangeError, and the instance keeps working', () => {
    assert.equal(w.maxInputBytes, 128 * 2 ** 20);
    assert.throws(() => w.clean(new Uint8Array(w.maxInputBytes + 1)), { name: 'RangeError', message: /more than the limit/ });
    assert.equal(w.clean('Still Working Fine\n\nYes.').text, 'Yes.');
  });
});

test('a memory that cannot grow is a RangeError, and the instance keeps working', async () => {
  const memory = new WebAssembly.Memory({ initial: 256, maximum: 1024 }); // 16 MiB, at most 64 MiB
  const small = await createWinnow({ memory });
  const big = 'A long line of article text, repeated. '.repeat(200_000); // about 8 MB
  assert.throws(() => small.clean(big), { name: 'RangeError', message: /^clean: not enough memory for \d+ bytes of input/ });
  assert.throws(() => small.cleanBatch([big, big]), { name: 'RangeError', message: /^cleanBatch: not enough memory/ });
  const index = new small.Index();
  assert.throws(() => index.add(big), { name: 'RangeError', message: /^Index.add: not enough memory/ });
  assert.equal(small.clean('Title Line\n\nBody text that is fine.').text, 'Body text that is fine.');
  assert.equal(index.add('Body text that is fine, in the index.'), 0);
  index.dispose();
  await assert.rejects(createWinnow({ memory: 64 }), { name: 'TypeError', message: /option 'memory' must be a WebAssembly.Memory/ });
});

test('version is the one in package.json', () => {
  const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
  assert.equal(w.version, pkg.version);
});

test('a second instance is independent of the first', async () => {
  const other = await createWinnow();
  assert.notEqual(other, w);
  assert.deepEqual(other.clean('Same Title\n\nSame body.'), w.clean('Same Title\n\nSame body.'));
});

test("the package name resolves to the Node entry through package.json exports", async () => {
  const viaName = await import('winnow-wasm');
  const viaPath = await import('../../src/js/node.mjs');
  assert.equal(viaName.createWinnow, viaPath.createWinnow);
});

describe('repair', () => {
  test('returns the CLI JSON shape: text and repairs', () => {
    const repaired = w.repair('The cafÃ© &amp; bar â€” open');
    assert.deepEqual(Object.keys(repaired), ['text', 'repairs']);
    assert.equal(repaired.text, 'The café & bar — open');
    assert.deepEqual(
      repaired.repairs.map((r) => [r.from, r.to, r.reason]),
      [['&amp;', '&', 'character-reference'], ['Ã©', 'é', 'mojibake'], ['â€”', '—', 'mojibake']],
    );
  });

  test('leaves white space as it is, unlike clean', () => {
    assert.equal(w.repair('a  b\r\nc\u00a0d').text, 'a  b\r\nc\u00a0d');
  });

  test('straightens quotes only when asked', () => {
    assert.equal(w.repair('“Hi,” she said’').text, '“Hi,” she said’');
    assert.equal(w.repair('“Hi,” she said’', { straightenQuotes: true }).text, '"Hi," she said\'');
  });

  test('bad arguments are TypeErrors', () => {
    assert.throws(() => w.repair(7), { name: 'TypeError', message: /^repair: input must be/ });
    assert.throws(() => w.repair('x', { straighten: true }), { name: 'TypeError', message: /unknown option 'straighten'/ });
  });
});

describe('cleanBatch', () => {
  const appeal = 'Dear reader, the Valley Post is free to read because people like you chip in. Thank you.';
  const story = (title, body) => `${title}\n\n${body}\n\n${appeal}\n`;

  test('cleans each article and removes what recurs across them', () => {
    const [a, b] = w.cleanBatch([
      story('School Reopens After Repairs', 'The village school reopened on Monday after a summer of repairs to its roof, the mayor said.'),
      story('Bakery Wins Regional Prize', 'A family bakery in the old town won the regional bread prize on Saturday for its rye loaf.'),
    ]);
    assert.equal(a.title, 'School Reopens After Repairs');
    assert.equal(b.title, 'Bakery Wins Regional Prize');
    assert.ok(a.removed.some((r) => r.text === appeal));
    assert.ok(b.removed.some((r) => r.text === appeal));
    assert.deepEqual(Object.keys(a), ['title', 'text', 'paragraphs', 'removed', 'repairs', 'metadata']);
  });

  test('matches clean for a batch of one, and returns [] for none', () => {
    const text = story('Bridge Reopens', 'The bridge reopened to traffic on Friday after six weeks of repairs to its deck.');
    assert.deepEqual(w.cleanBatch([text]), [w.clean(text)]);
    assert.deepEqual(w.cleanBatch([]), []);
  });

  test('bad arguments are TypeErrors or RangeErrors', () => {
    assert.throws(() => w.cleanBatch('text'), { name: 'TypeError', message: /inputs must be an array/ });
    assert.throws(() => w.cleanBatch(['ok', 5]), { name: 'TypeError', message: /cleanBatch: input 1: input must be/ });
    assert.throws(() => w.clean('x', { bias: 'aggressive' }), { name: 'RangeError', message: /bias' must be one of balanced, precision, recall/ });
    assert.throws(() => w.clean('x', { format: 'rtf' }), { name: 'RangeError', message: /format' must be one of auto, text, html, markdown/ });
    assert.equal(w.clean('Still Fine Here\n\nYes it is, the instance works.').title, 'Still Fine Here');
  });
});

describe('compare', () => {
  const shared = 'Deep concern was expressed about the continuing escalation of violence';

  test('returns the CLI numbers, with passages indexing the compared texts', () => {
    const a = `Moscow talks\n\nPutin spoke on Tuesday. ${shared}, the Kremlin said.`;
    const b = `Ankara talks\n\nOfficials in Ankara said: "${shared}" and more.`;
    const r = w.compare(a, b, { raw: true });
    assert.deepEqual(Object.keys(r), ['jaccard', 'containment_ab', 'containment_ba', 'shingles_a', 'shingles_b', 'shared', 'passages', 'a', 'b']);
    assert.equal(r.a, a);
    assert.equal(r.passages.length, 1);
    const [p] = r.passages;
    assert.equal(r.a.slice(p.a_start, p.a_end), shared);
    assert.equal(r.b.slice(p.b_start, p.b_end), shared);
    assert.equal(p.text, shared);
    assert.equal(r.shared, 6);
  });

  test('offsets are string indices even after astral and accented characters', () => {
    const a = `😀 café ${shared}`;
    const b = `ü 👩‍💻 ${shared} 東京`;
    const [p] = w.compare(a, b, { raw: true }).passages;
    assert.equal(a.slice(p.a_start, p.a_end), shared);
    assert.equal(b.slice(p.b_start, p.b_end), shared);
  });

  test('cleans first unless raw', () => {
    const appeal = 'Support independent journalism. Donate today to keep our reporting free for everyone who reads it.';
    const a = `First Story Title\n\n${'Alpha beta gamma delta epsilon zeta eta theta. '.repeat(3)}\n\n${appeal}`;
    const b = `Second Story Title\n\n${'Iota kappa lambda mu nu xi omicron pi. '.repeat(3)}\n\n${appeal}`;
    assert.ok(w.compare(a, b, { raw: true }).jaccard > 0.1);
    assert.equal(w.compare(a, b).jaccard, 0);
  });

  test('bad arguments are TypeErrors or RangeErrors, and the instance keeps working', () => {
    assert.throws(() => w.compare('a'), { name: 'TypeError', message: /^compare: input must be a string/ });
    assert.throws(() => w.compare('a', 'b', { shingle: 0 }), { name: 'RangeError', message: /shingle/ });
    assert.throws(() => w.compare('a', 'b', { shingle: 2.5 }), { name: 'RangeError' });
    assert.throws(() => w.compare('a', 'b', { raw: 1 }), { name: 'TypeError', message: /option 'raw' must be a boolean/ });
    assert.equal(w.compare('one two three four five', 'one two three four five', { raw: true }).jaccard, 1);
  });
});
