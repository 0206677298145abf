import type { Client } from '@temporalio/client';
import type { NextFunction, Request, Response } from 'express';

/**
 * Every Temporal call made while answering a request shares one deadline, `timeoutMs` after the request arrived:
 * a Temporal server that is down or frozen costs a request that bound at most, and the request answers 503.
 * The deadline travels with the request's asynchronous context (Temporal's `withDeadline`), so this middleware must
 * come after every middleware that waits for the body: it calls the route handlers synchronously.
 */
export function temporalDeadline(temporal: Client, timeoutMs: number) {
  return (_request: Request, _response: Response, next: NextFunction): void => {
    void temporal.withDeadline(Date.now() + timeoutMs, async () => next());
  };
}
