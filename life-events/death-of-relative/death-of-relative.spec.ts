import { AGENCY_LEVELS, STEP_MODES } from '@passage/journey-model';
import { AGENCIES } from '../agencies';
import { activeSteps, stepById } from '../testing/life-event-checks';
import { BENEFITS_CONVERTED_AUTOMATICALLY, VLABEL_PROCESS_OWNER } from './owner';
import { DEATH_OF_RELATIVE_V1 } from './v1';

const v1 = DEATH_OF_RELATIVE_V1;
const agencyById = new Map(AGENCIES.map((agency) => [agency.id, agency]));
const answers = {
  'death.declared': true,
  'deceased.survivingSpouse': true,
  'deceased.retired': true,
  'deceased.supplementaryPension': false,
  'estate.will': false,
  'estate.marriageContract': false,
  'estate.minorHeirs': false,
};

describe('death-of-relative v1', () => {
  it('is a life event owned by Vlabel, proposed to the family on the death registration (opt-in)', () => {
    expect(v1).toMatchObject({ id: 'death-of-relative', version: 1, kind: 'life', owner: VLABEL_PROCESS_OWNER.id });
    expect(v1.trigger).toEqual({ event: 'death-registered', consent: 'opt-in' });
  });

  it('models the 15 researched steps (18 with the variants split), at every level, in every mode', () => {
    expect(v1.steps).toHaveLength(18);
    const levels = new Set(v1.steps.map((s) => agencyById.get(s.agency)?.level));
    expect([...levels].sort()).toEqual([...AGENCY_LEVELS].sort());
    expect(new Set(v1.steps.map((s) => s.mode))).toEqual(new Set(STEP_MODES));
  });

  it('times the inheritance declaration 4 months from the death and the payment 2 months from the assessment', () => {
    expect(stepById(v1, 'inheritance-tax-return').term).toMatchObject({
      days: 120,
      kind: 'citizen-deadline',
      from: 'date:deceased.deathDate',
    });
    expect(stepById(v1, 'inheritance-tax-payment').term).toMatchObject({
      days: 60,
      from: 'completed:inheritance-tax-assessment',
    });
    expect(stepById(v1, 'survivor-pension-application').term).toMatchObject({
      days: 365,
      from: 'date:deceased.deathDate',
    });
  });

  it('lets the funeral director declare the death, only when it is not yet declared', () => {
    expect(stepById(v1, 'death-declaration').channels).toContain('intermediary');
    expect(activeSteps(v1, answers)).not.toContain('death-declaration');
    expect(activeSteps(v1, { ...answers, 'death.declared': false })).toEqual(
      expect.arrayContaining(['medical-certificate', 'funeral-director', 'death-declaration']),
    );
  });

  it('examines the survivor pension without application when the deceased was retired, else asks for one', () => {
    expect(stepById(v1, 'survivor-pension').mode).toBe('proactive');
    const retired = activeSteps(v1, answers);
    expect(retired).toContain('survivor-pension');
    expect(retired).not.toContain('survivor-pension-application');
    const working = activeSteps(v1, { ...answers, 'deceased.retired': false });
    expect(working).toContain('survivor-pension-application');
    expect(working).not.toContain('survivor-pension');
    expect(activeSteps(v1, { ...answers, 'deceased.survivingSpouse': false })).not.toEqual(
      expect.arrayContaining(['survivor-pension']),
    );
  });

  it('sends the heirs to the notary when there is a will, a marriage contract or a minor heir', () => {
    const plain = activeSteps(v1, answers);
    expect(plain).toContain('inheritance-certificate');
    expect(plain).not.toContain('inheritance-deed');
    for (const item of ['estate.will', 'estate.marriageContract', 'estate.minorHeirs']) {
      const notary = activeSteps(v1, { ...answers, [item]: true });
      expect(notary).toContain('inheritance-deed');
      expect(notary).not.toContain('inheritance-certificate');
    }
    expect(stepById(v1, 'inheritance-certificate').cost).toEqual({ online: 0, counter: 0 });
  });

  it('keeps going when a bank, fund or pension step is refused', () => {
    for (const id of ['notify-bank', 'unblock-accounts', 'survivor-pension', 'funeral-allowance', 'inheritance-deed']) {
      expect(stepById(v1, id).critical).toBe(false);
    }
    expect(stepById(v1, 'inheritance-tax-return').critical).not.toBe(false);
  });
});

describe('Vlabel process owner', () => {
  const ownership = VLABEL_PROCESS_OWNER.lifeEvents['death-of-relative'];

  it('counts pensions and benefits converted without an application', () => {
    const event = { id: 'e1', journeyId: 'j1', lifeEvent: 'death-of-relative', version: 1, at: '2026-03-02T10:00:00Z' };
    const done = { ...event, type: 'step-completed' as const, agency: 'federale-pensioendienst' };
    expect(BENEFITS_CONVERTED_AUTOMATICALLY.measure({ ...done, stepId: 'survivor-pension', proactive: true })).toEqual([
      { kpi: 'benefits-converted-automatically', value: 1, agency: 'federale-pensioendienst' },
    ]);
    const applied = BENEFITS_CONVERTED_AUTOMATICALLY.measure({ ...done, stepId: 'survivor-pension-application' });
    expect(applied[0]?.value).toBe(0);
    expect(BENEFITS_CONVERTED_AUTOMATICALLY.measure({ ...done, stepId: 'notify-bank' })).toEqual([]);
    expect(VLABEL_PROCESS_OWNER.kpiHooks).toContain(BENEFITS_CONVERTED_AUTOMATICALLY);
    expect(ownership.customTargets?.['benefits-converted-automatically']).toBeGreaterThan(0);
  });
});
