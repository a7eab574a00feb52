// Node entry of winnow-wasm. The glue is built for browsers (Emscripten 3.1.6 cannot emit
// one ES module for both), so the .wasm bytes are read here and handed over: the glue then
// never tries to fetch a file path.
import { readFile } from 'node:fs/promises';
import createWinnowModule from '../../dist/wasm/winnow.mjs';
import { makeWinnow, memoryOption } from './facade.mjs';

const wasmPath = new URL('../../dist/wasm/winnow.wasm', import.meta.url);

/**
 * Loads the wasm module and returns the Winnow API.
 * @param {{memory?: WebAssembly.Memory}} [options] memory: the memory to run in, whose
 *   maximum caps what the instance may use (at least 256 pages initially); calls that would
 *   need more throw a RangeError
 * @example
 *   import { createWinnow } from 'winnow-wasm';
 *   const w = await createWinnow();
 *   w.clean('Title\n\nBody text &amp; more.').text; // 'Body text & more.'
 */
export async function createWinnow(options = {}) {
  const wasmBinary = await readFile(wasmPath);
  return makeWinnow(await createWinnowModule({ wasmBinary, ...memoryOption(options) }));
}
