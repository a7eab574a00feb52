// The library: articles the user keeps, in this browser's IndexedDB (through idb), never
// anywhere else. Export and import move it between browsers as one JSON file.
import { openDB } from './vendor/idb.mjs';

const FORMAT = 'winnow-library';
const database = openDB('winnow', 1, {
  upgrade(db) {
    db.createObjectStore('articles', { keyPath: 'id' });
  },
});

/** Every kept article, oldest first. */
export async function listKept() {
  const all = await (await database).getAll('articles');
  return all.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

/** Keeps a cleaned article; returns the stored record. */
export async function keep(article, source) {
  const record = {
    id: crypto.randomUUID(),
    title: article.title,
    text: article.text,
    metadata: article.metadata,
    source,
    savedAt: new Date().toISOString(),
  };
  await (await database).put('articles', record);
  return record;
}

export async function forget(id) {
  await (await database).delete('articles', id);
}

/** The library as the text of a file. */
export async function exportLibrary() {
  return JSON.stringify({ format: FORMAT, version: 1, articles: await listKept() }, null, 1);
}

const isString = (v) => typeof v === 'string';

/** Adds the articles of an exported file; returns how many. Refuses anything else. */
export async function importLibrary(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('the file is not JSON');
  }
  if (data?.format !== FORMAT || data.version !== 1 || !Array.isArray(data.articles)) {
    throw new Error('the file is not a Winnow library export');
  }
  const db = await database;
  let added = 0;
  for (const a of data.articles) {
    if (!isString(a?.id) || !isString(a.title) || !isString(a.text) || !isString(a.savedAt)) continue;
    const metadata = a.metadata ?? {};
    await db.put('articles', {
      id: a.id,
      title: a.title,
      text: a.text,
      metadata: { site: String(metadata.site ?? ''), date: String(metadata.date ?? ''), byline: String(metadata.byline ?? '') },
      source: isString(a.source) ? a.source : '',
      savedAt: a.savedAt,
    });
    added += 1;
  }
  return added;
}
