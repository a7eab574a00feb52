// Browser (and bundler) entry of winnow-wasm. The .wasm sits next to the glue; the URL is
// spelled as new URL(..., import.meta.url) so that bundlers see and copy the asset.
import createWinnowModule from '../../dist/wasm/winnow.mjs';
import { makeWinnow, memoryOption } from './facade.mjs';

/**
 * Loads the wasm module and returns the Winnow API.
 * @param {{wasmUrl?: string|URL, memory?: WebAssembly.Memory}} [options] wasmUrl: where to
 *   load winnow.wasm from, if not beside the glue; memory: the memory to run in, whose
 *   maximum caps what the instance may use (calls that would need more throw a RangeError)
 */
export async function createWinnow(options = {}) {
  const memory = memoryOption(options);
  const wasmUrl = String(options.wasmUrl ?? new URL('../../dist/wasm/winnow.wasm', import.meta.url));
  return makeWinnow(await createWinnowModule({ locateFile: () => wasmUrl, ...memory }));
}
