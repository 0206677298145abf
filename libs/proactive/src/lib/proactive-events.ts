import { notFound, PassageError, type Actor } from '@passage/contracts';
import type { DataValue, DefinitionSnapshot, LifeEventDefinition } from '@passage/journey-model';
import type { Caller } from '@passage/auth';
import type { LifeEventRegistry } from '@passage/registry';
import { checkDataItems } from '@passage/validation';
import type { JourneyProposals } from './journey-proposals';
import type { ProactiveStarter, SourcedValue, SourceEvent } from './proactive-starter';
import type { SourceEventCommand } from './source-event.command';

export interface TriggerOutcome {
  readonly event: string;
  /** Journeys started at once (consent rule opt-out); `created` is false when this event had started it before. */
  readonly started: readonly {
    readonly lifeEvent: string;
    readonly version: number;
    readonly journeyId: string;
    readonly created: boolean;
  }[];
  /** Journeys proposed to the subject (consent rule opt-in). */
  readonly proposed: readonly {
    readonly lifeEvent: string;
    readonly version: number;
    readonly proposalId: string;
    readonly created: boolean;
  }[];
}

/** An event may be reported a little ahead of our clock, not from the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Authentic sources report events (a birth, a death); every life event whose latest published version is triggered
 * by it starts at once for the subject (opt-out) or is proposed to them (opt-in). Reported twice, an event starts or
 * proposes nothing more.
 */
export class ProactiveEvents {
  constructor(
    private readonly registry: LifeEventRegistry,
    private readonly starter: ProactiveStarter,
    private readonly proposals: JourneyProposals,
  ) {}

  async receive(caller: Caller, command: SourceEventCommand): Promise<TriggerOutcome> {
    const { roles, sub } = caller.principal;
    if (!roles.includes('admin') && !roles.includes('system')) throw notFound('route');
    const occurredAt = new Date(command.occurredAt);
    if (occurredAt.getTime() > Date.now() + CLOCK_SKEW_MS)
      throw new PassageError('invalid-request', 'occurredAt must not be in the future', 'occurredAt');
    const source: SourceEvent = {
      event: command.event,
      subject: command.subject,
      occurredAt: occurredAt.toISOString(),
    };

    const triggered = await this.triggeredBy(command.event);
    if (triggered.length === 0)
      throw new PassageError('invalid-request', `no published life event starts on ${command.event}`, 'event');
    // Everything is checked before anything is started.
    const given = command.data ?? {};
    const unknown = Object.keys(given).find(
      (item) => !triggered.some((snapshot) => sourceItems(snapshot.definition).has(item)),
    );
    if (unknown)
      throw new PassageError(
        'invalid-data-item',
        `${unknown} is not a data item a source gives for ${triggered.map((s) => s.id).join(', ')}`,
        `data.${unknown}`,
      );
    const perLifeEvent = new Map(triggered.map((snapshot) => [snapshot.id, dataFor(snapshot.definition, given)]));

    const startedBy: Actor = { id: sub, role: roles.includes('system') ? 'system' : 'admin' };
    const started: TriggerOutcome['started'][number][] = [];
    const proposed: TriggerOutcome['proposed'][number][] = [];
    for (const snapshot of triggered) {
      // An item no register is named for comes from whoever reported the event.
      const data = Object.fromEntries(
        Object.entries(perLifeEvent.get(snapshot.id) ?? {}).map(([item, value]): [string, SourcedValue] => [
          item,
          { value, source: snapshot.definition.dataItems[item]?.authenticSource ?? sub },
        ]),
      );
      if (snapshot.definition.trigger?.consent === 'opt-in') {
        const { id, created } = await this.proposals.propose(snapshot, source, data);
        proposed.push({ lifeEvent: snapshot.id, version: snapshot.version, proposalId: id, created });
      } else {
        const { journeyId, created } = await this.starter.start({
          snapshot,
          source,
          data,
          channel: 'automatic',
          startedBy,
        });
        started.push({ lifeEvent: snapshot.id, version: snapshot.version, journeyId, created });
      }
    }
    return { event: command.event, started, proposed };
  }

  /** The latest published version of each life event that this event triggers. */
  private async triggeredBy(event: string): Promise<DefinitionSnapshot[]> {
    const matching = (await this.registry.list()).filter((entry) => entry.definition.trigger?.event === event);
    return Promise.all(matching.map((entry) => this.registry.require(entry.id, entry.latestVersion)));
  }
}

/** Items a source may give: what the journey asks at its start, and what authentic sources hold. */
function sourceItems(definition: LifeEventDefinition): ReadonlySet<string> {
  return new Set([
    ...definition.intake,
    ...Object.entries(definition.dataItems)
      .filter(([, spec]) => spec.authenticSource)
      .map(([item]) => item),
  ]);
}

/** The given items this life event knows, checked against their types. */
function dataFor(
  definition: LifeEventDefinition,
  given: Readonly<Record<string, DataValue>>,
): Record<string, DataValue> {
  const allowed = sourceItems(definition);
  const known = Object.fromEntries(Object.entries(given).filter(([item]) => allowed.has(item)));
  return checkDataItems(definition, known, 'data', allowed);
}
