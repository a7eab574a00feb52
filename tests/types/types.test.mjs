// The hand-written declarations (src/js/winnow.d.ts) against what users write (tsc over
// usage.mts and usage.cts, resolved through package.json "exports"), and against the API
// object itself: every member it declares exists, and nothing undeclared.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createWinnow } from '../../src/js/node.mjs';
import { root } from '../support/paths.mjs';

test('the declarations type-check real usage and reject misuse', () => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', `${root}tests/types`], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stdout + result.stderr);
});

test('the declared members are the API object\'s members', async () => {
  const declarations = readFileSync(`${root}src/js/winnow.d.ts`, 'utf8');
  const block = (name) => declarations.slice(declarations.indexOf(`export interface ${name} {`)).split('\n}')[0];
  const members = (text) => [...text.matchAll(/^  (?:readonly )?(\w+)[(?:]/gm)].map((m) => m[1]).sort();
  const w = await createWinnow();
  assert.deepEqual(Object.keys(w).sort(), members(block('Winnow')));
  const index = new w.Index();
  const proto = Object.getOwnPropertyNames(Object.getPrototypeOf(index)).filter((n) => n !== 'constructor');
  assert.deepEqual(proto.sort(), members(block('Index')));
  index.dispose();
});
