import {
  ID_RULE,
  MAX_TEXT_LENGTH,
  REASON_RULE,
  textProblem,
  type ServiceOutcome,
  type ServiceRequest,
  type TextRule,
} from '@passage/contracts';
import type { DataItems, Language } from '@passage/journey-model';
import { delay, NEVER_ABORTED, untilAborted } from './abort';
import {
  checkItems,
  checkItemsSync,
  declaredItems,
  instanceOf,
  isDataValue,
  type ItemClass,
  type ItemsOf,
} from './item-class';
import { ServiceFailure } from './service-failure';
import { stepContext, type StepContext, type StepResult, type StepRuntime } from './step-context';

/** A sample of the step: documentation, and a `sample` for the conformance kit. Checked when the step is defined. */
export interface StepExample<I, O> {
  readonly input: ItemsOf<I>;
  readonly outputs?: ItemsOf<O>;
}

export interface ServiceStepSpec<I extends object, O extends object> {
  readonly agency: string;
  /** The service id Passage's definitions use for this step (or for a compensation, e.g. `kbo-deregistration`). */
  readonly service: string;
  /** The data items the step needs: the handler receives these and nothing else. */
  readonly input: ItemClass<I>;
  /** The data items the step produces when it completes. */
  readonly output: ItemClass<O>;
  handle(input: Readonly<I>, context: StepContext<O>): Promise<StepResult<O>> | StepResult<O>;
  readonly examples?: readonly StepExample<I, O>[];
}

export interface ServiceStep<I extends object = object, O extends object = object> {
  readonly agency: string;
  readonly service: string;
  /** Item names the input class declares. */
  readonly needs: readonly string[];
  /** Item names the output class declares. */
  readonly produces: readonly string[];
  readonly examples: readonly StepExample<I, O>[];
  /**
   * Answers one request as the worker and the webhook handler do (use it in your unit tests): the `slow` probe's
   * delay, input whitelisting and validation, the handler, output validation. Throws a `ServiceFailure` for an
   * invalid request or output, and whatever the handler throws.
   */
  perform(request: ServiceRequest, runtime?: Partial<StepRuntime>): Promise<ServiceOutcome>;
}

/** A `slow` probe never holds a handler longer than this, whatever delay it asks for. */
const MAX_PROBE_DELAY_MS = 60_000;

const INCOMPLETE: Readonly<Record<Language, string>> = {
  nl: 'Onvolledige aanvraag: deze gegevens ontbreken',
  en: 'Incomplete application: these data items are missing',
  fr: 'Demande incomplète : ces données manquent',
};

/**
 * Defines one service of an agency. The handler gets a validated instance of `input` holding only the items that
 * class declares, and answers with `completed` (outputs checked against `output`), `rejected` or `accepted`.
 * Request rules: a needed item of the wrong type → `InvalidServiceRequest` (not retried); a required item missing
 * or empty → `rejected` as an incomplete application, without calling the handler.
 */
export function defineServiceStep<I extends object, O extends object>(spec: ServiceStepSpec<I, O>): ServiceStep<I, O> {
  const input = declaredItems(spec.input);
  const output = declaredItems(spec.output);
  const needs = input.declared;
  const produces = output.declared;
  const examples = spec.examples ?? [];
  examples.forEach((example, index) => checkExample(spec, example, index));

  async function perform(request: ServiceRequest, runtime: Partial<StepRuntime> = {}): Promise<ServiceOutcome> {
    const signal = runtime.signal ?? NEVER_ABORTED;
    const probe = request.conformance;
    if (probe?.probe === 'slow') await delay(Math.min(probe.delayMs ?? 0, MAX_PROBE_DELAY_MS), signal);

    const values = instanceOf(spec.input, needs, request.items);
    const issues = await checkItems(values, input.required);
    if (issues.invalid.length > 0) {
      throw new ServiceFailure(
        'InvalidServiceRequest',
        `${spec.service}: invalid data items: ${issues.invalid.join(', ')}`,
      );
    }
    if (issues.missing.length > 0)
      return { outcome: 'rejected', reason: `${INCOMPLETE[request.language]}: ${issues.missing.join(', ')}` };

    const context = stepContext<O>(request, { ...runtime, heartbeat: runtime.heartbeat ?? (() => undefined), signal });
    const result = await untilAborted(Promise.resolve(spec.handle(Object.freeze(values), context)), signal);
    return outcomeOf(result);
  }

  async function outcomeOf(result: StepResult<O> | undefined): Promise<ServiceOutcome> {
    switch (result?.outcome) {
      case 'completed':
        return { outcome: 'completed', outputs: await checkOutputs(result.outputs) };
      case 'rejected':
        if (typeof result.reason !== 'string' || result.reason.trim() === '')
          invalidOutput('a rejection needs a reason the subject can read');
        checkText('the rejection reason', result.reason, REASON_RULE);
        return { outcome: 'rejected', reason: result.reason };
      case 'accepted':
        return result.reference === undefined
          ? { outcome: 'accepted' }
          : { outcome: 'accepted', reference: String(result.reference) };
      case 'information-requested': {
        if (result.items.length === 0) invalidOutput('a request for information needs the items it asks for');
        result.items.forEach((item) => checkText('an item asked for', item, ID_RULE));
        if (typeof result.message !== 'string' || result.message.trim() === '')
          invalidOutput('a request for information needs a message the subject can read');
        checkText('the message of a request for information', result.message, REASON_RULE);
        return { outcome: 'information-requested', items: [...result.items], message: result.message };
      }
      default:
        return invalidOutput(
          'the handler must return context.completed(…), context.rejected(…), context.accepted(…) or context.requestInformation(…)',
        );
    }
  }

  async function checkOutputs(outputs: unknown): Promise<DataItems> {
    if (typeof outputs !== 'object' || outputs === null)
      return invalidOutput('completed needs the outputs as an object');
    const given = Object.entries(outputs).filter(([, value]) => value !== undefined);
    const undeclared = given.map(([item]) => item).filter((item) => !produces.includes(item));
    if (undeclared.length > 0)
      invalidOutput(`undeclared output items ${undeclared.join(', ')} (declare them in the output class)`);
    const notData = given.filter(([, value]) => !isDataValue(value)).map(([item]) => item);
    if (notData.length > 0)
      invalidOutput(`outputs ${notData.join(', ')} must be strings, numbers or booleans (dates as YYYY-MM-DD)`);
    for (const [item, value] of given) if (typeof value === 'string') checkText(`output ${item}`, value);
    const values = Object.fromEntries(given) as DataItems;
    const issues = await checkItems(instanceOf(spec.output, produces, values), output.required);
    const problems = [...issues.missing.map((item) => `${item} (missing)`), ...issues.invalid];
    if (problems.length > 0) invalidOutput(`invalid outputs: ${problems.join(', ')}`);
    return values;
  }

  /** What an agency answers reaches the subject's timeline: it follows the text rule every edge of Passage applies. */
  function checkText(what: string, value: string, rule: TextRule = { maxLength: MAX_TEXT_LENGTH }): void {
    const problem = textProblem(value, rule);
    if (problem) invalidOutput(`${what} ${problem}`);
  }

  function invalidOutput(message: string): never {
    throw new ServiceFailure('InvalidServiceOutput', `${spec.service}: ${message}`);
  }

  return { agency: spec.agency, service: spec.service, needs, produces, examples, perform };
}

/** A wrong example fails when the step is defined, not when the conformance kit or a reader relies on it. */
function checkExample<I extends object, O extends object>(
  spec: ServiceStepSpec<I, O>,
  example: StepExample<I, O>,
  index: number,
): void {
  const problems = (type: ItemClass, values: object) => {
    const { declared, required } = declaredItems(type);
    const issues = checkItemsSync(instanceOf(type, declared, values as Record<string, unknown>), required);
    return [...issues.missing.map((item) => `${item} (missing)`), ...issues.invalid];
  };
  const found = [
    ...problems(spec.input, example.input),
    ...(example.outputs ? problems(spec.output, example.outputs) : []),
  ];
  if (found.length > 0) throw new Error(`${spec.service}: examples[${index}] is invalid: ${found.join(', ')}`);
}
