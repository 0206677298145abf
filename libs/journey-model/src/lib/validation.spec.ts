import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash } from './content-hash';
import type { AgencyDescriptor, LifeEventDefinition } from './definition.types';
import { LANGUAGES } from './definition.types';
import { defineLifeEvent, step } from './dsl';
import { validateLifeEvent } from './validation';
import type { DataVocabulary } from './data-vocabulary';
import { VALIDATION_CODES, type ValidationContext } from './validation.types';

const CORPUS = join(__dirname, '..', '..', 'test-corpus');
const read = (path: string): unknown => JSON.parse(readFileSync(join(CORPUS, path), 'utf8'));
const jsonFiles = (folder: string) => readdirSync(join(CORPUS, folder)).filter((name) => name.endsWith('.json'));

const agencies = read('agencies.json') as AgencyDescriptor[];
const owners = read('owners.json') as string[];
const published = read('published.json') as Record<string, ValidationContext['published']>;
const expected = read('expected.json') as Record<string, { code: string; path: string }>;
const vocabulary = read('vocabulary.json') as DataVocabulary;
const validFiles = jsonFiles('valid');
const malformedFiles = jsonFiles('malformed');

/** The corpus's context: its registry, owners and vocabulary, and the published versions of its life event. */
function contextFor(definition: unknown): ValidationContext {
  const id = (definition as { id?: unknown } | null)?.id;
  return { agencies, owners, vocabulary, published: typeof id === 'string' ? published[id] : undefined };
}

/** Parsed JSON, edited freely by the tests. */
type Editable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const base = () => read('valid/start-business-v2.json') as Editable;
const issuesOf = (definition: unknown, context: ValidationContext = contextFor(definition)) =>
  validateLifeEvent(definition, context).map(({ code, path }) => ({ code, path }));

describe('the test corpus', () => {
  it('has at least 3 valid and 30 malformed definitions', () => {
    expect(validFiles.length).toBeGreaterThanOrEqual(3);
    expect(malformedFiles.length).toBeGreaterThanOrEqual(30);
  });

  it.each(validFiles)('accepts valid/%s', (file) => {
    const definition = read(join('valid', file));
    expect(validateLifeEvent(definition, contextFor(definition))).toEqual([]);
  });

  it.each(malformedFiles)('rejects malformed/%s with its expected issue only', (file) => {
    expect(issuesOf(read(join('malformed', file)))).toEqual([expected[file]]);
  });

  it('expects an issue for every malformed file, and for nothing else', () => {
    expect(Object.keys(expected).sort()).toEqual([...malformedFiles].sort());
  });

  it('numbers malformed files uniquely, as NN-<slug>.json', () => {
    for (const file of malformedFiles) expect(file).toMatch(/^\d{2}-[a-z0-9]+(-[a-z0-9]+)*\.json$/);
    expect(new Set(malformedFiles.map((file) => file.slice(0, 2))).size).toBe(malformedFiles.length);
  });

  it('exercises every validation code', () => {
    expect(new Set(Object.values(expected).map((e) => e.code))).toEqual(new Set(VALIDATION_CODES));
  });

  it('names every agency and service in nl, en and fr', () => {
    for (const agency of agencies) {
      for (const texts of [agency.name, ...agency.services.map((s) => s.title)]) {
        expect(Object.keys(texts).sort()).toEqual([...LANGUAGES].sort());
      }
    }
  });
});

describe('validateLifeEvent', () => {
  it('reports a definition that is not an object at the root', () => {
    for (const input of [null, undefined, 42, 'start-business', [], true]) {
      expect(issuesOf(input)).toEqual([{ code: 'invalid-type', path: '' }]);
    }
  });

  it('never throws, whatever JSON it is given, and reports well-formed paths', () => {
    const random = seeded(20240623);
    const values: unknown[] = [
      undefined,
      null,
      0,
      -1,
      2.5,
      '',
      ' ',
      'x',
      'constructor',
      true,
      [],
      {},
      [1, 'a', null],
      { a: 1 },
    ];
    const path = /^(?:[A-Za-z_$][\w$]*)?(?:\[\d+\]|\["(?:[^"\\]|\\.)*"\]|\.[A-Za-z_$][\w$]*)*$/;
    for (let round = 0; round < 500; round++) {
      const definition = base();
      for (let change = 0; change < 1 + Math.floor(random() * 3); change++) {
        const [parent, key] = pick(random, slots(definition));
        (parent as Record<string, unknown>)[key] = values[Math.floor(random() * values.length)];
      }
      const context = { agencies, owners, published: [{ version: 2, hash: 'sha256:0' }] };
      for (const issue of validateLifeEvent(definition, context)) {
        expect(VALIDATION_CODES).toContain(issue.code);
        expect(issue.path).toMatch(path);
        expect(issue.message.length).toBeGreaterThan(0);
      }
    }
  });

  it('does not overflow on deeply nested input', () => {
    let deep: unknown = { field: 'business.employees', gte: 250 };
    let junk: unknown = [];
    for (let i = 0; i < 100_000; i++) {
      deep = { not: deep };
      junk = [junk];
    }
    const definition: Editable = { ...base(), junk };
    definition['steps'][6].when = deep;
    const issues = issuesOf(definition, { published: [{ version: 2, hash: 'sha256:0' }] });
    expect(issues).toEqual([
      { code: 'published-content-changed', path: 'version' },
      { code: 'invalid-condition', path: `steps[6].when${'.not'.repeat(16)}` },
      { code: 'unknown-field', path: 'junk' },
    ]);
  });

  it('checks agencies, owners and publications only against a context that gives them', () => {
    const definition = base();
    definition['owner'] = 'nobody';
    definition['steps'][0].agency = 'nowhere';
    definition['version'] = 1;
    expect(issuesOf(definition, {})).toEqual([]);
    expect(issuesOf(definition)).toEqual([
      { code: 'published-content-changed', path: 'version' },
      { code: 'unknown-owner', path: 'owner' },
      { code: 'unknown-agency', path: 'steps[0].agency' },
    ]);
  });

  it('reports issues in document order, whatever the order of the keys', () => {
    const definition = base();
    definition['steps'][6].cost = { automatic: -1, fax: 1 };
    definition['steps'][0].title = { en: 'Open an account' };
    definition['dataItems']['person.name'].type = 'name';
    definition['zeta'] = 1;
    definition['alpha'] = 2;
    definition['kind'] = 'firm';
    const inOrder = [
      { code: 'invalid-value', path: 'kind' },
      { code: 'invalid-value', path: 'dataItems["person.name"].type' },
      { code: 'missing-text', path: 'steps[0].title.nl' },
      { code: 'missing-text', path: 'steps[0].title.fr' },
      { code: 'invalid-cost', path: 'steps[6].cost.automatic' },
      { code: 'invalid-channel', path: 'steps[6].cost.fax' },
      { code: 'unknown-field', path: 'alpha' },
      { code: 'unknown-field', path: 'zeta' },
    ];
    expect(issuesOf(definition)).toEqual(inOrder);
    expect(issuesOf(reverseKeys(definition))).toEqual(inOrder);
  });

  it('accepts a definition written with the DSL', () => {
    const texts = (en: string) => ({ nl: en, en, fr: en });
    const definition = defineLifeEvent({
      id: 'start-business',
      version: 3,
      kind: 'business',
      owner: 'vlaio',
      title: texts('I start a business'),
      summary: texts('Registration and VAT'),
      dataItems: {
        'business.activities': { type: 'string', label: texts('Activities') },
        'business.enterpriseNumber': { type: 'string', label: texts('Enterprise number') },
      },
      intake: ['business.activities'],
      steps: [
        step('kbo-registration', {
          agency: 'ondernemingsloket',
          service: 'kbo-registration',
          mode: 'manual',
          title: texts('Registration'),
          needs: ['business.activities'],
          produces: ['business.enterpriseNumber'],
        }),
        step('vat-activation', {
          agency: 'fod-financien',
          service: 'vat-activation',
          mode: 'automatic',
          title: texts('VAT'),
          needs: ['business.enterpriseNumber'],
          dependsOn: ['kbo-registration'],
        }),
      ],
    });
    expect(validateLifeEvent(definition, { agencies, owners })).toEqual([]);
  });

  it('accepts a published version whose texts were only reformatted', () => {
    const v1 = read('valid/start-business-v1.json') as LifeEventDefinition;
    const reformatted = { ...v1, title: { ...v1.title, en: '  I start\n a   business ' } };
    const context = { published: [{ version: 1, hash: contentHash(v1) }] };
    expect(validateLifeEvent(reformatted, context)).toEqual([]);
    expect(issuesOf({ ...v1, title: { ...v1.title, en: 'I start a company' } }, context)).toEqual([
      { code: 'published-content-changed', path: 'version' },
    ]);
  });

  describe('needs', () => {
    it('are provided by a producer whose condition equals the step’s, whatever the key order', () => {
      const definition = base();
      definition['steps'][5].when = { in: ['horeca', 'retail'], field: 'business.sector' };
      expect(issuesOf(definition)).toEqual([]);
    });

    it('are provided by a producer whose condition is a part of the step’s nested "and"', () => {
      const definition = base();
      const [sector, alcohol] = definition['steps'][5].when.and;
      definition['steps'][5].when = { and: [{ and: [alcohol, sector] }, { field: 'business.employees', lt: 50 }] };
      expect(issuesOf(definition)).toEqual([]);
    });

    it('are provided by an indirect dependency', () => {
      const definition = base();
      definition['steps'][5].needs.push('business.enterpriseNumber');
      expect(issuesOf(definition)).toEqual([]);
    });

    it('are not provided by the step itself', () => {
      const definition = base();
      definition['steps'][1].needs.push('business.enterpriseNumber');
      expect(issuesOf(definition)).toEqual([{ code: 'unprovided-need', path: 'steps[1].needs[3]' }]);
    });
  });

  describe('dependencies', () => {
    it('report a cycle once, on the dependency that closes it', () => {
      const definition = base();
      definition['steps'][2].dependsOn.push('social-insurance-affiliation');
      definition['steps'][3].dependsOn.push('vat-activation');
      const issues = validateLifeEvent(definition, contextFor(definition));
      expect(issues.map(({ code, path }) => ({ code, path }))).toEqual([
        { code: 'dependency-cycle', path: 'steps[3].dependsOn[1]' },
      ]);
      expect(issues[0].message).toContain(
        'social-insurance-affiliation → vat-activation → social-insurance-affiliation',
      );
    });

    it('report each independent cycle', () => {
      const definition = base();
      definition['steps'][1].dependsOn = ['vat-activation'];
      definition['steps'][0].dependsOn = ['kmo-portefeuille'];
      expect(issuesOf(definition).filter((i) => i.code === 'dependency-cycle')).toEqual([
        { code: 'dependency-cycle', path: 'steps[2].dependsOn[0]' },
        { code: 'dependency-cycle', path: 'steps[6].dependsOn[1]' },
      ]);
    });
  });

  describe('conditions', () => {
    const withWhen = (when: unknown) => {
      const definition = base();
      definition['steps'][6].when = when;
      return issuesOf(definition);
    };

    it('compare dates with YYYY-MM-DD strings', () => {
      expect(withWhen({ field: 'business.startDate', equals: '2025-01-31' })).toEqual([]);
      expect(withWhen({ field: 'business.startDate', equals: 'tomorrow' })).toEqual([
        { code: 'condition-type-mismatch', path: 'steps[6].when.equals' },
      ]);
    });

    it('allow "exists" on an item of any type', () => {
      expect(withWhen({ field: 'business.legalForm', exists: false })).toEqual([]);
    });

    it('report a combinator with a field, and a condition without an operator', () => {
      expect(withWhen({ or: [{ field: 'business.legalForm' }], field: 'business.sector' })).toEqual([
        { code: 'invalid-condition', path: 'steps[6].when.field' },
        { code: 'invalid-condition', path: 'steps[6].when.or[0]' },
      ]);
    });
  });

  it('never reads inherited members as names', () => {
    const definition = base();
    definition['steps'][0].needs.push('constructor');
    definition['steps'][0].dependsOn.push('toString');
    definition['dataItems'] = JSON.parse(JSON.stringify(definition['dataItems']).replace('{', '{"__proto__":1,'));
    expect(issuesOf(definition)).toEqual([
      { code: 'invalid-type', path: 'dataItems.__proto__' },
      { code: 'unknown-data-item', path: 'steps[0].needs[2]' },
      { code: 'unknown-dependency', path: 'steps[0].dependsOn[0]' },
    ]);
  });

  it('names the offending value in its messages', () => {
    const definition = base();
    definition['steps'][4].agency = 'fav';
    definition['steps'][2].dependsOn = ['kbo-registraton'];
    definition['steps'][2].term.from = 'dispatch';
    const messages = validateLifeEvent(definition, contextFor(definition)).map((issue) => issue.message);
    expect(messages).toContain('"kbo-registraton" is not a step of this life event. Did you mean "kbo-registration"?');
    expect(messages).toContain('"fav" is not an agency of the registry. Did you mean "favv"?');
  });
});

/** Every place in a JSON document where a value can be replaced: [parent, key]. */
function slots(value: unknown): [object, string][] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]): [object, string][] => [[value, key], ...slots(child)]);
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** A small deterministic generator (mulberry32), so a failing round can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The same data with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, child]) => [key, reverseKeys(child)]),
  );
}
