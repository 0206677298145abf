import type { Principal } from '@passage/auth';
import type { DataValue, LifeEventDefinition } from '@passage/journey-model';
import { findDefinition } from '@passage/life-events';
import { sampleIntake, SOLE_TRADER_ANSWERS } from '@passage/testing';
import { startE2eStack, type E2eStack } from './support/e2e-stack';
import type { HttpClient } from './support/http-client';
import { driveOverHttp, sampleFor, type Asked, type TaskDetail } from './support/http-journey-driver';

/** A value that says which organisation it belongs to, so that it can be looked for where it must not be. */
const tagged = (asked: Asked, tag: string): DataValue =>
  asked.type === 'string' ? `${asked.item} of ${tag}` : sampleFor(asked);

function definitionOf(id: string): LifeEventDefinition {
  const definition = findDefinition(id);
  if (!definition) throw new Error(`${id} is missing from the catalogue`);
  return definition;
}

/** The whole intake, every free-text answer tagged with the organisation; person items left out when reused. */
function intakeOf(
  definition: LifeEventDefinition,
  tag: string,
  answers: Record<string, DataValue>,
  withPerson: boolean,
) {
  const intake = sampleIntake(definition, answers);
  for (const item of Object.keys(intake)) {
    const spec = definition.dataItems[item];
    if (item.startsWith('person.') && !withPerson) delete intake[item];
    else if (!item.startsWith('person.') && spec?.type === 'string') intake[item] = `${item} of ${tag}`;
  }
  return intake;
}

interface Journey {
  readonly id: string;
  readonly tasks: TaskDetail[];
}

async function runJourney(
  stack: E2eStack,
  client: HttpClient,
  lifeEvent: string,
  intake: Record<string, DataValue>,
  tag: string,
): Promise<Journey> {
  const started = await client.post<{ id: string }>('/api/journeys', { lifeEvent, intake });
  if (started.status !== 201) throw new Error(`start answered ${started.status}: ${JSON.stringify(started.body)}`);
  const tasks: TaskDetail[] = [];
  const final = await driveOverHttp(stack, client, started.body.id, {
    answer: (asked) => tagged(asked, tag),
    onTask: (task) => tasks.push(task),
    decide: (task) => ({
      outcome: 'approved',
      outputs: Object.fromEntries(task.produces.map((p) => [p.item, tagged(p, tag)])),
    }),
  });
  expect(final.status).toBe('completed');
  return { id: started.body.id, tasks };
}

async function itemsOf(stack: E2eStack, journeyId: string, type: 'data-asked' | 'data-reused'): Promise<Set<string>> {
  const rows: { body: { items?: string[] } }[] = await stack.db.dataSource.query(
    `SELECT body FROM journey_events WHERE journey_id = $1 AND type = $2`,
    [journeyId, type],
  );
  return new Set(rows.flatMap((row) => row.body.items ?? []));
}

/** Everything agencies received for a journey: their inbox task details and the requests of automatic steps. */
function sentFor(stack: E2eStack, journey: Journey): string {
  const calls = stack.agencies.calls.filter((call) => call.request.journeyId === journey.id);
  return JSON.stringify([journey.tasks, calls.map((call) => call.request.items)]);
}

describe('once-only within a scope: two organisations of one person (issue 10)', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startE2eStack();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function twoOrganisations(
    subject: string,
    lifeEvent: string,
    answers: Record<string, DataValue>,
    [first, second]: readonly [string, string],
  ) {
    const client = await stack.as({ sub: subject, roles: ['citizen'] } satisfies Principal);
    const definition = definitionOf(lifeEvent);
    const a = await runJourney(stack, client, lifeEvent, intakeOf(definition, first, answers, true), first);
    const b = await runJourney(stack, client, lifeEvent, intakeOf(definition, second, answers, false), second);
    const askedInA = await itemsOf(stack, a.id, 'data-asked');
    return {
      a,
      b,
      askedInA,
      askedInB: await itemsOf(stack, b.id, 'data-asked'),
      reusedInB: await itemsOf(stack, b.id, 'data-reused'),
    };
  }

  it('one person, two companies: the person is reused, the second company asked again, nothing of the first sent', async () => {
    const { a, b, askedInA, askedInB, reusedInB } = await twoOrganisations(
      'starter-2co',
      'start-business',
      SOLE_TRADER_ANSWERS,
      ['Alpha', 'Beta'],
    );
    expect(reusedInB.has('person.address')).toBe(true);
    expect(askedInA.has('business.iban')).toBe(true);
    expect(askedInB.has('business.iban')).toBe(true);
    expect(reusedInB.has('business.iban')).toBe(false);
    expect(sentFor(stack, a)).toContain('of Alpha');
    expect(sentFor(stack, b)).toContain('business.iban of Beta');
    expect(sentFor(stack, b)).not.toContain('of Alpha');
  });

  it('one founder, two associations: the founder is reused, the second association asked again, nothing of the first sent', async () => {
    const { a, b, askedInA, askedInB, reusedInB } = await twoOrganisations('founder-2as', 'found-association', {}, [
      'Vinken',
      'Mezen',
    ]);
    expect(reusedInB.has('person.name')).toBe(true);
    const associationAsked = [...askedInA].filter((item) => item.startsWith('association.'));
    expect(associationAsked.length).toBeGreaterThan(0);
    for (const item of associationAsked) expect(askedInB).toContain(item);
    expect(sentFor(stack, a)).toContain('of Vinken');
    expect(sentFor(stack, b)).toContain('of Mezen');
    expect(sentFor(stack, b)).not.toContain('of Vinken');
  });
});
