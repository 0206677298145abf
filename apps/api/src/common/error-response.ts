import type { ErrorCode } from '@passage/contracts';

/** The one error shape of the public contract. */
export interface ErrorResponse {
  readonly code: ErrorCode;
  readonly message: string;
  readonly path?: string;
}

/** Every code's HTTP status, decided in one exhaustive switch. */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'invalid-request':
    case 'invalid-json':
    case 'invalid-data-item':
    case 'missing-data-item':
    case 'invalid-definition':
      return 400;
    case 'missing-token':
    case 'invalid-token':
    case 'expired-token':
    case 'invalid-claims':
      return 401;
    case 'forbidden':
      return 403;
    case 'not-found':
      return 404;
    case 'method-not-allowed':
      return 405;
    case 'not-asked':
    case 'journey-not-active':
    case 'refusal-not-open':
    case 'already-answered':
    case 'conflicting-decision':
    case 'step-not-failed':
    case 'task-claimed':
    case 'version-conflict':
    case 'published-version-changed':
    case 'idempotency-key-in-progress':
      return 409;
    case 'request-timeout':
      return 408;
    case 'payload-too-large':
      return 413;
    case 'unsupported-media-type':
      return 415;
    case 'idempotency-key-reused':
      return 422;
    case 'rate-limited':
      return 429;
    case 'unavailable':
      return 503;
    case 'internal':
      return 500;
  }
}
