import type { AgencyEntity, JourneyEntity, JourneyStepEntity } from '@passage/persistence';
import { fanOutLifeEvent } from '@passage/testing';
import { toTimeline } from './timeline.mapper';

const journey = {
  id: 'journey-test-fanout-00000000-0000-4000-8000-000000000001',
  lifeEventId: 'test-fanout',
  version: 1,
  status: 'active',
  channel: 'online',
  language: 'nl',
  startedAt: new Date('2026-03-02T09:00:00Z'),
  finishedAt: null,
  expectedAt: new Date('2026-04-01T21:59:59.999Z'),
  lastSeq: 7,
} as JourneyEntity;

const row = (stepId: string, fields: Partial<JourneyStepEntity>) =>
  ({
    stepId,
    status: 'pending',
    channel: null,
    overdue: false,
    dueAt: null,
    expectedAt: null,
    finishedAt: null,
    asked: null,
    reused: null,
    reason: null,
    ...fields,
  }) as JourneyStepEntity;

describe('toTimeline', () => {
  it('shows every step in order with its agency, dates, what is asked and what was reused, in the language asked for', () => {
    const agencies = new Map([
      [
        'delta',
        { id: 'delta', name: { nl: 'Gemeente', en: 'Municipality', fr: 'Commune' }, level: 'local' } as AgencyEntity,
      ],
    ]);
    const view = toTimeline(
      journey,
      [
        row('register', { status: 'completed', finishedAt: new Date('2026-03-02T09:01:00Z') }),
        row('permit', {
          status: 'awaiting-subject',
          dueAt: new Date('2026-04-01T21:59:59.999Z'),
          asked: ['person.address'],
          reused: ['tax.reference'],
        }),
      ],
      [],
      fanOutLifeEvent(),
      agencies,
      'en',
    );
    expect(view.steps.map((s) => [s.id, s.status])).toEqual([
      ['register', 'completed'],
      ['notify-tax', 'pending'],
      ['notify-social', 'pending'],
      ['permit', 'awaiting-subject'],
      ['confirm', 'pending'],
    ]);
    const permit = view.steps[3];
    expect(permit.agency).toEqual({ id: 'delta', name: 'Municipality', level: 'local' });
    expect(permit.dueAt).toBe('2026-04-01T21:59:59.999Z');
    expect(permit.asked).toEqual([{ item: 'person.address', label: 'Address', type: 'string', stepId: 'permit' }]);
    expect(permit.reused).toEqual([{ item: 'tax.reference', label: 'Tax reference' }]);
    expect(view.asked).toEqual(permit.asked);
    expect(view.steps[0].agency.level).toBe('unknown');
    expect(view.seq).toBe(7);
  });

  it('keeps a finished step of an earlier version in the record after a migration', () => {
    const v1 = fanOutLifeEvent();
    const v2 = { ...v1, version: 2, steps: v1.steps.filter((s) => s.id !== 'notify-social') };
    const retired = v1.steps.filter((s) => s.id === 'notify-social');
    const view = toTimeline(journey, [row('notify-social', { status: 'completed' })], [], v2, new Map(), 'en', retired);
    expect(view.steps.map((s) => s.id)).toEqual(['register', 'notify-tax', 'permit', 'confirm', 'notify-social']);
    expect(view.steps.at(-1)).toMatchObject({ title: 'notify-social', status: 'completed' });
  });
});
