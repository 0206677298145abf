import { interpretAnswer } from './answer-interpretation';

const answer = (status: number, body?: unknown) => ({
  status,
  text: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  retryAfter: null,
});

describe('what a webhook answer means', () => {
  it('200 with outputs completes, 202 accepts, 422 with a reason rejects', () => {
    expect(interpretAnswer(answer(200, { outputs: { 'case.number': 'C-1' } }), 'perform')).toEqual({
      kind: 'outcome',
      outcome: { outcome: 'completed', outputs: { 'case.number': 'C-1' } },
    });
    expect(interpretAnswer(answer(202, ''), 'perform')).toEqual({ kind: 'outcome', outcome: { outcome: 'accepted' } });
    expect(interpretAnswer(answer(202, { reference: 'R-1' }), 'perform')).toEqual({
      kind: 'outcome',
      outcome: { outcome: 'accepted', reference: 'R-1' },
    });
    expect(interpretAnswer(answer(422, { reason: 'not eligible' }), 'perform')).toEqual({
      kind: 'outcome',
      outcome: { outcome: 'rejected', reason: 'not eligible' },
    });
  });

  it('refuses reasons, references and outputs with control characters or broken Unicode, without quoting them', () => {
    for (const [status, body] of [
      [422, { reason: 'nee\u0000' }],
      [422, { reason: 'nee\uDC00' }],
      [202, { reference: 'R\u00851' }],
      [200, { outputs: { 'case.number': 'C\u0000-1' } }],
    ] as const) {
      const meaning = interpretAnswer(answer(status, body), 'perform');
      expect(meaning).toMatchObject({ kind: 'violation' });
      expect(JSON.stringify(meaning)).not.toMatch(/nee|R.1|C.\\u0000/);
    }
  });

  it('a compensation may answer 200 without outputs', () => {
    expect(interpretAnswer(answer(200, {}), 'compensate')).toEqual({
      kind: 'outcome',
      outcome: { outcome: 'completed', outputs: {} },
    });
    expect(interpretAnswer(answer(200, {}), 'perform')).toMatchObject({ kind: 'violation' });
  });

  it.each([500, 502, 503, 504, 408, 429])('%i: unavailable for now', (status) => {
    expect(interpretAnswer(answer(status), 'perform')).toEqual({ kind: 'unavailable', reason: `answered ${status}` });
  });

  it.each([400, 401, 403, 404, 409, 410, 413, 201, 204, 301, 302])(
    '%i: outside the contract, not retried',
    (status) => {
      expect(interpretAnswer(answer(status, {}), 'perform').kind).toBe('violation');
    },
  );

  it('refuses bodies that do not fit their status, without quoting them', () => {
    const secret = 'Kerkstraat 1';
    const malformed = [
      answer(200, 'not json'),
      answer(200, { outputs: { 'case.number': { nested: secret } } }),
      answer(422, {}),
      answer(422, { reason: '' }),
      answer(202, { reference: 42 }),
    ];
    for (const a of malformed) {
      const meaning = interpretAnswer(a, 'perform');
      expect(meaning.kind).toBe('violation');
      expect(JSON.stringify(meaning)).not.toContain(secret);
    }
  });
});
