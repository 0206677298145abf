import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryNonceStore, verifyWebhook } from '@passage/agency-sdk';

export interface ReceivedWebhook {
  readonly deliveryId: string;
  readonly body: Record<string, unknown>;
  readonly raw: string;
  readonly headers: IncomingHttpHeaders;
  /** The signature verified as a receiver must, with the verifier Passage publishes for webhook receivers. */
  readonly verified: boolean;
}

export interface WebhookReceiver {
  readonly url: string;
  readonly received: ReceivedWebhook[];
  close(): Promise<void>;
}

/** Answers with a status chosen per request (after an optional delay); defaults to 204. */
export type Responder = (request: ReceivedWebhook, index: number) => number | Promise<number>;

/** An e-counter for tests on 127.0.0.1: verifies and records every request. */
export async function startWebhookReceiver(secret: string, respond: Responder = () => 204): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const nonces = new MemoryNonceStore();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      void verifyWebhook(secret, raw, req.headers, nonces).then(async (failure) => {
        const request: ReceivedWebhook = {
          deliveryId: String(req.headers['passage-delivery-id']),
          body: JSON.parse(raw) as Record<string, unknown>,
          raw,
          headers: req.headers,
          verified: failure === undefined,
        };
        received.push(request);
        res.writeHead(await respond(request, received.length - 1)).end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/passage/notifications`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
