import { formatDate } from './date-texts';
import type { LifeEventDefinition, StepDefinition } from './definition.types';
import { defineLifeEvent, step } from './dsl';
import { appealStep, isRefusalOpen, journeyStanding, refusalOutlook, standingTexts, type StepOutcome } from './refusal';
import { validateLifeEvent } from './validation';

const texts = (en: string) => ({ nl: `${en} (nl)`, en, fr: `${en} (fr)` });

const recognition: StepDefinition = step('recognition', {
  agency: 'gemeente',
  service: 'recognition',
  mode: 'manual',
  title: texts('Municipal recognition'),
  needs: ['club.name'],
  produces: ['club.recognised'],
  refusal: {
    allows: 'appeal',
    within: { days: 30, unit: 'calendar' },
    appeal: {
      agency: 'gemeente',
      service: 'recognition-appeal',
      title: texts('Objection to the college'),
      term: { days: 60, unit: 'calendar', onExpiry: 'escalate' },
    },
  },
});

const subsidy: StepDefinition = step('subsidy', {
  agency: 'gemeente',
  service: 'subsidy',
  mode: 'manual',
  title: texts('Operating subsidy'),
  needs: ['club.recognised'],
  dependsOn: ['recognition'],
  refusal: { allows: 'resubmit', within: { days: 10, unit: 'working' } },
});

const licence: StepDefinition = step('licence', {
  agency: 'unisono',
  service: 'licence',
  mode: 'automatic',
  title: texts('Music licence'),
  needs: ['club.name'],
  critical: false,
});

const definition: LifeEventDefinition = defineLifeEvent({
  id: 'found-club',
  version: 1,
  kind: 'life',
  owner: 'cjm',
  title: texts('I found a club'),
  summary: texts('Recognition and subsidy'),
  dataItems: {
    'club.name': { type: 'string', label: texts('Name'), scope: 'journey' },
    'club.recognised': { type: 'boolean', label: texts('Recognised'), scope: 'journey' },
  },
  intake: ['club.name'],
  steps: [recognition, subsidy, licence],
});

const outcome = (id: string, status: StepOutcome['status'], finishedAt?: string): StepOutcome => ({
  id,
  status,
  ...(finishedAt ? { finishedAt } : {}),
});

describe('refusal policies', () => {
  it('are valid in a definition, and refused where they cannot work', () => {
    expect(validateLifeEvent(definition)).toEqual([]);
    const clash = { ...definition, steps: [...definition.steps, { ...licence, id: 'recognition-appeal' }] };
    expect(validateLifeEvent(clash).map(({ code, path }) => ({ code, path }))).toEqual([
      { code: 'invalid-refusal', path: 'steps[0].refusal.allows' },
    ]);
    const finalWithTerm = {
      ...licence,
      refusal: { allows: 'final' as const, within: { days: 5, unit: 'calendar' as const } },
    };
    const resubmitWithAppeal = { ...subsidy, refusal: { ...recognition.refusal, allows: 'resubmit' as const } };
    expect(
      validateLifeEvent({ ...definition, steps: [recognition, resubmitWithAppeal, finalWithTerm] }).map((i) => i.path),
    ).toEqual(['steps[1].refusal.appeal', 'steps[2].refusal.within']);
  });

  it('give the subject until the end of the term, counted from the day of the refusal', () => {
    // Refused on Friday 6 March 2026: 30 calendar days later is Sunday 5 April, Easter; then Easter Monday → 7 April.
    const appeal = refusalOutlook(recognition, '2026-03-06T10:00:00Z');
    expect(appeal).toMatchObject({ stepId: 'recognition', allows: 'appeal', until: '2026-04-07T21:59:59.999Z' });
    expect(appeal.appeal?.service).toBe('recognition-appeal');
    expect(isRefusalOpen(appeal, '2026-04-07T21:59:59.999Z')).toBe(true);
    expect(isRefusalOpen(appeal, '2026-04-07T22:00:00.000Z')).toBe(false);
    // 10 working days from Friday 6 March: Friday 20 March.
    expect(refusalOutlook(subsidy, '2026-03-06T10:00:00Z').until).toBe('2026-03-20T22:59:59.999Z');
  });

  it('leave nothing to do for a step without a policy', () => {
    const outlook = refusalOutlook(licence, '2026-03-06T10:00:00Z');
    expect(outlook).toEqual({ stepId: 'licence', allows: 'final', refusedAt: '2026-03-06T10:00:00Z' });
    expect(isRefusalOpen(outlook, '2026-03-06T10:00:00Z')).toBe(false);
  });

  it('turn an appeal into a manual step of the body, producing what the refused step produces', () => {
    expect(appealStep(recognition)).toEqual({
      id: 'recognition-appeal',
      agency: 'gemeente',
      service: 'recognition-appeal',
      mode: 'manual',
      title: texts('Objection to the college'),
      needs: ['club.name'],
      produces: ['club.recognised'],
      dependsOn: [],
      term: { days: 60, unit: 'calendar', onExpiry: 'escalate', kind: 'authority-decision', from: 'dispatch' },
      channels: ['online'],
      cost: {},
    });
    expect(appealStep(subsidy)).toBeUndefined();
  });
});

describe('the standing of a journey', () => {
  const now = '2026-03-10T09:00:00Z';

  it('is done only when every step ended without a refusal', () => {
    const done = [outcome('recognition', 'completed'), outcome('subsidy', 'completed'), outcome('licence', 'skipped')];
    expect(journeyStanding(definition, done, now)).toEqual({ kind: 'done' });
    expect(standingTexts({ kind: 'done' }, definition).en).toBe(
      'Everything is done: you do not need to do anything more.',
    );
    const running = [
      outcome('recognition', 'in-progress'),
      outcome('subsidy', 'pending'),
      outcome('licence', 'completed'),
    ];
    expect(journeyStanding(definition, running, now)).toEqual({ kind: 'under-way' });
  });

  it('says what the subject may still do, and until when, in three languages', () => {
    const steps = [
      outcome('recognition', 'rejected', '2026-03-06T10:00:00Z'),
      outcome('subsidy', 'cancelled'),
      outcome('licence', 'completed'),
    ];
    const standing = journeyStanding(definition, steps, now);
    expect(standing).toMatchObject({ kind: 'refused', underWay: false, open: [{ stepId: 'recognition' }] });
    expect(standingTexts(standing, definition)).toEqual({
      nl: '"Municipal recognition (nl)" werd geweigerd. Je kan in beroep gaan tot en met 7 april 2026: Objection to the college (nl).',
      en: '"Municipal recognition" was refused. You may appeal until 7 April 2026: Objection to the college.',
      fr: "« Municipal recognition (fr) » a été refusé. Vous pouvez introduire un recours jusqu'au 7 avril 2026 inclus : Objection to the college (fr).",
    });
  });

  it('counts a tacit refusal, and says when the term to act ended', () => {
    const steps = [
      outcome('recognition', 'completed'),
      { ...outcome('subsidy', 'expired', '2026-03-06T10:00:00Z'), context: { expiryEffect: 'refused' as const } },
      outcome('licence', 'completed'),
    ];
    const later = journeyStanding(definition, steps, '2026-04-01T09:00:00Z');
    expect(later).toMatchObject({ kind: 'refused', open: [] });
    expect(standingTexts(later, definition).en).toBe(
      '"Operating subsidy" was refused. The term to resubmit ended on 20 March 2026.',
    );
  });

  it('calls a refusal without a policy final, even while other steps go on', () => {
    const steps = [
      outcome('recognition', 'in-progress'),
      outcome('subsidy', 'pending'),
      outcome('licence', 'rejected'),
    ];
    const standing = journeyStanding(definition, steps, now);
    expect(standing).toMatchObject({ kind: 'refused', underWay: true, open: [] });
    expect(standingTexts(standing, definition).fr).toBe(
      '« Music licence (fr) » a été refusé. Cette décision est définitive.',
    );
  });
});

describe('dates in words', () => {
  it('writes a day as a citizen reads it', () => {
    expect(formatDate('2027-03-12', 'nl')).toBe('12 maart 2027');
    expect(formatDate('2027-03-01', 'fr')).toBe('1er mars 2027');
    expect(formatDate('2027-08-15', 'en')).toBe('15 August 2027');
  });
});
