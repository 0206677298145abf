/**
 * Stable error codes of Passage's public contract (`{ code, message, path? }`). The HTTP edge maps each code to a
 * status with an exhaustive switch; clients rely on the code, never on the message.
 */
export const ERROR_CODES = [
  'invalid-request',
  'invalid-json',
  'payload-too-large',
  'request-timeout',
  'unsupported-media-type',
  'missing-token',
  'invalid-token',
  'expired-token',
  'invalid-claims',
  'not-found',
  'forbidden',
  'method-not-allowed',
  'idempotency-key-reused',
  'idempotency-key-in-progress',
  'invalid-data-item',
  'missing-data-item',
  'not-asked',
  'journey-not-active',
  'refusal-not-open',
  'already-answered',
  'conflicting-decision',
  'step-not-failed',
  'task-claimed',
  'version-conflict',
  'published-version-changed',
  'invalid-definition',
  'rate-limited',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A failure with a stable code, a plain-language message and, when it concerns a field, that field's path. */
export class PassageError extends Error {
  override readonly name = 'PassageError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}

/** Something the caller may not see, or that does not exist: the two are indistinguishable on purpose. */
export function notFound(what: string): PassageError {
  return new PassageError('not-found', `${what} not found`);
}
