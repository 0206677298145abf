import { describeFailure } from './delivery/failure';

/**
 * Runs a task now and then every `intervalMs` after the previous run ends (runs never overlap). A failing run is
 * logged without its message (it may carry query parameters) and the next one is scheduled anyway.
 */
export class Poller {
  private timer?: NodeJS.Timeout;
  private running: Promise<void> = Promise.resolve();
  private active = false;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly task: () => Promise<unknown>,
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
      console.error(`passage ${this.name}: run failed (${describeFailure(error).reason})`);
    }
    if (this.active) this.schedule(this.intervalMs);
  }
}
