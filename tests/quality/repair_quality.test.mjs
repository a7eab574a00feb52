// Repair quality on fixed data from ../shared/bench: ftfy's own test cases (which Winnow
// must pass, including the ones ftfy fails) and the aeb ground-truth bodies (correct text
// that must come out unchanged but for NFC, and come back when misread as Windows-1252).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { nativeCli, nodeCli, root } from '../support/paths.mjs';

const casesDir = `${root}../shared/bench/mojibake/ftfy-cases`;
const groundTruth = `${root}../shared/bench/aeb/ground-truth.json`;

function repairAll(texts, [command, ...args] = [nativeCli]) {
  const input = texts.map((t) => `${JSON.stringify(t)}\n`).join('');
  const { stdout, status } = spawnSync(command, [...args, 'repair', '--jsonl'], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(status, 0);
  return stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
}

// ../shared/bench/mojibake/run_cases.py, the benchmark's own harness, on every case and on
// the "extra-bad" variant (each case garbled once more), as the acceptance states it.
function runCases(cli) {
  const { stdout, status } = spawnSync(
    'python3',
    [`${root}../shared/bench/mojibake/run_cases.py`, casesDir, '--cmd', `${cli} repair --jsonl`,
      '--mode', 'text', '--fold-quotes', '--variants', 'base,extra-bad', '--show-failures', '20'],
    { encoding: 'utf8' },
  );
  assert.equal(status, 0, stdout);
  return stdout;
}

test('ftfy test cases pass, with and without an extra layer of mojibake', { skip: !existsSync(casesDir) && 'no ../shared' }, () => {
  const report = runCases(nativeCli);
  const [, passed, failed] = report.match(/cases: (\d+) passed, (\d+) failed/);
  assert.ok(Number(passed) >= 354, report);
  assert.equal(Number(failed), 0, report);
});

test('the Node CLI (wasm) repairs every ftfy case exactly as the native CLI does', { skip: !existsSync(casesDir) && 'no ../shared' }, () => {
  const cases = readdirSync(casesDir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => JSON.parse(readFileSync(`${casesDir}/${f}`, 'utf8')));
  const texts = cases.map((c) => c.original);
  assert.deepEqual(repairAll(texts, [process.execPath, nodeCli]), repairAll(texts));
});

test('correct article bodies come out of repair unchanged but for NFC', { skip: !existsSync(groundTruth) && 'no ../shared' }, () => {
  const bodies = Object.values(JSON.parse(readFileSync(groundTruth, 'utf8'))).map((d) => d.articleBody);
  const outputs = repairAll(bodies);
  const changed = bodies.filter((body, i) => outputs[i] !== body && outputs[i] !== body.normalize('NFC'));
  assert.equal(changed.length, 0);
});

test('article bodies misread as Windows-1252 come back as they were', { skip: !existsSync(groundTruth) && 'no ../shared' }, () => {
  // As a browser misreads UTF-8: Windows-1252, its five undefined bytes as C1 controls.
  const misread = new TextDecoder('windows-1252');
  const bodies = Object.values(JSON.parse(readFileSync(groundTruth, 'utf8'))).map((d) => d.articleBody);
  const outputs = repairAll(bodies.map((body) => misread.decode(Buffer.from(body, 'utf8'))));
  const restored = bodies.filter((body, i) => outputs[i] === body.normalize('NFC')).length;
  // 120 of 121 at this writing. The other keeps one token: a lone letter between an
  // asterisk and digits on a line as much Latin as Cyrillic ("*Ñ…100" for "*х100").
  assert.ok(restored >= 120, `${restored} of ${bodies.length} restored`);
});
