import type { Principal } from '@passage/auth';
import type { LifeEventDefinition } from '@passage/journey-model';
import { findDefinition } from '@passage/life-events';
import { sampleIntake } from '@passage/testing';
import { startE2eStack, type E2eStack } from './support/e2e-stack';
import type { HttpClient } from './support/http-client';
import { driveOverHttp, sampleFor, type TaskDetail } from './support/http-journey-driver';

interface Standing {
  kind: string;
  text: string;
  open: { stepId: string; allows: string; until?: string }[];
}
interface TimelineView {
  status: string;
  standing: Standing;
  steps: { id: string; status: string; dueAt?: string; finishedAt?: string; agency: { id: string } }[];
  events: { type: string; stepId?: string; attempt?: number }[];
}

const FOUND_ASSOCIATION = findDefinition('found-association') as LifeEventDefinition;

/** A vzw that asks the municipality for recognition: both refusal policies of the life event apply. */
const VZW = sampleIntake(FOUND_ASSOCIATION, { 'association.form': 'vzw', 'association.seeksRecognition': true });

const approve = (task: TaskDetail) => ({
  outcome: 'approved' as const,
  outputs: Object.fromEntries(task.produces.map((p) => [p.item, sampleFor(p)])),
});

async function standingIn(client: HttpClient, journeyId: string) {
  const texts: Record<string, string> = {};
  let view: TimelineView | undefined;
  for (const lang of ['nl', 'en', 'fr']) {
    view = (await client.get<TimelineView>(`/api/journeys/${journeyId}?lang=${lang}`)).body;
    texts[lang] = view.standing.text;
  }
  return { view: view as TimelineView, texts };
}

describe('refusals that lead somewhere (issue 10)', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startE2eStack();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function start(subject: string): Promise<{ client: HttpClient; id: string }> {
    const client = await stack.as({ sub: subject, roles: ['citizen'] } satisfies Principal);
    const started = await client.post<{ id: string }>('/api/journeys', { lifeEvent: 'found-association', intake: VZW });
    expect(started.status).toBe(201);
    return { client, id: started.body.id };
  }

  it('refused → resubmitted with new data → approved, every attempt on the timeline', async () => {
    const { client, id } = await start('founder-resubmits');
    let refusals = 0;
    let resubmitted = false;
    let whileRefused: Awaited<ReturnType<typeof standingIn>> | undefined;
    const final = await driveOverHttp(stack, client, id, {
      decide: (task) => {
        if (task.stepId !== 'griffie-filing' || refusals > 0) return approve(task);
        refusals += 1;
        return { outcome: 'rejected', reason: 'the deed lacks the signatures of the directors' };
      },
      eachRound: async (timeline) => {
        const filing = timeline.steps.find((s) => s.id === 'griffie-filing');
        if (filing?.status !== 'rejected' || resubmitted) return;
        whileRefused = await standingIn(client, id);
        const answer = await client.post(`/api/journeys/${id}/resubmissions`, {
          stepId: 'griffie-filing',
          items: { 'association.statutes': 'statutes signed by every director' },
        });
        expect(answer.status).toBe(200);
        resubmitted = true;
      },
    });
    expect(final.status).toBe('completed');
    expect(whileRefused?.view.status).toBe('active');
    expect(whileRefused?.view.standing).toMatchObject({
      kind: 'refused',
      open: [{ stepId: 'griffie-filing', allows: 'resubmit' }],
    });
    expect(whileRefused?.texts).toEqual({
      nl: expect.stringContaining('Je kan opnieuw indienen'),
      en: expect.stringContaining('You may resubmit'),
      fr: expect.stringContaining('Vous pouvez introduire une nouvelle demande'),
    });
    const { view } = await standingIn(client, id);
    expect(view.standing.kind).toBe('done');
    const filing = view.events.filter((e) => e.stepId === 'griffie-filing').map((e) => e.type);
    expect(filing).toEqual(
      expect.arrayContaining(['step-dispatched', 'step-rejected', 'step-resubmitted', 'step-completed']),
    );
    expect(filing.filter((type) => type === 'step-dispatched')).toHaveLength(2);
    expect(view.events.find((e) => e.type === 'step-resubmitted')?.attempt).toBe(2);
    // The same refusal cannot be answered twice.
    const again = await client.post(`/api/journeys/${id}/resubmissions`, { stepId: 'griffie-filing' });
    expect(again.status).toBe(409);
  });

  it('refused → appealed → decided by the body named within its term, and never "done" meanwhile', async () => {
    const { client, id } = await start('founder-appeals');
    let appealed = false;
    let whileRefused: Awaited<ReturnType<typeof standingIn>> | undefined;
    const final = await driveOverHttp(stack, client, id, {
      decide: (task) =>
        task.stepId === 'municipal-recognition'
          ? { outcome: 'rejected', reason: 'the association has no members in the municipality' }
          : approve(task),
      eachRound: async (timeline) => {
        const recognition = timeline.steps.find((s) => s.id === 'municipal-recognition');
        if (recognition?.status !== 'rejected' || appealed) return;
        whileRefused = await standingIn(client, id);
        const answer = await client.post(`/api/journeys/${id}/appeals`, {
          stepId: 'municipal-recognition',
          reason: 'half of our members live here',
        });
        expect(answer.status).toBe(200);
        appealed = true;
      },
    });
    expect(final.status).toBe('completed');
    expect(whileRefused?.view.status).toBe('active');
    expect(whileRefused?.view.standing.open).toEqual([
      expect.objectContaining({ stepId: 'municipal-recognition', allows: 'appeal' }),
    ]);
    expect(whileRefused?.texts).toEqual({
      nl: expect.stringContaining('Je kan in beroep gaan'),
      en: expect.stringContaining('You may appeal'),
      fr: expect.stringContaining('Vous pouvez introduire un recours'),
    });
    const { view } = await standingIn(client, id);
    const appeal = view.steps.find((s) => s.id === 'municipal-recognition-appeal');
    expect(appeal).toMatchObject({ status: 'completed', agency: { id: 'gemeente' } });
    expect(Date.parse(appeal?.finishedAt ?? '')).toBeLessThanOrEqual(Date.parse(appeal?.dueAt ?? ''));
    expect(view.steps.find((s) => s.id === 'operating-subsidy')?.status).toBe('completed');
    expect(view.standing.kind).toBe('done');
    expect(view.events.map((e) => e.type)).toContain('step-appealed');
  });
});
