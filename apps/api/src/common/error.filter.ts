import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { PassageError, type ErrorCode } from '@passage/contracts';
import { AuthenticationError } from '@passage/auth';
import { isDatabaseUnavailable } from '@passage/persistence';
import { isTemporalUnavailable, temporalUnavailable } from '@passage/temporal';
import { statusOf, type ErrorResponse } from './error-response';
import { RateLimitedError } from './rate-limits';

/** What a 503 asks the client to wait before it tries again, in seconds (the outages it answers are short or long). */
export const RETRY_AFTER_SECONDS = 5;

const HTTP_CODES: Record<number, ErrorCode> = {
  400: 'invalid-request',
  404: 'not-found',
  405: 'method-not-allowed',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
};

/**
 * Body-parser failures carry a `type`; they are the client's fault and say so. Other failures of reading a body
 * (a gzip body that is not gzip, a length that does not match) are http-errors with a 4xx `status` and `expose`.
 */
export function parserError(error: unknown): PassageError | undefined {
  const type = (error as { type?: unknown })?.type;
  if (type === 'entity.parse.failed') return new PassageError('invalid-json', 'the body is not valid JSON');
  if (type === 'entity.too.large') return new PassageError('payload-too-large', 'the body is larger than allowed');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported')
    return new PassageError('unsupported-media-type', 'the body must be UTF-8 JSON');
  if (type === 'request.aborted' || type === 'request.size.invalid' || type === 'stream.encoding.set')
    return new PassageError('invalid-request', 'the body could not be read');
  const { status, expose } = (error ?? {}) as { status?: unknown; expose?: unknown };
  if (typeof status === 'number' && status >= 400 && status < 500 && expose === true)
    return new PassageError('invalid-request', 'the body could not be read');
  return undefined;
}

/**
 * Turns every failure into `{ code, message, path? }`. Nothing internal leaks: unexpected errors answer 500 with an
 * incident id, and only the error's class and that id are logged (messages may quote personal data).
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('api');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const known = this.toPassageError(error);
    const body: ErrorResponse = known ?? {
      code: 'internal',
      message: `unexpected error (incident ${this.report(error)})`,
    };
    if (response.headersSent) {
      response.end();
      return;
    }
    if (
      body.code === 'missing-token' ||
      body.code === 'invalid-token' ||
      body.code === 'expired-token' ||
      body.code === 'invalid-claims'
    ) {
      response.setHeader('WWW-Authenticate', `Bearer error="invalid_token"`);
    }
    if (body.code === 'unavailable') response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    if (error instanceof RateLimitedError) response.setHeader('Retry-After', String(error.retryAfterSeconds));
    response
      .status(statusOf(body.code))
      .json(
        known
          ? { code: known.code, message: known.message, ...(known.path !== undefined ? { path: known.path } : {}) }
          : body,
      );
  }

  private toPassageError(error: unknown): PassageError | undefined {
    if (error instanceof PassageError) return error;
    if (error instanceof AuthenticationError) return new PassageError(error.code, error.message);
    const parsed = parserError(error);
    if (parsed) return parsed;
    // A server that is down or did not answer within the call bound: the client may retry, and is told when.
    if (isTemporalUnavailable(error)) return this.unavailable('temporal', temporalUnavailable());
    if (isDatabaseUnavailable(error))
      return this.unavailable(
        'database',
        new PassageError('unavailable', 'the database cannot be reached now; try again later'),
      );
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const code = HTTP_CODES[status];
      if (code === 'not-found') return new PassageError('not-found', 'no such resource');
      if (code) return new PassageError(code, status === 400 ? 'the request is malformed' : error.message);
    }
    return undefined;
  }

  /** Logged without the error's message (it may quote a statement's parameters): which server, nothing else. */
  private unavailable(server: 'temporal' | 'database', error: PassageError): PassageError {
    this.logger.warn(`unavailable: ${server} did not answer in time`);
    return error;
  }

  private report(error: unknown): string {
    const incident = randomUUID();
    this.logger.error(`incident ${incident}: ${error instanceof Error ? error.name : typeof error}`);
    return incident;
  }
}
