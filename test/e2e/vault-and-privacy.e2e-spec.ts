import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { Principal } from '@passage/auth';
import { soleTraderIntake, waitFor } from '@passage/testing';
import { startE2eStack, type E2eStack } from './support/e2e-stack';
import { driveOverHttp } from './support/http-journey-driver';

interface Timeline {
  status: string;
  steps: { id: string; status: string; asked: { item: string }[]; reused: { item: string }[] }[];
}

describe('once-only data, access log, encryption and live timeline', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startE2eStack();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('never asks again for what is known about the person: the second step that needs person.address reads it, the access log shows both reads', async () => {
    const carol: Principal = { sub: 'carol', roles: ['citizen'] };
    const client = await stack.as(carol);
    const started = await client.post<{ id: string }>('/api/journeys', {
      lifeEvent: 'start-business',
      intake: soleTraderIntake({ 'person.address': 'Veldstraat 1, 9000 Gent' }),
    });
    expect(started.status).toBe(201);
    const askedEver = new Set<string>();
    const readers: string[] = [];
    await driveOverHttp(stack, client, started.body.id, {
      onTask: (task) => {
        const address = task.items.find((i) => i.item === 'person.address');
        if (address) {
          expect(address.value).toBe('Veldstraat 1, 9000 Gent');
          readers.push(task.stepId);
        }
      },
    });
    const final = await client.get<Timeline>(`/api/journeys/${started.body.id}`);
    for (const step of final.body.steps) for (const a of step.asked) askedEver.add(a.item);
    const events = await stack.db.dataSource.query(
      `SELECT body FROM journey_events WHERE journey_id = $1 AND type = 'data-asked'`,
      [started.body.id],
    );
    for (const { body } of events) for (const item of body.items) askedEver.add(item);
    expect(askedEver.has('person.address')).toBe(false);
    expect(readers).toEqual(expect.arrayContaining(['kbo-registration', 'social-insurance-affiliation']));

    const log = await client.get<{ item: string; stepId?: string; accessor: string; accessorRole: string }[]>(
      `/api/journeys/${started.body.id}/access-log`,
    );
    expect(log.status).toBe(200);
    const addressReads = log.body.filter((entry) => entry.item === 'person.address');
    expect(addressReads.map((e) => e.stepId)).toEqual(
      expect.arrayContaining(['kbo-registration', 'social-insurance-affiliation']),
    );
    expect(addressReads.every((e) => e.accessorRole === 'agency' && e.accessor.startsWith('officer-'))).toBe(true);
    // Data minimisation: the VAT step (automatic) received only what it declares.
    const vatShared = log.body.filter((entry) => entry.stepId === 'vat-activation').map((e) => e.item);
    expect(vatShared).not.toContain('person.address');

    // A later journey of the same subject reuses what is known about the person: no address in the intake. The
    // business account is the first business's: the second business is asked for its own (ADR 0009).
    const withoutAddress: Record<string, unknown> = soleTraderIntake();
    delete withoutAddress['person.address'];
    const second = await client.post<{ id: string }>('/api/journeys', {
      lifeEvent: 'start-business',
      intake: withoutAddress,
    });
    expect(second.status).toBe(201);
    const timeline = await waitFor('the business account is asked', async () => {
      const { body } = await client.get<Timeline>(`/api/journeys/${second.body.id}`);
      return body.steps.find((s) => s.id === 'business-account')?.asked.length ? body : undefined;
    });
    const account = timeline.steps.find((s) => s.id === 'business-account');
    expect(account?.asked.map((a) => a.item)).toEqual(['business.iban']);
    const reuseLog = await client.get<{ item: string; purpose: string }[]>(
      `/api/journeys/${second.body.id}/access-log`,
    );
    expect(reuseLog.body.map((e) => e.item)).toContain('person.address');
    expect(reuseLog.body.map((e) => e.item)).not.toContain('business.iban');
    await client.post(`/api/journeys/${second.body.id}/withdraw`, {});
  });

  it('keeps a canary value out of Temporal history in plain text, out of the logs, and encrypted at rest', async () => {
    const canary = `CANARY-${randomUUID()}`;
    const dave: Principal = { sub: 'dave', roles: ['citizen'] };
    const client = await stack.as(dave);
    const started = await client.post<{ id: string }>('/api/journeys', {
      lifeEvent: 'start-business',
      intake: soleTraderIntake({ 'business.tradeName': canary }),
    });
    expect(started.status).toBe(201);
    await driveOverHttp(stack, client, started.body.id, {
      onTask: (task) => expect(JSON.stringify(task)).toBeDefined(),
    });

    // Read the history without the codec: what an operator of the Temporal cluster sees.
    const raw = new Client({ connection: stack.temporal.client.connection, namespace: stack.temporal.namespace });
    const history = await raw.workflow.getHandle(started.body.id).fetchHistory();
    const json = historyToJSON(history);
    expect(json).not.toContain(canary);
    const payloads = [...json.matchAll(/"data":\s*"([A-Za-z0-9+/=]+)"/g)].map((m) =>
      Buffer.from(m[1], 'base64').toString('latin1'),
    );
    expect(payloads.length).toBeGreaterThan(10);
    expect(payloads.some((p) => p.includes(canary))).toBe(false);
    expect(json).not.toContain('dave');

    expect(stack.logs()).not.toContain(canary);
    const stored = await stack.db.dataSource.query(
      `SELECT ciphertext FROM data_items WHERE subject = 'dave' AND item = 'business.tradeName'`,
    );
    expect(stored).toHaveLength(1);
    expect(Buffer.from(stored[0].ciphertext).toString('latin1')).not.toContain(canary);
  });

  it('streams timeline changes as server-sent events, resumable with Last-Event-ID', async () => {
    const erin: Principal = { sub: 'erin', roles: ['citizen'] };
    const client = await stack.as(erin);
    const token = (client as unknown as { headers: Record<string, string> }).headers.authorization;
    const started = await client.post<{ id: string }>('/api/journeys', {
      lifeEvent: 'start-business',
      intake: soleTraderIntake(),
    });
    const read = async (lastEventId?: string, until = (ids: number[]) => ids.length >= 3) => {
      const controller = new AbortController();
      const response = await fetch(`${stack.baseUrl}/api/journeys/${started.body.id}/events`, {
        headers: { authorization: token, ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
        signal: controller.signal,
      });
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      const reader = response.body?.getReader();
      const ids: number[] = [];
      let buffer = '';
      for (let chunks = 0; reader && chunks < 200 && !until(ids); chunks++) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += new TextDecoder().decode(value);
        for (const match of buffer.matchAll(/^id: (\d+)$/gm))
          if (!ids.includes(Number(match[1]))) ids.push(Number(match[1]));
      }
      controller.abort();
      return ids;
    };
    const first = await read();
    expect(first.slice(0, 3)).toEqual([1, 2, 3]);
    const resumed = await read('2', (ids) => ids.length >= 1);
    expect(resumed[0]).toBe(3);
    await client.post(`/api/journeys/${started.body.id}/withdraw`, {});
  });
});
