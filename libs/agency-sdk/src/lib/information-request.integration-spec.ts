import { IsOptional, IsString } from 'class-validator';
import { provideInputsUpdate } from '@passage/contracts';
import { contentHash, defineLifeEvent, step, type Texts } from '@passage/journey-model';
import { startJourneyTestBed, type JourneyTestBed } from '@passage/journey-workflow/testing';
import { startJourney } from '@passage/temporal';
import { journeyReaches, TEST_PAYLOAD_KEY_SPEC } from '@passage/testing';
import { runAgencyWorker, type AgencyWorker } from './agency-worker';
import { defineServiceStep } from './service-step';

const AGENCY = 'stad-vraagt';
const texts = (text: string): Texts => ({ nl: text, en: text, fr: text });

class RegistrationInput {
  @IsString() 'person.name'!: string;
  /** Asked of the subject only when the register does not know the address. */
  @IsOptional() @IsString() 'person.address'?: string;
}

class RegistrationOutput {
  @IsString() 'case.number'!: string;
}

const seen: { answered: readonly string[]; items: string[] }[] = [];

const registration = defineServiceStep({
  agency: AGENCY,
  service: 'register',
  input: RegistrationInput,
  output: RegistrationOutput,
  handle(input, ctx) {
    seen.push({ answered: ctx.answered, items: Object.keys(input) });
    if (!input['person.address']) return ctx.requestInformation(['person.address'], 'Op welk adres woon je?');
    return ctx.completed({ 'case.number': `C-${input['person.address']}` });
  },
});

const DEFINITION = defineLifeEvent({
  id: 'test-asking-worker',
  version: 1,
  kind: 'life',
  owner: 'test-owner',
  title: texts('A worker step that asks'),
  summary: texts('A journey whose worker step asks the subject'),
  dataItems: {
    'person.name': { type: 'string', label: texts('Name') },
    'person.address': { type: 'string', label: texts('Address') },
    'case.number': { type: 'string', label: texts('Case number') },
  },
  intake: ['person.name'],
  steps: [
    step('register', {
      agency: AGENCY,
      service: 'register',
      mode: 'automatic',
      title: texts('Register'),
      needs: ['person.name'],
      produces: ['case.number'],
      term: { days: 30, unit: 'calendar', kind: 'authority-decision', from: 'dispatch', onExpiry: 'escalate' },
    }),
  ],
});

describe('a worker step asks the subject for information (issue 10)', () => {
  let bed: JourneyTestBed;
  let agency: AgencyWorker;

  beforeAll(async () => {
    bed = await startJourneyTestBed();
    agency = await runAgencyWorker({
      agency: AGENCY,
      steps: [registration],
      connection: bed.temporal.nativeConnection,
      namespace: bed.temporal.namespace,
      payloadKeys: TEST_PAYLOAD_KEY_SPEC,
    });
  });

  afterAll(async () => {
    await agency?.shutdown();
    await bed?.stop();
  });

  it('waits for the subject with its term suspended, then resumes with the answer', async () => {
    const handle = await startJourney(
      bed.temporal.client,
      {
        snapshot: { id: DEFINITION.id, version: 1, hash: contentHash(DEFINITION), definition: DEFINITION },
        subject: 'subject-asked',
        language: 'nl',
        channel: 'online',
        startedBy: { id: 'subject-asked', role: 'citizen' },
        data: { 'person.name': 'Ada' },
        provenance: { 'person.name': { kind: 'intake' } },
      },
      { taskQueue: bed.taskQueue },
    );
    const waiting = await journeyReaches(
      handle,
      (state) => state.steps[0]?.status === 'awaiting-subject',
      'register awaits the subject',
    );
    const asked = waiting.steps[0];
    expect(asked).toMatchObject({ asked: ['person.address'] });
    expect(asked.suspendedAt).toBeDefined();

    await handle.executeUpdate(provideInputsUpdate, {
      args: [
        {
          idempotencyKey: 'answer-1',
          items: { 'person.address': 'Markt 1' },
          actor: { id: 'subject-asked', role: 'citizen' },
        },
      ],
    });
    const done = await journeyReaches(handle, (state) => state.status === 'completed', 'the journey completes');
    expect(done.steps[0]).toMatchObject({ status: 'completed', suspendedDays: 0 });
    expect(done.steps[0].suspendedAt).toBeUndefined();
    expect(seen).toEqual([
      { answered: [], items: ['person.name'] },
      { answered: ['person.address'], items: ['person.name', 'person.address'] },
    ]);
    const [row]: { body: { reason?: string } }[] = await bed.db.dataSource.query(
      `SELECT body FROM journey_events WHERE journey_id = $1 AND type = 'data-asked'`,
      [handle.workflowId],
    );
    expect(row.body.reason).toBe('Op welk adres woon je?');
  });
});
