import { AGENCY_LEVELS, STEP_MODES } from '@passage/journey-model';
import { AGENCIES } from '../agencies';
import { activeSteps, stepById } from '../testing/life-event-checks';
import { GROEIPAKKET_WITHOUT_APPLICATION, OPGROEIEN_PROCESS_OWNER } from './owner';
import { BIRTH_V1 } from './v1';

const v1 = BIRTH_V1;
const agencyById = new Map(AGENCIES.map((agency) => [agency.id, agency]));
const answers = {
  'parents.married': true,
  'mother.employment': 'employee',
  'coParent.employee': true,
  'family.earlyStartPayment': false,
  'family.childcare': 'none',
  'parent.parentalLeave': false,
};

describe('birth v1', () => {
  it('is a life event owned by Opgroeien, started by the birth registration unless the family opts out', () => {
    expect(v1).toMatchObject({ id: 'birth', version: 1, kind: 'life', owner: OPGROEIEN_PROCESS_OWNER.id });
    expect(v1.trigger).toEqual({ event: 'birth-registered', consent: 'opt-out' });
  });

  it('models every researched step (16) plus the once-only pregnancy certificate, at every level, in every mode', () => {
    expect(v1.steps).toHaveLength(17);
    const levels = new Set(v1.steps.map((s) => agencyById.get(s.agency)?.level));
    expect([...levels].sort()).toEqual([...AGENCY_LEVELS].sort());
    expect(new Set(v1.steps.map((s) => s.mode))).toEqual(new Set(STEP_MODES));
  });

  it('times the declaration 15 calendar days from the birth, escalating when it passes', () => {
    expect(stepById(v1, 'birth-declaration').term).toMatchObject({
      days: 15,
      unit: 'calendar',
      kind: 'citizen-deadline',
      from: 'date:child.birthDate',
      onExpiry: 'escalate',
    });
    expect(stepById(v1, 'birth-leave').term).toMatchObject({ days: 120, from: 'date:child.birthDate' });
    expect(stepById(v1, 'polio-certificate').term).toMatchObject({ days: 548, from: 'date:child.birthDate' });
  });

  it('grants the Groeipakket and the health insurance without an application', () => {
    for (const id of ['groeipakket', 'child-health-insurance', 'kind-en-gezin-intake', 'kind-en-gezin-follow-up']) {
      expect(stepById(v1, id)).toMatchObject({ mode: 'proactive', critical: false });
    }
    expect(stepById(v1, 'groeipakket').dependsOn).toEqual(['birth-declaration']);
  });

  it('runs the pregnancy steps only for a journey started before the birth', () => {
    const born = activeSteps(v1, { ...answers, 'child.born': true });
    for (const id of ['pregnancy-certificate', 'notify-employer', 'birth-notification', 'early-start-payment']) {
      expect(born).not.toContain(id);
    }
    const expecting = activeSteps(v1, { ...answers, 'child.born': false, 'family.earlyStartPayment': true });
    expect(expecting).toEqual(
      expect.arrayContaining(['pregnancy-certificate', 'notify-employer', 'birth-notification', 'early-start-payment']),
    );
  });

  it('recognises the child before the birth only for unmarried parents', () => {
    expect(activeSteps(v1, { ...answers, 'child.born': false, 'parents.married': false })).toContain(
      'prenatal-recognition',
    );
    expect(activeSteps(v1, { ...answers, 'child.born': false })).not.toContain('prenatal-recognition');
    // A refused recognition must not cancel the declaration.
    expect(stepById(v1, 'birth-declaration').dependsOn).not.toContain('prenatal-recognition');
  });

  it('follows work and childcare answers', () => {
    const selfEmployed = activeSteps(v1, {
      ...answers,
      'child.born': true,
      'mother.employment': 'self-employed',
      'coParent.employee': false,
      'family.childcare': 'income-related',
      'parent.parentalLeave': true,
    });
    expect(selfEmployed).not.toContain('maternity-leave');
    expect(selfEmployed).not.toContain('birth-leave');
    expect(selfEmployed).toEqual(
      expect.arrayContaining(['find-childcare', 'income-tariff-certificate', 'parental-leave']),
    );
    const freePrice = activeSteps(v1, { ...answers, 'child.born': true, 'family.childcare': 'free-price' });
    expect(freePrice).toContain('find-childcare');
    expect(freePrice).not.toContain('income-tariff-certificate');
  });
});

describe('Opgroeien process owner', () => {
  const ownership = OPGROEIEN_PROCESS_OWNER.lifeEvents['birth'];

  it('measures the Groeipakket started without an application, with a target', () => {
    const event = { id: 'e1', journeyId: 'j1', lifeEvent: 'birth', version: 1, at: '2026-03-02T10:00:00Z' };
    const done = { ...event, type: 'step-completed' as const, stepId: 'groeipakket', agency: 'groeipakket-uitbetaler' };
    expect(GROEIPAKKET_WITHOUT_APPLICATION.measure({ ...done, proactive: true })).toEqual([
      { kpi: 'groeipakket-without-application', value: 1, agency: 'groeipakket-uitbetaler' },
    ]);
    expect(GROEIPAKKET_WITHOUT_APPLICATION.measure({ ...done, proactive: false })[0]?.value).toBe(0);
    expect(GROEIPAKKET_WITHOUT_APPLICATION.measure({ ...done, stepId: 'birth-leave' })).toEqual([]);
    expect(OPGROEIEN_PROCESS_OWNER.kpiHooks).toContain(GROEIPAKKET_WITHOUT_APPLICATION);
    expect(ownership.customTargets?.['groeipakket-without-application']).toBeGreaterThan(0.9);
  });
});
