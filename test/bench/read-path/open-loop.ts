import { Pool } from 'undici';
import { summarize, type LatencySummary } from '../stats';

/*
 * An open-loop load generator: requests leave at a fixed arrival rate whatever the server does, and each latency is
 * counted from when the request was due, not from when it could be sent — so a server that falls behind shows it in
 * its latencies (no coordinated omission). autocannon and similar tools are closed-loop (a fixed number of
 * connections, each waiting for its answer before the next request), which hides saturation; undici's Pool gives
 * the keep-alive connections and this file the schedule.
 */

export interface ReadRequest {
  readonly kind: string;
  readonly path: string;
  readonly headers: Record<string, string>;
}

export interface KindFigures extends LatencySummary {
  readonly kind: string;
  readonly errors: number;
}

export interface RateFigures {
  readonly rate: number;
  /** Requests answered per second over the window (from the first due time to the last answer). */
  readonly achieved: number;
  readonly all: KindFigures;
  readonly byKind: readonly KindFigures[];
}

/** Bound on one request: an answer later than this counts as an error. */
const REQUEST_TIMEOUT_MS = 10_000;
/** Connections to the server at most; a request finding none free waits, and the wait counts. */
const CONNECTIONS = 256;
/** The scheduler wakes at least this often and sends everything due. */
const TICK_MS = 1;

interface Sample {
  readonly kind: string;
  readonly ms: number;
  readonly ok: boolean;
}

function figures(kind: string, samples: readonly Sample[]): KindFigures {
  return {
    kind,
    ...summarize(samples.filter((s) => s.ok).map((s) => s.ms)),
    errors: samples.filter((s) => !s.ok).length,
  };
}

export class OpenLoopClient {
  private readonly pool: Pool;

  constructor(origin: string) {
    this.pool = new Pool(origin, {
      connections: CONNECTIONS,
      pipelining: 1,
      headersTimeout: REQUEST_TIMEOUT_MS,
      bodyTimeout: REQUEST_TIMEOUT_MS,
    });
  }

  /** Offers `rate` requests per second for `seconds`, cycling through `requests`; waits for every answer. */
  async run(requests: readonly ReadRequest[], rate: number, seconds: number, offset = 0): Promise<RateFigures> {
    const total = Math.round(rate * seconds);
    const interval = 1000 / rate;
    const samples: Sample[] = [];
    const inFlight: Promise<void>[] = [];
    const start = performance.now();
    let sent = 0;
    while (sent < total) {
      const now = performance.now();
      while (sent < total && start + sent * interval <= now) {
        const request = requests[(offset + sent) % requests.length];
        inFlight.push(this.send(request, start + sent * interval, samples));
        sent++;
      }
      await new Promise((resolve) => setTimeout(resolve, TICK_MS));
    }
    await Promise.all(inFlight);
    const windowMs = performance.now() - start;
    const kinds = [...new Set(requests.map((r) => r.kind))];
    return {
      rate,
      achieved: samples.length / (windowMs / 1000),
      all: figures('all', samples),
      byKind: kinds.map((kind) =>
        figures(
          kind,
          samples.filter((s) => s.kind === kind),
        ),
      ),
    };
  }

  private async send(request: ReadRequest, dueAt: number, samples: Sample[]): Promise<void> {
    let ok = false;
    try {
      const response = await this.pool.request({ method: 'GET', path: request.path, headers: request.headers });
      await response.body.dump({ limit: Number.MAX_SAFE_INTEGER });
      ok = response.statusCode === 200;
    } catch {
      ok = false;
    }
    samples.push({ kind: request.kind, ms: performance.now() - dueAt, ok });
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
