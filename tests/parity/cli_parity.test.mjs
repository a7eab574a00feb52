// The native CLI and the Node CLI (wasm) must print the same bytes and exit alike, on the
// seed articles, the samples, random bytes and error cases.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { unpackPages } from '../../scripts/aeb.mjs';
import { aebDir, nativeCli, nodeCli, samplesDir, seedsDir } from '../support/paths.mjs';
import { Random, randomBytes, randomPieces } from '../support/random.mjs';

function both(args, input) {
  const native = spawnSync(nativeCli, args, { input, maxBuffer: 1 << 28 });
  const node = spawnSync(process.execPath, [nodeCli, ...args], { input, maxBuffer: 1 << 28 });
  return { native, node };
}

function assertSame({ native, node }, what) {
  assert.equal(node.status, native.status, `${what}: exit status`);
  assert.ok(Buffer.compare(native.stdout, node.stdout) === 0, `${what}: stdout differs`);
  assert.equal(node.stderr.toString(), native.stderr.toString(), `${what}: stderr`);
}

test('native and Node CLI agree on every seed article', { skip: !existsSync(seedsDir) && 'no ../shared/seeds' }, () => {
  const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).map((f) => join(seedsDir, f));
  assert.ok(seeds.length >= 5);
  for (const seed of seeds) {
    assertSame(both(['clean', '--json', seed]), seed);
    assertSame(both(['clean', seed]), seed);
  }
});

test('native and Node CLI agree on the samples, in batch and text modes', () => {
  const samples = readdirSync(samplesDir).map((f) => join(samplesDir, f));
  assertSame(both(['clean', '--json', ...samples]), 'samples --json');
  assertSame(both(['clean', ...samples]), 'samples text');
  assertSame(both(['clean', '--no-title', ...samples]), 'samples --no-title');
});

test('native and Node CLI agree on every page of the extraction benchmark, and on --format', { skip: !existsSync(aebDir) && 'no ../shared/bench/aeb' }, () => {
  const { dir } = unpackPages();
  assertSame(both(['clean', '--json', '--no-batch', dir]), 'aeb pages --json');
  const page = join(dir, readdirSync(dir).sort()[0]);
  for (const format of ['auto', 'text', 'html']) assertSame(both(['clean', '--json', '--format', format, page]), `--format ${format}`);
  assertSame(both(['clean', '--format', 'xml', page]), '--format xml');
});

test('native and Node CLI agree on 400 random byte strings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'winnow-parity-'));
  const rng = new Random(20241122);
  const files = [];
  for (let i = 0; i < 400; i++) {
    const file = join(dir, `${i}.bin`);
    writeFileSync(file, i % 2 ? randomBytes(rng, 2000) : randomPieces(rng, 300));
    files.push(file);
  }
  assertSame(both(['clean', '--json', ...files]), 'random --json');
  assertSame(both(['clean', ...files]), 'random text');
});

test('native and Node CLI agree on errors and standard input', () => {
  assertSame(both(['clean', '/nonexistent.txt']), 'missing file');
  assertSame(both(['clean', samplesDir]), 'directory');
  assertSame(both(['clean', '--bogus']), 'bad option');
  assertSame(both(['bogus']), 'bad command');
  assertSame(both([]), 'no command');
  assertSame(both(['--help']), 'help');
  assertSame(both(['--version']), 'version');
  assertSame(both(['clean', '--json', '-'], Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xff, 0x0d, 0x0a, 0x42])), 'stdin');
  assertSame(both(['clean', '--json'], Buffer.alloc(0)), 'empty stdin');
});

test('native and Node CLI agree on repair, in every mode', () => {
  const dir = mkdtempSync(join(tmpdir(), 'winnow-parity-repair-'));
  const rng = new Random(4242);
  const files = [];
  for (let i = 0; i < 200; i++) {
    const file = join(dir, `${i}.bin`);
    writeFileSync(file, i % 2 ? randomBytes(rng, 600) : randomPieces(rng, 120));
    files.push(file);
  }
  assertSame(both(['repair', '--json', ...files]), 'repair --json');
  assertSame(both(['repair', ...files]), 'repair text');
  const lines = files.map((f) => `${JSON.stringify(readFileSync(f).toString('latin1'))}\n`).join('');
  assertSame(both(['repair', '--jsonl'], lines + '"ok"\nnot json\n'), 'repair --jsonl');
  assertSame(both(['repair', '--straighten-quotes', '-'], '“quoted” ’text’'), 'straighten');
  assertSame(both(['repair', '--json', '--jsonl']), 'exclusive options');
});

test('native and Node CLI agree on batches, context directories and biases', { skip: !existsSync(seedsDir) && 'no ../shared/seeds' }, () => {
  const inputs = [...readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).map((f) => join(seedsDir, f)), ...readdirSync(samplesDir).map((f) => join(samplesDir, f))];
  for (const mode of [[], ['--no-batch'], ['--bias', 'recall'], ['--bias', 'precision'], ['--batch-dir', seedsDir]]) {
    assertSame(both(['clean', '--json', ...mode, ...inputs]), `clean ${mode.join(' ')}`);
  }
  assertSame(both(['clean', '--bias', 'wild']), 'bad bias');
  assertSame(both(['clean', '--batch-dir']), 'missing batch dir');
  assertSame(both(['clean', '--batch-dir', '/nonexistent', inputs[0]]), 'unreadable batch dir');
});

test('native and Node CLI agree on compare and dedup, in every mode', { skip: !existsSync(seedsDir) && 'no ../shared/seeds' }, () => {
  const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).map((f) => join(seedsDir, f));
  for (const [a, b] of [[1, 3], [0, 4], [1, 2], [0, 1], [2, 2]]) {
    assertSame(both(['compare', seeds[a], seeds[b]]), `compare ${a} ${b}`);
    assertSame(both(['compare', '--raw', '--shingle', '3', seeds[a], seeds[b]]), `compare --raw ${a} ${b}`);
  }
  assertSame(both(['compare', '-', seeds[2]], readFileSync(seeds[1])), 'compare from stdin');
  for (const threshold of ['0.05', '0.3', '0.5', '1']) {
    assertSame(both(['dedup', '--jsonl', '--threshold', threshold, seedsDir]), `dedup --jsonl ${threshold}`);
    assertSame(both(['dedup', '--raw', '--threshold', threshold, ...seeds]), `dedup --raw ${threshold}`);
  }
  // Random texts that share passages in several scripts, with repeats and broken bytes.
  const dir = mkdtempSync(join(tmpdir(), 'winnow-dedup-parity-'));
  const rng = new Random(77);
  const base = randomPieces(rng, 400);
  for (let i = 0; i < 60; i++) {
    const text = i % 3 === 0 ? Buffer.concat([base, randomPieces(rng, 40)]) : i % 3 === 1 ? randomBytes(rng, 800) : randomPieces(rng, 300);
    writeFileSync(join(dir, `${String(i).padStart(2, '0')}.txt`), text);
  }
  assertSame(both(['dedup', '--jsonl', '--raw', '--threshold', '0.2', dir]), 'dedup random --raw');
  assertSame(both(['dedup', '--threshold', '0.2', dir]), 'dedup random');
  for (let i = 0; i < 20; i += 2) {
    assertSame(both(['compare', '--raw', join(dir, `${String(i).padStart(2, '0')}.txt`), join(dir, '00.txt')]), `compare random ${i}`);
  }
  // Errors: arity, values, unreadable inputs.
  assertSame(both(['compare', seeds[0]]), 'compare with one input');
  assertSame(both(['compare', '-', '-']), 'compare with two standard inputs');
  assertSame(both(['compare', seeds[0], '/nonexistent.txt']), 'compare with a missing file');
  assertSame(both(['dedup']), 'dedup without inputs');
  for (const bad of ['0', '1.5', 'x', '0x1p-1', 'inf', ' 0.5', '']) assertSame(both(['dedup', '--threshold', bad, seedsDir]), `--threshold '${bad}'`);
  for (const bad of ['0', '65', '2.5', '1e1', 'five']) assertSame(both(['compare', '--shingle', bad, seeds[0], seeds[1]]), `--shingle '${bad}'`);
  assertSame(both(['dedup', '--json', seedsDir]), 'dedup --json is not an option');
  assertSame(both(['dedup', seeds[0], '/nonexistent.txt', seeds[1]]), 'dedup with a missing file');
});

test('progress shows on a terminal only, alike in both CLIs', { skip: !existsSync('/usr/bin/script') && 'no script(1)' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'winnow-progress-'));
  for (let i = 0; i < 70; i++) writeFileSync(join(dir, `${i}.txt`), `Story Number ${i} Title\n\nBody ${i} of the story.\n`);
  // script(1) gives the command a terminal; stdout goes to /dev/null, so the terminal shows stderr.
  const onTerminal = (cli, args) =>
    spawnSync('script', ['-qec', `${cli} ${args} >/dev/null`, '/dev/null'], { encoding: 'utf8' }).stdout;
  for (const args of [`dedup ${dir} /nonexistent.txt`, `clean --json ${dir}`, `repair ${dir}`]) {
    const native = onTerminal(nativeCli, args);
    assert.match(native, /\rwinnow: (fingerprinted|read) 64\/7[01]\r/);
    assert.equal(onTerminal(`${process.execPath} ${nodeCli}`, args), native, args);
  }
  // Not a terminal: no progress at all.
  assertSame(both(['dedup', dir]), 'dedup without a terminal');
  assert.equal(both(['dedup', dir]).native.stderr.length, 0);
});
