import { randomUUID } from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { AuthenticationError, isSubjectId, principalFromClaims, type Principal } from './principal';

export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
  /**
   * The subject of a token the identity provider issued moments ago to another of our clients (the counter
   * application, whose audience or `azp` is `clientId`): the citizen signed in in front of a clerk (ADR 0010).
   */
  verifyPresence(token: string, clientId: string): Promise<string>;
}

export const DEV_ISSUER = 'passage-dev';

/**
 * A token without an expiry would be a credential for ever, and one without its issue time could not show how long
 * it lives: both are refused, whoever signed them.
 */
const REQUIRED_CLAIMS = ['exp', 'iat'];
export const DEV_AUDIENCE = 'passage';

/** The longest a token may live (`exp - iat`) unless configured otherwise. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 12 * 3600;
/** How far the issuer's clock may be ahead of or behind ours (`iat`, `nbf`, `exp`). */
export const CLOCK_SKEW_SECONDS = 60;

export interface TokenPolicy {
  /** Tokens issued for longer than this are refused, even while fresh. */
  readonly maxLifetimeSeconds?: number;
}

function verifyOptions(policy: TokenPolicy) {
  const maxLifetime = policy.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  return {
    clockTolerance: CLOCK_SKEW_SECONDS,
    requiredClaims: REQUIRED_CLAIMS,
    // With a maximum age jose also refuses an `iat` in the future (beyond the skew): a token issued tomorrow.
    maxTokenAge: maxLifetime,
  };
}

async function verified<T>(
  verify: () => Promise<{ payload: JWTPayload }>,
  policy: TokenPolicy,
  read: (claims: JWTPayload) => T,
): Promise<T> {
  const maxLifetime = policy.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  try {
    const { payload } = await verify();
    if ((payload.exp ?? 0) - (payload.iat ?? 0) > maxLifetime)
      throw new AuthenticationError('invalid-token', `a token may be valid for at most ${maxLifetime / 3600} hours`);
    return read(payload);
  } catch (error) {
    if (error instanceof AuthenticationError) throw error;
    if (error instanceof errors.JWTExpired) throw new AuthenticationError('expired-token', 'the token has expired');
    // The reason (bad signature, wrong issuer…) is not echoed: it would help someone forging tokens.
    throw new AuthenticationError('invalid-token', 'the token is not valid');
  }
}

const principalOf = (claims: JWTPayload) => principalFromClaims(claims as Record<string, unknown>);

/** A sign-in at the counter proves presence for a few minutes only: an older token may have been passed on. */
export const PRESENCE_TOKEN_MAX_AGE_SECONDS = 300;

/** The subject of a presence token issued for `clientId` (as audience or authorised party). */
function presentSubjectOf(clientId: string): (claims: JWTPayload) => string {
  return (claims) => {
    const audiences = typeof claims.aud === 'string' ? [claims.aud] : (claims.aud ?? []);
    if (!audiences.includes(clientId) && claims['azp'] !== clientId)
      throw new AuthenticationError('invalid-token', `the token was not issued to the counter client (${clientId})`);
    if (!isSubjectId(claims.sub)) throw new AuthenticationError('invalid-claims', 'the token has no valid "sub" claim');
    return claims.sub;
  };
}

/** Development tokens: HS256 with the configured secret (printed by `passage token`). */
export class DevTokenVerifier implements TokenVerifier {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly policy: TokenPolicy = {},
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  verify(token: string): Promise<Principal> {
    return verified(
      () =>
        jwtVerify(token, this.key, {
          issuer: DEV_ISSUER,
          audience: DEV_AUDIENCE,
          algorithms: ['HS256'],
          ...verifyOptions(this.policy),
        }),
      this.policy,
      principalOf,
    );
  }

  verifyPresence(token: string, clientId: string): Promise<string> {
    return verified(
      () =>
        jwtVerify(token, this.key, {
          issuer: DEV_ISSUER,
          algorithms: ['HS256'],
          ...verifyOptions(this.policy),
          maxTokenAge: PRESENCE_TOKEN_MAX_AGE_SECONDS,
        }),
      this.policy,
      presentSubjectOf(clientId),
    );
  }

  /** What the identity provider gives the counter application when the citizen signs in there (development). */
  issuePresence(subject: string, clientId: string, lifetimeSeconds = PRESENCE_TOKEN_MAX_AGE_SECONDS): Promise<string> {
    // Every sign-in is a token of its own (jti), as an identity provider's are.
    return new SignJWT({ azp: clientId, jti: randomUUID() })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(subject)
      .setIssuer(DEV_ISSUER)
      .setAudience(clientId)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + lifetimeSeconds)
      .sign(this.key);
  }

  issue(principal: Principal, lifetimeSeconds = 8 * 3600): Promise<string> {
    const { sub, ...claims } = principal;
    return new SignJWT({ ...claims, roles: [...principal.roles] })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(sub)
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + lifetimeSeconds)
      .sign(this.key);
  }
}

export interface OidcSettings extends TokenPolicy {
  readonly issuer: string;
  readonly audience: string;
  /** The issuer's JSON Web Key Set. */
  readonly jwksUrl: string;
}

/** Production: tokens signed by an OIDC issuer, verified against its published keys (asymmetric algorithms only). */
export class OidcTokenVerifier implements TokenVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly settings: OidcSettings) {
    this.keys = createRemoteJWKSet(new URL(settings.jwksUrl), { cooldownDuration: 30_000, timeoutDuration: 5_000 });
  }

  verify(token: string): Promise<Principal> {
    return verified(
      () =>
        jwtVerify(token, this.keys, {
          issuer: this.settings.issuer,
          audience: this.settings.audience,
          algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
          ...verifyOptions(this.settings),
        }),
      this.settings,
      principalOf,
    );
  }

  verifyPresence(token: string, clientId: string): Promise<string> {
    return verified(
      () =>
        jwtVerify(token, this.keys, {
          issuer: this.settings.issuer,
          algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
          ...verifyOptions(this.settings),
          maxTokenAge: PRESENCE_TOKEN_MAX_AGE_SECONDS,
        }),
      this.settings,
      presentSubjectOf(clientId),
    );
  }
}
