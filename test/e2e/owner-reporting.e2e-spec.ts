// Process owners over HTTP (DESIGN §7, issue "KPI hooks"): journeys of every catalogue life event are played through
// the API; the KPI processor turns their events into measurements and ledger entries that must match what happened,
// recomputed here from the timeline and the steps, exactly once even when everything is delivered again; missed
// targets and budget thresholds raise alerts; and the yearly report reads well, holds no personal data and is shown
// only to its owner and to admins.
import { randomBytes } from 'node:crypto';
import type { Principal } from '@passage/auth';
import { journeyStateQuery, type JourneyState, type TimelineEvent } from '@passage/contracts';
import type { Channel, DataValue, LifeEventDefinition } from '@passage/journey-model';
import { CATALOGUE, findDefinition, VLAIO_PROCESS_OWNER } from '@passage/life-events';
import { KpiProcessor, type BudgetView, type KpiReport, type YearlyReport } from '@passage/owner-reporting';
import { JourneyProjectionWriter, VaultCipher } from '@passage/persistence';
import { stepCost, type ProcessOwnerModule } from '@passage/process-owner';
import { brokenNumbers, sampleItems, svgsOf, TEST_PAYLOAD_KEYS, xmlProblems } from '@passage/testing';
import { startE2eStack, type E2eStack } from './support/e2e-stack';
import type { HttpClient } from './support/http-client';
import { driveOverHttp } from './support/http-journey-driver';

const DAY_MS = 86_400_000;
/** The report year: the year the test runs in (Brussels and UTC agree on it outside New Year's night). */
const YEAR = new Date().getUTCFullYear();
/** Marks every text value the subjects give, so that the reports can be searched for it. */
const SECRET = `SECRET-${randomBytes(4).toString('hex')}`;

const admin: Principal = { sub: 'admin-reports', roles: ['admin'] };
const ownerStaff = (owner: string): Principal => ({ sub: `staff-${owner}`, roles: ['owner'], owner });
const citizenOf = (lifeEvent: string): Principal => ({
  sub: `citizen-${lifeEvent}-${SECRET.slice(7)}`,
  roles: ['citizen'],
});

/** Every intake answer and what the registers would give, with text values that carry the secret marker. */
function intakeOf(definition: LifeEventDefinition): Record<string, DataValue> {
  const fromRegister = Object.keys(definition.dataItems).filter((item) => definition.dataItems[item]?.authenticSource);
  const items = sampleItems(definition, [...definition.intake, ...fromRegister]);
  return Object.fromEntries(
    Object.entries(items).map(([item, value]) => [
      item,
      typeof value === 'string' && definition.dataItems[item]?.type === 'string' ? `${SECRET} ${item}` : value,
    ]),
  );
}

interface Played {
  readonly lifeEvent: string;
  readonly owner: string;
  readonly journeyId: string;
  readonly subject: Principal;
  readonly status: string;
}

/** The outbox, measurements and ledger of these journeys, in a stable order, to compare before and after a redelivery. */
async function recorded(stack: E2eStack, journeyIds: readonly string[]) {
  const q = (sql: string) => stack.db.dataSource.query(sql, [journeyIds]);
  return {
    outbox: await q(`SELECT dedupe_key FROM kpi_outbox WHERE event->>'journeyId' = ANY($1) ORDER BY dedupe_key`),
    measurements: await q(
      `SELECT event_key, kpi, ordinal, agency, channel, value FROM kpi_measurements WHERE journey_id = ANY($1) ORDER BY event_key, kpi, ordinal`,
    ),
    ledger: await q(
      `SELECT idempotency_key, agency, amount::float8 AS amount FROM budget_ledger WHERE journey_id = ANY($1) ORDER BY idempotency_key`,
    ),
  };
}

describe('process owners see KPIs, budget and the yearly report of what really happened', () => {
  let stack: E2eStack;
  const played: Played[] = [];
  /** Vlaio with a pilot budget that a couple of KBO registrations exceed: the threshold alerts must fire. */
  const tightVlaio: ProcessOwnerModule = {
    ...VLAIO_PROCESS_OWNER,
    lifeEvents: { 'start-business': { ...VLAIO_PROCESS_OWNER.lifeEvents['start-business'], budget: { [YEAR]: 150 } } },
  };
  const owners = [...CATALOGUE.map((entry) => entry.owner).filter((owner) => owner.id !== 'vlaio'), tightVlaio];
  let processor: KpiProcessor;

  async function drain(): Promise<void> {
    for (let round = 0; round < 100; round++) {
      await processor.runOnce();
      const [{ open }] = await stack.db.dataSource.query(
        `SELECT count(*)::int AS open FROM kpi_outbox WHERE processed_at IS NULL`,
      );
      if (open === 0) return;
    }
    throw new Error('the KPI outbox did not drain');
  }

  beforeAll(async () => {
    stack = await startE2eStack();
    processor = new KpiProcessor({ dataSource: stack.db.dataSource, owners, targets: { minSample: 1 } });
    // Two journeys of every life event (start-business plays its latest version), played as a citizen would.
    for (const entry of CATALOGUE) {
      const definition = findDefinition(entry.id);
      if (!definition) throw new Error(`${entry.id} has no version`);
      for (let i = 0; i < 2; i++) {
        const subject = citizenOf(entry.id);
        const client = await stack.as(subject);
        const started = await client.post<{ id: string }>('/api/journeys', {
          lifeEvent: entry.id,
          intake: intakeOf(definition),
          language: 'en',
        });
        if (started.status !== 201)
          throw new Error(`${entry.id} answered ${started.status}: ${JSON.stringify(started.body)}`);
        const final = await driveOverHttp(stack, client, started.body.id);
        played.push({
          lifeEvent: entry.id,
          owner: entry.owner.id,
          journeyId: started.body.id,
          subject,
          status: final.status,
        });
      }
    }
  }, 600_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('plays every life event of the catalogue to its end', () => {
    expect(new Set(played.map((p) => p.lifeEvent))).toEqual(new Set(CATALOGUE.map((entry) => entry.id)));
    expect(played.map((p) => `${p.lifeEvent}:${p.status}`)).toEqual(played.map((p) => `${p.lifeEvent}:completed`));
  });

  it('takes one satisfaction answer per completed journey, from its subject only', async () => {
    // Issue 11, finding 8: an intermediary who may follow the journey may not answer for its subject (that would
    // skew a KPI the owner is judged on): 403, and nothing recorded.
    const followed = played[0];
    const granted = await (
      await stack.as(followed.subject)
    ).post('/api/mandates', {
      intermediary: 'accountant-survey',
      lifeEvents: [followed.lifeEvent],
      validUntil: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(granted.status).toBe(201);
    const intermediary = await stack.as({ sub: 'accountant-survey', roles: ['intermediary'] });
    expect((await intermediary.get(`/api/journeys/${followed.journeyId}`)).status).toBe(200);
    const byIntermediary = await intermediary.post(`/api/journeys/${followed.journeyId}/satisfaction`, { score: 5 });
    expect(byIntermediary).toMatchObject({
      status: 403,
      body: { code: 'forbidden', message: 'only the subject of the journey answers its satisfaction survey' },
    });
    expect(
      await stack.db.dataSource.query(`SELECT count(*)::int AS n FROM satisfaction_answers WHERE journey_id = $1`, [
        followed.journeyId,
      ]),
    ).toEqual([{ n: 0 }]);

    for (const journey of played) {
      const client = await stack.as(journey.subject);
      // The start-business subjects are unhappy: far below the owner's target of 4.2.
      const score = journey.lifeEvent === 'start-business' ? 1 : 5;
      const answered = await client.post(`/api/journeys/${journey.journeyId}/satisfaction`, { score });
      expect({ journey: journey.journeyId, status: answered.status, body: answered.body }).toMatchObject({
        journey: journey.journeyId,
        status: 201,
        body: { score },
      });
    }
    const [first] = played;
    const again = await (
      await stack.as(first.subject)
    ).post(`/api/journeys/${first.journeyId}/satisfaction`, { score: 5 });
    expect(again).toMatchObject({ status: 409, body: { code: 'already-answered' } });
    for (const stranger of [
      citizenOf('other'),
      ownerStaff(first.owner),
      admin,
      { sub: 'clerk-1', roles: ['counter'], agency: 'gemeente' } as Principal,
    ]) {
      const refused = await (
        await stack.as(stranger)
      ).post(`/api/journeys/${first.journeyId}/satisfaction`, { score: 5 });
      expect({ who: stranger.sub, status: refused.status, code: (refused.body as { code: string }).code }).toEqual({
        who: stranger.sub,
        status: 404,
        code: 'not-found',
      });
    }
    const invalid = await (
      await stack.as(first.subject)
    ).post(`/api/journeys/${first.journeyId}/satisfaction`, { score: 6 });
    expect(invalid).toMatchObject({ status: 400, body: { code: 'invalid-request', path: 'score' } });

    // An active journey has no survey yet.
    const citizen = citizenOf('start-business');
    const client = await stack.as(citizen);
    const active = await client.post<{ id: string }>('/api/journeys', {
      lifeEvent: 'start-business',
      intake: intakeOf(findDefinition('start-business') as LifeEventDefinition),
    });
    const early = await client.post(`/api/journeys/${active.body.id}/satisfaction`, { score: 3 });
    expect(early).toMatchObject({ status: 409, body: { code: 'not-asked' } });
    expect((await client.post(`/api/journeys/${active.body.id}/withdraw`, { reason: 'test' })).status).toBe(200);
  });

  it('records measurements and ledger entries that match what happened, exactly once', async () => {
    await drain();
    const db = stack.db.dataSource;
    const journeyIds = played.map((p) => p.journeyId);
    const events: { journey_id: string; n: number; at: Date; type: string; step_id: string | null }[] = await db.query(
      `SELECT journey_id, n, at, type, step_id FROM journey_events WHERE journey_id = ANY($1) ORDER BY journey_id, n`,
      [journeyIds],
    );
    const steps: {
      journey_id: string;
      step_id: string;
      agency: string;
      channel: Channel | null;
      attempt: number;
      due_at: Date | null;
    }[] = await db.query(
      `SELECT journey_id, step_id, agency, channel, attempt, due_at FROM journey_steps WHERE journey_id = ANY($1)`,
      [journeyIds],
    );
    const stepOf = (journeyId: string, stepId: string | null) =>
      steps.find((s) => s.journey_id === journeyId && s.step_id === stepId);

    // The ledger: one entry per executed step (completed or rejected), attributed to its agency, at its cost.
    const expectedLedger = events
      .filter((e) => e.type === 'step-completed' || e.type === 'step-rejected')
      .map((e) => {
        const journey = played.find((p) => p.journeyId === e.journey_id) as Played;
        const step = stepOf(e.journey_id, e.step_id);
        const definition = findDefinition(journey.lifeEvent)?.steps.find((s) => s.id === e.step_id);
        const rules = owners.find((o) => o.id === journey.owner)?.lifeEvents[journey.lifeEvent]?.costRules;
        return {
          idempotency_key: `${e.journey_id}:${e.step_id}:${step?.attempt}`,
          agency: step?.agency,
          amount: stepCost(e.step_id ?? '', step?.channel ?? undefined, definition?.cost, rules),
        };
      })
      .sort((a, b) => a.idempotency_key.localeCompare(b.idempotency_key));
    const ledger = await db.query(
      `SELECT idempotency_key, agency, amount::float8 AS amount FROM budget_ledger WHERE journey_id = ANY($1) ORDER BY idempotency_key`,
      [journeyIds],
    );
    expect(ledger).toEqual(expectedLedger);
    expect(expectedLedger.filter((row) => row.amount > 0).length).toBeGreaterThanOrEqual(2);

    // Lead times: from the journey's start to its completion, one per completed journey.
    const leadTimes = await db.query(
      `SELECT event_key, value FROM kpi_measurements WHERE kpi = 'lead-time-days' AND journey_id = ANY($1)`,
      [journeyIds],
    );
    const expectedLeadTimes = played.map((p) => {
      const started = events.find((e) => e.journey_id === p.journeyId && e.type === 'journey-started');
      const completed = events.find((e) => e.journey_id === p.journeyId && e.type === 'journey-completed');
      return {
        event_key: `${p.journeyId}:${completed?.n}`,
        days: ((completed?.at.getTime() ?? NaN) - (started?.at.getTime() ?? NaN)) / DAY_MS,
      };
    });
    expect(leadTimes).toHaveLength(expectedLeadTimes.length);
    for (const expected of expectedLeadTimes) {
      expect(leadTimes.find((m: { event_key: string }) => m.event_key === expected.event_key)?.value).toBeCloseTo(
        expected.days,
        9,
      );
    }

    // On time: one verdict per step that ended with a statutory term; contacts: one per question asked.
    const perKpi = async (kpi: string) =>
      (
        await db.query(
          `SELECT count(*)::int AS n, COALESCE(sum(value), 0)::float8 AS sum FROM kpi_measurements WHERE kpi = $1 AND journey_id = ANY($2)`,
          [kpi, journeyIds],
        )
      )[0];
    const ended = events.filter(
      (e) =>
        ((e.type === 'step-completed' || e.type === 'step-rejected') && stepOf(e.journey_id, e.step_id)?.due_at) ||
        e.type === 'step-expired',
    );
    expect((await perKpi('on-time-rate')).n).toBe(ended.length);
    expect(await perKpi('contacts-per-journey')).toEqual({
      n: played.length + events.filter((e) => e.type === 'data-asked').length,
      sum: events.filter((e) => e.type === 'data-asked').length,
    });
    // Euro amounts with cents: PostgreSQL and JavaScript add them in another order, so the sums may differ in the last bit.
    const costs = await perKpi('cost-per-journey');
    expect(costs.n).toBe(played.length + expectedLedger.length);
    expect(costs.sum).toBeCloseTo(
      expectedLedger.reduce((sum, row) => sum + row.amount, 0),
      6,
    );
    expect(await perKpi('satisfaction')).toEqual({
      n: played.length,
      sum: played.reduce((sum, p) => sum + (p.lifeEvent === 'start-business' ? 1 : 5), 0),
    });

    // Delivered again, and every projection applied again: nothing changes.
    const before = await recorded(stack, journeyIds);
    const writer = new JourneyProjectionWriter(db, new VaultCipher(TEST_PAYLOAD_KEYS));
    for (const { journeyId } of played) {
      const state: JourneyState = await stack.temporal.client.workflow.getHandle(journeyId).query(journeyStateQuery);
      const bodies: { body: TimelineEvent }[] = await db.query(
        `SELECT body FROM journey_events WHERE journey_id = $1 ORDER BY n`,
        [journeyId],
      );
      await writer.apply({ state, events: bodies.map((row) => row.body), dataWrites: [] });
    }
    await db.query(`UPDATE kpi_outbox SET processed_at = NULL`);
    await drain();
    await drain();
    expect(await recorded(stack, journeyIds)).toEqual(before);
  });

  it('alerts the owner of a missed target and of a budget threshold, once', async () => {
    await drain();
    // The worker's own processor may have measured some events first, with the catalogue's budget: evaluate again.
    await processor.evaluateNow('vlaio', 'start-business', [YEAR]);
    await processor.evaluateNow('vlaio', 'start-business', [YEAR]);
    const alerts: { owner: string; life_event_id: string; kind: string; kpi: string; threshold: number }[] =
      await stack.db.dataSource.query(
        `SELECT owner, life_event_id, kind, kpi, threshold FROM owner_alerts WHERE owner = 'vlaio' ORDER BY kind, kpi, threshold`,
      );
    const keys = alerts.map((a) => `${a.kind}:${a.kpi}:${a.threshold}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'target-missed:satisfaction:4.2',
        'budget-threshold:budget-spent:0.8',
        'budget-threshold:budget-spent:1',
      ]),
    );
    expect(new Set(keys).size).toBe(keys.length);
    const feed: { subject: string }[] = await stack.db.dataSource.query(
      `SELECT subject FROM notifications WHERE channel = 'owner-feed' AND subject = 'owner:vlaio'`,
    );
    expect(feed).toHaveLength(alerts.length);
  });

  it('shows the owner KPIs with targets and trend, and the budget split per agency', async () => {
    const vlaio = await stack.as(ownerStaff('vlaio'));
    const kpis = await vlaio.get<KpiReport>(
      `/api/owners/vlaio/life-events/start-business/kpis?from=${YEAR}-01-01&to=${YEAR}-12-31`,
    );
    expect(kpis.status).toBe(200);
    const satisfaction = kpis.body.kpis.find((k) => k.id === 'satisfaction');
    expect(satisfaction).toMatchObject({ value: 1, target: 4.2, met: false, sampleSize: 2 });
    expect(satisfaction?.trend.length).toBeGreaterThan(0);
    expect(kpis.body.kpis.find((k) => k.id === 'lead-time-days')).toMatchObject({
      sampleSize: 2,
      target: 60,
      met: true,
    });
    expect(kpis.body.kpis.find((k) => k.id === 'on-time-rate')?.byAgency.length).toBeGreaterThan(0);
    expect(kpis.body.alerts.map((a) => a.kpi)).toContain('satisfaction');

    // The API answers with the catalogue's budget; the ledger is the same whoever reads it.
    const budget = await vlaio.get<BudgetView>(`/api/owners/vlaio/life-events/start-business/budget?year=${YEAR}`);
    expect(budget.status).toBe(200);
    const [{ spent }] = await stack.db.dataSource.query(
      `SELECT sum(amount)::float8 AS spent FROM budget_ledger WHERE life_event_id = 'start-business' AND year = $1`,
      [YEAR],
    );
    expect(budget.body).toMatchObject({ budget: 2_000_000, spent, currency: 'EUR' });
    expect(budget.body.byAgency.find((a) => a.agency === 'ondernemingsloket')?.spent).toBeGreaterThan(0);
    expect(budget.body.forecast).toBeGreaterThanOrEqual(spent);

    expect(
      (await vlaio.get(`/api/owners/vlaio/life-events/start-business/kpis?from=${YEAR}-13-01`)).body,
    ).toMatchObject({ code: 'invalid-request', path: 'query.from' });
    expect(
      (await vlaio.get(`/api/owners/vlaio/life-events/start-business/kpis?from=${YEAR}-12-01&to=${YEAR}-01-01`)).body,
    ).toMatchObject({ code: 'invalid-request', path: 'query.from' });
    expect((await vlaio.get(`/api/owners/vlaio/reports/twenty`)).body).toMatchObject({
      code: 'invalid-request',
      path: 'year',
    });
    expect((await vlaio.get(`/api/owners/vlaio/life-events/birth/kpis`)).status).toBe(404);
  });

  it('renders the yearly report of every owner as JSON and as a page with well-formed charts and no personal data', async () => {
    const personal = [SECRET, '(given)', ...played.map((p) => p.subject.sub), ...played.map((p) => p.journeyId)];
    for (const owner of new Set(CATALOGUE.map((entry) => entry.owner.id))) {
      const staff = await stack.as(ownerStaff(owner));
      const json = await staff.get<YearlyReport>(`/api/owners/${owner}/reports/${YEAR}`);
      expect(json.status).toBe(200);
      expect(json.headers.get('content-type')).toContain('application/json');
      const mine = played.filter((p) => p.owner === owner);
      for (const lifeEvent of json.body.lifeEvents) {
        expect(lifeEvent.journeys.completed).toBe(mine.filter((p) => p.lifeEvent === lifeEvent.id).length);
        expect(lifeEvent.leadTimeDays.completed).toBe(lifeEvent.journeys.completed);
        expect(lifeEvent.satisfaction.answers).toBe(lifeEvent.journeys.completed);
      }

      const page = await staff.probe('GET', `/api/owners/${owner}/reports/${YEAR}`, undefined, { accept: 'text/html' });
      const viaQuery = await staff.probe('GET', `/api/owners/${owner}/reports/${YEAR}?format=html`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(viaQuery.text.replace(/Generated \S+/, '')).toBe(page.text.replace(/Generated \S+/, ''));
      const svgs = svgsOf(page.text);
      expect(svgs.length).toBeGreaterThanOrEqual(4);
      for (const svg of svgs) {
        expect({ owner, problems: xmlProblems(svg), numbers: brokenNumbers(svg) }).toEqual({
          owner,
          problems: [],
          numbers: [],
        });
      }
      expect(page.text).not.toMatch(/undefined|NaN|Infinity/);
      for (const text of [JSON.stringify(json.body), page.text]) {
        expect({ owner, found: personal.filter((p) => text.includes(p)) }).toEqual({ owner, found: [] });
      }
    }
  });

  it('shows a report only to its owner and to admins; for anyone else it does not exist', async () => {
    const path = `/api/owners/vlaio/reports/${YEAR}`;
    expect((await (await stack.as(admin)).get(path)).status).toBe(200);
    const strangers: Principal[] = [
      ownerStaff('opgroeien'),
      citizenOf('start-business'),
      { sub: 'officer-loket', roles: ['agency'], agency: 'ondernemingsloket' },
      { sub: 'clerk-2', roles: ['counter'], agency: 'gemeente' },
    ];
    const routes = [
      path,
      '/api/owners/vlaio/life-events/start-business/kpis',
      '/api/owners/vlaio/life-events/start-business/budget',
      `/api/owners/nobody/reports/${YEAR}`,
    ];
    for (const stranger of strangers) {
      const client: HttpClient = await stack.as(stranger);
      for (const route of routes) {
        const answer = await client.get(route);
        expect({ who: stranger.sub, route, status: answer.status, body: answer.body }).toEqual({
          who: stranger.sub,
          route,
          status: 404,
          body: { code: 'not-found', message: 'owner not found' },
        });
      }
    }
    expect((await stack.anonymous().get(path)).status).toBe(401);
  });
});
