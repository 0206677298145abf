import type { Principal } from '@passage/auth';
import type { DataValue } from '@passage/journey-model';
import type { E2eStack } from './e2e-stack';
import type { HttpClient } from './http-client';

export interface Asked {
  item: string;
  type: string;
  values?: string[];
}
export interface Timeline {
  status: string;
  seq: number;
  asked: Asked[];
  steps: { id: string; status: string; agency: { id: string }; mode: string }[];
}
interface Task {
  id: string;
  journeyId: string;
  stepId: string;
}
export interface TaskDetail extends Task {
  items: { item: string; value?: DataValue }[];
  produces: Asked[];
}

export function sampleFor(asked: Asked): DataValue {
  switch (asked.type) {
    case 'number':
      return 12;
    case 'boolean':
      return true;
    case 'date':
      return '2026-06-01';
    case 'enum':
      return asked.values?.[0] ?? 'x';
    default:
      return `${asked.item} (given)`;
  }
}

export interface HttpDriveOptions {
  /** Whether staff decide the inbox tasks here (default); false leaves them to someone else, e.g. the agency simulator. */
  readonly decideTasks?: boolean;
  /** Decide a task; approve with sample outputs by default. */
  readonly decide?: (task: TaskDetail) => {
    outcome: 'approved' | 'rejected';
    outputs?: Record<string, DataValue>;
    reason?: string;
  };
  readonly onTask?: (task: TaskDetail) => void;
  /** The subject's answer to an asked item; a sample value by default. */
  readonly answer?: (asked: Asked) => DataValue;
  /** Stop driving as soon as the timeline shows this (by default: when the journey has ended). */
  readonly until?: (timeline: Timeline) => boolean;
  /** Called with the timeline each round while the journey is active: the subject's own moves (resubmit, appeal). */
  readonly eachRound?: (timeline: Timeline) => Promise<void>;
}

/**
 * Plays a journey through the public HTTP API only: the subject's side (`client`) answers what the timeline asks,
 * and the staff of each agency open their inbox tasks and decide them.
 */
export async function driveOverHttp(
  stack: E2eStack,
  client: HttpClient,
  journeyId: string,
  options: HttpDriveOptions = {},
): Promise<Timeline> {
  const staff = new Map<string, HttpClient>();
  const staffOf = async (agency: string) => {
    let http = staff.get(agency);
    if (!http) {
      const principal: Principal = { sub: `officer-${agency}`, roles: ['agency'], agency };
      http = await stack.as(principal);
      staff.set(agency, http);
    }
    return http;
  };
  const answered = new Set<string>();
  for (let round = 0; round < 400; round++) {
    const { status, body: timeline } = await client.get<Timeline>(`/api/journeys/${journeyId}`);
    if (status !== 200) throw new Error(`timeline answered ${status}: ${JSON.stringify(timeline)}`);
    if (timeline.status !== 'active' || options.until?.(timeline)) return timeline;
    await options.eachRound?.(timeline);
    const toAnswer = timeline.asked.filter((a) => !answered.has(`${a.item}@${timeline.seq}`));
    if (toAnswer.length > 0) {
      for (const a of toAnswer) answered.add(`${a.item}@${timeline.seq}`);
      const items = Object.fromEntries(toAnswer.map((a) => [a.item, (options.answer ?? sampleFor)(a)]));
      const result = await client.post(`/api/journeys/${journeyId}/inputs`, { items });
      if (result.status !== 200 && result.status !== 409)
        throw new Error(`inputs answered ${result.status}: ${JSON.stringify(result.body)}`);
    }
    const decidable =
      options.decideTasks === false
        ? []
        : timeline.steps.filter((s) => s.mode === 'manual' && s.status === 'in-progress');
    for (const step of decidable) {
      const inbox = await staffOf(step.agency.id);
      const tasks = await inbox.get<{ items: Task[] }>(`/api/agency/tasks?status=open`);
      for (const task of tasks.body.items.filter((t) => t.journeyId === journeyId && t.stepId === step.id)) {
        const detail = (await inbox.get<TaskDetail>(`/api/agency/tasks/${task.id}`)).body;
        options.onTask?.(detail);
        const decision = options.decide?.(detail) ?? {
          outcome: 'approved' as const,
          outputs: Object.fromEntries(detail.produces.map((p) => [p.item, sampleFor(p)])),
        };
        const decided = await inbox.post(`/api/agency/tasks/${task.id}/decision`, decision);
        if (decided.status !== 200)
          throw new Error(`decision answered ${decided.status}: ${JSON.stringify(decided.body)}`);
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`journey ${journeyId} did not end within the polling bound`);
}
