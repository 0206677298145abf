/**
 * Runs a task now and then every `intervalMs` after the previous run ends (runs never overlap). A failing run is
 * logged by `describe` only — by default the error's code or class name, since messages of drivers and servers can
 * echo parameters — and the next one is scheduled anyway.
 */
export class Poller {
  private timer?: NodeJS.Timeout;
  private running: Promise<void> = Promise.resolve();
  private active = false;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly task: () => Promise<unknown>,
    private readonly describe: (error: unknown) => string = errorLabel,
  ) {}

  start(): void {
    if (this.active) return;
    this.active = true;
    this.schedule(0);
  }

  /** Stops scheduling and waits for a run in progress to end. */
  async stop(): Promise<void> {
    this.active = false;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.running = this.run();
    }, delayMs);
  }

  private async run(): Promise<void> {
    try {
      await this.task();
    } catch (error) {
      console.error(`passage ${this.name}: run failed (${this.describe(error)})`);
    }
    if (this.active) this.schedule(this.intervalMs);
  }
}

/** An error's code (a driver's SQLSTATE, a system error) or class name: never its message. */
export function errorLabel(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code)) return `error ${code}`;
  const name = error instanceof Error && /^\w{1,60}$/.test(error.name) ? error.name : 'unknown';
  return `unexpected ${name}`;
}
