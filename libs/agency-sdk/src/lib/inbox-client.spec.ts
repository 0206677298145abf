import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInboxClient, InboxError } from './inbox-client';

interface Seen {
  readonly method?: string;
  readonly url?: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

const TASK = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';

describe('createInboxClient against a local HTTP server', () => {
  let server: Server;
  let baseUrl: string;
  const seen: Seen[] = [];
  let reply: { status: number; body: unknown } = { status: 200, body: {} };

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() });
        res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    seen.splice(0);
    reply = { status: 200, body: {} };
  });

  it('calls the inbox routes with the bearer token, filters and idempotency keys', async () => {
    let issued = 0;
    const inbox = createInboxClient({ baseUrl, token: () => `token-${++issued}` });
    await inbox.list({ status: 'open', overdue: true, pageSize: 50 });
    await inbox.list();
    await inbox.get(TASK, { language: 'fr' });
    await inbox.claim(TASK);
    await inbox.decide(
      TASK,
      { outcome: 'approved', outputs: { 'parking.permitNumber': 'P-1' } },
      { idempotencyKey: 'decide-1' },
    );
    await inbox.requestInfo(TASK, ['person.address']);
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET /api/agency/tasks?status=open&overdue=true&pageSize=50',
      'GET /api/agency/tasks',
      `GET /api/agency/tasks/${TASK}?lang=fr`,
      `POST /api/agency/tasks/${TASK}/claim`,
      `POST /api/agency/tasks/${TASK}/decision`,
      `POST /api/agency/tasks/${TASK}/request-info`,
    ]);
    expect(seen.map((s) => s.headers.authorization)).toEqual(
      ['token-1', 'token-2', 'token-3', 'token-4', 'token-5', 'token-6'].map((t) => `Bearer ${t}`),
    );
    expect(seen[4]?.headers['idempotency-key']).toBe('decide-1');
    expect(seen[5]?.headers['idempotency-key']).toBeUndefined();
    expect(JSON.parse(seen[4]?.body ?? '')).toEqual({
      outcome: 'approved',
      outputs: { 'parking.permitNumber': 'P-1' },
    });
    expect(JSON.parse(seen[5]?.body ?? '')).toEqual({ items: ['person.address'] });
  });

  it("throws Passage's error answer with its status, code and path", async () => {
    reply = {
      status: 400,
      body: {
        code: 'missing-data-item',
        message: 'an approval must give parking.permitNumber',
        path: 'outputs.parking.permitNumber',
      },
    };
    const error = await createInboxClient({ baseUrl, token: 't' })
      .decide(TASK, { outcome: 'approved', outputs: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InboxError);
    expect(error).toMatchObject({
      status: 400,
      code: 'missing-data-item',
      path: 'outputs.parking.permitNumber',
      message: 'an approval must give parking.permitNumber',
    });
  });
});
