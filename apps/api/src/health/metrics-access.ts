import { createHash, timingSafeEqual } from 'node:crypto';
import { notFound } from '@passage/contracts';

/** Who may read /metrics (README, security). */
export type MetricsAccess =
  { readonly kind: 'open' } | { readonly kind: 'token'; readonly token: string } | { readonly kind: 'closed' };

export const METRICS_ACCESS = Symbol('MetricsAccess');

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Metrics tell how busy each life event is and how far the projection lags: for the operators' scraper only. In
 * production they need `PASSAGE_METRICS_TOKEN` as a bearer token; without one configured they do not exist there.
 */
export function requireMetricsAccess(access: MetricsAccess, authorization: string | undefined): void {
  if (access.kind === 'open') return;
  const given = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
  if (access.kind === 'token' && given !== undefined && timingSafeEqual(digest(given), digest(access.token))) return;
  throw notFound('route');
}
