import type { DataItemSpec, LifeEventDefinition } from '@passage/journey-model';
import type { ItemSpec, ServiceUnderTest } from './probe-requests';

/**
 * The services of `agency` the kit can check, read from life-event definitions: its automatic and proactive steps,
 * and the compensations it performs (sent with the step's needed items, answered without outputs). Manual and
 * citizen steps are decided by people, in the inbox. The first definition naming a service wins: pass the newest
 * versions first.
 */
export function servicesOfAgency(definitions: readonly LifeEventDefinition[], agency: string): ServiceUnderTest[] {
  const services = new Map<string, ServiceUnderTest>();
  const add = (service: ServiceUnderTest) => {
    if (!services.has(service.service)) services.set(service.service, service);
  };
  for (const definition of definitions) {
    const specs = (items: readonly string[]) => pickSpecs(definition.dataItems, items);
    for (const step of definition.steps) {
      if ((step.mode === 'automatic' || step.mode === 'proactive') && step.agency === agency) {
        add({
          service: step.service,
          needs: specs(step.needs),
          produces: specs(step.produces),
          proactive: step.mode === 'proactive',
        });
      }
      if (step.compensation && (step.compensation.agency ?? step.agency) === agency) {
        add({ service: step.compensation.service, kind: 'compensate', needs: specs(step.needs), produces: {} });
      }
    }
  }
  return [...services.values()];
}

function pickSpecs(
  dataItems: Readonly<Record<string, DataItemSpec>>,
  items: readonly string[],
): Record<string, ItemSpec> {
  return Object.fromEntries(
    items.flatMap((item) => {
      const spec = dataItems[item];
      return spec ? [[item, spec.values ? { type: spec.type, values: spec.values } : { type: spec.type }]] : [];
    }),
  );
}
