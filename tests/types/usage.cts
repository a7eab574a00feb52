// require() from CommonJS in Node 20: the "require" condition, same types.
import winnow = require('winnow-wasm');

async function main(): Promise<string> {
  const w = await winnow.createWinnow();
  return w.clean('Title\n\nBody.').title;
}
export = main;
