import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServiceOutcome } from '@passage/contracts';
import { ServiceFailure } from './service-failure';
import { routeServices } from './service-router';
import type { ServiceStep } from './service-step';
import { MemoryNonceStore, verifyWebhook, type NonceStore } from './webhook-signature';

export interface WebhookHandlerOptions {
  /** The secret Passage signs this agency's requests with. */
  readonly secret: string;
  /** The agency's steps (all of one agency). */
  readonly steps: readonly ServiceStep[];
  /** Where seen nonces are kept for five minutes; several replicas need a shared store. Default: in memory. */
  readonly nonces?: NonceStore;
  /** Larger bodies are refused with 413. Default: 1 MiB. */
  readonly maxBodyBytes?: number;
  /** Called with what a handler threw (answered 503, retried by Passage). Default: one line on stderr. */
  readonly onError?: (error: unknown, service: string) => void;
}

/** A Node request listener: `http.createServer(listener)` or `app.post('/passage', listener)` in Express. */
export type WebhookListener = (request: IncomingMessage & { body?: unknown }, response: ServerResponse) => void;

type Reply = readonly [status: number, body: object, headers?: Readonly<Record<string, string>>];

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * Serves an agency's steps over HTTP for Passage's webhook adapter: checks the signature (timestamp, nonce, HMAC),
 * parses the request, routes it to the step of its service, and answers with the status codes of the README's
 * webhook contract.
 */
export function createWebhookHandler(options: WebhookHandlerOptions): WebhookListener {
  const route = routeServices(options.steps);
  const nonces = options.nonces ?? new MemoryNonceStore();
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const onError =
    options.onError ??
    ((error, service) =>
      console.error(
        `passage webhook ${service}: ${error instanceof Error ? `${error.name}: ${error.message}` : 'failed'}`,
      ));

  async function answer(request: IncomingMessage & { body?: unknown }, response: ServerResponse): Promise<Reply> {
    if (request.method !== 'POST') return [405, { error: 'MethodNotAllowed', message: 'use POST' }, { allow: 'POST' }];
    const body = await rawBody(request, maxBodyBytes);
    if (body === 'too-large')
      return [
        413,
        { error: 'PayloadTooLarge', message: `the body exceeds ${maxBodyBytes} bytes` },
        { connection: 'close' },
      ];
    if (body === 'parsed') {
      return [
        500,
        {
          error: 'ConfigurationError',
          message:
            'a body parser consumed the raw body: mount the Passage handler without one, or behind express.raw()',
          retryable: false,
        },
      ];
    }
    const refused = await verifyWebhook(options.secret, body, request.headers, nonces);
    if (refused) return [401, { error: 'InvalidSignature', message: refused }];
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return [400, { error: 'InvalidServiceRequest', message: 'the body is not JSON' }];
    }
    const abort = new AbortController();
    response.on('close', () => {
      if (!response.writableFinished) abort.abort(new Error('Passage closed the connection'));
    });
    const callbackUrl = (parsed as { callbackUrl?: unknown } | null)?.callbackUrl;
    try {
      const outcome = await route(parsed, {
        signal: abort.signal,
        heartbeat: () => undefined,
        callbackUrl: typeof callbackUrl === 'string' ? callbackUrl : undefined,
      });
      return replyTo(outcome);
    } catch (error) {
      if (!(error instanceof ServiceFailure) && !abort.signal.aborted)
        onError(error, String((parsed as { service?: unknown }).service));
      return replyToFailure(error);
    }
  }

  return (request, response) => {
    answer(request, response).then(
      (reply) => send(response, reply),
      () => send(response, [500, { error: 'InternalError', message: 'the webhook handler failed', retryable: true }]),
    );
  };
}

function replyTo(outcome: ServiceOutcome): Reply {
  switch (outcome.outcome) {
    case 'completed':
      return [200, { outputs: outcome.outputs }];
    case 'rejected':
      return [422, { reason: outcome.reason }];
    case 'accepted':
      return [202, { reference: outcome.reference }];
    case 'information-requested':
      return [200, { informationRequested: { items: outcome.items, message: outcome.message } }];
  }
}

function replyToFailure(error: unknown): Reply {
  if (!(error instanceof ServiceFailure))
    return [503, { error: 'ServiceUnavailable', message: 'the service failed; try again later', retryable: true }];
  switch (error.type) {
    case 'InvalidServiceRequest':
    case 'UnknownService':
      return [400, { error: error.type, message: error.message }];
    case 'InvalidServiceOutput':
      return [500, { error: error.type, message: error.message, retryable: false }];
    case 'ServiceUnavailable':
      return [
        503,
        { error: error.type, message: error.message, retryable: true },
        error.retryAfterSeconds === undefined
          ? undefined
          : { 'retry-after': String(Math.ceil(error.retryAfterSeconds)) },
      ];
  }
}

/** The exact bytes Passage signed: read from the stream, or from a raw body parser (`express.raw`) that ran before. */
async function rawBody(
  request: IncomingMessage & { body?: unknown },
  limit: number,
): Promise<string | 'too-large' | 'parsed'> {
  if (Buffer.isBuffer(request.body) || typeof request.body === 'string') {
    const body = request.body.toString();
    return Buffer.byteLength(body) > limit ? 'too-large' : body;
  }
  if (request.readableEnded) return 'parsed';
  const chunks: Buffer[] = [];
  let size = 0;
  // Read to the end even past the limit, so that the 413 reaches a caller still sending.
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  return size > limit ? 'too-large' : Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, [status, body, headers]: Reply): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}
