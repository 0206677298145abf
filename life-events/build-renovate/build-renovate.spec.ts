import { AGENCY_LEVELS, STEP_MODES, criticalPathDays } from '@passage/journey-model';
import { AGENCIES } from '../agencies';
import { activeSteps, stepById } from '../testing/life-event-checks';
import { OMGEVING_PROCESS_OWNER, TACIT_PERMIT_REFUSALS } from './owner';
import { BUILD_RENOVATE_V1 } from './v1';

const v1 = BUILD_RENOVATE_V1;
const agencyById = new Map(AGENCIES.map((agency) => [agency.id, agency]));
const answers = {
  'project.kind': 'buy-and-renovate',
  'project.needsPermit': true,
  'project.needsArchitect': true,
  'project.epbWorks': true,
  'project.preliminaryConsultation': false,
  'project.premiumWorks': true,
  'purchase.financed': true,
  'property.epcLabel': 'E',
  'permit.procedure': 'regular',
};

describe('build-renovate v1', () => {
  it('is a life event owned by Departement Omgeving', () => {
    expect(v1).toMatchObject({ id: 'build-renovate', version: 1, kind: 'life', owner: OMGEVING_PROCESS_OWNER.id });
  });

  it('models the 19 researched steps (24 with variants split), at every level, in every mode', () => {
    expect(v1.steps).toHaveLength(24);
    const levels = new Set(v1.steps.map((s) => agencyById.get(s.agency)?.level));
    expect([...levels].sort()).toEqual([...AGENCY_LEVELS].sort());
    expect(new Set(v1.steps.map((s) => s.mode))).toEqual(new Set(STEP_MODES));
  });

  it('decides the permit in 105 (regular) or 60 (simplified) days from completeness, refusing tacitly', () => {
    expect(stepById(v1, 'permit-application').term).toMatchObject({ days: 30, onExpiry: 'tacit-approval' });
    for (const [id, days] of [
      ['permit-decision-regular', 105],
      ['permit-decision-simplified', 60],
    ] as const) {
      expect(stepById(v1, id).term).toMatchObject({
        days,
        unit: 'calendar',
        kind: 'authority-decision',
        from: 'completed:permit-application',
        onExpiry: 'tacit-refusal',
      });
      expect(stepById(v1, id).critical).toBe(false);
    }
    expect(stepById(v1, 'appeal-period').term).toMatchObject({ days: 36, onExpiry: 'tacit-approval' });
  });

  it('holds the public inquiry only in the regular procedure, also after a tacit completeness', () => {
    expect(activeSteps(v1, answers)).toEqual(expect.arrayContaining(['public-inquiry', 'permit-decision-regular']));
    const simplified = activeSteps(v1, { ...answers, 'permit.procedure': 'simplified' });
    expect(simplified).toContain('permit-decision-simplified');
    expect(simplified).not.toContain('public-inquiry');
    const { 'permit.procedure': _procedure, ...tacit } = answers;
    expect(activeSteps(v1, tacit)).toContain('permit-decision-regular');
  });

  it('runs the purchase, renovation obligation and EPB steps for the right projects', () => {
    const buyE = activeSteps(v1, answers);
    expect(buyE).toEqual(
      expect.arrayContaining([
        'sale-deed',
        'mortgage',
        'renovation-obligation',
        'epb-declaration-renovation',
        'move-in',
      ]),
    );
    expect(activeSteps(v1, { ...answers, 'property.epcLabel': 'C' })).not.toContain('renovation-obligation');
    expect(activeSteps(v1, { ...answers, 'purchase.financed': false })).not.toContain('mortgage');
    const newBuild = activeSteps(v1, { ...answers, 'project.kind': 'new-build', 'property.epcLabel': 'none' });
    expect(newBuild).toContain('epb-declaration-new-build');
    expect(newBuild).not.toEqual(expect.arrayContaining(['sale-deed']));
    const noPermit = activeSteps(v1, { ...answers, 'project.kind': 'renovate', 'project.needsPermit': false });
    expect(noPermit).not.toContain('permit-application');
    expect(noPermit).toEqual(expect.arrayContaining(['works-completion', 'cadastre-declaration']));
    expect(activeSteps(v1, { ...answers, 'project.needsArchitect': false })).not.toContain('design-dossier');
  });

  it('counts the renovation obligation 5 years and the move-in 3 years from the deed', () => {
    expect(stepById(v1, 'renovation-obligation').term).toMatchObject({ days: 1826, from: 'date:purchase.deedDate' });
    expect(stepById(v1, 'move-in').term).toMatchObject({ days: 1095, from: 'date:purchase.deedDate' });
    expect(stepById(v1, 'sale-deed').term).toMatchObject({ days: 120, from: 'completed:sale-agreement' });
  });

  it('can withdraw a pending permit application, and uses the architect and EPB reporter as intermediaries', () => {
    expect(stepById(v1, 'permit-application').compensation?.service).toBe('building-permit-withdrawal');
    expect(stepById(v1, 'design-dossier').channels).toEqual(['intermediary']);
    expect(stepById(v1, 'epb-declaration-new-build').channels).toEqual(['intermediary']);
  });

  it('takes longer with a regular procedure than with a simplified one', () => {
    const newBuild = { ...answers, 'project.kind': 'new-build', 'property.epcLabel': 'none' };
    expect(criticalPathDays(v1, { ...newBuild, 'permit.procedure': 'simplified' })).toBeLessThan(
      criticalPathDays(v1, newBuild),
    );
  });
});

describe('Departement Omgeving process owner', () => {
  const ownership = OMGEVING_PROCESS_OWNER.lifeEvents['build-renovate'];

  it('counts a permit decision that expired as a tacit refusal', () => {
    const event = { id: 'e1', journeyId: 'j1', lifeEvent: 'build-renovate', version: 1, at: '2026-03-02T10:00:00Z' };
    const decision = { ...event, stepId: 'permit-decision-regular', agency: 'gemeente' };
    expect(TACIT_PERMIT_REFUSALS.measure({ ...decision, type: 'term-expired' })).toEqual([
      { kpi: 'tacit-permit-refusals', value: 1, agency: 'gemeente' },
    ]);
    expect(TACIT_PERMIT_REFUSALS.measure({ ...decision, type: 'step-completed' })[0]?.value).toBe(0);
    expect(TACIT_PERMIT_REFUSALS.measure({ ...decision, type: 'step-dispatched' })).toEqual([]);
    expect(TACIT_PERMIT_REFUSALS.measure({ ...decision, type: 'term-expired', stepId: 'public-inquiry' })).toEqual([]);
    expect(OMGEVING_PROCESS_OWNER.kpiHooks).toContain(TACIT_PERMIT_REFUSALS);
    expect(ownership.customTargets?.['tacit-permit-refusals']).toBeLessThan(0.05);
  });
});
