import type { KpiDefinition } from '@passage/process-owner';

/** How numbers read in the report; a missing value reads as a dash, never as `NaN` or `undefined`. */
const NONE = '—';

const finite = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

export function percent(value: number | null | undefined): string {
  if (!finite(value)) return NONE;
  // A small share that is not nothing (a budget barely touched) should not read as 0.0%.
  if (value > 0 && value < 0.001) return 'under 0.1%';
  return `${(value * 100).toFixed(value >= 0.995 || value === 0 ? 0 : 1)}%`;
}

export function euro(value: number | null | undefined): string {
  return finite(value)
    ? `EUR ${value.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
    : NONE;
}

export function days(value: number | null | undefined): string {
  if (!finite(value)) return NONE;
  return value < 1 ? `${(value * 24).toFixed(1)} hours` : `${value.toFixed(1)} days`;
}

export function count(value: number | null | undefined): string {
  return finite(value) ? value.toLocaleString('en-GB', { maximumFractionDigits: 2 }) : NONE;
}

/** A KPI value in its unit. */
export function inUnit(unit: KpiDefinition['unit'], value: number | null | undefined): string {
  switch (unit) {
    case 'share':
      return percent(value);
    case 'euro':
      return euro(value);
    case 'days':
      return days(value);
    case 'score':
      return finite(value) ? `${value.toFixed(2)} / 5` : NONE;
    case 'count':
      return count(value);
  }
}
