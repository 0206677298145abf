import type { IncomingMessage } from 'node:http';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { parserError } from '../common/error.filter';
import { JSON_TYPES } from '../common/json-body';

interface WithRawBody {
  rawCallbackBody?: string;
}

/**
 * The JSON parser of agency callbacks (mounted on their route, before the general one, which then skips the
 * request): it keeps the exact text as well, since the signature covers those bytes and a re-serialised body could
 * differ in spacing or key order.
 */
export function callbackJsonBody(limit: string): RequestHandler {
  const parse = express.json({
    limit,
    strict: true,
    type: JSON_TYPES,
    verify: (request: IncomingMessage, _response, body: Buffer) => {
      (request as IncomingMessage & WithRawBody).rawCallbackBody = body.toString('utf8');
    },
  });
  return (request: Request, response: Response, next: NextFunction) =>
    parse(request, response, (error?: unknown) =>
      error === undefined || error === null ? next() : next(parserError(error) ?? error),
    );
}

export function rawCallbackBodyOf(request: IncomingMessage): string | undefined {
  return (request as IncomingMessage & WithRawBody).rawCallbackBody;
}
