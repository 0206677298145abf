/** One HTTP exchange as the fault suite saw it (invariant I4 is checked on these). */
export interface Exchange {
  readonly method: string;
  /** The route, without ids: `POST /api/journeys/:id/inputs`. */
  readonly route: string;
  /** 0: no answer (connection refused or reset: the API process is down); -1: no answer within the client's bound. */
  readonly status: number;
  readonly ms: number;
  readonly at: number;
  readonly retryAfter?: string;
}

export interface Answer<T = unknown> {
  readonly status: number;
  readonly body: T;
}

/** How long the suite's client waits for one answer before it counts the request as hung. */
export const CLIENT_TIMEOUT_MS = 60_000;

/**
 * The HTTP client of the fault suite's citizens and staff: JSON, a bearer token, an Idempotency-Key per write, and
 * the retries any well-behaved client makes: after a 503 (waiting its Retry-After) or when nothing answers (the API
 * is restarting), with the same key. Every exchange is recorded.
 */
export class ApiRecorder {
  readonly exchanges: Exchange[] = [];

  constructor(private readonly baseUrl: string) {}

  async call<T>(
    token: string,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    idempotencyKey?: string,
    { attempts = 30 }: { attempts?: number } = {},
  ): Promise<Answer<T>> {
    const route = `${method} ${path.replace(/journey-[a-z-]+-[0-9a-f-]{36}/g, ':id').replace(/\/tasks\/[^/?]+/, '/tasks/:task')}`;
    for (let attempt = 1; ; attempt++) {
      const began = Date.now();
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), CLIENT_TIMEOUT_MS);
      let status: number;
      let answer: unknown;
      let retryAfter: string | undefined;
      try {
        const response = await fetch(`${this.baseUrl}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: controller.signal,
        });
        status = response.status;
        retryAfter = response.headers.get('retry-after') ?? undefined;
        const text = await response.text();
        try {
          answer = text ? JSON.parse(text) : undefined;
        } catch {
          answer = text;
        }
      } catch {
        status = controller.signal.aborted ? -1 : 0;
      } finally {
        clearTimeout(timer);
      }
      this.exchanges.push({ method, route, status, ms: Date.now() - began, at: began, retryAfter });
      // A key still in progress belongs to a request whose process may have died: its lease runs out, then the
      // same key runs the request again (docs/reliability.md, "Idempotency that cannot wedge").
      const inProgress =
        status === 409 && (answer as { code?: string } | undefined)?.code === 'idempotency-key-in-progress';
      const retryable = status === 503 || status === 0 || status === -1 || inProgress;
      if (!retryable || attempt >= attempts) return { status, body: answer as T };
      const waitSeconds = inProgress ? 5 : Math.min(Number(retryAfter) || 1, 5);
      await new Promise((r) => setTimeout(r, waitSeconds * 1000));
    }
  }
}
