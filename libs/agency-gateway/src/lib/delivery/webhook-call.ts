/** What an agency's webhook answered. The body is read only where the contract gives it a meaning. */
export interface WebhookAnswer {
  readonly status: number;
  /** The body's text (bounded), for 200, 202 and 422. */
  readonly text?: string;
  readonly retryAfter: string | null;
}

/** The agency could not be reached, or did not answer in time: worth another attempt. */
export class WebhookTransportError extends Error {
  override readonly name = 'WebhookTransportError';
  constructor(
    readonly kind: 'timeout' | 'connection',
    message: string,
  ) {
    super(message);
  }
}

/** The agency answered with more than a service outcome can hold. */
export class WebhookBodyTooLargeError extends Error {
  override readonly name = 'WebhookBodyTooLargeError';
}

export interface WebhookCall {
  readonly url: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  /** Aborted when Temporal cancels the activity; its reason is rethrown as is. */
  readonly cancellation: AbortSignal;
  /** Called while waiting, so that Temporal knows the attempt is alive (and can deliver a cancellation). */
  readonly heartbeat: () => void;
  readonly heartbeatEveryMs: number;
  readonly maxBodyBytes: number;
}

const STATUSES_WITH_BODY: ReadonlySet<number> = new Set([200, 202, 422]);

/**
 * POSTs one signed request. Redirects are not followed (the signed request, with personal data, would go where the
 * registry does not say). Throws `WebhookTransportError` for timeouts and connection failures.
 */
export async function callWebhook(call: WebhookCall): Promise<WebhookAnswer> {
  const timeout = AbortSignal.timeout(call.timeoutMs);
  const signal = AbortSignal.any([call.cancellation, timeout]);
  const beat = setInterval(call.heartbeat, call.heartbeatEveryMs);
  try {
    const response = await fetch(call.url, {
      method: 'POST',
      body: call.body,
      headers: call.headers,
      redirect: 'manual',
      signal,
    });
    const text = STATUSES_WITH_BODY.has(response.status) ? await readBounded(response, call.maxBodyBytes) : undefined;
    if (text === undefined) await response.body?.cancel();
    return { status: response.status, text, retryAfter: response.headers.get('retry-after') };
  } catch (error) {
    if (call.cancellation.aborted) throw call.cancellation.reason;
    if (timeout.aborted) throw new WebhookTransportError('timeout', `no answer within ${call.timeoutMs} ms`);
    if (error instanceof WebhookBodyTooLargeError) throw error;
    throw new WebhookTransportError('connection', `connection failed (${causeCode(error)})`);
  } finally {
    clearInterval(beat);
  }
}

async function readBounded(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new WebhookBodyTooLargeError(`the answer is larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `ECONNREFUSED`, `ECONNRESET`, … : the transport's own reason, never a body. Read from fields, not `instanceof`: the
 * error may come from another realm.
 */
function causeCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message.slice(0, 100);
  return 'unknown';
}
