// Type-checked by tests/types/types.test.mjs (tsc --noEmit): the declarations must accept
// what users write and refuse what the API refuses. Resolved through package.json "exports".
import { createWinnow, type Article, type Pair, type Similarity, type Winnow } from 'winnow-wasm';

const w: Winnow = await createWinnow();
await createWinnow({ memory: new WebAssembly.Memory({ initial: 256, maximum: 4096 }) });
const article: Article = w.clean('Title\n\nBody.', { title: true, bias: 'precision' });
const paragraphs: string[] = article.paragraphs;
const reasons: string[] = article.removed.map((r) => r.reason);
w.clean(new Uint8Array(4));
w.clean(new ArrayBuffer(4));
w.cleanBatch(['a', new Uint8Array(1)], { bias: 'recall' });
w.clean('<p>page</p>', { format: 'html' });
w.clean('# Title\n\n[Body](https://x.org).', { format: 'markdown' });
const repaired: string = w.repair('cafÃ©', { straightenQuotes: true }).text;
const similarity: Similarity = w.compare('a b c d e', 'a b c d e', { raw: true, shingle: 3 });
const start: number = similarity.passages[0]?.a_start ?? 0;

const index = new w.Index({ threshold: 0.8, shingle: 5 });
const id: number = index.add('text', { raw: true });
const pairs: Pair[] = index.pairs();
const clusters: number[][] = index.clusters();
const { bands, rows } = index.lsh;
const loaded = w.Index.load(index.save());
loaded.query('text').forEach((m) => m.jaccard + m.containment_ab + m.id);
index.dispose();

// @ts-expect-error bias is one of three words
w.clean('x', { bias: 'aggressive' });
// @ts-expect-error format is auto, text, html or markdown
w.clean('x', { format: 'rtf' });
// @ts-expect-error inputs are text or bytes
w.clean(42);
// @ts-expect-error unknown option
w.compare('a', 'b', { threshold: 0.5 });
// @ts-expect-error an index is made with options, not a number
new w.Index(0.5);
// @ts-expect-error the index size is read-only
index.size = 3;

export { paragraphs, reasons, repaired, start, id, pairs, clusters, bands, rows };
