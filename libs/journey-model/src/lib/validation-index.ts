import { DATA_ITEM_TYPES, DATA_SCOPES, type Condition } from './definition.types';
import { isRecord, own, type JsonRecord } from './json-value';
import { checkCondition, type DataItemFacts, type DataItemLookup } from './validate-condition';
import { fieldPath, Issues, itemPath } from './validation-report';
import type { ValidationIssue } from './validation.types';

/**
 * What checks of one element need to know of the whole definition, gathered up front from whatever parts of the
 * input are well formed, so each element can be checked where it stands in the document.
 */
export interface DefinitionIndex {
  readonly dataItems: DataItemLookup;
  readonly intake: ReadonlySet<string>;
  /** One entry per element of `steps` (empty facts for an element that is not an object). */
  readonly steps: readonly StepFacts[];
  /** Step id → index of the first step with that id. */
  readonly stepIds: ReadonlyMap<string, number>;
  /** Per step, the steps it depends on directly or indirectly (never itself). */
  readonly ancestors: readonly ReadonlySet<number>[];
  /** Path of each dependency that closes a cycle → the step ids around the cycle, starting and ending at its step. */
  readonly cycles: ReadonlyMap<string, readonly string[]>;
}

export interface StepFacts {
  /** The id, or `steps[i]` when it has none. */
  readonly name: string;
  readonly produces: readonly string[];
  /** The steps its `dependsOn` names, with where each is named; unknown ids, its own id and repeats left out. */
  readonly dependencies: readonly { readonly step: number; readonly position: number }[];
  readonly conditional: boolean;
  /** The issues of its condition: checked up front, because checking its needs depends on the condition being sound. */
  readonly whenIssues: readonly ValidationIssue[];
  /** Its condition, when it has one without issues. */
  readonly when?: Condition;
}

export function indexDefinition(definition: JsonRecord): DefinitionIndex {
  const dataItems = indexDataItems(own(definition, 'dataItems'));
  const rawSteps = own(definition, 'steps');
  const records = (Array.isArray(rawSteps) ? rawSteps : []).map((step: unknown) => (isRecord(step) ? step : {}));
  const stepIds = new Map<string, number>();
  records.forEach((step, i) => {
    const id = own(step, 'id');
    if (typeof id === 'string' && !stepIds.has(id)) stepIds.set(id, i);
  });
  const steps = records.map((step, i) => stepFacts(step, i, stepIds, dataItems));
  return {
    dataItems,
    intake: new Set(strings(own(definition, 'intake'))),
    steps,
    stepIds,
    ancestors: steps.map((_, i) => ancestorsOf(i, steps)),
    cycles: findCycles(steps),
  };
}

function indexDataItems(value: unknown): DataItemLookup {
  if (!isRecord(value)) return undefined;
  return new Map(
    Object.entries(value).map(([name, spec]): [string, DataItemFacts] => {
      const item = isRecord(spec) ? spec : {};
      const type = DATA_ITEM_TYPES.find((t) => t === own(item, 'type'));
      const source = own(item, 'authenticSource');
      const scope = DATA_SCOPES.find((s) => s === own(item, 'scope'));
      return [
        name,
        {
          type,
          values: strings(own(item, 'values')),
          fromAuthenticSource: typeof source === 'string' && source.trim() !== '',
          ...(scope === undefined ? {} : { scope }),
        },
      ];
    }),
  );
}

function stepFacts(
  step: JsonRecord,
  index: number,
  stepIds: ReadonlyMap<string, number>,
  dataItems: DataItemLookup,
): StepFacts {
  const id = own(step, 'id');
  const dependencies: { step: number; position: number }[] = [];
  const rawDependsOn = own(step, 'dependsOn');
  (Array.isArray(rawDependsOn) ? rawDependsOn : []).forEach((name: unknown, position) => {
    const target = typeof name === 'string' && name !== id ? stepIds.get(name) : undefined;
    const repeated = dependencies.some((d) => d.step === target);
    if (target !== undefined && !repeated) dependencies.push({ step: target, position });
  });
  const when = own(step, 'when');
  const whenIssues = new Issues();
  if (when !== undefined) checkCondition(whenIssues, when, fieldPath(itemPath('steps', index), 'when'), dataItems);
  return {
    name: typeof id === 'string' ? id : itemPath('steps', index),
    produces: strings(own(step, 'produces')),
    dependencies,
    conditional: when !== undefined,
    whenIssues: whenIssues.found,
    when: when !== undefined && whenIssues.found.length === 0 ? (when as Condition) : undefined,
  };
}

function ancestorsOf(start: number, steps: readonly StepFacts[]): ReadonlySet<number> {
  const seen = new Set<number>();
  const queue = [start];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const { step } of steps[next].dependencies) {
      if (seen.has(step)) continue;
      seen.add(step);
      queue.push(step);
    }
  }
  seen.delete(start);
  return seen;
}

/**
 * Adds the dependencies one by one in document order; one whose target already (indirectly) depends on its step
 * closes a cycle. It is reported and left out, so every cycle is reported once, on the edge read last.
 */
function findCycles(steps: readonly StepFacts[]): ReadonlyMap<string, readonly string[]> {
  const accepted: number[][] = steps.map(() => []);
  const cycles = new Map<string, readonly string[]>();
  steps.forEach((facts, from) => {
    for (const { step: to, position } of facts.dependencies) {
      const back = dependencyPath(to, from, accepted);
      if (back === undefined) {
        accepted[from].push(to);
      } else {
        const path = itemPath(fieldPath(itemPath('steps', from), 'dependsOn'), position);
        const around = [from, ...back].map((i) => steps[i].name);
        cycles.set(path, around);
      }
    }
  });
  return cycles;
}

/** A shortest chain of dependencies from `from` to `to` (both included), or undefined when there is none. */
function dependencyPath(from: number, to: number, edges: readonly (readonly number[])[]): number[] | undefined {
  const previous = new Map<number, number>([[from, from]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const current = queue[i];
    if (current === to) {
      const path = [to];
      while (path[0] !== from) path.unshift(previous.get(path[0]) as number);
      return path;
    }
    for (const next of edges[current]) {
      if (previous.has(next)) continue;
      previous.set(next, current);
      queue.push(next);
    }
  }
  return undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry: unknown): entry is string => typeof entry === 'string') : [];
}
