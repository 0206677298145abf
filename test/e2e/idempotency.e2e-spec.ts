// Idempotency that cannot wedge (issue 9, defects 2 and 8): a key left in progress by a request whose API process
// died is a lease that runs out, and a repeat answers with the first outcome exactly — a refusal by the journey
// stays that refusal, never `200 duplicate`.
import { createHash } from 'node:crypto';
import { findDefinition } from '@passage/life-events';
import { soleTraderIntake, waitFor } from '@passage/testing';
import { startE2eStack, type E2eStack } from './support/e2e-stack';
import type { HttpClient } from './support/http-client';
import { sampleFor } from './support/http-journey-driver';

const LEASE_SECONDS = 3;

describe('Idempotency-Key: leases and repeats', () => {
  let stack: E2eStack;
  let alice: HttpClient;
  let journey: string;

  beforeAll(async () => {
    stack = await startE2eStack({ env: { PASSAGE_IDEMPOTENCY_LEASE_SECONDS: String(LEASE_SECONDS) } });
    alice = await stack.as({ sub: 'alice', roles: ['citizen'] });
    const started = await alice.post<{ id: string }>('/api/journeys', {
      lifeEvent: 'start-business',
      intake: soleTraderIntake({ 'business.startDate': '2031-06-01' }),
    });
    if (started.status !== 201) throw new Error(`start answered ${started.status}`);
    journey = started.body.id;
    await waitFor('something asked', async () => {
      const timeline = await alice.get<{ asked?: unknown[] }>(`/api/journeys/${journey}`);
      return timeline.body.asked?.length ? true : undefined;
    });
  }, 120_000);

  afterAll(() => stack?.stop());

  it('answers a repeat of a 409 with the same 409 and body, not 200 duplicate', async () => {
    const timeline = await alice.get<{ asked: { item: string }[] }>(`/api/journeys/${journey}`);
    const asked = new Set(timeline.body.asked.map((a) => a.item));
    const definition = findDefinition('start-business');
    const [item, spec] =
      Object.entries(definition?.dataItems ?? {}).find(([name, s]) => !asked.has(name) && s.type === 'string') ?? [];
    if (!item || !spec) throw new Error('no unasked string item in start-business');
    const body = { items: { [item]: sampleFor({ item, type: spec.type }) } };
    const headers = { 'idempotency-key': 'not-asked-once' };

    const first = await alice.post(`/api/journeys/${journey}/inputs`, body, headers);
    expect(first.status).toBe(409);
    const repeat = await alice.post(`/api/journeys/${journey}/inputs`, body, headers);
    expect({ status: repeat.status, body: repeat.body, replayed: repeat.headers.get('idempotent-replayed') }).toEqual({
      status: first.status,
      body: first.body,
      replayed: 'true',
    });
  });

  it('releases a key left in progress by a crashed request once its lease has run out, and runs it once', async () => {
    const path = `/api/journeys/${journey}/withdraw`;
    const body = { reason: 'moved abroad' };
    const key = 'withdraw-crashed-mid-request';
    // What an API process leaves behind when it dies mid-request: the key, held, with no answer.
    await stack.db.dataSource.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, leased_until)
       VALUES ('alice', $1, $2, now() + make_interval(secs => $3))`,
      [
        key,
        createHash('sha256')
          .update(JSON.stringify(['POST', path, body]))
          .digest('hex'),
        LEASE_SECONDS,
      ],
    );
    const held = await alice.post<{ code: string }>(path, body, { 'idempotency-key': key });
    expect({ status: held.status, code: held.body.code }).toEqual({ status: 409, code: 'idempotency-key-in-progress' });

    const released = await waitFor('the lease runs out', async () => {
      const answer = await alice.post<{ result: string }>(path, body, { 'idempotency-key': key });
      return answer.status === 409 ? undefined : answer;
    });
    expect({ status: released.status, result: released.body.result }).toEqual({ status: 200, result: 'applied' });
    const repeat = await alice.post(path, body, { 'idempotency-key': key });
    expect({ status: repeat.status, body: repeat.body }).toEqual({ status: 200, body: released.body });
    await waitFor('the journey withdrawn in the read model', async () => {
      const rows: { status: string }[] = await stack.db.dataSource.query(`SELECT status FROM journeys WHERE id = $1`, [
        journey,
      ]);
      return rows[0]?.status === 'withdrawn' ? true : undefined;
    });
  });
});
