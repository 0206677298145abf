/** A small, fast, seeded pseudo-random generator (mulberry32): the same seed gives the same simulation. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A triangular draw on [low, high] with the given mode: a simple, bounded model of a duration. */
export function triangular(random: () => number, low: number, mode: number, high: number): number {
  if (high <= low) return low;
  const u = random();
  const split = (mode - low) / (high - low);
  return u < split
    ? low + Math.sqrt(u * (high - low) * (mode - low))
    : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
}
