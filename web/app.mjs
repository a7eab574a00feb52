// The page: sends the pasted text to the worker and shows what comes back. Article text
// only ever goes into the page through textContent, never as HTML.
const worker = new Worker(new URL('./worker.mjs', import.meta.url), { type: 'module' });
const pending = new Map();
let nextId = 1;

worker.addEventListener('message', ({ data }) => {
  const request = pending.get(data.id);
  if (!request) return;
  pending.delete(data.id);
  if (data.ok) request.resolve(data.result);
  else request.reject(Object.assign(new Error(data.error.message), { name: data.error.name }));
});

function call(op, payload = {}) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, op, ...payload });
  });
}

const $ = (id) => document.getElementById(id);
const input = $('input');
const cleanButton = $('clean');
const status = $('status');

function show(article, milliseconds) {
  $('title').textContent = article.title || '(no title)';
  $('title').classList.toggle('missing', !article.title);
  const text = $('text');
  text.replaceChildren(
    ...article.paragraphs.map((paragraph) => {
      const p = document.createElement('p');
      p.textContent = paragraph;
      return p;
    }),
  );
  $('removed-summary').textContent = article.removed.length
    ? `${article.removed.length} block${article.removed.length === 1 ? '' : 's'} removed as page chrome`
    : 'Nothing was removed';
  $('removed-list').replaceChildren(
    ...article.removed.map((r) => {
      const li = document.createElement('li');
      const reason = document.createElement('span');
      reason.className = 'reason';
      reason.textContent = r.reason;
      li.append(reason, ` ${r.text}`);
      return li;
    }),
  );
  const repairs = article.repairs.reduce((sum, r) => sum + r.count, 0);
  $('repairs-summary').textContent = repairs
    ? `${repairs} repair${repairs === 1 ? '' : 's'} of ${article.repairs.length} kind${article.repairs.length === 1 ? '' : 's'}`
    : 'No repairs were needed';
  $('repairs-list').replaceChildren(
    ...article.repairs.map((r) => {
      const li = document.createElement('li');
      const from = document.createElement('code');
      from.textContent = JSON.stringify(r.from);
      const to = document.createElement('code');
      to.textContent = JSON.stringify(r.to);
      li.append(from, ' → ', to, ` ${r.reason} ×${r.count}`);
      return li;
    }),
  );
  $('result').hidden = false;
  const words = article.text.split(/\s+/).filter(Boolean).length;
  status.textContent = `${article.paragraphs.length} paragraphs, ${words} words, cleaned in ${milliseconds.toFixed(1)} ms.`;
}

async function clean() {
  if (!input.value.trim()) {
    status.textContent = 'Paste an article first.';
    return;
  }
  cleanButton.disabled = true;
  status.textContent = 'Cleaning…';
  const start = performance.now();
  try {
    const article = await call('clean', { input: input.value, options: { title: !$('no-title').checked } });
    show(article, performance.now() - start);
  } catch (error) {
    status.textContent = `Could not clean this text: ${error.message}`;
  } finally {
    cleanButton.disabled = false;
  }
}

async function loadSample() {
  const url = $('sample').value;
  if (!url) return;
  const response = await fetch(url);
  input.value = await response.text();
  await clean();
}

cleanButton.addEventListener('click', clean);
input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    clean();
  }
});
$('sample').addEventListener('change', loadSample);

call('version').then(
  (version) => {
    $('version').textContent = version;
    cleanButton.disabled = false;
    status.textContent = 'Ready. Paste an article, or try a sample.';
  },
  (error) => {
    status.textContent = `The cleaner could not load: ${error.message}`;
  },
);
