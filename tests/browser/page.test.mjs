// The web page in headless Chromium: paste an article, clean it, read the result back,
// and compare it with what the native CLI prints for the same text. Screenshots go to
// build/screenshots/ (look at them).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { serve } from '../../scripts/serve.mjs';
import { launchChromium } from '../support/browser.mjs';
import { nativeCli, samplesDir, screenshotsDir, webRoot } from '../support/paths.mjs';

let server, url, browser;
before(async () => {
  assert.ok(existsSync(`${webRoot}/index.html`), 'dist/web is missing: run scripts/build');
  ({ server, url } = await serve({ root: webRoot, port: 0 }));
  browser = await launchChromium();
  mkdirSync(screenshotsDir, { recursive: true });
});
after(async () => {
  await browser?.close();
  server?.close();
});

async function openPage() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(url);
  await page.waitForSelector('#clean:not([disabled])', { timeout: 20000 });
  return { page, problems, requests };
}

test('a pasted article is cleaned in the page exactly as the CLI cleans it', async () => {
  const { page, problems, requests } = await openPage();
  const samplePath = `${samplesDir}/harbour-bridge.txt`;
  const text = readFileSync(samplePath, 'utf8');
  await page.fill('#input', text);
  const requestsBeforeCleaning = requests.length;
  await page.click('#clean');
  await page.waitForSelector('#result:not([hidden])');
  await page.waitForFunction(() => /cleaned in/.test(document.querySelector('#status').textContent));

  const shown = {
    title: await page.textContent('#title'),
    paragraphs: await page.$$eval('#text p', (ps) => ps.map((p) => p.textContent)),
  };
  const cli = JSON.parse(spawnSync(nativeCli, ['clean', '--json', samplePath], { encoding: 'utf8' }).stdout);
  assert.equal(shown.title, cli.title);
  assert.deepEqual(shown.paragraphs, cli.paragraphs);
  assert.equal(requests.length, requestsBeforeCleaning, 'cleaning made a network request');
  assert.ok(requests.every((r) => r.startsWith(url)), `a request left the origin: ${requests.join(', ')}`);
  assert.deepEqual(problems, []);
  assert.match(await page.textContent('#removed-summary'), new RegExp(`^${cli.removed.length} blocks removed`));
  await page.click('#removed-summary');
  await page.screenshot({ path: `${screenshotsDir}/page-cleaned.png`, fullPage: true });
  await page.close();
});

test('article text is shown as text, never run as HTML', async () => {
  const { page, problems } = await openPage();
  await page.evaluate(() => {
    window.__ran = false;
  });
  await page.fill('#input', 'Title <b>Bold</b>\n\n<img src=x onerror="window.__ran = true"> <script>window.__ran = true</script>');
  await page.click('#clean');
  await page.waitForSelector('#result:not([hidden])');
  assert.equal(await page.textContent('#title'), 'Title <b>Bold</b>');
  assert.equal(await page.$$eval('#text img, #text script, #title b', (nodes) => nodes.length), 0);
  assert.equal(await page.evaluate(() => window.__ran), false);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a sample can be loaded from the menu, in the dark colour scheme too', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
  await page.goto(url);
  await page.waitForSelector('#clean:not([disabled])', { timeout: 20000 });
  await page.selectOption('#sample', 'samples/stadtbibliothek.txt');
  await page.waitForFunction(() => document.querySelector('#title').textContent.startsWith('Stadtbibliothek'));
  await page.screenshot({ path: `${screenshotsDir}/page-dark-sample.png` });
  await page.close();
});
