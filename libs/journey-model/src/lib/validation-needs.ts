import { canonicalJson } from './canonical-json';
import type { Condition } from './definition.types';
import { describeCondition } from './describe-condition';
import type { DefinitionIndex, StepFacts } from './validation-index';
import { quote, type Issues } from './validation-report';

/**
 * Reports a needed data item that is not sure to be known when the step runs. It is sure to be known when it is
 * asked at intake, held by an authentic source, or produced by a step this one depends on (directly or not) that
 * runs whenever this one runs: a producer without a condition, or whose condition equals this step's condition or
 * one of the parts of this step's `and` (equal as data, whatever the key order). Other implications between
 * conditions are not worked out: repeat the producer's condition in the step's.
 *
 * Nothing is reported for an undeclared item (that is `unknown-data-item`), or when this step's or the producer's
 * condition has issues of its own: provision cannot be decided then, and the condition is reported instead.
 */
export function checkNeed(issues: Issues, index: DefinitionIndex, stepIndex: number, name: string, at: string): void {
  const item = index.dataItems?.get(name);
  const step = index.steps[stepIndex];
  if (item === undefined || item.fromAuthenticSource || index.intake.has(name)) return;
  if (step.conditional && step.when === undefined) return;
  const guaranteed = new Set(step.when === undefined ? [] : conjuncts(step.when).map(canonicalJson));
  const producers = [...index.ancestors[stepIndex]]
    .sort((a, b) => a - b)
    .map((i) => index.steps[i])
    .filter((facts) => facts.produces.includes(name));
  const runsWhenever = (producer: StepFacts) =>
    !producer.conditional || producer.when === undefined || guaranteed.has(canonicalJson(producer.when));
  if (producers.some(runsWhenever)) return;

  const [conditional] = producers;
  const elsewhere = index.steps.find((facts, i) => i !== stepIndex && facts.produces.includes(name));
  const needer = quote(step.name);
  const wanted = quote(name);
  let message: string;
  if (conditional?.when !== undefined) {
    message =
      `${needer} needs ${wanted}, which ${quote(conditional.name)} produces only when ` +
      `${describeCondition(conditional.when)}, and ${needer} can run when that is not so.`;
  } else if (elsewhere !== undefined) {
    const producer = quote(elsewhere.name);
    message = `${needer} needs ${wanted}, which ${producer} produces, but ${needer} does not depend on ${producer}.`;
  } else {
    message = `Nothing provides ${wanted} before ${needer} runs: it is not in intake, has no authentic source, and no other step produces it.`;
  }
  issues.add('unprovided-need', at, message);
}

/** The condition and, for an `and`, each of its parts (nested `and`s flattened). */
function conjuncts(condition: Condition): Condition[] {
  return 'and' in condition ? [condition, ...condition.and.flatMap(conjuncts)] : [condition];
}
