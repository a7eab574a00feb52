// The Node CLI (package.json "bin": winnow), run as a user runs it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { nodeCli, root, samplesDir } from '../support/paths.mjs';

function winnow(args, input) {
  const result = spawnSync(process.execPath, [nodeCli, ...args], { input, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('winnow (Node CLI)', () => {
  test('--help and --version exit 0', () => {
    const help = winnow(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: winnow clean/);
    const version = winnow(['--version']);
    assert.equal(version.status, 0);
    assert.equal(version.stdout, `winnow ${JSON.parse(readFileSync(`${root}package.json`, 'utf8')).version}\n`);
  });

  test('usage errors exit 2 with a hint', () => {
    for (const args of [[], ['bogus'], ['clean', '--bogus']]) {
      const r = winnow(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /Try 'winnow --help'/);
      assert.equal(r.stdout, '');
    }
  });

  test('reads standard input and prints title and text', () => {
    const r = winnow(['clean'], 'A Title Line\r\n\r\nBody&nbsp;text.\r\n');
    assert.equal(r.status, 0);
    assert.equal(r.stdout, 'A Title Line\n\nBody text.\n');
  });

  test('--json prints one object per input, on its own line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'winnow-cli-'));
    writeFileSync(join(dir, 'a.txt'), 'First Title\n\nBody one.');
    writeFileSync(join(dir, 'b.txt'), 'Body two only.');
    const r = winnow(['clean', '--json', join(dir, 'a.txt'), join(dir, 'b.txt')]);
    assert.equal(r.status, 0);
    const lines = r.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    assert.deepEqual(lines.map((a) => [a.title, a.text]), [['First Title', 'Body one.'], ['', 'Body two only.']]);
  });

  test('several files in text mode get headers', () => {
    const a = `${samplesDir}/stadtbibliothek.txt`;
    const r = winnow(['clean', a, '-'], 'Zweiter Titel\n\nText.');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^==> .*stadtbibliothek\.txt <==\nStadtbibliothek öffnet/);
    assert.match(r.stdout, /\n\n==> - <==\nZweiter Titel\n\nText\.\n$/);
  });

  test('--no-title keeps the first line in the body', () => {
    const r = winnow(['clean', '--no-title', '--json'], 'Short Line\nBody.');
    assert.equal(JSON.parse(r.stdout).title, '');
  });

  test('a missing file is reported, the others still cleaned, exit 1', () => {
    const r = winnow(['clean', '/nonexistent/file.txt', '-'], 'Still Here Title\n\nBody.');
    assert.equal(r.status, 1);
    assert.equal(r.stderr, 'winnow: /nonexistent/file.txt: No such file or directory\n');
    assert.match(r.stdout, /Still Here Title/);
  });

  test('a directory stands for its files, sorted, hidden ones left out', () => {
    const r = winnow(['clean', '--json', samplesDir]);
    assert.equal(r.status, 0, r.stderr);
    const files = readdirSync(samplesDir).filter((f) => !f.startsWith('.')).sort();
    assert.equal(r.stdout.trim().split('\n').length, files.length);
    const alone = winnow(['clean', '--json', ...files.map((f) => `${samplesDir}/${f}`)]);
    assert.equal(r.stdout, alone.stdout);
  });
});
