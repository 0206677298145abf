import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { AuthenticationError } from './principal';
import { DevTokenVerifier, OidcTokenVerifier } from './token-verifier';

describe('development tokens', () => {
  const verifier = new DevTokenVerifier('a development secret of sufficient length');

  it('round-trips the claims Passage uses', async () => {
    const token = await verifier.issue({ sub: 'clerk-1', roles: ['counter'], agency: 'gemeente' });
    expect(await verifier.verify(token)).toEqual({ sub: 'clerk-1', roles: ['counter'], agency: 'gemeente' });
  });

  it('refuses a token signed with another secret, an expired token and malformed claims', async () => {
    const other = await new DevTokenVerifier('another secret of sufficient length!!').issue({
      sub: 'alice',
      roles: ['citizen'],
    });
    await expect(verifier.verify(other)).rejects.toMatchObject({ code: 'invalid-token' });
    const expired = await verifier.issue({ sub: 'alice', roles: ['citizen'] }, -60);
    await expect(verifier.verify(expired)).rejects.toMatchObject({ code: 'expired-token' });
    await expect(
      verifier.verify(await verifier.issue({ sub: 'alice', roles: ['root' as never] })),
    ).rejects.toMatchObject({ code: 'invalid-claims' });
    await expect(verifier.verify(await verifier.issue({ sub: 'clerk', roles: ['agency'] }))).rejects.toMatchObject({
      code: 'invalid-claims',
    });
    await expect(verifier.verify('not.a.token')).rejects.toBeInstanceOf(AuthenticationError);
    const forever = await new SignJWT({ roles: ['citizen'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('alice')
      .setIssuer('passage-dev')
      .setAudience('passage')
      .sign(new TextEncoder().encode('a development secret of sufficient length'));
    await expect(verifier.verify(forever)).rejects.toMatchObject({ code: 'invalid-token' });
  });

  describe('lifetime and clock skew (issue 11, finding 7)', () => {
    const secret = 'a development secret of sufficient length';
    const now = () => Math.floor(Date.now() / 1000);
    const signed = (times: { iat?: number; nbf?: number; exp: number }) =>
      new SignJWT({ roles: ['citizen'], ...times })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('alice')
        .setIssuer('passage-dev')
        .setAudience('passage')
        .sign(new TextEncoder().encode(secret));

    it('refuses a token valid for 100 years, or for a minute more than 12 hours', async () => {
      await expect(
        verifier.verify(await signed({ iat: now(), exp: now() + 100 * 365 * 86_400 })),
      ).rejects.toMatchObject({ code: 'invalid-token', message: 'a token may be valid for at most 12 hours' });
      await expect(verifier.verify(await signed({ iat: now(), exp: now() + 12 * 3600 + 60 }))).rejects.toMatchObject({
        code: 'invalid-token',
      });
      await expect(verifier.verify(await signed({ iat: now(), exp: now() + 12 * 3600 }))).resolves.toMatchObject({
        sub: 'alice',
      });
    });

    it('takes its maximum lifetime from the policy', async () => {
      const strict = new DevTokenVerifier(secret, { maxLifetimeSeconds: 3600 });
      await expect(strict.verify(await signed({ iat: now(), exp: now() + 7200 }))).rejects.toMatchObject({
        message: 'a token may be valid for at most 1 hours',
      });
      await expect(strict.verify(await signed({ iat: now(), exp: now() + 3600 }))).resolves.toBeDefined();
    });

    it('refuses a token issued in the future or not valid yet, beyond 60 seconds of skew', async () => {
      const year = 365 * 86_400;
      await expect(
        verifier.verify(await signed({ iat: now() + year, exp: now() + year + 3600 })),
      ).rejects.toMatchObject({ code: 'invalid-token' });
      await expect(verifier.verify(await signed({ iat: now() + 120, exp: now() + 3600 }))).rejects.toMatchObject({
        code: 'invalid-token',
      });
      await expect(
        verifier.verify(await signed({ iat: now(), nbf: now() + 120, exp: now() + 3600 })),
      ).rejects.toMatchObject({ code: 'invalid-token' });
      // Within the skew: an issuer whose clock is 30 s ahead.
      await expect(
        verifier.verify(await signed({ iat: now() + 30, nbf: now() + 30, exp: now() + 3600 })),
      ).resolves.toMatchObject({ sub: 'alice' });
    });

    it('refuses a token without its issue time', async () => {
      await expect(verifier.verify(await signed({ exp: now() + 3600 }))).rejects.toMatchObject({
        code: 'invalid-token',
      });
    });
  });
});

describe('OIDC tokens, verified against a local issuer', () => {
  // Each case fetches the issuer's keys over HTTP: on a busy machine that takes longer than Jest's default 5 s.
  jest.setTimeout(30_000);

  let server: Server;
  let issuer: string;
  let privateKey: KeyLike;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    server = createServer((_, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const sign = (claims: Record<string, unknown>, options: { audience?: string; key?: KeyLike; alg?: string } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: options.alg ?? 'RS256', kid: 'key-1' })
      .setIssuer(issuer)
      .setAudience(options.audience ?? 'passage')
      .setSubject('pairwise-42')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(options.key ?? privateKey);

  it('accepts a token signed by the issuer for this audience', async () => {
    const verifier = new OidcTokenVerifier({ issuer, audience: 'passage', jwksUrl: `${issuer}/jwks` });
    expect(await verifier.verify(await sign({ roles: ['citizen'] }))).toEqual({
      sub: 'pairwise-42',
      roles: ['citizen'],
    });
  });

  it('refuses an OIDC token valid for longer than the maximum lifetime', async () => {
    const verifier = new OidcTokenVerifier({ issuer, audience: 'passage', jwksUrl: `${issuer}/jwks` });
    const forever = await new SignJWT({ roles: ['citizen'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
      .setIssuer(issuer)
      .setAudience('passage')
      .setSubject('pairwise-42')
      .setIssuedAt()
      .setExpirationTime('100y')
      .sign(privateKey);
    await expect(verifier.verify(forever)).rejects.toMatchObject({ code: 'invalid-token' });
  });

  it('refuses another audience, another signing key and a symmetric algorithm', async () => {
    const verifier = new OidcTokenVerifier({ issuer, audience: 'passage', jwksUrl: `${issuer}/jwks` });
    await expect(verifier.verify(await sign({ roles: ['citizen'] }, { audience: 'other-app' }))).rejects.toMatchObject({
      code: 'invalid-token',
    });
    const stranger = await generateKeyPair('RS256');
    await expect(
      verifier.verify(await sign({ roles: ['citizen'] }, { key: stranger.privateKey })),
    ).rejects.toMatchObject({ code: 'invalid-token' });
    const hs = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(issuer)
      .setAudience('passage')
      .setSubject('x')
      .setExpirationTime('1m')
      .sign(new TextEncoder().encode('guessable'));
    await expect(verifier.verify(hs)).rejects.toMatchObject({ code: 'invalid-token' });
  });
});
