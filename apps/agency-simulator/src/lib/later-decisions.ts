import { setTimeout as sleep } from 'node:timers/promises';
import { after, type Timer } from './after';

export interface LaterDecisionsOptions {
  /** Beyond this many waiting decisions, new requests are answered at once instead (memory stays bounded). */
  readonly maxPending: number;
  /** Attempts to deliver one decision (Passage briefly unreachable), a second apart and doubling. */
  readonly attempts: number;
  /** Told what the decision was about (never its key: it names the journey). */
  readonly onFailure: (what: string, error: unknown) => void;
}

/**
 * Decisions an agency promised (it answered `accepted`) and sends when their time comes. One per key: a request
 * delivered twice is decided once. On stop the waiting ones are sent at once, so no journey waits for a simulator
 * that is gone.
 */
export class LaterDecisions {
  private readonly pending = new Map<
    string,
    { readonly timer: Timer; readonly what: string; readonly deliver: () => Promise<void> }
  >();
  private readonly sending = new Set<Promise<void>>();
  /** Aborted on stop: a send waiting to try again gives up instead of holding the shutdown. */
  private readonly stopping = new AbortController();

  constructor(private readonly options: LaterDecisionsOptions) {}

  /**
   * Whether the decision is (or was already) scheduled; false when too many wait or the simulator stops. `what`
   * says what it is about in a log (agency and service).
   */
  schedule(key: string, what: string, delayMs: number, deliver: () => Promise<void>): boolean {
    if (this.pending.has(key)) return true;
    if (this.stopping.signal.aborted || this.pending.size >= this.options.maxPending) return false;
    const timer = after(delayMs, () => this.send(key));
    this.pending.set(key, { timer, what, deliver });
    return true;
  }

  /** Sends every waiting decision now and waits for all sends to end. */
  async stop(): Promise<void> {
    this.stopping.abort();
    for (const [key, { timer }] of this.pending) {
      timer.cancel();
      this.send(key, 1);
    }
    await Promise.all(this.sending);
  }

  private send(key: string, attempts = this.options.attempts): void {
    const entry = this.pending.get(key);
    if (!entry) return;
    this.pending.delete(key);
    const sent = this.deliver(entry.what, entry.deliver, attempts).finally(() => this.sending.delete(sent));
    this.sending.add(sent);
  }

  private async deliver(what: string, deliver: () => Promise<void>, attempts: number): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await deliver();
      } catch (error) {
        const retry =
          attempt < attempts &&
          (await sleep(1000 * 2 ** (attempt - 1), true, { signal: this.stopping.signal }).catch(() => false));
        if (!retry) return this.options.onFailure(what, error);
      }
    }
  }
}
