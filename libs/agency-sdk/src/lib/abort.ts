import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Settles with `work`, or rejects with the signal's reason as soon as it aborts: a cancelled step answers at once
 * even when the handler ignores the signal (its late result is dropped).
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Waits `ms`, or less when the signal aborts. */
export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return untilAborted(sleep(ms, undefined, { signal }), signal);
}

/** A signal that never aborts, for calls outside a transport (an agency's own unit tests). */
export const NEVER_ABORTED = new AbortController().signal;
