import { setTimeout as sleep } from 'node:timers/promises';

/** A started (and ready) process, as the supervisor sees it. */
export interface SupervisedProcess {
  readonly pid?: number;
  /** Settles when the process has ended, whether stopped or not, with how: "exit code 1", "signal SIGKILL". */
  readonly exited: Promise<string>;
  /** Its last output, to explain a failure. */
  output(): string;
  stop(): Promise<void>;
}

/** A part of the stack: how to start it, again and again. */
export interface SupervisedPart {
  readonly name: string;
  /**
   * Starts the process and resolves once it is ready; rejects, having stopped what it started, when it cannot or
   * when `signal` aborts (the stack is stopping).
   */
  start(signal: AbortSignal): Promise<SupervisedProcess>;
}

/**
 * When to restart a part that ended on its own, and when to stop trying: `maxCrashes` crashes of one part within
 * `windowMs` stop the stack. The wait before a restart doubles with each crash in the window.
 */
export interface RestartPolicy {
  readonly maxCrashes: number;
  readonly windowMs: number;
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
}

/** `passage dev`'s rule: five crashes of one part within two minutes stop the stack; restarts after 1, 2, 4, 8 s. */
export const RESTART_POLICY: RestartPolicy = {
  maxCrashes: 5,
  windowMs: 120_000,
  firstDelayMs: 1_000,
  maxDelayMs: 8_000,
};

/** Why the supervisor gave up: the part that crashed too often, how it ended last, and its last output. */
export interface PartFailure {
  readonly name: string;
  readonly how: string;
  readonly output: string;
}

interface Supervised {
  readonly part: SupervisedPart;
  process: SupervisedProcess;
  /** When it crashed, within the policy's window. */
  crashes: number[];
  /** The restart under way, which stop() waits for. */
  restarting?: Promise<void>;
}

/**
 * Keeps the parts of a stack running: a part that ends on its own is started again after a backoff, with one line
 * saying so; only a part that crashes too often (the policy) makes `failed` settle. `stop()` stops every part, the
 * last started first, and restarts nothing any more.
 */
export class Supervisor {
  /** Settles when a part crashed more often than the policy allows (the supervisor has then stopped restarting). */
  readonly failed: Promise<PartFailure>;
  private readonly parts: Supervised[] = [];
  /** Aborted by stop(): starts under way give up, backoffs end. */
  private readonly halt = new AbortController();
  private readonly starting = new Set<Promise<SupervisedProcess>>();
  private giveUp: (failure: PartFailure) => void = () => undefined;

  constructor(
    private readonly report: (line: string) => void,
    private readonly policy: RestartPolicy = RESTART_POLICY,
  ) {
    this.failed = new Promise((settle) => (this.giveUp = settle));
  }

  /** Starts a part for the first time; a failure here is not retried (the stack is not up yet). */
  async start(part: SupervisedPart): Promise<void> {
    const supervised: Supervised = { part, process: await this.launch(part), crashes: [] };
    this.parts.push(supervised);
    if (this.stopping) await supervised.process.stop();
    else this.watch(supervised);
  }

  /** Stops every part, the last started first, once starts and restarts under way have settled. */
  async stop(): Promise<void> {
    this.halt.abort(new Error('the stack is stopping'));
    await Promise.allSettled(this.starting);
    for (const supervised of [...this.parts].reverse()) {
      await supervised.restarting;
      await supervised.process.stop();
    }
  }

  private get stopping(): boolean {
    return this.halt.signal.aborted;
  }

  private async launch(part: SupervisedPart): Promise<SupervisedProcess> {
    const started = part.start(this.halt.signal);
    this.starting.add(started);
    try {
      return await started;
    } finally {
      this.starting.delete(started);
    }
  }

  private watch(supervised: Supervised): void {
    void supervised.process.exited.then((how) => {
      if (this.stopping) return;
      supervised.restarting = this.restart(supervised, how).finally(() => (supervised.restarting = undefined));
    });
  }

  private async restart(supervised: Supervised, how: string): Promise<void> {
    const { name } = supervised.part;
    const { maxCrashes, windowMs, firstDelayMs, maxDelayMs } = this.policy;
    for (;;) {
      const now = Date.now();
      supervised.crashes = [...supervised.crashes.filter((at) => now - at < windowMs), now];
      const crashes = supervised.crashes.length;
      const window = duration(windowMs);
      if (crashes >= maxCrashes) {
        this.report(`${name} ended (${how}): ${crashes} crashes within ${window}, giving up`);
        this.giveUp({ name, how, output: supervised.process.output() });
        return;
      }
      const delayMs = Math.min(firstDelayMs * 2 ** (crashes - 1), maxDelayMs);
      this.report(
        `${name} ended (${how}); restarting in ${duration(delayMs)} (crash ${crashes} of ${maxCrashes} within ${window} stops the stack)`,
      );
      await sleep(delayMs, undefined, { signal: this.halt.signal }).catch(() => undefined);
      if (this.stopping) return;
      const began = Date.now();
      try {
        supervised.process = await this.launch(supervised.part);
      } catch (error) {
        if (this.stopping) return;
        how = `failed to start: ${firstLine(error)}`;
        continue;
      }
      if (this.stopping) return; // stop() stops the new process
      this.report(`${name} is back (pid ${supervised.process.pid ?? '?'}, ready in ${duration(Date.now() - began)})`);
      this.watch(supervised);
      return;
    }
  }
}

function duration(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${Number((ms / 1000).toFixed(ms < 10_000 ? 1 : 0))} s`;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
