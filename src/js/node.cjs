// require('winnow-wasm') in Node 20, which cannot require() an ES module: the same API,
// loaded through import(). createWinnow() is asynchronous either way.
'use strict';

/** @type {typeof import('./winnow.d.ts').createWinnow} */
exports.createWinnow = (...args) => import('./node.mjs').then((entry) => entry.createWinnow(...args));
