import { IsBoolean, IsDateString, IsNotEmpty, IsOptional, IsString, Matches } from 'class-validator';
import type { ServiceRequest } from '@passage/contracts';
import { ServiceFailure } from './service-failure';
import { routeServices } from './service-router';
import { defineServiceStep } from './service-step';

class PermitInput {
  @IsString() @IsNotEmpty() 'person.address'!: string;
  @Matches(/^[0-9]-[A-Z]{3}-[0-9]{3}$/) 'vehicle.licensePlate'!: string;
  @IsOptional() @IsBoolean() 'vehicle.electric'?: boolean;
}

class PermitOutput {
  @IsString() 'parking.permitNumber'!: string;
  @IsDateString({ strict: true }) 'parking.validUntil'!: string;
}

function request(overrides: Partial<ServiceRequest> = {}): ServiceRequest {
  return {
    journeyId: 'journey-parking-permit-1',
    stepId: 'parking-permit',
    lifeEvent: { id: 'parking-permit', version: 1 },
    agency: 'stad-mechelen',
    service: 'resident-parking-permit',
    kind: 'perform',
    idempotencyKey: 'journey-parking-permit-1:parking-permit:1',
    items: {
      'person.address': 'Grote Markt 21, 2800 Mechelen',
      'vehicle.licensePlate': '1-ABC-123',
      'person.name': 'Ada',
    },
    language: 'en',
    proactive: false,
    ...overrides,
  };
}

const seen: object[] = [];

const permit = defineServiceStep({
  agency: 'stad-mechelen',
  service: 'resident-parking-permit',
  input: PermitInput,
  output: PermitOutput,
  examples: [{ input: { 'person.address': 'Grote Markt 21, 2800 Mechelen', 'vehicle.licensePlate': '1-ABC-123' } }],
  handle(input, ctx) {
    seen.push(input);
    if (input['vehicle.licensePlate'] === '9-REJ-999') return ctx.rejected('no permits for this plate');
    return ctx.completed({
      'parking.permitNumber': `P-${input['vehicle.licensePlate']}`,
      'parking.validUntil': '2026-12-31',
    });
  },
});

/** A step whose handler answers whatever the test puts in `answer`. */
function answering(
  answer: (ctx: Parameters<Parameters<typeof defineServiceStep<PermitInput, PermitOutput>>[0]['handle']>[1]) => unknown,
) {
  return defineServiceStep({
    agency: 'stad-mechelen',
    service: 'resident-parking-permit',
    input: PermitInput,
    output: PermitOutput,
    handle: (_input, ctx) => answer(ctx) as never,
  });
}

async function failureOf(work: Promise<unknown>): Promise<ServiceFailure> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ServiceFailure)) throw new Error(`expected a ServiceFailure, got ${String(error)}`);
  return error;
}

describe('defineServiceStep', () => {
  beforeEach(() => seen.splice(0));

  it('declares the items of its input and output classes', () => {
    expect(permit.needs).toEqual(['person.address', 'vehicle.licensePlate', 'vehicle.electric']);
    expect(permit.produces).toEqual(['parking.permitNumber', 'parking.validUntil']);
  });

  it('hands the handler only the items its input class declares, validated', async () => {
    const outcome = await permit.perform(
      request({ items: { ...request().items, 'vehicle.electric': true, 'tax.debt': 12 } }),
    );
    expect(outcome).toEqual({
      outcome: 'completed',
      outputs: { 'parking.permitNumber': 'P-1-ABC-123', 'parking.validUntil': '2026-12-31' },
    });
    expect(seen).toHaveLength(1);
    expect(Object.keys(seen[0] ?? {}).sort()).toEqual(['person.address', 'vehicle.electric', 'vehicle.licensePlate']);
    expect(seen[0]).toBeInstanceOf(PermitInput);
    expect(Object.isFrozen(seen[0])).toBe(true);
  });

  it('answers a missing or empty required item as an incomplete application, without calling the handler', async () => {
    const missing = await permit.perform(request({ items: { 'vehicle.licensePlate': '1-ABC-123' }, language: 'nl' }));
    expect(missing).toEqual({
      outcome: 'rejected',
      reason: 'Onvolledige aanvraag: deze gegevens ontbreken: person.address',
    });
    const empty = await permit.perform(request({ items: { 'person.address': '  ', 'vehicle.licensePlate': '' } }));
    expect(empty).toEqual({
      outcome: 'rejected',
      reason: 'Incomplete application: these data items are missing: person.address, vehicle.licensePlate',
    });
    expect(seen).toHaveLength(0);
  });

  it('refuses an item of the wrong type, non-retryably, naming the item but not its value', async () => {
    const failure = await failureOf(
      permit.perform(request({ items: { 'person.address': 'Grote Markt 21', 'vehicle.licensePlate': 12345678 } })),
    );
    expect(failure.type).toBe('InvalidServiceRequest');
    expect(failure.retryable).toBe(false);
    expect(failure.message).toContain('vehicle.licensePlate');
    expect(failure.message).not.toContain('12345678');
    expect(seen).toHaveLength(0);
  });

  it('treats wrong types before missing items: a malformed request is not an incomplete application', async () => {
    const failure = await failureOf(permit.perform(request({ items: { 'vehicle.licensePlate': 42 } })));
    expect(failure.type).toBe('InvalidServiceRequest');
  });

  it('passes rejections and acceptances through', async () => {
    expect(
      await permit.perform(request({ items: { 'person.address': 'x', 'vehicle.licensePlate': '9-REJ-999' } })),
    ).toEqual({
      outcome: 'rejected',
      reason: 'no permits for this plate',
    });
    expect(await answering((ctx) => ctx.accepted('CASE-7')).perform(request())).toEqual({
      outcome: 'accepted',
      reference: 'CASE-7',
    });
    expect(await answering((ctx) => ctx.accepted()).perform(request())).toEqual({ outcome: 'accepted' });
  });

  it.each([
    ['a wrong type', { 'parking.permitNumber': 7, 'parking.validUntil': '2026-12-31' }, 'parking.permitNumber'],
    ['a missing item', { 'parking.permitNumber': 'P-1' }, 'parking.validUntil (missing)'],
    [
      'an undeclared item',
      { 'parking.permitNumber': 'P-1', 'parking.validUntil': '2026-12-31', 'parking.zone': 'A' },
      'undeclared output items parking.zone',
    ],
    [
      'a non-scalar value',
      { 'parking.permitNumber': 'P-1', 'parking.validUntil': new Date() },
      'outputs parking.validUntil must be strings',
    ],
  ])('fails non-retryably on outputs with %s, naming the item', async (_case, outputs, expected) => {
    const failure = await failureOf(answering((ctx) => ctx.completed(outputs as never)).perform(request()));
    expect(failure.type).toBe('InvalidServiceOutput');
    expect(failure.retryable).toBe(false);
    expect(failure.message).toContain(expected);
  });

  it('fails on a rejection without a reason and on an answer that is no outcome', async () => {
    expect((await failureOf(answering((ctx) => ctx.rejected(' ')).perform(request()))).type).toBe(
      'InvalidServiceOutput',
    );
    expect((await failureOf(answering(() => ({ ok: true })).perform(request()))).type).toBe('InvalidServiceOutput');
  });

  it('refuses a reason or an output that holds control characters or broken Unicode, naming it', async () => {
    const poisonedReason = await failureOf(answering((ctx) => ctx.rejected('nee\u0000')).perform(request()));
    expect({ type: poisonedReason.type, retryable: poisonedReason.retryable }).toEqual({
      type: 'InvalidServiceOutput',
      retryable: false,
    });
    expect(poisonedReason.message).toContain('the rejection reason holds a control character (U+0000)');
    const poisonedOutput = await failureOf(
      answering((ctx) =>
        ctx.completed({ 'parking.permitNumber': 'P-\uD800', 'parking.validUntil': '2026-12-31' }),
      ).perform(request()),
    );
    expect(poisonedOutput.message).toContain('output parking.permitNumber holds an unpaired surrogate');
  });

  it('turns retryLater into a retryable failure and lets other errors through', async () => {
    const later = await failureOf(answering((ctx) => ctx.retryLater('register offline', 30)).perform(request()));
    expect(later).toMatchObject({ type: 'ServiceUnavailable', retryable: true, retryAfterSeconds: 30 });
    const boom = new Error('socket hang up');
    await expect(answering(() => Promise.reject(boom)).perform(request())).rejects.toBe(boom);
  });

  it('gives the handler the request context', async () => {
    let context: Record<string, unknown> = {};
    const beats: unknown[] = [];
    await answering((ctx) => {
      ctx.heartbeat({ page: 2 });
      context = { ...ctx };
      return ctx.accepted();
    }).perform(request({ dueAt: '2026-01-31T00:00:00.000Z', language: 'fr', conformance: { probe: 'happy-path' } }), {
      heartbeat: (d) => beats.push(d),
    });
    expect(context).toMatchObject({
      idempotencyKey: 'journey-parking-permit-1:parking-permit:1',
      journeyId: 'journey-parking-permit-1',
      stepId: 'parking-permit',
      language: 'fr',
      dueAt: '2026-01-31T00:00:00.000Z',
      conformance: true,
      proactive: false,
      ref: {
        journeyId: 'journey-parking-permit-1',
        stepId: 'parking-permit',
        idempotencyKey: 'journey-parking-permit-1:parking-permit:1',
        agency: 'stad-mechelen',
      },
    });
    expect(beats).toEqual([{ page: 2 }]);
  });

  it('waits for the slow probe before handling, and stops at once when cancelled', async () => {
    const started = Date.now();
    await permit.perform(request({ conformance: { probe: 'slow', delayMs: 150 } }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(145);

    const abort = new AbortController();
    const hanging = answering(() => new Promise(() => undefined)).perform(request(), { signal: abort.signal });
    const reason = new Error('cancelled by Passage');
    setTimeout(() => abort.abort(reason), 20);
    await expect(hanging).rejects.toBe(reason);
  });

  it('refuses an example its classes do not accept when the step is defined', () => {
    expect(() =>
      defineServiceStep({
        agency: 'stad-mechelen',
        service: 'resident-parking-permit',
        input: PermitInput,
        output: PermitOutput,
        examples: [{ input: { 'person.address': 'x', 'vehicle.licensePlate': 'ABC' } }],
        handle: (_input, ctx) => ctx.accepted(),
      }),
    ).toThrow('resident-parking-permit: examples[0] is invalid: vehicle.licensePlate');
  });

  it('types the handler after the classes', () => {
    // Compiled, never run: the assertions are the type errors.
    const typed = () =>
      defineServiceStep({
        agency: 'a',
        service: 's',
        input: PermitInput,
        output: PermitOutput,
        handle(input, ctx) {
          const address: string = input['person.address'];
          // @ts-expect-error the handler cannot see an item its input class does not declare
          void input['person.name'];
          // @ts-expect-error outputs are typed after the output class
          void ctx.completed({ 'parking.permitNumber': 1, 'parking.validUntil': '2026-01-01' });
          return ctx.rejected(address);
        },
      });
    expect(typeof typed).toBe('function');
  });
});

describe('routeServices', () => {
  const runtime = { signal: new AbortController().signal, heartbeat: () => undefined };

  it('routes by service and refuses unknown services non-retryably', async () => {
    const route = routeServices([permit]);
    expect((await route(request(), runtime)).outcome).toBe('completed');
    const failure = await failureOf(route(request({ service: 'dog-licence' }), runtime));
    expect(failure).toMatchObject({ type: 'UnknownService', retryable: false });
    expect(failure.message).toContain('resident-parking-permit');
  });

  it('refuses a malformed envelope', async () => {
    const route = routeServices([permit]);
    expect(
      (await failureOf(route({ ...request(), items: { 'person.address': { street: 'x' } } }, runtime))).message,
    ).toBe('items.person.address must be a string, number or boolean');
    expect((await failureOf(route('{}', runtime))).type).toBe('InvalidServiceRequest');
    expect((await failureOf(route({ ...request(), language: 'de' }, runtime))).message).toContain('language');
  });

  it('refuses steps of another agency and two steps for one service', () => {
    expect(() => routeServices([permit], 'stad-gent')).toThrow('belongs to agency stad-mechelen');
    expect(() => routeServices([permit, permit])).toThrow('two steps serve resident-parking-permit');
    expect(() => routeServices([])).toThrow('at least one service step');
  });
});
