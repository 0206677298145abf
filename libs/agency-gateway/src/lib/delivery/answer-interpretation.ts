import { ID_RULE, REASON_RULE, textProblem, type ServiceOutcome, type ServiceRequest } from '@passage/contracts';
import { dataItemsProblem } from '@passage/validation';
import type { DataItems } from '@passage/journey-model';
import type { WebhookAnswer } from './webhook-call';

const MAX_REASON = REASON_RULE.maxLength;
const MAX_REFERENCE = ID_RULE.maxLength;

/**
 * What an answer means for the journey:
 * - `outcome`: the agency answered by the contract (200 completed, or 200 `informationRequested`, 202 accepted,
 *   422 rejected);
 * - `unavailable`: 5xx, 408 or 429: the agency is unavailable for now, try again later;
 * - `violation`: any other answer, or a body that does not fit its status: retrying would not help.
 * Reasons name the status and what is wrong, never the body's content.
 */
export type Interpretation =
  | { readonly kind: 'outcome'; readonly outcome: ServiceOutcome }
  | { readonly kind: 'unavailable'; readonly reason: string }
  | { readonly kind: 'violation'; readonly reason: string };

export function interpretAnswer(answer: WebhookAnswer, kind: ServiceRequest['kind']): Interpretation {
  const { status } = answer;
  if (status >= 500 || status === 408 || status === 429) return { kind: 'unavailable', reason: `answered ${status}` };
  const violation = (what: string): Interpretation => ({ kind: 'violation', reason: `answered ${status} ${what}` });
  const body = parseObject(answer.text);
  switch (status) {
    case 200: {
      if (body === undefined) return violation('without a JSON object');
      if (body['informationRequested'] !== undefined && kind === 'perform') {
        const asked = informationRequested(body['informationRequested']);
        return typeof asked === 'string' ? violation(asked) : { kind: 'outcome', outcome: asked };
      }
      // A compensation undoes: it produces nothing, so its answer needs no outputs.
      if (kind === 'compensate' && body['outputs'] === undefined)
        return { kind: 'outcome', outcome: { outcome: 'completed', outputs: {} } };
      const problem = dataItemsProblem(body['outputs']);
      if (problem) return violation(`with outputs that ${problem}`);
      return { kind: 'outcome', outcome: { outcome: 'completed', outputs: body['outputs'] as DataItems } };
    }
    case 202: {
      const reference = body?.['reference'];
      if (reference === undefined) return { kind: 'outcome', outcome: { outcome: 'accepted' } };
      if (typeof reference !== 'string' || reference.length === 0 || reference.length > MAX_REFERENCE) {
        return violation(`with a reference that is not a text of 1 to ${MAX_REFERENCE} characters`);
      }
      const problem = textProblem(reference, ID_RULE);
      if (problem) return violation(`with a reference that ${problem}`);
      return { kind: 'outcome', outcome: { outcome: 'accepted', reference } };
    }
    case 422: {
      const reason = body?.['reason'];
      if (typeof reason !== 'string' || reason.trim() === '' || reason.length > MAX_REASON) {
        return violation(`without a reason of 1 to ${MAX_REASON} characters`);
      }
      const problem = textProblem(reason, REASON_RULE);
      if (problem) return violation(`with a reason that ${problem}`);
      return { kind: 'outcome', outcome: { outcome: 'rejected', reason } };
    }
    default:
      return violation('(not part of the webhook contract)');
  }
}

/** At most this many items in one request for information. */
const MAX_ASKED_ITEMS = 20;

/**
 * `{ "informationRequested": { "items": ["…"], "message": "…" } }`: the agency asks the subject for data items
 * (their names) with a message in the subject's language. A problem is answered as text.
 */
function informationRequested(value: unknown): ServiceOutcome | string {
  const asked =
    typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const items = asked['items'];
  if (
    !Array.isArray(items) ||
    items.length === 0 ||
    items.length > MAX_ASKED_ITEMS ||
    items.some((item) => typeof item !== 'string' || textProblem(item, ID_RULE) !== undefined)
  )
    return `with informationRequested.items that is not a list of 1 to ${MAX_ASKED_ITEMS} data item names`;
  const message = asked['message'];
  if (typeof message !== 'string' || message.trim() === '' || message.length > MAX_REASON)
    return `without an informationRequested.message of 1 to ${MAX_REASON} characters`;
  const problem = textProblem(message, REASON_RULE);
  if (problem) return `with an informationRequested.message that ${problem}`;
  return { outcome: 'information-requested', items: items as string[], message };
}

/** The body as a JSON object; undefined when empty, not JSON, or not an object. */
function parseObject(text: string | undefined): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
