import { randomUUID } from 'node:crypto';
import { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { startJourney } from '@passage/temporal';
import { fanOutLifeEvent, journeyReaches, snapshotOf } from '@passage/testing';
import { startJourneyTestBed, type JourneyTestBed } from '../testing';

/** An agency's error text can quote subject data; Temporal must only ever hold it encrypted. */
describe('failure messages in Temporal history', () => {
  const canary = `CANARY-${randomUUID()}`;
  let bed: JourneyTestBed;

  beforeAll(async () => {
    bed = await startJourneyTestBed();
    await bed.startAgencies({
      alpha: () => {
        throw new Error(`register refused for ${canary}`);
      },
    });
  });

  afterAll(() => bed?.stop());

  it('are encrypted like payloads, while the journey still knows why the step failed', async () => {
    const handle = await startJourney(bed.temporal.client, {
      snapshot: snapshotOf(fanOutLifeEvent()),
      subject: 'subject-f',
      language: 'en',
      channel: 'online',
      startedBy: { id: 'subject-f', role: 'citizen' },
      data: { 'person.name': 'Ada', 'person.address': 'Kerkstraat 1' },
      provenance: {},
      settings: { serviceMaxAttempts: 1 },
    });
    const failed = await journeyReaches(
      handle,
      (state) => state.steps.some((s) => s.id === 'register' && s.status === 'failed'),
      'the registration failed',
    );
    expect(failed.steps.find((s) => s.id === 'register')?.reason).toContain(canary);
    const raw = new Client({ connection: bed.temporal.client.connection, namespace: bed.temporal.namespace });
    const history = historyToJSON(await raw.workflow.getHandle(handle.workflowId).fetchHistory());
    expect(history).toContain('activityTaskFailedEventAttributes');
    expect(history).not.toContain(canary);
    const decoded = [...history.matchAll(/"data":\s*"([A-Za-z0-9+/=]+)"/g)].map((m) =>
      Buffer.from(m[1], 'base64').toString('latin1'),
    );
    expect(decoded.some((payload) => payload.includes(canary))).toBe(false);
    await handle.terminate('test done');
  });
});
