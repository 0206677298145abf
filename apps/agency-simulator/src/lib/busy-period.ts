/**
 * Whether journeys seem under way: set by any sign of one (a task in an inbox, a service called), it keeps every
 * inbox desk looking often for a while, as a journey moves from agency to agency. Otherwise desks look less often.
 */
export class BusyPeriod {
  private until = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly lengthMs: number) {}

  /** Starts (or extends) the period; a period that starts tells the listeners, so that idle desks look again soon. */
  mark(): void {
    const starts = !this.active;
    this.until = Date.now() + this.lengthMs;
    if (starts) for (const listener of this.listeners) listener();
  }

  get active(): boolean {
    return Date.now() < this.until;
  }

  /** Returns how to stop listening. */
  onStart(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
