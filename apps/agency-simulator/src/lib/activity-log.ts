/** What the simulator did, for its log: agency, service, outcome and duration only, never a journey's data. */
export interface Activity {
  readonly agency: string;
  readonly service: string;
  readonly outcome: string;
  /** Simulated days the agency took. */
  readonly days?: number;
  readonly ms?: number;
  readonly via: 'worker' | 'webhook' | 'inbox';
  /** Past the agency's term (in simulated time). */
  readonly late?: boolean;
}

export type ActivityLog = (activity: Activity) => void;

/** One line per activity, e.g. `agency-simulator: favv favv-registration approved after 31.2 d (6240 ms) in the inbox, late`. */
export function activityLine({ agency, service, outcome, days, ms, via, late }: Activity): string {
  const took = days === undefined ? '' : ` after ${days.toFixed(1)} d (${ms ?? 0} ms)`;
  return `agency-simulator: ${agency} ${service} ${outcome}${took} ${via === 'inbox' ? 'in the inbox' : `via ${via}`}${late ? ', late' : ''}`;
}
