import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AGENCY_LEVELS,
  LANGUAGES,
  STEP_MODES,
  conditionFields,
  contentHash,
  criticalPathDays,
  evaluateCondition,
  fromJson,
  toJson,
  validateLifeEvent,
  type Condition,
  type DataItems,
  type DataValue,
  type LifeEventDefinition,
  type StepDefinition,
  type Texts,
} from '@passage/journey-model';
import { AGENCIES } from '../agencies';
import { CATALOGUE, findDefinition } from '../index';
import { VLAIO_PROCESS_OWNER } from './owner';
import { START_BUSINESS_V1 } from './v1';
import { START_BUSINESS_V2 } from './v2';

const agencyById = new Map(AGENCIES.map((agency) => [agency.id, agency]));

function stepById(definition: LifeEventDefinition, id: string): StepDefinition {
  const found = definition.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id} in v${definition.version}`);
  return found;
}

/** Every data item a step (transitively) depends on, by step id. */
function ancestors(definition: LifeEventDefinition, id: string, seen = new Set<string>()): Set<string> {
  for (const dep of stepById(definition, id).dependsOn) {
    if (!seen.has(dep)) {
      seen.add(dep);
      ancestors(definition, dep, seen);
    }
  }
  return seen;
}

/** Every assignment of the intake fields that conditions read (enums and booleans), for exhaustive checks. */
function intakeScenarios(definition: LifeEventDefinition): DataItems[] {
  const fields = [...new Set(definition.steps.flatMap((s) => (s.when ? conditionFields(s.when) : [])))].sort();
  let scenarios: Record<string, DataValue>[] = [{}];
  for (const field of fields) {
    const spec = definition.dataItems[field];
    const values: readonly DataValue[] =
      spec.type === 'boolean' ? [true, false] : spec.type === 'enum' ? (spec.values ?? []) : [];
    if (values.length === 0) throw new Error(`condition over ${field} of type ${spec.type} cannot be enumerated`);
    scenarios = scenarios.flatMap((scenario) => values.map((value) => ({ ...scenario, [field]: value })));
  }
  return scenarios;
}

const runs = (s: StepDefinition, data: DataItems): boolean => (s.when ? evaluateCondition(s.when, data) : true);

function activeSteps(definition: LifeEventDefinition, data: DataItems): string[] {
  return definition.steps.filter((s) => runs(s, data)).map((s) => s.id);
}

function expectTexts(texts: Texts | undefined, where: string): void {
  expect(texts).toBeDefined();
  for (const language of LANGUAGES) {
    if (typeof texts?.[language] !== 'string' || texts[language].trim() === '') {
      throw new Error(`${where}: missing ${language} text`);
    }
  }
}

function allTexts(definition: LifeEventDefinition): [string, Texts | undefined][] {
  return [
    ['title', definition.title],
    ['summary', definition.summary],
    ...Object.entries(definition.dataItems).map(([id, spec]): [string, Texts] => [`dataItems.${id}.label`, spec.label]),
    ...definition.steps.flatMap((s): [string, Texts | undefined][] => [
      [`steps.${s.id}.title`, s.title],
      [`steps.${s.id}.description`, s.description],
      ...(s.compensation ? [[`steps.${s.id}.compensation.title`, s.compensation.title] as [string, Texts]] : []),
    ]),
  ];
}

describe.each([START_BUSINESS_V1, START_BUSINESS_V2])('start-business v$version', (definition) => {
  const usedAgencies = [...new Set(definition.steps.map((s) => s.agency))];

  it('is a business event owned by VLAIO', () => {
    expect(definition.id).toBe('start-business');
    expect(definition.kind).toBe('business');
    expect(definition.owner).toBe(VLAIO_PROCESS_OWNER.id);
  });

  it('has at least 12 steps across at least 8 agencies', () => {
    expect(definition.steps.length).toBeGreaterThanOrEqual(12);
    expect(usedAgencies.length).toBeGreaterThanOrEqual(8);
  });

  it('reaches every level of government and the private sector', () => {
    const levels = new Set(usedAgencies.map((id) => agencyById.get(id)?.level));
    expect([...levels].sort()).toEqual([...AGENCY_LEVELS].sort());
  });

  it('uses every step mode', () => {
    expect(new Set(definition.steps.map((s) => s.mode))).toEqual(new Set(STEP_MODES));
  });

  it('only uses agencies and services of the registry, for steps and compensations', () => {
    for (const s of definition.steps) {
      const agency = agencyById.get(s.agency);
      expect(agency).toBeDefined();
      expect(agency?.services.map((service) => service.id)).toContain(s.service);
      if (s.compensation) {
        const compensator = agencyById.get(s.compensation.agency ?? s.agency);
        expect(compensator?.services.map((service) => service.id)).toContain(s.compensation.service);
        expect(s.compensation.service).not.toBe(s.service);
      }
    }
  });

  it('has unique step ids in kebab-case', () => {
    const ids = definition.steps.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('depends only on existing steps, without cycles', () => {
    const ids = new Set(definition.steps.map((s) => s.id));
    for (const s of definition.steps) {
      for (const dep of s.dependsOn) {
        expect(ids.has(dep)).toBe(true);
        expect(dep).not.toBe(s.id);
      }
    }
    // Kahn's algorithm: every step gets ordered only if the graph is acyclic.
    const indegree = new Map(definition.steps.map((s) => [s.id, s.dependsOn.length]));
    const queue = definition.steps.filter((s) => s.dependsOn.length === 0).map((s) => s.id);
    const ordered: string[] = [];
    while (queue.length > 0) {
      const id = queue.shift() as string;
      ordered.push(id);
      for (const s of definition.steps) {
        if (!s.dependsOn.includes(id)) continue;
        const left = (indegree.get(s.id) ?? 0) - 1;
        indegree.set(s.id, left);
        if (left === 0) queue.push(s.id);
      }
    }
    expect(ordered).toHaveLength(definition.steps.length);
  });

  it('declares every data item it asks, needs, produces or tests', () => {
    const declared = new Set(Object.keys(definition.dataItems));
    const referenced = [
      ...definition.intake,
      ...definition.steps.flatMap((s) => [...s.needs, ...s.produces, ...(s.when ? conditionFields(s.when) : [])]),
    ];
    for (const id of referenced) expect(declared).toContain(id);
    for (const [id, spec] of Object.entries(definition.dataItems)) {
      if (spec.type === 'enum') expect(spec.values?.length ?? 0).toBeGreaterThan(0);
      else expect(spec.values).toBeUndefined();
      expect(id).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    }
  });

  it('tests conditions only against intake answers, with values the data items allow', () => {
    const check = (condition: Condition): void => {
      if ('not' in condition) return check(condition.not);
      if ('and' in condition) return condition.and.forEach(check);
      if ('or' in condition) return condition.or.forEach(check);
      expect(definition.intake).toContain(condition.field);
      const spec = definition.dataItems[condition.field];
      const values = 'equals' in condition ? [condition.equals] : 'in' in condition ? condition.in : [];
      for (const value of values) {
        if (spec.type === 'enum') expect(spec.values).toContain(value);
        if (spec.type === 'boolean') expect(typeof value).toBe('boolean');
      }
    };
    for (const s of definition.steps) if (s.when) check(s.when);
  });

  it('provides every needed item by intake, an authentic source, or a dependency that runs whenever the step runs', () => {
    const fromSubjectOrSource = new Set([
      ...definition.intake,
      ...Object.entries(definition.dataItems)
        .filter(([, spec]) => spec.authenticSource !== undefined)
        .map(([id]) => id),
    ]);
    const scenarios = intakeScenarios(definition);
    for (const s of definition.steps) {
      const upstream = [...ancestors(definition, s.id)].map((id) => stepById(definition, id));
      for (const item of s.needs) {
        if (fromSubjectOrSource.has(item)) continue;
        const providers = upstream.filter((candidate) => candidate.produces.includes(item));
        for (const data of scenarios.filter((scenario) => runs(s, scenario))) {
          if (!providers.some((provider) => runs(provider, data))) {
            throw new Error(`${s.id} needs ${item}, which nothing provides when ${JSON.stringify(data)}`);
          }
        }
      }
    }
  });

  it('has valid terms, anchored on dependencies or intake dates, with a source', () => {
    for (const s of definition.steps) {
      if (!s.term) {
        expect(s.expectedDays).toBeGreaterThan(0);
        continue;
      }
      const { term } = s;
      expect(Number.isInteger(term.days) && term.days >= 0).toBe(true);
      expect(term.source).toMatch(/^https?:\/\//);
      if (term.from.startsWith('completed:')) expect(s.dependsOn).toContain(term.from.slice('completed:'.length));
      if (term.from.startsWith('date:')) {
        const item = term.from.slice('date:'.length);
        expect(definition.dataItems[item]?.type).toBe('date');
        expect(definition.intake).toContain(item);
      }
      if (term.onExpiry === 'tacit-approval' || term.onExpiry === 'tacit-refusal') {
        expect(term.kind).toBe('authority-decision');
      }
    }
  });

  it('prices only the channels a step offers, never negatively', () => {
    for (const s of definition.steps) {
      expect(s.channels.length).toBeGreaterThan(0);
      for (const [channel, cost] of Object.entries(s.cost)) {
        expect(s.channels).toContain(channel);
        expect(cost).toBeGreaterThanOrEqual(0);
      }
    }
    expect(stepById(definition, 'kbo-registration').cost.counter).toBe(105.5);
  });

  it('has every citizen-facing text in Dutch, English and French', () => {
    for (const [where, texts] of allTexts(definition)) expectTexts(texts, where);
  });

  it('runs the right steps for each variant', () => {
    const base = {
      'business.subjectToVat': true,
      'business.mainOccupation': true,
      'business.sellsAlcohol': false,
      'business.hasEmployees': false,
      'business.vlaremClass': 'none',
    };
    const soleTrader = activeSteps(definition, {
      ...base,
      'business.legalForm': 'sole-trader',
      'business.sector': 'services',
    });
    expect(soleTrader).toEqual(expect.arrayContaining(['business-account', 'kbo-registration', 'vat-activation']));
    expect(soleTrader).not.toEqual(expect.arrayContaining(['incorporation-deed']));
    expect(soleTrader).not.toContain('favv-registration');
    expect(soleTrader).not.toContain('drinks-licence');

    const horecaCompany = activeSteps(definition, {
      ...base,
      'business.legalForm': 'company',
      'business.sector': 'horeca',
      'business.sellsAlcohol': true,
      'business.hasEmployees': true,
      'business.vlaremClass': 'class-3',
    });
    expect(horecaCompany).toEqual(
      expect.arrayContaining([
        'incorporation-deed',
        'griffie-deposit',
        'ubo-registration',
        'favv-registration',
        'environmental-notification',
        'drinks-licence',
        'employer-registration',
      ]),
    );
    expect(horecaCompany).not.toContain('environmental-permit');

    const bakery = activeSteps(definition, {
      ...base,
      'business.legalForm': 'sole-trader',
      'business.sector': 'food-retail',
    });
    expect(bakery).toContain('favv-registration');
    expect(bakery).not.toContain('drinks-licence');
  });

  it('can undo the registrations a withdrawn journey leaves behind', () => {
    expect(stepById(definition, 'kbo-registration').compensation?.service).toBe('kbo-deregistration');
    expect(stepById(definition, 'vat-activation').compensation?.service).toBe('vat-deactivation');
  });

  it('lets optional and follow-up steps fail without ending the journey', () => {
    for (const id of [
      'vat-activation',
      'favv-registration',
      'drinks-licence',
      'kmo-portefeuille',
      'health-insurance-status',
    ]) {
      expect(stepById(definition, id).critical).toBe(false);
    }
    expect(stepById(definition, 'kbo-registration').critical).not.toBe(false);
  });

  it('passes validateLifeEvent against the agency registry and the process owners', () => {
    expect(validateLifeEvent(definition, { agencies: AGENCIES, owners: [VLAIO_PROCESS_OWNER.id] })).toEqual([]);
  });

  it('survives a JSON round trip unchanged', () => {
    expect(fromJson(toJson(definition))).toEqual(definition);
  });

  it('takes longer for a horeca company than for a sole trader in services', () => {
    const common = { 'business.subjectToVat': true, 'business.mainOccupation': true, 'business.hasEmployees': false };
    const soleTrader = criticalPathDays(definition, {
      ...common,
      'business.legalForm': 'sole-trader',
      'business.sector': 'services',
      'business.sellsAlcohol': false,
      'business.vlaremClass': 'none',
    });
    const horecaCompany = criticalPathDays(definition, {
      ...common,
      'business.legalForm': 'company',
      'business.sector': 'horeca',
      'business.sellsAlcohol': true,
      'business.vlaremClass': 'class-2',
    });
    expect(soleTrader).toBeLessThan(horecaCompany);
  });
});

describe('start-business v2 against v1', () => {
  const v1 = START_BUSINESS_V1;
  const v2 = START_BUSINESS_V2;

  it('has its own content hash', () => {
    expect(contentHash(v2)).not.toBe(contentHash(v1));
  });

  it('adds a proactive VLAIO welcome after the KBO registration', () => {
    expect(v1.steps.map((s) => s.id)).not.toContain('starter-welcome');
    const welcome = stepById(v2, 'starter-welcome');
    expect(welcome).toMatchObject({ agency: 'vlaio', service: 'starter-advice', mode: 'proactive', critical: false });
    expect(welcome.dependsOn).toEqual(['kbo-registration']);
    expect(v2.dataItems['business.starterAdviceSent']).toBeDefined();
  });

  it('makes the health-insurance status change proactive instead of a citizen errand', () => {
    expect(stepById(v1, 'health-insurance-status').mode).toBe('citizen');
    const v2Step = stepById(v2, 'health-insurance-status');
    expect(v2Step.mode).toBe('proactive');
    expect(v2Step.channels).toEqual(['automatic']);
    expect(v2Step.expectedDays).toBeLessThan(stepById(v1, 'health-insurance-status').expectedDays ?? 0);
  });

  it('keeps everything else of v1', () => {
    expect(v2.version).toBe(2);
    const changed = new Set(['health-insurance-status', 'starter-welcome']);
    expect(v2.steps.filter((s) => !changed.has(s.id))).toEqual(v1.steps.filter((s) => !changed.has(s.id)));
    const {
      description: _d1,
      mode: _m1,
      channels: _c1,
      expectedDays: _e1,
      ...v1Health
    } = stepById(v1, 'health-insurance-status');
    const {
      description: _d2,
      mode: _m2,
      channels: _c2,
      expectedDays: _e2,
      ...v2Health
    } = stepById(v2, 'health-insurance-status');
    expect(v2Health).toEqual(v1Health);
    expect(v2.intake).toEqual(v1.intake);
    expect(v2.title).toEqual(v1.title);
    for (const [id, spec] of Object.entries(v1.dataItems)) expect(v2.dataItems[id]).toEqual(spec);
  });
});

describe('agency registry', () => {
  it('has unique kebab-case agency ids and unique service ids per agency, all texts in three languages', () => {
    const ids = AGENCIES.map((agency) => agency.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const agency of AGENCIES) {
      expect(agency.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(AGENCY_LEVELS).toContain(agency.level);
      expectTexts(agency.name, `${agency.id}.name`);
      if (agency.website) expect(agency.website).toMatch(/^https:\/\//);
      const serviceIds = agency.services.map((service) => service.id);
      expect(new Set(serviceIds).size).toBe(serviceIds.length);
      for (const service of agency.services) {
        expect(service.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expectTexts(service.title, `${agency.id}.${service.id}.title`);
      }
    }
  });

  it.each([
    ['bank', 'private', ['open-business-account']],
    ['ondernemingsloket', 'federal', ['kbo-registration', 'kbo-deregistration']],
    ['fod-financien', 'federal', ['vat-activation', 'vat-deactivation']],
    ['sociaal-verzekeringsfonds', 'private', ['social-insurance-affiliation']],
    ['favv', 'federal', ['favv-registration']],
    ['gemeente', 'local', ['drinks-licence']],
    ['vlaio', 'flemish', ['kmo-portefeuille']],
  ])('offers %s (%s) with %j', (id, level, services) => {
    const agency = agencyById.get(id);
    expect(agency?.level).toBe(level);
    expect(agency?.services.map((service) => service.id)).toEqual(expect.arrayContaining(services));
  });
});

describe('process owner', () => {
  it('is led by VLAIO, an agency of the registry, with budget and targets for start-business', () => {
    expect(VLAIO_PROCESS_OWNER.leadAgency).toBe('vlaio');
    expect(agencyById.get(VLAIO_PROCESS_OWNER.leadAgency)?.level).toBe('flemish');
    expectTexts(VLAIO_PROCESS_OWNER.name, 'owner.name');
    expect(VLAIO_PROCESS_OWNER.minister).toMatch(/minister/i);
    const ownership = VLAIO_PROCESS_OWNER.lifeEvents['start-business'];
    expect(ownership.budget[2026]).toBeGreaterThan(0);
    expect(ownership.budget[2027]).toBeGreaterThan(0);
    expect(ownership.targets).toMatchObject({
      leadTimeDaysP90: expect.any(Number),
      onTimeRate: expect.any(Number),
      onceOnlyRate: expect.any(Number),
      digitalShare: expect.any(Number),
      satisfaction: expect.any(Number),
      costPerJourney: expect.any(Number),
    });
    for (const rate of ['onTimeRate', 'onceOnlyRate', 'digitalShare', 'proactiveShare'] as const) {
      const value = ownership.targets[rate] ?? 0;
      expect(value >= 0 && value <= 1).toBe(true);
    }
  });
});

describe('catalogue', () => {
  it('lists start-business with its owner and versions in order', () => {
    const entry = CATALOGUE.find((e) => e.id === 'start-business');
    expect(entry?.owner).toBe(VLAIO_PROCESS_OWNER);
    expect(entry?.versions.map((v) => v.version)).toEqual([1, 2]);
    for (const e of CATALOGUE) for (const v of e.versions) expect(v.id).toBe(e.id);
  });

  it('finds the latest version by default, a given version on request, and nothing for unknown ones', () => {
    expect(findDefinition('start-business')).toBe(START_BUSINESS_V2);
    expect(findDefinition('start-business', 1)).toBe(START_BUSINESS_V1);
    expect(findDefinition('start-business', 3)).toBeUndefined();
    expect(findDefinition('no-such-life-event')).toBeUndefined();
  });
});

describe('README diagram', () => {
  const readme = readFileSync(join(__dirname, 'README.md'), 'utf8');
  const mermaid = /```mermaid\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';

  it('draws every v1 step and every dependency', () => {
    expect(mermaid).not.toBe('');
    for (const s of START_BUSINESS_V1.steps) {
      expect(mermaid).toMatch(new RegExp(`\\b${s.id}\\b`));
      for (const dep of s.dependsOn)
        expect(mermaid).toMatch(new RegExp(`\\b${dep}\\s*-->(\\|[^|]*\\|)?\\s*${s.id}\\b`));
    }
  });
});
