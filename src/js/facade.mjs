// The JS API, shared by the Node and browser entries: argument checks with clear errors,
// and the translation of JS inputs to the bytes the wasm module takes. Everything else
// happens in C++. Bad arguments are refused here, before they reach the module, so a
// mistake never aborts the wasm instance.

const textEncoder = new TextEncoder();

const CLEAN_OPTIONS = Object.freeze({ title: 'boolean', bias: 'string' });
const BIASES = Object.freeze({ balanced: 0, precision: 1, recall: 2 }); // winnow::CleanBias
const REPAIR_OPTIONS = Object.freeze({ straightenQuotes: 'boolean' });

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

// A string becomes UTF-8, unless it holds lone surrogates: TextEncoder would silently turn
// those into U+FFFD, so such a string goes as UTF-16 with a byte order mark instead and the
// decoder replaces and reports each lone surrogate.
function stringToBytes(text) {
  if (isWellFormed(text)) return textEncoder.encode(text);
  const units = new Uint16Array(text.length + 1);
  units[0] = 0xfeff; // written in the platform's byte order, like the rest: it names it
  for (let i = 0; i < text.length; i++) units[i + 1] = text.charCodeAt(i);
  return new Uint8Array(units.buffer);
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

  function load(inputs) {
    exchange.reset();
    for (const bytes of inputs) exchange.addInput(bytes.byteLength).set(bytes);
  }

  // Paragraphs are separated by blank lines and never hold a line break.
  function withParagraphs(article) {
    article.paragraphs = article.text === '' ? [] : article.text.split('\n\n');
    return article;
  }

  function cleanOptions(fn, options) {
    const { title = true, bias = 'balanced' } = checkOptions(fn, options, CLEAN_OPTIONS);
    if (!Object.hasOwn(BIASES, bias)) {
      throw new RangeError(`${fn}: option 'bias' must be one of ${Object.keys(BIASES).join(', ')}, not '${bias}'`);
    }
    return [title, BIASES[bias]];
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

  return Object.freeze({
    /** The library version, as in package.json. */
    version: module.version(),
    /** The largest input, in bytes, that one call accepts. */
    maxInputBytes,
    /**
     * Cleans one article: the same result as `winnow clean --json`.
     * @param {string|Uint8Array|ArrayBuffer} input text, or bytes in UTF-8 or UTF-16 with a BOM
     * @param {{title?: boolean, bias?: 'balanced'|'precision'|'recall'}} [options] title: false
     *   when the text has no title line; bias: what to risk, article text or chrome
     * @returns {{title: string, text: string, paragraphs: string[],
     *   removed: {text: string, reason: string}[],
     *   repairs: {from: string, to: string, reason: string, count: number}[],
     *   metadata: {site: string, date: string, byline: string}}}
     */
    clean(input, options) {
      const [title, bias] = cleanOptions('clean', options);
      load([toBytes('clean', input)]);
      return withParagraphs(read(exchange.clean(title, bias)));
    },
    /**
     * Cleans several articles as one batch: besides each article's own signals, blocks
     * that recur across the batch (an outlet's appeal in every article) are chrome.
     * Articles that are copies of each other do not count against each other. The same
     * as `winnow clean --json FILE...`.
     * @param {(string|Uint8Array|ArrayBuffer)[]} inputs
     * @param {{title?: boolean, bias?: 'balanced'|'precision'|'recall'}} [options]
     * @returns {object[]} one article per input, as clean() returns them
     */
    cleanBatch(inputs, options) {
      if (!Array.isArray(inputs)) throw new TypeError(`cleanBatch: inputs must be an array, not ${describe(inputs)}`);
      const [title, bias] = cleanOptions('cleanBatch', options);
      const bytes = inputs.map((input, i) => toBytes(`cleanBatch: input ${i}`, input));
      const total = bytes.reduce((sum, b) => sum + b.byteLength, 0);
      if (total > maxInputBytes) {
        throw new RangeError(`cleanBatch: the inputs add up to ${total} bytes, more than the limit of ${maxInputBytes}`);
      }
      load(bytes);
      const views = exchange.cleanBatch(title, bias);
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
      load([toBytes('repair', input)]);
      return read(exchange.repair(straightenQuotes));
    },
  });
}
