import {
  contentHash,
  defineLifeEvent,
  step,
  type DefinitionSnapshot,
  type LifeEventDefinition,
  type StatutoryTerm,
  type StepSpec,
  type Texts,
} from '@passage/journey-model';

/** The same text in every language, for test definitions. */
export function texts(text: string): Texts {
  return { nl: text, en: text, fr: text };
}

export function snapshotOf(definition: LifeEventDefinition): DefinitionSnapshot {
  return { id: definition.id, version: definition.version, hash: contentHash(definition), definition };
}

/** A step of a test definition, with a title and service derived from its id. */
export function testStep(
  id: string,
  spec: Omit<StepSpec, 'title' | 'service'> & Partial<Pick<StepSpec, 'title' | 'service'>>,
) {
  return step(id, { title: texts(id), service: id, ...spec });
}

/**
 * A small life event exercising every mode: `register` (automatic) fans out to `notify-tax` and `notify-social`
 * (automatic, in parallel), then `permit` (manual, with a term) and `confirm` (citizen) close it.
 */
export function fanOutLifeEvent(overrides: Partial<LifeEventDefinition> = {}): LifeEventDefinition {
  return defineLifeEvent({
    id: 'test-fanout',
    version: 1,
    kind: 'life',
    owner: 'test-owner',
    title: texts('Fan-out test'),
    summary: texts('A journey for tests'),
    dataItems: {
      'person.name': { type: 'string', label: texts('Name') },
      'person.address': { type: 'string', label: texts('Address') },
      'case.number': { type: 'string', label: texts('Case number') },
      'tax.reference': { type: 'string', label: texts('Tax reference') },
      'social.reference': { type: 'string', label: texts('Social reference') },
      'permit.number': { type: 'string', label: texts('Permit number') },
      'confirm.accepted': { type: 'boolean', label: texts('Accepted') },
    },
    intake: ['person.name', 'person.address'],
    steps: [
      testStep('register', {
        agency: 'alpha',
        mode: 'automatic',
        needs: ['person.name'],
        produces: ['case.number'],
        compensation: { service: 'unregister', title: texts('Unregister') },
      }),
      testStep('notify-tax', {
        agency: 'beta',
        mode: 'automatic',
        needs: ['case.number', 'person.address'],
        produces: ['tax.reference'],
        dependsOn: ['register'],
      }),
      testStep('notify-social', {
        agency: 'gamma',
        mode: 'automatic',
        needs: ['case.number'],
        produces: ['social.reference'],
        dependsOn: ['register'],
      }),
      testStep('permit', {
        agency: 'delta',
        mode: 'manual',
        needs: ['person.address', 'tax.reference'],
        produces: ['permit.number'],
        dependsOn: ['notify-tax', 'notify-social'],
        term: { days: 30, unit: 'calendar', kind: 'authority-decision', from: 'dispatch', onExpiry: 'tacit-refusal' },
      }),
      testStep('confirm', { agency: 'alpha', mode: 'citizen', produces: ['confirm.accepted'], dependsOn: ['permit'] }),
    ],
    ...overrides,
  });
}

/** One manual `permit` step at the municipality (`gemeente`) with the given statutory term; it may ask for an addendum. */
export function permitLifeEvent(term: StatutoryTerm): LifeEventDefinition {
  return defineLifeEvent({
    id: 'test-permit',
    version: 1,
    kind: 'life',
    owner: 'test-owner',
    title: texts('Permit'),
    summary: texts('A permit with a statutory term'),
    dataItems: {
      'plan.reference': { type: 'string', label: texts('Plan') },
      'plan.addendum': { type: 'string', label: texts('Addendum') },
    },
    intake: ['plan.reference'],
    steps: [testStep('permit', { agency: 'gemeente', mode: 'manual', needs: ['plan.reference'], term })],
  });
}
