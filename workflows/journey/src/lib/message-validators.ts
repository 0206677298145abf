import { ID_RULE, MAX_TEXT_LENGTH, REASON_RULE, textProblem, type TextRule } from '@passage/contracts';
import { findStep, type LifeEventDefinition } from '@passage/journey-model';

type MessageKind = 'decision' | 'inputs' | 'info-request' | 'withdrawal' | 'retry' | 'resubmission' | 'appeal';

/**
 * Rejects malformed messages before they reach the journey (Temporal then records nothing). Whether a well-formed
 * message still applies — a late or duplicate decision — is the engine's call, answered in the receipt.
 */
export function validateMessage(definition: LifeEventDefinition, kind: MessageKind, message: unknown): void {
  const m = asRecord(message, 'message');
  requireText(m['idempotencyKey'], 'idempotencyKey');
  // A step of the definition, or the appeal step of one (decided and asking like any manual step).
  const requireStep = () => {
    requireText(m['stepId'], 'stepId');
    if (!findStep(definition, m['stepId'] as string)) throw new Error(`stepId: unknown step ${String(m['stepId'])}`);
  };
  switch (kind) {
    case 'decision':
      requireStep();
      if (m['outcome'] !== 'approved' && m['outcome'] !== 'rejected')
        throw new Error('outcome: must be approved or rejected');
      if (m['outputs'] !== undefined) requireItems(definition, m['outputs'], 'outputs');
      optionalReason(m['reason']);
      requireActor(m['decidedBy'], 'decidedBy');
      break;
    case 'inputs':
      requireItems(definition, m['items'], 'items');
      requireActor(m['actor'], 'actor');
      break;
    case 'info-request': {
      requireStep();
      const items = m['items'];
      if (!Array.isArray(items) || items.length === 0) throw new Error('items: must list at least one data item');
      items.forEach((item, i) => {
        if (typeof item !== 'string' || !(item in definition.dataItems))
          throw new Error(`items[${i}]: unknown data item`);
      });
      requireActor(m['requestedBy'], 'requestedBy');
      break;
    }
    case 'withdrawal':
      optionalReason(m['reason']);
      requireActor(m['actor'], 'actor');
      break;
    case 'retry':
      requireStep();
      requireActor(m['actor'], 'actor');
      break;
    case 'resubmission':
      requireStep();
      requireItems(definition, m['items'], 'items');
      requireActor(m['actor'], 'actor');
      break;
    case 'appeal':
      requireStep();
      optionalReason(m['reason']);
      requireActor(m['actor'], 'actor');
      break;
  }
}

function asRecord(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`${path}: must be an object`);
  return value as Record<string, unknown>;
}

/** A text by the rule every edge applies (`@passage/contracts`): the API refuses the same before it gets here. */
function requireText(value: unknown, path: string, rule: TextRule = ID_RULE): void {
  if (typeof value !== 'string' || value.length === 0) throw new Error(`${path}: must be a non-empty string`);
  const problem = textProblem(value, rule);
  if (problem) throw new Error(`${path}: ${problem}`);
}

function optionalReason(value: unknown): void {
  if (value !== undefined) requireText(value, 'reason', REASON_RULE);
}

function requireActor(value: unknown, path: string): void {
  const actor = asRecord(value, path);
  requireText(actor['id'], `${path}.id`);
  requireText(actor['role'], `${path}.role`);
  if (actor['agency'] !== undefined) requireText(actor['agency'], `${path}.agency`);
}

function requireItems(definition: LifeEventDefinition, value: unknown, path: string): void {
  for (const [key, item] of Object.entries(asRecord(value, path))) {
    if (!(key in definition.dataItems)) throw new Error(`${path}.${key}: unknown data item`);
    if (!['string', 'number', 'boolean'].includes(typeof item))
      throw new Error(`${path}.${key}: must be a string, number or boolean`);
    const problem = typeof item === 'string' ? textProblem(item, { maxLength: MAX_TEXT_LENGTH }) : undefined;
    if (problem) throw new Error(`${path}.${key}: ${problem}`);
  }
}

/** A migration must name a version of the same life event, with its definition. */
export function validateMigration(lifeEventId: string, message: unknown): void {
  const m = asRecord(message, 'message');
  requireText(m['idempotencyKey'], 'idempotencyKey');
  requireActor(m['actor'], 'actor');
  const snapshot = asRecord(m['snapshot'], 'snapshot');
  if (snapshot['id'] !== lifeEventId) throw new Error(`snapshot.id: must be ${lifeEventId}`);
  if (typeof snapshot['version'] !== 'number' || typeof snapshot['hash'] !== 'string')
    throw new Error('snapshot: version and hash are required');
  const definition = asRecord(snapshot['definition'], 'snapshot.definition');
  if (!Array.isArray(definition['steps'])) throw new Error('snapshot.definition.steps: must be a list');
}
