// Hostile and malformed requests over HTTP, generated from tables: every one must be refused with a 4xx and the
// contract's error shape `{ code, message, path? }` (the precise path where a field is at fault), leak nothing
// internal, and leave the database exactly as it was.
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { SignJWT } from 'jose';
import { ERROR_CODES, textProblem, type ErrorCode } from '@passage/contracts';
import type { Principal } from '@passage/auth';
import type { DataItemSpec, DataValue } from '@passage/journey-model';
import { findDefinition } from '@passage/life-events';
import { soleTraderIntake, waitFor } from '@passage/testing';
import { startE2eStack, type E2eStack } from './support/e2e-stack';
import type { HttpClient } from './support/http-client';
import { sampleFor } from './support/http-journey-driver';

const LIFE_EVENT = 'start-business';
const DEFINITION = (() => {
  const definition = findDefinition(LIFE_EVENT);
  if (!definition) throw new Error(`${LIFE_EVENT} missing`);
  return definition;
})();

/** A start in the future, so that no statutory term of the start-business journey has passed. */
const startIntake = (overrides: Record<string, DataValue> = {}) =>
  soleTraderIntake({ 'business.startDate': '2031-06-01', ...overrides });
const IBAN = 'BE68539007547034';
const BODY_LIMIT = 64 * 1024;
/** How long the database must stay unchanged before the suite starts (longer than the worker's 5 s pollers). */
const QUIET_MS = 6_000;

type Who = 'alice' | 'carol' | 'loket' | 'clerk' | 'anonymous';
/** The expected `path`: exactly this, matching this, or (null) none at all. */
type PathExpectation = string | RegExp | null;

interface Case {
  readonly name: string;
  readonly who?: Who;
  readonly method: string;
  readonly path: string;
  readonly body?: string | Uint8Array;
  readonly headers?: Record<string, string>;
  readonly status?: number;
  readonly code?: ErrorCode;
  readonly errorPath?: PathExpectation;
  /** Send over a plain socket: for header bytes that fetch refuses to send. */
  readonly socket?: boolean;
}

interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
}

const PRINCIPALS: Record<Exclude<Who, 'anonymous'>, Principal> = {
  alice: { sub: 'alice', roles: ['citizen'] },
  // A citizen with nothing in the vault, so that a start is checked in full (alice's earlier answers would be reused).
  carol: { sub: 'carol', roles: ['citizen'] },
  loket: { sub: 'officer-loket', roles: ['agency'], agency: 'ondernemingsloket' },
  clerk: { sub: 'clerk-gent-7', roles: ['counter'], agency: 'gemeente' },
};

/** A value of the wrong type for a data item of this definition (checked by the service, not the body's shape). */
function wrongValueFor(spec: DataItemSpec | undefined): DataValue {
  switch (spec?.type) {
    case 'number':
      return 'twelve';
    case 'boolean':
      return 'yes';
    case 'date':
      return '2026-02-30';
    case 'enum':
      return 'not-one-of-them';
    default:
      return 12;
  }
}

const json = (value: unknown) => ({ body: JSON.stringify(value), headers: { 'content-type': 'application/json' } });
/** A JSON object's text with one more member whose name and value are given as raw JSON (e.g. `__proto__`). */
const withMember = (value: Record<string, unknown>, name: string, rawValue: string) => {
  const text = JSON.stringify(value);
  return {
    body: `${text.slice(0, -1)}${text.length > 2 ? ',' : ''}${JSON.stringify(name)}:${rawValue}}`,
    headers: { 'content-type': 'application/json' },
  };
};
const nestedArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const nestedObjects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** Sends a request over a plain socket and reads the whole answer (the connection is closed by the request). */
function overSocket(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body = '',
): Promise<Answer> {
  const { hostname, port } = new URL(baseUrl);
  const head = [
    `${method} ${path} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    'Connection: close',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  if (body) head.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () =>
      socket.end(Buffer.from(`${head.join('\r\n')}\r\n\r\n${body}`, 'latin1')),
    );
    const chunks: Buffer[] = [];
    socket.setTimeout(10_000, () => socket.destroy(new Error('socket timed out')));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const split = raw.indexOf('\r\n\r\n');
      const headText = split < 0 ? raw : raw.slice(0, split);
      const contentType = /^content-type:\s*(.*)$/im.exec(headText)?.[1]?.trim() ?? '';
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(headText)?.[1] ?? 0);
      let text = split < 0 ? '' : raw.slice(split + 4);
      if (/^transfer-encoding:\s*chunked/im.test(headText))
        text = text.replace(/^[0-9a-f]+\r\n|\r\n[0-9a-f]+\r\n|\r\n0\r\n\r\n$/gi, '');
      resolve({ status, contentType, text });
    });
  });
}

/** Strings that look like attacks on the database, the file system, a browser, a log, or text handling. */
const HOSTILE_STRINGS: readonly [string, string][] = [
  ['SQL tautology', "' OR 1=1 --"],
  ['SQL statement', '"; DROP TABLE journeys; --'],
  ['SQL union', "x' UNION SELECT subject FROM journeys --"],
  ['NoSQL operator as text', '{ "$gt": "" }'],
  ['path traversal', '../../etc/passwd'],
  ['encoded path traversal', '..%2F..%2Fetc%2Fpasswd'],
  ['script', '<script>alert(1)</script>'],
  ['null byte', 'start-business\u0000'],
  ['right-to-left override', '\u202Essenisub-trats'],
  ['zero-width joiner', 'start\u200Dbusiness'],
  ['full-width letters', 'ｓｔａｒｔ-ｂｕｓｉｎｅｓｓ'],
  ['template expression', '${7*7}{{7*7}}'],
  ['log forging', 'start-business\r\nINFO forged'],
  ['lone surrogate', 'start-\uD800business'],
];
/** Objects where text is expected: query operators of document databases. */
const HOSTILE_OBJECTS: readonly [string, unknown][] = [
  ['NoSQL $gt operator', { $gt: '' }],
  ['NoSQL $ne operator', { $ne: null }],
];
const HOSTILE: readonly [string, unknown][] = [...HOSTILE_STRINGS, ...HOSTILE_OBJECTS];

const LEAKS: readonly [string, RegExp][] = [
  ['a stack frame', /\bat\s+(?:[\w$.<>[\]]+\s+)?\(?(?:file:\/\/|\/|node:|[A-Za-z]:\\)[^\s)]*:\d+(?::\d+)?\)?/],
  ['a source file', /\.(?:ts|js|mjs|cjs)(?::\d+|\b)/],
  ['a server path', /(?:\/(?:work|home|usr|opt|srv|var|app)\/|node_modules|[A-Za-z]:\\)/],
  ['the ORM', /typeorm|QueryFailedError|EntityNotFound/i],
  ['the database', /postgres|\bpg_|SQLSTATE|duplicate key|violates|relation "/i],
  [
    'an internal error class',
    /\b(?:SyntaxError|RangeError|TypeError|ReferenceError|HttpException|BadRequestException)\b/,
  ],
  ['Temporal', /temporal|workflow execution/i],
  ['a raw parser message', /Unexpected token|in JSON at position|Unexpected end of JSON/i],
];

interface Tables {
  readonly [category: string]: readonly Case[];
}

/** Every malformed or hostile request, by category. Ids are those of the journey, task and mandate set up first. */
function buildCases(
  ids: { journey: string; task: string; mandate: string },
  tokens: Record<string, string | undefined>,
): Tables {
  const inThirtyDays = new Date(Date.now() + 30 * 86_400_000).toISOString();
  type FieldKind = 'text' | 'map' | 'list';
  interface BodyRoute {
    readonly name: string;
    readonly who: Who;
    readonly path: string;
    /** A body that would be accepted; every case breaks one thing in it. */
    readonly base: Record<string, unknown>;
    readonly fields: Record<string, FieldKind>;
    /** The required fields, in the order they are checked. */
    readonly required: readonly string[];
  }
  const routes: readonly BodyRoute[] = [
    {
      name: 'start journey',
      who: 'carol',
      path: '/api/journeys',
      base: { lifeEvent: LIFE_EVENT, intake: startIntake(), channel: 'online', language: 'en' },
      fields: { lifeEvent: 'text', subject: 'text', intake: 'map', channel: 'text', language: 'text' },
      required: ['lifeEvent', 'intake'],
    },
    {
      name: 'inputs',
      who: 'alice',
      path: `/api/journeys/${ids.journey}/inputs`,
      base: { items: { 'business.iban': IBAN } },
      fields: { items: 'map' },
      required: ['items'],
    },
    {
      name: 'withdraw',
      who: 'alice',
      path: `/api/journeys/${ids.journey}/withdraw`,
      base: { reason: 'changed my mind' },
      fields: { reason: 'text' },
      required: [],
    },
    {
      name: 'grant mandate',
      who: 'alice',
      path: '/api/mandates',
      base: { intermediary: 'accountant-an', lifeEvents: [LIFE_EVENT], validUntil: inThirtyDays },
      fields: { intermediary: 'text', lifeEvents: 'list', validFrom: 'text', validUntil: 'text' },
      required: ['intermediary', 'lifeEvents', 'validUntil'],
    },
    {
      name: 'decision',
      who: 'loket',
      path: `/api/agency/tasks/${ids.task}/decision`,
      base: { outcome: 'rejected', reason: 'incomplete' },
      fields: { outcome: 'text', outputs: 'map', reason: 'text' },
      required: ['outcome'],
    },
    {
      name: 'request-info',
      who: 'loket',
      path: `/api/agency/tasks/${ids.task}/request-info`,
      base: { items: ['person.address'] },
      fields: { items: 'list' },
      required: ['items'],
    },
  ];
  const route = (name: string): BodyRoute => {
    const found = routes.find((r) => r.name === name);
    if (!found) throw new Error(name);
    return found;
  };
  const post = (
    r: BodyRoute,
    name: string,
    body: Pick<Case, 'body' | 'headers'>,
    expected: Pick<Case, 'status' | 'code' | 'errorPath'>,
  ): Case => ({
    name: `${r.name}: ${name}`,
    who: r.who,
    method: 'POST',
    path: r.path,
    ...body,
    ...expected,
  });
  const invalid = (errorPath: PathExpectation) => ({ status: 400, code: 'invalid-request' as const, errorPath });
  const invalidItem = (errorPath: string) => ({ status: 400, code: 'invalid-data-item' as const, errorPath });

  const WRONG: Record<FieldKind, readonly [string, unknown][]> = {
    text: [
      ['a number', 42],
      ['a boolean', true],
      ['null', null],
      ['an array', ['x']],
      ['an object', { value: 'x' }],
    ],
    map: [
      ['a string', 'person.address'],
      ['a number', 42],
      ['a boolean', false],
      ['null', null],
      ['an array', [{ 'business.iban': IBAN }]],
    ],
    list: [
      ['a string', LIFE_EVENT],
      ['a number', 42],
      ['a boolean', true],
      ['null', null],
      ['an object', { 0: LIFE_EVENT }],
    ],
  };
  const mandate = route('grant mandate');
  const start = route('start journey');
  const decision = route('decision');
  const requestInfo = route('request-info');
  const inputs = route('inputs');
  const kboStep = DEFINITION.steps.find((s) => s.id === 'kbo-registration');
  const produced = kboStep?.produces[0] ?? 'business.enterpriseNumber';
  const approvedOutputs = Object.fromEntries(
    (kboStep?.produces ?? []).map((item) => [
      item,
      sampleFor({
        item,
        type: DEFINITION.dataItems[item]?.type ?? 'string',
        values: DEFINITION.dataItems[item]?.values ? [...(DEFINITION.dataItems[item]?.values ?? [])] : undefined,
      }),
    ]),
  );

  const wrongTypes: Case[] = [
    ...routes.flatMap((r) =>
      Object.entries(r.fields).flatMap(([field, kind]) =>
        WRONG[kind].map(([what, value]) =>
          post(r, `${field} is ${what}`, json({ ...r.base, [field]: value }), invalid(field)),
        ),
      ),
    ),
    ...[mandate, requestInfo].flatMap((r) => {
      const field = r === mandate ? 'lifeEvents' : 'items';
      const valid = r === mandate ? LIFE_EVENT : 'person.address';
      return [
        [`${field}[0] is a number`, [42], 0],
        [`${field}[0] is null`, [null], 0],
        [`${field}[0] is an object`, [{ value: valid }], 0],
        [`${field}[0] is an array`, [[valid]], 0],
        [`${field}[1] is a boolean`, [valid, true], 1],
      ].map(([what, value, index]) =>
        post(r, String(what), json({ ...r.base, [field]: value }), invalid(`${field}[${String(index)}]`)),
      );
    }),
    ...(
      [
        [start, 'intake', 'business.tradeName'],
        [inputs, 'items', 'business.iban'],
        [decision, 'outputs', produced],
      ] as const
    ).flatMap(([r, field, item]) =>
      [
        ['null', null],
        ['an object', { value: 'x' }],
        ['an array', ['x']],
        ['a NoSQL operator', { $gt: '' }],
      ].map(([what, value]) =>
        post(
          r,
          `${field}.${item} is ${String(what)}`,
          json({ ...r.base, [field]: { ...(r.base[field] as object), [item]: value } }),
          invalid(`${field}.${item}`),
        ),
      ),
    ),
    // Shapes right, types wrong for the definition: refused by the service with the item's path.
    ...[
      'business.hasEmployees',
      'business.startDate',
      'business.legalForm',
      'business.tradeName',
      'business.expectedTurnover',
    ].map((item) =>
      post(
        start,
        `intake.${item} has the wrong type for the definition`,
        json({ ...start.base, intake: startIntake({ [item]: wrongValueFor(DEFINITION.dataItems[item]) }) }),
        invalidItem(`intake.${item}`),
      ),
    ),
    post(
      start,
      'intake.business.tradeName is blank',
      json({ ...start.base, intake: startIntake({ 'business.tradeName': '   ' }) }),
      invalidItem('intake.business.tradeName'),
    ),
    post(
      inputs,
      'items.business.iban is a number',
      json({ items: { 'business.iban': 42 } }),
      invalidItem('items.business.iban'),
    ),
    post(
      inputs,
      'items.business.iban is blank',
      json({ items: { 'business.iban': ' ' } }),
      invalidItem('items.business.iban'),
    ),
    post(
      decision,
      `outputs.${produced} has the wrong type`,
      json({
        outcome: 'approved',
        outputs: { ...approvedOutputs, [produced]: wrongValueFor(DEFINITION.dataItems[produced]) },
      }),
      invalidItem(`outputs.${produced}`),
    ),
    post(decision, 'outcome is not approved or rejected', json({ outcome: 'maybe' }), invalid('outcome')),
    post(mandate, 'validUntil is not a date', json({ ...mandate.base, validUntil: 'tomorrow' }), invalid('validUntil')),
    post(
      mandate,
      'validUntil is a date without time zone rules',
      json({ ...mandate.base, validUntil: '2031-13-45T99:99:99Z' }),
      invalid('validUntil'),
    ),
    post(
      mandate,
      'validUntil is in the past',
      json({ ...mandate.base, validUntil: '2001-01-01T00:00:00Z' }),
      invalid('validUntil'),
    ),
    post(
      mandate,
      'validUntil is more than five years on',
      json({ ...mandate.base, validUntil: '2099-01-01T00:00:00Z' }),
      invalid('validUntil'),
    ),
    post(
      mandate,
      'validUntil is before validFrom',
      json({ ...mandate.base, validFrom: inThirtyDays, validUntil: new Date(Date.now() + 86_400_000).toISOString() }),
      invalid('validUntil'),
    ),
    post(
      mandate,
      'the intermediary is the subject',
      json({ ...mandate.base, intermediary: 'alice' }),
      invalid('intermediary'),
    ),
    post(start, 'channel is not a channel', json({ ...start.base, channel: 'carrier-pigeon' }), invalid('channel')),
    post(start, 'language is not supported', json({ ...start.base, language: 'de' }), invalid('language')),
  ];

  const unknownFields: Case[] = [
    ...routes.flatMap((r) => [
      post(r, 'an unknown top-level field', json({ ...r.base, extra: 1 }), invalid('extra')),
      post(r, 'a privilege field', json({ ...r.base, isAdmin: true }), invalid('isAdmin')),
      post(r, 'a __proto__ member', withMember(r.base, '__proto__', '{"isAdmin":true}'), invalid('__proto__')),
      post(
        r,
        'a constructor member',
        withMember(r.base, 'constructor', '{"prototype":{"isAdmin":true}}'),
        invalid('constructor'),
      ),
      post(r, 'a prototype member', withMember(r.base, 'prototype', '{"isAdmin":true}'), invalid('prototype')),
    ]),
    ...(
      [
        [start, 'intake'],
        [inputs, 'items'],
        [decision, 'outputs'],
      ] as const
    ).flatMap(([r, field]) => [
      post(
        r,
        `${field}.__proto__`,
        json({ ...r.base, [field]: JSON.parse(`{"__proto__":{"isAdmin":true}}`) as unknown }),
        invalid(`${field}.__proto__`),
      ),
      post(
        r,
        `${field}.constructor`,
        json({ ...r.base, [field]: JSON.parse(`{"constructor":{"prototype":{"isAdmin":true}}}`) as unknown }),
        invalid(`${field}.constructor`),
      ),
    ]),
    post(
      start,
      'intake has an item that does not exist',
      json({ ...start.base, intake: startIntake({ 'unknown.item': 'x' }) }),
      invalidItem('intake.unknown.item'),
    ),
    post(
      start,
      'intake has an item that is not asked at the start',
      json({ ...start.base, intake: startIntake({ 'business.iban': IBAN }) }),
      invalidItem('intake.business.iban'),
    ),
    post(
      start,
      'intake has an item name that is not one',
      json({ ...start.base, intake: startIntake({ Address: 'x' }) }),
      invalid('intake'),
    ),
    post(
      inputs,
      'items has an item that does not exist',
      json({ items: { 'unknown.item': 'x' } }),
      invalidItem('items.unknown.item'),
    ),
    post(
      decision,
      'outputs has an item that does not exist',
      json({ outcome: 'approved', outputs: { ...approvedOutputs, 'unknown.item': 'x' } }),
      invalidItem('outputs.unknown.item'),
    ),
    post(
      decision,
      'outputs has an item this step does not produce',
      json({ outcome: 'approved', outputs: { ...approvedOutputs, 'business.iban': IBAN } }),
      invalidItem('outputs.business.iban'),
    ),
    post(
      requestInfo,
      'items has an item that does not exist',
      json({ items: ['unknown.item'] }),
      invalidItem('items[0]'),
    ),
    post(
      mandate,
      'lifeEvents[0] has an unknown field',
      json({ ...mandate.base, lifeEvents: [{ id: LIFE_EVENT, extra: 1 }] }),
      invalid('lifeEvents[0]'),
    ),
  ];

  const missingFields: Case[] = [
    ...routes.flatMap((r) =>
      r.required.map((field) => {
        const body = { ...r.base };
        delete body[field];
        return post(r, `${field} is missing`, json(body), invalid(field));
      }),
    ),
    ...routes
      .filter((r) => r.required.length > 0)
      .flatMap((r) => [
        post(r, 'the body is an empty object', json({}), invalid(r.required[0] ?? null)),
        post(r, 'there is no body at all', {}, invalid(r.required[0] ?? null)),
      ]),
    post(decision, 'a rejection without a reason', json({ outcome: 'rejected' }), invalid('reason')),
    post(decision, 'an approval without outputs', json({ outcome: 'approved' }), {
      status: 400,
      code: 'missing-data-item',
      errorPath: `outputs.${produced}`,
    }),
    post(requestInfo, 'items is empty', json({ items: [] }), invalid('items')),
    post(start, 'intake is empty', json({ ...start.base, intake: {} }), {
      status: 400,
      code: 'missing-data-item',
      errorPath: `intake.${DEFINITION.intake[0]}`,
    }),
    ...DEFINITION.intake.slice(0, 4).map((item) => {
      const partial = startIntake();
      delete partial[item];
      return post(start, `intake lacks ${item}`, json({ ...start.base, intake: partial }), {
        status: 400,
        code: 'missing-data-item',
        errorPath: `intake.${item}`,
      });
    }),
  ];

  const long = (n: number) => 'a'.repeat(n);
  const manyItems = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`extra.k${i}`, 'x']));
  const hugeBodies: Case[] = [
    ...routes.map((r) =>
      post(r, 'a body over the 64 kB limit', json({ ...r.base, padding: long(BODY_LIMIT + 1024) }), {
        status: 413,
        code: 'payload-too-large',
        errorPath: null,
      }),
    ),
    ...routes.map((r) =>
      post(r, 'a body of a megabyte', json({ ...r.base, padding: long(1024 * 1024) }), {
        status: 413,
        code: 'payload-too-large',
        errorPath: null,
      }),
    ),
    ...routes.flatMap((r) => {
      const [field] = Object.keys(r.fields);
      if (!field) return [];
      return [
        post(
          r,
          `${field} is 20 000 nested arrays`,
          withMember({ ...r.base, [field]: undefined }, field, nestedArrays(20_000)),
          invalid(field),
        ),
        post(
          r,
          `${field} is 5 000 nested objects`,
          withMember({ ...r.base, [field]: undefined }, field, nestedObjects(5_000)),
          invalid(field),
        ),
      ];
    }),
    post(
      start,
      'the body is 30 000 nested arrays',
      { body: nestedArrays(30_000), headers: { 'content-type': 'application/json' } },
      invalid(null),
    ),
    post(
      start,
      'lifeEvent is 60 000 characters',
      json({ ...start.base, lifeEvent: long(60_000) }),
      invalid('lifeEvent'),
    ),
    post(start, 'subject is 60 000 characters', json({ ...start.base, subject: long(60_000) }), invalid('subject')),
    post(start, 'channel is 60 000 characters', json({ ...start.base, channel: long(60_000) }), invalid('channel')),
    post(
      start,
      'an intake value is over 2000 characters',
      json({ ...start.base, intake: startIntake({ 'business.tradeName': long(2001) }) }),
      invalid('intake.business.tradeName'),
    ),
    post(
      start,
      'an intake name is 60 000 characters',
      json({ ...start.base, intake: { ...startIntake(), [`a.${long(60_000)}`]: 'x' } }),
      invalid('intake'),
    ),
    post(start, 'intake has 101 items', json({ ...start.base, intake: manyItems(101) }), invalid('intake')),
    post(
      start,
      'the body has 3 000 unknown fields',
      json({ ...start.base, ...Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`k${i}`, i])) }),
      invalid(/^k\d+$/),
    ),
    post(
      inputs,
      'an answer is over 2000 characters',
      json({ items: { 'business.iban': long(2001) } }),
      invalid('items.business.iban'),
    ),
    post(inputs, 'items has 101 items', json({ items: manyItems(101) }), invalid('items')),
    post(route('withdraw'), 'reason is over 500 characters', json({ reason: long(501) }), invalid('reason')),
    post(
      mandate,
      'intermediary is 60 000 characters',
      json({ ...mandate.base, intermediary: long(60_000) }),
      invalid('intermediary'),
    ),
    post(
      mandate,
      'lifeEvents has 21 entries',
      json({ ...mandate.base, lifeEvents: Array.from({ length: 21 }, (_, i) => `event-${i}`) }),
      invalid('lifeEvents'),
    ),
    post(
      mandate,
      'lifeEvents has 2 000 entries',
      json({ ...mandate.base, lifeEvents: Array.from({ length: 2000 }, () => LIFE_EVENT) }),
      invalid('lifeEvents'),
    ),
    post(
      mandate,
      'validUntil is 60 000 characters',
      json({ ...mandate.base, validUntil: `2030-01-01T00:00:00${long(60_000)}Z` }),
      invalid('validUntil'),
    ),
    post(
      decision,
      'reason is over 1000 characters',
      json({ outcome: 'rejected', reason: long(1001) }),
      invalid('reason'),
    ),
    post(decision, 'outputs has 101 items', json({ outcome: 'approved', outputs: manyItems(101) }), invalid('outputs')),
    post(
      decision,
      'an output is over 2000 characters',
      json({ outcome: 'approved', outputs: { ...approvedOutputs, [produced]: long(2001) } }),
      invalid(`outputs.${produced}`),
    ),
    post(
      requestInfo,
      'items has 21 entries',
      json({ items: Array.from({ length: 21 }, (_, i) => `person.item${i}`) }),
      invalid('items'),
    ),
    post(requestInfo, 'an item is 60 000 characters', json({ items: [`person.${long(60_000)}`] }), invalid('items[0]')),
  ];

  const BAD_TYPES: readonly [string, string, string][] = [
    ['text/plain', 'text/plain', '{"a":1}'],
    ['a form', 'application/x-www-form-urlencoded', 'lifeEvent=start-business'],
    [
      'multipart',
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
    ],
    ['XML', 'application/xml', '<journey><lifeEvent>start-business</lifeEvent></journey>'],
    ['JSON in Latin-1', 'application/json; charset=iso-8859-1', '{"a":1}'],
    ['JSON in a made-up charset', 'application/json; charset=klingon', '{"a":1}'],
    ['a made-up type', 'application/x-passage', '{"a":1}'],
  ];
  const INVALID_JSON: readonly [string, string][] = [
    ['an unfinished object', '{'],
    ['a member without value', '{"a":}'],
    ['single quotes', "{'a':1}"],
    ['a trailing comma', '{"a":1,}'],
    ['undefined', 'undefined'],
    ['NaN', '{"a":NaN}'],
    ['trailing garbage', '{} garbage'],
    ['a bare string', '"text"'],
    ['a bare number', '42'],
    ['null', 'null'],
    ['true', 'true'],
    ['a comment', '{/* hi */}'],
    ['a byte-order mark inside', '{\uFEFF}'],
  ];
  const nonJson: Case[] = [
    ...routes.flatMap((r) =>
      BAD_TYPES.map(([what, type, body]) =>
        post(
          r,
          `a body of ${what}`,
          { body, headers: { 'content-type': type } },
          { status: 415, code: 'unsupported-media-type', errorPath: null },
        ),
      ),
    ),
    ...routes.map((r) =>
      post(
        r,
        'a body without a content type',
        { body: new TextEncoder().encode(JSON.stringify(r.base)) },
        { status: 415, code: 'unsupported-media-type', errorPath: null },
      ),
    ),
    ...routes.flatMap((r) =>
      INVALID_JSON.map(([what, body]) =>
        post(
          r,
          `invalid JSON: ${what}`,
          { body, headers: { 'content-type': 'application/json' } },
          { status: 400, code: 'invalid-json', errorPath: null },
        ),
      ),
    ),
    ...routes.map((r) => post(r, 'a JSON array', json([r.base]), invalid(null))),
    ...routes.flatMap((r) => [
      post(
        r,
        'gzip that is not gzip',
        { body: JSON.stringify(r.base), headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } },
        { status: 400, code: 'invalid-request', errorPath: null },
      ),
      post(
        r,
        'an unknown content encoding',
        {
          body: JSON.stringify(r.base),
          headers: { 'content-type': 'application/json', 'content-encoding': 'x-scramble' },
        },
        { status: 415, code: 'unsupported-media-type', errorPath: null },
      ),
    ]),
  ];

  const injections: Case[] = [
    ...HOSTILE.flatMap(([what, value]) => [
      post(start, `lifeEvent: ${what}`, json({ ...start.base, lifeEvent: value }), invalid('lifeEvent')),
      post(start, `subject: ${what}`, json({ ...start.base, subject: value }), invalid('subject')),
      post(start, `channel: ${what}`, json({ ...start.base, channel: value }), invalid('channel')),
      post(start, `language: ${what}`, json({ ...start.base, language: value }), invalid('language')),
      post(
        start,
        `an enum answer: ${what}`,
        json({ ...start.base, intake: startIntake({ 'business.legalForm': value as DataValue }) }),
        {
          status: 400,
          // Text that breaks the text rule is refused with the body's shape, before any data item is checked.
          code: typeof value === 'string' && textProblem(value) === undefined ? 'invalid-data-item' : 'invalid-request',
          errorPath: 'intake.business.legalForm',
        },
      ),
      post(mandate, `intermediary: ${what}`, json({ ...mandate.base, intermediary: value }), invalid('intermediary')),
      post(mandate, `lifeEvents[0]: ${what}`, json({ ...mandate.base, lifeEvents: [value] }), invalid('lifeEvents[0]')),
      post(mandate, `validUntil: ${what}`, json({ ...mandate.base, validUntil: value }), invalid('validUntil')),
      post(decision, `outcome: ${what}`, json({ outcome: value, reason: 'x' }), invalid('outcome')),
      post(requestInfo, `items[0]: ${what}`, json({ items: [value] }), invalid('items[0]')),
    ]),
    ...HOSTILE_STRINGS.map(([what, value]) =>
      post(
        start,
        `an intake name: ${what}`,
        json({ ...start.base, intake: { ...startIntake(), [value]: 'x' } }),
        invalid('intake'),
      ),
    ),
  ];

  // Text that PostgreSQL cannot store (NUL), that garbles screens and logs, or that is not Unicode: each free-text
  // field refuses it with its path, before anything reaches the journey (issue 9, defect 1).
  const POISON: readonly [string, string][] = [
    ['NUL', 'stop\u0000now'],
    ['a bell (C0)', 'stop\u0007now'],
    ['DEL', 'stop\u007fnow'],
    ['a C1 control', 'stop\u0085now'],
    ['an unpaired high surrogate', 'stop\uD800now'],
    ['an unpaired low surrogate', 'stop\uDC00now'],
  ];
  const ONE_LINE: readonly [string, string][] = [
    ['a line break', 'Kerkstraat 1\nGent'],
    ['a tab', 'Kerkstraat\t1'],
  ];
  const poisonedText: Case[] = [
    ...POISON.flatMap(([what, value]) => [
      post(route('withdraw'), `reason with ${what}`, json({ reason: value }), invalid('reason')),
      post(decision, `reason with ${what}`, json({ outcome: 'rejected', reason: value }), invalid('reason')),
      post(
        decision,
        `an output with ${what}`,
        json({ outcome: 'approved', outputs: { ...approvedOutputs, [produced]: value } }),
        invalid(`outputs.${produced}`),
      ),
      post(
        inputs,
        `an answer with ${what}`,
        json({ items: { 'business.iban': value } }),
        invalid('items.business.iban'),
      ),
      post(
        start,
        `an intake answer with ${what}`,
        json({ ...start.base, intake: startIntake({ 'business.tradeName': value }) }),
        invalid('intake.business.tradeName'),
      ),
    ]),
    post(decision, 'reason "nee\\u0000"', json({ outcome: 'rejected', reason: 'nee\u0000' }), invalid('reason')),
    ...ONE_LINE.map(([what, value]) =>
      post(
        inputs,
        `an answer with ${what}`,
        json({ items: { 'business.iban': value } }),
        invalid('items.business.iban'),
      ),
    ),
  ];

  const uuid = randomUUID();
  const MALFORMED_IDS: readonly [string, string][] = [
    ['a word', 'abc'],
    ['a UUID in capitals', uuid.toUpperCase()],
    ['a UUID without dashes', uuid.replace(/-/g, '')],
    ['a UUID with a suffix', `${uuid}x`],
    ['a UUID in braces', encodeURIComponent(`{${uuid}}`)],
    ['SQL', encodeURIComponent("' OR 1=1 --")],
    ['a NoSQL operator', encodeURIComponent('{"$gt":""}')],
    ['an encoded path traversal', '..%2F..%2Fetc%2Fpasswd'],
    ['a script', encodeURIComponent('<script>alert(1)</script>')],
    ['a null byte', `${uuid}%00`],
    ['a line break', `${uuid}%0d%0a`],
    ['a right-to-left override', encodeURIComponent(`\u202E${uuid}`)],
    ['4 000 characters', 'a'.repeat(4000)],
    ['null', 'null'],
    ['a percent sign that decodes to nothing', '%FF'],
    ['a truncated percent escape', 'abc%E0%A4%A'],
  ];
  const JOURNEY_IDS: readonly [string, string][] = [
    ...MALFORMED_IDS,
    ['a journey id in capitals', `journey-${LIFE_EVENT}-${uuid.toUpperCase()}`],
    ['a journey id of a malformed life event', `journey-Start_Business-${uuid}`],
    ['a journey id with a short uuid', `journey-${LIFE_EVENT}-${uuid.slice(0, 30)}`],
    ['a journey id with a trailing space', `journey-${LIFE_EVENT}-${uuid}%20`],
  ];
  const journeyRoutes: readonly [string, string, string, Pick<Case, 'body' | 'headers'>][] = [
    ['GET', '', 'timeline', {}],
    ['POST', '/inputs', 'inputs', json({ items: { 'business.iban': IBAN } })],
    ['POST', '/withdraw', 'withdraw', json({ reason: 'changed my mind' })],
    ['GET', '/access-log', 'access log', {}],
    ['GET', '/events', 'events', {}],
  ];
  const taskRoutes: readonly [string, string, string, Pick<Case, 'body' | 'headers'>][] = [
    ['GET', '', 'task', {}],
    ['POST', '/claim', 'claim', {}],
    ['POST', '/decision', 'decision', json({ outcome: 'rejected', reason: 'incomplete' })],
    ['POST', '/request-info', 'request-info', json({ items: ['person.address'] })],
  ];
  // One rule for ids (README): an id that cannot exist answers 404 like one the caller may not see (issue 11,
  // finding 4). An address that cannot be decoded never reaches a route: it is refused as a whole (400, no path).
  const unknownId = (id: string) =>
    /%(?![0-9A-Fa-f]{2})|%FF|%E0%A4%A$/.test(id)
      ? invalid(null)
      : { status: 404, code: 'not-found' as const, errorPath: null };
  const malformedIds: Case[] = [
    ...journeyRoutes.flatMap(([method, suffix, what, body]) =>
      JOURNEY_IDS.map(([idName, id]) => ({
        name: `${what}: journey id is ${idName}`,
        who: 'alice' as const,
        method,
        path: `/api/journeys/${id}${suffix}`,
        ...body,
        ...unknownId(id),
      })),
    ),
    ...taskRoutes.flatMap(([method, suffix, what, body]) =>
      MALFORMED_IDS.map(([idName, id]) => ({
        name: `${what}: task id is ${idName}`,
        who: 'loket' as const,
        method,
        path: `/api/agency/tasks/${id}${suffix}`,
        ...body,
        ...unknownId(id),
      })),
    ),
    ...MALFORMED_IDS.map(([idName, id]): Case => ({
      name: `revoke: mandate id is ${idName}`,
      who: 'alice',
      method: 'DELETE',
      path: `/api/mandates/${id}`,
      ...unknownId(id),
    })),
    ...[
      '0',
      '-1',
      '1.5',
      'abc',
      '01',
      '9999999999',
      '1e3',
      '0x1',
      '%20',
      encodeURIComponent("' OR 1=1 --"),
      'a'.repeat(4000),
      '%FF',
    ].map((version): Case => ({
      name: `life-event version is ${version.slice(0, 20)}`,
      who: 'anonymous',
      method: 'GET',
      path: `/api/life-events/${LIFE_EVENT}/versions/${version}`,
      ...unknownId(version),
    })),
  ];

  const BAD_LANGS = ['xx', 'EN', '', 'nl-BE', encodeURIComponent("' OR 1=1 --"), '%00', 'a'.repeat(3000)];
  const langRoutes: readonly [Who, string][] = [
    ['alice', '/api/journeys'],
    ['alice', `/api/journeys/${ids.journey}`],
    ['loket', `/api/agency/tasks/${ids.task}`],
    ['anonymous', '/api/life-events'],
    ['anonymous', `/api/life-events/${LIFE_EVENT}`],
    ['anonymous', `/api/life-events/${LIFE_EVENT}/versions/2`],
  ];
  const INBOX_QUERIES: readonly [string, string][] = [
    ['status=foo', 'status'],
    ['status=OPEN', 'status'],
    ['status=open&status=decided', 'status'],
    ['status=%27%20OR%201%3D1%20--', 'status'],
    ['lifeEvent=%27%20OR%201%3D1%20--', 'lifeEvent'],
    ['lifeEvent=..%2F..%2Fetc%2Fpasswd', 'lifeEvent'],
    ['lifeEvent=Start_Business', 'lifeEvent'],
    ['lifeEvent=a&lifeEvent=b', 'lifeEvent'],
    ['overdue=yes', 'overdue'],
    ['overdue=maybe', 'overdue'],
    ['page=0', 'page'],
    ['page=-1', 'page'],
    ['page=1.5', 'page'],
    ['page=abc', 'page'],
    ['page=10001', 'page'],
    ['page=', 'page'],
    ['page=1&page=2', 'page'],
    ['pageSize=0', 'pageSize'],
    ['pageSize=101', 'pageSize'],
    ['pageSize=abc', 'pageSize'],
    ['pageSize=100000000000000000000', 'pageSize'],
    ['unknown=1', 'unknown'],
    ['__proto__=1', '__proto__'],
    ['constructor=1', 'constructor'],
  ];
  const queries: Case[] = [
    ...langRoutes.flatMap(([who, path]) => [
      ...BAD_LANGS.map((lang): Case => ({
        name: `${path}?lang=${lang.slice(0, 20)}`,
        who,
        method: 'GET',
        path: `${path}?lang=${lang}`,
        ...invalid('query.lang'),
      })),
      {
        name: `${path}?lang=en&lang=fr`,
        who,
        method: 'GET',
        path: `${path}?lang=en&lang=fr`,
        ...invalid('query.lang'),
      },
    ]),
    ...INBOX_QUERIES.map(([query, field]): Case => ({
      name: `inbox ?${query}`,
      who: 'loket',
      method: 'GET',
      path: `/api/agency/tasks?${query}`,
      ...invalid(`query.${field}`),
    })),
  ];

  const BAD_KEYS: readonly [string, string, boolean][] = [
    ['201 characters', 'k'.repeat(201), false],
    ['empty', '', false],
    ['with a space', 'key one', false],
    ['with a tab', 'key\tone', false],
    ['with a non-ASCII letter', 'clé', false],
    ['two keys in one header', 'key-1, key-2', false],
    ['with a control character', 'key\u0001one', true],
    ['with DEL', 'key\u007fone', true],
    ['with an escape sequence', 'key\u001b[31mone', true],
  ];
  const BAD_PRESENT: readonly [string, string][] = [
    ['empty', ''],
    ['with a space', 'alice bob'],
    ['a path', '../alice'],
    ['a script', '<script>'],
    ['a list', 'alice,bob'],
    ['129 characters', 'a'.repeat(129)],
    ['starting with a dash', '-alice'],
    ['SQL', "' OR 1=1 --"],
  ];
  /** Presence proofs a clerk does not hold: each is refused alike (403), whatever its shape. */
  const BAD_PROOFS: readonly [string, string][] = [
    ['empty', ''],
    ['unknown', randomUUID()],
    ['in capitals', randomUUID().toUpperCase()],
    ['a word', 'alice'],
    ['SQL', "' OR 1=1 --"],
    ['a list', `${randomUUID()},${randomUUID()}`],
  ];
  const aliceToken = tokens['alice'] ?? '';
  const clerkToken = tokens['clerk'] ?? '';
  const headers: Case[] = [
    ...routes.flatMap((r) =>
      BAD_KEYS.map(([what, key, socket]): Case => ({
        ...post(r, `Idempotency-Key ${what}`, json(r.base), invalid('headers.idempotency-key')),
        // Control characters are refused by the HTTP parser itself, before any header has a name to point at.
        ...(socket
          ? {
              socket: true,
              headers: {
                'content-type': 'application/json',
                authorization: `Bearer ${tokens[r.who] ?? ''}`,
                'idempotency-key': key,
              },
              errorPath: null,
            }
          : { headers: { 'content-type': 'application/json', 'idempotency-key': key } }),
      })),
    ),
    // A valid key on a request that is refused: the refusal must leave no trace (the key stays usable).
    ...routes.map((r, index) =>
      post(
        r,
        'a valid Idempotency-Key on a body with an unknown field',
        {
          body: JSON.stringify({ ...r.base, extra: 1 }),
          headers: { 'content-type': 'application/json', 'idempotency-key': `refused-${index}-${randomUUID()}` },
        },
        invalid('extra'),
      ),
    ),
    ...(['GET /api/journeys', 'POST /api/journeys'] as const).flatMap((request): Case[] => {
      const [method = 'GET', path = ''] = request.split(' ');
      const body: Pick<Case, 'body' | 'headers'> = method === 'POST' ? json(start.base) : {};
      return [
        ...BAD_PRESENT.map(([what, value]): Case => ({
          name: `${request}: Passage-Subject-Present ${what}`,
          who: 'clerk',
          method,
          path,
          body: body.body,
          headers: { ...body.headers, 'passage-subject-present': value, 'passage-channel': 'counter' },
          ...invalid('headers.passage-subject-present'),
        })),
        ...['kiosk', 'COUNTER', '', 'online'].map((channel): Case => ({
          name: `${request}: Passage-Channel ${channel || 'empty'}`,
          who: 'clerk',
          method,
          path,
          body: body.body,
          // The asserted presence is no longer accepted at all (ADR 0010): the subject header is named first.
          headers: { ...body.headers, 'passage-subject-present': 'alice', 'passage-channel': channel },
          ...invalid('headers.passage-subject-present'),
        })),
        {
          name: `${request}: Passage-Channel without a subject`,
          who: 'clerk',
          method,
          path,
          body: body.body,
          headers: { ...body.headers, 'passage-channel': 'counter' },
          ...invalid('headers.passage-channel'),
        },
        ...BAD_PROOFS.map(([what, value]): Case => ({
          name: `${request}: Passage-Presence ${what}`,
          who: 'clerk',
          method,
          path,
          body: body.body,
          headers: { ...body.headers, 'passage-presence': value },
          status: 403,
          code: 'forbidden' as const,
          errorPath: 'headers.passage-presence',
        })),
        {
          name: `${request}: Passage-Presence from a citizen`,
          who: 'alice',
          method,
          path,
          body: body.body,
          headers: { ...body.headers, 'passage-presence': randomUUID() },
          ...invalid('headers.passage-presence'),
        },
        {
          name: `${request}: presence headers from a citizen`,
          who: 'alice',
          method,
          path,
          body: body.body,
          headers: { ...body.headers, 'passage-subject-present': 'a b', 'passage-channel': 'counter' },
          ...invalid('headers.passage-subject-present'),
        },
        {
          name: `${request}: Passage-Subject-Present with a control character`,
          who: 'clerk',
          method,
          path,
          socket: true,
          body: body.body,
          headers: {
            ...body.headers,
            authorization: `Bearer ${clerkToken}`,
            'passage-subject-present': 'ali\u0001ce',
            'passage-channel': 'counter',
          },
          ...invalid(null),
        },
      ];
    }),
    ...['abc', '-1', '1.5', '01', '9999999999', '1e3', '0x1', "' OR 1=1 --", 'a'.repeat(300), '1,2'].map(
      (value): Case => ({
        name: `Last-Event-ID ${value.slice(0, 20)}`,
        who: 'alice',
        method: 'GET',
        path: `/api/journeys/${ids.journey}/events`,
        headers: { 'last-event-id': value },
        ...invalid('headers.last-event-id'),
      }),
    ),
    {
      name: 'a header of 20 kB',
      who: 'alice',
      method: 'GET',
      path: '/api/journeys',
      socket: true,
      headers: { authorization: `Bearer ${aliceToken}`, 'x-padding': 'p'.repeat(20_000) },
      status: 400,
      code: 'invalid-request',
      errorPath: null,
    },
    {
      name: 'a request line that is not HTTP',
      who: 'alice',
      method: 'GET /api/journeys HTTP/9.9 garbage',
      path: '',
      socket: true,
      headers: {},
      status: 400,
      code: 'invalid-request',
      errorPath: null,
    },
  ];

  const authRoutes: readonly [string, string, Pick<Case, 'body' | 'headers'>][] = [
    ['GET', '/api/journeys', {}],
    ['GET', `/api/journeys/${ids.journey}`, {}],
    ['POST', '/api/journeys', json({ lifeEvent: LIFE_EVENT, intake: startIntake() })],
    ['POST', `/api/journeys/${ids.journey}/withdraw`, json({ reason: 'changed my mind' })],
    ['GET', '/api/agency/tasks', {}],
    ['POST', `/api/agency/tasks/${ids.task}/decision`, json({ outcome: 'rejected', reason: 'incomplete' })],
    ['DELETE', `/api/mandates/${ids.mandate}`, {}],
    ['GET', '/api/mandates', {}],
  ];
  const ATTACKS: readonly [string, string | undefined, ErrorCode][] = [
    ['no Authorization header', undefined, 'missing-token'],
    ['an empty Authorization header', '', 'missing-token'],
    ['"Bearer" without a token', 'Bearer', 'invalid-token'],
    ['Basic credentials', 'Basic YWxpY2U6c2VjcmV0', 'invalid-token'],
    ['a token without the Bearer scheme', aliceToken, 'invalid-token'],
    ['a token after another scheme', `Token ${aliceToken}`, 'invalid-token'],
    ['two tokens', `Bearer ${aliceToken} ${aliceToken}`, 'invalid-token'],
    ['a malformed token', 'Bearer not-a-jwt-at-all', 'invalid-token'],
    ['a token of three empty parts', 'Bearer ............', 'invalid-token'],
    ['a token of 9000 characters', `Bearer ${'a'.repeat(9000)}`, 'invalid-token'],
    ['a token with a script', 'Bearer <script>alert(1)</script>', 'invalid-token'],
    ...Object.entries(tokens)
      .filter(([name]) => name.startsWith('attack:'))
      .map(([name, token]): [string, string, ErrorCode] => {
        const [, code = 'invalid-token', what = name] = name.split(':');
        return [what, `Bearer ${token ?? ''}`, code as ErrorCode];
      }),
  ];
  const authentication: Case[] = authRoutes.flatMap(([method, path, body]) =>
    ATTACKS.map(([what, authorization, code]): Case => ({
      name: `${method} ${path.replace(/[0-9a-f-]{36}/g, ':id')}: ${what}`,
      who: 'anonymous',
      method,
      path,
      body: body.body,
      headers: { ...body.headers, ...(authorization === undefined ? {} : { authorization }) },
      status: 401,
      code,
      errorPath: null,
    })),
  );

  return {
    'wrong types': wrongTypes,
    'unknown fields': unknownFields,
    'missing fields': missingFields,
    'huge bodies': hugeBodies,
    'non-JSON bodies and content types': nonJson,
    'injection strings': injections,
    'control characters and broken Unicode': poisonedText,
    'malformed ids': malformedIds,
    'bad query strings': queries,
    'bad headers': headers,
    authentication,
  };
}

/** What is wrong with an answer to a hostile request; empty when it is a clean refusal. */
function problemsOf(c: Case, answer: Answer): string[] {
  const problems: string[] = [];
  if (answer.status < 400 || answer.status > 499) problems.push(`status ${answer.status}, expected a 4xx`);
  else if (c.status !== undefined && answer.status !== c.status)
    problems.push(`status ${answer.status}, expected ${c.status}`);
  if (!answer.contentType.startsWith('application/json')) problems.push(`content type "${answer.contentType}"`);
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    problems.push(`body is not JSON: ${JSON.stringify(answer.text.slice(0, 200))}`);
    return problems;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    problems.push(`body is not an object: ${answer.text.slice(0, 200)}`);
    return problems;
  }
  const { code, message, path, ...rest } = body as Record<string, unknown>;
  if (Object.keys(rest).length > 0) problems.push(`unexpected members ${Object.keys(rest).join(', ')}`);
  if (!(ERROR_CODES as readonly unknown[]).includes(code))
    problems.push(`code ${JSON.stringify(code)} is not an error code`);
  else if (c.code !== undefined && code !== c.code) problems.push(`code ${String(code)}, expected ${c.code}`);
  if (typeof message !== 'string' || message.length === 0) problems.push('no message');
  if (path !== undefined && typeof path !== 'string') problems.push(`path ${JSON.stringify(path)} is not text`);
  if (c.errorPath === null && path !== undefined) problems.push(`path ${JSON.stringify(path)}, expected none`);
  if (typeof c.errorPath === 'string' && path !== c.errorPath)
    problems.push(`path ${JSON.stringify(path)}, expected ${JSON.stringify(c.errorPath)}`);
  if (c.errorPath instanceof RegExp && !(typeof path === 'string' && c.errorPath.test(path)))
    problems.push(`path ${JSON.stringify(path)}, expected to match ${String(c.errorPath)}`);
  for (const [what, pattern] of LEAKS)
    if (pattern.test(answer.text)) problems.push(`leaks ${what}: ${answer.text.slice(0, 300)}`);
  return problems;
}

describe('malformed and hostile requests are refused cleanly and change nothing', () => {
  let stack: E2eStack;
  const clients = {} as Record<Who, HttpClient>;
  let tables: Tables;
  let before: Map<string, string>;
  const counts: Record<string, number> = {};

  /** Every table's row count and a checksum of its content, in a stable order. */
  async function snapshot(): Promise<Map<string, string>> {
    const tableNames: { name: string }[] = await stack.db.dataSource.query(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const result = new Map<string, string>();
    for (const { name } of tableNames) {
      const [row]: { n: number; sum: string | null }[] = await stack.db.dataSource.query(
        `SELECT count(*)::int AS n, md5(string_agg(t::text, ',' ORDER BY t::text)) AS sum FROM "${name.replace(/"/g, '""')}" t`,
      );
      result.set(name, `${row?.n ?? 0} rows, ${row?.sum ?? 'empty'}`);
    }
    return result;
  }

  beforeAll(async () => {
    stack = await startE2eStack();
    for (const [who, principal] of Object.entries(PRINCIPALS)) clients[who as Who] = await stack.as(principal);
    clients.anonymous = stack.anonymous();
    const alice = clients.alice;

    // Alice: one journey that asks her something, one with an open task at the business counter, and a mandate.
    const started = await Promise.all(
      [0, 1].map(async () => {
        const result = await alice.post<{ id: string }>('/api/journeys', {
          lifeEvent: LIFE_EVENT,
          intake: startIntake(),
        });
        if (result.status !== 201) throw new Error(`start answered ${result.status}: ${JSON.stringify(result.body)}`);
        return result.body.id;
      }),
    );
    const [journey = '', withTask = ''] = started;
    const asked = await waitFor('something asked', async () => {
      const timeline = await alice.get<{ asked: { item: string; type: string }[] }>(`/api/journeys/${withTask}`);
      return timeline.body.asked?.length ? timeline.body.asked : undefined;
    });
    const answered = await alice.post(`/api/journeys/${withTask}/inputs`, {
      items: Object.fromEntries(asked.map((a) => [a.item, sampleFor(a)])),
    });
    if (answered.status !== 200) throw new Error(`inputs answered ${answered.status}`);
    const task = await waitFor('the kbo task', async () => {
      const rows: { id: string }[] = await stack.db.dataSource.query(
        `SELECT id FROM agency_tasks WHERE journey_id = $1 AND status = 'open'`,
        [withTask],
      );
      return rows[0]?.id;
    });
    await waitFor('journey asking for input', async () => {
      const timeline = await alice.get<{ asked: unknown[] }>(`/api/journeys/${journey}`);
      return timeline.body.asked?.length ? true : undefined;
    });
    const mandate = await alice.post<{ id: string }>('/api/mandates', {
      intermediary: 'accountant-an',
      lifeEvents: [LIFE_EVENT],
      validUntil: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });

    const sign = (claims: Record<string, unknown>, lifetime?: number) => stack.signToken(claims, lifetime);
    const alicesToken = await sign({ sub: 'alice', roles: ['citizen'] });
    const [header = '', payload = ''] = alicesToken.split('.');
    const unsigned = (head: Record<string, unknown>, claims: Record<string, unknown>) =>
      `${Buffer.from(JSON.stringify(head)).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    const aliceClaims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const foreign = await new SignJWT({ ...aliceClaims })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(new TextEncoder().encode('another secret of sufficient length, not ours'));
    const tokens: Record<string, string | undefined> = {
      alice: alicesToken,
      clerk: await sign({ sub: PRINCIPALS.clerk.sub, roles: ['counter'], agency: 'gemeente' }),
      carol: await sign({ sub: 'carol', roles: ['citizen'] }),
      loket: await sign({ sub: PRINCIPALS.loket.sub, roles: ['agency'], agency: 'ondernemingsloket' }),
      'attack:expired-token:an expired token': await sign({ sub: 'alice', roles: ['citizen'] }, -60),
      'attack:invalid-token:a token signed with another secret': foreign,
      'attack:invalid-token:an alg none token': unsigned({ alg: 'none', typ: 'JWT' }, aliceClaims),
      'attack:invalid-token:an alg None token with the real signature': `${Buffer.from(JSON.stringify({ alg: 'None' })).toString('base64url')}.${payload}.${alicesToken.split('.')[2] ?? ''}`,
      'attack:invalid-token:a token whose claims were changed after signing': `${header}.${Buffer.from(JSON.stringify({ ...aliceClaims, roles: ['admin'] })).toString('base64url')}.${alicesToken.split('.')[2] ?? ''}`,
      'attack:invalid-token:a token of another issuer': await sign({
        sub: 'alice',
        roles: ['citizen'],
        iss: 'https://evil.example',
      }),
      'attack:invalid-token:a token for another audience': await sign({
        sub: 'alice',
        roles: ['citizen'],
        aud: 'another-app',
      }),
      'attack:invalid-token:a token that is not valid yet': await sign({
        sub: 'alice',
        roles: ['citizen'],
        nbf: Math.floor(Date.now() / 1000) + 3600,
      }),
      'attack:invalid-token:a token that never expires': await sign({
        sub: 'alice',
        roles: ['citizen'],
        exp: undefined,
      }),
      // Issue 11, finding 7: a lifetime of at most 12 hours, and no more than a minute of clock skew.
      'attack:invalid-token:a token valid for 100 years': await sign(
        { sub: 'alice', roles: ['citizen'] },
        100 * 365 * 86_400,
      ),
      'attack:invalid-token:a token issued a year in the future': await sign({
        sub: 'alice',
        roles: ['citizen'],
        iat: Math.floor(Date.now() / 1000) + 365 * 86_400,
        exp: Math.floor(Date.now() / 1000) + 365 * 86_400 + 3600,
      }),
      'attack:invalid-token:a token without its issue time': await sign({
        sub: 'alice',
        roles: ['citizen'],
        iat: undefined,
      }),
      'attack:invalid-claims:a token with an unknown role': await sign({ sub: 'alice', roles: ['root'] }),
      'attack:invalid-claims:a token with roles as text': await sign({ sub: 'alice', roles: 'admin' }),
      'attack:invalid-claims:a token without roles': await sign({ sub: 'alice', roles: [] }),
      'attack:invalid-claims:a token without sub': await sign({ roles: ['citizen'] }),
      'attack:invalid-claims:a token with an empty sub': await sign({ sub: '', roles: ['citizen'] }),
      'attack:invalid-claims:a token with a path as sub': await sign({ sub: '../alice', roles: ['citizen'] }),
      'attack:invalid-claims:a token with a sub of 300 characters': await sign({
        sub: 'a'.repeat(300),
        roles: ['citizen'],
      }),
      'attack:invalid-claims:a token with a NoSQL sub': await sign({ sub: { $ne: null }, roles: ['citizen'] }),
      'attack:invalid-claims:an agency token without an agency claim': await sign({
        sub: 'officer-x',
        roles: ['agency'],
      }),
      'attack:invalid-claims:a counter token without an agency claim': await sign({
        sub: 'clerk-x',
        roles: ['counter'],
      }),
      'attack:invalid-claims:an owner token without an owner claim': await sign({ sub: 'owner-x', roles: ['owner'] }),
      'attack:invalid-claims:an agency token with a script as agency': await sign({
        sub: 'officer-x',
        roles: ['agency'],
        agency: '<script>',
      }),
    };
    tables = buildCases({ journey, task, mandate: mandate.body.id }, tokens);

    // The suite starts from rest: nothing changed for longer than the worker's pollers' interval (5 s).
    let previous = await snapshot();
    let stableMs = 0;
    for (let attempt = 0; attempt < 60 && stableMs < QUIET_MS; attempt++) {
      await new Promise((r) => setTimeout(r, 500));
      const current = await snapshot();
      stableMs = JSON.stringify([...current]) === JSON.stringify([...previous]) ? stableMs + 500 : 0;
      previous = current;
    }
    if (stableMs < QUIET_MS) throw new Error('the database did not come to rest before the suite');
    before = previous;
  }, 120_000);

  afterAll(async () => {
    if (Object.keys(counts).length > 0)
      console.log(
        `bad-input cases per category: ${JSON.stringify(counts)}; total ${Object.values(counts).reduce((a, b) => a + b, 0)}`,
      );
    await stack?.stop();
  });

  async function answerTo(c: Case): Promise<Answer> {
    if (c.socket)
      return overSocket(stack.baseUrl, c.method, c.path, c.headers ?? {}, typeof c.body === 'string' ? c.body : '');
    const result = await clients[c.who ?? 'alice'].probe(c.method, c.path, c.body, c.headers ?? {});
    return { status: result.status, contentType: result.headers.get('content-type') ?? '', text: result.text };
  }

  const CATEGORIES = [
    'wrong types',
    'unknown fields',
    'missing fields',
    'huge bodies',
    'non-JSON bodies and content types',
    'injection strings',
    'control characters and broken Unicode',
    'malformed ids',
    'bad query strings',
    'bad headers',
    'authentication',
  ];

  it.each(CATEGORIES)(
    '%s: each is a 4xx with the error shape, the right code and path, and no internals',
    async (category) => {
      const cases = tables[category] ?? [];
      counts[category] = cases.length;
      expect(cases.length).toBeGreaterThan(0);
      const failures: string[] = [];
      for (const c of cases) {
        const answer = await answerTo(c);
        const problems = problemsOf(c, answer);
        if (problems.length > 0) failures.push(`${c.name} → ${problems.join('; ')} | ${answer.text.slice(0, 160)}`);
      }
      expect(failures).toEqual([]);
    },
  );

  it('ran at least 200 cases', () => {
    expect(Object.values(tables).reduce((total, cases) => total + cases.length, 0)).toBeGreaterThanOrEqual(200);
  });

  it('left every table exactly as it was (row counts and content checksums)', async () => {
    const after = await snapshot();
    expect(Object.fromEntries(after)).toEqual(Object.fromEntries(before));
  });

  it('keeps no trace of a refusal: the corrected request may reuse its Idempotency-Key (runs after the checksum)', async () => {
    const journeys: { id: string }[] = await stack.db.dataSource.query(
      `SELECT id FROM journeys WHERE subject = 'alice' AND status = 'active' ORDER BY started_at LIMIT 1`,
    );
    const path = `/api/journeys/${journeys[0]?.id ?? ''}/withdraw`;
    const headers = { 'content-type': 'application/json', 'idempotency-key': 'withdraw-after-a-typo' };
    const refused = await clients.alice.probe('POST', path, JSON.stringify({ reason: 42 }), headers);
    expect({ status: refused.status, body: refused.body }).toEqual({
      status: 400,
      body: { code: 'invalid-request', message: expect.any(String), path: 'reason' },
    });
    const corrected = await clients.alice.probe('POST', path, JSON.stringify({ reason: 'changed my mind' }), headers);
    expect(corrected.status).toBe(200);
    const replayed = await clients.alice.probe('POST', path, JSON.stringify({ reason: 'changed my mind' }), headers);
    expect({ status: replayed.status, replayed: replayed.headers.get('idempotent-replayed') }).toEqual({
      status: 200,
      replayed: 'true',
    });
  });

  it('logged nothing unexpected: no unhandled error in the API', () => {
    expect(
      stack
        .logs()
        .split('\n')
        .filter((line) => /incident [0-9a-f-]{36}/.test(line)),
    ).toEqual([]);
  });
});
