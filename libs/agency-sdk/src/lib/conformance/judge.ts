import type { DataItems, DataValue } from '@passage/journey-model';
import type { ProbeAnswer } from './probe.workflow';
import type { ItemSpec, ServiceUnderTest } from './probe-requests';

/** Whether a check passed, and why, in words an agency developer can act on. */
export interface Verdict {
  readonly passed: boolean;
  readonly detail: string;
}

/** One delivery of a request, with how many attempts Temporal made. */
export interface Delivery {
  readonly answer: ProbeAnswer;
  readonly attempts: number;
}

const pass = (detail: string): Verdict => ({ passed: true, detail });
const fail = (detail: string): Verdict => ({ passed: false, detail });

export function judgeHappyPath(service: ServiceUnderTest, { answer, attempts }: Delivery): Verdict {
  const retried = attempts > 1 ? ` (after ${attempts} attempts)` : '';
  if (answer.kind === 'failure') return fail(`${describe(answer)}${retried}`);
  const { outcome } = answer;
  switch (outcome.outcome) {
    case 'completed': {
      const problems = outputProblems(service.produces, outcome.outputs);
      if (problems.length > 0) return fail(`completed, but ${problems.join('; ')}`);
      const produced = Object.keys(service.produces);
      return pass(`completed${produced.length > 0 ? ` with ${produced.join(', ')}` : ''}${retried}`);
    }
    case 'accepted':
      return pass(
        `accepted${outcome.reference ? ` (reference ${outcome.reference})` : ''}: the decision comes later${retried}`,
      );
    case 'rejected':
      return fail(`rejected a valid request: "${outcome.reason}" (pass a sample this service accepts)`);
    case 'information-requested':
      return fail(
        `asked the subject for ${outcome.items.join(', ')} on a complete request (pass a sample this service accepts)`,
      );
  }
}

export function judgeDuplicate(first: Delivery, second: Delivery): Verdict {
  if (first.answer.kind === 'failure' || first.answer.outcome.outcome === 'rejected')
    return fail(`first delivery ${describe(first.answer)}`);
  if (second.answer.kind === 'failure')
    return fail(`second delivery of the same idempotency key ${describe(second.answer)}`);
  const [a, b] = [first.answer.outcome, second.answer.outcome];
  if (a.outcome !== b.outcome)
    return fail(
      `the same idempotency key answered ${a.outcome}, then ${b.outcome}: act once per key and answer the same`,
    );
  if (a.outcome === 'completed' && b.outcome === 'completed') {
    const differing = [...new Set([...Object.keys(a.outputs), ...Object.keys(b.outputs)])].filter(
      (item) => a.outputs[item] !== b.outputs[item],
    );
    if (differing.length > 0)
      return fail(
        `the second delivery of the same idempotency key answered other outputs (${differing.join(', ')}): act once per key and answer the same`,
      );
  }
  if (a.outcome === 'accepted' && b.outcome === 'accepted' && a.reference !== b.reference) {
    return fail(
      'the second delivery of the same idempotency key got another reference: act once per key and answer the same',
    );
  }
  return pass(`both deliveries answered ${a.outcome} alike`);
}

export function judgeSlow(
  { answer }: Delivery,
  elapsedMs: number,
  delayMs: number,
  heartbeatTimeoutMs: number,
): Verdict {
  if (answer.kind === 'failure') {
    if (answer.failure.timeout === 'HEARTBEAT') {
      return fail(
        `no heartbeat within ${heartbeatTimeoutMs} ms while taking ${delayMs} ms: heartbeat while a request runs (the SDK does it on its own)`,
      );
    }
    return fail(describe(answer));
  }
  if (answer.outcome.outcome === 'rejected') return fail(`rejected: "${answer.outcome.reason}"`);
  if (elapsedMs < delayMs)
    return fail(
      `answered after ${elapsedMs} ms, before the probe's delay of ${delayMs} ms: honour conformance.delayMs so that heartbeats are proven`,
    );
  return pass(
    `${answer.outcome.outcome} after ${elapsedMs} ms, kept alive by heartbeats (heartbeat timeout ${heartbeatTimeoutMs} ms)`,
  );
}

export function judgeIncomplete({ answer }: Delivery, missing: string): Verdict {
  if (answer.kind === 'failure')
    return fail(
      `${describe(answer)} instead of rejecting: a missing ${missing} is an incomplete application, answer rejected with a reason`,
    );
  const { outcome } = answer;
  if (outcome.outcome !== 'rejected')
    return fail(`${outcome.outcome} without the needed item ${missing}: answer rejected with a reason`);
  if (outcome.reason.trim() === '') return fail('rejected without a reason: the subject reads it');
  return pass(`rejected without ${missing}: "${outcome.reason}"`);
}

/** At most one retry: a malformed request stays malformed, however often it is sent. */
const MAX_MALFORMED_ATTEMPTS = 2;

export function judgeMalformed({ answer, attempts }: Delivery): Verdict {
  if (answer.kind === 'outcome') {
    if (answer.outcome.outcome === 'rejected')
      return attempts <= MAX_MALFORMED_ATTEMPTS
        ? pass(`rejected: "${answer.outcome.reason}"`)
        : fail(`rejected only after ${attempts} attempts`);
    return fail(
      `${answer.outcome.outcome} a request with wrong types and an undeclared item: validate the needed items' types`,
    );
  }
  const { failure } = answer;
  if (failure.timeout) return fail(describe(answer));
  const final = failure.nonRetryable || failure.retryState === 'NON_RETRYABLE_FAILURE';
  if (!final || attempts > MAX_MALFORMED_ATTEMPTS) {
    return fail(
      `failed retryably ${attempts} times (${failure.type ?? 'error'}): Passage would keep retrying; fail non-retryably (InvalidServiceRequest) or reject`,
    );
  }
  return pass(`failed without retry: ${failure.type ?? 'error'}: ${failure.message}`);
}

function describe(answer: ProbeAnswer): string {
  if (answer.kind === 'outcome')
    return answer.outcome.outcome === 'rejected' ? `rejected: "${answer.outcome.reason}"` : answer.outcome.outcome;
  const { failure } = answer;
  if (failure.timeout) return `gave no answer in time (${failure.timeout} timeout)`;
  return `failed${failure.nonRetryable ? ' non-retryably' : ''}: ${failure.type ?? 'error'}: ${failure.message}`;
}

function outputProblems(produces: Readonly<Record<string, ItemSpec>>, outputs: DataItems): string[] {
  return Object.entries(produces).flatMap(([item, spec]) => {
    const value = outputs[item];
    if (value === undefined) return [`${item} is missing`];
    return hasType(spec, value)
      ? []
      : [
          spec.type === 'enum'
            ? `${item} is not one of ${(spec.values ?? []).join(', ')}`
            : `${item} is not a ${spec.type}`,
        ];
  });
}

function hasType(spec: ItemSpec, value: DataValue): boolean {
  switch (spec.type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
    case 'enum':
      return typeof value === 'string' && (spec.values ?? []).includes(value);
  }
}
