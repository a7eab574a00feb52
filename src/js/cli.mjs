#!/usr/bin/env node
// The Node `winnow` command: the twin of the native one (src/cli/main.cpp). Same
// arguments, same bytes on stdout, same exit codes; tests/parity checks they agree.
import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createWinnow } from './node.mjs';

const EXIT_OK = 0;
const EXIT_BAD_INPUT = 1;
const EXIT_USAGE = 2;

const HELP = `Usage: winnow clean [--json] [--no-title] [--bias B] [--format F] [--no-batch] [--batch-dir DIR] [FILE|DIR...]
       winnow repair [--json | --jsonl] [--straighten-quotes] [FILE|DIR...]
       winnow compare [--raw] [--shingle N] A B
       winnow dedup [--threshold T] [--jsonl] [--raw] [--shingle N] FILE|DIR...

clean    Cleans articles (pasted text or saved pages): repairs broken text and returns
         the title and body paragraphs.
repair   Repairs text only: mojibake, character references, control characters, NFC.
compare  Compares two articles: one JSON object {"jaccard", "containment_ab" (how
         much of B is inside A), "containment_ba", "passages"} (shared runs of words,
         with byte offsets into each cleaned text).
dedup    Finds every pair of near-duplicate articles among the FILEs and the files under
         the DIRs: pairs at or above the threshold, then clusters of duplicates.
With no FILE, or when FILE is -, reads standard input (clean, repair, compare). A DIR
stands for the files under it, recursively, hidden ones left out, sorted by path.

Options:
  --json               one JSON object per input, on its own line: for clean
                       {"title","text","paragraphs","removed","repairs"}, for repair
                       {"text","repairs"}
  --jsonl              repair: read one JSON string per line, write one per line
  --no-title           clean: the text has no title line, keep every block as body
  --bias B             clean: precision (keep all that may be text), balanced (default)
                       or recall (remove all that looks like chrome, embedded posts too)
  --format F           clean: auto (default: pages and Markdown are recognised by their
                       markup), text, html or markdown
  --no-batch           clean: clean each FILE on its own; by default several FILEs are
                       one batch, where blocks recurring across them are chrome
  --batch-dir DIR      clean: the files in DIR are the batch each FILE is cleaned in
  --straighten-quotes  repair: turn typographic quotes into ' and "
  --raw                compare, dedup: compare the texts as they are, not cleaned first
  --shingle N          compare, dedup: words per shingle, 1 to 64 (default 5)
  --threshold T        dedup: the least Jaccard similarity of a pair, 0.05 to 1
                       (default 0.5)
  --jsonl              dedup: one JSON object per line, {"a","b","jaccard",
                       "containment_ab","containment_ba"} per pair, then
                       {"cluster":[paths]} per cluster
  -h, --help           show this help
  --version            show the version

Exit status: 0 success, 1 an input could not be read, is too large or is not valid
JSON (--jsonl), 2 usage error.
`;

// The wording of the C library's strerror(), which the native CLI prints.
const ERROR_TEXT = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  ELOOP: 'Too many levels of symbolic links',
  ENAMETOOLONG: 'File name too long',
  EIO: 'Input/output error',
};

class InputError extends Error {}

function usageError(message) {
  process.stderr.write(`winnow: ${message}\nTry 'winnow --help'.\n`);
  return EXIT_USAGE;
}

// Reads a whole file ("-" is standard input) as bytes, stopping as soon as it is larger
// than the limit, so a huge file is refused without being loaded.
function readInput(path, maxBytes) {
  let fd;
  try {
    fd = path === '-' ? 0 : openSync(path, 'r');
    if (fd !== 0 && fstatSync(fd).isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    const chunks = [];
    let total = 0;
    const chunk = Buffer.allocUnsafe(1 << 16);
    for (;;) {
      let n;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (error) {
        if (error.code === 'EAGAIN') continue; // a non-blocking stdin with nothing yet
        if (error.code === 'EOF') break;
        throw error;
      }
      if (n === 0) break;
      chunks.push(Buffer.from(chunk.subarray(0, n)));
      total += n;
      if (total > maxBytes) {
        throw new InputError(`input is larger than ${maxBytes / 2 ** 20} MiB, the limit for one article`);
      }
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(ERROR_TEXT[error.code] ?? error.message);
  } finally {
    if (fd !== undefined && fd !== 0) closeSync(fd);
  }
}

function formatText(article, path, withHeader, first) {
  let out = withHeader ? `${first ? '' : '\n'}==> ${path} <==\n` : '';
  if (article.title !== '') out += `${article.title}\n\n`;
  return `${out}${article.text}\n`;
}

function write(stream, text) {
  return new Promise((resolve, reject) => stream.write(text, (error) => (error ? reject(error) : resolve())));
}

// "\rwinnow: <verb> 812/10000" on stderr, only when stderr is a terminal and there is more
// than one input. Messages printed meanwhile start with lineStart to clear the bar.
class Progress {
  constructor(verb, total) {
    this.verb = verb;
    this.total = total;
    this.enabled = total > 1 && process.stderr.isTTY === true;
    this.lineStart = this.enabled ? '\r\x1b[K' : '';
  }
  update(done) {
    if (this.enabled && (done % 64 === 0 || done === this.total)) process.stderr.write(`\rwinnow: ${this.verb} ${done}/${this.total}`);
  }
  end() {
    if (this.enabled) process.stderr.write('\r\x1b[K');
  }
}

// Reads each of `paths` in turn, with a progress bar saying `verb`, and awaits
// onRead(path, bytes). An input that cannot be read is reported and the others are still
// read. Returns whether every one was.
async function readEach(paths, verb, maxBytes, onRead) {
  let ok = true;
  const progress = new Progress(verb, paths.length);
  for (const [i, path] of paths.entries()) {
    let bytes;
    try {
      bytes = readInput(path, maxBytes);
    } catch (error) {
      progress.update(i + 1);
      process.stderr.write(`${progress.lineStart}winnow: ${path}: ${error.message}\n`);
      ok = false;
      continue;
    }
    progress.update(i + 1);
    await onRead(path, bytes);
  }
  progress.end();
  return ok;
}

// The inputs named on the command line, directories expanded; standard input when none.
function inputPaths(args) {
  const { files, ok } = expandPaths(args.inputs);
  return { inputs: args.inputs.length ? files : ['-'], ok };
}

// Runs `handle` on every input in turn; an input that cannot be read is reported and the
// others still processed. `handle` returns the text to print and whether it went well.
async function forEachInput(winnow, args, handle) {
  const { inputs, ok } = inputPaths(args);
  let status = ok ? EXIT_OK : EXIT_BAD_INPUT;
  let first = true;
  const read = await readEach(inputs, 'read', winnow.maxInputBytes, async (path, bytes) => {
    const { out, ok: handled } = handle(path, bytes, inputs.length > 1, first);
    await write(process.stdout, out);
    if (!handled) status = EXIT_BAD_INPUT;
    first = false;
  });
  return read ? status : EXIT_BAD_INPUT;
}

const header = (path, first) => `${first ? '' : '\n'}==> ${path} <==\n`;

function formatArticle(article, args, path, several, first) {
  if (args.json) return `${JSON.stringify(article)}\n`;
  let out = several ? header(path, first) : '';
  if (article.title !== '') out += `${article.title}\n\n`;
  return `${out}${article.text}\n`;
}

// The regular files of a directory, sorted by name as bytes, read as the batch's documents.
function readDirectory(winnow, dir) {
  let names;
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(dir, entry.name))
      .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  } catch (error) {
    throw new InputError(`${dir}: ${ERROR_TEXT[error.code] ?? error.message}`);
  }
  return names.map((name) => {
    try {
      return readInput(name, winnow.maxInputBytes);
    } catch (error) {
      throw new InputError(`${name}: ${error.message}`);
    }
  });
}

async function runClean(winnow, args) {
  const options = { title: args.detectTitle, bias: args.bias, format: args.format };
  const { inputs, ok } = inputPaths(args);
  // Read everything first: a batch is cleaned together.
  const paths = [];
  const documents = [];
  const read = await readEach(inputs, 'read', winnow.maxInputBytes, (path, bytes) => {
    documents.push(bytes);
    paths.push(path);
  });
  const status = ok && read ? EXIT_OK : EXIT_BAD_INPUT;
  let context = [];
  if (args.batchDir !== undefined) {
    try {
      context = readDirectory(winnow, args.batchDir);
    } catch (error) {
      process.stderr.write(`winnow: ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
  }
  const several = inputs.length > 1;
  let articles;
  if (context.length) {
    // Each document with the directory's files, less any file that is the same document.
    articles = documents.map((doc) => winnow.cleanBatch([doc, ...context.filter((other) => !other.equals(doc))], options)[0]);
  } else if (args.batch && documents.length > 1) {
    articles = winnow.cleanBatch(documents, options);
  } else {
    articles = documents.map((doc) => winnow.clean(doc, options));
  }
  let out = '';
  articles.forEach((article, k) => {
    out += formatArticle(article, args, paths[k], several, k === 0);
  });
  await write(process.stdout, out);
  return status;
}

// --jsonl: one JSON string in per line, one out per line (the protocol of the mojibake
// benchmark's run_cases.py). A line that is not a JSON string is reported with its number
// and answered with null, so the two streams stay aligned.
function repairJsonl(winnow, path, bytes, options) {
  const text = bytes.toString('utf8');
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  let ok = true;
  let out = '';
  lines.forEach((line, index) => {
    let value;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    if (typeof value !== 'string') {
      process.stderr.write(`winnow: ${path}: line ${index + 1} is not a JSON string\n`);
      out += 'null\n';
      ok = false;
      return;
    }
    out += `${JSON.stringify(winnow.repair(value, options).text)}\n`;
  });
  return { out, ok };
}

async function runRepair(winnow, args) {
  const options = { straightenQuotes: args.straightenQuotes };
  return forEachInput(winnow, args, (path, bytes, several, first) => {
    if (args.jsonl) return repairJsonl(winnow, path, bytes, options);
    const repaired = winnow.repair(bytes, options);
    if (args.json) return { out: `${JSON.stringify(repaired)}\n`, ok: true };
    let out = several ? header(path, first) : '';
    out += repaired.text;
    if (several && repaired.text !== '' && !repaired.text.endsWith('\n')) out += '\n';
    return { out, ok: true };
  });
}

// Fractions as the native CLI prints them: rounded to six decimals.
const fraction = (value) => Math.floor(value * 1e6 + 0.5) / 1e6;

async function runCompare(winnow, args) {
  if (args.inputs.length !== 2) return usageError('compare takes two inputs, A and B');
  if (args.inputs[0] === '-' && args.inputs[1] === '-') return usageError('only one input can be standard input');
  const inputs = [];
  for (const path of args.inputs) {
    try {
      inputs.push(readInput(path, winnow.maxInputBytes));
    } catch (error) {
      process.stderr.write(`winnow: ${path}: ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
  }
  const result = winnow.compare(inputs[0], inputs[1], { raw: args.raw, shingle: args.shingle });
  // The API gives string indices; the CLI, like the native one, UTF-8 byte offsets.
  const byteOffset = (text, index) => Buffer.byteLength(text.slice(0, index));
  const passages = result.passages.map((p) => ({
    a_start: byteOffset(result.a, p.a_start),
    a_end: byteOffset(result.a, p.a_end),
    b_start: byteOffset(result.b, p.b_start),
    b_end: byteOffset(result.b, p.b_end),
    words: p.words,
    text: p.text,
  }));
  const { jaccard, containment_ab, containment_ba, shingles_a, shingles_b, shared } = result;
  const out = { jaccard, containment_ab, containment_ba, shingles_a, shingles_b, shared, passages };
  await write(process.stdout, `${JSON.stringify(out)}\n`);
  return EXIT_OK;
}

const byBytes = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));
// As std::filesystem's operator/ joins: no normalisation, so printed paths match the native CLI's.
const joinPath = (dir, name) => (dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`);

// The files named, with directories replaced by the regular files under them (recursively,
// without hidden entries), each directory's files sorted by path.
function expandPaths(paths) {
  const files = [];
  let ok = true;
  for (const path of paths) {
    let directory = false;
    try {
      directory = statSync(path).isDirectory();
    } catch {
      directory = false;
    }
    if (!directory) {
      files.push(path);
      continue;
    }
    const found = [];
    const walk = (dir) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.name.startsWith('.')) continue;
        const full = joinPath(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.isFile()) found.push(full);
        else if (entry.isSymbolicLink()) {
          try {
            if (statSync(full).isFile()) found.push(full);
          } catch {
            // a dangling link is no file
          }
        }
      }
    };
    try {
      walk(path);
    } catch (error) {
      process.stderr.write(`winnow: ${path}: ${ERROR_TEXT[error.code] ?? error.message}\n`);
      ok = false;
    }
    files.push(...found.sort(byBytes));
  }
  return { files, ok };
}

async function runDedup(winnow, args) {
  if (args.inputs.length === 0) return usageError('dedup needs files or directories');
  const { files, ok } = expandPaths(args.inputs);
  const index = new winnow.Index({ threshold: args.threshold, shingle: args.shingle });
  const paths = [];
  const read = await readEach(files, 'fingerprinted', winnow.maxInputBytes, (file, bytes) => {
    index.add(bytes, { raw: args.raw });
    paths.push(file);
  });
  const status = ok && read ? EXIT_OK : EXIT_BAD_INPUT;
  const pairs = index.pairs();
  const clusters = index.clusters();
  index.dispose();
  let out = '';
  for (const p of pairs) {
    if (args.jsonl) {
      const line = { a: paths[p.a], b: paths[p.b], jaccard: fraction(p.jaccard), containment_ab: fraction(p.containment_ab), containment_ba: fraction(p.containment_ba) };
      out += `${JSON.stringify(line)}\n`;
    } else {
      out += `${fraction(p.jaccard)}\t${paths[p.a]}\t${paths[p.b]}\n`;
    }
  }
  for (const cluster of clusters) {
    const members = cluster.map((id) => paths[id]);
    out += args.jsonl ? `${JSON.stringify({ cluster: members })}\n` : `cluster\t${members.join('\t')}\n`;
  }
  await write(process.stdout, out);
  return status;
}

// A number as the native CLI's strtod() reads it, without its hexadecimal and infinite forms.
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

async function main(argv) {
  if (argv.length === 0) return usageError('missing command');
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help') {
    await write(process.stdout, HELP);
    return EXIT_OK;
  }
  if (command === '--version') {
    const winnow = await createWinnow();
    await write(process.stdout, `winnow ${winnow.version}\n`);
    return EXIT_OK;
  }
  if (!['clean', 'repair', 'compare', 'dedup'].includes(command)) return usageError(`unknown command '${command}'`);

  const repair = command === 'repair';
  const clean = command === 'clean';
  const dedup = command === 'dedup';
  const similarity = command === 'compare' || dedup;
  const args = {
    json: false, jsonl: false, detectTitle: true, straightenQuotes: false, batch: true, bias: 'balanced', format: 'auto',
    raw: false, shingle: 5, threshold: 0.5, inputs: [],
  };
  let optionsDone = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (optionsDone || arg === '-' || arg === '' || !arg.startsWith('-')) args.inputs.push(arg);
    else if (arg === '--') optionsDone = true;
    else if (arg === '--json' && (clean || repair)) args.json = true;
    else if (arg === '--jsonl' && (repair || dedup)) args.jsonl = true;
    else if (arg === '--no-title' && clean) args.detectTitle = false;
    else if (arg === '--no-batch' && clean) args.batch = false;
    else if (arg === '--raw' && similarity) args.raw = true;
    else if ((arg === '--shingle' && similarity) || (arg === '--threshold' && dedup)) {
      if (i + 1 >= rest.length) return usageError(`missing value for '${arg}'`);
      const value = rest[++i];
      const number = DECIMAL.test(value) ? Number(value) : NaN;
      if (arg === '--shingle') {
        if (!Number.isInteger(number) || number < 1 || number > 64) {
          return usageError(`--shingle takes a whole number from 1 to 64, not '${value}'`);
        }
        args.shingle = number;
      } else {
        if (!(number >= 0.05 && number <= 1)) return usageError(`--threshold takes a number from 0.05 to 1, not '${value}'`);
        args.threshold = number;
      }
    }
    else if (arg === '--format' && clean) {
      if (i + 1 >= rest.length) return usageError(`missing value for '${arg}'`);
      const value = rest[++i];
      if (['auto', 'text', 'html', 'markdown'].includes(value)) args.format = value;
      else return usageError(`--format takes auto, text, html or markdown, not '${value}'`);
    }
    else if ((arg === '--batch-dir' || arg === '--bias') && clean) {
      if (i + 1 >= rest.length) return usageError(`missing value for '${arg}'`);
      const value = rest[++i];
      if (arg === '--batch-dir') args.batchDir = value;
      else if (['precision', 'balanced', 'recall'].includes(value)) args.bias = value;
      else return usageError(`--bias takes precision, balanced or recall, not '${value}'`);
    }
    else if (arg === '--straighten-quotes' && repair) args.straightenQuotes = true;
    else if (arg === '-h' || arg === '--help') {
      await write(process.stdout, HELP);
      return EXIT_OK;
    } else return usageError(`unknown option '${arg}' for ${command}`);
  }
  if (args.json && args.jsonl) return usageError('--json and --jsonl exclude each other');
  const winnow = await createWinnow();
  if (command === 'compare') return runCompare(winnow, args);
  if (dedup) return runDedup(winnow, args);
  return repair ? runRepair(winnow, args) : runClean(winnow, args);
}

process.exitCode = await main(process.argv.slice(2));
