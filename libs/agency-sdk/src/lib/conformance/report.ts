import type { CheckName } from './probe-requests';

export interface ConformanceCheck {
  /** The service checked; `*` for the agency-wide `reachable` check. */
  readonly service: string;
  readonly check: CheckName | 'reachable';
  readonly passed: boolean;
  readonly detail: string;
  readonly ms: number;
}

export interface ConformanceReport {
  readonly agency: string;
  readonly passed: boolean;
  /** When the run started (ISO date-time). */
  readonly startedAt: string;
  readonly checks: readonly ConformanceCheck[];
}

/** The report as a plain-text table, to read in a terminal or attach to the agency's onboarding file. */
export function formatReport(report: ConformanceReport): string {
  const passed = report.checks.filter((c) => c.passed).length;
  const rows = report.checks.map((c) => [c.passed ? 'PASS' : 'FAIL', c.service, c.check, `${c.ms} ms`, c.detail]);
  const header = ['result', 'service', 'check', 'time', 'detail'];
  const widths = header
    .slice(0, 4)
    .map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === 3 ? cell.padStart(widths[i] ?? 0) : i < 4 ? cell.padEnd(widths[i] ?? 0) : cell))
      .join('  ')
      .trimEnd();
  return [
    `Passage conformance report for agency ${report.agency}: ${report.passed ? 'PASSED' : 'FAILED'} (${passed} of ${report.checks.length} checks passed, ${report.startedAt})`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w)).concat('------')),
    ...rows.map(line),
    '',
  ].join('\n');
}
