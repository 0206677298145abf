import type { DataVocabulary } from './data-vocabulary';
import { dataScopeOf, resolveDefinition, vocabularyFor } from './data-vocabulary';
import type { EntityBinding, LifeEventDefinition } from './definition.types';
import { defineLifeEvent, step } from './dsl';
import { boundEntities, entityBindings, scopeKeyOf } from './entity-bindings';
import { validateLifeEvent } from './validation';

const texts = (en: string) => ({ nl: `${en} (nl)`, en, fr: `${en} (fr)` });

const vocabulary: DataVocabulary = {
  'person.name': { type: 'string', scope: 'person' },
  'association.name': { type: 'string', scope: 'association' },
  'association.enterpriseNumber': { type: 'string', scope: 'association', identifier: true },
  'association.vCode': { type: 'string', scope: 'association', identifier: true },
  'association.form': {
    type: 'enum',
    values: ['vzw', 'de-facto'],
    options: { vzw: texts('Non-profit association'), 'de-facto': texts('De facto association') },
    scope: 'association',
  },
};

/** An association founded by the journey: the griffie gives a vzw its KBO number, the Verenigingsloket a V-code. */
const founding: LifeEventDefinition = defineLifeEvent({
  id: 'found-club',
  version: 1,
  kind: 'life',
  owner: 'cjm',
  title: texts('I found a club'),
  summary: texts('From statutes to register'),
  dataItems: {
    'person.name': { type: 'string', label: texts('Your name'), authenticSource: 'rijksregister' },
    'association.name': { type: 'string', label: texts('Name of the club') },
    'association.form': { type: 'enum', values: ['vzw', 'de-facto'], label: texts('Form') },
    'association.enterpriseNumber': { type: 'string', label: texts('Enterprise number') },
    'association.vCode': { type: 'string', label: texts('V-code') },
  },
  intake: ['association.name', 'association.form'],
  steps: [
    step('griffie', {
      agency: 'griffie',
      service: 'filing',
      mode: 'automatic',
      title: texts('Filing'),
      needs: ['association.name'],
      produces: ['association.enterpriseNumber'],
      when: { field: 'association.form', equals: 'vzw' },
    }),
    step('register', {
      agency: 'verenigingsloket',
      service: 'registration',
      mode: 'automatic',
      title: texts('Registration'),
      needs: ['association.name'],
      produces: ['association.vCode'],
      dependsOn: ['griffie'],
    }),
  ],
});

const declared: EntityBinding = {
  scope: 'association',
  identifiedBy: ['association.enterpriseNumber', 'association.vCode'],
  foundedBy: ['griffie', 'register'],
};

const issues = (definition: unknown, context = { vocabulary }) =>
  validateLifeEvent(definition, context).map(({ code, path }) => ({ code, path }));

describe('entity bindings', () => {
  it('are what the definition declares', () => {
    expect(entityBindings({ ...founding, entities: [declared] }, vocabulary)).toEqual([declared]);
  });

  it('follow from the vocabulary for a definition that declares none', () => {
    expect(entityBindings(founding, vocabulary)).toEqual([declared]);
    const existing = { ...founding, intake: [...founding.intake, 'association.vCode'] };
    expect(entityBindings(existing, vocabulary)).toEqual([
      { scope: 'association', identifiedBy: ['association.enterpriseNumber', 'association.vCode'] },
    ]);
    expect(entityBindings(founding)).toEqual([]);
  });

  it('are valid when declared or derived, and their gaps are reported where they are', () => {
    expect(issues(founding)).toEqual([]);
    expect(issues({ ...founding, entities: [declared] })).toEqual([]);
    const unlisted = { ...declared, foundedBy: ['register'] };
    expect(issues({ ...founding, entities: [unlisted] })).toEqual([
      { code: 'invalid-entity', path: 'entities[0].foundedBy' },
    ]);
    const notGiven = { scope: 'association' as const, identifiedBy: ['association.vCode'] };
    expect(issues({ ...founding, entities: [notGiven] })).toEqual([
      { code: 'invalid-entity', path: 'entities[0].identifiedBy' },
    ]);
    const askedButFounded = { ...founding, intake: [...founding.intake, 'association.vCode'], entities: [declared] };
    expect(issues(askedButFounded)).toEqual([{ code: 'invalid-entity', path: 'entities[0].identifiedBy[1]' }]);
    const wrongScope = { ...declared, identifiedBy: ['person.name'], foundedBy: undefined };
    expect(issues({ ...founding, entities: [wrongScope] })).toEqual([
      { code: 'invalid-entity', path: 'entities[0].identifiedBy[0]' },
    ]);
    const twice = { ...founding, entities: [declared, declared] };
    expect(issues(twice)).toEqual([{ code: 'duplicate-entry', path: 'entities[1].scope' }]);
    expect(issues({ ...founding, entities: [] })).toEqual([
      { code: 'unbound-scope', path: 'dataItems["association.enterpriseNumber"].scope' },
    ]);
  });
});

describe('where a value is kept', () => {
  it('is the subject for a person item, the journey for an item of an association not founded yet', () => {
    expect(scopeKeyOf(founding, 'person.name', {}, vocabulary)).toEqual({ scope: 'person' });
    expect(scopeKeyOf(founding, 'association.name', { 'association.name': 'De Vrolijke Vinken' }, vocabulary)).toEqual({
      scope: 'journey',
    });
  });

  it('is the association once its number is known, by the first identifier that has a value', () => {
    const data = { 'association.vCode': 'V0001234', 'association.enterpriseNumber': '0123.456.789' };
    expect(scopeKeyOf(founding, 'association.form', data, vocabulary)).toEqual({
      scope: 'association',
      identifier: 'association.enterpriseNumber',
      number: '0123.456.789',
    });
    expect(scopeKeyOf(founding, 'association.form', { 'association.vCode': 'V0001234' }, vocabulary)).toEqual({
      scope: 'association',
      identifier: 'association.vCode',
      number: 'V0001234',
    });
  });

  it('names the entities the journey holds a number for, and none still to be founded', () => {
    expect(boundEntities(founding, { 'association.name': 'De Vrolijke Vinken' }, vocabulary)).toEqual({});
    expect(boundEntities(founding, { 'association.vCode': ' ' }, vocabulary)).toEqual({});
    expect(boundEntities(founding, { 'association.vCode': 'V0001234' }, vocabulary)).toEqual({
      association: { identifier: 'association.vCode', number: 'V0001234' },
    });
  });

  it('is the journey for an item nobody gave a scope: never reusing is the safe reading', () => {
    expect(scopeKeyOf(founding, 'association.name', {}, {})).toEqual({ scope: 'journey' });
    expect(dataScopeOf(founding, 'association.name')).toBeUndefined();
  });
});

describe('the vocabulary', () => {
  it("is carried into a journey as the entries of the definition's items only", () => {
    const carried = vocabularyFor(founding, { ...vocabulary, 'other.item': { type: 'string', scope: 'person' } });
    expect(Object.keys(carried).sort()).toEqual(
      Object.keys(founding.dataItems)
        .filter((item) => item in vocabulary)
        .sort(),
    );
  });

  it('completes a definition with scopes and option labels, without changing what it declares itself', () => {
    const own = { ...founding.dataItems['association.name'], scope: 'association' as const };
    const resolved = resolveDefinition(
      { ...founding, dataItems: { ...founding.dataItems, 'association.name': own } },
      vocabulary,
    );
    expect(resolved.dataItems['association.form']).toEqual({
      ...founding.dataItems['association.form'],
      options: vocabulary['association.form'].options,
      scope: 'association',
    });
    expect(resolved.dataItems['association.name']).toEqual(own);
  });

  it('must agree with what a definition says of an item', () => {
    const inlineScope = {
      ...founding,
      dataItems: {
        ...founding.dataItems,
        'association.name': { ...founding.dataItems['association.name'], scope: 'person' },
      },
    };
    expect(issues(inlineScope)).toEqual([{ code: 'vocabulary-mismatch', path: 'dataItems["association.name"].scope' }]);
    const otherType = {
      ...founding,
      dataItems: { ...founding.dataItems, 'association.vCode': { type: 'number', label: texts('V-code') } },
    };
    expect(issues(otherType)).toEqual([{ code: 'vocabulary-mismatch', path: 'dataItems["association.vCode"].type' }]);
  });

  it('is not needed for a definition that says everything itself', () => {
    const selfContained = resolveDefinition({ ...founding, entities: [declared] }, vocabulary);
    expect(issues(selfContained, { vocabulary: {} })).toEqual([]);
    expect(issues({ ...founding, entities: [declared] }, { vocabulary: {} })).toEqual([
      { code: 'missing-scope', path: 'dataItems["association.enterpriseNumber"].scope' },
      { code: 'missing-option-label', path: 'dataItems["association.form"].options' },
      { code: 'missing-scope', path: 'dataItems["association.form"].scope' },
      { code: 'missing-scope', path: 'dataItems["association.name"].scope' },
      { code: 'missing-scope', path: 'dataItems["association.vCode"].scope' },
      { code: 'missing-scope', path: 'dataItems["person.name"].scope' },
    ]);
  });
});
