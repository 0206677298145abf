import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { parserError } from './error.filter';

export const JSON_TYPES = ['application/json', 'application/*+json'];

/**
 * The JSON body parser, with its failures turned into Passage errors where they happen. Passed on raw, Nest turns a
 * parse failure (a SyntaxError) into a generic 400 before any filter sees it, and `invalid-json` would be lost.
 */
export function jsonBody(limit: string): RequestHandler {
  const parse = express.json({ limit, strict: true, type: JSON_TYPES });
  return (request: Request, response: Response, next: NextFunction) =>
    parse(request, response, (error?: unknown) =>
      error === undefined || error === null ? next() : next(parserError(error) ?? error),
    );
}
