// The npm package as users get it: `npm pack`, install the tarball into a fresh project,
// then import it (ESM), require() it (CommonJS), run `npx winnow`, and bundle it with Vite 7
// and webpack 5 into pages that run in Chromium under a strict Content-Security-Policy.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { serve } from '../../scripts/serve.mjs';
import { launchChromium } from '../support/browser.mjs';
import { nativeCli, root, samplesDir } from '../support/paths.mjs';

const work = `${root}build/package-test`;
const consumer = `${work}/consumer`;
// What the package must hold, and nothing else: the JS entries, types, the wasm build.
const INTENDED = [
  'LICENSE', 'README.md', 'package.json',
  'dist/wasm/winnow.mjs', 'dist/wasm/winnow.wasm',
  'src/js/browser.mjs', 'src/js/cli.mjs', 'src/js/facade.mjs', 'src/js/node.cjs', 'src/js/node.mjs', 'src/js/winnow.d.ts',
];

const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 26, ...options });
  assert.equal(result.status, 0, `${command} ${args.join(' ')}: ${result.stderr}${result.stdout}`);
  return result.stdout;
};

let packed;
before(() => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(consumer, { recursive: true });
  // prepack refuses a stale dist/wasm (scripts/dist-stamp.mjs).
  [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], { cwd: root }));
  writeFileSync(`${consumer}/package.json`, JSON.stringify({ name: 'consumer', private: true, version: '1.0.0' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, packed.filename)], { cwd: consumer });
});

test('npm pack holds only the intended files', () => {
  const files = packed.files.map((f) => f.path).sort();
  assert.deepEqual(files, [...INTENDED].sort());
  assert.ok(packed.size < 400_000, `packed size ${packed.size}`);
});

test('Node: import() the package and use every function', () => {
  writeFileSync(`${consumer}/esm.mjs`, `
import { createWinnow } from 'winnow-wasm';
const w = await createWinnow();
const a = w.clean('Harbour Bridge Reopens\\n\\nThe bridge reopened on Monday after three months of repairs.\\n\\nShare this article');
const s = w.compare('one two three four five six', 'one two three four five six', { raw: true });
const index = new w.Index();
index.add('one two three four five six', { raw: true });
index.add('one two three four five six', { raw: true });
console.log(JSON.stringify([a.title, a.paragraphs.length, s.jaccard, index.pairs().length, w.repair('cafÃ©').text]));
`);
  assert.deepEqual(JSON.parse(run(process.execPath, ['esm.mjs'], { cwd: consumer })), ['Harbour Bridge Reopens', 1, 1, 1, 'café']);
});

test('Node: require() the package from CommonJS', () => {
  writeFileSync(`${consumer}/cjs.cjs`, `
const { createWinnow } = require('winnow-wasm');
createWinnow().then((w) => console.log(w.clean('Title Of The Story\\n\\nBody text here.').title));
`);
  assert.equal(run(process.execPath, ['cjs.cjs'], { cwd: consumer }).trim(), 'Title Of The Story');
});

test('npx winnow prints what the native CLI prints', () => {
  const samples = readdirSync(samplesDir).map((f) => join(samplesDir, f));
  const viaNpx = run('npx', ['--no-install', 'winnow', 'clean', '--json', ...samples], { cwd: consumer });
  assert.equal(viaNpx, run(nativeCli, ['clean', '--json', ...samples]));
  assert.match(run('npx', ['--no-install', 'winnow', '--version'], { cwd: consumer }), /^winnow \d+\.\d+\.\d+\n$/);
});

// The same page for both bundlers: it cleans and compares, then writes the result.
const PAGE_SCRIPT = `
import { createWinnow } from 'winnow-wasm';
createWinnow().then((w) => {
  const a = w.clean('Harbour Bridge Reopens\\n\\nThe bridge reopened on Monday after three months of repairs.\\n\\nShare this article');
  const s = w.compare('one two three four five six', 'one two three four five six', { raw: true });
  document.querySelector('#result').textContent = a.title + ' | ' + a.paragraphs.length + ' | ' + s.jaccard;
});
`;
const pageHtml = (script) =>
  `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>consumer</title></head><body><p id="result">loading</p><script type="module" src="${script}"></script></body></html>`;

let browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

async function expectPageWorks(dir) {
  const { server, url } = await serve({ root: dir, port: 0 });
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  try {
    await page.goto(url);
    await page.waitForFunction(() => document.querySelector('#result').textContent !== 'loading', null, { timeout: 20000 });
    assert.equal(await page.textContent('#result'), 'Harbour Bridge Reopens | 1 | 1');
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
    server.close();
  }
}

test('Vite 7 bundles the package into a page that runs in Chromium', async () => {
  const app = `${consumer}/vite-app`;
  mkdirSync(app, { recursive: true });
  writeFileSync(`${app}/index.html`, pageHtml('./main.js'));
  writeFileSync(`${app}/main.js`, PAGE_SCRIPT);
  const vite = await import(createRequire(import.meta.url).resolve('vite'));
  await vite.build({ root: app, logLevel: 'error', build: { outDir: `${app}/dist`, emptyOutDir: true } });
  assert.ok(readdirSync(`${app}/dist/assets`).some((f) => f.endsWith('.wasm')), 'the .wasm is emitted as an asset');
  await expectPageWorks(`${app}/dist`);
});

test('webpack 5 bundles the package into a page that runs in Chromium', async () => {
  const app = `${consumer}/webpack-app`;
  mkdirSync(`${app}/dist`, { recursive: true });
  writeFileSync(`${app}/main.js`, PAGE_SCRIPT);
  writeFileSync(`${app}/dist/index.html`, pageHtml('./main.js'));
  const webpack = createRequire(import.meta.url)('webpack');
  const stats = await new Promise((resolve, reject) =>
    webpack(
      {
        mode: 'production',
        context: app,
        entry: './main.js',
        output: { path: `${app}/dist`, filename: 'main.js', module: true, publicPath: 'auto' },
        experiments: { outputModule: true },
        resolve: { modules: [`${consumer}/node_modules`] },
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    ),
  );
  assert.equal(stats.hasErrors(), false, stats.toString('errors-only'));
  assert.ok(readdirSync(`${app}/dist`).some((f) => f.endsWith('.wasm')), 'the .wasm is emitted as an asset');
  await expectPageWorks(`${app}/dist`);
});

test('a stale build is refused: dist-stamp fails once a source changes', () => {
  const check = (cwd) => spawnSync(process.execPath, ['scripts/dist-stamp.mjs', '--check'], { cwd, encoding: 'utf8' });
  assert.equal(check(root).status, 0, 'the dist/wasm that was just packed is fresh');
  // A copy of the stamped tree with one source changed.
  const copy = `${work}/stale`;
  mkdirSync(`${copy}/dist`, { recursive: true });
  run('cp', ['-r', ...['src', 'cmake', 'scripts', 'CMakeLists.txt', 'CMakePresets.json', 'package.json'].map((f) => `${root}${f}`), copy]);
  run('cp', ['-r', `${root}dist/wasm`, `${copy}/dist/`]);
  assert.equal(check(copy).status, 0);
  writeFileSync(`${copy}/src/compare/compare.cpp`, `${readFileSync(`${copy}/src/compare/compare.cpp`, 'utf8')}\n// changed\n`);
  const stale = check(copy);
  assert.equal(stale.status, 1);
  assert.match(stale.stderr, /stale.*src\/compare\/compare\.cpp/);
  assert.ok(existsSync(`${copy}/dist/wasm/winnow.wasm`));
});
