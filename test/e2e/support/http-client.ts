export interface HttpResult<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export interface ProbeResult extends HttpResult {
  /** The body exactly as sent (for an event stream: its first chunk). */
  readonly text: string;
}

/** A small JSON client for end-to-end tests; it never throws on an HTTP status. */
export class HttpClient {
  constructor(
    private readonly baseUrl: string,
    private readonly headers: Record<string, string>,
  ) {}

  get<T = unknown>(path: string, headers: Record<string, string> = {}): Promise<HttpResult<T>> {
    return this.request<T>('GET', path, undefined, headers);
  }

  post<T = unknown>(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpResult<T>> {
    return this.request<T>('POST', path, body, headers);
  }

  delete<T = unknown>(path: string, headers: Record<string, string> = {}): Promise<HttpResult<T>> {
    return this.request<T>('DELETE', path, undefined, headers);
  }

  /** Sends a raw body (for hostile inputs): a string as is, with the given content type. */
  async raw(
    method: string,
    path: string,
    body: string | undefined,
    headers: Record<string, string> = {},
  ): Promise<HttpResult> {
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers: { ...this.headers, ...headers }, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }

  /**
   * Like `raw`, but bounded: the request is aborted after `timeoutMs`, and an event stream (which would never end) is
   * read up to its first chunk and then closed. Gives the body's exact text as well, for byte-for-byte comparisons.
   */
  async probe(
    method: string,
    path: string,
    body?: string | Uint8Array,
    headers: Record<string, string> = {},
    timeoutMs = 10_000,
  ): Promise<ProbeResult> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: { ...this.headers, ...headers },
        body,
        signal: controller.signal,
      });
      let text: string;
      if ((response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
        const reader = response.body?.getReader();
        const chunk = await reader?.read();
        text = chunk?.value ? new TextDecoder().decode(chunk.value) : '';
        await reader?.cancel().catch(() => undefined);
      } else {
        text = await response.text();
      }
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, body: parsed, headers: response.headers, text };
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
  }

  private request<T>(
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string>,
  ): Promise<HttpResult<T>> {
    return this.raw(method, path, body === undefined ? undefined : JSON.stringify(body), {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    }) as Promise<HttpResult<T>>;
  }
}
