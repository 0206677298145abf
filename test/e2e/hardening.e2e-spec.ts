// The security findings of issue 11 that need the whole stack: each block failed before its fix.
import { startE2eStack, type E2eStack } from './support/e2e-stack';
import { HttpClient } from './support/http-client';

describe('hardening (issue 11)', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startE2eStack();
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  describe('tokens (finding 7)', () => {
    it.each(['bearer', 'BEARER', 'bEaReR'])(
      'accepts the %s scheme (RFC 7235: schemes are case-insensitive)',
      async (scheme) => {
        const token = await stack.signToken({ sub: 'alice', roles: ['citizen'] });
        const client = new HttpClient(stack.baseUrl, { authorization: `${scheme} ${token}` });
        expect((await client.get('/api/journeys')).status).toBe(200);
      },
    );

    it('refuses a token valid for 100 years and one issued a year ahead, on every authenticated route', async () => {
      const now = Math.floor(Date.now() / 1000);
      const year = 365 * 86_400;
      for (const token of [
        await stack.signToken({ sub: 'alice', roles: ['citizen'] }, 100 * year),
        await stack.signToken({ sub: 'alice', roles: ['citizen'], iat: now + year, exp: now + year + 3600 }),
      ]) {
        const client = new HttpClient(stack.baseUrl, { authorization: `Bearer ${token}` });
        const answer = await client.get('/api/journeys');
        expect(answer.status).toBe(401);
        expect(answer.body).toMatchObject({ code: 'invalid-token' });
      }
    });
  });
});
