// The JS API, shared by the Node and browser entries: argument checks with clear errors,
// and the translation of JS inputs to the bytes the wasm module takes. Everything else
// happens in C++. Bad arguments are refused here, before they reach the module, so a
// mistake never aborts the wasm instance.

const textEncoder = new TextEncoder();

const CLEAN_OPTIONS = Object.freeze({ title: 'boolean' });
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

  // Runs one operation on `bytes`. Views of wasm memory are used at once: any allocation
  // may grow the memory and detach them. The text arrives apart from the JSON metadata, so
  // the body crosses once.
  function run(bytes, operate) {
    exchange.inputBuffer(bytes.byteLength).set(bytes);
    const views = operate(exchange);
    const result = JSON.parse(textDecoder.decode(views.meta));
    result.text = textDecoder.decode(views.text);
    return result;
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
     * @param {{title?: boolean}} [options] title: false when the text has no title line
     * @returns {{title: string, text: string, paragraphs: string[],
     *   removed: {text: string, reason: string}[],
     *   repairs: {from: string, to: string, reason: string, count: number}[]}}
     */
    clean(input, options) {
      const { title = true } = checkOptions('clean', options, CLEAN_OPTIONS);
      const article = run(toBytes('clean', input), (ex) => ex.clean(title));
      // Paragraphs are separated by blank lines and never hold a line break.
      article.paragraphs = article.text === '' ? [] : article.text.split('\n\n');
      return article;
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
      return run(toBytes('repair', input), (ex) => ex.repair(straightenQuotes));
    },
  });
}
