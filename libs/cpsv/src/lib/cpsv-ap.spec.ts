import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsonld, { type Options } from 'jsonld';
import type { RemoteDocument } from 'jsonld/jsonld-spec';
import { DataFactory, Parser, Store, type Quad_Object } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { AGENCIES, CATALOGUE } from '@passage/life-events';
import {
  LANGUAGES,
  defineLifeEvent,
  step,
  type AgencyDescriptor,
  type LifeEventDefinition,
} from '@passage/journey-model';
import { defineProcessOwner, type ProcessOwnerModule } from '@passage/process-owner';
import { CPSV_AP_CONTEXT_URL, CpsvExportError, toCpsvAp, type JsonLdDocument, type JsonLdNode } from '../index';

const STANDARD = join(__dirname, '..', '..', 'standards', 'cpsv-ap-3.2.0');
const OFFICIAL_CONTEXT: unknown = JSON.parse(readFileSync(join(STANDARD, 'cpsv-ap.jsonld'), 'utf8'));
const SHAPES = new Store(new Parser().parse(readFileSync(join(STANDARD, 'cpsv-ap-SHACL.ttl'), 'utf8')));

const { namedNode, literal } = DataFactory;
const ns = (base: string) => (local: string) => namedNode(base + local);
const rdf = ns('http://www.w3.org/1999/02/22-rdf-syntax-ns#');
const cpsv = ns('http://purl.org/vocab/cpsv#');
const cv = ns('http://data.europa.eu/m8g/');
const dct = ns('http://purl.org/dc/terms/');
const org = ns('http://www.w3.org/ns/org#');
const skos = ns('http://www.w3.org/2004/02/skos/core#');
const xsd = ns('http://www.w3.org/2001/XMLSchema#');
const SH = 'http://www.w3.org/ns/shacl#';

/** Serves the official context from the local copy: validation never touches the network. */
async function documentLoader(url: string): Promise<RemoteDocument> {
  if (url !== CPSV_AP_CONTEXT_URL) throw new Error(`the tests load nothing from the network (${url})`);
  return { contextUrl: undefined, documentUrl: url, document: OFFICIAL_CONTEXT as RemoteDocument['document'] };
}

/** The export as RDF. Safe mode fails on whatever JSON-LD would silently drop: an undefined term, a bad IRI. */
async function toDataset(document: JsonLdDocument): Promise<Store> {
  const options: Options.ToRdf & { safe: boolean } = { format: 'application/n-quads', documentLoader, safe: true };
  const nquads = await jsonld.toRDF(document as unknown as jsonld.JsonLdDocument, options);
  return new Store(new Parser({ format: 'N-Quads' }).parse(nquads as string));
}

/** SHACL validation against the official shapes; each violation as `<focus node> <path> [constraint]: message`. */
async function validate(document: JsonLdDocument): Promise<{ conforms: boolean; violations: string[] }> {
  const report = await new SHACLValidator(SHAPES).validate(await toDataset(document));
  const violations = report.results.map((result) => {
    const constraint = result.sourceConstraintComponent.value.replace(SH, 'sh:');
    const message = result.message.map((m) => m.value).join('; ');
    return `${result.focusNode.value} ${result.path?.value ?? '(no path)'} [${constraint}]: ${message}`;
  });
  return { conforms: report.conforms, violations };
}

function single(store: Store, subject: string, predicate: ReturnType<typeof cv>): Quad_Object {
  const objects = store.getObjects(namedNode(subject), predicate, null);
  expect(objects).toHaveLength(1);
  return objects[0];
}

/** Every subject's titles, descriptions and labels come in exactly nl, en and fr. */
function languageGaps(store: Store): string[] {
  const gaps: string[] = [];
  for (const predicate of [dct('title'), dct('description'), skos('prefLabel')]) {
    for (const subject of store.getSubjects(predicate, null, null)) {
      const languages = store
        .getObjects(subject, predicate, null)
        .map((o) => (o.termType === 'Literal' ? o.language : ''));
      if ([...languages].sort().join(',') !== [...LANGUAGES].sort().join(',')) {
        gaps.push(`${subject.value} ${predicate.value}: ${languages.join(',')}`);
      }
    }
  }
  return gaps;
}

describe.each(
  CATALOGUE.flatMap((entry) =>
    entry.versions.map((definition) => [`${definition.id} v${definition.version}`, definition, entry.owner] as const),
  ),
)('the CPSV-AP export of %s', (_name, definition, owner) => {
  const base = `https://data.passage.example/life-event/${definition.id}/${definition.version}`;
  let document: JsonLdDocument;
  let store: Store;

  // Exported here, not while collecting: a life event that cannot be exported fails its own tests only.
  beforeAll(async () => {
    document = toCpsvAp(definition, { agencies: AGENCIES, owner });
    store = await toDataset(document);
  });

  it('conforms to the official CPSV-AP 3.2.0 SHACL shapes', async () => {
    const { conforms, violations } = await validate(document);
    expect(violations).toEqual([]);
    expect(conforms).toBe(true);
  });

  it(`is a ${definition.kind === 'business' ? 'business' : 'life'} event grouping one public service per step`, () => {
    const eventClass = definition.kind === 'business' ? cv('BusinessEvent') : cv('LifeEvent');
    expect(store.getSubjects(rdf('type'), eventClass, null).map((s) => s.value)).toEqual([base]);
    const services = store.getSubjects(rdf('type'), cpsv('PublicService'), null).map((s) => s.value);
    expect(services.sort()).toEqual(definition.steps.map((s) => `${base}/service/${s.id}`).sort());
    for (const service of services) expect(single(store, service, cv('isGroupedBy')).value).toBe(base);
    expect(store.getObjects(namedNode(base), cv('hasRelatedService'), null)).toHaveLength(definition.steps.length);
  });

  it('names every agency of its steps, and the lead agency, as an organisation', () => {
    const organisations = new Set(store.getSubjects(rdf('type'), org('Organization'), null).map((s) => s.value));
    const used = new Set([...definition.steps.map((s) => s.agency), owner.leadAgency]);
    for (const id of used) expect(organisations).toContain(`https://data.passage.example/organisation/${id}`);
    for (const s of definition.steps) {
      const agency = AGENCIES.find((a) => a.id === s.agency);
      const authority = agency?.level === 'private' ? owner.leadAgency : s.agency;
      expect(single(store, `${base}/service/${s.id}`, cv('hasCompetentAuthority')).value).toBe(
        `https://data.passage.example/organisation/${authority}`,
      );
    }
  });

  it('gives every name, description and label in nl, en and fr', () => {
    expect(languageGaps(store)).toEqual([]);
  });
});

const REGISTRY: readonly AgencyDescriptor[] = [
  {
    id: 'gemeente',
    name: { nl: 'Gemeente', en: 'Municipality', fr: 'Commune' },
    level: 'local',
    services: [{ id: 'permit', title: { nl: 'Vergunning', en: 'Permit', fr: 'Permis' }, ipdcId: '14337' }],
  },
  {
    id: 'agentschap',
    name: { nl: 'Agentschap', en: 'Agency', fr: 'Agence' },
    level: 'flemish',
    website: 'https://agentschap.example',
    services: [{ id: 'grant', title: { nl: 'Premie', en: 'Grant', fr: 'Prime' } }],
  },
  {
    id: 'bank',
    name: { nl: 'Bank', en: 'Bank', fr: 'Banque' },
    level: 'private',
    services: [{ id: 'account', title: { nl: 'Rekening', en: 'Account', fr: 'Compte' } }],
  },
];

const OWNER: ProcessOwnerModule = defineProcessOwner({
  id: 'agentschap',
  name: { nl: 'Het Agentschap', en: 'The Agency', fr: "L'Agence" },
  minister: 'Minister van Voorbeelden',
  leadAgency: 'agentschap',
  contact: { email: 'info@agentschap.example' },
  lifeEvents: {},
});

const t = (en: string) => ({ nl: `${en} (nl)`, en, fr: `${en} (fr)` });

/** A small life event with one step of each shape the mapping distinguishes. */
const FIXTURE: LifeEventDefinition = defineLifeEvent({
  id: 'renovate',
  version: 3,
  kind: 'life',
  owner: 'agentschap',
  title: t('I renovate'),
  summary: t('Everything for a renovation'),
  dataItems: {
    'works.date': { type: 'date', label: t('When do the works start?') },
    'person.iban': { type: 'string', label: t('Your bank account'), authenticSource: 'bank' },
    'permit.number': { type: 'string', label: t('Permit number') },
    'grant.decision': { type: 'boolean', label: t('Grant decided') },
  },
  intake: ['works.date'],
  steps: [
    step('account', {
      agency: 'bank',
      service: 'account',
      mode: 'citizen',
      title: t('Open an account'),
      produces: ['person.iban'],
      // A deadline for the applicant: no processing time, the expected duration instead.
      term: { days: 0, unit: 'calendar', kind: 'citizen-deadline', from: 'date:works.date', onExpiry: 'remind' },
      expectedDays: 3,
      channels: ['online', 'counter'],
    }),
    step('permit', {
      agency: 'gemeente',
      service: 'permit',
      mode: 'manual',
      title: t('Get the permit'),
      description: t('The municipality decides on your permit'),
      produces: ['permit.number'],
      term: {
        days: 105,
        unit: 'calendar',
        kind: 'authority-decision',
        from: 'dispatch',
        onExpiry: 'tacit-refusal',
        source: 'https://decree.example/art-31',
      },
      channels: ['online', 'counter'],
      cost: { counter: 35.5 },
    }),
    step('grant', {
      agency: 'agentschap',
      service: 'grant',
      mode: 'manual',
      title: t('Apply for the grant'),
      needs: ['person.iban', 'permit.number'],
      produces: ['grant.decision'],
      dependsOn: ['account', 'permit'],
      term: {
        days: 30,
        unit: 'working',
        kind: 'authority-decision',
        from: 'completed:permit',
        onExpiry: 'tacit-approval',
      },
      channels: ['online'],
      cost: { online: 0 },
    }),
  ],
});

describe('toCpsvAp', () => {
  const document = toCpsvAp(FIXTURE, { agencies: REGISTRY, owner: OWNER });
  const event = 'https://data.passage.example/life-event/renovate/3';
  const service = (id: string) => `${event}/service/${id}`;
  let store: Store;

  beforeAll(async () => {
    store = await toDataset(document);
  });

  it('conforms, so that the broken variants below fail for their own fault only', async () => {
    expect((await validate(document)).violations).toEqual([]);
  });

  it('references the official context and mints stable IRIs under the base URI', () => {
    expect(document['@context'][0]).toBe(CPSV_AP_CONTEXT_URL);
    expect(toCpsvAp(FIXTURE, { agencies: REGISTRY, owner: OWNER })).toEqual(document);
    const elsewhere = toCpsvAp(FIXTURE, { agencies: REGISTRY, owner: OWNER, baseUri: 'https://services.example/' });
    const ids = elsewhere['@graph'].map((node) => String(node['@id']));
    expect(ids).toContain('https://services.example/life-event/renovate/3/service/permit');
    expect(ids.filter((id) => id.includes('passage.example'))).toEqual([]);
    // Identifiers are paths below the base, so they do not change with it.
    expect(
      elsewhere['@graph'].find((n) => n['@id'] === 'https://services.example/organisation/gemeente'),
    ).toMatchObject({
      'Agent.identifier': 'organisation/gemeente',
    });
  });

  it('states a decision term as the processing time, in days, and the exact term as the rule the service follows', () => {
    expect(single(store, service('permit'), cv('processingTime'))).toEqual(literal('P105D', xsd('duration')));
    expect(single(store, service('grant'), cv('processingTime'))).toEqual(literal('P30D', xsd('duration')));
    const rule = single(store, service('grant'), cpsv('follows')).value;
    expect(store.getObjects(namedNode(rule), dct('description'), null).map((o) => o.value)).toContain(
      'Decision term binding the administration: 30 working days after the completion of the step "Get the permit". ' +
        'Without a decision within the term, the request is deemed approved (tacit approval). ' +
        'Working days do not count Saturdays, Sundays and public holidays.',
    );
    const permitRule = single(store, service('permit'), cpsv('follows')).value;
    expect(single(store, permitRule, dct('source')).value).toBe('https://decree.example/art-31');
  });

  it("does not take an applicant's deadline for a processing time", () => {
    expect(single(store, service('account'), cv('processingTime'))).toEqual(literal('P3D', xsd('duration')));
    const rule = single(store, service('account'), cpsv('follows')).value;
    expect(store.getObjects(namedNode(rule), dct('description'), null).map((o) => o.value)).toContain(
      'Deadline for the applicant: no later than the date given for "When do the works start?". When the term expires, a reminder is sent.',
    );
  });

  it('gives a private provider a participation and the lead agency as competent authority', () => {
    expect(single(store, service('account'), cv('hasCompetentAuthority')).value).toBe(
      'https://data.passage.example/organisation/agentschap',
    );
    const bank = namedNode('https://data.passage.example/organisation/bank');
    expect(store.has(DataFactory.quad(bank, rdf('type'), cv('PublicOrganisation')))).toBe(false);
    const participants = store
      .getObjects(namedNode(service('account')), cv('hasParticipation'), null)
      .flatMap((p) => store.getObjects(p, cv('hasParticipant'), null).map((o) => o.value));
    expect(participants.sort()).toEqual(['https://data.passage.example/organisation/agentschap', bank.value]);
  });

  it('maps inputs, outputs, dependencies, channels, costs and the IPDC product number', () => {
    const grant = namedNode(service('grant'));
    expect(
      store
        .getObjects(grant, cpsv('hasInput'), null)
        .map((o) => o.value)
        .sort(),
    ).toEqual([`${event}/evidence/permit.number`, `${event}/evidence/person.iban`]);
    expect(
      store
        .getObjects(grant, dct('requires'), null)
        .map((o) => o.value)
        .sort(),
    ).toEqual([service('account'), service('permit')]);
    expect(single(store, service('account'), cpsv('produces')).value).toBe(`${event}/output/person.iban`);
    expect(store.getObjects(namedNode(service('permit')), cv('hasChannel'), null)).toHaveLength(2);
    const fee = single(store, service('permit'), cv('hasCost')).value;
    expect(single(store, fee, cv('hasValue'))).toEqual(literal('3.55E1', xsd('double')));
    expect(single(store, fee, cv('currency')).value).toBe(
      'http://publications.europa.eu/resource/authority/currency/EUR',
    );
    expect(single(store, fee, cv('ifAccessedThrough')).value).toBe(`${service('permit')}/channel/counter`);
    const free = single(store, service('grant'), cv('hasCost')).value;
    expect(single(store, free, cv('hasValue'))).toEqual(literal('0.0E0', xsd('double')));
    const ipdc = single(store, service('permit'), namedNode('http://www.w3.org/ns/adms#identifier')).value;
    expect(single(store, ipdc, skos('notation')).value).toBe('14337');
  });

  it('refuses an agency or owner the registry does not know, and a base that is no http(s) URI', () => {
    expect(() =>
      toCpsvAp(
        { ...FIXTURE, steps: [{ ...FIXTURE.steps[0], agency: 'nobody' }] },
        { agencies: REGISTRY, owner: OWNER },
      ),
    ).toThrow(CpsvExportError);
    expect(() => toCpsvAp(FIXTURE, { agencies: REGISTRY, owner: { ...OWNER, id: 'someone-else' } })).toThrow(
      CpsvExportError,
    );
    expect(() => toCpsvAp(FIXTURE, { agencies: REGISTRY, owner: OWNER, baseUri: 'data.example?x' })).toThrow(
      CpsvExportError,
    );
  });

  describe('negative controls: a broken export does not conform', () => {
    /** The export with one node changed. */
    function broken(iri: string, change: (node: JsonLdNode) => JsonLdNode): JsonLdDocument {
      expect(document['@graph'].some((node) => node['@id'] === iri)).toBe(true);
      return { ...document, '@graph': document['@graph'].map((node) => (node['@id'] === iri ? change(node) : node)) };
    }
    const without =
      (...terms: string[]) =>
      (node: JsonLdNode): JsonLdNode =>
        Object.fromEntries(Object.entries(node).filter(([term]) => !terms.includes(term)));

    it.each([
      [
        'a service without competent authority',
        broken(service('permit'), without('PublicService.hasCompetentAuthority')),
        `${service('permit')} http://data.europa.eu/m8g/hasCompetentAuthority [sh:MinCountConstraintComponent]`,
      ],
      [
        'a service without name',
        broken(service('grant'), without('PublicService.name')),
        `${service('grant')} http://purl.org/dc/terms/title [sh:MinCountConstraintComponent]`,
      ],
      [
        'a public organisation without the area it serves',
        broken('https://data.passage.example/organisation/gemeente', without('PublicOrganization.spatial')),
        'https://data.passage.example/organisation/gemeente http://purl.org/dc/terms/spatial [sh:MinCountConstraintComponent]',
      ],
      [
        'a processing time that is no xsd:duration',
        broken(service('permit'), (node) => ({ ...node, 'PublicService.processingTime': '105 days' })),
        `${service('permit')} http://data.europa.eu/m8g/processingTime [sh:DatatypeConstraintComponent]`,
      ],
      [
        'a cost in a currency that is no concept',
        broken(`${service('permit')}/cost/counter`, (node) => ({
          ...node,
          'Cost.currency': { '@id': 'https://euro.example' },
        })),
        `${service('permit')}/cost/counter http://data.europa.eu/m8g/currency [sh:ClassConstraintComponent]`,
      ],
    ])('%s', async (_name, document, expected) => {
      const { conforms, violations } = await validate(document);
      expect(conforms).toBe(false);
      expect(violations.map((v) => v.slice(0, v.indexOf(']:') + 1))).toEqual([expected]);
    });
  });
});
