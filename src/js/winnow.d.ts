// Types of winnow-wasm, written by hand to match src/js/facade.mjs (tests/types checks that
// they describe the real API). The Node and browser entries export the same API.

/** Text, or bytes in UTF-8 (or UTF-16 with a byte order mark). */
export type Input = string | Uint8Array | ArrayBuffer | ArrayBufferView;

export type RemovalReason =
  | 'navigation' | 'donation-appeal' | 'subscription' | 'newsletter' | 'cookie-notice'
  | 'related-links' | 'read-more' | 'caption-credit' | 'byline-dateline' | 'social-embed'
  | 'share-bar' | 'advertisement' | 'footer-legal' | 'comments' | 'repeated-in-batch' | 'title-repeat'
  | 'outside-article' | 'hidden-text';

export type RepairReason =
  | 'invalid-utf8' | 'character-reference' | 'mojibake' | 'lost-bytes' | 'c1-control' | 'ligature'
  | 'fullwidth' | 'format-char' | 'normalization' | 'quote' | 'line-ending' | 'space-char'
  | 'space-run' | 'invisible-char' | 'control-char' | 'replacement-run' | 'legacy-encoding';

export interface Repair {
  from: string;
  to: string;
  reason: RepairReason;
  count: number;
}

export interface Removal {
  text: string;
  reason: RemovalReason;
  /** Where the block stood: the number of kept paragraphs before it (0: before the first). */
  at: number;
}

/** What clean() returns: the same object as `winnow clean --json` prints. */
export interface Article {
  title: string;
  /** The paragraphs joined by blank lines. */
  text: string;
  paragraphs: string[];
  removed: Removal[];
  repairs: Repair[];
  metadata: { site: string; date: string; byline: string };
}

export interface CleanOptions {
  /** false when the text has no title line (default true). */
  title?: boolean;
  /** What to risk: 'precision' keeps all that may be text, 'recall' removes all that looks like chrome. */
  bias?: 'balanced' | 'precision' | 'recall';
  /** 'html', 'markdown' or 'text' forces how the input is read; 'auto' (default) recognises pages and Markdown by their markup. */
  format?: 'auto' | 'text' | 'html' | 'markdown';
}

export interface Repaired {
  text: string;
  repairs: Repair[];
}

export interface RepairOptions {
  /** Turn typographic quotes into ' and " (default false). */
  straightenQuotes?: boolean;
}

export interface Passage {
  /** Start and end of the passage in `a` and in `b` (string indices). */
  a_start: number;
  a_end: number;
  b_start: number;
  b_end: number;
  words: number;
  /** The passage as it reads in `a`. */
  text: string;
}

/** What compare() returns; fractions are rounded to six decimals. */
export interface Similarity {
  jaccard: number;
  /** How much of B is inside A. */
  containment_ab: number;
  /** How much of A is inside B. */
  containment_ba: number;
  shingles_a: number;
  shingles_b: number;
  shared: number;
  passages: Passage[];
  /** The compared texts (cleaned unless raw), which the passages index. */
  a: string;
  b: string;
}

export interface CompareOptions {
  /** Compare the texts as they are, not cleaned first (default false). */
  raw?: boolean;
  /** Words per shingle, 1 to 64 (default 5). */
  shingle?: number;
}

export interface IndexOptions {
  /** The least Jaccard similarity of a pair, 0.05 to 1 (default 0.5). */
  threshold?: number;
  /** Words per shingle, 1 to 64 (default 5). */
  shingle?: number;
}

export interface AddOptions {
  /** Index the text as it is, not cleaned first (default false). */
  raw?: boolean;
}

export interface Match {
  id: number;
  jaccard: number;
  /** How much of the match is inside the query. */
  containment_ab: number;
  containment_ba: number;
}

export interface Pair {
  a: number;
  b: number;
  jaccard: number;
  /** How much of b is inside a. */
  containment_ab: number;
  containment_ba: number;
}

/** A near-duplicate index: LSH candidates, each verified exactly. Made by `new w.Index()`. */
export interface Index {
  /** Adds an article and returns its id (0, 1, 2... in order). */
  add(input: Input, options?: AddOptions): number;
  /** Indexed articles at or above the threshold with `input`, most similar first. */
  query(input: Input, options?: AddOptions): Match[];
  remove(id: number): boolean;
  has(id: number): boolean;
  /** Every pair at or above the threshold, by (a, b), a < b. */
  pairs(): Pair[];
  /** Groups of two or more ids linked by pairs(). */
  clusters(): number[][];
  save(): Uint8Array;
  readonly size: number;
  readonly nextId: number;
  readonly threshold: number;
  readonly shingle: number;
  readonly lsh: { bands: number; rows: number };
  readonly memoryBytes: number;
  /** Frees the index's wasm memory; it cannot be used afterwards. */
  dispose(): void;
}

export interface IndexConstructor {
  new (options?: IndexOptions): Index;
  /** Reads what save() wrote; throws an Error saying why for damaged data. */
  load(bytes: Uint8Array | ArrayBuffer): Index;
}

export interface Winnow {
  /** The library version, as in package.json. */
  readonly version: string;
  /** The largest input, in bytes, one call accepts. */
  readonly maxInputBytes: number;
  clean(input: Input, options?: CleanOptions): Article;
  cleanBatch(inputs: Input[], options?: CleanOptions): Article[];
  repair(input: Input, options?: RepairOptions): Repaired;
  compare(a: Input, b: Input, options?: CompareOptions): Similarity;
  readonly Index: IndexConstructor;
}

/**
 * Loads the wasm module and returns the API. In browsers, `wasmUrl` says where winnow.wasm
 * is if not beside the glue. `memory` (at least 256 pages initially) is the memory to run
 * in: its maximum caps what the instance may use, and calls that would need more throw a
 * RangeError while the instance keeps working.
 */
export declare function createWinnow(options?: { wasmUrl?: string | URL; memory?: WebAssembly.Memory }): Promise<Winnow>;
