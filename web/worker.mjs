// Runs the wasm cleaner off the main thread, so the page never freezes on a big input.
// Protocol: {id, op, input, options} in; {id, ok: true, result} or {id, ok: false, error} out.
import { createWinnow } from './winnow-wasm/src/js/browser.mjs';

const ready = createWinnow();

const operations = {
  clean: (winnow, { input, options }) => winnow.clean(input, options),
  version: (winnow) => winnow.version,
};

self.addEventListener('message', async (event) => {
  const { id, op } = event.data;
  try {
    const winnow = await ready;
    if (!Object.hasOwn(operations, op)) throw new TypeError(`unknown operation '${op}'`);
    self.postMessage({ id, ok: true, result: operations[op](winnow, event.data) });
  } catch (error) {
    self.postMessage({ id, ok: false, error: { name: error.name, message: error.message } });
  }
});
