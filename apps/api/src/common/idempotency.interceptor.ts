import { Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { from, lastValueFrom, of, type Observable } from 'rxjs';
import { actingScope } from '@passage/auth';
import { ERROR_CODES, PassageError, type ErrorCode } from '@passage/contracts';
import type { AuthenticatedRequest } from './caller';
import { statusOf, type ErrorResponse } from './error-response';
import { IdempotencyStore } from './idempotency.store';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** A route whose answer must never be kept (it holds a secret shown once): a repeat runs again. */
const SKIP_IDEMPOTENCY = 'passage:skip-idempotency';
export const SkipIdempotency = () => SetMetadata(SKIP_IDEMPOTENCY, true);
const KEY = /^[\x21-\x7e]{1,200}$/;

/** The request's Idempotency-Key, checked; undefined when the client sent none. */
export function idempotencyKeyOf(request: AuthenticatedRequest): string | undefined {
  const key = request.headers[IDEMPOTENCY_HEADER];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || !KEY.test(key)) {
    throw new PassageError(
      'invalid-request',
      'Idempotency-Key must be 1 to 200 visible ASCII characters',
      `headers.${IDEMPOTENCY_HEADER}`,
    );
  }
  return key;
}

/**
 * Every POST honours `Idempotency-Key`: the same key and request give the same answer (status and body), once. A
 * refusal by the journey (409: not asked, no longer active…) is kept like any answer — its message may be on the
 * journey's record, and a repeat must not read as `duplicate` of something that never applied. Other refusals
 * (a malformed body, a journey that is not the caller's, a server that is out) did nothing: their key is forgotten.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (request.method !== 'POST' || this.reflector.get<boolean>(SKIP_IDEMPOTENCY, context.getHandler()))
      return next.handle();
    const key = idempotencyKeyOf(request);
    if (!key) return next.handle();
    return from(this.run(context, next, request, key));
  }

  private async run(
    context: ExecutionContext,
    next: CallHandler,
    request: AuthenticatedRequest,
    key: string,
  ): Promise<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    const scope = request.caller ? actingScope(request.caller) : 'anonymous';
    const outcome = await this.store.begin(
      scope,
      key,
      IdempotencyStore.fingerprint([request.method, request.path, request.body]),
    );
    if (outcome.kind === 'replay') {
      response.setHeader('Idempotent-Replayed', 'true');
      const refusal = keptRefusal(outcome.response);
      // The error filter writes the refusal again, exactly as the first time.
      if (outcome.statusCode >= 400 && refusal) throw refusal;
      response.status(outcome.statusCode);
      return lastValueFrom(of(outcome.response));
    }
    try {
      const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await this.store.complete(scope, key, response.statusCode, result);
      return result;
    } catch (error) {
      if (isJourneyRefusal(error)) {
        const body: ErrorResponse = {
          code: error.code,
          message: error.message,
          ...(error.path !== undefined ? { path: error.path } : {}),
        };
        await this.store.complete(scope, key, statusOf(error.code), body);
      } else {
        // A refusal that did nothing: its key is forgotten, so that the corrected request can use the same key.
        await this.store.abandon(scope, key);
      }
      throw error;
    }
  }
}

/** A refusal by the journey's state (409), other than the key's own "in progress". */
function isJourneyRefusal(error: unknown): error is PassageError {
  return error instanceof PassageError && statusOf(error.code) === 409 && error.code !== 'idempotency-key-in-progress';
}

/** A kept refusal's body as the error it was. */
function keptRefusal(response: unknown): PassageError | undefined {
  const { code, message, path } = (response ?? {}) as Partial<Record<keyof ErrorResponse, unknown>>;
  if (typeof code !== 'string' || !(ERROR_CODES as readonly string[]).includes(code) || typeof message !== 'string')
    return undefined;
  return new PassageError(code as ErrorCode, message, typeof path === 'string' ? path : undefined);
}
