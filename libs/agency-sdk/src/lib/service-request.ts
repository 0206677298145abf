import type { ConformanceProbe, ServiceRequest } from '@passage/contracts';
import { LANGUAGES, type DataValue, type Language } from '@passage/journey-model';
import { isDataValue } from './item-class';
import { ServiceFailure } from './service-failure';

const PROBES: readonly ConformanceProbe['probe'][] = ['happy-path', 'duplicate', 'slow', 'incomplete', 'malformed'];

/**
 * Checks the envelope of a request (a webhook body is untrusted JSON; a Temporal payload is checked the same way)
 * and returns it typed. The items' values are checked later, against the step's input class.
 */
export function parseServiceRequest(raw: unknown): ServiceRequest {
  const r = record(raw, 'request');
  const items = record(r['items'], 'items');
  for (const [item, value] of Object.entries(items)) {
    if (!isDataValue(value)) refuse(`items.${item} must be a string, number or boolean`);
  }
  const lifeEvent = record(r['lifeEvent'], 'lifeEvent');
  if (typeof lifeEvent['version'] !== 'number') refuse('lifeEvent.version must be a number');
  if (r['kind'] !== 'perform' && r['kind'] !== 'compensate') refuse('kind must be perform or compensate');
  if (!(LANGUAGES as readonly unknown[]).includes(r['language']))
    refuse(`language must be one of ${LANGUAGES.join(', ')}`);
  if (r['dueAt'] !== undefined && typeof r['dueAt'] !== 'string') refuse('dueAt must be a string');
  const answered = r['answered'];
  if (answered !== undefined && (!Array.isArray(answered) || answered.some((item) => typeof item !== 'string')))
    refuse('answered must be a list of data item names');
  return {
    journeyId: text(r, 'journeyId'),
    stepId: text(r, 'stepId'),
    lifeEvent: { id: text(lifeEvent, 'lifeEvent.id'), version: lifeEvent['version'] as number },
    agency: text(r, 'agency'),
    service: text(r, 'service'),
    kind: r['kind'],
    idempotencyKey: text(r, 'idempotencyKey'),
    items: items as Record<string, DataValue>,
    language: r['language'] as Language,
    dueAt: r['dueAt'] as string | undefined,
    proactive: r['proactive'] === true,
    conformance: r['conformance'] === undefined ? undefined : probe(r['conformance']),
    ...(answered === undefined ? {} : { answered: answered as string[] }),
  };
}

function probe(raw: unknown): ConformanceProbe {
  const p = record(raw, 'conformance');
  if (!(PROBES as readonly unknown[]).includes(p['probe']))
    refuse(`conformance.probe must be one of ${PROBES.join(', ')}`);
  const delayMs = p['delayMs'];
  if (delayMs !== undefined && (typeof delayMs !== 'number' || !Number.isFinite(delayMs) || delayMs < 0))
    refuse('conformance.delayMs must be a number ≥ 0');
  return { probe: p['probe'] as ConformanceProbe['probe'], delayMs: delayMs as number | undefined };
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) refuse(`${path} must be an object`);
  return value as Record<string, unknown>;
}

function text(r: Record<string, unknown>, path: string): string {
  const value = r[path.slice(path.lastIndexOf('.') + 1)];
  if (typeof value !== 'string' || value.length === 0 || value.length > 500)
    refuse(`${path} must be a non-empty string`);
  return value as string;
}

function refuse(message: string): never {
  throw new ServiceFailure('InvalidServiceRequest', message);
}
