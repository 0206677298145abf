/**
 * A number in [0, 1) for a seed and a key naming what it is drawn for (`draw(seed, taskId, 'duration')`). Keyed
 * rather than sequential: the same seed and key give the same number whatever order requests arrive in, so a run is
 * reproducible and a request delivered twice is answered alike.
 */
export function draw(seed: number, ...key: readonly string[]): number {
  return hash53(`${seed}\u0000${key.join('\u0000')}`) / 2 ** 53;
}

/** `length` decimal digits drawn for the key (leading zeros kept). */
export function digits(length: number, seed: number, ...key: readonly string[]): string {
  let out = '';
  for (let part = 0; out.length < length; part++)
    out += String(hash53(`${seed}\u0000${key.join('\u0000')}\u0000${part}`))
      .padStart(16, '0')
      .slice(-15);
  return out.slice(0, length);
}

/** cyrb53 (public domain): a fast, well-spread 53-bit string hash. Not cryptographic: nothing drawn here is secret. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
