import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { servicesOfAgency, verifyAgency, formatReport } from '@passage/agency-sdk';
import { validateLifeEvent } from '@passage/journey-model';
import { AGENCIES } from '@passage/life-events';
import { journeyResult, queryJourney, startJourney } from '@passage/temporal';
import { startJourneyTestBed, type JourneyTestBed } from '@passage/journey-workflow/testing';
import { snapshotOf, TEST_PAYLOAD_KEY_SPEC, TEST_PAYLOAD_KEYS, waitFor } from '@passage/testing';
import { PARKING_OWNER, PARKING_PERMIT_V1, STAD_MECHELEN } from './parking-permit.life-event';
import { startStadMechelen } from './stad-mechelen.agency';

/**
 * The onboarding of a new agency: a municipality writes its agency only against @passage/agency-sdk and its README,
 * plugs a new service step into a new life event, and a journey completes through it on a real journey worker.
 */
describe('a new agency plugs into a new life event', () => {
  let bed: JourneyTestBed;
  let agency: Awaited<ReturnType<typeof startStadMechelen>>;

  beforeAll(async () => {
    bed = await startJourneyTestBed();
    // As the agency runs in production: Passage's address, namespace and payload keys from its configuration.
    agency = await startStadMechelen({
      address: bed.temporal.address,
      namespace: bed.temporal.namespace,
      payloadKeys: TEST_PAYLOAD_KEY_SPEC,
    });
  });

  afterAll(async () => {
    await agency?.stop();
    await bed?.stop();
  });

  it('writes the agency against the SDK only', () => {
    const source = readFileSync(join(__dirname, 'stad-mechelen.agency.ts'), 'utf8');
    const imported = [...source.matchAll(/^import [^;]+ from '([^']+)';$/gm)].map((m) => m[1]);
    expect(imported.sort()).toEqual(['@passage/agency-sdk', 'class-validator']);
  });

  it('follows the README: its examples are the compiled files in examples/, word for word', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'libs', 'agency-sdk', 'README.md'), 'utf8');
    const examples = readdirSync(join(__dirname, 'examples'));
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const file of examples)
      expect({ file, inReadme: readme.includes(readFileSync(join(__dirname, 'examples', file), 'utf8')) }).toEqual({
        file,
        inReadme: true,
      });
  });

  it('defines a valid life event with the new agency and its services', () => {
    expect(
      validateLifeEvent(PARKING_PERMIT_V1, {
        agencies: [...AGENCIES, STAD_MECHELEN],
        owners: [PARKING_OWNER],
        published: [],
      }),
    ).toEqual([]);
  });

  it('passes the conformance kit before it goes live', async () => {
    const samples = Object.fromEntries(agency.steps.map((step) => [step.service, step.examples[0]?.input]));
    const services = servicesOfAgency([PARKING_PERMIT_V1], 'stad-mechelen').map((service) => ({
      ...service,
      sample: samples[service.service],
    }));
    const report = await verifyAgency({
      connection: bed.temporal.nativeConnection,
      namespace: bed.temporal.namespace,
      payloadKeys: TEST_PAYLOAD_KEYS,
      agency: 'stad-mechelen',
      services,
    });
    expect(formatReport(report)).toContain('stad-mechelen: PASSED (11 of 11 checks passed');
    expect(agency.waiting()).toEqual([]);
  });

  it('completes a journey through the new agency, which sees only the items its steps declare', async () => {
    const handle = await startJourney(bed.temporal.client, {
      snapshot: snapshotOf(PARKING_PERMIT_V1),
      subject: 'subject-resident-1',
      language: 'nl',
      channel: 'online',
      startedBy: { id: 'subject-resident-1', role: 'citizen' },
      data: {
        'person.name': 'Ada Peeters',
        'person.address': 'Bruul 12, 2800 Mechelen',
        'vehicle.licensePlate': '1-XYZ-987',
      },
      provenance: {
        'person.name': { kind: 'intake' },
        'person.address': { kind: 'intake' },
        'vehicle.licensePlate': { kind: 'intake' },
      },
    });

    // The permit step answered `accepted`: the application waits at the permit office.
    const application = await waitFor('the application reaches the permit office', () => agency.waiting()[0]);
    expect(application.ref).toMatchObject({
      journeyId: handle.workflowId,
      stepId: 'parking-permit',
      agency: 'stad-mechelen',
    });

    // A double click at the office: the same decision twice is applied once.
    const receipts = await Promise.all([agency.grant(application), agency.grant(application)]);
    expect(receipts.filter((r) => r.result === 'applied')).not.toHaveLength(0);
    expect(receipts.every((r) => ['applied', 'duplicate'].includes(r.result) && r.seq === receipts[0]?.seq)).toBe(true);

    const result = await journeyResult(handle);
    expect(result).toMatchObject({
      status: 'completed',
      steps: [
        { id: 'resident-check', status: 'completed' },
        { id: 'parking-permit', status: 'completed' },
      ],
    });
    const state = await queryJourney(handle);
    expect(state.provenance['parking.permitNumber']).toEqual({
      kind: 'step',
      stepId: 'parking-permit',
      agency: 'stad-mechelen',
    });

    const seen = agency.accessLog
      .filter((entry) => entry.journeyId === handle.workflowId)
      .map(({ service, items }) => [service, [...items].sort()]);
    expect(seen).toEqual([
      ['resident-check', ['person.address']],
      ['resident-parking-permit', ['parking.zone', 'vehicle.licensePlate']],
    ]);
  });
});
