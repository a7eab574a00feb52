// The cleaner, off the main thread: the page calls these functions through comlink, so a
// big batch never freezes it. Everything here runs on the user's machine; nothing is
// fetched but the app's own wasm.
import * as Comlink from './vendor/comlink.mjs';
import { createWinnow } from './winnow-wasm/src/js/browser.mjs';

const ready = createWinnow();
let library = null; // {index, ids}: the kept articles, for "seen before"

// The text compare() and Index see for a cleaned article: title, blank line, body, as
// winnow::comparable_text() builds it, so scores match the CLI's `compare`.
const comparable = (article) => (article.title && article.text ? `${article.title}\n\n${article.text}` : article.title || article.text);

const api = {
  async version() {
    return (await ready).version;
  },

  /** Cleans the inputs as one batch, as `winnow clean --json FILE...` does. */
  async cleanBatch(inputs, options, onProgress) {
    const winnow = await ready;
    onProgress?.({ stage: 'cleaning', done: 0, total: inputs.length });
    const articles = inputs.length === 1 ? [winnow.clean(inputs[0], options)] : winnow.cleanBatch(inputs, options);
    onProgress?.({ stage: 'cleaning', done: inputs.length, total: inputs.length });
    return articles;
  },

  /** Every pair's scores, row by row: {jaccard, containment_ab, containment_ba}[n][n]. */
  async compareAll(articles, onProgress) {
    const winnow = await ready;
    const texts = articles.map(comparable);
    const n = texts.length;
    const matrix = Array.from({ length: n }, () => Array(n).fill(null));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const s = winnow.compare(texts[i], texts[j], { raw: true });
        matrix[i][j] = { jaccard: s.jaccard, containment_ab: s.containment_ab, containment_ba: s.containment_ba };
        matrix[j][i] = { jaccard: s.jaccard, containment_ab: s.containment_ba, containment_ba: s.containment_ab };
      }
      onProgress?.({ stage: 'comparing', done: i + 1, total: n }); // not awaited: no round trip per row
    }
    return matrix;
  },

  /** The shared passages of two cleaned articles, as offsets into comparable(a) and (b). */
  async passages(a, b) {
    const winnow = await ready;
    const textA = comparable(a);
    const textB = comparable(b);
    return { textA, textB, similarity: winnow.compare(textA, textB, { raw: true }) };
  },

  /** Replaces the library the new articles are checked against: [{id, title, text}]. */
  async setLibrary(items) {
    const winnow = await ready;
    library?.index.dispose();
    const index = new winnow.Index({ threshold: 0.3 });
    const ids = new Map();
    for (const item of items) ids.set(index.add(comparable(item), { raw: true }), item.id);
    library = { index, ids };
    return items.length;
  },

  /** For each article, the kept ones it resembles: [{id, jaccard}], best first. */
  async checkLibrary(articles) {
    if (!library) return articles.map(() => []);
    return articles.map((article) =>
      library.index
        .query(comparable(article), { raw: true })
        .map((m) => ({ id: library.ids.get(m.id), jaccard: m.jaccard }))
        .sort((x, y) => y.jaccard - x.jaccard),
    );
  },
};

Comlink.expose(api);
