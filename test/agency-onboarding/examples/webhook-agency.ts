import { createServer } from 'node:http';
import { IsDateString, IsIn, IsString, Matches } from 'class-validator';
import { createWebhookHandler, defineServiceStep, sendWebhookCallback } from '@passage/agency-sdk';

// Your own case system, not part of the SDK: files an application once per key and remembers the callback URL.
declare const permitOffice: {
  file(key: string, application: { plate: string; zone: string; callbackUrl?: string }): Promise<{ reference: string }>;
  onGranted(listener: (callbackUrl: string, permitNumber: string, validUntil: string) => void): void;
};

class PermitInput {
  @Matches(/^\d-[A-Z]{3}-\d{3}$/) 'vehicle.licensePlate'!: string;
  @IsIn(['A', 'B', 'C']) 'parking.zone'!: string;
}

class PermitOutput {
  @IsString() 'parking.permitNumber'!: string;
  @IsDateString({ strict: true }) 'parking.validUntil'!: string;
}

const parkingPermit = defineServiceStep({
  agency: 'stad-mechelen',
  service: 'resident-parking-permit',
  input: PermitInput,
  output: PermitOutput,
  async handle(input, ctx) {
    const { reference } = await permitOffice.file(ctx.idempotencyKey, {
      plate: input['vehicle.licensePlate'],
      zone: input['parking.zone'],
      callbackUrl: ctx.callbackUrl,
    });
    return ctx.accepted(reference);
  },
});

const secret = process.env['PASSAGE_WEBHOOK_SECRET'] ?? '';
if (secret.length < 32) throw new Error('PASSAGE_WEBHOOK_SECRET must be the secret Passage gave you');

// Serve it on its own path behind your TLS proxy; in Express: app.post('/passage', handler), with no JSON body parser in front.
createServer(createWebhookHandler({ secret, steps: [parkingPermit] })).listen(8080);

// When the office has decided, answer on the request's callback URL, signed with the same secret.
permitOffice.onGranted((callbackUrl, permitNumber, validUntil) => {
  sendWebhookCallback(callbackUrl, secret, {
    outcome: 'approved',
    outputs: { 'parking.permitNumber': permitNumber, 'parking.validUntil': validUntil },
  }).catch((error: unknown) =>
    console.error('callback not delivered, try again:', error instanceof Error ? error.message : error),
  );
});
