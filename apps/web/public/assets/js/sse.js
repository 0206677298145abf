// Server-sent events read with fetch, so the bearer token travels in the Authorization header, as on every other
// request. (EventSource cannot send headers; a token in the URL would end up in logs, history and Referer headers.)
import { authHeaders } from './api.js';

const FINAL = new Set(['journey-completed', 'journey-rejected', 'journey-withdrawn', 'journey-failed']);
const MAX_DELAY_MS = 30_000;

/**
 * Follows `path` (a text/event-stream) from `lastEventId` on, calling `onEvent(event)` with each parsed event
 * (`{ id, type, data }`), reconnecting with `Last-Event-ID` after the server's `retry` delay, with back-off on
 * failures, until a final journey event arrives, `signal` aborts, or the API refuses (401, 403, 404).
 * `onState('live' | 'reconnecting' | 'ended' | 'off')` reports the connection for the page to say so.
 */
export function followEvents(path, { lastEventId, onEvent, onState = () => undefined, signal }) {
  let last = lastEventId;
  let retryMs = 3000;
  let failures = 0;

  const run = async () => {
    while (!signal.aborted) {
      let finished = false;
      try {
        const headers = authHeaders({ accept: 'text/event-stream' });
        if (last !== undefined && last !== null) headers['last-event-id'] = String(last);
        const response = await fetch(path, { headers, signal, cache: 'no-store', credentials: 'omit' });
        if (response.status === 401 || response.status === 403 || response.status === 404) {
          onState('off');
          return;
        }
        if (!response.ok || !response.body) throw new Error(`events answered ${response.status}`);
        failures = 0;
        onState('live');
        for await (const event of parseStream(response.body, signal)) {
          if (event.retry !== undefined) retryMs = event.retry;
          if (event.id !== undefined) last = event.id;
          if (event.data === undefined) continue;
          onEvent(event);
          if (FINAL.has(event.type)) finished = true;
        }
      } catch (error) {
        if (signal.aborted || error?.name === 'AbortError') return;
        failures += 1;
      }
      if (finished) {
        onState('ended');
        return;
      }
      if (signal.aborted) return;
      onState('reconnecting');
      const delay = Math.min(MAX_DELAY_MS, retryMs * 2 ** Math.min(failures, 4));
      await sleep(delay, signal);
    }
  };
  run().catch(() => onState('off'));
}

function sleep(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/** Parses the event-stream format (https://html.spec.whatwg.org/multipage/server-sent-events.html). */
async function* parseStream(body, signal) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  const onAbort = () => reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', onAbort, { once: true });
  let buffer = '';
  let event = { data: [] };
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      const lines = buffer.split(/\r\n|\r|\n/);
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === '') {
          if (event.data.length > 0 || event.retry !== undefined) {
            yield {
              id: event.id,
              type: event.type ?? 'message',
              retry: event.retry,
              data: event.data.length > 0 ? parseData(event.data.join('\n')) : undefined,
            };
          }
          event = { data: [] };
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        const text = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'data') event.data.push(text);
        else if (field === 'event') event.type = text;
        else if (field === 'id' && !text.includes('\0')) event.id = text;
        else if (field === 'retry' && /^\d+$/.test(text)) event.retry = Number(text);
      }
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

function parseData(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
