import { brokenNumbers, svgsOf, xmlProblems } from '@passage/testing';
import type { BudgetStatus } from '../reading/budget-status';
import { kpiView } from '../reading/kpi-view';
import { lifeEventReport, type YearlyReport } from '../reading/yearly-report';
import { renderReportHtml } from './report-html';
import { barChart, columnChart } from './svg-charts';

const HOSTILE = `<script>alert("x")</script> & 'quoted'`;
const sample = (values: number[], journeys = values.length) => ({
  count: values.length,
  sum: values.reduce((a, b) => a + b, 0),
  journeys,
  values,
});

const budget: BudgetStatus = {
  year: 2026,
  budget: 1000,
  spent: 850.5,
  committed: 10,
  forecast: 900,
  byAgency: [
    { agency: 'loket', spent: 800.5, executedSteps: 8, committed: 10 },
    { agency: HOSTILE, spent: 50, executedSteps: 1, committed: 0 },
  ],
};

function report(withData: boolean): YearlyReport {
  const kpis = [
    kpiView(
      { id: 'lead-time-days', title: 'Lead time', unit: 'days', aggregation: 'p90', better: 'at-most' },
      60,
      withData
        ? {
            total: sample([0.5, 3, 40]),
            byAgency: new Map(),
            byChannel: new Map(),
            byWeek: new Map([['2026-W10', sample([3])]]),
          }
        : undefined,
    ),
    kpiView(
      { id: 'on-time-rate', title: 'On time', unit: 'share', aggregation: 'rate', better: 'at-least' },
      0.95,
      withData
        ? {
            total: sample([1, 0, 1]),
            byAgency: new Map([
              ['loket', sample([1, 0])],
              [HOSTILE, sample([1])],
            ]),
            byChannel: new Map(),
            byWeek: new Map(),
          }
        : undefined,
    ),
    kpiView(
      { id: 'digital-share', title: 'Digital', unit: 'share', aggregation: 'rate', better: 'at-least' },
      0.9,
      withData
        ? {
            total: sample([1, 1, 0]),
            byAgency: new Map(),
            byChannel: new Map([
              ['online', sample([1, 1])],
              ['counter', sample([0])],
            ]),
            byWeek: new Map(),
          }
        : undefined,
    ),
    kpiView(
      { id: 'satisfaction', title: HOSTILE, unit: 'score', aggregation: 'mean', better: 'at-least' },
      4.2,
      withData ? { total: sample([1, 5]), byAgency: new Map(), byChannel: new Map(), byWeek: new Map() } : undefined,
    ),
  ];
  return {
    owner: { id: 'o', name: `Owner ${HOSTILE}`, minister: 'Minister', leadAgency: 'Lead' },
    year: 2026,
    publicServiceDay: '2026-06-23',
    period: { from: '2026-01-01', to: '2026-12-31' },
    generatedAt: '2026-11-29T00:00:00.000Z',
    lifeEvents: [
      lifeEventReport({
        id: 'x',
        title: HOSTILE,
        journeys: { started: 3, active: 0, completed: 3, rejected: 0, withdrawn: 0, failed: 0 },
        kpis,
        leadTimes: withData ? [0.5, 3, 40] : [],
        scores: withData ? [1, 5] : [],
        budget: withData ? budget : { ...budget, spent: 0, forecast: 0, committed: 0, byAgency: [] },
        agencyName: (agency) => (agency === 'loket' ? 'Ondernemingsloket' : agency),
      }),
    ],
  };
}

describe('renderReportHtml', () => {
  for (const withData of [true, false]) {
    it(`draws well-formed SVG charts with finite numbers only (${withData ? 'with data' : 'without data'})`, () => {
      const html = renderReportHtml(report(withData));
      const svgs = svgsOf(html);
      expect(svgs.length).toBe(withData ? 6 : 1);
      for (const svg of svgs) {
        expect(xmlProblems(svg)).toEqual([]);
        expect(brokenNumbers(svg)).toEqual([]);
        expect(svg).toMatch(
          /role="img" aria-labelledby="[^"]+-title [^"]+-desc"><title id="[^"]+">[^<]+<\/title><desc id="[^"]+">[^<]+<\/desc>/,
        );
      }
      expect(html).not.toMatch(/undefined|NaN|Infinity|\[object /);
    });
  }

  it('escapes every text, so nothing from the data can become markup', () => {
    const html = renderReportHtml(report(true));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;');
  });

  it('is one self-contained page: no script, no external asset, a language and a title', () => {
    const html = renderReportHtml(report(true));
    expect(html.startsWith('<!DOCTYPE html><html lang="en">')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|src=|href=|url\(/i);
    expect(html).toContain('<title>Public Service Day 2026: Owner');
    // Every chart comes with its numbers as a table, and every target verdict is said in words.
    expect((html.match(/<details>/g) ?? []).length).toBe(6);
    expect(html).toContain('✗ target missed');
  });

  it('says in words that nothing was measured rather than drawing an empty chart', () => {
    expect(renderReportHtml(report(false))).toContain('Nothing was measured for this in the year.');
  });
});

describe('charts', () => {
  it('are checked by a checker that notices broken markup', () => {
    expect(xmlProblems('<svg><g></svg>')).not.toEqual([]);
    expect(xmlProblems('<svg><text>a < b</text></svg>')).not.toEqual([]);
    expect(brokenNumbers('<rect x="NaN" width="undefined"/>')).toEqual(['x="NaN"', 'width="undefined"']);
  });

  it('keep bars within the plot, whatever the values', () => {
    const svg = barChart({
      id: 'c',
      title: 't',
      description: 'd',
      bars: [
        { label: 'a', value: Number.NaN, text: '?' },
        { label: 'b', value: -3, text: '-3' },
        { label: 'c', value: 5, text: '5' },
      ],
      max: 1,
    });
    expect(xmlProblems(svg)).toEqual([]);
    expect(brokenNumbers(svg)).toEqual([]);
    expect(
      brokenNumbers(
        columnChart({ id: 'd', title: 't', description: 'd', columns: [{ label: 'x', value: 0, text: '0' }] }),
      ),
    ).toEqual([]);
  });
});
