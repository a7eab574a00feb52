// Deterministic random inputs (splitmix64, like the C++ tests), so a failure reproduces.
export class Random {
  constructor(seed) {
    this.state = BigInt(seed);
  }
  next() {
    const mask = (1n << 64n) - 1n;
    this.state = (this.state + 0x9e3779b97f4a7c15n) & mask;
    let z = this.state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & mask;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & mask;
    return z ^ (z >> 31n);
  }
  below(n) {
    return Number(this.next() % BigInt(n));
  }
}

// Pieces that exercise every branch of the pipeline, as bytes.
const PIECES = [
  'a', 'Word', '. ', ' ', '  ', '\t', '\n', '\n\n', '\r\n', '\r', '\u00a0', '\u202f', '\u3000', '\u200b',
  '\u00ad', '\ufeff', '\u2028', '\u2029', '\u200d', 'é', '中', '😀', '&amp;', '&#8217;', '&#x1F600;', '&',
  '&nbsp;', '&#150;', '&bogus;', '\x01', '\x00', '\x7f', '"', '\\', 'Headline Words Here\n',
].map((s) => Buffer.from(s, 'utf8'));
const BROKEN = [[0xc2], [0xe2, 0x80], [0x80], [0xff], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]].map((b) =>
  Buffer.from(b),
);

export function randomBytes(rng, maxLength) {
  const bytes = Buffer.alloc(rng.below(maxLength + 1));
  for (let i = 0; i < bytes.length; i++) bytes[i] = rng.below(256);
  return bytes;
}

export function randomPieces(rng, maxPieces) {
  const parts = [];
  const n = rng.below(maxPieces + 1);
  for (let i = 0; i < n; i++) {
    parts.push(rng.below(8) === 0 ? BROKEN[rng.below(BROKEN.length)] : PIECES[rng.below(PIECES.length)]);
  }
  return Buffer.concat(parts);
}
