import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWebhookHandler, sendWebhookCallback, type ServiceStep, type WebhookListener } from '@passage/agency-sdk';
import type { DecideLater } from './service-steps';
import type { SimulatedAgency } from './roster';

export interface WebhookAgenciesOptions {
  readonly agencies: readonly SimulatedAgency[];
  /** The secret Passage signs each agency's requests with. */
  readonly secretOf: (agency: SimulatedAgency) => string;
  /** 0: any free port. */
  readonly port: number;
  readonly steps: (agency: SimulatedAgency, decideLater: DecideLater) => ServiceStep[];
}

export interface WebhookAgencies {
  /** Where Passage's adapter calls the agency. */
  urlOf(agency: string): string;
  /** Stops listening; calls still running get a moment to finish, then their connections close. */
  stop(): Promise<void>;
}

/** How long calls in flight may take to finish when the server stops (the adapter retries the rest). */
const CLOSE_GRACE_MS = 5_000;

/**
 * The webhook agencies behind one HTTP server on 127.0.0.1, one path per agency (`/agencies/<id>`), each with the
 * SDK's webhook handler and its own secret; a later decision is posted to the request's callback URL.
 */
export async function startWebhookAgencies(options: WebhookAgenciesOptions): Promise<WebhookAgencies> {
  const handlers = new Map<string, WebhookListener>();
  for (const agency of options.agencies) {
    const secret = options.secretOf(agency);
    const decideLater: DecideLater = ({ callbackUrl }) =>
      callbackUrl ? (decision) => sendWebhookCallback(callbackUrl, secret, decision) : undefined;
    handlers.set(pathOf(agency.id), createWebhookHandler({ secret, steps: options.steps(agency, decideLater) }));
  }
  const server = createServer((request, response) => {
    const handler = handlers.get(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (handler) return handler(request, response);
    response
      .writeHead(404, { 'content-type': 'application/json; charset=utf-8' })
      .end(JSON.stringify({ error: 'NotFound', message: 'no simulated agency on this path' }));
  });
  await listen(server, options.port);
  const { port } = server.address() as AddressInfo;
  return {
    urlOf: (agency) => `http://127.0.0.1:${port}${pathOf(agency)}`,
    stop: () => close(server),
  };
}

function pathOf(agency: string): string {
  return `/agencies/${agency}`;
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const grace = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
  return closed.finally(() => clearTimeout(grace));
}
