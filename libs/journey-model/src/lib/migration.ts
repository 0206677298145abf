import type { LifeEventDefinition } from './definition.types';
import { FINAL_STEP_STATUSES, type StepStatus } from './step.machine';

export interface MigrationAssessment {
  readonly canMove: boolean;
  /** Why it cannot move now (empty when it can). */
  readonly reasons: readonly string[];
  /** Steps of the new version that the journey does not have yet: they become ready once their dependencies are done. */
  readonly added: readonly string[];
  /** Finished steps the new version no longer has: they stay in the record with their results. */
  readonly retired: readonly string[];
}

/**
 * Whether a running journey can move from one version to the next at its current point. It can when no step that
 * is under way would disappear or change hands (agency, service or mode): finished steps keep their results, even
 * when the new version dropped them; steps not started yet simply follow the new version.
 */
export function assessMigration(
  steps: readonly { readonly id: string; readonly status: StepStatus }[],
  from: LifeEventDefinition,
  to: LifeEventDefinition,
): MigrationAssessment {
  const reasons: string[] = [];
  if (from.id !== to.id) reasons.push(`${to.id} is another life event than ${from.id}`);
  if (to.version <= from.version) reasons.push(`version ${to.version} is not newer than ${from.version}`);
  const next = new Map(to.steps.map((step) => [step.id, step]));
  const current = new Map(from.steps.map((step) => [step.id, step]));
  const retired: string[] = [];
  for (const { id, status } of steps) {
    const finished = FINAL_STEP_STATUSES.includes(status);
    const target = next.get(id);
    const source = current.get(id);
    if (!target) {
      if (finished || status === 'pending') {
        if (finished) retired.push(id);
      } else {
        reasons.push(`step ${id} is ${status} and version ${to.version} removes it`);
      }
      continue;
    }
    if (
      !finished &&
      status !== 'pending' &&
      source &&
      (source.agency !== target.agency || source.service !== target.service || source.mode !== target.mode)
    ) {
      reasons.push(`step ${id} is ${status} and version ${to.version} hands it to another agency, service or mode`);
    }
  }
  const known = new Set(steps.map((step) => step.id));
  return {
    canMove: reasons.length === 0,
    reasons,
    added: to.steps.filter((step) => !known.has(step.id)).map((step) => step.id),
    retired,
  };
}
