import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromJson, toJson, validateLifeEvent } from '@passage/journey-model';
import { AGENCIES } from './agencies';
import { CATALOGUE, findDefinition } from './index';
import {
  conditionsOnUnknownItems,
  costProblems,
  missingTexts,
  registryProblems,
  termProblems,
  undrawn,
  unprovidedNeeds,
} from './life-event-checks';

const owners = [...new Set(CATALOGUE.map((entry) => entry.owner.id))];
const versions = CATALOGUE.flatMap((entry) =>
  entry.versions.map((definition) => [`${entry.id} v${definition.version}`, definition] as const),
);

/** What every life event of the catalogue must satisfy; each life event's own spec tests what makes it itself. */
describe.each(versions)('%s', (_, definition) => {
  it('passes validateLifeEvent against the agency registry and the process owners', () => {
    expect(validateLifeEvent(definition, { agencies: AGENCIES, owners })).toEqual([]);
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
