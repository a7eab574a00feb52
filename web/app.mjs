// The page: articles in, cleaned articles, duplicates and the library out. The cleaner
// runs in a module Worker (worker.mjs, through comlink). Article text only ever enters the
// page through textContent and text nodes, never as HTML.
import * as Comlink from './vendor/comlink.mjs';
import { exportLibrary, forget, importLibrary, keep, listKept } from './library.mjs';
import { decodePage } from './transfer.mjs';

const api = Comlink.wrap(new Worker(new URL('./worker.mjs', import.meta.url), { type: 'module' }));

const $ = (id) => document.getElementById(id);
const status = $('status');
const progress = $('progress');
const cleanButton = $('clean');
const DUPLICATE = 0.5; // the CLI's dedup threshold

/** The articles on screen: {name, source, article, restored: Set of removal indices, seen}. */
let shown = [];
let files = []; // {name, bytes}
let kept = []; // the library

function element(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

const percent = (x) => `${Math.round(x * 100)}%`;
const savedOn = (iso) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

// --- The article as the user has it: removed blocks they restored are back in place. ---

/** {title, text, paragraphs, removed, repairs, metadata}: the CLI's shape, restores applied. */
function effective({ article, restored }) {
  if (restored.size === 0) return article;
  const paragraphs = [];
  const removed = [];
  let r = 0;
  const flushRemovedAt = (position) => {
    while (r < article.removed.length && article.removed[r].at === position) {
      if (restored.has(r)) paragraphs.push(article.removed[r].text);
      else removed.push({ ...article.removed[r], at: paragraphs.length });
      r += 1;
    }
  };
  article.paragraphs.forEach((paragraph, k) => {
    flushRemovedAt(k);
    paragraphs.push(paragraph);
  });
  flushRemovedAt(article.paragraphs.length);
  while (r < article.removed.length) {
    if (restored.has(r)) paragraphs.push(article.removed[r].text);
    else removed.push({ ...article.removed[r], at: paragraphs.length });
    r += 1;
  }
  const { title, repairs, metadata } = article;
  return { title, text: paragraphs.join('\n\n'), paragraphs, removed, repairs, metadata };
}

// Key order and escaping as `winnow clean --json` prints them (JSON.stringify escapes alike).
const jsonLine = (a) =>
  JSON.stringify({ title: a.title, text: a.text, paragraphs: a.paragraphs, removed: a.removed, repairs: a.repairs, metadata: a.metadata });
const plainText = (a) => (a.title ? `${a.title}\n\n${a.text}\n` : `${a.text}\n`);

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = element('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const fileStem = (item, i) => (item.name || `article-${i + 1}`).replace(/\.[a-z]+$/i, '').replace(/[^\p{L}\p{N}._-]+/gu, '-');

// --- Rendering ---

function renderArticle(item, i) {
  const { article, restored } = item;
  const body = element('div', { class: 'body' });
  const removedAt = (position) =>
    article.removed
      .map((r, index) => ({ ...r, index }))
      .filter((r) => r.at === position || (position === article.paragraphs.length && r.at > position));
  const addRemoved = (r) => {
    if (restored.has(r.index)) {
      body.append(
        element('p', { class: 'restored' }, r.text, ' ',
          element('button', { type: 'button', class: 'small', onclick: () => toggleRestore(i, r.index) }, 'Remove again')),
      );
      return;
    }
    const summary = element('summary', {}, element('span', { class: 'reason' }, r.reason), ' ', r.text.length > 90 ? `${r.text.slice(0, 90)}…` : r.text);
    body.append(
      element('details', { class: 'removed' }, summary, element('p', {}, r.text),
        element('button', { type: 'button', class: 'small', onclick: () => toggleRestore(i, r.index) }, 'Restore this block')),
    );
  };
  article.paragraphs.forEach((paragraph, k) => {
    removedAt(k).forEach(addRemoved);
    body.append(element('p', {}, paragraph));
  });
  removedAt(article.paragraphs.length).forEach(addRemoved);

  const meta = [article.metadata.site, article.metadata.date, article.metadata.byline, item.name].filter(Boolean).join(' · ');
  const seen = item.seen?.length
    ? element('p', { class: 'seen' }, `Seen before: ${percent(item.seen[0].jaccard)} like “${item.seen[0].title}”, saved ${savedOn(item.seen[0].savedAt)}`)
    : null;
  const repairCount = article.repairs.reduce((sum, r) => sum + r.count, 0);
  const repairs = element('details', { class: 'repairs' },
    element('summary', {}, repairCount ? `${repairCount} repair${repairCount === 1 ? '' : 's'} of ${article.repairs.length} kind${article.repairs.length === 1 ? '' : 's'}` : 'No repairs were needed'),
    element('ul', {}, ...article.repairs.map((r) =>
      element('li', {}, element('code', { class: 'was' }, r.from), ' → ', element('code', { class: 'now' }, r.to), ` ${r.reason} ×${r.count}`))),
  );
  const removedCount = article.removed.length - restored.size;
  const stem = fileStem(item, i);
  const isKept = kept.some((k) => k.title === article.title && k.text === effective(item).text);
  return element('article', { class: 'card', id: `article-${i + 1}`, 'aria-labelledby': `article-${i + 1}-title` },
    element('h3', { id: `article-${i + 1}-title`, class: article.title ? '' : 'missing' }, `${i + 1}. ${article.title || '(no title)'}`),
    meta ? element('p', { class: 'meta' }, meta) : null,
    seen,
    element('p', { class: 'counts' }, `${article.paragraphs.length + restored.size} paragraphs · ${removedCount} block${removedCount === 1 ? '' : 's'} removed, shown in place, collapsed`),
    body,
    repairs,
    element('div', { class: 'actions card-actions' },
      element('button', { type: 'button', class: 'small', onclick: () => copy(item) }, 'Copy text'),
      element('button', { type: 'button', class: 'small', onclick: () => download(`${stem}.txt`, plainText(effective(item)), 'text/plain') }, 'Download .txt'),
      element('button', { type: 'button', class: 'small', onclick: () => download(`${stem}.json`, `${jsonLine(effective(item))}\n`, 'application/json') }, 'Download .json'),
      element('button', { type: 'button', class: 'small', disabled: isKept ? '' : null, onclick: () => keepArticle(i) }, isKept ? 'Kept in the library' : 'Keep in the library'),
    ),
  );
}

function renderArticles() {
  $('articles').replaceChildren(...shown.map(renderArticle));
  $('batch-actions').hidden = shown.length === 0;
}

function toggleRestore(i, index) {
  const { restored } = shown[i];
  if (restored.has(index)) restored.delete(index);
  else restored.add(index);
  const card = renderArticle(shown[i], i);
  $(`article-${i + 1}`).replaceWith(card);
  card.querySelector('.body').focus?.();
}

async function copy(item) {
  try {
    await navigator.clipboard.writeText(plainText(effective(item)));
    status.textContent = 'Copied.';
  } catch {
    status.textContent = 'The browser refused the clipboard; use Download .txt instead.';
  }
}

// --- Duplicates ---

function clustersOf(matrix) {
  const parent = matrix.map((_, i) => i);
  const find = (x) => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  matrix.forEach((row, i) => row.forEach((cell, j) => {
    if (cell && j > i && cell.jaccard >= DUPLICATE) parent[find(j)] = find(i);
  }));
  const groups = new Map();
  matrix.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  return [...groups.values()].filter((g) => g.length > 1);
}

function renderDuplicates(matrix) {
  const n = matrix.length;
  $('duplicates').hidden = n < 2;
  if (n < 2) return;
  const head = element('tr', {}, element('th', { scope: 'col' }, element('span', { class: 'visually-hidden' }, 'Article')),
    ...matrix.map((_, j) => element('th', { scope: 'col', title: shown[j].article.title }, String(j + 1))));
  const rows = matrix.map((row, i) => element('tr', {},
    element('th', { scope: 'row', title: shown[i].article.title }, `${i + 1}. ${truncate(shown[i].article.title || '(no title)', 40)}`),
    ...row.map((cell, j) => {
      if (!cell) return element('td', { class: 'self' }, '—');
      const button = element('button', {
        type: 'button', class: `cell${cell.jaccard >= DUPLICATE ? ' duplicate' : ''}`,
        'aria-label': `Articles ${i + 1} and ${j + 1}: ${percent(cell.jaccard)} similar`,
        onclick: () => showPair(i, j),
      }, percent(cell.jaccard));
      button.style.setProperty('--score', String(cell.jaccard));
      return element('td', {}, button);
    })));
  $('matrix').replaceChildren(element('thead', {}, head), element('tbody', {}, ...rows));
  const clusters = clustersOf(matrix);
  $('clusters').replaceChildren(...(clusters.length
    ? clusters.map((group) => element('li', { class: 'cluster' }, `Duplicates: ${group.map((i) => `${i + 1}. ${truncate(shown[i].article.title || '(no title)', 50)}`).join(' · ')}`))
    : [element('li', {}, `No two articles reach ${percent(DUPLICATE)} similarity.`)]));
}

const truncate = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function highlighted(text, ranges) {
  const nodes = [];
  let at = 0;
  for (const [start, end] of [...ranges].sort((x, y) => x[0] - y[0])) {
    if (start < at) continue;
    nodes.push(text.slice(at, start), element('mark', {}, text.slice(start, end)));
    at = end;
  }
  nodes.push(text.slice(at));
  return nodes;
}

async function showPair(i, j) {
  const { textA, textB, similarity } = await api.passages(effective(shown[i]), effective(shown[j]));
  $('pair').hidden = false;
  $('pair-heading').textContent = `${i + 1} and ${j + 1}: ${percent(similarity.jaccard)} similar, ${similarity.passages.length} shared passage${similarity.passages.length === 1 ? '' : 's'}`;
  $('pair-a').replaceChildren(element('h5', {}, `${i + 1}. ${shown[i].article.title || '(no title)'}`),
    element('div', { class: 'pair-body' }, ...highlighted(textA, similarity.passages.map((p) => [p.a_start, p.a_end]))));
  $('pair-b').replaceChildren(element('h5', {}, `${j + 1}. ${shown[j].article.title || '(no title)'}`),
    element('div', { class: 'pair-body' }, ...highlighted(textB, similarity.passages.map((p) => [p.b_start, p.b_end]))));
  $('pair').scrollIntoView({ block: 'nearest' });
}

// --- Cleaning ---

/** Splits the text box at lines of three or more "=" into articles. */
function pastedArticles() {
  return $('input').value.split(/^[ \t]*={3,}[ \t]*$/m).map((t) => t.trim()).filter(Boolean)
    .map((text, i, all) => ({ name: all.length > 1 ? `pasted ${i + 1}` : '', source: 'paste', input: text }));
}

let busy = false;

// Progress arrives on its own channel, so a late report must not overwrite the result.
function onProgress({ stage, done, total }) {
  if (!busy) return;
  progress.hidden = false;
  progress.max = total;
  progress.value = done;
  status.textContent = `${stage === 'cleaning' ? 'Cleaning' : 'Comparing'} ${total} article${total === 1 ? '' : 's'}… ${done}/${total}`;
}

export async function cleanAll(items) {
  if (items.length === 0) {
    status.textContent = 'Paste an article or choose files first.';
    return;
  }
  cleanButton.disabled = true;
  busy = true;
  const start = performance.now();
  try {
    const options = { title: !$('no-title').checked };
    const articles = await api.cleanBatch(items.map((item) => item.input), options, Comlink.proxy(onProgress));
    const cleanedMs = performance.now() - start;
    shown = articles.map((article, i) => ({ name: items[i].name, source: items[i].source, article, restored: new Set(), seen: [] }));
    const matches = await api.checkLibrary(articles);
    matches.forEach((list, i) => {
      shown[i].seen = list.map((m) => ({ ...m, ...kept.find((k) => k.id === m.id) })).filter((m) => m.title !== undefined);
    });
    renderArticles();
    const matrix = shown.length > 1 ? await api.compareAll(articles, Comlink.proxy(onProgress)) : [];
    renderDuplicates(matrix);
    busy = false;
    progress.hidden = true;
    const words = articles.reduce((sum, a) => sum + (a.text.match(/\S+/g)?.length ?? 0), 0);
    status.textContent = `${articles.length} article${articles.length === 1 ? '' : 's'}, ${words} words, cleaned in ${cleanedMs.toFixed(1)} ms.`;
    document.documentElement.dataset.cleanedMs = cleanedMs.toFixed(1);
  } catch (error) {
    busy = false;
    progress.hidden = true;
    status.textContent = `Could not clean: ${error.message}`;
  } finally {
    cleanButton.disabled = false;
  }
}

async function readFiles(list) {
  files = await Promise.all([...list].map(async (file) => ({ name: file.name, source: 'file', input: new Uint8Array(await file.arrayBuffer()) })));
  $('file-list').replaceChildren(...files.map((f) => element('li', {}, `${f.name} (${f.input.byteLength.toLocaleString()} bytes)`)));
}

// --- The library ---

async function refreshLibrary() {
  kept = await listKept();
  await api.setLibrary(kept);
  $('library-list').replaceChildren(...(kept.length
    ? kept.map((k) => element('li', {},
      element('span', { class: 'kept-title' }, k.title || '(no title)'), ` · saved ${savedOn(k.savedAt)} `,
      element('button', { type: 'button', class: 'small', onclick: async () => { await forget(k.id); await refreshLibrary(); } }, 'Forget')))
    : [element('li', { class: 'hint' }, 'Nothing kept yet.')]));
}

async function keepArticle(i) {
  await keep(effective(shown[i]), shown[i].name || shown[i].source);
  await refreshLibrary();
  renderArticles();
  $('library-status').textContent = `Kept “${shown[i].article.title || '(no title)'}”.`;
}

// --- Pages sent by the bookmarklet ---

async function receivePages() {
  const hash = location.hash;
  if (hash.startsWith('#page=')) {
    history.replaceState(null, '', location.pathname + location.search); // the page leaves the address bar
    try {
      const page = await decodePage(hash.slice(6));
      await cleanAll([{ name: page.url, source: 'bookmarklet', input: page.html }]);
    } catch (error) {
      status.textContent = `The bookmarklet's page could not be read: ${error.message}`;
    }
  } else if (hash === '#receive' && window.opener) {
    // Handshake: say we are ready; accept one page, from the window that opened us only.
    history.replaceState(null, '', location.pathname + location.search);
    const onMessage = async (event) => {
      if (event.source !== window.opener || event.data?.type !== 'winnow-page' || typeof event.data.html !== 'string') return;
      window.removeEventListener('message', onMessage);
      await cleanAll([{ name: String(event.data.url ?? ''), source: 'bookmarklet', input: event.data.html }]);
    };
    window.addEventListener('message', onMessage);
    window.opener.postMessage({ type: 'winnow-ready' }, '*'); // carries nothing: the page comes to us
  }
}

// --- Wiring ---

cleanButton.addEventListener('click', () => cleanAll([...pastedArticles(), ...files]));
$('input').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) cleanAll([...pastedArticles(), ...files]);
});
$('files').addEventListener('change', (event) => readFiles(event.target.files));
for (const type of ['dragover', 'drop']) {
  $('drop').addEventListener(type, (event) => {
    event.preventDefault();
    if (type === 'drop') readFiles(event.dataTransfer.files);
  });
}
$('sample').addEventListener('change', async (event) => {
  if (!event.target.value) return;
  $('input').value = await (await fetch(event.target.value)).text();
});
$('download-jsonl').addEventListener('click', () =>
  download('articles.jsonl', shown.map((item) => `${jsonLine(effective(item))}\n`).join(''), 'application/x-ndjson'));
$('export').addEventListener('click', async () => download('winnow-library.json', await exportLibrary(), 'application/json'));
$('import').addEventListener('change', async (event) => {
  const [file] = event.target.files;
  if (!file) return;
  try {
    const added = await importLibrary(await file.text());
    $('library-status').textContent = `Imported ${added} article${added === 1 ? '' : 's'}.`;
    await refreshLibrary();
  } catch (error) {
    $('library-status').textContent = `Could not import: ${error.message}`;
  }
  event.target.value = '';
});

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js').catch(() => {}); // offline is a bonus, never a failure
}

$('version').textContent = await api.version();
await refreshLibrary();
cleanButton.disabled = false;
status.textContent = 'Ready. Nothing you paste leaves this page.';
await receivePages();
