import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { ApiMetrics } from '../health/metrics';

const logger = new Logger('http');

/**
 * Logs and measures every request by its route pattern (`/api/journeys/:id`), never its concrete path, query or
 * body: those can carry personal data.
 */
export function requestLogger(metrics: ApiMetrics, log: boolean) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = request.route?.path ? `${request.baseUrl}${request.route.path}` : 'unmatched';
      metrics.requestDuration.observe({ method: request.method, route, status: String(response.statusCode) }, seconds);
      if (log) logger.log(`${request.method} ${route} ${response.statusCode} ${(seconds * 1000).toFixed(1)}ms`);
    });
    next();
  };
}
