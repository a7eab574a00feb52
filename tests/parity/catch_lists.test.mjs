// The Catch2 suite is one source built twice: natively and to wasm. Both builds must hold
// the same test cases (CTest runs each of them in both).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { nativeTests, wasmTests } from '../support/paths.mjs';

test('native and wasm Catch2 builds list the same test cases', () => {
  // Catch2 v2 exits with the number of test cases listed, so the status is not checked.
  const list = (command, args) => {
    const { stdout, error } = spawnSync(command, [...args, '--list-test-names-only'], { encoding: 'utf8' });
    if (error) throw error;
    return stdout.split('\n').filter(Boolean).sort();
  };
  const native = list(nativeTests, []);
  const wasm = list(process.execPath, ['--no-experimental-fetch', wasmTests]);
  assert.ok(native.length >= 30, `only ${native.length} test cases`);
  assert.deepEqual(wasm, native);
});
