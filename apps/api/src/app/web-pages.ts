import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { workspaceRoot } from '@passage/config';

/**
 * Serves the pages of apps/web (semantic HTML, one CSS file, small ES modules, no build step) at `/`:
 *
 * - the page shell for every path in `routes.json` (the browser renders the view), and for any other path a 404
 *   with the same shell (the browser shows "page not found" in the reader's language);
 * - `/assets/v-<hash>/…`, the assets under a version derived from their content, cached for a year (immutable):
 *   the shell names this version, and modules import each other relatively, so one deployment's files never mix
 *   with another's; `/assets/…` without a version is served too, revalidated on every use;
 * - a strict Content-Security-Policy (`default-src 'self'`, no inline scripts or styles) and related headers.
 *
 * `/api`, `/health` and `/metrics` are left to the API (its JSON 404s included), as is anything but GET and HEAD,
 * and requests that prefer JSON to HTML.
 */
export function webPages(
  root: string = process.env['PASSAGE_WEB_ROOT'] ?? join(workspaceRoot(), 'apps', 'web', 'public'),
): RequestHandler {
  const shellFile = join(root, 'index.html');
  if (!existsSync(shellFile)) return (_request, _response, next) => next();

  const version = contentVersion(join(root, 'assets'));
  const routes = JSON.parse(readFileSync(join(root, 'routes.json'), 'utf8')) as Record<string, string>;
  const patterns = Object.keys(routes).map(
    (route) => new RegExp(`^${route.replace(/:[a-zA-Z]+/g, '[A-Za-z0-9-]{1,200}')}/?$`),
  );
  const shell = readFileSync(shellFile, 'utf8')
    .replaceAll('"/assets/', `"/assets/v-${version}/`)
    .replace('{{ROUTES}}', escapeAttribute(JSON.stringify(routes)));

  const immutable = express.static(join(root, 'assets'), {
    index: false,
    redirect: false,
    dotfiles: 'deny',
    etag: false,
    lastModified: false,
    immutable: true,
    maxAge: '365d',
  });
  const revalidated = express.static(join(root, 'assets'), {
    index: false,
    redirect: false,
    dotfiles: 'deny',
    cacheControl: false,
    setHeaders: (response) => response.setHeader('Cache-Control', 'no-cache'),
  });
  const versioned = `/assets/v-${version}/`;

  return (request: Request, response: Response, next: NextFunction): void => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const path = request.path;
    if (/^\/(api|health|metrics)(\/|$)/i.test(path)) return next();
    setSecurityHeaders(response);
    if (path.startsWith(versioned)) {
      request.url = request.url.slice(versioned.length - 1);
      return immutable(request, response, () => missingAsset(response));
    }
    if (path.startsWith('/assets/')) {
      request.url = request.url.slice('/assets'.length);
      return revalidated(request, response, () => missingAsset(response));
    }
    if (patterns.some((pattern) => pattern.test(path))) {
      if (!prefersHtml(request)) return next();
      response.status(200).setHeader('Cache-Control', 'no-cache');
      response.type('html').send(shell);
      return;
    }
    notFound(request, response, shell, next);
  };
}

/** The shell with status 404: the browser renders "page not found"; a client that prefers JSON gets the API's 404. */
function notFound(request: Request, response: Response, shell: string, next: NextFunction): void {
  if (!prefersHtml(request)) {
    for (const header of ['Content-Security-Policy', 'X-Frame-Options', 'Cross-Origin-Opener-Policy'])
      response.removeHeader(header);
    return next();
  }
  response.status(404).setHeader('Cache-Control', 'no-store');
  response.type('html').send(shell);
}

function missingAsset(response: Response): void {
  response.status(404).setHeader('Cache-Control', 'no-store');
  response.type('text').send('not found');
}

function prefersHtml(request: Request): boolean {
  return request.accepts(['html', 'json']) === 'html';
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function setSecurityHeaders(response: Response): void {
  response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
}

/** A short hash of every file's path and content under `dir`: it changes whenever any asset changes. */
function contentVersion(dir: string): string {
  const hash = createHash('sha256');
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(relative(dir, path)).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  if (existsSync(dir)) walk(dir);
  return hash.digest('hex').slice(0, 12);
}

function escapeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
