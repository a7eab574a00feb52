// The web page in headless Chromium, as a user uses it: paste articles, clean them, read
// and restore, download, compare, keep in the library, reload offline, and receive pages
// from the bookmarklet on hostile sites. Screenshots go to build/screenshots/ (look at them).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { serve } from '../../scripts/serve.mjs';
import { bookmarkletSource } from '../../web/bookmarklet.mjs';
import { launchChromium } from '../support/browser.mjs';
import { nativeCli, samplesDir, screenshotsDir, seedsDir, webRoot } from '../support/paths.mjs';

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

const seeds = existsSync(seedsDir) ? readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(seedsDir, f)) : [];

async function openApp(context) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    dialog.dismiss();
  });
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(url);
  await page.waitForSelector('#clean:not([disabled])', { timeout: 20000 });
  return { page, problems, requests };
}

async function cleanPasted(page, texts) {
  await page.fill('#input', texts.join('\n===\n'));
  await page.click('#clean');
  await page.waitForFunction(() => /cleaned in/.test(document.querySelector('#status').textContent), null, { timeout: 30000 });
}

const cli = (args) => spawnSync(nativeCli, args, { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;

test('five seeds: titles and texts as the CLI gives them, 001-003 duplicates, restore, JSONL download', { skip: seeds.length < 5 && 'no seeds' }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, acceptDownloads: true });
  const { page, problems, requests } = await openApp(context);
  const before = requests.length;
  await cleanPasted(page, seeds.map((s) => readFileSync(s, 'utf8')));
  assert.equal(requests.length, before, `cleaning made network requests: ${requests.slice(before).join(', ')}`);

  // The same as `winnow clean --json seed...` (one batch), article by article.
  const expected = cli(['clean', '--json', ...seeds]).trim().split('\n').map((line) => JSON.parse(line));
  const titles = await page.$$eval('.card h3', (hs) => hs.map((h) => h.textContent.replace(/^\d+\. /, '')));
  assert.deepEqual(titles, expected.map((a) => a.title || '(no title)'));
  const bodies = await page.$$eval('.card .body', (bs) => bs.map((b) => [...b.children].filter((c) => c.tagName === 'P').map((p) => p.textContent)));
  assert.deepEqual(bodies, expected.map((a) => a.paragraphs));

  // Seeds 001 and 003 (cards 2 and 4) are one cluster of duplicates.
  const clusters = await page.$$eval('#clusters li.cluster', (ls) => ls.map((l) => l.textContent));
  assert.equal(clusters.length, 1);
  assert.match(clusters[0], /^Duplicates: 2\. .* · 4\. /);
  await page.click('button.cell.duplicate >> nth=0');
  await page.waitForSelector('#pair:not([hidden]) mark');
  assert.ok((await page.$$('#pair-a mark')).length > 0);

  // The JSONL download is byte for byte what the CLI prints.
  const [jsonl] = await Promise.all([page.waitForEvent('download'), page.click('#download-jsonl')]);
  assert.equal(readFileSync(await jsonl.path(), 'utf8'), cli(['clean', '--json', ...seeds]));

  // Restoring a removed block puts it back in place, and into the downloads.
  const first = page.locator('#article-1 details.removed').first();
  const restoredText = await first.locator('p').textContent();
  await first.locator('summary').click();
  await page.screenshot({ path: `${screenshotsDir}/page-seeds.png`, fullPage: false });
  await first.locator('button').click();
  await page.waitForSelector('#article-1 .restored');
  const [txt] = await Promise.all([page.waitForEvent('download'), page.click('#article-1 >> text=Download .txt')]);
  assert.ok(readFileSync(await txt.path(), 'utf8').includes(restoredText));
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#article-1 >> text=Download .json')]);
  const restored = JSON.parse(readFileSync(await json.path(), 'utf8'));
  assert.ok(restored.paragraphs.includes(restoredText));
  assert.ok(!restored.removed.some((r) => r.text === restoredText));
  assert.equal(restored.removed.length, expected[0].removed.length - 1);
  await page.screenshot({ path: `${screenshotsDir}/page-restored.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test('article text carrying script and onerror payloads executes nothing, as text or as a page', async () => {
  const context = await browser.newContext();
  const { page, problems } = await openApp(context);
  const payload = 'Payload Test\n\n<script>window.__xss = 1; alert(1)</script> A paragraph with <img src=x onerror="window.__xss=2;alert(2)"> inside, long enough to be kept as article text.';
  await cleanPasted(page, [payload]);
  const page2 = `<html><body><article><h1>Payload Page</h1><p>First paragraph of a page, with an image <img src=x onerror="window.__xss=3"> and enough words to stay.</p><script>window.__xss=4</script><p>&lt;img src=x onerror=alert(5)&gt; written as text, which is shown as text and never parsed as markup.</p></article></body></html>`;
  await page.setInputFiles('#files', { name: 'payload.html', mimeType: 'text/html', buffer: Buffer.from(page2) });
  await page.fill('#input', '');
  await page.click('#clean');
  await page.waitForFunction(() => /cleaned in/.test(document.querySelector('#status').textContent));
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.equal(await page.$$eval('.card img, .card script', (n) => n.length), 0);
  assert.ok((await page.textContent('.card .body')).includes('<img src=x onerror=alert(5)> written as text'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('kept articles survive a reload, and a new copy is recognised as seen before', { skip: seeds.length < 5 && 'no seeds' }, async () => {
  const context = await browser.newContext();
  const { page, problems } = await openApp(context);
  await cleanPasted(page, [readFileSync(seeds[1], 'utf8')]);
  await page.click('#article-1 >> text=Keep in the library');
  await page.waitForSelector('#library-list li .kept-title');
  await page.reload();
  await page.waitForSelector('#clean:not([disabled])');
  await page.waitForSelector('#library-list li .kept-title');
  assert.equal(await page.$$eval('#library-list li .kept-title', (t) => t.length), 1);
  await cleanPasted(page, [readFileSync(seeds[3], 'utf8')]); // seed 003: a copy of 001 with other chrome
  assert.match(await page.textContent('#article-1 .seen'), /^Seen before: \d+% like “Putin Expresses Concern/);
  await page.screenshot({ path: `${screenshotsDir}/page-library.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test('after the first visit the app works offline', async () => {
  const context = await browser.newContext();
  const { page } = await openApp(context);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload(); // now controlled by the service worker, every file cached
  await page.waitForSelector('#clean:not([disabled])');
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('#clean:not([disabled])', { timeout: 20000 });
  const sample = readFileSync(`${samplesDir}/harbour-bridge.txt`, 'utf8');
  await cleanPasted(page, [sample]);
  const expected = JSON.parse(cli(['clean', '--json', `${samplesDir}/harbour-bridge.txt`]));
  assert.equal((await page.textContent('#article-1 h3')).replace(/^1\. /, ''), expected.title);
  await context.close();
});

// Fixture sites on loopback, another origin than the app: one with a strict CSP, one with
// COOP. The bookmarklet runs on them as the user's click runs it.
function fixtureSite(headers) {
  const html = `<!doctype html><html><head><title>Fixture News | Example</title></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Harbour Tunnel Opens Early</h1><p>The new harbour tunnel opened two weeks ahead of schedule on Friday, the city's transport office said.</p>
<p>About 40,000 vehicles a day are expected to use it, which should ease the traffic on the old bridge, officials said.</p></article>
<footer><p>&copy; Example News</p></footer><button id="bookmarklet-click">bookmark bar</button></body></html>`;
  const site = createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
    response.end(html);
  });
  return new Promise((resolve) => site.listen(0, '127.0.0.1', () => resolve(site)));
}

for (const [name, headers] of [
  ['a strict Content-Security-Policy', { 'Content-Security-Policy': "default-src 'none'; script-src 'none'; style-src 'none'" }],
  ['Cross-Origin-Opener-Policy: same-origin', { 'Cross-Origin-Opener-Policy': 'same-origin' }],
]) {
  test(`the bookmarklet delivers a page served with ${name}`, async () => {
    const site = await fixtureSite(headers);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${site.address().port}/`);
    // What the bookmark bar does: run the bookmarklet in the page on a real click.
    await page.evaluate(`document.getElementById('bookmarklet-click').addEventListener('click', () => { ${bookmarkletSource(url)} })`);
    const [app] = await Promise.all([context.waitForEvent('page'), page.click('#bookmarklet-click')]);
    await app.waitForFunction(() => /cleaned in/.test(document.querySelector('#status')?.textContent ?? ''), null, { timeout: 30000 });
    assert.equal((await app.textContent('#article-1 h3')).replace(/^1\. /, ''), 'Harbour Tunnel Opens Early');
    assert.equal(await app.$$eval('#article-1 .body > p', (ps) => ps.length), 2);
    assert.equal(new URL(app.url()).hash, '', 'the page must leave the address bar');
    await app.screenshot({ path: `${screenshotsDir}/bookmarklet-${headers['Cross-Origin-Opener-Policy'] ? 'coop' : 'csp'}.png` });
    await context.close();
    site.close();
  });
}

test('pages too large for an address travel by postMessage, after the app says it is ready', async () => {
  const site = await fixtureSite({ 'Content-Security-Policy': "default-src 'none'" });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${site.address().port}/`);
  // Incompressible filler makes the compressed page larger than a fragment may be.
  await page.evaluate(() => {
    const filler = document.createElement('div');
    filler.hidden = true;
    let s = '';
    for (let i = 0; i < 1_300_000; i++) s += String.fromCharCode(97 + ((i * 7919) % 26) + ((i * 104729) % 3 === 0 ? -32 : 0));
    filler.textContent = s;
    document.body.append(filler);
  });
  await page.evaluate(`document.getElementById('bookmarklet-click').addEventListener('click', () => { ${bookmarkletSource(url)} })`);
  const [app] = await Promise.all([context.waitForEvent('page'), page.click('#bookmarklet-click')]);
  await app.waitForFunction(() => /cleaned in/.test(document.querySelector('#status')?.textContent ?? ''), null, { timeout: 60000 });
  assert.equal(new URL(app.url()).hash, '');
  assert.equal((await app.textContent('#article-1 h3')).replace(/^1\. /, ''), 'Harbour Tunnel Opens Early');
  await context.close();
  site.close();
});

test('the app takes a posted page only from the window that opened it, and only one', async () => {
  const site = await fixtureSite({});
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${site.address().port}/`);
  await page.evaluate(`document.getElementById('bookmarklet-click').addEventListener('click', () => { window.__app = window.open(${JSON.stringify(`${url}#receive`)}, '_blank'); })`);
  const [app] = await Promise.all([context.waitForEvent('page'), page.click('#bookmarklet-click')]);
  await app.waitForFunction(() => /^Ready/.test(document.querySelector('#status')?.textContent ?? ''));
  const forged = { type: 'winnow-page', url: 'forged', html: '<article><h1>Forged</h1><p>A forged page that must never be cleaned by the app, not even once.</p></article>' };
  await app.evaluate((message) => window.postMessage(message, '*'), forged); // not from the opener
  await app.waitForTimeout(500);
  assert.match(await app.textContent('#status'), /^Ready/);
  const origin = new URL(url).origin;
  await page.evaluate((o) => window.__app.postMessage({ type: 'winnow-page', url: location.href, html: document.documentElement.outerHTML }, o), origin);
  await app.waitForFunction(() => /cleaned in/.test(document.querySelector('#status').textContent));
  assert.equal((await app.textContent('#article-1 h3')).replace(/^1\. /, ''), 'Harbour Tunnel Opens Early');
  await page.evaluate(([o, m]) => window.__app.postMessage(m, o), [origin, forged]); // a second page: ignored
  await app.waitForTimeout(500);
  assert.equal((await app.textContent('#article-1 h3')).replace(/^1\. /, ''), 'Harbour Tunnel Opens Early');
  await context.close();
  site.close();
});
