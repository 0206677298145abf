import type { PassageEnvironment } from '@passage/config';
import { webhookUrlProblem } from './put-agency.command';

/** The loopback addresses a development machine may call over plain http (no name: /etc/hosts could move it). */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', '[::1]']);

/**
 * What is wrong with a webhook URL in this environment, or undefined. Service requests carry personal data: they
 * travel over https, except to a loopback address outside production (local agencies and tests).
 */
export function webhookUrlPolicyProblem(url: string, environment: PassageEnvironment): string | undefined {
  const problem = webhookUrlProblem(url);
  if (problem) return problem;
  const { protocol, hostname } = new URL(url);
  if (protocol === 'https:') return undefined;
  if (environment !== 'production' && LOOPBACK_HOSTS.has(hostname)) return undefined;
  return environment === 'production'
    ? 'must be an https URL in production'
    : 'must be an https URL (http only to 127.0.0.1 or [::1] outside production)';
}
