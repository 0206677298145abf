import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DevTokenVerifier, type Principal } from '@passage/auth';
import { startPassageProcess, waitForHttp, type RunningProcess } from '@passage/devstack';
import { AGENCIES, CATALOGUE } from '@passage/life-events';
import { createTestDatabase, type TestDatabase } from '@passage/persistence/testing';
import { publishCatalogue } from '@passage/registry';
import { freePort, startDevServer, type DevServer } from '@passage/temporal';
import { soleTraderIntake, startTcpProxy, TEST_PAYLOAD_KEY_SPEC, type TcpProxy } from '@passage/testing';
import { HttpClient, type ProbeResult } from './support/http-client';

/** The bound this spec gives the API (PASSAGE_API_CALL_TIMEOUT_MS). */
const CALL_TIMEOUT_MS = 2_000;
/**
 * What the spec accepts as "answered in time": the bound with room for a busy machine. A request that hangs is
 * cut off at twice that, and fails the spec.
 */
const ANSWERED_WITHIN_MS = CALL_TIMEOUT_MS + 8_000;

const alice: Principal = { sub: 'alice', roles: ['citizen'] };

/**
 * Outages answer in time: with PostgreSQL frozen (a proxy that stops moving bytes) or the Temporal server gone, the
 * API answers 503 `unavailable` with `Retry-After` within its stated bound, never 500 and never a hang; it recovers
 * by itself when the server is back. The API runs as a process, as in production, on a Temporal dev server of this
 * spec's own (it is killed here) and a database reached through the proxy.
 */
describe('the API when PostgreSQL or Temporal is unavailable', () => {
  let temporal: DevServer;
  let db: TestDatabase;
  let proxy: TcpProxy;
  let temporalProxy: TcpProxy;
  let api: RunningProcess;
  let client: HttpClient;

  beforeAll(async () => {
    temporal = await startDevServer({ ui: false });
    db = await createTestDatabase();
    await publishCatalogue(db.dataSource, { agencies: AGENCIES, lifeEvents: CATALOGUE });
    const direct = new URL(db.url);
    proxy = await startTcpProxy(direct.hostname, Number(direct.port || 5432));
    const proxied = new URL(db.url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    const [temporalHost, temporalPort] = temporal.address.split(':');
    temporalProxy = await startTcpProxy(temporalHost, Number(temporalPort));
    const secret = randomBytes(32).toString('base64url');
    const port = await freePort();
    api = startPassageProcess('api', {
      PASSAGE_ENV: 'test',
      PASSAGE_DATA_DIR: mkdtempSync(join(tmpdir(), 'passage-availability-')),
      TEMPORAL_ADDRESS: `127.0.0.1:${temporalProxy.port}`,
      TEMPORAL_NAMESPACE: 'default',
      DATABASE_URL: proxied.toString(),
      PASSAGE_PAYLOAD_KEYS: TEST_PAYLOAD_KEY_SPEC,
      PASSAGE_VAULT_KEYS: `vault:${randomBytes(32).toString('base64')}`,
      PASSAGE_JWT_SECRET: secret,
      PASSAGE_HTTP_PORT: String(port),
      PASSAGE_API_CALL_TIMEOUT_MS: String(CALL_TIMEOUT_MS),
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitForHttp(`${baseUrl}/health/live`, api);
    client = new HttpClient(baseUrl, {
      authorization: `Bearer ${await new DevTokenVerifier(secret).issue(alice)}`,
      'content-type': 'application/json',
    });
  });

  afterAll(async () => {
    proxy?.resume();
    temporalProxy?.resume();
    await api?.stop();
    await proxy?.close();
    await temporalProxy?.close();
    await db?.drop();
    await temporal?.stop();
  });

  async function timed(method: string, path: string, body?: unknown): Promise<ProbeResult & { ms: number }> {
    const started = Date.now();
    const result = await client.probe(
      method,
      path,
      body === undefined ? undefined : JSON.stringify(body),
      {},
      2 * ANSWERED_WITHIN_MS,
    );
    return { ...result, ms: Date.now() - started };
  }

  function expectUnavailable(result: ProbeResult & { ms: number }) {
    expect({ status: result.status, code: (result.body as { code?: string }).code }).toEqual({
      status: 503,
      code: 'unavailable',
    });
    expect(Number(result.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(result.ms).toBeLessThan(ANSWERED_WITHIN_MS);
  }

  const start = () => timed('POST', '/api/journeys', { lifeEvent: 'start-business', intake: soleTraderIntake() });

  it('answers reads 503 while PostgreSQL is frozen, and serves them again once it is back', async () => {
    const started = await start();
    expect(started.status).toBe(201);
    const journeyId = (started.body as { id: string }).id;
    expect((await timed('GET', `/api/journeys/${journeyId}`)).status).toBe(200);

    proxy.pause();
    try {
      expectUnavailable(await timed('GET', `/api/journeys/${journeyId}`));
      expectUnavailable(await timed('GET', '/api/journeys'));
      expectUnavailable(await timed('GET', '/api/life-events'));
    } finally {
      proxy.resume();
    }
    // Connections that timed out are replaced; the first reads after the outage may still meet one of them.
    for (let attempt = 0; attempt < 10; attempt++) {
      if ((await timed('GET', `/api/journeys/${journeyId}`)).status === 200) break;
    }
    expect((await timed('GET', `/api/journeys/${journeyId}`)).status).toBe(200);
  });

  it('answers writes 503 while the Temporal server is frozen, and takes them again once it is back', async () => {
    // No worker runs here: a start is the write that Temporal alone answers.
    const started = await start();
    expect(started.status).toBe(201);
    const journeyId = (started.body as { id: string }).id;

    temporalProxy.pause();
    try {
      expectUnavailable(await start());
      expectUnavailable(await timed('POST', `/api/journeys/${journeyId}/withdraw`, {}));
    } finally {
      temporalProxy.resume();
    }
    expect((await start()).status).toBe(201);
  });

  it('answers writes 503 once the Temporal server is gone, never 500', async () => {
    const started = await start();
    expect(started.status).toBe(201);
    const journeyId = (started.body as { id: string }).id;

    await temporal.stop();
    expectUnavailable(await start());
    expectUnavailable(
      await timed('POST', `/api/journeys/${journeyId}/inputs`, { items: { 'business.sector': 'services' } }),
    );
    expectUnavailable(await timed('POST', `/api/journeys/${journeyId}/withdraw`, {}));
    expect(api.output()).not.toContain('incident');
  });
});
