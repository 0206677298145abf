import type { LifeEventDefinition, StepDefinition } from './definition.types';
import { assessMigration } from './migration';

const step = (id: string, extra: Partial<StepDefinition> = {}): StepDefinition => ({
  id,
  agency: 'a',
  service: id,
  mode: 'manual',
  title: { nl: id, en: id, fr: id },
  needs: [],
  produces: [],
  dependsOn: [],
  channels: ['online'],
  cost: {},
  ...extra,
});
const version = (v: number, steps: StepDefinition[]): LifeEventDefinition => ({
  id: 'x',
  version: v,
  kind: 'life',
  owner: 'o',
  title: { nl: 'x', en: 'x', fr: 'x' },
  summary: { nl: 'x', en: 'x', fr: 'x' },
  dataItems: {},
  intake: [],
  steps,
});

describe('assessMigration', () => {
  const v1 = version(1, [step('a'), step('b', { dependsOn: ['a'] }), step('c', { dependsOn: ['a'] })]);

  it('moves a journey whose open steps survive; done steps removed stay in the record; new steps are added', () => {
    const v2 = version(2, [step('a'), step('b', { dependsOn: ['a'] }), step('d', { dependsOn: ['a'] })]);
    const result = assessMigration(
      [
        { id: 'a', status: 'completed' },
        { id: 'b', status: 'in-progress' },
        { id: 'c', status: 'completed' },
      ],
      v1,
      v2,
    );
    expect(result).toEqual({ canMove: true, reasons: [], added: ['d'], retired: ['c'] });
  });

  it('refuses while a step under way would be removed or change hands', () => {
    const v2 = version(2, [step('a'), step('b', { dependsOn: ['a'], agency: 'other' })]);
    const result = assessMigration(
      [
        { id: 'a', status: 'completed' },
        { id: 'b', status: 'in-progress' },
        { id: 'c', status: 'awaiting-subject' },
      ],
      v1,
      v2,
    );
    expect(result.canMove).toBe(false);
    expect(result.reasons).toEqual([
      'step b is in-progress and version 2 hands it to another agency, service or mode',
      'step c is awaiting-subject and version 2 removes it',
    ]);
  });

  it('refuses another life event or an older version', () => {
    expect(assessMigration([], v1, { ...v1, version: 1 }).reasons).toEqual(['version 1 is not newer than 1']);
    expect(assessMigration([], v1, { ...v1, id: 'y', version: 2 }).reasons).toEqual(['y is another life event than x']);
  });
});
