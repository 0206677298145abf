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
});

describe('OIDC tokens, verified against a local issuer', () => {
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
