/**
 * Why the SDK refused to turn a request or an answer into an outcome. Each type maps to one behaviour on both
 * transports: a non-retryable Temporal failure or an HTTP status (see the README's webhook contract).
 */
export type ServiceFailureType =
  /** The request's items have wrong types or an unknown structure: retrying the same request cannot help. */
  | 'InvalidServiceRequest'
  /** The handler answered outputs its output class refuses: a bug at the agency, not a network error. */
  | 'InvalidServiceOutput'
  /** No step of this agency serves the requested service. */
  | 'UnknownService'
  /** The agency cannot answer now (its back office is down): Passage retries with backoff. */
  | 'ServiceUnavailable';

export class ServiceFailure extends Error {
  override readonly name = 'ServiceFailure';

  constructor(
    readonly type: ServiceFailureType,
    message: string,
    /** For `ServiceUnavailable`: when to try again, if the agency knows. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  get retryable(): boolean {
    return this.type === 'ServiceUnavailable';
  }
}
