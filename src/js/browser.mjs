// Browser (and bundler) entry of winnow-wasm. The .wasm sits next to the glue; the URL is
// spelled as new URL(..., import.meta.url) so that bundlers see and copy the asset.
import createWinnowModule from '../../dist/wasm/winnow.mjs';
import { makeWinnow } from './facade.mjs';

/**
 * Loads the wasm module and returns the Winnow API.
 * @param {{wasmUrl?: string|URL}} [options] where to load winnow.wasm from, if not beside the glue
 */
export async function createWinnow(options = {}) {
  const wasmUrl = String(options.wasmUrl ?? new URL('../../dist/wasm/winnow.wasm', import.meta.url));
  return makeWinnow(await createWinnowModule({ locateFile: () => wasmUrl }));
}
