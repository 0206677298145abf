import { createHash } from 'node:crypto';
import { sha256Hex, utf8Bytes } from './sha256';

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
    [
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    ],
    ['The quick brown fox jumps over the lazy dog', 'd7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592'],
  ])('matches the published vector for %j', (text, digest) => {
    expect(sha256Hex(text)).toBe(digest);
  });

  it('matches the published vector for a million "a"s', () => {
    expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('hashes non-ASCII text over its UTF-8 bytes', () => {
    // "é€😀" is 2 + 3 + 4 bytes in UTF-8; digest from Python hashlib.
    expect(sha256Hex('é€😀')).toBe('df9226927fd572c1ee66eec85de1bb139497614899f36e4e90474cb71f6ef9d0');
  });

  it('agrees with Node crypto on every length around the padding boundaries', () => {
    for (let length = 0; length <= 130; length++) {
      const text = 'x€'.repeat(length).slice(0, length);
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });
});

describe('utf8Bytes', () => {
  it.each([
    ['ASCII', 'abc'],
    ['two-byte', 'é'],
    ['three-byte', '€'],
    ['four-byte (a surrogate pair)', '😀'],
    ['mixed', 'Één café, 5 €, 😀!'],
    ['a lone high surrogate', 'a\ud800b'],
    ['a lone low surrogate', '\udc00'],
    ['a high surrogate at the end', 'z\ud83d'],
  ])('encodes %s like Node does', (_, text) => {
    expect(Array.from(utf8Bytes(text))).toEqual(Array.from(Buffer.from(text, 'utf8')));
  });
});
