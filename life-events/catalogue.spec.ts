import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { entityBindings, fromJson, toJson, validateLifeEvent, validateVocabulary } from '@passage/journey-model';
import { AGENCIES } from './agencies';
import { CATALOGUE, findDefinition } from './index';
import { VOCABULARY } from './vocabulary';
import {
  conditionsOnUnknownItems,
  costProblems,
  missingTexts,
  registryProblems,
  termProblems,
  undrawn,
  unprovidedNeeds,
} from './testing/life-event-checks';

const owners = [...new Set(CATALOGUE.map((entry) => entry.owner.id))];
const versions = CATALOGUE.flatMap((entry) =>
  entry.versions.map((definition) => [`${entry.id} v${definition.version}`, definition] as const),
);

/** What every life event of the catalogue must satisfy; each life event's own spec tests what makes it itself. */
describe.each(versions)('%s', (_, definition) => {
  it('passes validateLifeEvent against the agency registry, the process owners and the vocabulary', () => {
    expect(validateLifeEvent(definition, { agencies: AGENCIES, owners, vocabulary: VOCABULARY })).toEqual([]);
  });

  it('is structurally sound: registry, needs, conditions, terms, costs, texts', () => {
    expect(registryProblems(definition, AGENCIES)).toEqual([]);
    expect(unprovidedNeeds(definition)).toEqual([]);
    expect(conditionsOnUnknownItems(definition)).toEqual([]);
    expect(termProblems(definition)).toEqual([]);
    expect(costProblems(definition)).toEqual([]);
    expect(missingTexts(definition)).toEqual([]);
  });

  it('survives a JSON round trip unchanged, and is found in the catalogue', () => {
    expect(fromJson(toJson(definition))).toEqual(definition);
    expect(findDefinition(definition.id, definition.version)).toBe(definition);
  });
});

describe('the vocabulary', () => {
  it('is valid: a type and scope per item, every enum value labelled in nl, en and fr', () => {
    expect(validateVocabulary(VOCABULARY)).toEqual([]);
  });

  it('names every data item of the catalogue, and nothing else', () => {
    const used = new Set(CATALOGUE.flatMap((entry) => entry.versions.flatMap((v) => Object.keys(v.dataItems))));
    expect(Object.keys(VOCABULARY).sort()).toEqual([...used].sort());
  });

  it('binds the entities of the versions published before entities were declared', () => {
    const bindings = (id: string, version: number) => {
      const definition = findDefinition(id, version);
      if (!definition) throw new Error(`no ${id} v${version}`);
      return entityBindings(definition, VOCABULARY);
    };
    expect(bindings('start-business', 1)).toEqual([
      {
        scope: 'enterprise',
        identifiedBy: ['business.enterpriseNumber'],
        foundedBy: ['griffie-deposit', 'kbo-registration'],
      },
    ]);
    expect(bindings('move-house', 1)).toEqual([{ scope: 'enterprise', identifiedBy: ['business.enterpriseNumber'] }]);
    expect(bindings('build-renovate', 1)).toEqual([{ scope: 'property', identifiedBy: ['project.address'] }]);
    expect(bindings('birth', 1)).toEqual([]);
  });
});

describe.each(CATALOGUE.map((entry) => [entry.id, entry] as const))('%s', (id, entry) => {
  it("draws every step and dependency of its first version in its README's diagram", () => {
    expect(undrawn(entry.versions[0], readFileSync(join(__dirname, id, 'README.md'), 'utf8'))).toEqual([]);
  });

  it('has a process owner: a Flemish lead agency, a minister, budgets for 2026 and 2027 and a lead-time target', () => {
    const ownership = entry.owner.lifeEvents[id];
    expect(AGENCIES.find((agency) => agency.id === entry.owner.leadAgency)?.level).toBe('flemish');
    expect(entry.owner.minister).toMatch(/minister/i);
    expect(ownership.budget[2026]).toBeGreaterThan(0);
    expect(ownership.budget[2027]).toBeGreaterThanOrEqual(ownership.budget[2026]);
    expect(ownership.leadTimeTargetDays).toBeGreaterThan(0);
  });
});
