import { servicesOfAgency } from '@passage/agency-sdk';
import { appealStep, defineLifeEvent, step } from '@passage/journey-model';
import { AGENCIES, CATALOGUE, type CatalogueEntry } from '@passage/life-events';
import { buildRoster, DELIVERY_BY_LEVEL, inboxKey } from './roster';

const roster = buildRoster(CATALOGUE, AGENCIES);
const definitions = CATALOGUE.flatMap((entry) => [...entry.versions].sort((a, b) => b.version - a.version));

describe('the roster', () => {
  it('has every agency any step of the catalogue names, and no other', () => {
    const named = new Set(
      definitions.flatMap((d) =>
        d.steps.flatMap((s) => [
          s.agency,
          ...(s.compensation?.agency ? [s.compensation.agency] : []),
          ...(s.refusal?.appeal ? [s.refusal.appeal.agency] : []),
        ]),
      ),
    );
    expect(roster.map((a) => a.id)).toEqual([...named].sort());
  });

  it('serves exactly the services the conformance kit checks, with the same items', () => {
    for (const agency of roster) {
      const expected = servicesOfAgency(definitions, agency.id);
      expect(agency.services.map((s) => s.service).sort()).toEqual(expected.map((s) => s.service).sort());
      for (const service of expected) {
        const spec = agency.services.find((s) => s.service === service.service);
        expect(spec).toMatchObject({
          needs: service.needs,
          produces: service.produces,
          kind: service.kind ?? 'perform',
        });
      }
    }
  });

  it('splits service agencies by level (federal and private by webhook, Flemish and local by worker), others serve nothing', () => {
    for (const agency of roster)
      expect(agency.delivery).toBe(agency.services.length > 0 ? DELIVERY_BY_LEVEL[agency.level] : undefined);
    const deliveries = new Set(roster.map((a) => a.delivery));
    expect(deliveries).toEqual(new Set(['worker', 'webhook', undefined]));
  });

  it('puts every manual step in its agency inbox, and every appeal in the inbox of the body it goes to', () => {
    for (const definition of definitions) {
      const appeals = definition.steps.flatMap((s) => appealStep(s) ?? []);
      expect(definition.id !== 'found-association' || appeals.length > 0).toBe(true);
      for (const manual of [...definition.steps.filter((s) => s.mode === 'manual'), ...appeals]) {
        expect(
          roster.find((a) => a.id === manual.agency)?.inbox.get(inboxKey(definition.id, manual.id))?.step.service,
        ).toBe(manual.service);
      }
    }
  });

  it('requires only the items every step calling a service sends', () => {
    const texts = { nl: 'x', en: 'x', fr: 'x' };
    const items = { 'a.one': { type: 'string', label: texts }, 'a.two': { type: 'string', label: texts } } as const;
    const lifeEvent = (version: number, needs: string[]) =>
      defineLifeEvent({
        id: 'test',
        version,
        kind: 'life',
        owner: 'o',
        title: texts,
        summary: texts,
        dataItems: items,
        intake: ['a.one', 'a.two'],
        steps: [step('s', { agency: 'gemeente', service: 'svc', mode: 'automatic', title: texts, needs })],
      });
    const catalogue: CatalogueEntry[] = [
      { id: 'test', owner: CATALOGUE[0].owner, versions: [lifeEvent(1, ['a.one']), lifeEvent(2, ['a.one', 'a.two'])] },
    ];
    const [gemeente] = buildRoster(catalogue, AGENCIES);
    expect(gemeente?.services).toEqual([
      expect.objectContaining({
        service: 'svc',
        needs: { 'a.one': { type: 'string' }, 'a.two': { type: 'string' } },
        required: ['a.one'],
      }),
    ]);
  });
});
