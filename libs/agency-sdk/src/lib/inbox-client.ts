import type { InboxPage, InboxTask, InboxTaskDetail, InboxTaskStatus, MessageReceipt } from '@passage/contracts';
import type { DataItems, Language } from '@passage/journey-model';

export interface InboxQuery {
  readonly status?: InboxTaskStatus;
  readonly lifeEvent?: string;
  readonly overdue?: boolean;
  readonly page?: number;
  /** At most 100. */
  readonly pageSize?: number;
}

export type InboxDecision =
  | { readonly outcome: 'approved'; readonly outputs: DataItems; readonly reason?: string }
  | { readonly outcome: 'rejected'; readonly reason: string };

/** A POST may carry an Idempotency-Key: sending the same request again with it answers the same, once. */
export interface PostOptions {
  readonly idempotencyKey?: string;
}

export interface InboxClient {
  list(query?: InboxQuery): Promise<InboxPage<InboxTask>>;
  get(taskId: string, options?: { readonly language?: Language }): Promise<InboxTaskDetail>;
  claim(taskId: string): Promise<InboxTask>;
  decide(taskId: string, decision: InboxDecision, options?: PostOptions): Promise<MessageReceipt>;
  /** Asks the subject for items; the statutory term is suspended until they answer. */
  requestInfo(taskId: string, items: readonly string[], options?: PostOptions): Promise<MessageReceipt>;
}

export interface InboxClientOptions {
  /** Passage's base URL, e.g. `https://passage.example.be`. */
  readonly baseUrl: string;
  /** A bearer token of agency staff (role `agency`, claim `agency`), or a function giving a fresh one. */
  readonly token: string | (() => string | Promise<string>);
}

/** An error answer of Passage's API: `{ code, message, path? }` with its HTTP status. */
export class InboxError extends Error {
  override readonly name = 'InboxError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}

/** A typed client of the decision inbox (`/api/agency/tasks`), for an agency's own case-management system. */
export function createInboxClient(options: InboxClientOptions): InboxClient {
  const base = `${options.baseUrl.replace(/\/+$/, '')}/api/agency/tasks`;
  const task = (taskId: string, suffix = '') => `${base}/${encodeURIComponent(taskId)}${suffix}`;

  async function call<T>(method: 'GET' | 'POST', url: string, body?: object, idempotencyKey?: string): Promise<T> {
    const token = typeof options.token === 'function' ? await options.token() : options.token;
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    if (body) headers['content-type'] = 'application/json';
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    const response = await fetch(url, { method, headers, body: body ? JSON.stringify(body) : undefined });
    const payload = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
    if (!response.ok) {
      throw new InboxError(
        response.status,
        String(payload?.['code'] ?? 'unknown'),
        String(payload?.['message'] ?? `HTTP ${response.status}`),
        payload?.['path'] as string | undefined,
      );
    }
    return payload as T;
  }

  return {
    list: (query = {}) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
      return call('GET', params.size > 0 ? `${base}?${params}` : base);
    },
    get: (taskId, { language } = {}) => call('GET', task(taskId, language ? `?lang=${language}` : '')),
    claim: (taskId) => call('POST', task(taskId, '/claim')),
    decide: (taskId, decision, { idempotencyKey } = {}) =>
      call('POST', task(taskId, '/decision'), decision, idempotencyKey),
    requestInfo: (taskId, items, { idempotencyKey } = {}) =>
      call('POST', task(taskId, '/request-info'), { items }, idempotencyKey),
  };
}
