import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  contentHash,
  evaluateCondition,
  FINAL_STEP_STATUSES,
  journeyTransition,
  stepDueAt,
  stepTransition,
  validateLifeEvent,
  type DataItems,
  type DataValue,
  type LifeEventDefinition,
  type StepEvent,
  type StepStatus,
} from '@passage/journey-model';
import { AGENCIES } from '../agencies';
import { CATALOGUE } from '../index';
import {
  costProblems,
  missingTexts,
  registryProblems,
  termProblems,
  unprovidedNeeds,
} from '../testing/life-event-checks';
import { VOCABULARY } from '../vocabulary';
import { STREET_PARTY_OWNER } from './owner';
import { HOST_STREET_PARTY_V1 } from './v1';

/*
 * The worked example of the authoring guide (life-events/README.md), run as a test: the guide shows these files
 * word for word, and what it says they do, they do.
 */

const guide = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

/** A value an agency or the subject could give, by type: what the journey holds once a step produced it. */
function sample(definition: LifeEventDefinition, item: string): DataValue {
  const spec = definition.dataItems[item];
  if (spec.type === 'enum') return spec.values?.[0] ?? '';
  return { string: `SIM-${item}`, number: 1, boolean: true, date: '2027-06-01' }[spec.type];
}

/**
 * The journey as the engine runs it when every agency approves and the subject answers everything: each step whose
 * dependencies are done is skipped (its condition is false) or activated, dispatched, accepted and completed through
 * the step machine, with every item it needs known by then; the journey machine completes when all are final.
 */
function runJourney(definition: LifeEventDefinition, intake: DataItems) {
  const data: Record<string, DataValue> = { ...intake };
  for (const [item, spec] of Object.entries(definition.dataItems))
    if (spec.authenticSource) data[item] = sample(definition, item);
  const statuses = new Map<string, StepStatus>(definition.steps.map((s) => [s.id, 'pending']));
  const apply = (id: string, event: StepEvent) =>
    statuses.set(id, stepTransition(statuses.get(id) ?? 'pending', { overdue: false }, event).status);
  for (let round = 0; round <= definition.steps.length; round++) {
    for (const step of definition.steps) {
      const done = step.dependsOn.every((id) => ['completed', 'skipped'].includes(statuses.get(id) ?? ''));
      if (statuses.get(step.id) !== 'pending' || !done) continue;
      if (step.when && !evaluateCondition(step.when, data)) {
        apply(step.id, { type: 'SKIP' });
        continue;
      }
      for (const event of ['ACTIVATE', 'DISPATCH'] as const) apply(step.id, { type: event });
      const missing = step.needs.filter((item) => data[item] === undefined);
      if (missing.length > 0) throw new Error(`${step.id} runs without ${missing.join(', ')}`);
      if (step.mode === 'manual' || step.mode === 'citizen') apply(step.id, { type: 'ACCEPT' });
      apply(step.id, { type: 'COMPLETE' });
      for (const item of step.produces) data[item] = sample(definition, item);
    }
  }
  const allFinal = [...statuses.values()].every((status) => FINAL_STEP_STATUSES.includes(status));
  const journey = allFinal ? journeyTransition('active', { type: 'ALL_SETTLED' }).status : 'active';
  return { statuses: Object.fromEntries(statuses), journey, data };
}

describe('the worked example of the authoring guide', () => {
  it('is in the guide word for word', () => {
    for (const file of ['owner.ts', 'v1.ts'])
      expect({ file, inGuide: guide.includes(readFileSync(join(__dirname, file), 'utf8')) }).toEqual({
        file,
        inGuide: true,
      });
  });

  it('is valid against the registry, its owner and the vocabulary, and passes the catalogue checks', () => {
    const owners = [STREET_PARTY_OWNER.id, ...CATALOGUE.map((entry) => entry.owner.id)];
    expect(validateLifeEvent(HOST_STREET_PARTY_V1, { agencies: AGENCIES, owners, vocabulary: VOCABULARY })).toEqual([]);
    expect([
      ...registryProblems(HOST_STREET_PARTY_V1, AGENCIES),
      ...unprovidedNeeds(HOST_STREET_PARTY_V1),
      ...termProblems(HOST_STREET_PARTY_V1),
      ...costProblems(HOST_STREET_PARTY_V1),
      ...missingTexts(HOST_STREET_PARTY_V1),
    ]).toEqual([]);
  });

  it('has the content hash the guide says passage hash prints', () => {
    expect(guide).toContain(`\n${contentHash(HOST_STREET_PARTY_V1)}\n`);
  });

  it('runs to completion through the step and journey machines, with music and without', () => {
    const withMusic = runJourney(HOST_STREET_PARTY_V1, {
      'party.date': '2027-06-12',
      'party.street': 'Dorpsstraat',
      'party.music': 'live',
    });
    expect(withMusic).toMatchObject({
      journey: 'completed',
      statuses: { 'parking-ban': 'completed', 'music-licence': 'completed' },
    });
    expect(withMusic.data['party.musicLicence']).toBeDefined();
    const quiet = runJourney(HOST_STREET_PARTY_V1, {
      'party.date': '2027-06-12',
      'party.street': 'Dorpsstraat',
      'party.music': 'none',
    });
    expect(quiet).toMatchObject({ journey: 'completed', statuses: { 'music-licence': 'skipped' } });
  });

  it('gives the deadlines the guide promises, counted back from the party', () => {
    const facts = {
      dispatchedAt: '2027-05-01T08:00:00Z',
      journeyStartedAt: '2027-05-01T08:00:00Z',
      completedAt: () => undefined,
      data: { 'party.date': '2027-06-12' },
    };
    const [parkingBan, musicLicence] = HOST_STREET_PARTY_V1.steps;
    // Saturday 12 June 2027: 10 working days before is Monday 31 May.
    expect(parkingBan.term && stepDueAt(parkingBan.term, facts)).toBe('2027-05-31T21:59:59.999Z');
    // 5 calendar days before is Monday 7 June.
    expect(musicLicence.term && stepDueAt(musicLicence.term, facts)).toBe('2027-06-07T21:59:59.999Z');
    expect(guide).toContain('Monday 31 May 2027');
    expect(guide).toContain('Monday 7 June 2027');
  });
});
