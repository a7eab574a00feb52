// The JS API, shared by the Node and browser entries: argument checks with clear errors,
// and the translation of JS inputs to the bytes the wasm module takes. Everything else
// happens in C++. Bad arguments are refused here, before they reach the module, so a
// mistake never aborts the wasm instance.

const textEncoder = new TextEncoder();

const CLEAN_OPTIONS = Object.freeze({ title: 'boolean', bias: 'string', format: 'string' });
const BIASES = Object.freeze({ balanced: 0, precision: 1, recall: 2 }); // winnow::CleanBias
const FORMATS = Object.freeze({ auto: 0, text: 1, html: 2, markdown: 3 }); // winnow::InputFormat
const REPAIR_OPTIONS = Object.freeze({ straightenQuotes: 'boolean' });
const COMPARE_OPTIONS = Object.freeze({ raw: 'boolean', shingle: 'number' });
const INDEX_OPTIONS = Object.freeze({ threshold: 'number', shingle: 'number' });
const ADD_OPTIONS = Object.freeze({ raw: 'boolean' });

function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  return typeof value === 'object' ? `a ${value.constructor?.name ?? 'object'}` : `a ${typeof value}`;
}

function isWellFormed(text) {
  if (typeof text.isWellFormed === 'function') return text.isWellFormed();
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

// A string with lone surrogates goes as UTF-16 with a byte order mark: TextEncoder would
// silently turn each into U+FFFD, and the decoder instead replaces and reports them.
function utf16Bytes(text) {
  const units = new Uint16Array(text.length + 1);
  units[0] = 0xfeff; // written in the platform's byte order, like the rest: it names it
  for (let i = 0; i < text.length; i++) units[i + 1] = text.charCodeAt(i);
  return new Uint8Array(units.buffer);
}

function stringToBytes(text) {
  return isWellFormed(text) ? textEncoder.encode(text) : utf16Bytes(text);
}

function countReplacementChars(text) {
  let count = 0;
  for (let at = text.indexOf('\uFFFD'); at >= 0; at = text.indexOf('\uFFFD', at + 1)) count++;
  return count;
}

function inputToBytes(fn, input) {
  if (typeof input === 'string') return stringToBytes(input);
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new TypeError(`${fn}: input must be a string, Uint8Array or ArrayBuffer, not ${describe(input)}`);
}

function checkOptions(fn, options, schema) {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`${fn}: options must be an object, not ${describe(options)}`);
  }
  for (const [key, value] of Object.entries(options)) {
    if (!Object.hasOwn(schema, key)) {
      throw new TypeError(`${fn}: unknown option '${key}' (known: ${Object.keys(schema).join(', ')})`);
    }
    if (value !== undefined && typeof value !== schema[key]) {
      throw new TypeError(`${fn}: option '${key}' must be a ${schema[key]}, not ${describe(value)}`);
    }
  }
  return options;
}

function checkShingle(fn, shingle) {
  if (!Number.isInteger(shingle) || shingle < 1 || shingle > 64) {
    throw new RangeError(`${fn}: option 'shingle' must be a whole number from 1 to 64, not ${shingle}`);
  }
  return shingle;
}

// UTF-8 byte offsets into `text` -> string (UTF-16) indices, for offsets in ascending order
// of any mix: one pass over the text.
function byteOffsetsToIndices(text, offsets) {
  const sorted = [...new Set(offsets)].sort((x, y) => x - y);
  const map = new Map();
  let bytes = 0;
  let index = 0;
  for (const target of sorted) {
    while (bytes < target && index < text.length) {
      const unit = text.charCodeAt(index);
      if (unit < 0x80) bytes += 1;
      else if (unit < 0x800) bytes += 2;
      else if (unit >= 0xd800 && unit <= 0xdbff) {
        bytes += 4;
        index += 1;
      } else bytes += 3;
      index += 1;
    }
    map.set(target, index);
  }
  return map;
}

/**
 * The glue's options for createWinnow()'s `memory`: a WebAssembly.Memory to run in.
 * Throws a TypeError for anything else.
 */
export function memoryOption(options) {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`createWinnow: options must be an object, not ${describe(options)}`);
  }
  if (options.memory === undefined) return {};
  if (!(options.memory instanceof WebAssembly.Memory)) {
    throw new TypeError(`createWinnow: option 'memory' must be a WebAssembly.Memory, not ${describe(options.memory)}`);
  }
  return { wasmMemory: options.memory };
}

/**
 * Wraps an instantiated wasm module in the public API. Called by the Node and browser
 * entries; users call createWinnow() from either.
 */
export function makeWinnow(module) {
  const maxInputBytes = module.maxInputBytes;
  const exchange = new module.Exchange();
  const textDecoder = new TextDecoder();

  // Views of wasm memory are used at once: any allocation may grow the memory and detach
  // them. The text arrives apart from the JSON metadata, so the body crosses once.
  function read(views) {
    const result = JSON.parse(textDecoder.decode(views.meta));
    result.text = textDecoder.decode(views.text);
    return result;
  }

  // Cleaning needs about six times its input in memory (winnow.hpp); room for eight, and
  // some, is made before the call (and room for the inputs before they are copied in), so
  // that a memory that cannot grow is a RangeError here and never an abort halfway through.
  function notEnoughMemory(fn, bytes) {
    return new RangeError(
      `${fn}: not enough memory for ${bytes} bytes of input: the WebAssembly memory cannot grow further ` +
        '(the instance keeps working; free some, such as an Index, or pass less)',
    );
  }

  function ensureMemory(fn, bytes) {
    if (!module.reserveMemory(bytes * 8 + (16 << 20))) throw notEnoughMemory(fn, bytes);
  }

  // Puts the inputs into wasm memory. Bytes are copied in with one TypedArray.set(); a
  // string is encoded straight into the module's memory with TextEncoder.encodeInto(), at
  // most three bytes per UTF-16 unit, never through an intermediate buffer. Each input is
  // held to maxInputBytes, or (a batch) all of them together.
  function load(fn, inputs, { batch = false } = {}) {
    exchange.reset();
    const room = inputs.reduce((sum, input) => sum + (typeof input === 'string' ? input.length * 3 : input.byteLength), 0);
    if (!module.reserveMemory(room + (16 << 20))) throw notEnoughMemory(fn, room);
    let total = 0;
    const fail = (error) => {
      exchange.reset();
      throw error;
    };
    for (const input of inputs) {
      let size = input.length * 3;
      if (typeof input !== 'string') {
        exchange.addInput(input.byteLength).set(input);
        size = input.byteLength;
      } else {
        const { written } = textEncoder.encodeInto(input, exchange.addInput(size));
        size = written;
        if (exchange.endInput(written) !== countReplacementChars(input)) {
          exchange.dropInput(); // lone surrogates, which encodeInto replaced
          const bytes = utf16Bytes(input);
          exchange.addInput(bytes.byteLength).set(bytes);
          size = bytes.byteLength;
        }
      }
      if (!batch && size > maxInputBytes) {
        fail(new RangeError(`${fn}: input is ${size} bytes, more than the limit of ${maxInputBytes} for one article`));
      }
      total += size;
    }
    if (batch && total > maxInputBytes) {
      fail(new RangeError(`${fn}: the inputs add up to ${total} bytes, more than the limit of ${maxInputBytes}`));
    }
    if (!module.reserveMemory(total * 8 + (16 << 20))) fail(notEnoughMemory(fn, total));
  }

  // Paragraphs are separated by blank lines and never hold a line break.
  function withParagraphs(article) {
    article.paragraphs = article.text === '' ? [] : article.text.split('\n\n');
    return article;
  }

  function cleanOptions(fn, options) {
    const { title = true, bias = 'balanced', format = 'auto' } = checkOptions(fn, options, CLEAN_OPTIONS);
    if (!Object.hasOwn(BIASES, bias)) {
      throw new RangeError(`${fn}: option 'bias' must be one of ${Object.keys(BIASES).join(', ')}, not '${bias}'`);
    }
    if (!Object.hasOwn(FORMATS, format)) {
      throw new RangeError(`${fn}: option 'format' must be one of ${Object.keys(FORMATS).join(', ')}, not '${format}'`);
    }
    return [title, BIASES[bias], FORMATS[format]];
  }

  // An input for load(): a string as it is (encoded there), bytes as a Uint8Array.
  function toInput(fn, input) {
    if (typeof input !== 'string') return toBytes(fn, input);
    if (input.length > maxInputBytes) {
      throw new RangeError(`${fn}: input is at least ${input.length} bytes, more than the limit of ${maxInputBytes} for one article`);
    }
    return input;
  }

  function toBytes(fn, input) {
    const bytes = inputToBytes(fn, input);
    if (bytes.byteLength > maxInputBytes) {
      throw new RangeError(
        `${fn}: input is ${bytes.byteLength} bytes, more than the limit of ${maxInputBytes} for one article`,
      );
    }
    return bytes;
  }

  /**
   * A near-duplicate index over many articles: LSH proposes candidate pairs, and each one
   * is verified exactly, so pairs() has precision 1 and, at the threshold, recall ≥ 0.99.
   * Holds a compact copy of each article's words (a few hundred bytes for a short article);
   * save() and Index.load() keep it across sessions. Free it with dispose() (or `using`)
   * when done; a forgotten index is freed when garbage-collected.
   * @example
   * const index = new w.Index({ threshold: 0.8 });
   * for (const page of pages) index.add(page);
   * index.pairs(); // [{a: 0, b: 3, jaccard: 0.93, containment_ab: 0.95, containment_ba: 0.97}]
   */
  class Index {
    #handle;

    /**
     * @param {{threshold?: number, shingle?: number}} [options] threshold: the least Jaccard
     *   similarity of a pair, 0.05 to 1 (default 0.5); shingle: words per shingle (default 5)
     */
    constructor(options) {
      const { threshold = 0.5, shingle = 5 } = checkOptions('Index', options, INDEX_OPTIONS);
      if (!(threshold >= 0.05 && threshold <= 1)) {
        throw new RangeError(`Index: option 'threshold' must be from 0.05 to 1, not ${threshold}`);
      }
      this.#handle = new module.IndexHandle(threshold, checkShingle('Index', shingle));
      registry.register(this, this.#handle, this);
    }

    /**
     * Reads an index that save() wrote. Throws an Error saying why for data that is
     * truncated, corrupted or not an index.
     * @param {Uint8Array|ArrayBuffer} bytes
     * @returns {Index}
     */
    static load(bytes) {
      if (!(bytes instanceof ArrayBuffer) && !ArrayBuffer.isView(bytes)) {
        throw new TypeError(`Index.load: bytes must be a Uint8Array or ArrayBuffer, not ${describe(bytes)}`);
      }
      const data = inputToBytes('Index.load', bytes);
      const index = new Index();
      const handle = index.#live('load');
      try {
        ensureMemory('Index.load', data.byteLength);
      } catch (error) {
        index.dispose();
        throw error;
      }
      handle.input(data.byteLength).set(data);
      const error = handle.load();
      if (error !== '') {
        index.dispose();
        throw new Error(`Index.load: ${error}`);
      }
      return index;
    }

    #live(fn) {
      if (this.#handle === undefined) throw new Error(`Index.${fn}: the index was disposed`);
      return this.#handle;
    }

    #put(fn, input) {
      const bytes = toBytes(`Index.${fn}`, input);
      const handle = this.#live(fn);
      ensureMemory(`Index.${fn}`, bytes.byteLength);
      handle.input(bytes.byteLength).set(bytes);
    }

    /**
     * Adds an article (cleaned first unless raw) and returns its id: 0, 1, 2... in order.
     * @param {string|Uint8Array|ArrayBuffer} input
     * @param {{raw?: boolean}} [options]
     * @returns {number}
     */
    add(input, options) {
      const { raw = false } = checkOptions('Index.add', options, ADD_OPTIONS);
      this.#put('add', input);
      return this.#handle.add(raw);
    }

    /**
     * The indexed articles at or above the threshold with `input`, most similar first.
     * containment_ab: how much of the match is inside the input; containment_ba: the reverse.
     * @param {string|Uint8Array|ArrayBuffer} input
     * @param {{raw?: boolean}} [options]
     * @returns {{id: number, jaccard: number, containment_ab: number, containment_ba: number}[]}
     */
    query(input, options) {
      const { raw = false } = checkOptions('Index.query', options, ADD_OPTIONS);
      this.#put('query', input);
      const flat = this.#handle.query(raw);
      const matches = [];
      for (let i = 0; i < flat.length; i += 4) {
        matches.push({ id: flat[i], jaccard: flat[i + 1], containment_ab: flat[i + 2], containment_ba: flat[i + 3] });
      }
      return matches;
    }

    /** Removes an article; false if there is no such id. @param {number} id */
    remove(id) {
      return Number.isInteger(id) && id >= 0 && id < 2 ** 32 && this.#live('remove').remove(id);
    }

    /** Whether an id is in the index. @param {number} id */
    has(id) {
      return Number.isInteger(id) && id >= 0 && id < 2 ** 32 && this.#live('has').contains(id);
    }

    /**
     * Every pair of articles at or above the threshold, by (a, b) with a < b.
     * containment_ab: how much of b is inside a.
     * @returns {{a: number, b: number, jaccard: number, containment_ab: number, containment_ba: number}[]}
     */
    pairs() {
      const flat = this.#live('pairs').pairs();
      const pairs = [];
      for (let i = 0; i < flat.length; i += 5) {
        pairs.push({ a: flat[i], b: flat[i + 1], jaccard: flat[i + 2], containment_ab: flat[i + 3], containment_ba: flat[i + 4] });
      }
      return pairs;
    }

    /** Groups of two or more ids linked by pairs(), each sorted. @returns {number[][]} */
    clusters() {
      const flat = this.#live('clusters').clusters();
      const clusters = [];
      for (let i = 0; i < flat.length; i += 1 + flat[i]) clusters.push(Array.from(flat.subarray(i + 1, i + 1 + flat[i])));
      return clusters;
    }

    /** The index as bytes for Index.load(): versioned and checksummed. @returns {Uint8Array} */
    save() {
      return this.#live('save').save().slice();
    }

    /** Live articles. */
    get size() {
      return this.#live('size').size();
    }
    /** The id the next add() returns. */
    get nextId() {
      return this.#live('nextId').nextId();
    }
    get threshold() {
      return this.#live('threshold').threshold();
    }
    get shingle() {
      return this.#live('shingle').shingleWords();
    }
    /** The LSH bands and rows chosen for the threshold. */
    get lsh() {
      const handle = this.#live('lsh');
      return { bands: handle.bands(), rows: handle.rows() };
    }
    /** Bytes of wasm memory the index holds. */
    get memoryBytes() {
      return this.#live('memoryBytes').memoryBytes();
    }

    /** Frees the index's wasm memory; the object cannot be used afterwards. */
    dispose() {
      if (this.#handle === undefined) return;
      registry.unregister(this);
      this.#handle.delete();
      this.#handle = undefined;
    }
    [Symbol.dispose]() {
      this.dispose();
    }
  }
  const registry = new FinalizationRegistry((handle) => handle.delete());

  return Object.freeze({
    Index,
    /**
     * Compares two articles (each cleaned first unless raw): the same numbers as
     * `winnow compare`. Offsets of passages index the compared texts, returned as a and b
     * (JS string indices; the CLI prints UTF-8 byte offsets).
     * @param {string|Uint8Array|ArrayBuffer} a
     * @param {string|Uint8Array|ArrayBuffer} b
     * @param {{raw?: boolean, shingle?: number}} [options]
     * @returns {{jaccard: number, containment_ab: number, containment_ba: number,
     *   shingles_a: number, shingles_b: number, shared: number,
     *   passages: {a_start: number, a_end: number, b_start: number, b_end: number, words: number, text: string}[],
     *   a: string, b: string}}
     * @example w.compare(story, syndicatedCopy).jaccard // 0.95
     */
    compare(a, b, options) {
      const { raw = false, shingle = 5 } = checkOptions('compare', options, COMPARE_OPTIONS);
      checkShingle('compare', shingle);
      load('compare', [toInput('compare', a), toInput('compare', b)]);
      const views = exchange.compare(raw, shingle);
      const result = JSON.parse(textDecoder.decode(views.meta));
      result.a = textDecoder.decode(views.a);
      result.b = textDecoder.decode(views.b);
      const inA = byteOffsetsToIndices(result.a, result.passages.flatMap((p) => [p.a_start, p.a_end]));
      const inB = byteOffsetsToIndices(result.b, result.passages.flatMap((p) => [p.b_start, p.b_end]));
      for (const p of result.passages) {
        p.a_start = inA.get(p.a_start);
        p.a_end = inA.get(p.a_end);
        p.b_start = inB.get(p.b_start);
        p.b_end = inB.get(p.b_end);
      }
      return result;
    },
    /** The library version, as in package.json. */
    version: module.version(),
    /** The largest input, in bytes, that one call accepts. */
    maxInputBytes,
    /**
     * Cleans one article, pasted text or a whole page's HTML: the same result as
     * `winnow clean --json`.
     * @param {string|Uint8Array|ArrayBuffer} input text or HTML, or bytes in UTF-8, UTF-16
     *   with a BOM, or (pages) the single-byte encoding their <meta charset> declares
     * @param {{title?: boolean, bias?: 'balanced'|'precision'|'recall', format?: 'auto'|'text'|'html'|'markdown'}} [options]
     *   title: false when the text has no title line; bias: what to risk, article text or
     *   chrome; format: 'auto' recognises pages and Markdown by their markup
     * @returns {{title: string, text: string, paragraphs: string[],
     *   removed: {text: string, reason: string}[],
     *   repairs: {from: string, to: string, reason: string, count: number}[],
     *   metadata: {site: string, date: string, byline: string}}}
     */
    clean(input, options) {
      const [title, bias, format] = cleanOptions('clean', options);
      load('clean', [toInput('clean', input)]);
      return withParagraphs(read(exchange.clean(title, bias, format)));
    },
    /**
     * Cleans several articles as one batch: besides each article's own signals, blocks
     * that recur across the batch (an outlet's appeal in every article) are chrome.
     * Articles that are copies of each other do not count against each other. The same
     * as `winnow clean --json FILE...`.
     * @param {(string|Uint8Array|ArrayBuffer)[]} inputs
     * @param {{title?: boolean, bias?: 'balanced'|'precision'|'recall', format?: 'auto'|'text'|'html'|'markdown'}} [options]
     * @returns {object[]} one article per input, as clean() returns them
     */
    cleanBatch(inputs, options) {
      if (!Array.isArray(inputs)) throw new TypeError(`cleanBatch: inputs must be an array, not ${describe(inputs)}`);
      const [title, bias, format] = cleanOptions('cleanBatch', options);
      load('cleanBatch', inputs.map((input, i) => toInput(`cleanBatch: input ${i}`, input)), { batch: true });
      const views = exchange.cleanBatch(title, bias, format);
      const articles = [];
      for (let i = 0; i < views.length; i++) articles.push(withParagraphs(read(views[i])));
      return articles;
    },
    /**
     * Repairs text without cutting it into an article: the same result as
     * `winnow repair --json`. Mojibake, character references, control and format
     * characters, NFC; white space is left as it is.
     * @param {string|Uint8Array|ArrayBuffer} input
     * @param {{straightenQuotes?: boolean}} [options]
     * @returns {{text: string, repairs: {from: string, to: string, reason: string, count: number}[]}}
     * @example w.repair('The cafÃ© is open').text // 'The café is open'
     */
    repair(input, options) {
      const { straightenQuotes = false } = checkOptions('repair', options, REPAIR_OPTIONS);
      load('repair', [toInput('repair', input)]);
      const views = exchange.repair(straightenQuotes);
      // Nothing changed: the input string is the text, with no second decoding.
      if (views.same && typeof input === 'string') return { ...JSON.parse(textDecoder.decode(views.meta)), text: input };
      return read(views);
    },
  });
}
