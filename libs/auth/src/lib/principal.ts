import { ROLES, type Role } from '@passage/contracts';

/** Who calls: a pseudonymous id (never a national number), roles, and the agency or owner staff belong to. */
export interface Principal {
  readonly sub: string;
  readonly roles: readonly Role[];
  readonly agency?: string;
  readonly owner?: string;
}

const SUBJECT_ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;

export function isSubjectId(value: unknown): value is string {
  return typeof value === 'string' && SUBJECT_ID.test(value);
}

export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';
  constructor(
    readonly code: 'missing-token' | 'invalid-token' | 'expired-token' | 'invalid-claims',
    message: string,
  ) {
    super(message);
  }
}

/** Reads Passage's claims from a verified token payload, refusing anything unexpected. */
export function principalFromClaims(claims: Record<string, unknown>): Principal {
  const { sub, roles, agency, owner } = claims;
  if (!isSubjectId(sub)) throw new AuthenticationError('invalid-claims', 'the token has no valid "sub" claim');
  if (
    !Array.isArray(roles) ||
    roles.length === 0 ||
    !roles.every((role) => (ROLES as readonly unknown[]).includes(role))
  ) {
    throw new AuthenticationError(
      'invalid-claims',
      `the token's "roles" claim must list roles among ${ROLES.join(', ')}`,
    );
  }
  if (agency !== undefined && !isSubjectId(agency))
    throw new AuthenticationError('invalid-claims', 'the token has an invalid "agency" claim');
  if (owner !== undefined && !isSubjectId(owner))
    throw new AuthenticationError('invalid-claims', 'the token has an invalid "owner" claim');
  const typed = roles as Role[];
  if (typed.some((role) => role === 'agency' || role === 'counter') && agency === undefined) {
    throw new AuthenticationError('invalid-claims', 'agency and counter staff need an "agency" claim');
  }
  if (typed.includes('owner') && owner === undefined)
    throw new AuthenticationError('invalid-claims', 'process-owner staff need an "owner" claim');
  return {
    sub,
    roles: typed,
    ...(agency ? { agency: agency as string } : {}),
    ...(owner ? { owner: owner as string } : {}),
  };
}
