import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { from, lastValueFrom, of, type Observable } from 'rxjs';
import { PassageError } from '@passage/contracts';
import type { AuthenticatedRequest } from './caller';
import { IdempotencyStore } from './idempotency.store';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
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

/** Every POST honours `Idempotency-Key`: the same key and request give the same answer, once; a refusal is not kept. */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (request.method !== 'POST') return next.handle();
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
    const scope = request.caller?.principal.sub ?? 'anonymous';
    const outcome = await this.store.begin(
      scope,
      key,
      IdempotencyStore.fingerprint([request.method, request.path, request.body]),
    );
    if (outcome.kind === 'replay') {
      response.status(outcome.statusCode);
      response.setHeader('Idempotent-Replayed', 'true');
      return lastValueFrom(of(outcome.response));
    }
    try {
      const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await this.store.complete(scope, key, response.statusCode, result);
      return result;
    } catch (error) {
      // Only what was done is remembered. A refusal (a malformed body, a journey that is not the caller's…) did
      // nothing: its key is forgotten, so that it leaves no trace and the corrected request can use the same key.
      await this.store.abandon(scope, key);
      throw error;
    }
  }
}
