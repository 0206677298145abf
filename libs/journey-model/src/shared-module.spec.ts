import * as model from './index';

/** Freezes a value and everything reachable from it (functions' own properties included). */
function deepFreeze(value: unknown, seen = new Set<unknown>()): void {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return;
  seen.add(value);
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor && 'value' in descriptor) deepFreeze(descriptor.value, seen);
  }
  Object.freeze(value);
}

const texts = (text: string) => ({ nl: text, en: text, fr: text });

/*
 * The journey model is preloaded once per workflow thread and shared by every journey in it (ADR 0007), and the
 * workflow sandbox freezes what shared modules export. This test does the same, then uses what a journey uses: a
 * function that kept state in an exported object would throw here instead of leaking it from one journey to the next.
 */
describe('the journey model as a module shared by journeys', () => {
  it('works with everything it exports frozen', () => {
    deepFreeze(model);
    const definition = model.defineLifeEvent({
      id: 'frozen-check',
      version: 1,
      kind: 'life',
      owner: 'test-owner',
      title: texts('Frozen'),
      summary: texts('A journey over frozen exports'),
      dataItems: { 'person.name': { type: 'string', label: texts('Name') } },
      intake: ['person.name'],
      steps: [
        model.step('a', {
          title: texts('A'),
          service: 'a',
          agency: 'alpha',
          mode: 'automatic',
          needs: ['person.name'],
        }),
        model.step('b', {
          title: texts('B'),
          service: 'b',
          agency: 'beta',
          mode: 'manual',
          needs: [],
          dependsOn: ['a'],
          term: { days: 30, unit: 'working', kind: 'authority-decision', from: 'dispatch', onExpiry: 'tacit-approval' },
        }),
      ],
    });
    expect(model.validateLifeEvent(definition)).toEqual([]);
    expect(model.contentHash(definition)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(model.fromJson(model.toJson(definition))).toEqual(definition);
    let status: model.StepStatus = 'pending';
    let context: model.StepContext = { overdue: false };
    for (const type of ['ACTIVATE', 'DISPATCH', 'COMPLETE'] as const)
      ({ status, context } = model.stepTransition(status, context, { type }));
    expect(status).toBe('completed');
    expect(model.journeyTransition('active', { type: 'WITHDRAW' }).status).toBe('withdrawn');
    const term = definition.steps[1].term;
    if (!term) throw new Error('the test definition lost its term');
    const due = model.termDueAt(term, '2026-03-02T09:00:00.000Z');
    expect(Date.parse(due)).toBeGreaterThan(Date.parse('2026-04-01T00:00:00.000Z'));
    const expected = model.expectedCompletion(definition, {}, '2026-03-02T09:00:00.000Z');
    expect(expected.journey).toBeDefined();
  });
});
