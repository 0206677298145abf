import { createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { AuthenticationError, principalFromClaims, type Principal } from './principal';

export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
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

async function verified(verify: () => Promise<{ payload: JWTPayload }>, policy: TokenPolicy): Promise<Principal> {
  const maxLifetime = policy.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  try {
    const { payload } = await verify();
    if ((payload.exp ?? 0) - (payload.iat ?? 0) > maxLifetime)
      throw new AuthenticationError('invalid-token', `a token may be valid for at most ${maxLifetime / 3600} hours`);
    return principalFromClaims(payload as Record<string, unknown>);
  } catch (error) {
    if (error instanceof AuthenticationError) throw error;
    if (error instanceof errors.JWTExpired) throw new AuthenticationError('expired-token', 'the token has expired');
    // The reason (bad signature, wrong issuer…) is not echoed: it would help someone forging tokens.
    throw new AuthenticationError('invalid-token', 'the token is not valid');
  }
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
    );
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
    );
  }
}
