import type { Request, Response } from 'express';
import type { TimelineEvent } from '@passage/contracts';

const HEARTBEAT_MS = 15_000;
const RECHECK_MS = 5_000;
/** A stream ends after this; browsers reconnect on their own, with Last-Event-ID. */
const MAX_STREAM_MS = 30 * 60_000;
const FINAL = new Set(['journey-completed', 'journey-rejected', 'journey-withdrawn', 'journey-failed']);

export interface EventSource {
  since(afterN: number): Promise<TimelineEvent[]>;
  subscribe(wake: () => void): () => void;
}

/**
 * Writes a journey's timeline events as server-sent events, from `afterN` on (`id:` is the event number, so that
 * `Last-Event-ID` resumes exactly), woken by the projection's notifications and a periodic re-check. Ends when the
 * journey has ended and everything was sent, when the client leaves, or after a bounded time.
 */
export async function streamJourneyEvents(
  request: Request,
  response: Response,
  source: EventSource,
  afterN: number,
): Promise<void> {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    // A journey's events are personal: never kept by a cache.
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  response.write(`retry: 3000\n\n`);
  let last = afterN;
  let closed = false;
  let wake: () => void = () => undefined;
  const unsubscribe = source.subscribe(() => wake());
  request.on('close', () => {
    closed = true;
    wake();
  });
  const started = Date.now();
  let lastWrite = Date.now();
  try {
    while (!closed && Date.now() - started < MAX_STREAM_MS) {
      const events = await source.since(last);
      for (const event of events) {
        response.write(`id: ${event.n}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
        last = event.n;
        lastWrite = Date.now();
      }
      if (events.some((event) => FINAL.has(event.type))) break;
      if (Date.now() - lastWrite >= HEARTBEAT_MS) {
        response.write(`: keep-alive\n\n`);
        lastWrite = Date.now();
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, RECHECK_MS);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  } finally {
    unsubscribe();
    response.end();
  }
}
