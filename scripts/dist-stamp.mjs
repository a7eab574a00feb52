#!/usr/bin/env node
// Build output must come from the sources beside it. `scripts/build wasm` writes
// dist/wasm/SOURCES.sha256, the hash of every file that goes into winnow.wasm and its glue;
// `node scripts/dist-stamp.mjs --check` (run by `npm pack` through "prepack", and by the
// tests) fails when the sources have changed since, or when the .wasm or glue was replaced.
//   node scripts/dist-stamp.mjs          print the stamp of the current sources
//   node scripts/dist-stamp.mjs --write  write dist/wasm/SOURCES.sha256
//   node scripts/dist-stamp.mjs --check  exit 1 with a message if dist/wasm is stale
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const STAMP = join(root, 'dist/wasm/SOURCES.sha256');
const OUTPUTS = ['dist/wasm/winnow.mjs', 'dist/wasm/winnow.wasm'];

function* filesUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

// What the wasm build reads: C++ sources and headers (not src/js or the native CLI), the CMake
// files, and package.json (the version is compiled in).
function sourceFiles() {
  const files = [...filesUnder(join(root, 'src'))].filter((f) => !/\/src\/(js|cli)\//.test(f));
  files.push(...filesUnder(join(root, 'cmake')), join(root, 'CMakeLists.txt'), join(root, 'CMakePresets.json'));
  return files;
}

function sourcesHash() {
  const hash = createHash('sha256');
  for (const file of sourceFiles()) {
    hash.update(relative(root, file)).update('\0');
    const text = readFileSync(file);
    hash.update(text).update('\0');
  }
  hash.update(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  return hash.digest('hex');
}

function outputsHash() {
  const hash = createHash('sha256');
  for (const file of OUTPUTS) hash.update(readFileSync(join(root, file)));
  return hash.digest('hex');
}

const mode = process.argv[2];
if (mode === '--write') {
  writeFileSync(STAMP, `${sourcesHash()} sources\n${outputsHash()} outputs\n`);
} else if (mode === '--check') {
  const missing = OUTPUTS.filter((f) => !existsSync(join(root, f)));
  if (missing.length || !existsSync(STAMP)) {
    console.error(`dist-stamp: ${missing.concat(existsSync(STAMP) ? [] : ['dist/wasm/SOURCES.sha256']).join(', ')} missing: run scripts/build wasm`);
    process.exit(1);
  }
  const [sources, outputs] = readFileSync(STAMP, 'utf8').split('\n').map((line) => line.split(' ')[0]);
  if (sources !== sourcesHash()) {
    const stampTime = statSync(STAMP).mtimeMs;
    const newer = sourceFiles().filter((f) => statSync(f).mtimeMs > stampTime).map((f) => relative(root, f));
    console.error(`dist-stamp: dist/wasm is stale: the sources changed since it was built${newer.length ? ` (${newer.slice(0, 5).join(', ')})` : ''}; run scripts/build wasm`);
    process.exit(1);
  }
  if (outputs !== outputsHash()) {
    console.error('dist-stamp: dist/wasm/winnow.mjs or winnow.wasm is not what scripts/build wrote; run scripts/build wasm');
    process.exit(1);
  }
} else {
  console.log(sourcesHash());
}
