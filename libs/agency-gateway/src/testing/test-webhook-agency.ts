import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryNonceStore, signWebhook, verifyWebhook, type SignatureFailure } from '@passage/agency-sdk';
import type { ServiceRequest } from '@passage/contracts';
import type { DataItems } from '@passage/journey-model';

/** A service request as a webhook receives it. */
export type WebhookRequest = ServiceRequest & { readonly callbackUrl?: string };

export interface ReceivedCall {
  readonly request: WebhookRequest;
  readonly headers: IncomingHttpHeaders;
  /** Why the signature was refused, or undefined when it was valid. */
  readonly signature: SignatureFailure | undefined;
  /** When it arrived (epoch milliseconds). */
  readonly at: number;
}

/** An answer, or `hang-up`: the connection is dropped without one (the agency acted, the answer got lost). */
export type Reply =
  { readonly status: number; readonly body?: unknown; readonly headers?: Record<string, string> } | 'hang-up';
export type Behaviour = (call: ReceivedCall, agency: TestWebhookAgency) => Reply | Promise<Reply>;

/**
 * An agency's webhook for tests, on 127.0.0.1: it checks Passage's signature (401 when wrong), records every call,
 * and keeps a business log keyed by idempotency key, acting once per key and answering repeats with the first
 * result, as agencies are asked to.
 */
export class TestWebhookAgency {
  readonly calls: ReceivedCall[] = [];
  /** The agency's own record: one business action per idempotency key, whatever the number of calls. */
  readonly actions: { readonly key: string; readonly outputs: DataItems }[] = [];
  private server: Server | undefined;

  private constructor(
    readonly secret: string,
    private port: number,
    public behaviour: Behaviour,
  ) {}

  static async start(secret: string, behaviour: Behaviour): Promise<TestWebhookAgency> {
    const agency = new TestWebhookAgency(secret, 0, behaviour);
    await agency.listen();
    return agency;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/passage`;
  }

  /** Acts once for this key: a repeat returns what the first action produced. */
  act(key: string, outputs: DataItems): DataItems {
    const earlier = this.actions.find((action) => action.key === key);
    if (earlier) return earlier.outputs;
    this.actions.push({ key, outputs });
    return outputs;
  }

  callsFor(journeyId: string): ReceivedCall[] {
    return this.calls.filter((call) => call.request.journeyId === journeyId);
  }

  /** Stops listening: calls are refused (ECONNREFUSED) until `listen()`. */
  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
  }

  /** Listens (again, on the same port after a `close()`). */
  async listen(): Promise<void> {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => void this.answer(Buffer.concat(chunks).toString('utf8'), request.headers, response));
    });
    await new Promise<void>((resolveListen) => server.listen(this.port, '127.0.0.1', resolveListen));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  private async answer(body: string, headers: IncomingHttpHeaders, response: ServerResponse): Promise<void> {
    const at = Date.now();
    const signature = await verifyWebhook(this.secret, body, headers, new MemoryNonceStore());
    const call: ReceivedCall = { request: JSON.parse(body) as WebhookRequest, headers, signature, at };
    this.calls.push(call);
    const reply: Reply = signature ? { status: 401, body: { error: signature } } : await this.behaviour(call, this);
    if (reply === 'hang-up') {
      response.socket?.destroy();
      return;
    }
    response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    response.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
  }
}

export interface CallbackPost {
  readonly status: number;
  readonly body: unknown;
  /** The exact request, to send again (a replay). */
  readonly resend: () => Promise<{ status: number; body: unknown }>;
}

/**
 * Posts a callback signed with `secret`. `sent` replaces the signed body on the wire (a tampered request); the
 * returned `resend` sends the same bytes with the same headers again (a replayed request).
 */
export async function postCallback(
  url: string,
  secret: string,
  decision: unknown,
  sent?: string,
): Promise<CallbackPost> {
  const body = JSON.stringify(decision);
  const headers = { 'content-type': 'application/json', ...signWebhook(secret, body) };
  const send = async () => {
    const response = await fetch(url, { method: 'POST', headers, body: sent ?? body });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
  return { ...(await send()), resend: send };
}
