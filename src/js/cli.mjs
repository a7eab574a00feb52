#!/usr/bin/env node
// The Node `winnow` command: the twin of the native one (src/cli/main.cpp). Same
// arguments, same bytes on stdout, same exit codes; tests/parity checks they agree.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createWinnow } from './node.mjs';

const EXIT_OK = 0;
const EXIT_BAD_INPUT = 1;
const EXIT_USAGE = 2;

const HELP = `Usage: winnow clean [--json] [--no-title] [FILE...]

Cleans articles: repairs broken text and returns the title and body paragraphs.
With no FILE, or when FILE is -, reads standard input.

Options:
  --json       one JSON object per input, on its own line:
               {"title","text","paragraphs","removed","repairs"}
  --no-title   the text has no title line: keep every block as body text
  -h, --help   show this help
  --version    show the version

Exit status: 0 success, 1 an input could not be read or is too large, 2 usage error.
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

async function runClean(args) {
  const winnow = await createWinnow();
  const inputs = args.inputs.length ? args.inputs : ['-'];
  let status = EXIT_OK;
  let first = true;
  for (const path of inputs) {
    let bytes;
    try {
      bytes = readInput(path, winnow.maxInputBytes);
    } catch (error) {
      process.stderr.write(`winnow: ${path}: ${error.message}\n`);
      status = EXIT_BAD_INPUT;
      continue;
    }
    const article = winnow.clean(bytes, { title: args.detectTitle });
    await write(process.stdout, args.json ? `${JSON.stringify(article)}\n` : formatText(article, path, inputs.length > 1, first));
    first = false;
  }
  return status;
}

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
  if (command !== 'clean') return usageError(`unknown command '${command}'`);

  const args = { json: false, detectTitle: true, inputs: [] };
  let optionsDone = false;
  for (const arg of rest) {
    if (optionsDone || arg === '-' || arg === '' || !arg.startsWith('-')) args.inputs.push(arg);
    else if (arg === '--') optionsDone = true;
    else if (arg === '--json') args.json = true;
    else if (arg === '--no-title') args.detectTitle = false;
    else if (arg === '-h' || arg === '--help') {
      await write(process.stdout, HELP);
      return EXIT_OK;
    } else return usageError(`unknown option '${arg}'`);
  }
  return runClean(args);
}

process.exitCode = await main(process.argv.slice(2));
