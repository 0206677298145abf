import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import type { Principal } from '@passage/auth';
import { workspaceRoot } from '@passage/config';
import type { ServiceRequest } from '@passage/contracts';
import { AGENCIES, CATALOGUE } from '@passage/life-events';
import { completingAgency, createTestAgencies, soleTraderIntake, TEST_PAYLOAD_KEYS } from '@passage/testing';
import { startE2eStack, type E2eStack } from './support/e2e-stack';
import type { HttpClient } from './support/http-client';
import { driveOverHttp } from './support/http-journey-driver';

const alice: Principal = { sub: 'alice', roles: ['citizen'] };
const vlaio: Principal = { sub: 'owner-vlaio-1', roles: ['owner'], owner: 'vlaio' };
const otherOwner: Principal = { sub: 'owner-other-1', roles: ['owner'], owner: 'kind-en-gezin' };
const admin: Principal = { sub: 'admin-1', roles: ['admin'] };

/**
 * Operators get a stuck journey going again: a step whose agency failed for good is retried by its process owner
 * (route) or an administrator (`passage journey retry-step`), audited, and the journey completes.
 */
describe('operators retry a failed step', () => {
  let stack: E2eStack;
  /** The steps whose first call the agencies fail for good, in the order they were called. */
  const failedOnce = new Set<string>();

  beforeAll(async () => {
    stack = await startE2eStack({ agencyWorkers: false });
    const complete = completingAgency(...CATALOGUE.flatMap((entry) => entry.versions));
    // The first call of each journey's first automatic step fails without retry; every later call completes.
    const failFirstCall = (request: ServiceRequest) => {
      const key = `${request.journeyId}/${request.stepId}`;
      const first = request.kind === 'perform' && ![...failedOnce].some((k) => k.startsWith(request.journeyId));
      if (first) {
        failedOnce.add(key);
        throw ApplicationFailure.nonRetryable('the agency register is down', 'AgencyDown');
      }
      return complete(request);
    };
    const agencies = await createTestAgencies(
      stack.temporal.nativeConnection,
      TEST_PAYLOAD_KEYS,
      stack.temporal.namespace,
      Object.fromEntries(AGENCIES.map((agency) => [agency.id, failFirstCall])),
    );
    const stop = stack.stop;
    stack = { ...stack, stop: async () => (await agencies.stop(), stop()) };
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function journeyWithFailedStep(client: HttpClient): Promise<{ id: string; step: string }> {
    const started = await client.post<{ id: string }>('/api/journeys', {
      lifeEvent: 'start-business',
      intake: soleTraderIntake(),
    });
    expect(started.status).toBe(201);
    const id = started.body.id;
    const stuck = await driveOverHttp(stack, client, id, { until: (t) => t.steps.some((s) => s.status === 'failed') });
    const step = stuck.steps.find((s) => s.status === 'failed')?.id;
    if (!step) throw new Error(`journey ${id} ended ${stuck.status} without a failed step`);
    return { id, step };
  }

  it('lets the process owner retry it through the API, audited, and the journey completes', async () => {
    const citizen = await stack.as(alice);
    const { id, step } = await journeyWithFailedStep(citizen);
    const path = `/api/journeys/${id}/steps/${step}/retry`;

    // Only the journey's own process owner and administrators may; for anyone else the route does not exist.
    expect((await citizen.post(path)).status).toBe(404);
    expect((await (await stack.as(otherOwner)).post(path)).status).toBe(404);
    const owner = await stack.as(vlaio);
    expect((await owner.post(`/api/journeys/${id}/steps/no-such-step/retry`)).status).toBe(404);

    const retried = await owner.post<{ result: string }>(path);
    expect(retried).toMatchObject({ status: 200, body: { result: 'applied' } });
    const again = await owner.post<{ code: string }>(path);
    expect(again).toMatchObject({ status: 409, body: { code: 'step-not-failed' } });

    expect((await driveOverHttp(stack, citizen, id)).status).toBe('completed');
    const audit: { actor: string; action: string; detail: { stepId: string } }[] = await stack.db.dataSource.query(
      `SELECT actor, action, detail FROM audit_log WHERE journey_id = $1`,
      [id],
    );
    expect(audit).toEqual([
      { actor: vlaio.sub, action: 'step-retried', detail: expect.objectContaining({ stepId: step }) },
    ]);
    const timeline = await citizen.get<{ events: { type: string; actor?: { id: string } }[] }>(`/api/journeys/${id}`);
    expect(JSON.stringify(timeline.body)).toContain('step-retried');
  });

  it('lets an administrator retry it with passage journey retry-step', async () => {
    const citizen = await stack.as(alice);
    const { id, step } = await journeyWithFailedStep(citizen);
    // Asynchronously: a blocked test process would miss the API closing idle connections, and reuse a closed one.
    const cli = await promisify(execFile)(
      process.execPath,
      [join(workspaceRoot(), 'tools', 'bin', 'passage.js'), 'journey', 'retry-step', id, step, '--actor', 'ops-anna'],
      { env: { ...process.env, ...stack.env }, encoding: 'utf8', timeout: 120_000 },
    );
    expect(cli.stdout).toContain(`${step}: retried`);
    expect((await driveOverHttp(stack, citizen, id)).status).toBe('completed');
    const audit: { actor: string }[] = await stack.db.dataSource.query(
      `SELECT actor FROM audit_log WHERE journey_id = $1 AND action = 'step-retried'`,
      [id],
    );
    expect(audit).toEqual([{ actor: 'ops-anna' }]);
    expect((await (await stack.as(admin)).post(`/api/journeys/${id}/steps/${step}/retry`)).status).toBe(409);
  });
});
