import type { DefinitionIndex } from './validation-index';
import { quote, show, suggestion, words, type Issues } from './validation-report';

/** What checking a step needs besides the step: where issues go, the index, and the agency registry if given. */
export interface StepChecks {
  readonly issues: Issues;
  readonly index: DefinitionIndex;
  /** Agency id → the ids of its services; undefined when no registry was given. */
  readonly agencies?: ReadonlyMap<string, readonly string[]>;
}

export function checkAgency(checks: StepChecks, agency: string, at: string): void {
  if (checks.agencies === undefined || checks.agencies.has(agency)) return;
  checks.issues.add(
    'unknown-agency',
    at,
    `${show(agency)} is not an agency of the registry.${suggestion(agency, checks.agencies.keys())}`,
  );
}

/** Only checked when the agency is known: an unknown agency is reported by itself. */
export function checkService(checks: StepChecks, agency: string | undefined, service: string, at: string): void {
  const services = agency === undefined ? undefined : checks.agencies?.get(agency);
  if (agency === undefined || services === undefined || services.includes(service)) return;
  const offered = services.length === 0 ? 'none' : words(services, 'and');
  checks.issues.add(
    'unknown-service',
    at,
    `Agency ${quote(agency)} offers no service ${show(service)}; it offers ${offered}.`,
  );
}
