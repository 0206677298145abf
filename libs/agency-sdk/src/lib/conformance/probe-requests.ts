import { randomUUID } from 'node:crypto';
import type { ConformanceProbe, ServiceRequest } from '@passage/contracts';
import type { DataItems, DataItemSpec, DataValue } from '@passage/journey-model';

/** What the kit needs of a data item's definition (a full `DataItemSpec` of a life event fits). */
export type ItemSpec = Pick<DataItemSpec, 'type' | 'values'>;

export interface ServiceUnderTest {
  readonly service: string;
  /** The items Passage sends this service, by name. */
  readonly needs: Readonly<Record<string, ItemSpec>>;
  /** The items a completed answer must give, by name. */
  readonly produces: Readonly<Record<string, ItemSpec>>;
  /** Valid needed items for the happy path; generated from the specs' types when absent. */
  readonly sample?: DataItems;
  /** `compensate` for a compensation service (undoing an earlier step). Default: `perform`. */
  readonly kind?: ServiceRequest['kind'];
  readonly proactive?: boolean;
}

export const CHECKS = [
  'happy-path',
  'duplicate',
  'slow',
  'incomplete',
  'malformed',
] as const satisfies readonly ConformanceProbe['probe'][];
export type CheckName = (typeof CHECKS)[number];

/** An item no service declares: whitelisting must drop it, and a malformed request carries it. */
export const UNDECLARED_ITEM = 'conformance.undeclared';

/** A plausible value of the spec's type, for services tested without a sample. */
export function sampleValue(spec: ItemSpec): DataValue {
  switch (spec.type) {
    case 'string':
      return 'Conformance test value';
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'date':
      return new Date().toISOString().slice(0, 10);
    case 'enum':
      return spec.values?.[0] ?? 'conformance';
  }
}

/** A value of another type than the spec's: what a malformed request carries. */
export function wrongValue(spec: ItemSpec): DataValue {
  return spec.type === 'number' || spec.type === 'boolean' ? `not-a-${spec.type}` : 20240101;
}

export function sampleItems(service: ServiceUnderTest): DataItems {
  return (
    service.sample ?? Object.fromEntries(Object.entries(service.needs).map(([item, spec]) => [item, sampleValue(spec)]))
  );
}

/** The items each check sends; undefined when the check does not apply (a service that needs nothing). */
export function itemsFor(check: CheckName, service: ServiceUnderTest): DataItems | undefined {
  const sample = sampleItems(service);
  const needs = Object.entries(service.needs);
  if (check === 'incomplete') {
    const [dropped] = needs[0] ?? [];
    return dropped === undefined
      ? undefined
      : Object.fromEntries(Object.entries(sample).filter(([item]) => item !== dropped));
  }
  if (check === 'malformed') {
    return needs.length === 0
      ? undefined
      : {
          ...Object.fromEntries(needs.map(([item, spec]) => [item, wrongValue(spec)])),
          [UNDECLARED_ITEM]: 'not declared by this service',
        };
  }
  return sample;
}

/** A request like the engine's, recognisable as test traffic: journey id `conformance-<uuid>`, a `conformance` marker. */
export function probeRequest(
  agency: string,
  service: ServiceUnderTest,
  items: DataItems,
  probe: ConformanceProbe,
): ServiceRequest {
  const journeyId = `conformance-${randomUUID()}`;
  return {
    journeyId,
    stepId: service.service,
    lifeEvent: { id: 'conformance', version: 1 },
    agency,
    service: service.service,
    kind: service.kind ?? 'perform',
    idempotencyKey: `${journeyId}:${service.service}:${probe.probe}`,
    items,
    language: 'en',
    proactive: service.proactive ?? false,
    conformance: probe,
  };
}
