export interface HttpResult<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
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
  async raw(method: string, path: string, body: string | undefined, headers: Record<string, string> = {}): Promise<HttpResult> {
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

  private request<T>(method: string, path: string, body: unknown, headers: Record<string, string>): Promise<HttpResult<T>> {
    return this.raw(method, path, body === undefined ? undefined : JSON.stringify(body), {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    }) as Promise<HttpResult<T>>;
  }
}
