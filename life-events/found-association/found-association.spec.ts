import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import {
  appealStep,
  criticalPathDays,
  dataScopeOf,
  entityBindings,
  intakeContract,
  LANGUAGES,
  scopeKeyOf,
  stepDueAt,
  toMermaid,
  validateLifeEvent,
  type DataItems,
} from '@passage/journey-model';
import { AGENCIES } from '../agencies';
import { activeSteps, stepById } from '../testing/life-event-checks';
import { VOCABULARY } from '../vocabulary';
import { CJM_PROCESS_OWNER } from './owner';
import { FOUND_ASSOCIATION_V1 as v1 } from './v1';

const answers = (overrides: DataItems = {}): DataItems => ({
  'association.form': 'vzw',
  'association.name': 'De Vrolijke Vinken',
  'association.seatAddress': 'Kerkstraat 1, 9000 Gent',
  'association.purpose': 'Samen zingen in de buurt',
  'association.firstActivityDate': '2027-05-15',
  'association.hasVolunteers': true,
  'association.volunteerInsurance': 'insurer',
  'association.playsMusic': true,
  'association.seeksRecognition': true,
  'association.seeksFlemishSupport': false,
  'association.hasOtherSites': false,
  ...overrides,
});

describe('found-association v1', () => {
  it('has the sixteen steps of the research, and is valid against the registry, owners and vocabulary', () => {
    expect(v1.steps).toHaveLength(16);
    expect(
      validateLifeEvent(v1, { agencies: AGENCIES, owners: [CJM_PROCESS_OWNER.id], vocabulary: VOCABULARY }),
    ).toEqual([]);
    // Complete in itself: valid without the vocabulary too.
    expect(validateLifeEvent(v1, { vocabulary: {} })).toEqual([]);
  });

  it('runs the formalities of a vzw only for a vzw', () => {
    const vzw = activeSteps(v1, answers({ 'association.hasOtherSites': true }));
    expect(vzw).toEqual(
      expect.arrayContaining([
        'griffie-filing',
        'enterprise-number',
        'staatsblad-publication',
        'ubo-registration',
        'member-register',
        'establishment-units',
      ]),
    );
    expect(vzw).not.toContain('kiosk-registration');
    const deFacto = activeSteps(
      v1,
      answers({ 'association.form': 'de-facto', 'association.seeksFlemishSupport': true }),
    );
    expect(deFacto).toEqual(expect.arrayContaining(['founding-meeting', 'association-account', 'verenigingsloket']));
    expect(deFacto).toContain('kiosk-registration');
    for (const id of ['griffie-filing', 'enterprise-number', 'ubo-registration', 'member-register'])
      expect(deFacto).not.toContain(id);
  });

  it('insures the volunteers one way or the other, and informs them', () => {
    const free = activeSteps(v1, answers({ 'association.volunteerInsurance': 'free-flemish-insurance' }));
    expect(free).toEqual(expect.arrayContaining(['free-volunteer-insurance', 'volunteer-information-note']));
    expect(free).not.toContain('liability-insurance');
    const none = activeSteps(v1, answers({ 'association.hasVolunteers': false, 'association.playsMusic': false }));
    expect(none).not.toContain('volunteer-information-note');
    expect(none).not.toContain('music-licence');
  });

  it('takes longer for a vzw seeking recognition than for a de facto association without', () => {
    const vzw = criticalPathDays(v1, answers());
    const simple = criticalPathDays(
      v1,
      answers({ 'association.form': 'de-facto', 'association.seeksRecognition': false }),
    );
    expect(simple).toBeLessThan(vzw);
    expect(vzw).toBeGreaterThan(CJM_PROCESS_OWNER.lifeEvents['found-association'].leadTimeTargetDays ?? 0);
  });
});

describe('its data', () => {
  it("is the founder's own for person items, the association's for everything else", () => {
    for (const item of Object.keys(v1.dataItems)) {
      expect({ item, scope: dataScopeOf(v1, item) }).toEqual({
        item,
        scope: item.startsWith('person.') ? 'person' : 'association',
      });
    }
  });

  it('is founded by the KBO number of a vzw or the V-code of any association', () => {
    expect(entityBindings(v1, VOCABULARY)).toEqual([
      {
        scope: 'association',
        identifiedBy: ['association.enterpriseNumber', 'association.vCode'],
        foundedBy: ['enterprise-number', 'verenigingsloket'],
      },
    ]);
  });

  it("stays with the journey until the association has a number, then is the association's", () => {
    expect(scopeKeyOf(v1, 'association.iban', answers())).toEqual({ scope: 'journey' });
    expect(scopeKeyOf(v1, 'association.iban', answers({ 'association.vCode': 'V0012345' }))).toEqual({
      scope: 'association',
      identifier: 'association.vCode',
      number: 'V0012345',
    });
    expect(scopeKeyOf(v1, 'person.name', answers())).toEqual({ scope: 'person' });
  });

  it('labels every choice in Dutch, English and French', () => {
    for (const [item, spec] of Object.entries(v1.dataItems).filter(([, spec]) => spec.type === 'enum')) {
      for (const value of spec.values ?? [])
        for (const language of LANGUAGES)
          expect({ item, value, label: spec.options?.[value]?.[language] }).toEqual({
            item,
            value,
            label: expect.stringMatching(/\S/),
          });
    }
  });
});

describe('its intake contract', () => {
  const ajv = addFormats(new Ajv2020({ allErrors: true, strict: true }));
  const intake = ajv.compile(intakeContract(v1, { language: 'nl' }).intake);

  it('accepts what a founder answers, and refuses a form that is not one of the choices', () => {
    expect(intake(answers())).toBe(true);
    expect(intake(answers({ 'association.form': 'Vzw' }))).toBe(false);
    expect(intake.errors?.map((error) => error.instancePath)).toContain('/association.form');
  });

  it('offers the forms with their labels, not their raw values', () => {
    expect(intakeContract(v1, { language: 'en' }).intake.properties?.['association.form'].oneOf).toEqual([
      { const: 'vzw', title: 'A vzw (non-profit association, a legal person)' },
      { const: 'de-facto', title: 'A de facto association (not a legal person)' },
    ]);
  });
});

describe('its terms that count back from the first activity', () => {
  const facts = (data: DataItems) => ({
    dispatchedAt: '2027-04-01T08:00:00Z',
    journeyStartedAt: '2027-04-01T08:00:00Z',
    completedAt: () => undefined,
    data,
  });

  it('want the music licence at least 5 days before it', () => {
    const term = stepById(v1, 'music-licence').term;
    if (!term) throw new Error('the music licence has a term');
    // First activity on Saturday 15 May 2027: the licence is due on Monday 10 May.
    expect(stepDueAt(term, facts(answers()))).toBe('2027-05-10T21:59:59.999Z');
  });

  it('want the free volunteer insurance at least 3 days before it, moved to the working day before', () => {
    const term = stepById(v1, 'free-volunteer-insurance').term;
    if (!term) throw new Error('the free volunteer insurance has a term');
    // 15 May − 3 = Wednesday 12 May 2027.
    expect(stepDueAt(term, facts(answers()))).toBe('2027-05-12T21:59:59.999Z');
    // Thursday 20 May − 3 = Monday 17 May 2027, Whit Monday: due on Friday 14 May.
    expect(stepDueAt(term, facts(answers({ 'association.firstActivityDate': '2027-05-20' })))).toBe(
      '2027-05-14T21:59:59.999Z',
    );
  });
});

describe('its refusals', () => {
  it('let a refused recognition be contested with the college within 30 days', () => {
    const appeal = appealStep(stepById(v1, 'municipal-recognition'));
    expect(appeal).toMatchObject({
      id: 'municipal-recognition-appeal',
      agency: 'gemeente',
      service: 'association-recognition-objection',
      mode: 'manual',
      produces: ['association.recognitionDecision'],
    });
    expect(stepById(v1, 'municipal-recognition').refusal?.within).toEqual({ days: 30, unit: 'calendar' });
  });

  it('let the griffie filing and the subsidy be resubmitted, and leave every other refusal final', () => {
    const policies = Object.fromEntries(v1.steps.filter((s) => s.refusal).map((s) => [s.id, s.refusal?.allows]));
    expect(policies).toEqual({
      'griffie-filing': 'resubmit',
      'municipal-recognition': 'appeal',
      'operating-subsidy': 'resubmit',
    });
  });
});

describe('its README', () => {
  it('shows the diagram passage diagram --readme generates', () => {
    const readme = readFileSync(join(__dirname, 'README.md'), 'utf8');
    expect(readme).toContain(`\`\`\`mermaid\n${toMermaid(v1, 'en', { nodeIds: 'step-id' })}\`\`\``);
  });
});
