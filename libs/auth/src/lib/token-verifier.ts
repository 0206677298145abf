import { createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { AuthenticationError, principalFromClaims, type Principal } from './principal';

export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

export const DEV_ISSUER = 'passage-dev';

/** A token without an expiry would be a credential for ever: refused, whoever signed it. */
const REQUIRED_CLAIMS = ['exp'];
export const DEV_AUDIENCE = 'passage';

async function verified(verify: () => Promise<{ payload: JWTPayload }>): Promise<Principal> {
  try {
    const { payload } = await verify();
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

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  verify(token: string): Promise<Principal> {
    return verified(() =>
      jwtVerify(token, this.key, {
        issuer: DEV_ISSUER,
        audience: DEV_AUDIENCE,
        algorithms: ['HS256'],
        requiredClaims: REQUIRED_CLAIMS,
      }),
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

export interface OidcSettings {
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
    return verified(() =>
      jwtVerify(token, this.keys, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
        clockTolerance: 30,
        requiredClaims: REQUIRED_CLAIMS,
      }),
    );
  }
}
