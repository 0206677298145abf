/*
 * The City of Mechelen's agency, written as a new agency developer would: against @passage/agency-sdk and its README
 * only (plus class-validator for the item classes). It serves two services on its own Temporal worker:
 * - `resident-check` answers at once with the parking zone of an address;
 * - `resident-parking-permit` files the application and answers `accepted`; the permit office decides later and
 *   the decision reaches the journey with `deliverDecision`.
 */
import { IsDateString, IsIn, IsString, Matches, MinLength } from 'class-validator';
import {
  connectToPassage,
  defineServiceStep,
  deliverDecision,
  runAgencyWorker,
  type MessageReceipt,
  type StepRef,
} from '@passage/agency-sdk';

const ZONES = ['A', 'B', 'C'] as const;

class AddressInput {
  @IsString() @MinLength(5) 'person.address'!: string;
}

class ZoneOutput {
  @IsIn(ZONES) 'parking.zone'!: (typeof ZONES)[number];
}

class PermitInput {
  @Matches(/^\d-[A-Z]{3}-\d{3}$/, { message: 'vehicle.licensePlate must look like 1-ABC-123' })
  'vehicle.licensePlate'!: string;
  @IsIn(ZONES) 'parking.zone'!: (typeof ZONES)[number];
}

class PermitOutput {
  @IsString() 'parking.permitNumber'!: string;
  @IsDateString({ strict: true }) 'parking.validUntil'!: string;
}

/** An application in the permit office's own records, keyed by Passage's idempotency key. */
export interface Application {
  readonly reference: string;
  readonly ref: StepRef;
  readonly plate: string;
  readonly zone: string;
  readonly test: boolean;
}

/** Which items each service saw, per journey: the agency's own access log. */
export interface AccessRecord {
  readonly journeyId: string;
  readonly service: string;
  readonly items: readonly string[];
}

interface Records {
  readonly accessLog: AccessRecord[];
  readonly applications: Map<string, Application>;
}

export interface StadMechelenSettings {
  readonly address: string;
  readonly namespace: string;
  readonly payloadKeys: string;
}

function stadMechelenSteps(records: Records) {
  const residentCheck = defineServiceStep({
    agency: 'stad-mechelen',
    service: 'resident-check',
    input: AddressInput,
    output: ZoneOutput,
    examples: [{ input: { 'person.address': 'Grote Markt 21, 2800 Mechelen' }, outputs: { 'parking.zone': 'B' } }],
    handle(input, ctx) {
      records.accessLog.push({ journeyId: ctx.journeyId, service: ctx.service, items: Object.keys(input) });
      const zone =
        ZONES[[...input['person.address']].reduce((sum, c) => sum + c.charCodeAt(0), 0) % ZONES.length] ?? 'A';
      return ctx.completed({ 'parking.zone': zone });
    },
  });

  const parkingPermit = defineServiceStep({
    agency: 'stad-mechelen',
    service: 'resident-parking-permit',
    input: PermitInput,
    output: PermitOutput,
    examples: [{ input: { 'vehicle.licensePlate': '1-ABC-123', 'parking.zone': 'B' } }],
    handle(input, ctx) {
      records.accessLog.push({ journeyId: ctx.journeyId, service: ctx.service, items: Object.keys(input) });
      // Act once per idempotency key: a redelivery finds the application filed earlier and answers the same.
      let application = records.applications.get(ctx.idempotencyKey);
      if (!application) {
        application = {
          reference: `MEC-${records.applications.size + 1}`,
          ref: ctx.ref,
          plate: input['vehicle.licensePlate'],
          zone: input['parking.zone'],
          test: ctx.conformance,
        };
        records.applications.set(ctx.idempotencyKey, application);
      }
      return ctx.accepted(application.reference);
    },
  });

  return [residentCheck, parkingPermit];
}

/** Runs the agency: its worker on `agency-stad-mechelen`, and the permit office deciding applications. */
export async function startStadMechelen(settings: StadMechelenSettings) {
  const records: Records = { accessLog: [], applications: new Map() };
  const steps = stadMechelenSteps(records);
  const passage = await connectToPassage(settings);
  const worker = await runAgencyWorker({
    agency: 'stad-mechelen',
    steps,
    connection: passage.connection,
    namespace: passage.namespace,
    payloadKeys: settings.payloadKeys,
  });
  return {
    steps,
    accessLog: records.accessLog,
    /** Real applications waiting for the office (conformance traffic is answered, never filed for a decision). */
    waiting: () => [...records.applications.values()].filter((a) => !a.test),
    /** The office grants a permit valid for a year; sending it twice changes nothing. */
    grant(application: Application): Promise<MessageReceipt> {
      const validUntil = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
      return deliverDecision(passage.client, application.ref, {
        outcome: 'approved',
        outputs: {
          'parking.permitNumber': `${application.zone}-${application.reference}`,
          'parking.validUntil': validUntil,
        },
        decidedBy: 'officer-17',
      });
    },
    async stop() {
      await worker.shutdown();
      await passage.close();
    },
  };
}
