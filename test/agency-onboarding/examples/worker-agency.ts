import { IsDateString, IsIn, IsString, Matches, MinLength } from 'class-validator';
import {
  connectToPassage,
  defineServiceStep,
  deliverDecision,
  runAgencyWorker,
  type StepRef,
} from '@passage/agency-sdk';

// Your own systems, not part of the SDK.
declare function lookUpZone(address: string, signal: AbortSignal): Promise<'A' | 'B' | 'C' | undefined>;
declare const permitOffice: {
  /** Files an application once per key; for a key it knows, returns the application filed before. */
  file(key: string, application: { ref: StepRef; plate: string; zone: string }): Promise<{ reference: string }>;
  onGranted(listener: (ref: StepRef, permitNumber: string, validUntil: string) => void): void;
};

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

/** Answers at once: the parking zone of an address. */
const residentCheck = defineServiceStep({
  agency: 'stad-mechelen',
  service: 'resident-check',
  input: AddressInput,
  output: ZoneOutput,
  examples: [{ input: { 'person.address': 'Grote Markt 21, 2800 Mechelen' }, outputs: { 'parking.zone': 'B' } }],
  async handle(input, ctx) {
    const zone = await lookUpZone(input['person.address'], ctx.signal);
    if (!zone) return ctx.rejected('Dit adres ligt niet in Mechelen.');
    return ctx.completed({ 'parking.zone': zone });
  },
});

/** Answers later: the application is filed, the permit office decides. */
const parkingPermit = defineServiceStep({
  agency: 'stad-mechelen',
  service: 'resident-parking-permit',
  input: PermitInput,
  output: PermitOutput,
  examples: [{ input: { 'vehicle.licensePlate': '1-ABC-123', 'parking.zone': 'B' } }],
  async handle(input, ctx) {
    const { reference } = await permitOffice.file(ctx.idempotencyKey, {
      ref: ctx.ref,
      plate: input['vehicle.licensePlate'],
      zone: input['parking.zone'],
    });
    return ctx.accepted(reference);
  },
});

async function main(): Promise<void> {
  const payloadKeys = required('PASSAGE_PAYLOAD_KEYS');
  const passage = await connectToPassage({
    address: required('TEMPORAL_ADDRESS'),
    namespace: required('TEMPORAL_NAMESPACE'),
    payloadKeys,
  });
  const worker = await runAgencyWorker({
    agency: 'stad-mechelen',
    steps: [residentCheck, parkingPermit],
    connection: passage.connection,
    namespace: passage.namespace,
    payloadKeys,
    maxConcurrent: 20,
  });
  permitOffice.onGranted((ref, permitNumber, validUntil) => {
    deliverDecision(passage.client, ref, {
      outcome: 'approved',
      outputs: { 'parking.permitNumber': permitNumber, 'parking.validUntil': validUntil },
    }).catch((error: unknown) =>
      console.error('decision not delivered, try again:', error instanceof Error ? error.message : error),
    );
  });
  process.once('SIGTERM', () => void worker.shutdown());
  await worker.run();
  await passage.close();
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
