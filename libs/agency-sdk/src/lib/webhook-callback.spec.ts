import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendWebhookCallback } from './webhook-callback';
import { MemoryNonceStore, verifyWebhook } from './webhook-signature';

const SECRET = 'stad-mechelen-webhook-secret-0123456789';

describe('sendWebhookCallback', () => {
  let server: Server;
  let url: string;
  const received: { verified: string | undefined; body: unknown }[] = [];

  beforeAll(async () => {
    const nonces = new MemoryNonceStore();
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        void verifyWebhook(SECRET, body, req.headers, nonces).then((failure) => {
          received.push({ verified: failure, body: JSON.parse(body) });
          res.writeHead(req.url?.endsWith('/gone') ? 404 : 200).end();
        });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/agency/callbacks`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('posts the decision signed like Passage signs its requests', async () => {
    await sendWebhookCallback(`${url}/tok-1`, SECRET, {
      outcome: 'approved',
      outputs: { 'parking.permitNumber': 'P-1' },
    });
    expect(received).toEqual([
      { verified: undefined, body: { outcome: 'approved', outputs: { 'parking.permitNumber': 'P-1' } } },
    ]);
    await expect(
      sendWebhookCallback(`${url}/gone`, SECRET, { outcome: 'rejected', reason: 'not a resident' }),
    ).rejects.toThrow('HTTP 404');
  });
});
