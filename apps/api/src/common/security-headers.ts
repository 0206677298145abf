import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/** The public catalogue: the same for everyone, so caches may keep it; everything else under /api may be personal. */
const PUBLIC_CATALOGUE = /^\/api\/life-events(\/|$)/;

/**
 * Headers of every API answer (issue 11, finding 6): `X-Content-Type-Options: nosniff`, `Referrer-Policy:
 * no-referrer` and helmet's other defaults; `Cache-Control: no-store` on everything under /api but the public
 * catalogue; and for the OpenAPI page a Content-Security-Policy that forbids framing it. The pages (`/`) set their
 * own, stricter policy.
 */
export function securityHeaders(): RequestHandler {
  const common = { referrerPolicy: { policy: 'no-referrer' as const }, crossOriginEmbedderPolicy: false };
  const api = helmet({ ...common, contentSecurityPolicy: false });
  // Swagger UI runs an inline initialiser and styles: allowed here, and only here, with no framing by anyone.
  const docs = helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  return (request: Request, response: Response, next: NextFunction) => {
    const path = request.path;
    if (!/^\/(api|health|metrics)(\/|$)/.test(path)) {
      next();
      return;
    }
    if (path.startsWith('/api/') && !PUBLIC_CATALOGUE.test(path)) response.setHeader('Cache-Control', 'no-store');
    (path === '/api/docs' || path.startsWith('/api/docs/') ? docs : api)(request, response, next);
  };
}
