import { findDefinition } from '@passage/life-events';
import type { LifeEventDefinition, StepDefinition } from '@passage/journey-model';
import { diffLifeEvent, formatDiff } from './diff';

const v = (version: number): LifeEventDefinition => {
  const definition = findDefinition('start-business', version);
  if (!definition) throw new Error('missing');
  return definition;
};

describe('diffLifeEvent', () => {
  it('reports what start-business v2 changes', () => {
    const diff = diffLifeEvent(v(1), v(2));
    expect(diff.stepsAdded).toEqual([{ id: 'starter-welcome', agency: 'vlaio', mode: 'proactive' }]);
    expect(diff.stepsRemoved).toEqual([]);
    const health = diff.stepsChanged.find((s) => s.id === 'health-insurance-status');
    expect(health?.changes.map((c) => c.field)).toEqual(expect.arrayContaining(['mode']));
    const text = formatDiff(diff);
    expect(text).toContain('start-business: version 1 → 2');
    expect(text).toContain('starter-welcome (vlaio, proactive)');
  });

  it('finds removed and reordered steps, changed terms, needs and costs, for the right audience', () => {
    const before = v(1);
    const steps = before.steps
      .filter((s) => s.id !== 'kmo-portefeuille')
      .map((s): StepDefinition => {
        if (s.id === 'favv-registration' && s.term)
          return { ...s, term: { ...s.term, days: 20 }, needs: [...s.needs, 'person.name'] };
        if (s.id === 'kbo-registration') return { ...s, cost: { online: 90 } };
        if (s.id === 'vat-activation') return { ...s, dependsOn: ['social-insurance-affiliation'] };
        return s;
      });
    const diff = diffLifeEvent(before, { ...before, version: 3, steps });
    expect(diff.stepsRemoved).toEqual([{ id: 'kmo-portefeuille', agency: 'vlaio' }]);
    expect(diff.stepsReordered.map((s) => s.id)).toContain('vat-activation');
    const favv = diff.stepsChanged.find((s) => s.id === 'favv-registration')?.changes ?? [];
    expect(favv.find((c) => c.field === 'term')).toMatchObject({ to: expect.stringContaining('20 working days') });
    expect(favv.find((c) => c.field === 'needs')?.audience).toBe('agencies');
    expect(
      diff.stepsChanged.find((s) => s.id === 'kbo-registration')?.changes.find((c) => c.field === 'cost')?.audience,
    ).toBe('citizens');
    expect(formatDiff(diff)).toMatch(/Changes for agencies[\s\S]*favv-registration \(favv\) needs/);
  });

  it('says so when nothing changes', () => {
    expect(formatDiff(diffLifeEvent(v(1), v(1)))).toContain('No change for citizens or agencies.');
  });
});
