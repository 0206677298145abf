import { esc, num } from './escape';

/** One bar or column: its label, its value on the chart's scale, and the value as a person reads it. */
export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly text: string;
}

/** What a screen reader announces for a chart; `id` must be unique in the page. */
export interface ChartText {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

export interface Marker {
  readonly value: number;
  readonly label: string;
}

const WIDTH = 640;
const BAR_COLOUR = '#1d4f91';
const MARKER_COLOUR = '#a4002a';
const TEXT = 'font-family="system-ui, sans-serif" fill="#1a1a1a"';

/** Keeps a label within the space of a chart; the table next to the chart carries it in full. */
function shorten(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, max - 1)}…`;
}

function svgOpen(chart: ChartText, height: number): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${num(height)}" width="100%" role="img" ` +
    `aria-labelledby="${esc(chart.id)}-title ${esc(chart.id)}-desc">` +
    `<title id="${esc(chart.id)}-title">${esc(chart.title)}</title><desc id="${esc(chart.id)}-desc">${esc(chart.description)}</desc>`
  );
}

/**
 * Horizontal bars on a scale from 0 to `max` (at least the largest value), with optional dashed markers (a target,
 * budget thresholds). Without bars there is nothing to draw: the caller says so in words.
 */
export function barChart(
  chart: ChartText & { readonly bars: readonly Bar[]; readonly max: number; readonly markers?: readonly Marker[] },
): string {
  const labelWidth = 210;
  // What is left right of the plot holds the value's text (up to about "EUR 9,999,999.99").
  const plotWidth = 290;
  const row = 30;
  const top = chart.markers?.length ? 22 : 6;
  const height = top + chart.bars.length * row + 6;
  const scale = Math.max(
    chart.max,
    ...chart.bars.map((bar) => bar.value),
    ...(chart.markers ?? []).map((m) => m.value),
  );
  const x = (value: number) => labelWidth + (scale > 0 ? (Math.max(0, value) / scale) * plotWidth : 0);
  const bars = chart.bars
    .map((bar, i) => {
      const y = top + i * row;
      return (
        `<text x="${labelWidth - 8}" y="${num(y + 19)}" text-anchor="end" font-size="13" ${TEXT}>${esc(shorten(bar.label, 30))}</text>` +
        `<rect x="${labelWidth}" y="${num(y + 5)}" width="${num(x(bar.value) - labelWidth)}" height="20" fill="${BAR_COLOUR}"/>` +
        `<text x="${num(x(bar.value) + 6)}" y="${num(y + 19)}" font-size="13" ${TEXT}>${esc(bar.text)}</text>`
      );
    })
    .join('');
  const markers = (chart.markers ?? [])
    .map(
      (marker) =>
        `<line x1="${num(x(marker.value))}" y1="14" x2="${num(x(marker.value))}" y2="${num(height - 4)}" stroke="${MARKER_COLOUR}" stroke-width="2" stroke-dasharray="4 3"/>` +
        `<text x="${num(x(marker.value))}" y="11" text-anchor="middle" font-size="11" ${TEXT}>${esc(marker.label)}</text>`,
    )
    .join('');
  return `${svgOpen(chart, height)}<line x1="${labelWidth}" y1="${top}" x2="${labelWidth}" y2="${num(height - 4)}" stroke="#6b6b6b"/>${bars}${markers}</svg>`;
}

/** Vertical columns (a distribution), labelled below, with their counts above. */
export function columnChart(chart: ChartText & { readonly columns: readonly Bar[] }): string {
  const height = 230;
  const plotTop = 24;
  const plotBottom = 180;
  const left = 20;
  const slot = (WIDTH - 2 * left) / Math.max(1, chart.columns.length);
  const max = Math.max(0, ...chart.columns.map((column) => column.value));
  const columns = chart.columns
    .map((column, i) => {
      const h = max > 0 ? (Math.max(0, column.value) / max) * (plotBottom - plotTop) : 0;
      const cx = left + i * slot + slot / 2;
      return (
        `<rect x="${num(cx - slot * 0.35)}" y="${num(plotBottom - h)}" width="${num(slot * 0.7)}" height="${num(h)}" fill="${BAR_COLOUR}"/>` +
        `<text x="${num(cx)}" y="${num(plotBottom - h - 6)}" text-anchor="middle" font-size="13" ${TEXT}>${esc(column.text)}</text>` +
        `<text x="${num(cx)}" y="${plotBottom + 20}" text-anchor="middle" font-size="12" ${TEXT}>${esc(shorten(column.label, 16))}</text>`
      );
    })
    .join('');
  return `${svgOpen(chart, height)}<line x1="${left}" y1="${plotBottom}" x2="${WIDTH - left}" y2="${plotBottom}" stroke="#6b6b6b"/>${columns}</svg>`;
}
