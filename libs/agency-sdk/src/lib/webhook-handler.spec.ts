import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IsString } from 'class-validator';
import type { ServiceRequest } from '@passage/contracts';
import { defineServiceStep } from './service-step';
import { createWebhookHandler } from './webhook-handler';
import { signWebhook } from './webhook-signature';

const SECRET = 'stad-mechelen-webhook-secret-0123456789';

class PlateInput {
  @IsString() 'vehicle.licensePlate'!: string;
}

class PermitOutput {
  @IsString() 'parking.permitNumber'!: string;
}

const callbacks: (string | undefined)[] = [];
const errors: string[] = [];

const permit = defineServiceStep({
  agency: 'stad-mechelen',
  service: 'resident-parking-permit',
  input: PlateInput,
  output: PermitOutput,
  handle(input, ctx) {
    callbacks.push(ctx.callbackUrl);
    switch (input['vehicle.licensePlate']) {
      case 'REJECT':
        return ctx.rejected('not a resident');
      case 'LATER':
        return ctx.accepted('CASE-9');
      case 'BAD-OUTPUT':
        return ctx.completed({ 'parking.permitNumber': 12 as unknown as string });
      case 'OFFLINE':
        return ctx.retryLater('the permit register is offline', 120);
      case 'CRASH':
        throw new TypeError('cannot read properties of undefined');
      default:
        return ctx.completed({ 'parking.permitNumber': `P-${input['vehicle.licensePlate']}` });
    }
  },
});

function request(plate: unknown, overrides: Partial<ServiceRequest> & { callbackUrl?: string } = {}) {
  return {
    journeyId: 'journey-parking-permit-1',
    stepId: 'parking-permit',
    lifeEvent: { id: 'parking-permit', version: 1 },
    agency: 'stad-mechelen',
    service: 'resident-parking-permit',
    kind: 'perform',
    idempotencyKey: 'journey-parking-permit-1:parking-permit:1',
    items: { 'vehicle.licensePlate': plate },
    language: 'en',
    proactive: false,
    ...overrides,
  };
}

async function listen(
  listener: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ server: Server; url: string }> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/passage` };
}

describe('createWebhookHandler on a real HTTP server', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    ({ server, url } = await listen(
      createWebhookHandler({
        secret: SECRET,
        steps: [permit],
        maxBodyBytes: 4096,
        onError: (error) => errors.push(String(error)),
      }),
    ));
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function post(body: string, headers: Record<string, string> = signWebhook(SECRET, body)) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown>,
      headers: response.headers,
    };
  }

  const send = (plate: unknown, overrides?: Parameters<typeof request>[1]) =>
    post(JSON.stringify(request(plate, overrides)));

  it('answers 200 with the outputs, 422 with the reason, 202 with the reference', async () => {
    expect(await send('1-ABC-123')).toMatchObject({
      status: 200,
      body: { outputs: { 'parking.permitNumber': 'P-1-ABC-123' } },
    });
    expect(await send('REJECT')).toMatchObject({ status: 422, body: { reason: 'not a resident' } });
    expect(await send('LATER', { callbackUrl: 'https://passage.example/api/agency/callbacks/tok-1' })).toMatchObject({
      status: 202,
      body: { reference: 'CASE-9' },
    });
    expect(callbacks.at(-1)).toBe('https://passage.example/api/agency/callbacks/tok-1');
  });

  it('answers 422 to an incomplete application', async () => {
    expect(await post(JSON.stringify({ ...request('x'), items: {} }))).toMatchObject({
      status: 422,
      body: { reason: expect.stringContaining('vehicle.licensePlate') },
    });
  });

  it('answers 401 to a missing, wrong or replayed signature', async () => {
    const body = JSON.stringify(request('1-ABC-123'));
    expect(await post(body, {})).toMatchObject({
      status: 401,
      body: { error: 'InvalidSignature', message: 'missing-headers' },
    });
    expect(await post(body, signWebhook('another-secret-0123456789abcdef', body))).toMatchObject({
      status: 401,
      body: { message: 'bad-signature' },
    });
    const headers = signWebhook(SECRET, body);
    expect((await post(body, headers)).status).toBe(200);
    expect(await post(body, headers)).toMatchObject({ status: 401, body: { message: 'replayed-nonce' } });
  });

  it('answers 400 to malformed requests: not JSON, wrong types, unknown service', async () => {
    expect(await post('{"journeyId": ')).toMatchObject({ status: 400, body: { error: 'InvalidServiceRequest' } });
    expect(await send(42)).toMatchObject({
      status: 400,
      body: { error: 'InvalidServiceRequest', message: expect.stringContaining('vehicle.licensePlate') },
    });
    expect(await send({ plate: 'x' })).toMatchObject({ status: 400, body: { error: 'InvalidServiceRequest' } });
    expect(await send('1-ABC-123', { service: 'dog-licence' })).toMatchObject({
      status: 400,
      body: { error: 'UnknownService' },
    });
  });

  it('answers 500 not retryable to invalid outputs, 503 retryable to failures', async () => {
    expect(await send('BAD-OUTPUT')).toMatchObject({
      status: 500,
      body: {
        error: 'InvalidServiceOutput',
        retryable: false,
        message: expect.stringContaining('parking.permitNumber'),
      },
    });
    const offline = await send('OFFLINE');
    expect(offline).toMatchObject({
      status: 503,
      body: { error: 'ServiceUnavailable', retryable: true, message: 'the permit register is offline' },
    });
    expect(offline.headers.get('retry-after')).toBe('120');
    expect(await send('CRASH')).toMatchObject({ status: 503, body: { error: 'ServiceUnavailable', retryable: true } });
    expect(errors).toEqual(['TypeError: cannot read properties of undefined']);
  });

  it('takes its time for the slow probe', async () => {
    const started = Date.now();
    expect((await send('1-ABC-123', { conformance: { probe: 'slow', delayMs: 200 } })).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(195);
  });

  it('refuses other methods and bodies over the limit', async () => {
    expect((await fetch(url)).status).toBe(405);
    expect((await post(JSON.stringify(request('x'.repeat(5000))))).status).toBe(413);
  });

  it('verifies a body an express.raw()-style parser read before it', async () => {
    const handler = createWebhookHandler({ secret: SECRET, steps: [permit] });
    const raw = await listen((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => handler(Object.assign(req, { body: Buffer.concat(chunks) }), res));
    });
    try {
      const body = JSON.stringify(request('1-ABC-123'));
      const response = await fetch(raw.url, { method: 'POST', headers: signWebhook(SECRET, body), body });
      expect(response.status).toBe(200);
    } finally {
      await new Promise((resolve) => raw.server.close(resolve));
    }
  });
});
