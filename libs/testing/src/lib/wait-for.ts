export interface WaitOptions {
  /** How long to keep probing; 30 s by default, generous for a busy machine. */
  readonly timeoutMs?: number;
  /** The pause between two probes; 50 ms by default. */
  readonly intervalMs?: number;
}

/**
 * Probes until the probe gives a value (anything but `undefined`) and returns it; fails, naming `what` was awaited,
 * after a bounded number of probes.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  { timeoutMs = 30_000, intervalMs = 50 }: WaitOptions = {},
): Promise<T> {
  const probes = Math.max(1, Math.ceil(timeoutMs / intervalMs));
  for (let round = 0; round < probes; round++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolveRound) => setTimeout(resolveRound, intervalMs));
  }
  throw new Error(`timed out waiting until ${what}`);
}
