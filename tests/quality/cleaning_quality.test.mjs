// Cleaning quality on fixed data from ../shared: the seed articles' expectations, each seed
// alone and cleaned in the batch of all seeds, and no loss on the aeb ground-truth bodies.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { nativeCli, root, seedsDir } from '../support/paths.mjs';

const haveShared = existsSync(`${seedsDir}/check.py`);

function checkSeeds(extraArgs) {
  const { stdout, status } = spawnSync('python3', [`${seedsDir}/check.py`, '--', nativeCli, 'clean', '--json', ...extraArgs], {
    encoding: 'utf8',
  });
  return { status, summary: stdout.trim().split('\n').at(-1), stdout };
}

test('every seed expectation holds with each seed cleaned alone', { skip: !haveShared && 'no ../shared' }, () => {
  const { status, summary, stdout } = checkSeeds([]);
  assert.equal(status, 0, stdout);
  assert.match(summary, /^\d+ passed, 0 failed$/);
});

test('every seed expectation holds with the seeds cleaned as one batch', { skip: !haveShared && 'no ../shared' }, () => {
  const { status, summary, stdout } = checkSeeds(['--batch-dir', seedsDir]);
  assert.equal(status, 0, stdout);
  assert.match(summary, /^\d+ passed, 0 failed$/);
});

test('article bodies fed as plain text keep at least 99.5% of their paragraphs', { skip: !haveShared && 'no ../shared' }, () => {
  const { stdout, status } = spawnSync('python3', [`${root}tests/quality/no_loss.py`, nativeCli, '--min', '0.995'], {
    encoding: 'utf8',
  });
  assert.equal(status, 0, stdout);
  assert.match(stdout, /documents emptied: 0/);
});
