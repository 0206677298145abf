import type { LifeEventReport, YearlyReport } from '../reading/yearly-report';
import type { KpiView } from '../reading/kpi-view';
import { esc } from './escape';
import { count, days, euro, inUnit, percent } from './format';
import { barChart, columnChart, type Bar, type ChartText } from './svg-charts';

const STYLE = `
body{margin:0;font-family:system-ui,sans-serif;color:#1a1a1a;background:#f6f6f4;line-height:1.45}
main{max-width:980px;margin:0 auto;padding:24px}
header{border-bottom:4px solid #1d4f91;margin-bottom:24px}
h1{font-size:1.9rem;margin:0 0 4px}h2{font-size:1.5rem;margin:0 0 12px}h3{font-size:1.1rem;margin:20px 0 8px}
section{background:#fff;border-radius:8px;padding:20px 24px;margin:0 0 28px;box-shadow:0 1px 3px #0002}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:12px;margin:0;padding:0;list-style:none}
.cards li{border:1px solid #d0d0d0;border-radius:6px;padding:10px 12px}
.cards .big{display:block;font-size:1.5rem;font-weight:700}
.met{color:#1b5e20}.missed{color:#a4002a}
figure{margin:12px 0}figcaption{font-size:.9rem;color:#444}
table{border-collapse:collapse;margin:8px 0;font-size:.92rem}th,td{border-bottom:1px solid #ddd;padding:4px 10px;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}
details summary{cursor:pointer;color:#1d4f91}
.empty{color:#555;font-style:italic}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media print{body{background:#fff}section{box-shadow:none;break-inside:avoid}}
`;

/** Met or missed, said in words and a symbol, never by colour alone. */
function verdict(met: boolean | null): string {
  if (met === null) return '';
  return met ? ' <span class="met">✓ target met</span>' : ' <span class="missed">✗ target missed</span>';
}

function card(label: string, value: string, detail = '', met: boolean | null = null): string {
  return `<li><span class="big">${esc(value)}</span>${esc(label)}${detail ? `<br><small>${esc(detail)}</small>` : ''}${verdict(met)}</li>`;
}

function table(
  caption: string,
  head: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: readonly number[] = [],
): string {
  const th = head.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${row.map((cell, i) => `<td${numeric.includes(i) ? ' class="n"' : ''}>${esc(cell)}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<table><caption class="visually-hidden">${esc(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

/** A chart with its numbers as a table (the text alternative), or a sentence when there is nothing to show. */
function figure(chart: ChartText, svg: string | undefined, numbers: string): string {
  if (svg === undefined)
    return `<h3>${esc(chart.title)}</h3><p class="empty">Nothing was measured for this in the year.</p>`;
  return `<h3 id="${esc(chart.id)}-heading">${esc(chart.title)}</h3><figure aria-labelledby="${esc(chart.id)}-heading">${svg}<figcaption>${esc(chart.description)}</figcaption></figure><details><summary>The numbers behind this chart</summary>${numbers}</details>`;
}

const met = (value: number | null, target: number | null, better: 'at-most' | 'at-least'): boolean | null =>
  value === null || target === null ? null : better === 'at-most' ? value <= target : value >= target;

function headline(report: LifeEventReport): string {
  const { journeys, leadTimeDays: lead, onTime, onceOnlyRate, digitalShare, satisfaction, budget } = report;
  return `<ul class="cards">${[
    card(
      'journeys started',
      count(journeys.started),
      `${count(journeys.completed)} completed, ${count(journeys.active)} under way, ${count(journeys.rejected + journeys.withdrawn + journeys.failed)} stopped`,
    ),
    card(
      'lead time, 9 in 10 journeys',
      days(lead.p90),
      `half within ${days(lead.p50)}; target ${days(lead.targetP90)}`,
      met(lead.p90, lead.targetP90, 'at-most'),
    ),
    card(
      'steps within their legal term',
      percent(onTime.rate),
      `target ${percent(onTime.target)}`,
      met(onTime.rate, onTime.target, 'at-least'),
    ),
    card(
      'data reused, not asked again',
      percent(onceOnlyRate.value),
      `target ${percent(onceOnlyRate.target)}`,
      met(onceOnlyRate.value, onceOnlyRate.target, 'at-least'),
    ),
    card(
      'contacts on digital channels',
      percent(digitalShare.value),
      `target ${percent(digitalShare.target)}`,
      met(digitalShare.value, digitalShare.target, 'at-least'),
    ),
    card(
      'satisfaction',
      inUnit('score', satisfaction.mean),
      `${count(satisfaction.answers)} answers; target ${inUnit('score', satisfaction.target)}`,
      met(satisfaction.mean, satisfaction.target, 'at-least'),
    ),
    card('spent of the budget', percent(budget.share), `${euro(budget.spent)} of ${euro(budget.budget)}`),
  ].join('')}</ul>`;
}

function leadTimeFigure(id: string, report: LifeEventReport): string {
  const lead = report.leadTimeDays;
  const columns: Bar[] = lead.distribution.map((bucket) => ({
    label: bucket.label,
    value: bucket.count,
    text: count(bucket.count),
  }));
  const chart = {
    id: `${id}-lead-time`,
    title: 'How long completed journeys took',
    description: `${count(lead.completed)} journeys completed; half within ${days(lead.p50)}, nine in ten within ${days(lead.p90)}.`,
  };
  return figure(
    chart,
    lead.completed > 0 ? columnChart({ ...chart, columns }) : undefined,
    table(
      chart.title,
      ['Lead time', 'Journeys'],
      lead.distribution.map((b) => [b.label, count(b.count)]),
      [1],
    ),
  );
}

function onTimeFigure(id: string, report: LifeEventReport): string {
  const { byAgency, target } = report.onTime;
  const bars: Bar[] = byAgency.map((a) => ({
    label: a.name,
    value: a.rate ?? 0,
    text: `${percent(a.rate)} of ${count(a.steps)}`,
  }));
  const chart = {
    id: `${id}-on-time`,
    title: 'Steps ended within their legal term, per agency',
    description: `Share of each agency's steps that ended within the statutory term${target === null ? '' : `; the target is ${percent(target)} (dashed line)`}.`,
  };
  const svg =
    bars.length > 0
      ? barChart({
          ...chart,
          bars,
          max: 1,
          markers: target === null ? [] : [{ value: target, label: `target ${percent(target)}` }],
        })
      : undefined;
  return figure(
    chart,
    svg,
    table(
      chart.title,
      ['Agency', 'Within the term', 'Steps'],
      byAgency.map((a) => [a.name, percent(a.rate), count(a.steps)]),
      [1, 2],
    ),
  );
}

function channelFigure(id: string, report: LifeEventReport): string {
  const bars: Bar[] = report.channelMix.map((c) => ({
    label: c.channel,
    value: c.share,
    text: `${percent(c.share)} (${count(c.count)})`,
  }));
  const chart = {
    id: `${id}-channels`,
    title: 'Channel mix of contacts',
    description: `How citizens and companies reached the services: ${percent(report.digitalShare.value)} of contacts were digital.`,
  };
  return figure(
    chart,
    bars.length > 0 ? barChart({ ...chart, bars, max: 1 }) : undefined,
    table(
      chart.title,
      ['Channel', 'Share', 'Contacts'],
      report.channelMix.map((c) => [c.channel, percent(c.share), count(c.count)]),
      [1, 2],
    ),
  );
}

function budgetFigure(id: string, report: LifeEventReport): string {
  const { budget } = report;
  const perAgency = {
    id: `${id}-cost`,
    title: 'Cost per agency',
    description: `What the executed steps cost, per agency: ${euro(budget.spent)} in total, ${percent(budget.share)} of the budget of ${euro(budget.budget)}.`,
  };
  const bars: Bar[] = budget.byAgency.map((a) => ({ label: a.name, value: a.spent, text: euro(a.spent) }));
  const agencies = figure(
    perAgency,
    bars.length > 0 ? barChart({ ...perAgency, bars, max: 0 }) : undefined,
    table(
      perAgency.title,
      ['Agency', 'Spent', 'Executed steps'],
      budget.byAgency.map((a) => [a.name, euro(a.spent), count(a.executedSteps)]),
      [1, 2],
    ),
  );
  if (budget.budget === null) return agencies;
  const usage = {
    id: `${id}-budget`,
    title: 'Budget used',
    description: `${percent(budget.share)} of the year's budget was spent; the dashed lines mark 80% and 100%, where the owner is alerted.`,
  };
  const svg = barChart({
    ...usage,
    bars: [{ label: 'Spent', value: budget.share ?? 0, text: percent(budget.share) }],
    max: 1,
    markers: [
      { value: 0.8, label: '80%' },
      { value: 1, label: '100%' },
    ],
  });
  return `${agencies}${figure(usage, svg, table(usage.title, ['Budget', 'Spent', 'Share'], [[euro(budget.budget), euro(budget.spent), percent(budget.share)]], [0, 1, 2]))}`;
}

function satisfactionFigure(id: string, report: LifeEventReport): string {
  const { satisfaction } = report;
  const columns: Bar[] = satisfaction.distribution.map((d) => ({
    label: `${d.score} of 5`,
    value: d.count,
    text: count(d.count),
  }));
  const chart = {
    id: `${id}-satisfaction`,
    title: 'Satisfaction',
    description: `Answers to "How satisfied are you?" when a journey completed: ${count(satisfaction.answers)} answers, ${inUnit('score', satisfaction.mean)} on average.`,
  };
  return figure(
    chart,
    satisfaction.answers > 0 ? columnChart({ ...chart, columns }) : undefined,
    table(
      chart.title,
      ['Answer', 'Answers'],
      satisfaction.distribution.map((d) => [`${d.score} of 5`, count(d.count)]),
      [1],
    ),
  );
}

function kpiTable(kpis: readonly KpiView[]): string {
  const rows = kpis.map((k) => [
    k.title + (k.standard ? '' : ' (own KPI)'),
    inUnit(k.unit, k.value),
    k.target === null ? '—' : `${k.better === 'at-most' ? 'at most' : 'at least'} ${inUnit(k.unit, k.target)}`,
    k.met === null ? '—' : k.met ? 'met' : 'missed',
    count(k.sampleSize),
  ]);
  return `<h3>Every KPI</h3>${table('Every KPI of the life event', ['KPI', 'Value', 'Target', 'Target met', 'Observations'], rows, [1, 4])}`;
}

function lifeEventSection(report: LifeEventReport, index: number): string {
  const id = `le${index}`;
  return (
    `<section aria-labelledby="${id}-heading"><h2 id="${id}-heading">${esc(report.title)}</h2>${headline(report)}` +
    leadTimeFigure(id, report) +
    onTimeFigure(id, report) +
    channelFigure(id, report) +
    budgetFigure(id, report) +
    satisfactionFigure(id, report) +
    kpiTable(report.kpis) +
    `</section>`
  );
}

/**
 * The yearly report as one self-contained HTML page: inline styles and SVG charts, no script, no external asset.
 * Every chart has a title and description for screen readers and its numbers in a table; all text is escaped.
 */
export function renderReportHtml(report: YearlyReport): string {
  const title = `Public Service Day ${report.year}: ${report.owner.name}`;
  return (
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
    `<title>${esc(title)}</title><style>${STYLE}</style></head>` +
    `<body><main><header><h1>${esc(title)}</h1>` +
    `<p>Yearly report on the life events of ${esc(report.owner.name)} (lead agency: ${esc(report.owner.leadAgency)}), accountable minister ${esc(report.owner.minister)}. ` +
    `Period ${esc(report.period.from)} to ${esc(report.period.to)}, for the Public Service Day of ${esc(report.publicServiceDay)}. Generated ${esc(report.generatedAt)}.</p></header>` +
    (report.lifeEvents.length > 0
      ? report.lifeEvents.map(lifeEventSection).join('')
      : '<p class="empty">This owner has no life events.</p>') +
    `</main></body></html>`
  );
}
