import { AGENCY_SECRET_REF } from '@passage/registry';

/** Shorter secrets are refused: an HMAC key should carry at least as much entropy as 24 random bytes. */
export const MIN_SECRET_LENGTH = 32;

/** A webhook agency whose settings cannot work (unknown secretRef form, secret unset, URL not allowed). */
export class AgencyConfigurationError extends Error {
  override readonly name = 'AgencyConfigurationError';
}

/**
 * The signing secret an agency's `secretRef` points at. The only form is `env:PASSAGE_AGENCY_SECRET_<NAME>`: the
 * secret stays in the environment of the API and worker processes (where a secret manager can put it), never in
 * the database. Anything else is refused with a message that says what is expected.
 */
export function resolveAgencySecret(secretRef: string, env: NodeJS.ProcessEnv = process.env): string {
  const match = AGENCY_SECRET_REF.exec(secretRef);
  if (!match) {
    throw new AgencyConfigurationError(
      `secretRef "${secretRef.slice(0, 80)}" is not a known form: use env:PASSAGE_AGENCY_SECRET_<NAME>`,
    );
  }
  const variable = match[1];
  const secret = env[variable];
  if (!secret) throw new AgencyConfigurationError(`secretRef ${secretRef}: ${variable} is not set`);
  if (secret.length < MIN_SECRET_LENGTH)
    throw new AgencyConfigurationError(
      `secretRef ${secretRef}: the secret must be at least ${MIN_SECRET_LENGTH} characters`,
    );
  return secret;
}
