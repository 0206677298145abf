import type { ChannelCosts, Channel } from '@passage/journey-model';
import type { KpiDefinition, KpiEvent, KpiHook, Measurement } from './kpi.types';
import type { CostRules, ProcessOwnerModule } from './process-owner.types';
import { STANDARD_KPIS } from './standard-kpis';

/** A measurement with its place among the event's measurements of the same KPI: stable, since hooks are pure. */
export interface NumberedMeasurement extends Measurement {
  readonly ordinal: number;
}

/** The hooks that measure a journey of this owner: the standard KPIs, then the owner's own. */
export function hooksOf(owner: ProcessOwnerModule | undefined): readonly KpiHook[] {
  return [...STANDARD_KPIS, ...(owner?.kpiHooks ?? [])];
}

/** The KPI definitions of these hooks, by id. */
export function kpiDefinitions(hooks: readonly KpiHook[]): ReadonlyMap<string, KpiDefinition> {
  return new Map(hooks.map((hook) => [hook.kpi.id, hook.kpi]));
}

/**
 * Runs every hook on one event. Measurements are numbered per KPI so that recording them again finds the same keys.
 * A hook that measures a KPI other than its own, or a value that is not a finite number, is a bug in that hook: it
 * throws rather than record something the reports would have to hide.
 */
export function measure(hooks: readonly KpiHook[], event: KpiEvent): NumberedMeasurement[] {
  const counts = new Map<string, number>();
  return hooks.flatMap((hook) =>
    hook.measure(event).map((measurement) => {
      if (measurement.kpi !== hook.kpi.id)
        throw new Error(`KPI hook ${hook.kpi.id} measured another KPI (${measurement.kpi})`);
      if (!Number.isFinite(measurement.value))
        throw new Error(`KPI hook ${hook.kpi.id} measured a value that is not a finite number`);
      const ordinal = counts.get(measurement.kpi) ?? 0;
      counts.set(measurement.kpi, ordinal + 1);
      return { ...measurement, ordinal };
    }),
  );
}

/** What one execution of a step costs: the owner's rule for the step and channel, else the definition's, else 0. */
export function stepCost(
  stepId: string,
  channel: Channel | undefined,
  definitionCost: ChannelCosts | undefined,
  rules: CostRules | undefined,
): number {
  if (channel === undefined) return 0;
  return rules?.[stepId]?.[channel] ?? definitionCost?.[channel] ?? 0;
}
