import type { DataItems, LifeEventDefinition } from '@passage/journey-model';
import type { StartJourneyInput } from '@passage/temporal';
import { snapshotOf, testStep, texts } from '@passage/testing';
import type { PlainFanoutInput, PlainStep } from './plain-fanout.workflow';

/** One step of the benchmark's DAG, as both systems run it. */
export interface FanoutStep {
  readonly id: string;
  readonly agency: string;
  readonly needs: readonly string[];
  readonly produces: readonly string[];
  readonly dependsOn: readonly string[];
}

/** Steps per level: 1 → 3 → 6, ten automatic steps; every step of a level depends on all steps of the previous one. */
export const FANOUT_SHAPE: readonly number[] = [1, 3, 6];
/** The agencies the steps are spread over (round robin); each has its own task queue. */
export const FANOUT_AGENCIES: readonly string[] = ['alpha', 'beta', 'gamma'];
const INTAKE_ITEM = 'person.name';

/** The DAG as levels of steps: each step produces one reference and needs the references of the level before. */
export function fanoutLevels(shape = FANOUT_SHAPE, agencies = FANOUT_AGENCIES): FanoutStep[][] {
  const levels: FanoutStep[][] = [];
  let index = 0;
  for (const [level, width] of shape.entries()) {
    const previous = levels[level - 1] ?? [];
    levels.push(
      Array.from({ length: width }, (_, i) => {
        const id = `l${level + 1}-s${i + 1}`;
        return {
          id,
          agency: agencies[index++ % agencies.length],
          needs: previous.length > 0 ? previous.flatMap((step) => step.produces) : [INTAKE_ITEM],
          produces: [`${id}.ref`],
          dependsOn: previous.map((step) => step.id),
        };
      }),
    );
  }
  return levels;
}

/** The Passage life event of the DAG: every step `automatic`, no terms, no compensation. */
export function fanoutLifeEvent(levels: readonly FanoutStep[][]): LifeEventDefinition {
  const steps = levels.flat();
  return {
    id: 'bench-fanout',
    version: 1,
    kind: 'life',
    owner: 'bench-owner',
    title: texts('Fan-out benchmark'),
    summary: texts('Ten automatic steps in three levels'),
    dataItems: Object.fromEntries(
      [INTAKE_ITEM, ...steps.flatMap((step) => step.produces)].map((item) => [
        item,
        { type: 'string', label: texts(item) },
      ]),
    ),
    intake: [INTAKE_ITEM],
    steps: steps.map((step) =>
      testStep(step.id, {
        agency: step.agency,
        mode: 'automatic',
        needs: [...step.needs],
        produces: [...step.produces],
        dependsOn: [...step.dependsOn],
      }),
    ),
  };
}

const intakeData = (n: number): DataItems => ({ [INTAKE_ITEM]: `Subject ${n}` });

/** What Passage starts: a journey of the life event for its own subject (the vault is keyed by subject). */
export function passageJourneyInput(definition: LifeEventDefinition, n: number): StartJourneyInput {
  return {
    snapshot: snapshotOf(definition),
    subject: `bench-subject-${n}`,
    language: 'nl',
    channel: 'online',
    startedBy: { id: `bench-subject-${n}`, role: 'citizen' },
    data: intakeData(n),
    provenance: { [INTAKE_ITEM]: { kind: 'intake' } },
  };
}

/** What the plain workflow runs: the same levels, each step on the task queue `taskQueueOf(agency)`. */
export function plainFanoutInput(
  levels: readonly FanoutStep[][],
  lifeEventId: string,
  taskQueueOf: (agency: string) => string,
  n: number,
): Omit<PlainFanoutInput, 'journeyId'> {
  const toPlain = (step: FanoutStep): PlainStep => ({
    id: step.id,
    agency: step.agency,
    taskQueue: taskQueueOf(step.agency),
    needs: step.needs,
  });
  return { lifeEventId, levels: levels.map((level) => level.map(toPlain)), data: intakeData(n) };
}
