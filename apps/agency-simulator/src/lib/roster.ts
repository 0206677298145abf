import type { ItemSpec } from '@passage/agency-sdk';
import type { AgencyDescriptor, AgencyLevel, LifeEventDefinition, StepDefinition, Texts } from '@passage/journey-model';
import { appealStep } from '@passage/journey-model';
import type { CatalogueEntry } from '@passage/life-events';

/** How an agency's services reach it: an SDK worker on its task queue, or an HTTPS webhook behind Passage's adapter. */
export type Delivery = 'worker' | 'webhook';

/**
 * THE split between the two ways of plugging in, so that the demo and load tests exercise both: federal services
 * and private parties (banks, funds, insurers) answer over webhooks, as a system outside the Flemish government
 * would; Flemish and local agencies run SDK workers on Passage's Temporal.
 */
export const DELIVERY_BY_LEVEL: Readonly<Record<AgencyLevel, Delivery>> = {
  federal: 'webhook',
  private: 'webhook',
  flemish: 'worker',
  local: 'worker',
};

/** One service an agency performs without a person: an automatic or proactive step, or a compensation. */
export interface ServiceSpec {
  readonly agency: string;
  readonly service: string;
  readonly kind: 'perform' | 'compensate';
  /** The step of the newest version calling the service: its mode, term and expected days set the timing. */
  readonly step: StepDefinition;
  /** Every item some step sends the service… */
  readonly needs: Readonly<Record<string, ItemSpec>>;
  /** …of which these are sent by every step that calls it. */
  readonly required: readonly string[];
  /** What a completed answer gives (nothing, for a compensation). */
  readonly produces: Readonly<Record<string, ItemSpec>>;
}

/** A manual step decided by the agency's staff in the inbox. */
export interface InboxStep {
  readonly step: StepDefinition;
}

export interface SimulatedAgency {
  readonly id: string;
  readonly name: Texts;
  readonly level: AgencyLevel;
  /** Set when the agency has services to serve. */
  readonly delivery?: Delivery;
  readonly services: readonly ServiceSpec[];
  /** Its manual steps, by `inboxKey(lifeEvent, stepId)` (an inbox task names both). */
  readonly inbox: ReadonlyMap<string, InboxStep>;
}

export function inboxKey(lifeEvent: string, stepId: string): string {
  return `${lifeEvent}/${stepId}`;
}

/**
 * Every agency any step of the catalogue names, with what the simulator does for it, read from the definitions
 * (nothing is listed by hand): its services (automatic and proactive steps, compensations) and its manual steps,
 * appeals included.
 * Agencies with only citizen steps have nothing to simulate: the subject answers those.
 */
export function buildRoster(
  catalogue: readonly CatalogueEntry[],
  agencies: readonly AgencyDescriptor[],
): SimulatedAgency[] {
  const services = new Map<string, { spec: ServiceSpec; needSets: string[][] }>();
  const inboxes = new Map<string, Map<string, InboxStep>>();
  const used = new Set<string>();
  // Newest versions first: the newest step calling a service, or deciding a task, gives its shape.
  for (const definition of catalogue.flatMap((entry) => [...entry.versions].sort((a, b) => b.version - a.version))) {
    for (const step of definition.steps) {
      used.add(step.agency);
      if (step.mode === 'automatic' || step.mode === 'proactive')
        addService(services, definition, step, step.agency, step.service, 'perform');
      if (step.compensation) {
        const agency = step.compensation.agency ?? step.agency;
        used.add(agency);
        addService(services, definition, step, agency, step.compensation.service, 'compensate');
      }
      // An appeal is decided in the inbox of the body it goes to, like any manual step.
      for (const manual of [step, appealStep(step)]) {
        if (manual?.mode !== 'manual') continue;
        used.add(manual.agency);
        const inbox = inboxes.get(manual.agency) ?? new Map<string, InboxStep>();
        inboxes.set(manual.agency, inbox);
        const key = inboxKey(definition.id, manual.id);
        if (!inbox.has(key)) inbox.set(key, { step: manual });
      }
    }
  }
  return [...used].sort().map((id) => {
    const descriptor = agencies.find((agency) => agency.id === id);
    if (!descriptor) throw new Error(`the catalogue names agency ${id}, which is not among its agencies`);
    const own = [...services.values()]
      .filter(({ spec }) => spec.agency === id)
      .map(({ spec, needSets }) => ({
        ...spec,
        required: spec.required.filter((item) => needSets.every((set) => set.includes(item))),
      }));
    return {
      id,
      name: descriptor.name,
      level: descriptor.level,
      ...(own.length > 0 ? { delivery: DELIVERY_BY_LEVEL[descriptor.level] } : {}),
      services: own,
      inbox: inboxes.get(id) ?? new Map(),
    };
  });
}

function addService(
  services: Map<string, { spec: ServiceSpec; needSets: string[][] }>,
  definition: LifeEventDefinition,
  step: StepDefinition,
  agency: string,
  service: string,
  kind: ServiceSpec['kind'],
): void {
  const key = `${agency} ${service}`;
  const specs = (items: readonly string[]) => Object.fromEntries(items.flatMap((item) => itemSpec(definition, item)));
  const known = services.get(key);
  if (known) {
    // Another step (or an older version) calling the same service: it declares every item either sends.
    known.needSets.push([...step.needs]);
    services.set(key, {
      spec: { ...known.spec, needs: { ...specs(step.needs), ...known.spec.needs } },
      needSets: known.needSets,
    });
    return;
  }
  const produces = kind === 'perform' ? specs(step.produces) : {};
  services.set(key, {
    spec: { agency, service, kind, step, needs: specs(step.needs), required: [...step.needs], produces },
    needSets: [[...step.needs]],
  });
}

function itemSpec(definition: LifeEventDefinition, item: string): [string, ItemSpec][] {
  const spec = definition.dataItems[item];
  return spec ? [[item, spec.values ? { type: spec.type, values: spec.values } : { type: spec.type }]] : [];
}
